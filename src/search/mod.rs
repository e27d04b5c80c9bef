//! Search over the library: pure functions shared by the explorer and the command line.
//!
//! A query is read as a support agent types it: case is ignored, the stop words of a question are
//! dropped (`kan min arbetsgivare se mina bilder` searches for `bilder`), and every remaining word
//! must meet the item somewhere. A word meets a word of a text whole or by its Snowball stem
//! (`lösenordet`, `lösenord`), as its start, inside a compound, or one typo away ([`Meet`]); a
//! word that meets no word of the library at all is tried letter by letter on the names by the
//! fuzzy scorer. What the list shows counts most: the
//! names and the catalog's aliases, then the group, then the description and category. Listings of
//! one field (a link set) rank together, in document order. Ties keep document order.
//!
//! Speed comes from the vocabulary ([`SearchIndex`]): each query word is met against every distinct
//! word once, and an item is then scored by table lookups, on every core for large libraries.

mod confidence;
mod facets;
mod ids;
pub(crate) mod index;
mod listing;
mod outline;
mod words;

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub use confidence::{Confidence, Doubt, confidence};
pub use facets::{Counts, FACETS, Facet, FacetIndex, FacetValue, Filter, Overrides, apply, counts};
pub use ids::Ids;
pub use index::{Field, Key, SearchIndex, fold};
pub use listing::Listing;
pub use outline::Row;
pub use words::{Meet, Topic, Word};
use words::{is_soft, question};

/// The most words a query searches for: each word is met against the whole vocabulary, so a pasted
/// page would make every keystroke slow.
pub const MAX_WORDS: usize = 32;

/// A parsed query: its words, stop words dropped, at most [`MAX_WORDS`] of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    words: Vec<Word>,
    /// How many words beyond [`MAX_WORDS`] were left out.
    dropped: usize,
    /// Per word: whether an item may lack it (it only says where the data is, and the query has
    /// other words).
    soft: Vec<bool>,
    topic: Option<Topic>,
    names_field: bool,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let q = question(text);
        let dropped = q.words.len().saturating_sub(MAX_WORDS);
        let words: Vec<Word> = q.words.iter().take(MAX_WORDS).map(|w| Word::new(w)).collect();
        let any_firm = words.iter().any(|w| !is_soft(&w.text));
        let soft = words.iter().map(|w| any_firm && is_soft(&w.text)).collect();
        Query {
            words,
            dropped,
            soft,
            topic: q.topic,
            names_field: q.names_field,
        }
    }

    /// Whether the query has words and all of them only say where the data is ("iphone"): it
    /// names no field.
    pub fn only_where(&self) -> bool {
        !self.words.is_empty() && self.words.iter().all(|w| is_soft(&w.text))
    }

    /// The topic the query names (how long data is kept, …), if any.
    pub fn topic(&self) -> Option<Topic> {
        self.topic
    }

    /// Whether the query names a topic and no field: a question for the documents' general facts.
    pub fn asks_topic_only(&self) -> bool {
        self.topic.is_some() && !self.names_field
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words searched for.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// How many words were left out, beyond [`MAX_WORDS`].
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// The sentence saying that words were left out, in `lang`; `None` when none were.
    pub fn dropped_note(&self, lang: crate::text::Lang) -> Option<String> {
        (self.dropped > 0).then(|| {
            crate::i18n::fill(
                crate::i18n::words(lang).ui.words_dropped,
                &[("max", &MAX_WORDS.to_string()), ("n", &self.dropped.to_string())],
            )
        })
    }
}

/// An item that matched, with its score (0 for every item when the query is empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    pub score: i64,
}

/// Where a query word met an item, from what the list shows to what it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// Nowhere: a word that only says where the data is ("phone"), which an item need not meet.
    Skipped,
    /// Only the fuzzy scorer, on a name: letters in order, not a word.
    Scattered,
    /// The description or the category's name, which the list does not show.
    Hidden,
    /// The group's name, shown beside the item.
    Group,
    /// A name or one of the catalog's aliases.
    Name,
}

