//! The answer for one item: what the explorer copies with Ctrl-Y and `privcat answer` prints. Each line
//! quotes the documents and ends with the number of its source; the sources follow, with their
//! sections, dates and addresses.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::sync::Arc;

use crate::catalog::kinds::Choice;
use crate::catalog::{Basis, Cite, Fact, FactKind, Key, Library, Origin, Statement, Value};
use crate::describe::lower_first;
use crate::i18n::words;
use crate::scenario::{Outcome, Scenario, evaluate};
use crate::search::Topic;
use crate::text::Lang;

/// Whether an answer gives `fact`: everything said of the entry or its group; of what is said of
/// its category or source, what bears on this field (when, why, who sees or gets it, how long it
/// is kept); of what is said of a whole document, how long the data is kept and how to have it
/// deleted. Of another listing of the field (`own` false), only what is said of that entry or its
/// group.
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
        Origin::Document(_) | Origin::Catalog => {
            let deletion = fact.kind == FactKind::Right
                && fact.statement.value(Key::Action) == Some(&Value::Choice(Choice::Delete));
            own && (fact.kind == FactKind::Retention || deletion)
        }
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
    /// Whether the setup asked about leaves the item not collected or open: its source is then
    /// where it comes from when it is collected, not a statement that it is.
    maybe_collected: bool,
    /// Whether the first line already gives the item's description after its name.
    titled: bool,
}

