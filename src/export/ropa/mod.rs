//! The record of processing (GDPR Article 30(1)) built from a library's facts: one activity per
//! category of each document (or per document, for its entries outside any category), each field
//! filled from the facts that reach the activity's entries, every entry with its citations. The
//! writers (Markdown, CSV, workbook) only lay it out.

pub mod csv;
mod fill;
pub mod markdown;
pub mod xlsx;

use crate::catalog::{Basis, Catalog, Cite, FactKind, Library};
use crate::describe::section_label;
use crate::i18n::{fill, words};
use crate::text::Lang;

/// A field of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Controller,
    Purposes,
    Subjects,
    Data,
    Recipients,
    Origins,
    Transfers,
    Retention,
    Storage,
    Security,
    Rights,
}

impl Field {
    /// Every field, in the order of Article 30(1), then what Articles 13–15 add.
    pub const ALL: [Field; 11] = [
        Field::Controller,
        Field::Purposes,
        Field::Subjects,
        Field::Data,
        Field::Recipients,
        Field::Origins,
        Field::Transfers,
        Field::Retention,
        Field::Storage,
        Field::Security,
        Field::Rights,
    ];

    pub fn name(self, lang: Lang) -> &'static str {
        let w = &words(lang).records;
        match self {
            Field::Controller => w.controller,
            Field::Purposes => w.purposes,
            Field::Subjects => w.subjects,
            Field::Data => w.data,
            Field::Recipients => w.recipients,
            Field::Origins => w.origins,
            Field::Transfers => w.transfers,
            Field::Retention => w.retention,
            Field::Storage => w.storage,
            Field::Security => w.security,
            Field::Rights => w.rights,
        }
    }

    /// The kind of fact that answers the field, for the fields a kind answers whole. No kind of fact
    /// says who the controller is or that data is transferred to a third country, so those two are
    /// answered by none: the record says the documents do not state them.
    fn kind(self) -> Option<FactKind> {
        match self {
            Field::Purposes => Some(FactKind::Purpose),
            Field::Retention => Some(FactKind::Retention),
            Field::Storage => Some(FactKind::Storage),
            Field::Security => Some(FactKind::Security),
            Field::Rights => Some(FactKind::Right),
            _ => None,
        }
    }
}

/// One line of a field: a quote or a name, what its keys say, and where it is stated.
#[derive(Debug, Clone)]
pub struct Entry {
    pub text: String,
    /// Whether `text` is a document's words (shown in quotation marks) rather than a name.
    pub quoted: bool,
    pub detail: Option<String>,
    pub basis: Basis,
    pub cites: Vec<Cite>,
}

/// One processing activity and its fields.
#[derive(Debug, Clone)]
pub struct Activity {
    pub catalog: usize,
    /// The document that lists its entries.
    pub document: usize,
    pub category: Option<usize>,
    pub title: String,
    pub items: Vec<usize>,
    /// Every field of [`Field::ALL`], in order; an empty list is a field the documents do not answer.
    pub fields: Vec<(Field, Vec<Entry>)>,
}

impl Activity {
    /// The documents its entries cite, in the catalog's order.
    pub fn documents(&self) -> Vec<usize> {
        let mut docs: Vec<usize> = self
            .fields
            .iter()
            .flat_map(|(_, entries)| entries.iter().flat_map(|e| &e.cites))
            .map(|c| c.document as usize)
            .chain([self.document])
            .collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }
}

/// Where an activity's entries stand: catalog, document and category.
type Place = (usize, usize, Option<usize>);

/// The record for the selected entries.
#[derive(Debug, Clone)]
pub struct Record {
    pub activities: Vec<Activity>,
    /// Entries left out because a document says they are never collected.
    pub left_out: usize,
    pub lang: Lang,
}