/// The points of a meet by where it is; [`Meet`] orders the columns. A start counts more the more
/// of the word it is.
fn points(place: Place, (meet, share): (Meet, u8)) -> i64 {
    let full = row(place)[meet as usize];
    if meet == Meet::Prefix {
        full * (6000 + 40 * i64::from(share)) / 10_000
    } else {
        full
    }
}

/// The points of each [`Meet`] in `place`, weakest first.
const fn row(place: Place) -> [i64; 4] {
    match place {
        Place::Name => [40, 45, 70, 100],
        Place::Group => [20, 22, 35, 50],
        Place::Hidden => [10, 12, 20, 30],
        Place::Scattered | Place::Skipped => [0; 4],
    }
}

/// The most a word met in hidden text scores: a name or group meet worth this much makes the
/// description not worth reading.
const HIDDEN_BEST: i64 = row(Place::Hidden)[Meet::Whole as usize];

/// What a listing with aliases adds: the catalog chose it to answer everyday words.
const CURATED: i64 = 2;

/// The most a phrase fully met adds, so that `Location` ranks above `Installation location`.
const WHOLE_PHRASE: i64 = 10;

fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default()
}

/// How a query word meets a word of the vocabulary, and for a start, how much of the word it is
/// (in percent): `imei` is more of `imei` than of `imessage`.
type Graded = Option<(Meet, u8)>;

/// How query word `w` meets vocabulary word `v`, graded.
fn grade(w: &Word, v: &Word) -> Graded {
    w.meets(v).map(|meet| {
        let share = if meet == Meet::Prefix {
            w.len * 100 / v.len.max(1)
        } else {
            100
        };
        (meet, u8::try_from(share.min(100)).unwrap_or(100))
    })
}

/// How each query word meets each word of the vocabulary, computed once per query.
struct Prepared {
    meets: Vec<Vec<Graded>>,
    /// Per query word: its best meet in each group's name and each category's name, which many
    /// items share.
    groups: Vec<Vec<Graded>>,
    categories: Vec<Vec<Graded>>,
    /// Per query word: whether it meets any word at all. Only a word that meets none is tried
    /// letter by letter, as a typo beyond one letter; otherwise letters in order would only add noise.
    meets_some: Vec<bool>,
}

impl Prepared {
    fn new(index: &SearchIndex, query: &Query) -> Prepared {
        let meets: Vec<Vec<Graded>> = query
            .words
            .iter()
            .map(|w| index.vocab.iter().map(|v| grade(w, v)).collect())
            .collect();
        let meets_some = meets.iter().map(|m| m.iter().any(Option::is_some)).collect();
        Prepared::with_shared(index, meets, meets_some)
    }

    /// Adds the best meets in group and category names.
    fn with_shared(index: &SearchIndex, meets: Vec<Vec<Graded>>, meets_some: Vec<bool>) -> Prepared {
        let best = |names: &[Box<[u32]>]| -> Vec<Vec<Graded>> {
            meets
                .iter()
                .map(|m| {
                    names
                        .iter()
                        .map(|ids| ids.iter().filter_map(|&t| m[t as usize]).max())
                        .collect()
                })
                .collect()
        };
        let (groups, categories) = (best(&index.groups), best(&index.categories));
        Prepared {
            meets,
            groups,
            categories,
            meets_some,
        }
    }

