//! Every text a catalog quotes from its documents, with the document it quotes and the entry it
//! stands on. Names, descriptions, headings, section titles and the words of stated facts are
//! quotes; notes, link reasons, subjects, parties and inferred facts are the catalog's own words.

use std::sync::Arc;

use crate::catalog::{Catalog, Fact, Library, Statement, Value};
use crate::text::Text;

/// One quoted text in one language (or in every language, for a plain text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote<'l> {
    pub text: &'l str,
    /// The language it is quoted in; `None` for a plain text, which every edition must hold.
    pub language: Option<&'l str>,
    /// Index of the document in its catalog.
    pub document: usize,
    /// The entry it stands on, for messages: "item `imei` name".
    pub place: String,
}

/// Collects quotes, each statement once however many items it reaches.
struct Quotes<'l> {
    out: Vec<Quote<'l>>,
    seen: Vec<*const Statement>,
}

impl<'l> Quotes<'l> {
    fn text(&mut self, text: &'l Text, document: usize, place: &str) {
        match text {
            Text::Plain(s) => self.out.push(Quote {
                text: s,
                language: None,
                document,
                place: place.to_owned(),
            }),
            Text::Localized(versions) => {
                for (code, s) in versions {
                    self.out.push(Quote {
                        text: s,
                        language: Some(code),
                        document,
                        place: place.to_owned(),
                    });
                }
            }
        }
    }

    fn fact(&mut self, fact: &'l Fact, place: &str) {
        let statement: &'l Arc<Statement> = &fact.statement;
        let ptr = Arc::as_ptr(statement);
        if statement.inferred || self.seen.contains(&ptr) {
            return;
        }
        self.seen.push(ptr);
        let document = fact.cite.document as usize;
        let place = format!("{place}, {} fact", statement.kind);
        self.text(&statement.text, document, &place);
        for (key, value) in &statement.values {
            if let Value::Text(t) = value {
                self.text(t, document, &format!("{place}, {}", key.id()));
            }
        }
    }
}

/// Every quote of catalog `index` of the library.
pub fn quotes(library: &Library, index: usize) -> Vec<Quote<'_>> {
    let catalog: &Catalog = &library.catalogs[index];
    let mut q = Quotes {
        out: Vec::new(),
        seen: Vec::new(),
    };
    for (d, doc) in catalog.documents.iter().enumerate() {
        let place = format!("document `{}`", doc.id);
        q.text(&doc.title, d, &format!("{place} title"));
        for s in &doc.sections {
            q.text(&s.title, d, &format!("{place} section `{}`", s.id));
        }
        for n in &doc.not_catalogued {
            q.text(&n.text, d, &format!("{place} not_catalogued"));
        }
    }
    for s in &catalog.statements {
        q.fact(s, "catalog statement");
    }
    for (i, s) in catalog.sources.iter().enumerate() {
        let d = catalog.cites.sources[i].document as usize;
        q.text(&s.name, d, &format!("source `{}` name", s.id));
    }
    for (k, c) in catalog.categories.iter().enumerate() {
        let d = catalog.cites.categories[k].document as usize;
        let place = format!("category `{}`", c.id);
        q.text(&c.name, d, &format!("{place} name"));
        for (key, t) in [
            ("definition", &c.definition),
            ("exhaustive_note", &c.exhaustive_note),
        ] {
            if let Some(t) = t {
                q.text(t, d, &format!("{place} {key}"));
            }
        }
    }
    for (g, group) in catalog.groups.iter().enumerate() {
        let d = catalog.cites.groups[g].document as usize;
        let place = format!("group `{}`", group.id);
        q.text(&group.name, d, &format!("{place} name"));
        for (key, t) in [
            ("description", &group.description),
            ("exhaustive_note", &group.exhaustive_note),
        ] {
            if let Some(t) = t {
                q.text(t, d, &format!("{place} {key}"));
            }
        }
    }
    for item in library.items.iter().filter(|i| i.catalog == index) {
        let place = format!("item `{}`", item.id);
        q.text(&item.name, item.document, &format!("{place} name"));
        if let Some(t) = &item.description {
            q.text(t, item.document, &format!("{place} description"));
        }
        for fact in &item.facts {
            q.fact(fact, &place);
        }
    }
    q.out
}
