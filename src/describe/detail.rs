//! Everything known about one item, as labelled fields: what the explorer's detail pane and `show` print.

use std::fmt::Write as _;

use crate::catalog::{Basis, Library, Origin};
use crate::describe::{provenance, section_label};
use crate::i18n::words;
use crate::scenario::Scenario;
use crate::text::Lang;

/// One line of a field: the text, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    /// Provenance or a remark, shown dimmed.
    pub meta: Option<String>,
}

impl Entry {
    fn plain(text: impl Into<String>) -> Entry {
        Entry {
            text: text.into(),
            meta: None,
        }
    }

    fn with_meta(text: impl Into<String>, meta: impl Into<String>) -> Entry {
        Entry {
            text: text.into(),
            meta: Some(meta.into()),
        }
    }
}

/// A labelled field of the detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub entries: Vec<Entry>,
}

/// The whole detail of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub id: String,
    pub name: String,
    /// The name in the catalog's other languages, where it differs.
    pub other_names: Vec<String>,
    pub fields: Vec<Field>,
}

/// Builds the detail of `library.items[index]` in `lang`; with a scenario, what it means comes first.
pub fn detail(library: &Library, index: usize, lang: Lang, scenario: &Scenario) -> Detail {
    let w = words(lang);
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let category = library.category_of(item);
    let name = item.name.get(lang).to_owned();
    let other_names = catalog
        .languages
        .iter()
        .filter(|code| code.as_str() != lang.code())
        .filter_map(|code| item.name.exact(code))
        .filter(|n| *n != name)
        .map(str::to_owned)
        .collect();

    let mut fields = Vec::new();
    let mut field = |label, entries: Vec<Entry>| {
        if !entries.is_empty() {
            fields.push(Field { label, entries });
        }
    };
    if item.altered {
        field(w.warning, vec![Entry::plain(format!("⚠ {}", w.altered_text))]);
    }
    if !scenario.is_empty() {
        field(
            w.in_this_setup,
            crate::describe::outcome::explain(library, index, scenario, lang),
        );
    }
    field(
        w.category,
        vec![Entry::with_meta(
            category.name.get(lang),
            category
                .definition
                .as_ref()
                .map_or(w.no_definition, |d| d.get(lang)),
        )],
    );
    if let Some(group) = library.group_of(item) {
        let mut e = vec![Entry::plain(group.name.get(lang))];
        if let Some(d) = &group.description {
            e[0].meta = Some(d.get(lang).to_owned());
        }
        field(w.group, e);
    }
    field(
        w.description,
        item.description
            .iter()
            .map(|d| Entry::plain(d.get(lang)))
            .collect(),
    );
    field(w.collected_from, sources(library, index, lang));
    let statements = |list: &[crate::catalog::Effective], none: &str| -> Vec<Entry> {
        if list.is_empty() {
            return vec![Entry::plain(none)];
        }
        list.iter()
            .map(|e| Entry::with_meta(e.text.get(lang), provenance(catalog, e, lang)))
            .collect()
    };
    field(w.conditions, statements(&item.conditions, w.no_conditions));
    field(w.purpose, statements(&item.purposes, w.no_purpose));
    field(
        w.platforms,
        item.platforms
            .iter()
            .map(|&p| Entry::plain(catalog.platforms[p].name.get(lang)))
            .collect(),
    );
    field(
        w.notes,
        item.notes
            .iter()
            .map(|n| Entry::plain(n.text.get(lang)))
            .collect(),
    );
    field(
        w.also_listed,
        item.also_listed
            .iter()
            .map(|&j| {
                let other = &library.items[j];
                let place = library
                    .group_of(other)
                    .map_or_else(|| library.category_of(other).name.get(lang), |g| g.name.get(lang));
                Entry::with_meta(format!("{} — {place}", other.name.get(lang)), other.id.clone())
            })
            .collect(),
    );
    field(w.list_complete, vec![completeness(library, index, lang)]);
    field(
        w.document,
        vec![Entry::with_meta(
            document_line(library, index, lang),
            section_label(catalog, &item.section, lang),
        )],
    );
    Detail {
        id: item.id.clone(),
        name,
        other_names,
        fields,
    }
}

fn sources(library: &Library, index: usize, lang: Lang) -> Vec<Entry> {
    let w = words(lang);
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    if item.sources.is_empty() {
        return vec![Entry::plain(w.no_source)];
    }
    item.sources
        .iter()
        .map(|u| {
            let source = &catalog.sources[u.source];
            let text = match &source.condition {
                Some(c) => format!(
                    "{} — {} {}",
                    source.name.get(lang),
                    w.when,
                    strip_when(c.text.get(lang), w.when)
                ),
                None => source.name.get(lang).to_owned(),
            };
            let mut meta = match u.origin {
                Origin::Group(g) => format!("{} “{}”", w.source_for_group, catalog.groups[g].name.get(lang)),
                _ => w.source_for_item.to_owned(),
            };
            if u.basis == Basis::Inferred {
                meta = format!("{meta} · {}", w.inferred);
            }
            Entry::with_meta(text, meta)
        })
        .collect()
}

/// A condition that already starts with "when" is not prefixed twice.
fn strip_when<'t>(text: &'t str, when: &str) -> &'t str {
    let lower = text.to_lowercase();
    if lower.starts_with(&format!("{when} ")) {
        &text[when.len() + 1..]
    } else {
        text
    }
}

fn completeness(library: &Library, index: usize, lang: Lang) -> Entry {
    let w = words(lang);
    let item = &library.items[index];
    if item.exhaustive {
        return Entry::plain(w.list_is_complete);
    }
    match &item.exhaustive_note {
        Some(note) => Entry::with_meta(
            format!("{}.", w.list_not_complete),
            format!("“{}”", note.get(lang).trim_end_matches(':')),
        ),
        None => Entry::plain(format!("{}.", w.list_not_complete)),
    }
}

/// "“Datainsamling i Intune” (Microsoft Intune, Microsoft), dated 2018-05-18".
pub fn document_line(library: &Library, index: usize, lang: Lang) -> String {
    let w = words(lang);
    let catalog = library.catalog_of(&library.items[index]);
    let doc = &catalog.document;
    let mut line = format!(
        "“{}” ({}, {})",
        doc.title.get(lang),
        catalog.product,
        catalog.publisher
    );
    if let Some(date) = &doc.date {
        let _ = write!(line, ", {} {date}", w.dated);
    }
    line
}
