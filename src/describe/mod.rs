//! Words about an item for people: the detail fields and the answer paragraph, shared by the explorer
//! and the command line, every fact with where it comes from.

pub mod answer;
pub mod detail;
pub mod outcome;

use std::fmt::Write as _;

use crate::catalog::{Basis, Catalog, Cite, Fact, Key, Origin, Statement, Value};
use crate::i18n::words;
use crate::text::Lang;

/// `s` with its first letter in lower case, unless the word is an acronym or a name.
pub(crate) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_owned(),
    }
}

/// "stated for the group “Application inventory”", and so on.
pub fn origin_label(catalog: &Catalog, origin: Origin, lang: Lang) -> String {
    let w = &words(lang).detail;
    match origin {
        Origin::Item => w.stated_for_item.to_owned(),
        Origin::Group(g) => format!("{} “{}”", w.stated_for_group, catalog.groups[g].name.get(lang)),
        Origin::Category(c) => format!(
            "{} “{}”",
            w.stated_for_category,
            catalog.categories[c].name.get(lang)
        ),
        Origin::Source(s) => format!("{} “{}”", w.stated_for_source, catalog.sources[s].name.get(lang)),
        Origin::Document(d) => format!(
            "{} “{}”",
            w.stated_for_document,
            catalog.documents[d].title.get(lang)
        ),
        Origin::Catalog => w.stated_for_catalog.to_owned(),
    }
}

/// Where a citation points: "section “Identified data” (#identified-data)"; in a catalog of several
/// documents, the document's title and date first.
pub fn section_label(catalog: &Catalog, cite: Cite, lang: Lang) -> String {
    let w = &words(lang).detail;
    let id = catalog.section(cite).map_or("", |s| s.id.as_str());
    let mut label = match catalog.section_title(cite, lang) {
        Some(title) => format!("{} “{title}” (#{id})", w.section),
        None => format!("{} #{id}", w.section),
    };
    if catalog.documents.len() > 1
        && let Some(doc) = catalog.documents.get(cite.document as usize)
    {
        label = format!("“{}”, {label}", doc.title.get(lang));
        if let Some(date) = doc.date(lang) {
            let _ = write!(label, ", {} {date}", w.dated);
        }
    }
    label
}

/// Where a fact comes from and how sure the catalog is of it, in one line.
pub fn provenance(catalog: &Catalog, fact: &Fact, lang: Lang) -> String {
    let mut parts = vec![origin_label(catalog, fact.origin, lang)];
    if fact.basis == Basis::Inferred {
        parts.push(words(lang).detail.inferred.to_owned());
    }
    parts.push(section_label(catalog, fact.cite, lang));
    parts.join(" · ")
}

/// A fact's keys in words, such as "party Apple · service: ASM/DEP · field: `serial_number`"; `None`
/// when it has none.
pub fn values(catalog: &Catalog, statement: &Statement, lang: Lang) -> Option<String> {
    let k = &words(lang).kinds;
    let parts: Vec<String> = statement
        .values
        .iter()
        .map(|(key, value)| {
            let shown = match value {
                Value::Text(t) => t.get(lang).to_owned(),
                Value::Party(p) => catalog.parties[*p].name.get(lang).to_owned(),
                Value::Subject(s) => catalog.subjects[*s].name.get(lang).to_owned(),
                Value::Choice(c) => k.choice(*c).to_owned(),
                Value::Duration(d) => format!("{} {}", d.amount, k.unit(d.unit, d.amount)),
                Value::Flag(true) => k.yes.to_owned(),
                Value::Flag(false) => k.no.to_owned(),
            };
            if *key == Key::AtMost {
                return match value {
                    Value::Flag(true) => k.key(*key).to_owned(),
                    _ => String::new(),
                };
            }
            match value {
                Value::Text(_) => format!("{}: {shown}", k.key(*key)),
                _ => format!("{} {shown}", k.key(*key)),
            }
        })
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}
