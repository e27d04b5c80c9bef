//! The answer for one item: what the explorer copies with `y` and `privcat answer` prints. Each line
//! quotes the documents and ends with the number of its source; the sources follow, with their
//! sections, dates and addresses.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::Arc;

use crate::catalog::{Basis, Cite, Fact, FactKind, Library, Origin, Statement};
use crate::describe::lower_first;
use crate::i18n::words;
use crate::scenario::Scenario;
use crate::text::Lang;

/// Whether an answer gives `fact`: everything said of the entry or its group; of what is said of
/// its category or source, what bears on this field (when, why, who sees or gets it, how long it
/// is kept); of what is said of a whole document, only how long the data is kept. Of another
/// listing of the field (`own` false), only what is said of that entry or its group.
fn answers(fact: &Fact, own: bool) -> bool {
    match fact.origin {
        Origin::Item | Origin::Group(_) => true,
        Origin::Category(_) | Origin::Source(_) => {
            own && matches!(
                fact.kind,
                FactKind::Condition
                    | FactKind::Purpose
                    | FactKind::NeverCollected
                    | FactKind::NeverVisible
                    | FactKind::Visible
                    | FactKind::SharedWith
                    | FactKind::ReceivedFrom
                    | FactKind::Retention
            )
        }
        Origin::Document(_) | Origin::Catalog => own && fact.kind == FactKind::Retention,
    }
}

/// The lines of an answer and the sources they cite, numbered in order of first citation.
struct Answer<'l> {
    library: &'l Library,
    lang: Lang,
    lines: Vec<String>,
    /// (catalog, citation) per source number − 1.
    sources: Vec<(usize, Cite)>,
    /// Statements already given, however many listings they reach.
    given: HashSet<*const Statement>,
}

