//! Whether a search clearly selects one field: the test before anything answers in a document's name.

use super::{Hit, Meet, Place, Query, SearchIndex, explain};

/// How many of the best fields a weak result names: beyond them lie ever weaker matches.
const WEAK_CANDIDATES: usize = 6;

/// A rival within this share of the best score (in percent) leaves the choice open.
const CLOSE_PERCENT: i64 = 85;

/// What a search result allows one to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confidence {
    /// One field wins clearly: the first hit (and the listings linked with it).
    Clear,
    /// No clear winner; the candidates, one listing per field, best first: every close one, or the
    /// first few of a weak result.
    Unsure { why: Doubt, candidates: Vec<usize> },
    /// Nothing matches.
    Nothing,
}

/// Why a best match is not clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doubt {
    /// Other fields match about as well.
    Close,
    /// The best match meets a word only in text the list does not show, one typo away, or only
    /// letter by letter.
    Weak,
    /// The query names no field, only where the data is ("iphone").
    Vague,
}

/// The field a listing belongs to: its link set, or itself.
fn field(index: &SearchIndex, item: usize) -> (bool, usize) {
    match index.items[item].link_set {
        Some(set) => (true, set as usize),
        None => (false, item),
    }
}

/// How sure `hits` (best first, as [`super::matches`] ranks them) are about one field.
pub fn confidence(index: &SearchIndex, query: &Query, hits: &[Hit]) -> Confidence {
    let Some(top) = hits.first() else {
        return Confidence::Nothing;
    };
    if query.is_empty() {
        return Confidence::Unsure {
            why: Doubt::Close,
            candidates: Vec::new(),
        };
    }
    // One entry per field (its first listing and its best score). Ranked hits come field by
    // field, best field first, so the walk stops at the first field neither close nor among the
    // first few.
    let mut fields: Vec<(usize, i64)> = Vec::new();
    for run in hits.chunk_by(|a, b| field(index, a.item) == field(index, b.item)) {
        let score = run.iter().map(|h| h.score).max().unwrap_or(0);
        let best = fields.first().map_or(score, |f| f.1);
        if fields.len() >= WEAK_CANDIDATES && score * 100 < best * CLOSE_PERCENT {
            break;
        }
        fields.push((run[0].item, score));
    }
    let best = fields[0].1;
    let is_close = |score: i64| score * 100 >= best * CLOSE_PERCENT;
    let close = fields.iter().filter(|f| is_close(f.1)).count();
    // A query only of words that say where the data is ("iphone", "phone") names no field.
    let only_where = query.only_where();
    let weak = only_where
        || explain(index, query, top.item).is_none_or(|words| {
            // A word that only says where the data is ("android") may meet anywhere.
            words.iter().filter(|w| !w.soft).any(|w| {
                let hidden = w.place < Place::Group;
                // One typo away may be another word altogether: `gender` is not `genres`.
                hidden || w.meet == Some(Meet::Typo)
            })
        });
    let why = if only_where {
        Doubt::Vague
    } else if weak {
        Doubt::Weak
    } else if close > 1 {
        Doubt::Close
    } else {
        return Confidence::Clear;
    };
    let candidates: Vec<usize> = match why {
        Doubt::Close => fields.iter().filter(|f| is_close(f.1)).map(|f| f.0).collect(),
        Doubt::Weak | Doubt::Vague => fields.iter().take(WEAK_CANDIDATES).map(|f| f.0).collect(),
    };
    Confidence::Unsure { why, candidates }
}
