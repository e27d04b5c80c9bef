//! Facets: the ways to narrow the list (category, source, document, kind of fact, party, data subject,
//! catalog). Each facet knows its values and each item's values; the filter pane, the toggle, the
//! command-line flags and the counts all come from [`Facet`] and the [`FacetIndex`] built from it.

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, FactKind, Item, Library};
use crate::i18n::words;
use crate::search::Hit;
use crate::text::Lang;

/// A way to narrow the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Category,
    Source,
    Document,
    Kind,
    Party,
    Subject,
    Platform,
    Catalog,
}

/// How many facets there are, for arrays indexed by facet.
pub const FACETS: usize = Facet::ALL.len();

impl Facet {
    /// Every facet, in the order the filters pane shows them.
    pub const ALL: [Facet; 8] = [
        Facet::Category,
        Facet::Source,
        Facet::Document,
        Facet::Kind,
        Facet::Party,
        Facet::Subject,
        Facet::Platform,
        Facet::Catalog,
    ];

    /// The facet's id: its command-line flag (`--category`) and its name in exports.
    pub fn id(self) -> &'static str {
        match self {
            Facet::Category => "category",
            Facet::Source => "source",
            Facet::Document => "document",
            Facet::Kind => "kind",
            Facet::Party => "party",
            Facet::Subject => "subject",
            Facet::Platform => "platform",
            Facet::Catalog => "catalog",
        }
    }

    /// The command-line flag's help.
    pub fn flag_help(self) -> &'static str {
        match self {
            Facet::Category => "Only items of this category (its id, such as `identified`)",
            Facet::Source => "Only items from this source (its id, such as `end-user-devices`)",
            Facet::Document => "Only items this document lists (its id, such as `data-collect`)",
            Facet::Kind => "Only items with a fact of this kind (`retention`, `shared-with`, …)",
            Facet::Party => "Only items shared with or received from this party (its id, such as `apple`)",
            Facet::Subject => "Only data about these people (a data subject's id, such as `end-user`)",
            Facet::Platform => "Only items the document names for this platform (its id, such as `macos`)",
            Facet::Catalog => "Only items of this catalog",
        }
    }

    /// Whether the command line has a flag for it (`--catalog` names files instead).
    pub fn has_flag(self) -> bool {
        self != Facet::Catalog
    }

    /// The fewest values for the pane to show the facet: one catalog or one document is no choice.
    pub fn min_values(self) -> usize {
        match self {
            Facet::Catalog | Facet::Document => 2,
            _ => 1,
        }
    }

    /// The facet's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        words(lang).facets.name(self)
    }

    /// The ids a catalog declares for this facet, in order; `None` for facets whose values are not
    /// declared per catalog.
    fn declared(self, catalog: &Catalog) -> Option<Vec<&str>> {
        Some(match self {
            Facet::Category => catalog.categories.iter().map(|c| c.id.as_str()).collect(),
            Facet::Source => catalog.sources.iter().map(|s| s.id.as_str()).collect(),
            Facet::Document => catalog.documents.iter().map(|d| d.id.as_str()).collect(),
            Facet::Party => catalog.parties.iter().map(|p| p.id.as_str()).collect(),
            Facet::Subject => catalog.subjects.iter().map(|s| s.id.as_str()).collect(),
            Facet::Platform => catalog.platforms.iter().map(|p| p.id.as_str()).collect(),
            Facet::Kind | Facet::Catalog => return None,
        })
    }

    /// An item's values, as indices into what [`Facet::declared`] lists for its catalog (or into
    /// [`FactKind::ALL`], or the catalog's index).
    fn item_values(self, item: &Item, push: &mut dyn FnMut(usize)) {
        match self {
            Facet::Category => item.category.into_iter().for_each(push),
            Facet::Source => item.sources.iter().for_each(|u| push(u.index)),
            Facet::Document => push(item.document),
            Facet::Kind => item.facts.iter().for_each(|f| push(kind_index(f.kind))),
            Facet::Party => {
                item.parties.iter().for_each(|u| push(u.index));
                item.facts.iter().filter_map(|f| f.party()).for_each(push);
            }
            Facet::Subject => item.subjects.iter().for_each(|u| push(u.index)),
            Facet::Platform => item.platforms.iter().copied().for_each(push),
            Facet::Catalog => push(item.catalog),
        }
    }

    /// The name of a value in `lang`.
    fn value_name(self, library: &Library, value: &FacetValue, lang: Lang) -> String {
        let c = &library.catalogs[value.catalog];
        let i = value.local;
        match self {
            Facet::Category => c.categories[i].name.get(lang).to_owned(),
            Facet::Source => c.sources[i].name.get(lang).to_owned(),
            Facet::Document => c.document_name(i, lang),
            Facet::Kind => words(lang).kinds.name(FactKind::ALL[i]).to_owned(),
            Facet::Party => c.parties[i].name.get(lang).to_owned(),
            Facet::Subject => c.subjects[i].name.get(lang).to_owned(),
            Facet::Platform => c.platforms[i].name.get(lang).to_owned(),
            Facet::Catalog => c.title.get(lang).to_owned(),
        }
    }
}