impl Answer<'_> {
    fn cite(&mut self, catalog: usize, cite: Cite) -> usize {
        let key = (catalog, cite);
        if let Some(i) = self.sources.iter().position(|s| *s == key) {
            return i + 1;
        }
        self.sources.push(key);
        self.sources.len()
    }

    fn line(&mut self, depth: usize, text: &str, source: Option<(usize, Cite)>) {
        let mut line = format!("{}- {}", "  ".repeat(depth), text.trim_end());
        if let Some((catalog, cite)) = source {
            let n = self.cite(catalog, cite);
            let _ = write!(line, " [{n}]");
        }
        self.lines.push(line);
    }

    /// Where the document lists item `index`: category, group, or the document itself.
    fn placement(&mut self, index: usize) -> String {
        let (p, lang) = (&words(self.lang).answer, self.lang);
        let item = &self.library.items[index];
        let catalog = self.library.catalog_of(item);
        let mut s = match self.library.category_of(item) {
            Some(category) => format!(
                "{} {} {}",
                catalog.product,
                p.lists_as,
                lower_first(category.name.get(lang))
            ),
            None => format!(
                "{} {} “{}”",
                catalog.product,
                p.listed_in,
                self.library.document_of(item).title.get(lang)
            ),
        };
        if let Some(g) = self.library.group_of(item) {
            let _ = write!(s, " ({}: {})", p.group, g.name.get(lang));
        }
        let listed = item.category.is_some() || item.exhaustive_note.is_some();
        if listed && !item.exhaustive {
            let _ = write!(s, "; {}", p.not_exhaustive);
        }
        s
    }

    /// What the documents say of item `index`, indented by `depth`: where it comes from, under
    /// which conditions, why, and the other facts [`answers`] gives; `own` for the item asked
    /// about, false for another listing of it.
    fn facts(&mut self, index: usize, depth: usize, own: bool) {
        let (p, lang) = (&words(self.lang).answer, self.lang);
        let library = self.library;
        let item = &library.items[index];
        let catalog = library.catalog_of(item);
        let at = |fact: &Fact| Some((item.catalog, fact.cite));
        if let Some(d) = &item.description {
            self.line(
                depth,
                &format!("{}: {}", words(lang).detail.description, d.get(lang)),
                Some((item.catalog, item.cite)),
            );
        }
        let collected = item.facts_of(FactKind::Collected).next().is_some();
        if own && collected && item.category.is_some() && item.sources.is_empty() {
            self.line(depth, p.no_source, None);
        }
        for u in &item.sources {
            let source = &catalog.sources[u.index];
            let mut s = format!("{} {}", p.collected_from, lower_first(source.name.get(lang)));
            if let Some(c) = &source.condition {
                let _ = write!(s, ", {}", c.text.get(lang).trim_end_matches('.'));
            }
            if u.basis == Basis::Inferred {
                let _ = write!(s, " ({})", p.source_inferred);
            }
            let cite = item
                .conditions()
                .find(|c| c.origin == Origin::Source(u.index))
                .map_or(catalog.cites.sources[u.index], |c| c.cite);
            self.line(depth, &s, Some((item.catalog, cite)));
        }
        let mut purposes = 0;
        for kind in FactKind::ALL {
            if kind == FactKind::Collected {
                continue;
            }
            for fact in item.facts_of(kind) {
                // A source's condition is said with the source, above.
                let from_source = matches!(fact.origin, Origin::Source(_)) && kind == FactKind::Condition;
                if from_source || !answers(fact, own) {
                    continue;
                }
                // The nearest purpose speaks for the item; the others are its category's.
                if kind == FactKind::Purpose {
                    purposes += 1;
                    if purposes > 1 {
                        continue;
                    }
                }
                if !self.given.insert(Arc::as_ptr(&fact.statement)) {
                    continue;
                }
                let mut s = format!("{}: {}", words(lang).kinds.name(kind), fact.text.get(lang));
                if let Some(values) = crate::describe::values(catalog, fact, lang) {
                    let _ = write!(s, " ({values})");
                }
                if fact.basis == Basis::Inferred {
                    let _ = write!(s, " ({})", words(lang).detail.inferred);
                }
                self.line(depth, &s, at(fact));
            }
        }
        if own && collected && purposes == 0 {
            self.line(depth, p.no_purpose, None);
        }
    }

    /// The numbered sources: document, section, the page's date and its address.
    fn sources(&self) -> Vec<String> {
        let lang = self.lang;
        let d = &words(lang).detail;
        self.sources
            .iter()
            .enumerate()
            .map(|(i, &(c, cite))| {
                let catalog = &self.library.catalogs[c];
                let doc = &catalog.documents[cite.document as usize];
                let mut s = format!("[{}] “{}”", i + 1, doc.title.get(lang));
                if let Some(title) = catalog.section_title(cite, lang) {
                    let _ = write!(s, ", {} “{title}”", d.section);
                }
                if let Some(date) = doc.date(lang) {
                    let _ = write!(s, ", {} {date}", d.dated);
                }
                if let Some(url) = doc.edition(lang).and_then(|e| e.url.as_deref()) {
                    let _ = write!(s, ": {url}");
                }
                s
            })
            .collect()
    }
}

/// The answer to paste into a ticket: the item, where the documents list it, with a scenario what
/// holds in that setup, what the documents say of it and of the other listings of the same field,
/// and the sources, each line with the number of its source.
pub fn answer(library: &Library, index: usize, lang: Lang, scenario: &Scenario) -> String {
    let p = &words(lang).answer;
    let item = &library.items[index];
    let mut a = Answer {
        library,
        lang,
        lines: Vec::new(),
        sources: Vec::new(),
        given: HashSet::new(),
    };
    let mut out = vec![item.name.get(lang).to_owned()];
    if !scenario.is_empty() {
        out.push(crate::describe::outcome::sentence(library, index, scenario, lang));
    }
    let placement = a.placement(index);
    a.line(0, &placement, Some((item.catalog, item.cite)));
    a.facts(index, 0, true);
    for other in library.linked(index) {
        let it = &library.items[other.item];
        let basis = if other.basis == Basis::Stated {
            p.same_field_stated
        } else {
            p.same_field_inferred
        };
        let placement = a.placement(other.item);
        let text = format!("{} “{}”: {placement} ({basis})", p.also_listed, it.name.get(lang));
        a.line(0, &text, Some((it.catalog, it.cite)));
        a.facts(other.item, 1, false);
    }
    out.append(&mut a.lines);
    out.push(format!("{}:", p.sources));
    out.extend(a.sources());
    out.join("\n")
}

#[cfg(test)]
mod tests;
