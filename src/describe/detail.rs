//! Everything the library knows about one item, as labelled fields grouped by kind of fact, each
//! with its citation: what the explorer's detail pane and `show` print.

use std::fmt::Write as _;
use std::sync::Arc;

use crate::catalog::{Basis, Catalog, Fact, FactKind, Item, Library, Origin, Statement, Use};
use crate::describe::{provenance, section_label, values};
use crate::i18n::words;
use crate::scenario::{Scenario, Truth, dimension_name, eval};
use crate::text::{Lang, Text};

/// One line of a field: the text, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    /// Provenance or a remark, shown dimmed; may hold several lines.
    pub meta: Option<String>,
    /// Whether it rests on the catalog's own reading rather than a document.
    pub inferred: bool,
}

impl Entry {
    fn plain(text: impl Into<String>) -> Entry {
        Entry {
            text: text.into(),
            meta: None,
            inferred: false,
        }
    }

    fn with_meta(text: impl Into<String>, meta: impl Into<String>) -> Entry {
        Entry {
            text: text.into(),
            meta: Some(meta.into()),
            inferred: false,
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

/// Whether a fact with a structured condition holds in the scenario, in words.
fn in_setup(catalog: &Catalog, fact: &Fact, scenario: &Scenario, lang: Lang) -> Option<String> {
    let w = &words(lang).scenario;
    let when = fact.when.as_ref().filter(|_| !scenario.is_empty())?;
    Some(match eval(when, scenario) {
        Truth::True => w.holds_here.to_owned(),
        Truth::False => w.not_here.to_owned(),
        Truth::Unknown(dims) => {
            let names: Vec<&str> = dims.iter().map(|d| dimension_name(catalog, d, lang)).collect();
            format!(
                "{} {} {}",
                w.in_this_setup.to_lowercase(),
                w.depends_on,
                names.join(", ")
            )
        }
    })
}

/// One fact as an entry: its words, then its keys, whether it holds in the scenario and where it
/// comes from.
fn fact_entry(catalog: &Catalog, fact: &Fact, via: Option<String>, at: (&Scenario, Lang)) -> Entry {
    let (scenario, lang) = at;
    let mut meta: Vec<String> = values(catalog, fact, lang).into_iter().collect();
    meta.extend(in_setup(catalog, fact, scenario, lang));
    let mut provenance = provenance(catalog, fact, lang);
    if let Some(via) = via {
        // "Stated for this item" would name the other listing, which `via` already does.
        if fact.origin == Origin::Item {
            provenance = provenance
                .split_once(" · ")
                .map_or(provenance.clone(), |(_, rest)| rest.to_owned());
        }
        meta.push(via);
    }
    meta.push(provenance);
    Entry {
        text: fact.text.get(lang).to_owned(),
        meta: Some(meta.join("\n")),
        inferred: fact.basis == Basis::Inferred,
    }
}

/// Builds the detail of `library.items[index]` in `lang`; with a scenario, what it means comes first.
pub fn detail(library: &Library, index: usize, lang: Lang, scenario: &Scenario) -> Detail {
    let w = words(lang);
    let d = &w.detail;
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
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
        field(d.warning, vec![Entry::plain(format!("⚠ {}", d.altered_text))]);
    }
    if !scenario.is_empty() {
        field(
            w.scenario.in_this_setup,
            crate::describe::outcome::explain(library, index, scenario, lang),
        );
    }
    if let Some(category) = library.category_of(item) {
        let definition = category
            .definition
            .as_ref()
            .map_or(d.no_definition, |t| t.get(lang));
        field(
            d.category,
            vec![Entry::with_meta(category.name.get(lang), definition)],
        );
    }
    if let Some(group) = library.group_of(item) {
        let mut e = Entry::plain(group.name.get(lang));
        e.meta = group.description.as_ref().map(|t| t.get(lang).to_owned());
        field(d.group, vec![e]);
    }
    field(
        d.description,
        item.description
            .iter()
            .map(|t| Entry::plain(t.get(lang)))
            .collect(),
    );
    let collected = item.facts_of(FactKind::Collected).next().is_some();
    if collected || !item.sources.is_empty() {
        field(d.collected_from, sources(library, index, lang));
    }
    let linked = library.linked(index);
    for kind in FactKind::ALL {
        let mut entries: Vec<Entry> = item
            .facts_of(kind)
            .map(|f| fact_entry(catalog, f, None, (scenario, lang)))
            .collect();
        let mut seen: Vec<&Arc<Statement>> = item.facts.iter().map(|f| &f.statement).collect();
        for other in linked.iter().filter(|_| !kind.spec().local) {
            let theirs = &library.items[other.item];
            // What is said of the other entry or its list is said of the field; what is said of its
            // whole category or document is not.
            for fact in theirs
                .facts_of(kind)
                .filter(|f| matches!(f.origin, Origin::Item | Origin::Group(_)))
            {
                if seen.iter().any(|s| Arc::ptr_eq(s, &fact.statement)) {
                    continue;
                }
                seen.push(&fact.statement);
                let mut entry = fact_entry(
                    catalog,
                    fact,
                    Some(via(library, other.item, other.basis, lang)),
                    (scenario, lang),
                );
                entry.inferred |= other.basis == Basis::Inferred;
                entries.push(entry);
            }
        }
        if entries.is_empty() && collected {
            match kind {
                FactKind::Condition => entries.push(Entry::plain(d.no_conditions)),
                FactKind::Purpose => entries.push(Entry::plain(d.no_purpose)),
                _ => {}
            }
        }
        field(w.kinds.name(kind), entries);
    }
    field(
        d.subjects,
        uses(catalog, &item.subjects, |i| &catalog.subjects[i].name, lang),
    );
    field(
        d.parties,
        uses(catalog, &item.parties, |i| &catalog.parties[i].name, lang),
    );
    field(
        d.platforms,
        item.platforms
            .iter()
            .map(|&p| Entry::plain(catalog.platforms[p].name.get(lang)))
            .collect(),
    );
    field(
        d.notes,
        item.notes
            .iter()
            .map(|n| Entry::plain(n.text.get(lang)))
            .collect(),
    );
    field(d.linked, links(library, index, lang));
    if !item.aliases.is_empty() {
        // Every language's words: a search word finds the item whatever the interface's language.
        let mut all: Vec<&str> = item.aliases.iter().flat_map(Text::versions).collect();
        all.dedup();
        field(d.aliases, vec![Entry::with_meta(all.join(", "), d.aliases_meta)]);
    }
    if item.category.is_some() || item.exhaustive_note.is_some() {
        field(d.list_complete, vec![completeness(item, lang)]);
    }
    field(
        d.document,
        vec![Entry::with_meta(
            document_line(library, index, lang),
            document_meta(catalog, item, lang),
        )],
    );
    Detail {
        id: item.id.clone(),
        name,
        other_names,
        fields,
    }
}

/// "from its listing “IMEI” (Data collection in Intune) · the catalog reads them as the same".
fn via(library: &Library, other: usize, basis: Basis, lang: Lang) -> String {
    let d = &words(lang).detail;
    let it = &library.items[other];
    let doc = library.document_of(it).title.get(lang);
    let link = if basis == Basis::Stated {
        d.link_stated
    } else {
        d.link_inferred
    };
    format!("{} “{}” ({doc}) · {link}", d.from_listing, it.name.get(lang))
}

/// Subjects or parties with where they were given.
fn uses<'c>(catalog: &'c Catalog, list: &[Use], name: impl Fn(usize) -> &'c Text, lang: Lang) -> Vec<Entry> {
    let d = &words(lang).detail;
    list.iter()
        .map(|u| {
            let mut meta = match u.origin {
                Origin::Group(g) => format!("{} “{}”", d.given_for_group, catalog.groups[g].name.get(lang)),
                _ => d.given_for_item.to_owned(),
            };
            if u.basis == Basis::Inferred {
                let _ = write!(meta, " · {}", d.inferred);
            }
            Entry {
                text: name(u.index).get(lang).to_owned(),
                meta: Some(meta),
                inferred: u.basis == Basis::Inferred,
            }
        })
        .collect()
}

fn sources(library: &Library, index: usize, lang: Lang) -> Vec<Entry> {
    let d = &words(lang).detail;
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    if item.sources.is_empty() {
        return vec![Entry::plain(d.no_source)];
    }
    item.sources
        .iter()
        .map(|u| {
            let source = &catalog.sources[u.index];
            let text = match &source.condition {
                Some(c) => format!(
                    "{} — {} {}",
                    source.name.get(lang),
                    d.when,
                    strip_when(c.text.get(lang), d.when)
                ),
                None => source.name.get(lang).to_owned(),
            };
            let mut meta = match u.origin {
                Origin::Group(g) => format!("{} “{}”", d.source_for_group, catalog.groups[g].name.get(lang)),
                _ => d.source_for_item.to_owned(),
            };
            if u.basis == Basis::Inferred {
                meta = format!("{meta} · {}", d.inferred);
            }
            Entry {
                inferred: u.basis == Basis::Inferred,
                ..Entry::with_meta(text, meta)
            }
        })
        .collect()
}

/// The other listings of the same field, with how sure the catalog is that they are the same.
fn links(library: &Library, index: usize, lang: Lang) -> Vec<Entry> {
    let d = &words(lang).detail;
    let edges = library.edges_of(index);
    library
        .linked(index)
        .into_iter()
        .map(|other| {
            let it = &library.items[other.item];
            let place = library
                .group_of(it)
                .map(|g| g.name.get(lang))
                .or_else(|| library.category_of(it).map(|c| c.name.get(lang)))
                .unwrap_or_else(|| library.document_of(it).title.get(lang));
            let mut meta = vec![it.id.clone()];
            if library.catalog_of(it).documents.len() > 1 {
                meta.push(library.document_of(it).title.get(lang).to_owned());
            }
            meta.push(
                if other.basis == Basis::Stated {
                    d.link_stated
                } else {
                    d.link_inferred
                }
                .to_owned(),
            );
            let why = edges
                .iter()
                .find(|e| e.a == other.item || e.b == other.item)
                .and_then(|e| e.text.as_ref());
            let mut text = format!("{} — {place}", it.name.get(lang));
            if let Some(why) = why {
                let _ = write!(text, "\n{}", why.get(lang));
            }
            Entry {
                text,
                meta: Some(meta.join(" · ")),
                inferred: other.basis == Basis::Inferred,
            }
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

fn completeness(item: &Item, lang: Lang) -> Entry {
    let d = &words(lang).detail;
    if item.exhaustive {
        return Entry::plain(d.list_is_complete);
    }
    match &item.exhaustive_note {
        Some(note) => Entry::with_meta(
            format!("{}.", d.list_not_complete),
            format!("“{}”", note.get(lang).trim_end_matches(':')),
        ),
        None => Entry::plain(format!("{}.", d.list_not_complete)),
    }
}

/// "“Datainsamling i Intune” (Microsoft Intune, Microsoft), dated 2018-05-18".
pub fn document_line(library: &Library, index: usize, lang: Lang) -> String {
    let d = &words(lang).detail;
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let doc = library.document_of(item);
    let mut line = format!(
        "“{}” ({}, {})",
        doc.title.get(lang),
        catalog.product,
        catalog.publisher
    );
    if let Some(date) = doc.date(lang) {
        let _ = write!(line, ", {} {date}", d.dated);
    }
    line
}

/// The item's section, where the quoted text comes from, and which document this one revises.
fn document_meta(catalog: &Catalog, item: &Item, lang: Lang) -> String {
    let d = &words(lang).detail;
    let doc = &catalog.documents[item.document];
    let mut lines = vec![section_label(catalog, item.cite, lang)];
    if let Some(source) = doc.edition(lang).and_then(|e| e.source.as_ref()) {
        let mut from = format!("{} {}, {}", d.text_from, source.repository, source.path);
        if let Some(commit) = &source.commit {
            let _ = write!(from, " @ {commit}");
        }
        if let Some(date) = &source.date {
            let _ = write!(from, " ({date})");
        }
        lines.push(from);
    }
    if let Some(earlier) = doc.version_of.and_then(|v| catalog.documents.get(v)) {
        lines.push(format!("{} “{}”", d.later_version_of, earlier.title.get(lang)));
    }
    lines.join("\n")
}
