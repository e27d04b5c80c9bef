//! Fuzzy search over the library: pure functions shared by the explorer and the command line.
//!
//! Matching is smart-case like fzf: a query in lower case matches any case (Unicode-aware, so `ägare`
//! finds `Ägarens`); a query with an upper-case letter matches case exactly. Words separated by spaces
//! must all match. A word's score is the best of: twice its score on the item's names (every language),
//! its score on the description, on the group's name and on the category's name; an item's score is the
//! sum over words. Ties keep document order.
//!
//! Speed comes from precomputed keys ([`SearchIndex`]), a subsequence pre-check before the scorer,
//! group and category names scored once per query, both cores, and narrowing the previous matches
//! when the query only grew ([`Narrowing`]); [`matches_plain`] is the same search without any of it.

mod facets;
mod index;
mod outline;

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use facets::{Counts, FACETS, Facet, FacetIndex, FacetValue, Filter, Overrides, apply, counts};
pub use index::{Field, Key, SearchIndex, fold};
pub use outline::Row;

/// A parsed query: its words and whether case matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    raw: String,
    words: Vec<String>,
    case_sensitive: bool,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        Query {
            raw: text.to_owned(),
            words: text.split_whitespace().map(str::to_owned).collect(),
            case_sensitive: text.chars().any(char::is_uppercase),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every item matching `self` also matches `longer` is guaranteed false for the others:
    /// `longer` only adds characters at the end and keeps the case rule.
    fn narrows_to(&self, longer: &Query) -> bool {
        !self.is_empty() && longer.raw.starts_with(&self.raw) && self.case_sensitive == longer.case_sensitive
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

/// Whether the bytes of `pattern` occur in `text` in order: a cheap necessary condition for a fuzzy match.
fn is_subsequence(pattern: &[u8], text: &[u8]) -> bool {
    let mut rest = text;
    for &b in pattern {
        match memchr::memchr(b, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// The best score of `word` on any version of a field.
fn score_field(m: &SkimMatcherV2, field: &[Key], word: &str, case_sensitive: bool) -> Option<i64> {
    field
        .iter()
        .filter_map(|key| {
            let text = key.text(case_sensitive);
            if is_subsequence(word.as_bytes(), text.as_bytes()) {
                m.fuzzy_match(text, word)
            } else {
                None
            }
        })
        .max()
}

/// Scores of one word on every group and category name: computed once per query.
struct Shared {
    groups: Vec<Option<i64>>,
    categories: Vec<Option<i64>>,
}

fn shared_scores(m: &SkimMatcherV2, index: &SearchIndex, query: &Query) -> Vec<Shared> {
    let score_all = |fields: &[Field], word: &str| {
        fields
            .iter()
            .map(|f| score_field(m, f, word, query.case_sensitive))
            .collect()
    };
    query
        .words
        .iter()
        .map(|w| Shared {
            groups: score_all(&index.groups, w),
            categories: score_all(&index.categories, w),
        })
        .collect()
}

/// No skim score of a pattern of `chars` chars can exceed this: 16 a match plus at most 8 bonus, the
/// first char's bonus doubled.
fn max_score(chars: usize) -> i64 {
    i64::try_from(chars)
        .unwrap_or(i64::MAX / 32)
        .saturating_mul(24)
        .saturating_add(8)
}

/// The item's score; with `shortcut`, the description is not scored when the name already beats any
/// score it could reach (the result is the same).
fn score_item(
    m: &SkimMatcherV2,
    index: &SearchIndex,
    item: usize,
    query: &Query,
    shared: &[Shared],
    shortcut: bool,
) -> Option<i64> {
    let keys = &index.items[item];
    let mut total = 0;
    for (word, shared) in query.words.iter().zip(shared) {
        let cs = query.case_sensitive;
        let name = score_field(m, &keys.name, word, cs).map(|s| s * 2);
        let group = keys.group.and_then(|g| shared.groups[g as usize]);
        let category = keys.category.and_then(|k| shared.categories[k as usize]);
        let best_known = name.max(group).max(category);
        let description = if shortcut && best_known.is_some_and(|b| b >= max_score(word.chars().count())) {
            None
        } else {
            score_field(m, &keys.description, word, cs)
        };
        total += best_known.max(description)?;
    }
    Some(total)
}

fn ranked(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_unstable_by_key(|h| (Reverse(h.score), h.item));
    hits
}

/// Every item matching `query`, best first: the reference search, one item after another.
pub fn matches_plain(index: &SearchIndex, query: &Query) -> Vec<Hit> {
    if query.is_empty() {
        return (0..index.len()).map(|item| Hit { item, score: 0 }).collect();
    }
    let m = matcher();
    let shared = shared_scores(&m, index, query);
    ranked(
        (0..index.len())
            .filter_map(|item| {
                score_item(&m, index, item, query, &shared, false).map(|score| Hit { item, score })
            })
            .collect(),
    )
}

/// Below this many candidates one thread is quicker than two.
const PARALLEL_FROM: usize = 4096;

/// Scores `candidates` (item indices, ascending) on all available cores.
fn score_candidates(index: &SearchIndex, query: &Query, candidates: &[usize]) -> Vec<Hit> {
    let m = matcher();
    let shared = shared_scores(&m, index, query);
    let score_chunk = |chunk: &[usize]| -> Vec<Hit> {
        let m = matcher();
        chunk
            .iter()
            .filter_map(|&item| {
                score_item(&m, index, item, query, &shared, true).map(|score| Hit { item, score })
            })
            .collect()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    if candidates.len() < PARALLEL_FROM || threads < 2 {
        return score_chunk(candidates);
    }
    let size = candidates.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = candidates
            .chunks(size)
            .map(|chunk| scope.spawn(move || score_chunk(chunk)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The previous query and the items it matched, so that a longer query rescans only those.
#[derive(Debug, Default)]
pub struct Narrowing {
    last: Option<(Query, Vec<usize>)>,
}

/// Every item matching `query`, best first; the same result as [`matches_plain`], faster.
pub fn matches(index: &SearchIndex, query: &Query) -> Vec<Hit> {
    matches_narrowing(index, query, &mut Narrowing::default())
}

/// Like [`matches`], rescanning only the previous matches when `query` extends the previous query.
pub fn matches_narrowing(index: &SearchIndex, query: &Query, narrowing: &mut Narrowing) -> Vec<Hit> {
    if query.is_empty() {
        narrowing.last = None;
        return matches_plain(index, query);
    }
    let all: Vec<usize>;
    let candidates: &[usize] = match &narrowing.last {
        Some((previous, matched)) if previous.narrows_to(query) => matched,
        _ => {
            all = (0..index.len()).collect();
            &all
        }
    };
    let hits = score_candidates(index, query, candidates);
    let mut matched: Vec<usize> = hits.iter().map(|h| h.item).collect();
    matched.sort_unstable();
    narrowing.last = Some((query.clone(), matched));
    ranked(hits)
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

#[cfg(test)]
mod tests;