    /// As [`Prepared::new`], but graded only on the words of `item` (and the whole vocabulary only
    /// for a query word that meets none of them): enough to explain one hit.
    fn for_item(index: &SearchIndex, query: &Query, item: usize) -> Prepared {
        let keys = &index.items[item];
        let ids: Vec<u32> = keys
            .phrases
            .iter()
            .flat_map(|p| p.iter())
            .chain(keys.description.iter())
            .chain(keys.group.iter().flat_map(|&g| index.groups[g as usize].iter()))
            .chain(
                keys.category
                    .iter()
                    .flat_map(|&k| index.categories[k as usize].iter()),
            )
            .copied()
            .collect();
        let mut meets = Vec::with_capacity(query.words.len());
        let mut meets_some = Vec::with_capacity(query.words.len());
        for w in &query.words {
            let mut graded: Vec<Graded> = vec![None; index.vocab.len()];
            for &t in &ids {
                graded[t as usize] = grade(w, &index.vocab[t as usize]);
            }
            let some = graded.iter().any(Option::is_some) || index.vocab.iter().any(|v| w.meets(v).is_some());
            meets.push(graded);
            meets_some.push(some);
        }
        Prepared::with_shared(index, meets, meets_some)
    }

    fn best(&self, word: usize, ids: &[u32]) -> Graded {
        let meets = &self.meets[word];
        ids.iter().filter_map(|&t| meets[t as usize]).max()
    }
}

/// How one query word met one item: where, how, and its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    /// Whether the word only says where the data is ("phone"), which need not meet.
    pub soft: bool,
    pub place: Place,
    pub meet: Option<Meet>,
    pub points: i64,
}

/// The score of item `item` for `query`, or `None` if a word does not meet it; with `explained`,
/// how each word met it too.
fn match_item(
    fuzzy: &mut Fuzzy,
    index: &SearchIndex,
    prepared: &Prepared,
    query: &Query,
    item: usize,
    mut explained: Option<&mut Vec<WordMatch>>,
) -> Option<i64> {
    let keys = &index.items[item];
    let mut total = 0;
    for (w, word) in query.words.iter().enumerate() {
        let soft = query.soft[w];
        let name = keys.phrases.iter().filter_map(|p| prepared.best(w, p)).max();
        let group = keys.group.and_then(|g| prepared.groups[w][g as usize]);
        let shown = [(Place::Name, name), (Place::Group, group)]
            .into_iter()
            .filter_map(|(place, graded)| graded.map(|g| points(place, g)))
            .max();
        // Hidden text cannot beat a shown meet worth as much, and a word that meets no word at all
        // meets none there: most descriptions are never read.
        let hidden = if shown.is_some_and(|p| p >= HIDDEN_BEST) || !prepared.meets_some[w] {
            None
        } else {
            let category = keys.category.and_then(|k| prepared.categories[w][k as usize]);
            prepared.best(w, &keys.description).max(category)
        };
        let best = [
            (Place::Name, name),
            (Place::Group, group),
            (Place::Hidden, hidden),
        ]
        .into_iter()
        .filter_map(|(place, graded)| graded.map(|g| (place, g.0, points(place, g))))
        .max_by_key(|&(place, _, p)| (p, place));
        let found = match best {
            Some((place, meet, points)) => WordMatch {
                soft,
                place,
                meet: Some(meet),
                points,
            },
            None if soft => WordMatch {
                soft,
                place: Place::Skipped,
                meet: None,
                points: 0,
            },
            None if prepared.meets_some[w] => return None,
            None => WordMatch {
                soft,
                place: Place::Scattered,
                meet: None,
                points: fuzzy.scattered(w, keys.name, index.name(item), &word.text)?,
            },
        };
        total += found.points;
        if let Some(out) = explained.as_deref_mut() {
            out.push(found);
        }
    }
    // The phrase (a name or an alias) whose words the query covers best.
    let covered = keys
        .phrases
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            let met = p
                .iter()
                .filter(|&&t| prepared.meets.iter().any(|m| m[t as usize].is_some()))
                .count();
            WHOLE_PHRASE * i64::try_from(met).unwrap_or(0) / i64::try_from(p.len()).unwrap_or(1)
        })
        .max()
        .unwrap_or(0);
    // Among equals, a listing the catalog gave everyday words to is the one it answers with.
    let curated = if keys.curated { CURATED } else { 0 };
    Some(total + covered + curated)
}

