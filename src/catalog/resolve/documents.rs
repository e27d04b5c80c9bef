//! A file's documents as the model holds them (format 1's one document becomes a document with one
//! edition), and section references turned into citations.

use std::collections::HashMap;

use crate::catalog::model::{Cite, Document};
use crate::catalog::schema::{self, CatalogFile, Edition, FactSpec};

/// The documents of a file and the index of every section, for resolving citations.
pub struct Citations {
    documents: HashMap<String, usize>,
    sections: Vec<HashMap<String, u32>>,
}

impl Citations {
    /// `SECTION` in the document with index `home`, or `DOCUMENT#SECTION`; a reference that does not
    /// resolve (validation has reported it) cites the home document's first section.
    pub fn cite(&self, value: &str, home: usize) -> Cite {
        let (document, section) = match value.split_once('#') {
            Some((doc, section)) => (self.documents.get(doc).copied().unwrap_or(home), section),
            None => (home, value),
        };
        Cite {
            document: u32::try_from(document).unwrap_or(0),
            section: self
                .sections
                .get(document)
                .and_then(|s| s.get(section))
                .copied()
                .unwrap_or(0),
        }
    }

    /// The citation of `value` if given, else `default`.
    pub fn or(&self, value: Option<&String>, home: usize, default: Cite) -> Cite {
        value.map_or(default, |v| self.cite(v, home))
    }

    /// The first section of a document.
    pub fn first(document: usize) -> Cite {
        Cite {
            document: u32::try_from(document).unwrap_or(0),
            section: 0,
        }
    }
}

/// Takes the file's documents out as the model's, with the index to cite them by and each document's
/// own facts.
pub fn documents(file: &mut CatalogFile) -> (Vec<Document>, Citations, Vec<Vec<FactSpec>>) {
    let raw: Vec<schema::Document> = match file.catalog.document.take() {
        Some(one) => vec![one],
        None => std::mem::take(&mut file.documents),
    };
    let v1 = file.version() < 2;
    let mut facts = Vec::with_capacity(raw.len());
    let mut named = Vec::with_capacity(raw.len());
    let mut docs: Vec<Document> = raw
        .into_iter()
        .map(|mut d| {
            facts.push(std::mem::take(&mut d.facts));
            named.push((d.version_of.take(), std::mem::take(&mut d.about)));
            document(d, v1, file)
        })
        .collect();
    let ids: HashMap<String, usize> = docs.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
    for (doc, (of, about)) in docs.iter_mut().zip(&named) {
        doc.version_of = of.as_ref().and_then(|id| ids.get(id).copied());
        doc.about = about.iter().filter_map(|id| ids.get(id).copied()).collect();
    }
    let sections = docs
        .iter()
        .map(|d| {
            d.sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), u32::try_from(i).unwrap_or(0)))
                .collect()
        })
        .collect();
    let citations = Citations {
        documents: ids,
        sections,
    };
    (docs, citations, facts)
}

fn document(d: schema::Document, v1: bool, file: &CatalogFile) -> Document {
    let mut editions = d.editions;
    if v1 {
        // Format 1 describes one edition: the document's locale names its language.
        let language = d
            .locale
            .as_deref()
            .and_then(|l| l.split(['-', '_']).next())
            .filter(|l| file.catalog.languages.iter().any(|c| c == l))
            .or_else(|| file.catalog.languages.first().map(String::as_str))
            .unwrap_or("en")
            .to_owned();
        editions = vec![Edition {
            language,
            locale: d.locale,
            url: d.url,
            date: d.date,
            retrieved: d.retrieved,
            source: None,
        }];
    }
    Document {
        id: d.id.unwrap_or_else(|| file.catalog.id.clone()),
        title: d.title,
        editions,
        sections: d.sections,
        version_of: None,
        about: Vec::new(),
        not_catalogued: d.not_catalogued,
    }
}
