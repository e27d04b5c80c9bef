//! The documents and versions an export rests on, with their dates: what each export names at its
//! top, so a reader knows which pages, of which day, it answers from.

use std::fmt::Write as _;

use crate::catalog::{Catalog, Library};
use crate::i18n::words;
use crate::text::Lang;

/// A document of a catalog, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocumentRef {
    pub catalog: usize,
    pub document: usize,
}

/// The documents the selected entries rest on: the ones that list them and every one their facts
/// cite, in catalog and document order; with the documents of the catalogs' own statements.
pub fn documents(library: &Library, selected: &[usize]) -> Vec<DocumentRef> {
    let mut out: Vec<DocumentRef> = Vec::new();
    let mut catalogs: Vec<usize> = Vec::new();
    for &i in selected {
        let it = &library.items[i];
        catalogs.push(it.catalog);
        let cited = it.facts.iter().map(|f| f.cite.document as usize);
        for document in cited.chain([it.document, it.cite.document as usize]) {
            out.push(DocumentRef {
                catalog: it.catalog,
                document,
            });
        }
    }
    catalogs.sort_unstable();
    catalogs.dedup();
    for c in catalogs {
        for s in &library.catalogs[c].statements {
            out.push(DocumentRef {
                catalog: c,
                document: s.cite.document as usize,
            });
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// One document in one line: “Title”, Publisher; each edition with its locale, date, commit and
/// address; the earlier version it replaces.
pub fn line(catalog: &Catalog, document: usize, lang: Lang) -> String {
    let w = words(lang);
    let doc = &catalog.documents[document];
    let mut line = format!("“{}”, {}", doc.title.get(lang), catalog.publisher);
    for e in &doc.editions {
        let _ = write!(line, "; {}", e.locale.as_deref().unwrap_or(&e.language));
        if let Some(date) = &e.date {
            let _ = write!(line, ", {} {date}", w.detail.dated);
        }
        if let Some(source) = &e.source
            && let Some(commit) = &source.commit
        {
            let _ = write!(line, ", {} {commit}", source.repository);
            if let Some(date) = &source.date {
                let _ = write!(line, " ({date})");
            }
        }
        if let Some(retrieved) = &e.retrieved {
            let _ = write!(line, ", {} {retrieved}", w.export.retrieved);
        }
        if let Some(url) = &e.url {
            let _ = write!(line, ", {url}");
        }
    }
    if let Some(earlier) = doc.version_of {
        let _ = write!(
            line,
            "; {} “{}”",
            w.records.later_version_of,
            catalog.documents[earlier].title.get(lang)
        );
    }
    line
}

/// The edition shown in `lang`: its address, date and retrieval date, for columns of their own.
pub fn edition_columns(catalog: &Catalog, document: usize, lang: Lang) -> [String; 3] {
    let edition = catalog.documents[document].edition(lang);
    let get = |f: fn(&crate::catalog::schema::Edition) -> &Option<String>| {
        edition.and_then(|e| f(e).clone()).unwrap_or_default()
    };
    [get(|e| &e.url), get(|e| &e.date), get(|e| &e.retrieved)]
}

/// The documents as a Markdown section, for the top of a report.
pub fn markdown(library: &Library, selected: &[usize], lang: Lang) -> String {
    let mut out = format!("## {}\n\n", words(lang).records.rests_on);
    for d in documents(library, selected) {
        let _ = writeln!(out, "- {}", line(&library.catalogs[d.catalog], d.document, lang));
    }
    out.push('\n');
    out
}
