//! What changed between two versions of a catalog (or of a page, drafted on the fly): items added,
//! removed, reworded, moved between groups or categories, and their facts added, removed or
//! changed; categories, groups and sections added or removed.
//!
//! Items are matched by id where both sides are reviewed catalogs (a draft's ids are only places on
//! its page), then by the same name in the same group, then by the same name, then by the most
//! similar name (Sørensen–Dice on letter pairs) above [`SIMILAR`]. In a draft, a list item that
//! heads a nested list is its group's heading, and is compared as a group, not as an item.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::catalog::{FactKind, Item, Key, Library, Origin, Value};
use crate::text::Lang;

/// The least similarity (0–1) for two names to be one item reworded; names in the same place
/// need only [`SIMILAR_IN_PLACE`].
pub const SIMILAR: f64 = 0.8;
pub const SIMILAR_IN_PLACE: f64 = 0.65;

/// One item as the diff sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seen {
    pub id: String,
    pub name: String,
    /// Category › group, as far as the item has them.
    pub place: String,
    /// The section it is listed under.
    pub section: String,
}

/// An item in both versions, and what changed in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changed {
    pub old: Seen,
    pub new: Seen,
    /// How alike the names are, where they differ (0–1).
    pub similarity: Option<f64>,
    pub moved: bool,
    pub facts_added: Vec<String>,
    pub facts_removed: Vec<String>,
}

/// Names added and removed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Names {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

/// Everything that changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    pub categories: Names,
    pub groups: Names,
    pub sections: Names,
    pub added: Vec<Seen>,
    pub removed: Vec<Seen>,
    /// Items in both whose name, place or facts changed.
    pub changed: Vec<Changed>,
    /// Items in both, unchanged.
    pub same: usize,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        [&self.categories, &self.groups, &self.sections]
            .iter()
            .all(|n| n.added.is_empty() && n.removed.is_empty())
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches([':', '.'])
        .to_owned()
}

/// What an item's own list says of it: its facts and its group's, each as "kind: text (column)".
fn facts(item: &Item, lang: Lang) -> BTreeSet<String> {
    let words = crate::i18n::words(lang);
    item.facts
        .iter()
        .filter(|f| matches!(f.origin, Origin::Item | Origin::Group(_)) && f.kind != FactKind::Collected)
        .map(|f| {
            let mut s = format!("{}: {}", words.kinds.name(f.kind), f.text.get(lang).trim());
            if let Some(Value::Text(column)) = f.statement.value(Key::Column) {
                s = format!("{s} ({})", column.get(lang));
            }
            s
        })
        .collect()
}

fn seen(library: &Library, index: usize, lang: Lang) -> Seen {
    let item = &library.items[index];
    let place: Vec<&str> = library
        .category_of(item)
        .map(|c| c.name.get(lang))
        .into_iter()
        .chain(library.group_of(item).map(|g| g.name.get(lang)))
        .collect();
    Seen {
        id: item.id.clone(),
        name: item.name.get(lang).to_owned(),
        place: place.join(" › "),
        section: library
            .catalog_of(item)
            .section_title(item.cite, lang)
            .unwrap_or_default()
            .to_owned(),
    }
}

fn names<'a>(old: impl Iterator<Item = &'a str>, new: impl Iterator<Item = &'a str>) -> Names {
    let old: Vec<&str> = old.collect();
    let new: Vec<&str> = new.collect();
    let folded_old: BTreeSet<String> = old.iter().map(|s| fold(s)).collect();
    let folded_new: BTreeSet<String> = new.iter().map(|s| fold(s)).collect();
    let mut out = Names::default();
    for n in &new {
        if !folded_old.contains(&fold(n)) && !out.added.contains(&(*n).to_owned()) {
            out.added.push((*n).to_owned());
        }
    }
    for o in &old {
        if !folded_new.contains(&fold(o)) && !out.removed.contains(&(*o).to_owned()) {
            out.removed.push((*o).to_owned());
        }
    }
    out
}

/// One version's items as pairing sees them, folded once.
struct Side<'l> {
    ids: Vec<&'l str>,
    names: Vec<String>,
    groups: Vec<Option<String>>,
    /// Whether the item takes part: in a draft, a list item heading a group of the same name is
    /// that group's heading, compared as a group.
    open: Vec<bool>,
}