fn kind_index(kind: FactKind) -> usize {
    FactKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// One value of a facet: its id and the catalog that declares it first (values with the same id in
/// several catalogs are one value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    pub id: String,
    pub catalog: usize,
    /// Its index in that catalog's list (or in [`FactKind::ALL`]).
    pub local: usize,
}

/// Every facet's values and every item's values, built once per library.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct FacetIndex {
    values: [Vec<FacetValue>; FACETS],
    /// Per facet, per catalog: a local index's value.
    local: [Vec<Vec<u32>>; FACETS],
    /// Per facet: item `i`'s values are `data[offsets[i]..offsets[i + 1]]`.
    offsets: [Vec<u32>; FACETS],
    data: [Vec<u32>; FACETS],
}

fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl FacetIndex {
    pub fn build(library: &Library) -> FacetIndex {
        let mut index = FacetIndex::default();
        for facet in Facet::ALL {
            let f = facet as usize;
            let (values, local) = distinct(library, facet);
            index.values[f] = values;
            let mut offsets = Vec::with_capacity(library.items.len() + 1);
            let mut data = Vec::with_capacity(library.items.len());
            offsets.push(0);
            for item in &library.items {
                let start = data.len();
                facet.item_values(item, &mut |i| {
                    if let Some(&v) = local.get(item.catalog).and_then(|l| l.get(i))
                        && !data[start..].contains(&v)
                    {
                        data.push(v);
                    }
                });
                offsets.push(as_u32(data.len()));
            }
            index.local[f] = local;
            index.offsets[f] = offsets;
            index.data[f] = data;
        }
        index
    }

    /// How many items it holds the values of.
    pub fn len(&self) -> usize {
        self.offsets[0].len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The facet's values, in the order they are first declared.
    pub fn values(&self, facet: Facet) -> &[FacetValue] {
        &self.values[facet as usize]
    }

    /// The value with this id.
    pub fn find(&self, facet: Facet, id: &str) -> Option<u32> {
        self.values(facet).iter().position(|v| v.id == id).map(as_u32)
    }

    /// The value a catalog's local index stands for (such as a category index).
    pub fn value_of(&self, facet: Facet, catalog: usize, local: usize) -> Option<u32> {
        self.local[facet as usize].get(catalog)?.get(local).copied()
    }

    /// The category value of each item, from the category (index in its catalog) each counts as:
    /// what a scenario's re-categorisation gives [`Overrides`].
    pub fn category_values(
        &self,
        library: &Library,
        categories: impl IntoIterator<Item = Option<usize>>,
    ) -> Vec<Option<u32>> {
        library
            .items
            .iter()
            .zip(categories)
            .map(|(item, k)| k.and_then(|k| self.value_of(Facet::Category, item.catalog, k)))
            .collect()
    }

    /// The values of item `item`.
    pub fn of(&self, facet: Facet, item: usize) -> &[u32] {
        let f = facet as usize;
        let (start, end) = (self.offsets[f][item] as usize, self.offsets[f][item + 1] as usize);
        &self.data[f][start..end]
    }

    /// A value's name in `lang`.
    pub fn name(&self, library: &Library, facet: Facet, value: u32, lang: Lang) -> String {
        self.values(facet)
            .get(value as usize)
            .map_or_else(String::new, |v| facet.value_name(library, v, lang))
    }
}

/// A facet's distinct values across catalogs, and per catalog the value of each local index.
fn distinct(library: &Library, facet: Facet) -> (Vec<FacetValue>, Vec<Vec<u32>>) {
    let mut values: Vec<FacetValue> = Vec::new();
    let mut locals = Vec::with_capacity(library.catalogs.len());
    let add = |id: &str, catalog: usize, local: usize, values: &mut Vec<FacetValue>| {
        if let Some(at) = values.iter().position(|v| v.id == id) {
            return as_u32(at);
        }
        values.push(FacetValue {
            id: id.to_owned(),
            catalog,
            local,
        });
        as_u32(values.len() - 1)
    };
    for (ci, catalog) in library.catalogs.iter().enumerate() {
        let local: Vec<u32> = match facet {
            Facet::Kind => FactKind::ALL
                .iter()
                .enumerate()
                .map(|(k, kind)| add(kind.id(), ci, k, &mut values))
                .collect(),
            Facet::Catalog => {
                let mut per = vec![u32::MAX; library.catalogs.len()];
                per[ci] = add(&catalog.id, ci, ci, &mut values);
                per
            }
            _ => facet
                .declared(catalog)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(|(i, id)| add(id, ci, i, &mut values))
                .collect(),
        };
        locals.push(local);
    }
    if facet == Facet::Kind {
        // Kinds nobody states are no choice.
        let used: Vec<bool> = (0..values.len())
            .map(|v| {
                library
                    .items
                    .iter()
                    .any(|it| it.facts.iter().any(|f| kind_index(f.kind) == v))
            })
            .collect();
        return prune(values, locals, &used);
    }
    (values, locals)
}

/// Drops the values not `used`, renumbering the rest.
fn prune(values: Vec<FacetValue>, locals: Vec<Vec<u32>>, used: &[bool]) -> (Vec<FacetValue>, Vec<Vec<u32>>) {
    let mut renumber = vec![u32::MAX; values.len()];
    let mut kept = Vec::new();
    for (i, v) in values.into_iter().enumerate() {
        if used[i] {
            renumber[i] = as_u32(kept.len());
            kept.push(v);
        }
    }
    let locals = locals
        .into_iter()
        .map(|l| {
            l.into_iter()
                .map(|v| *renumber.get(v as usize).unwrap_or(&u32::MAX))
                .collect()
        })
        .collect();
    (kept, locals)
}

/// The value chosen for each facet; an unset facet lets everything through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    chosen: [Option<u32>; FACETS],
}