impl<'l> Answer<'l> {
    fn new(library: &'l Library, lang: Lang) -> Answer<'l> {
        Answer {
            library,
            lang,
            lines: Vec::new(),
            sources: Vec::new(),
            given: HashSet::new(),
            maybe_collected: false,
            titled: false,
        }
    }

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
        if let Some(d) = item.description.as_ref().filter(|_| !(own && self.titled)) {
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
            let from = if self.maybe_collected {
                p.collected_from_if
            } else {
                p.collected_from
            };
            let mut s = format!("{from} {}", lower_first(source.name.get(lang)));
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
                if kind == FactKind::Purpose {
                    purposes += 1;
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

    /// `head`, then the lines and, when any line cites one, the numbered sources.
    fn finish(mut self, mut head: Vec<String>) -> String {
        head.append(&mut self.lines);
        if !self.sources.is_empty() {
            head.push(format!("{}:", words(self.lang).answer.sources));
            head.extend(self.sources());
        }
        head.join("\n")
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

/// The longest description given in brackets after the name, rather than on a line of its own.
const SHORT_DESCRIPTION: usize = 60;

/// The answer to paste into a ticket: the item, where the documents list it, with a scenario what
/// holds in that setup, what the documents say of it and of the other listings of the same field,
/// and the sources, each line with the number of its source.
pub fn answer(library: &Library, index: usize, lang: Lang, scenario: &Scenario) -> String {
    let p = &words(lang).answer;
    let item = &library.items[index];
    let mut a = Answer::new(library, lang);
    // A short description reads as the page writes it: "Static authenticators (customer's password)".
    let short = item
        .description
        .as_ref()
        .map(|d| d.get(lang))
        .filter(|d| d.chars().count() <= SHORT_DESCRIPTION && !d.trim_end().ends_with('.'));
    a.titled = short.is_some();
    let mut out = vec![match short {
        Some(d) => format!("{} ({d})", item.name.get(lang)),
        None => item.name.get(lang).to_owned(),
    }];
    if !scenario.is_empty() {
        a.maybe_collected = evaluate(library, index, scenario).outcome != Outcome::Collected;
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
    a.finish(out)
}

/// What the documents say nearest to a question that nothing in the library matches: that their
/// lists are not exhaustive (so no match is no answer), and what they say is never collected and
/// never visible to the organization, each with its source.
pub fn unlisted(library: &Library, lang: Lang) -> String {
    let p = &words(lang).answer;
    let mut a = Answer::new(library, lang);
    // The first list that says it is not exhaustive, in its own words.
    let open_list = library
        .items
        .iter()
        .find(|item| !item.exhaustive && item.exhaustive_note.is_some());
    if let Some(item) = open_list {
        let note = item
            .exhaustive_note
            .as_deref()
            .map(|t| t.get(lang))
            .unwrap_or_default();
        let cite = item
            .category
            .map_or(item.cite, |k| library.catalog_of(item).cites.categories[k]);
        a.line(
            0,
            &format!("{}: “{}”", p.lists_open, note),
            Some((item.catalog, cite)),
        );
    }
    for (kind, label) in [
        (FactKind::NeverVisible, p.never_visible_list),
        (FactKind::NeverCollected, p.never_collected_list),
    ] {
        // One line per statement: the names of the listings it covers.
        let mut said: HashSet<*const Statement> = HashSet::new();
        for item in &library.items {
            for fact in item.facts_of(kind).filter(|f| f.basis == Basis::Stated) {
                if said.insert(Arc::as_ptr(&fact.statement)) {
                    let names = reached(library, fact, lang).join("; ");
                    a.line(0, &format!("{label}: {names}"), Some((item.catalog, fact.cite)));
                }
            }
        }
    }
    a.finish(Vec::new())
}

/// The names of the listings `fact`'s statement reaches, in the library's order.
fn reached<'l>(library: &'l Library, fact: &Fact, lang: Lang) -> Vec<&'l str> {
    library
        .items
        .iter()
        .filter(|i| i.facts.iter().any(|f| Arc::ptr_eq(&f.statement, &fact.statement)))
        .map(|i| i.name.get(lang))
        .collect()
}

/// The facts a topic question asks for: their kinds and, for rights, the action. Deletion brings
/// retention too: when deleted data is gone.
fn topic_facts(topic: Topic) -> &'static [(FactKind, Option<Choice>)] {
    match topic {
        Topic::Retention => &[(FactKind::Retention, None)],
        Topic::Deletion => &[
            (FactKind::Right, Some(Choice::Delete)),
            (FactKind::Retention, None),
        ],
        Topic::Sharing => &[(FactKind::SharedWith, None)],
        Topic::Storage => &[(FactKind::Storage, None)],
        Topic::Export => &[(FactKind::Right, Some(Choice::Export))],
        Topic::Correction => &[(FactKind::Right, Some(Choice::Correct))],
        Topic::Visibility => &[(FactKind::Visible, None), (FactKind::NeverVisible, None)],
    }
}

/// The answer to a question about a topic and no one field ("how long is my data kept?"): what the
/// documents say of it for whole documents, categories and groups, each line with its source.
pub fn topic(library: &Library, topic: Topic, lang: Lang) -> String {
    let p = &words(lang).answer;
    let mut a = Answer::new(library, lang);
    let wanted = |fact: &Fact| {
        let general = !matches!(fact.origin, Origin::Item);
        let of_kind = topic_facts(topic).iter().any(|&(kind, action)| {
            fact.kind == kind
                && action.is_none_or(|c| fact.statement.value(Key::Action) == Some(&Value::Choice(c)))
        });
        general && of_kind
    };
    let mut found: Vec<(usize, &Fact)> = Vec::new();
    for item in &library.items {
        for fact in item.facts.iter().filter(|f| wanted(f)) {
            if a.given.insert(Arc::as_ptr(&fact.statement)) {
                found.push((item.catalog, fact));
            }
        }
    }
    for (c, catalog) in library.catalogs.iter().enumerate() {
        // What a catalog says of all its data ("we do not sell any data …") answers who gets it.
        let general = |f: &Fact| topic == Topic::Sharing && f.kind == FactKind::Statement;
        for fact in catalog.statements.iter().filter(|f| wanted(f) || general(f)) {
            if a.given.insert(Arc::as_ptr(&fact.statement)) {
                found.push((c, fact));
            }
        }
    }
    found.sort_by_key(|(c, f)| (*c, f.cite.document, f.cite.section));
    let mut said: HashSet<&str> = HashSet::new();
    for (c, fact) in found {
        // Pages that repeat a sentence (Apple's and Google's pairs) give it once.
        if !said.insert(fact.text.get(lang)) {
            continue;
        }
        let mut s = fact.text.get(lang).to_owned();
        // What can be seen is a list: the fields each sentence covers.
        if topic == Topic::Visibility {
            let names = reached(library, fact, lang);
            if !names.is_empty() {
                let _ = write!(s, ": {}", names.join("; "));
            }
        }
        if let Some(values) = crate::describe::values(&library.catalogs[c], fact, lang) {
            let _ = write!(s, " ({values})");
        }
        if fact.basis == Basis::Inferred {
            let _ = write!(s, " ({})", words(lang).detail.inferred);
        }
        a.line(0, &s, Some((c, fact.cite)));
    }
    if a.lines.is_empty() {
        return String::new();
    }
    a.finish(vec![p.topic_heading[topic as usize].to_owned()])
}

#[cfg(test)]
mod tests;