impl Record {
    pub fn build(library: &Library, selected: &[usize], lang: Lang) -> Record {
        let never = |i: usize| {
            library.items[i]
                .facts_of(FactKind::NeverCollected)
                .any(|f| f.basis == Basis::Stated)
        };
        let kept: Vec<usize> = selected.iter().copied().filter(|&i| !never(i)).collect();
        let mut groups: Vec<(Place, Vec<usize>)> = Vec::new();
        for &i in &kept {
            let it = &library.items[i];
            let key = (it.catalog, it.document, it.category);
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, items)) => items.push(i),
                None => groups.push((key, vec![i])),
            }
        }
        groups.sort_by_key(|((c, d, k), _)| (*c, *d, k.map_or(usize::MAX, |k| k)));
        let activities = groups
            .into_iter()
            .map(|((catalog, document, category), items)| {
                activity(library, catalog, document, category, items, lang)
            })
            .collect();
        Record {
            activities,
            left_out: selected.len() - kept.len(),
            lang,
        }
    }

    /// Per field, how many activities the documents leave it unanswered for.
    pub fn not_stated(&self) -> Vec<(Field, usize)> {
        Field::ALL
            .into_iter()
            .map(|field| {
                let n = self
                    .activities
                    .iter()
                    .filter(|a| a.fields.iter().any(|(f, e)| *f == field && e.is_empty()))
                    .count();
                (field, n)
            })
            .collect()
    }

    /// The summary's lines: one per field some activity leaves unanswered.
    pub fn summary_lines(&self) -> Vec<String> {
        let w = &words(self.lang).records;
        let total = self.activities.len().to_string();
        let lines: Vec<String> = self
            .not_stated()
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(field, n)| {
                fill(
                    w.not_stated_count,
                    &[
                        ("field", field.name(self.lang)),
                        ("n", &n.to_string()),
                        ("total", &total),
                    ],
                )
            })
            .collect();
        if lines.is_empty() {
            vec![w.every_field_stated.to_owned()]
        } else {
            lines
        }
    }
}

fn activity(
    library: &Library,
    catalog_index: usize,
    document: usize,
    category: Option<usize>,
    items: Vec<usize>,
    lang: Lang,
) -> Activity {
    let catalog = &library.catalogs[catalog_index];
    let doc_name = catalog.document_name(document, lang);
    let title = match category {
        Some(k) => format!("{} — {doc_name}", catalog.categories[k].name.get(lang)),
        None => doc_name,
    };
    let fields = Field::ALL
        .into_iter()
        .map(|field| (field, fill::entries(library, catalog, &items, field, lang)))
        .collect();
    Activity {
        catalog: catalog_index,
        document,
        category,
        title,
        items,
        fields,
    }
}

/// An entry in one line: “quote” (keys · inferred) — where it is stated.
pub fn entry_line(catalog: &Catalog, entry: &Entry, lang: Lang) -> String {
    let mut notes: Vec<String> = entry.detail.iter().cloned().collect();
    if entry.basis == Basis::Inferred {
        notes.push(words(lang).export.inferred.to_owned());
    }
    let text = match (entry.quoted, entry.text.is_empty()) {
        (true, _) => format!("“{}”", entry.text),
        (false, true) => String::new(),
        (false, false) => entry.text.clone(),
    };
    let notes = if notes.is_empty() {
        String::new()
    } else if text.is_empty() {
        notes.join(" · ")
    } else {
        format!(" ({})", notes.join(" · "))
    };
    let cites: Vec<String> = entry
        .cites
        .iter()
        .map(|&c| section_label(catalog, c, lang))
        .collect();
    format!("{text}{notes} — {}", cites.join("; "))
}

/// A field's lines, or the one line that says the documents do not answer it.
pub fn field_lines(catalog: &Catalog, entries: &[Entry], lang: Lang) -> Vec<String> {
    if entries.is_empty() {
        return vec![words(lang).records.not_stated.to_owned()];
    }
    entries.iter().map(|e| entry_line(catalog, e, lang)).collect()
}