impl<'l> Side<'l> {
    fn new(l: &'l Library, lang: Lang) -> Side<'l> {
        let names: Vec<String> = l.items.iter().map(|i| fold(i.name.get(lang))).collect();
        let groups = l
            .items
            .iter()
            .map(|i| l.group_of(i).map(|g| fold(g.name.get(lang))))
            .collect();
        let headings: Vec<BTreeSet<String>> = l
            .catalogs
            .iter()
            .map(|c| {
                let groups = c.groups.iter().map(|g| fold(g.name.get(lang)));
                if c.draft {
                    groups.collect()
                } else {
                    BTreeSet::new()
                }
            })
            .collect();
        let open = l
            .items
            .iter()
            .zip(&names)
            .map(|(i, n)| !headings[i.catalog].contains(n))
            .collect();
        Side {
            ids: l.items.iter().map(|i| i.id.as_str()).collect(),
            names,
            groups,
            open,
        }
    }
}

/// Two items (old, new) found to be one, with how alike their names are where they differ.
type Pair = (usize, usize, Option<f64>);

/// Whether an old item (first index) and a new one are one, by a rule of pairing.
type Rule<'r> = &'r dyn Fn(&Side, &Side, usize, usize) -> bool;

/// Pairs of (old, new) item indices, by id, then name and group, then name, then similar name;
/// with the sides, whose `open` marks what stayed unpaired.
fn pairs<'a, 'b>(old: &'a Library, new: &'b Library, lang: Lang) -> (Vec<Pair>, Side<'a>, Side<'b>) {
    let by_id = !old.catalogs.iter().chain(&new.catalogs).any(|c| c.draft);
    let (mut a, mut b) = (Side::new(old, lang), Side::new(new, lang));
    let mut out = Vec::new();
    let rules: [Rule; 3] = [
        &|a, b, o, n| by_id && a.ids[o] == b.ids[n],
        &|a, b, o, n| a.names[o] == b.names[n] && a.groups[o] == b.groups[n],
        &|a, b, o, n| a.names[o] == b.names[n],
    ];
    for rule in rules {
        for n in 0..b.names.len() {
            if !b.open[n] {
                continue;
            }
            if let Some(o) = (0..a.names.len()).find(|&o| a.open[o] && rule(&a, &b, o, n)) {
                a.open[o] = false;
                b.open[n] = false;
                out.push((o, n, None));
            }
        }
    }
    // The most similar remaining names, best first.
    let mut similar: Vec<(f64, usize, usize)> = Vec::new();
    for n in (0..b.names.len()).filter(|&n| b.open[n]) {
        for o in (0..a.names.len()).filter(|&o| a.open[o]) {
            let sim = strsim::sorensen_dice(&a.names[o], &b.names[n]);
            let same_place = a.groups[o] == b.groups[n];
            if sim >= SIMILAR || (same_place && sim >= SIMILAR_IN_PLACE) {
                similar.push((sim, o, n));
            }
        }
    }
    similar.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (sim, o, n) in similar {
        if a.open[o] && b.open[n] {
            a.open[o] = false;
            b.open[n] = false;
            out.push((o, n, Some(sim)));
        }
    }
    out.sort_by_key(|&(_, n, _)| n);
    (out, a, b)
}

/// What changed from `old` to `new`, in `lang`.
pub fn diff(old: &Library, new: &Library, lang: Lang) -> Diff {
    let cats = |l: &Library| -> Vec<String> {
        l.catalogs
            .iter()
            .flat_map(|c| c.categories.iter().map(|k| k.name.get(lang).to_owned()))
            .collect()
    };
    let grps = |l: &Library| -> Vec<String> {
        l.catalogs
            .iter()
            .flat_map(|c| c.groups.iter().map(|g| g.name.get(lang).to_owned()))
            .collect()
    };
    let secs = |l: &Library| -> Vec<String> {
        l.catalogs
            .iter()
            .flat_map(|c| c.documents.iter())
            .flat_map(|d| d.sections.iter().map(|s| s.title.get(lang).to_owned()))
            .collect()
    };
    let (co, cn, go, gn, so, sn) = (cats(old), cats(new), grps(old), grps(new), secs(old), secs(new));
    let mut d = Diff {
        categories: names(co.iter().map(String::as_str), cn.iter().map(String::as_str)),
        groups: names(go.iter().map(String::as_str), gn.iter().map(String::as_str)),
        sections: names(so.iter().map(String::as_str), sn.iter().map(String::as_str)),
        ..Diff::default()
    };
    // What stays open after pairing was added or removed; a draft's group headings are neither.
    let (matched, a, b) = pairs(old, new, lang);
    d.added = (0..new.items.len())
        .filter(|&n| b.open[n])
        .map(|n| seen(new, n, lang))
        .collect();
    d.removed = (0..old.items.len())
        .filter(|&o| a.open[o])
        .map(|o| seen(old, o, lang))
        .collect();
    for (o, n, similarity) in matched {
        let (a, b) = (seen(old, o, lang), seen(new, n, lang));
        let (fa, fb) = (facts(&old.items[o], lang), facts(&new.items[n], lang));
        let moved = fold(&a.place) != fold(&b.place);
        let reworded = a.name != b.name;
        let facts_added: Vec<String> = fb.difference(&fa).cloned().collect();
        let facts_removed: Vec<String> = fa.difference(&fb).cloned().collect();
        if !moved && !reworded && facts_added.is_empty() && facts_removed.is_empty() {
            d.same += 1;
            continue;
        }
        d.changed.push(Changed {
            similarity: if reworded {
                Some(similarity.unwrap_or_else(|| strsim::sorensen_dice(&fold(&a.name), &fold(&b.name))))
            } else {
                None
            },
            old: a,
            new: b,
            moved,
            facts_added,
            facts_removed,
        });
    }
    d
}
