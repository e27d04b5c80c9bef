//! Facet filters over search hits: category, source and catalog, and the counts each facet would show.

use std::collections::HashMap;

use crate::catalog::{Item, Library};
use crate::search::Hit;

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

/// The filter resolved to indices once per call: which category and source index, per catalog, it
/// wants (`Some(None)`: the catalog has no such category or source, so none of its items pass).
struct Resolved {
    category: Option<Vec<Option<usize>>>,
    source: Option<Vec<Option<usize>>>,
    catalog: Option<usize>,
}

impl Resolved {
    fn new(library: &Library, filter: &Filter) -> Resolved {
        let per_catalog = |id: &Option<String>, find: fn(&crate::catalog::Catalog, &str) -> Option<usize>| {
            id.as_ref()
                .map(|id| library.catalogs.iter().map(|c| find(c, id)).collect())
        };
        Resolved {
            category: per_catalog(&filter.category, crate::catalog::Catalog::category_index),
            source: per_catalog(&filter.source, crate::catalog::Catalog::source_index),
            catalog: filter.catalog,
        }
    }

    fn category(&self, item: &Item, category: usize) -> bool {
        self.category
            .as_ref()
            .is_none_or(|want| want[item.catalog] == Some(category))
    }

    fn source(&self, item: &Item) -> bool {
        self.source
            .as_ref()
            .is_none_or(|want| want[item.catalog].is_some_and(|s| item.sources.iter().any(|u| u.source == s)))
    }

    fn catalog(&self, item: &Item) -> bool {
        self.catalog.is_none_or(|c| item.catalog == c)
    }
}

/// The category index (in its catalog) an item counts as, with a scenario's re-categorisation.
fn category_index(library: &Library, item: usize, recategorised: Option<&[usize]>) -> usize {
    recategorised
        .and_then(|r| r.get(item).copied())
        .unwrap_or(library.items[item].category)
}

/// The hits the filter lets through, in their order.
pub fn apply(library: &Library, hits: &[Hit], filter: &Filter, recategorised: Option<&[usize]>) -> Vec<Hit> {
    let want = Resolved::new(library, filter);
    hits.iter()
        .copied()
        .filter(|h| {
            let item = &library.items[h.item];
            want.category(item, category_index(library, h.item, recategorised))
                && want.source(item)
                && want.catalog(item)
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
    let want = Resolved::new(library, filter);
    // Counted by index per catalog, then summed by id: no hashing per hit.
    let mut categories: Vec<Vec<usize>> = library
        .catalogs
        .iter()
        .map(|c| vec![0; c.categories.len()])
        .collect();
    let mut sources: Vec<Vec<usize>> = library
        .catalogs
        .iter()
        .map(|c| vec![0; c.sources.len()])
        .collect();
    let mut catalogs = vec![0usize; library.catalogs.len()];
    let mut counts = FacetCounts::default();
    for hit in hits {
        let item = &library.items[hit.item];
        let category = category_index(library, hit.item, recategorised);
        let (cat, src, catalog) = (
            want.category(item, category),
            want.source(item),
            want.catalog(item),
        );
        if src && catalog {
            counts.all_categories += 1;
            categories[item.catalog][category] += 1;
        }
        if cat && catalog {
            counts.all_sources += 1;
            for u in &item.sources {
                sources[item.catalog][u.source] += 1;
            }
        }
        if cat && src {
            counts.all_catalogs += 1;
            catalogs[item.catalog] += 1;
        }
    }
    for (c, catalog) in library.catalogs.iter().enumerate() {
        for (k, n) in categories[c].iter().enumerate().filter(|(_, n)| **n > 0) {
            *counts
                .by_category
                .entry(catalog.categories[k].id.clone())
                .or_default() += n;
        }
        for (s, n) in sources[c].iter().enumerate().filter(|(_, n)| **n > 0) {
            *counts.by_source.entry(catalog.sources[s].id.clone()).or_default() += n;
        }
        if catalogs[c] > 0 {
            counts.by_catalog.insert(c, catalogs[c]);
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
