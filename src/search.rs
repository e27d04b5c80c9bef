//! Fuzzy search and facet filters over the library: pure functions shared by the explorer and the command line.
//!
//! Matching is smart-case like fzf: a query in lower case matches any case (Unicode-aware, so `ägare`
//! finds `Ägarens`); a query with an upper-case letter matches case exactly. Words separated by spaces
//! must all match; an item's score is the sum of its words' best scores, name matches counting double.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::catalog::{Item, Library};

/// One searchable text of an item, kept as written and folded to lower case char by char.
#[derive(Debug, Clone)]
struct Key {
    original: String,
    folded: String,
}

impl Key {
    fn new(text: &str) -> Key {
        Key {
            original: text.to_owned(),
            folded: fold(text),
        }
    }

    fn text(&self, case_sensitive: bool) -> &str {
        if case_sensitive {
            &self.original
        } else {
            &self.folded
        }
    }
}

/// Lower-cases char by char, keeping the char count so match positions stay valid.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect()
}

/// The search keys of every item, built once per library.
#[derive(Debug, Default)]
pub struct SearchIndex {
    names: Vec<Vec<Key>>,
    others: Vec<Vec<Key>>,
}

impl SearchIndex {
    /// Names in every language; description, group and category names in every language.
    pub fn build(library: &Library) -> SearchIndex {
        let mut index = SearchIndex::default();
        for item in &library.items {
            index
                .names
                .push(item.name.versions().into_iter().map(Key::new).collect());
            let mut others: Vec<Key> = Vec::new();
            let mut add = |t: &crate::text::Text| others.extend(t.versions().into_iter().map(Key::new));
            if let Some(d) = &item.description {
                add(d);
            }
            if let Some(g) = library.group_of(item) {
                add(&g.name);
            }
            add(&library.category_of(item).name);
            index.others.push(others);
        }
        index
    }
}

/// A parsed query: its words and whether case matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    case_sensitive: bool,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let case_sensitive = text.chars().any(char::is_uppercase);
        Query {
            words: text.split_whitespace().map(str::to_owned).collect(),
            case_sensitive,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// An item that matched, with its score (0 for every item when the query is empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    pub score: i64,
}

fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// Every item matching `query`, best first; ties and the empty query keep document order.
pub fn matches(index: &SearchIndex, query: &Query) -> Vec<Hit> {
    let m = matcher();
    let mut hits: Vec<Hit> = (0..index.names.len())
        .filter_map(|item| score(&m, index, item, query).map(|score| Hit { item, score }))
        .collect();
    hits.sort_by_key(|h| std::cmp::Reverse(h.score));
    hits
}

fn score(m: &SkimMatcherV2, index: &SearchIndex, item: usize, query: &Query) -> Option<i64> {
    let mut total = 0;
    for word in &query.words {
        let best_name = index.names[item]
            .iter()
            .filter_map(|k| m.fuzzy_match(k.text(query.case_sensitive), word))
            .max()
            .map(|s| s * 2);
        let best_other = index.others[item]
            .iter()
            .filter_map(|k| m.fuzzy_match(k.text(query.case_sensitive), word))
            .max();
        total += best_name.max(best_other)?;
    }
    Some(total)
}

/// The char positions in `text` that the query's words match, for highlighting.
pub fn positions(text: &str, query: &Query) -> Vec<usize> {
    let m = matcher();
    let subject = if query.case_sensitive {
        text.to_owned()
    } else {
        fold(text)
    };
    let mut all: Vec<usize> = query
        .words
        .iter()
        .filter_map(|w| m.fuzzy_indices(&subject, w).map(|(_, idx)| idx))
        .flatten()
        .collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Which items to show: all unset fields let everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A category id (the same id in several catalogs counts as one category).
    pub category: Option<String>,
    /// A source id.
    pub source: Option<String>,
    /// An index into the library's catalogs.
    pub catalog: Option<usize>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn accepts(&self, library: &Library, item: &Item) -> bool {
        self.accepts_category(&library.category_of(item).id)
            && self.accepts_source(library, item)
            && self.accepts_catalog(item)
    }

    fn accepts_category(&self, category: &str) -> bool {
        self.category.as_ref().is_none_or(|c| c == category)
    }

    fn accepts_source(&self, library: &Library, item: &Item) -> bool {
        self.source.as_ref().is_none_or(|s| {
            let catalog = library.catalog_of(item);
            item.sources.iter().any(|u| catalog.sources[u.source].id == *s)
        })
    }

    fn accepts_catalog(&self, item: &Item) -> bool {
        self.catalog.is_none_or(|c| item.catalog == c)
    }
}

/// The category id an item counts as: its own, or the one a scenario gives it (`recategorised[item]`,
/// an index into its catalog's categories).
pub fn category_id<'l>(library: &'l Library, item: usize, recategorised: Option<&[usize]>) -> &'l str {
    let it = &library.items[item];
    let k = recategorised
        .and_then(|r| r.get(item).copied())
        .unwrap_or(it.category);
    &library.catalog_of(it).categories[k].id
}

/// The hits the filter lets through, in their order.
pub fn apply(library: &Library, hits: &[Hit], filter: &Filter, recategorised: Option<&[usize]>) -> Vec<Hit> {
    hits.iter()
        .copied()
        .filter(|h| {
            let item = &library.items[h.item];
            filter.accepts_category(category_id(library, h.item, recategorised))
                && filter.accepts_source(library, item)
                && filter.accepts_catalog(item)
        })
        .collect()
}