impl Filter {
    pub fn get(&self, facet: Facet) -> Option<u32> {
        self.chosen[facet as usize]
    }

    pub fn set(&mut self, facet: Facet, value: Option<u32>) {
        self.chosen[facet as usize] = value;
    }

    pub fn is_empty(&self) -> bool {
        self.chosen.iter().all(Option::is_none)
    }

    /// The facets set, with their values.
    pub fn chosen(&self) -> impl Iterator<Item = (Facet, u32)> + '_ {
        Facet::ALL.into_iter().filter_map(|f| self.get(f).map(|v| (f, v)))
    }
}

/// What a scenario changes about items' values: the category each counts as (a value), per item.
#[derive(Debug, Clone, Copy, Default)]
pub struct Overrides<'a> {
    pub category: Option<&'a [Option<u32>]>,
}

/// Whether item `item` passes the filter of `facet`.
fn passes(index: &FacetIndex, filter: &Filter, facet: Facet, item: usize, overrides: Overrides) -> bool {
    let Some(want) = filter.get(facet) else {
        return true;
    };
    match (facet, overrides.category) {
        (Facet::Category, Some(categories)) => categories.get(item).copied().flatten() == Some(want),
        _ => index.of(facet, item).contains(&want),
    }
}

/// An item's values of `facet`, with the scenario's override.
fn values_of<'i>(index: &'i FacetIndex, facet: Facet, item: usize, overrides: Overrides<'i>) -> &'i [u32] {
    match (facet, overrides.category) {
        (Facet::Category, Some(categories)) => categories
            .get(item)
            .and_then(Option::as_ref)
            .map_or(&[], std::slice::from_ref),
        _ => index.of(facet, item),
    }
}

/// The hits the filter lets through, in their order.
pub fn apply(index: &FacetIndex, hits: &[Hit], filter: &Filter, overrides: Overrides) -> Vec<Hit> {
    let chosen: Vec<Facet> = filter.chosen().map(|(f, _)| f).collect();
    hits.iter()
        .copied()
        .filter(|h| {
            chosen
                .iter()
                .all(|&f| passes(index, filter, f, h.item, overrides))
        })
        .collect()
}

