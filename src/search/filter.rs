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
    // Counted by borrowed id first: one allocation per distinct value, not one per hit.
    let mut by_category: HashMap<&str, usize> = HashMap::new();
    let mut by_source: HashMap<&str, usize> = HashMap::new();
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
            *by_category.entry(category).or_default() += 1;
        }
        if cat && catalog {
            counts.all_sources += 1;
            let c = library.catalog_of(item);
            for u in &item.sources {
                *by_source.entry(c.sources[u.source].id.as_str()).or_default() += 1;
            }
        }
        if cat && src {
            counts.all_catalogs += 1;
            *counts.by_catalog.entry(item.catalog).or_default() += 1;
        }
    }
    counts.by_category = by_category.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    counts.by_source = by_source.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
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
