//! The record of processing (GDPR Article 30(1)) built from a library's facts: one activity per
//! category of each document (or per document, for its entries outside any category), each field
//! filled from the facts that reach the activity's entries, every entry with its citations. The
//! writers (Markdown, CSV, workbook) only lay it out.

pub mod csv;
pub mod markdown;
pub mod xlsx;

use std::sync::Arc;

use crate::catalog::{Basis, Catalog, Cite, FactKind, Library, Origin, Statement, Use};
use crate::describe::{section_label, values};
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
        .map(|field| (field, entries(library, catalog, &items, field, lang)))
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

fn entries(library: &Library, catalog: &Catalog, items: &[usize], field: Field, lang: Lang) -> Vec<Entry> {
    if let Some(kind) = field.kind() {
        let mut out: Vec<Entry> = Vec::new();
        for (s, basis) in distinct_facts(library, items, kind) {
            let text = s.text.get(lang).to_owned();
            let detail = values(catalog, &s, lang);
            // One sentence stated with several keys (the storage locations it lists, the rights it
            // names) is one line with each of them.
            if let Some(e) = out.iter_mut().find(|e| e.text == text && e.cites == [s.cite]) {
                e.basis = e.basis.min(basis);
                e.detail = match (e.detail.take(), detail) {
                    (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
                    (a, b) => a.or(b),
                };
                continue;
            }
            out.push(Entry {
                text,
                quoted: true,
                detail,
                basis,
                cites: vec![s.cite],
            });
        }
        return out;
    }
    match field {
        Field::Subjects => subjects(library, catalog, items, lang),
        Field::Data => data(library, catalog, items, lang),
        Field::Recipients => parties(library, catalog, items, FactKind::SharedWith, lang),
        Field::Origins => {
            let mut out = sources(library, catalog, items, lang);
            out.extend(parties(library, catalog, items, FactKind::ReceivedFrom, lang));
            out
        }
        _ => Vec::new(),
    }
}

/// The statements of one kind that reach the items, each once, in the order first met, with the
/// firmer basis it reaches any of them with.
fn distinct_facts(library: &Library, items: &[usize], kind: FactKind) -> Vec<(Arc<Statement>, Basis)> {
    let mut out: Vec<(Arc<Statement>, Basis)> = Vec::new();
    for &i in items {
        for f in library.items[i].facts_of(kind) {
            match out.iter_mut().find(|(s, _)| Arc::ptr_eq(s, &f.statement)) {
                Some((_, basis)) => *basis = (*basis).min(f.basis),
                None => out.push((Arc::clone(&f.statement), f.basis)),
            }
        }
    }
    out
}

/// Where a source, subject or party reference is given: the item's section or its group's.
fn use_cite(library: &Library, catalog: &Catalog, item: usize, u: &Use) -> Cite {
    match u.origin {
        Origin::Group(g) => catalog.cites.groups[g],
        _ => library.items[item].cite,
    }
}

fn push_entry(out: &mut Vec<Entry>, text: String, basis: Basis, cite: Cite) {
    match out.iter_mut().find(|e| e.text == text) {
        Some(e) => {
            e.basis = e.basis.min(basis);
            if !e.cites.contains(&cite) {
                e.cites.push(cite);
            }
        }
        None => out.push(Entry {
            text,
            quoted: false,
            detail: None,
            basis,
            cites: vec![cite],
        }),
    }
}

fn subjects(library: &Library, catalog: &Catalog, items: &[usize], lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    for &i in items {
        for u in &library.items[i].subjects {
            let name = catalog.subjects[u.index].name.get(lang).to_owned();
            push_entry(&mut out, name, u.basis, use_cite(library, catalog, i, u));
        }
    }
    out
}

fn sources(library: &Library, catalog: &Catalog, items: &[usize], lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    for &i in items {
        for u in &library.items[i].sources {
            let name = catalog.sources[u.index].name.get(lang).to_owned();
            push_entry(&mut out, name, u.basis, catalog.cites.sources[u.index]);
        }
    }
    out
}

/// One entry per heading the items stand under (their group, else the activity itself), naming
/// the items.
fn data(library: &Library, catalog: &Catalog, items: &[usize], lang: Lang) -> Vec<Entry> {
    let mut out: Vec<(Option<usize>, Entry)> = Vec::new();
    for &i in items {
        let it = &library.items[i];
        let name = it.name.get(lang).to_owned();
        if let Some((_, e)) = out.iter_mut().find(|(g, _)| *g == it.group) {
            let detail = e.detail.get_or_insert_with(String::new);
            detail.push_str(", ");
            detail.push_str(&name);
            if !e.cites.contains(&it.cite) {
                e.cites.push(it.cite);
            }
            continue;
        }
        let heading = it.group.map(|g| catalog.groups[g].name.get(lang).to_owned());
        let entry = Entry {
            text: heading.unwrap_or_default(),
            quoted: false,
            detail: Some(name),
            basis: Basis::Stated,
            cites: vec![it.cite],
        };
        out.push((it.group, entry));
    }
    out.into_iter().map(|(_, e)| e).collect()
}

/// The facts stated per entry for one party, summed up: its services and how many fields.
struct PartyLine {
    party: usize,
    services: Vec<String>,
    fields: usize,
    basis: Basis,
    cites: Vec<Cite>,
}

/// Per party, what goes to it (or comes from it): the facts stated for more than one entry, quoted,
/// and one line for those stated per entry, with the services and the number of fields.
fn parties(library: &Library, catalog: &Catalog, items: &[usize], kind: FactKind, lang: Lang) -> Vec<Entry> {
    let w = &words(lang).records;
    let mut out = Vec::new();
    let mut per_party: Vec<PartyLine> = Vec::new();
    for &i in items {
        for f in library.items[i].facts_of(kind) {
            let Some(party) = f.party() else { continue };
            if f.origin != Origin::Item {
                continue;
            }
            let at = per_party
                .iter()
                .position(|p| p.party == party)
                .unwrap_or_else(|| {
                    per_party.push(PartyLine {
                        party,
                        services: Vec::new(),
                        fields: 0,
                        basis: f.basis,
                        cites: Vec::new(),
                    });
                    per_party.len() - 1
                });
            let line = &mut per_party[at];
            if let Some(crate::catalog::Value::Text(t)) = f.value(crate::catalog::Key::Service) {
                let service = t.get(lang).to_owned();
                if !line.services.contains(&service) {
                    line.services.push(service);
                }
            }
            line.fields += 1;
            line.basis = line.basis.min(f.basis);
            if !line.cites.contains(&f.cite) {
                line.cites.push(f.cite);
            }
        }
    }
    for (s, basis) in distinct_facts(library, items, kind) {
        let Some(party) = s.party() else { continue };
        let stated_per_item = items.iter().all(|&i| {
            library.items[i]
                .facts_of(kind)
                .all(|f| !Arc::ptr_eq(&f.statement, &s) || f.origin == Origin::Item)
        });
        if stated_per_item {
            continue;
        }
        out.push(Entry {
            text: s.text.get(lang).to_owned(),
            quoted: true,
            detail: Some(catalog.parties[party].name.get(lang).to_owned()),
            basis,
            cites: vec![s.cite],
        });
    }
    for line in per_party {
        let (one, many) = w.fields_named;
        let n = line.fields;
        let mut detail = format!("{n} {}", if n == 1 { one } else { many });
        if !line.services.is_empty() {
            detail = format!("{}: {} · {detail}", w.services, line.services.join(", "));
        }
        out.push(Entry {
            text: catalog.parties[line.party].name.get(lang).to_owned(),
            quoted: false,
            detail: Some(detail),
            basis: line.basis,
            cites: line.cites,
        });
    }
    out
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