/// How many hits each facet value would show, each counted with the other facets' filters applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Hits passing the source and catalog filters, whatever their category.
    pub all_categories: usize,
    pub by_category: HashMap<String, usize>,
    /// Hits passing the category and catalog filters, whatever their source.
    pub all_sources: usize,
    pub by_source: HashMap<String, usize>,
    pub all_catalogs: usize,
    pub by_catalog: HashMap<usize, usize>,
}

pub fn facet_counts(
    library: &Library,
    hits: &[Hit],
    filter: &Filter,
    recategorised: Option<&[usize]>,
) -> FacetCounts {
    let mut counts = FacetCounts::default();
    for hit in hits {
        let item = &library.items[hit.item];
        let category = category_id(library, hit.item, recategorised);
        let (cat, src, catalog) = (
            filter.accepts_category(category),
            filter.accepts_source(library, item),
            filter.accepts_catalog(item),
        );
        if src && catalog {
            counts.all_categories += 1;
            *counts.by_category.entry(category.to_owned()).or_default() += 1;
        }
        if cat && catalog {
            counts.all_sources += 1;
            let c = library.catalog_of(item);
            for u in &item.sources {
                *counts
                    .by_source
                    .entry(c.sources[u.source].id.clone())
                    .or_default() += 1;
            }
        }
        if cat && src {
            counts.all_catalogs += 1;
            *counts.by_catalog.entry(item.catalog).or_default() += 1;
        }
    }
    counts
}

/// A facet value: an id and the item's catalog that names it first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub id: String,
    /// Index of the first catalog that declares it, for its name.
    pub catalog: usize,
}

/// Distinct category ids across catalogs, in the order they are declared.
pub fn category_values(library: &Library) -> Vec<FacetValue> {
    let mut out: Vec<FacetValue> = Vec::new();
    for (ci, c) in library.catalogs.iter().enumerate() {
        for cat in &c.categories {
            if !out.iter().any(|v| v.id == cat.id) {
                out.push(FacetValue {
                    id: cat.id.clone(),
                    catalog: ci,
                });
            }
        }
    }
    out
}

/// Distinct source ids across catalogs, in the order they are declared.
pub fn source_values(library: &Library) -> Vec<FacetValue> {
    let mut out: Vec<FacetValue> = Vec::new();
    for (ci, c) in library.catalogs.iter().enumerate() {
        for s in &c.sources {
            if !out.iter().any(|v| v.id == s.id) {
                out.push(FacetValue {
                    id: s.id.clone(),
                    catalog: ci,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_builtin;

    fn lib() -> (Library, SearchIndex) {
        let library = load_builtin().library.unwrap();
        let index = SearchIndex::build(&library);
        (library, index)
    }

    fn ids(library: &Library, hits: &[Hit]) -> Vec<String> {
        hits.iter().map(|h| library.items[h.item].id.clone()).collect()
    }

    #[test]
    fn ime_finds_imei_first() {
        let (library, index) = lib();
        let hits = matches(&index, &Query::parse("ime"));
        assert_eq!(ids(&library, &hits)[0], "imei");
    }

    #[test]
    fn empty_query_keeps_document_order() {
        let (library, index) = lib();
        let hits = matches(&index, &Query::parse("  "));
        assert_eq!(hits.len(), library.items.len());
        assert!(hits.windows(2).all(|w| w[0].item < w[1].item));
    }

    #[test]
    fn smart_case_and_swedish_letters() {
        let (library, index) = lib();
        let lower = ids(&library, &matches(&index, &Query::parse("ägarens")));
        assert!(lower.contains(&"owner-name".to_string()), "{lower:?}");
        let upper = ids(&library, &matches(&index, &Query::parse("ÄGARENS")));
        assert!(upper.is_empty(), "upper-case query is case-sensitive: {upper:?}");
        let exact = ids(&library, &matches(&index, &Query::parse("Ägarens")));
        assert!(exact.contains(&"owner-name".to_string()));
        let ao = ids(&library, &matches(&index, &Query::parse("åtkomst")));
        assert!(ao.contains(&"static-authenticators".to_string()), "{ao:?}");
    }

    #[test]
    fn every_word_must_match() {
        let (library, index) = lib();
        let both = ids(&library, &matches(&index, &Query::parse("mac wifi")));
        assert_eq!(both.first().map(String::as_str), Some("wifi-mac-address"));
        assert!(matches(&index, &Query::parse("imei zzzz")).is_empty());
    }

    #[test]
    fn positions_are_char_indices() {
        let q = Query::parse("ägn");
        assert_eq!(positions("Ägarens namn", &q), vec![0, 1, 8]);
    }

    #[test]
    fn filters_and_counts_follow_the_query() {
        let (library, index) = lib();
        let hits = matches(&index, &Query::parse("id"));
        let filter = Filter {
            category: Some("pseudonymized".into()),
            ..Filter::default()
        };
        let shown = apply(&library, &hits, &filter, None);
        assert!(
            shown
                .iter()
                .all(|h| library.category_of(&library.items[h.item]).id == "pseudonymized")
        );
        let counts = facet_counts(&library, &hits, &filter, None);
        assert_eq!(counts.by_category["pseudonymized"], shown.len());
        assert_eq!(counts.all_categories, hits.len());
        assert_eq!(counts.all_sources, shown.len());
    }
}