/// How many hits each facet value would show, each facet counted with the other facets' filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per facet: hits passing every other facet's filter.
    pub all: [usize; FACETS],
    /// Per facet, per value.
    pub by_value: [Vec<usize>; FACETS],
}

impl Counts {
    /// Nothing counted yet, for every value of `index`.
    fn zero(index: &FacetIndex) -> Counts {
        let mut counts = Counts::default();
        for facet in Facet::ALL {
            counts.by_value[facet as usize] = vec![0; index.values(facet).len()];
        }
        counts
    }

    pub fn all(&self, facet: Facet) -> usize {
        self.all[facet as usize]
    }

    pub fn of(&self, facet: Facet, value: u32) -> usize {
        self.by_value[facet as usize]
            .get(value as usize)
            .copied()
            .unwrap_or(0)
    }
}

pub fn counts(index: &FacetIndex, hits: &[Hit], filter: &Filter, overrides: Overrides) -> Counts {
    let mut counts = Counts::zero(index);
    let chosen: Vec<Facet> = filter.chosen().map(|(f, _)| f).collect();
    // Counting does not depend on rank: items in document order read the per-item arrays in
    // order, not at random.
    let mut hit = vec![false; index.len()];
    for h in hits {
        if let Some(marked) = hit.get_mut(h.item) {
            *marked = true;
        }
    }
    let items = hit
        .iter()
        .enumerate()
        .filter_map(|(item, &marked)| marked.then_some(item));
    if chosen.is_empty() {
        let items: Vec<usize> = items.collect();
        let cores = items.len() >= PARALLEL_FROM;
        count_every_facet(index, &items, overrides, &mut counts, cores);
        return counts;
    }
    for item in items {
        let mut failing = chosen
            .iter()
            .copied()
            .filter(|&f| !passes(index, filter, f, item, overrides));
        let one;
        let counted: &[Facet] = match (failing.next(), failing.next()) {
            (None, _) => &Facet::ALL,
            (Some(f), None) => {
                one = [f];
                &one
            }
            _ => continue,
        };
        for &facet in counted {
            let f = facet as usize;
            counts.all[f] += 1;
            for &v in values_of(index, facet, item, overrides) {
                counts.by_value[f][v as usize] += 1;
            }
        }
    }
    counts
}

/// Below this many items the facets are counted on one core.
const PARALLEL_FROM: usize = 16_384;

/// With no filter chosen every item counts in every facet: facet by facet, on two cores when
/// `cores` is set.
fn count_every_facet(
    index: &FacetIndex,
    items: &[usize],
    overrides: Overrides,
    counts: &mut Counts,
    cores: bool,
) {
    let count = |facet: Facet, by_value: &mut [usize]| {
        for &item in items {
            for &v in values_of(index, facet, item, overrides) {
                by_value[v as usize] += 1;
            }
        }
    };
    counts.all = [items.len(); FACETS];
    if !cores {
        for (facet, by_value) in Facet::ALL.into_iter().zip(counts.by_value.iter_mut()) {
            count(facet, by_value);
        }
        return;
    }
    let (first, second) = counts.by_value.split_at_mut(FACETS / 2);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            for (facet, by_value) in Facet::ALL[FACETS / 2..].iter().zip(second) {
                count(*facet, by_value);
            }
        });
        for (facet, by_value) in Facet::ALL[..FACETS / 2].iter().zip(first) {
            count(*facet, by_value);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_builtin;

    #[test]
    fn every_facet_counted_on_one_core_or_two_counts_each_items_values() {
        let library = load_builtin().library.expect("the built-in catalog loads");
        let index = FacetIndex::build(&library);
        let items: Vec<usize> = (0..library.items.len()).step_by(2).collect();
        for cores in [false, true] {
            let mut counts = Counts::zero(&index);
            count_every_facet(&index, &items, Overrides::default(), &mut counts, cores);
            for facet in Facet::ALL {
                assert_eq!(counts.all(facet), items.len());
                for value in 0..as_u32(index.values(facet).len()) {
                    let holding = items
                        .iter()
                        .filter(|&&i| index.of(facet, i).contains(&value))
                        .count();
                    assert_eq!(
                        counts.of(facet, value),
                        holding,
                        "{facet:?} {value}, two cores: {cores}"
                    );
                }
            }
        }
    }
}