/// The fuzzy scorer, remembering its points per query word and name: many items share a name
/// ("App version in …"), and scoring letter by letter is the costliest step of a search.
struct Fuzzy {
    matcher: SkimMatcherV2,
    /// Per query word, per name id: the points once scored ([`UNSCORED`] before, [`NO_MATCH`]
    /// where the letters are not there).
    points: Vec<Vec<i8>>,
}

/// A name not scored yet for a word.
const UNSCORED: i8 = -1;
/// A name the word's letters do not occur in, in order.
const NO_MATCH: i8 = 0;

impl Fuzzy {
    fn new() -> Fuzzy {
        Fuzzy {
            matcher: matcher(),
            points: Vec::new(),
        }
    }

    /// The points for query word `w` (`word`) on name `id` (`versions`), scaled below any word that
    /// meets: letters in order are a weak sign, and words under three letters are not tried.
    fn scattered(&mut self, w: usize, id: u32, versions: &[Key], word: &str) -> Option<i64> {
        if word.chars().count() < 3 {
            return None;
        }
        if self.points.len() <= w {
            self.points.resize_with(w + 1, Vec::new);
        }
        let (known, matcher) = (&mut self.points[w], &self.matcher);
        let id = id as usize;
        if known.len() <= id {
            known.resize(id + 1, UNSCORED);
        }
        if known[id] == UNSCORED {
            let best = versions
                .iter()
                .filter(|k| is_subsequence(word.as_bytes(), k.folded().as_bytes()))
                .filter_map(|k| matcher.fuzzy_match(k.folded(), word))
                .max();
            known[id] = best.map_or(NO_MATCH, |b| i8::try_from((b / 16).clamp(1, 9)).unwrap_or(9));
        }
        (known[id] != NO_MATCH).then_some(i64::from(known[id]))
    }
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

/// Best first: listings of one field together, ranked by their best listing, then in document order.
fn ranked(index: &SearchIndex, hits: Vec<Hit>) -> Vec<Hit> {
    best(index, hits, usize::MAX)
}

/// The `k` first of `hits` (in any order) as [`matches`] ranks them, best first: only those `k`
/// are sorted.
pub fn best(index: &SearchIndex, hits: Vec<Hit>, k: usize) -> Vec<Hit> {
    let mut keyed = sort_keys(index, hits);
    if keyed.len() > k {
        keyed.select_nth_unstable_by_key(k, |&(key, _)| key);
        keyed.truncate(k);
    }
    keyed.sort_unstable_by_key(|&(key, _)| key);
    keyed.into_iter().map(|(_, h)| h).collect()
}

/// Where a hit ranks: its link set's best score, then the set's first item, then its own.
type Rank = (Reverse<i64>, usize, usize);

/// The order of [`ranked`] as one key per hit, computed once rather than in every comparison.
fn sort_keys(index: &SearchIndex, hits: Vec<Hit>) -> Vec<(Rank, Hit)> {
    let sets = hits
        .iter()
        .filter_map(|h| index.items[h.item].link_set)
        .max()
        .map_or(0, |s| s as usize + 1);
    // Per link set: its best score and first item.
    let mut best: Vec<(i64, usize)> = vec![(i64::MIN, usize::MAX); sets];
    for h in &hits {
        if let Some(set) = index.items[h.item].link_set {
            let b = &mut best[set as usize];
            *b = (b.0.max(h.score), b.1.min(h.item));
        }
    }
    hits.into_iter()
        .map(|h| {
            let key = match index.items[h.item].link_set {
                Some(set) => {
                    let (score, first) = best[set as usize];
                    (Reverse(score), first, h.item)
                }
                None => (Reverse(h.score), h.item, h.item),
            };
            (key, h)
        })
        .collect()
}

/// The best `k` hits of the first `chunk` items, best first: what the list can show within a frame
/// of a keystroke while the whole library is searched. Only the `k` best are sorted.
pub fn early(index: &SearchIndex, query: &Query, chunk: usize, k: usize) -> Vec<Hit> {
    let part: Vec<usize> = (0..index.len().min(chunk)).collect();
    let prepared = Prepared::new(index, query);
    best(index, score_chunk(index, &prepared, query, &part), k)
}

/// Every item matching `query`, best first, one item after another: the reference search.
pub fn matches_plain(index: &SearchIndex, query: &Query) -> Vec<Hit> {
    if query.is_empty() {
        return (0..index.len()).map(|item| Hit { item, score: 0 }).collect();
    }
    let all: Vec<usize> = (0..index.len()).collect();
    let prepared = Prepared::new(index, query);
    ranked(index, score_chunk(index, &prepared, query, &all))
}

fn score_chunk(index: &SearchIndex, prepared: &Prepared, query: &Query, chunk: &[usize]) -> Vec<Hit> {
    let mut fuzzy = Fuzzy::new();
    chunk
        .iter()
        .filter_map(|&item| {
            match_item(&mut fuzzy, index, prepared, query, item, None).map(|score| Hit { item, score })
        })
        .collect()
}

/// Below this many items one thread is quicker than two.
const PARALLEL_FROM: usize = 4096;

/// Every item matching `query`, best first; the same result as [`matches_plain`], on every core.
pub fn matches(index: &SearchIndex, query: &Query) -> Vec<Hit> {
    if query.is_empty() {
        return matches_plain(index, query);
    }
    ranked(index, unranked(index, query))
}

/// Every item matching `query` with its score, in no particular order: for [`best`] when only the
/// first few are wanted. Scored on every core.
pub fn unranked(index: &SearchIndex, query: &Query) -> Vec<Hit> {
    if query.is_empty() {
        return matches_plain(index, query);
    }
    let prepared = Prepared::new(index, query);
    let all: Vec<usize> = (0..index.len()).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8);
    if all.len() < PARALLEL_FROM || threads < 2 {
        return score_chunk(index, &prepared, query, &all);
    }
    let size = all.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let prepared = &prepared;
        let handles: Vec<_> = all
            .chunks(size)
            .map(|chunk| scope.spawn(move || score_chunk(index, prepared, query, chunk)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// How each word of `query` met item `item` (none if the item does not match), for telling where
/// a hit matched and how sure a best match is.
pub fn explain(index: &SearchIndex, query: &Query, item: usize) -> Option<Vec<WordMatch>> {
    let prepared = Prepared::for_item(index, query, item);
    let mut words = Vec::with_capacity(query.words.len());
    match_item(&mut Fuzzy::new(), index, &prepared, query, item, Some(&mut words))?;
    Some(words)
}

/// The char positions in `text` that the query's words meet, for highlighting: the part of each
/// word that meets, or where only the fuzzy scorer matches, its letters.
pub fn positions(text: &str, query: &Query) -> Vec<usize> {
    let spans = words::spans(text);
    let mut all = Vec::new();
    for word in &query.words {
        let before = all.len();
        for (start, end, folded) in &spans {
            let Some(meet) = word.meets(&Word::new(folded)) else {
                continue;
            };
            let (from, len) = match meet {
                Meet::Prefix => (0, word.text.chars().count()),
                Meet::Inside => {
                    let at = folded.find(&word.text).unwrap_or(0);
                    (folded[..at].chars().count(), word.text.chars().count())
                }
                Meet::Whole | Meet::Typo => (0, end - start),
            };
            all.extend((start + from..start + from + len).take_while(|p| p < end));
        }
        if all.len() == before
            && word.len >= 3
            && let Some((_, idx)) = matcher().fuzzy_indices(&fold(text), &word.text)
        {
            all.extend(idx);
        }
    }
    all.sort_unstable();
    all.dedup();
    all
}

#[cfg(test)]
mod tests;
