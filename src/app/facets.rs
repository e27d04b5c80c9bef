//! The entries of the facets pane: which filter each one sets.

use crate::catalog::Library;
use crate::search::{FacetValue, category_values, source_values};

/// One line of the facets pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FacetEntry {
    CategoriesHeading,
    AllCategories,
    Category(FacetValue),
    SourcesHeading,
    AllSources,
    Source(FacetValue),
    CatalogsHeading,
    AllCatalogs,
    Catalog(usize),
}

impl FacetEntry {
    pub fn is_heading(&self) -> bool {
        matches!(
            self,
            FacetEntry::CategoriesHeading | FacetEntry::SourcesHeading | FacetEntry::CatalogsHeading
        )
    }
}

/// Categories, then sources, then catalogs when more than one is loaded.
pub fn entries(library: &Library) -> Vec<FacetEntry> {
    let mut out = vec![FacetEntry::CategoriesHeading, FacetEntry::AllCategories];
    out.extend(category_values(library).into_iter().map(FacetEntry::Category));
    let sources = source_values(library);
    if !sources.is_empty() {
        out.push(FacetEntry::SourcesHeading);
        out.push(FacetEntry::AllSources);
        out.extend(sources.into_iter().map(FacetEntry::Source));
    }
    if library.catalogs.len() > 1 {
        out.push(FacetEntry::CatalogsHeading);
        out.push(FacetEntry::AllCatalogs);
        out.extend((0..library.catalogs.len()).map(FacetEntry::Catalog));
    }
    out
}
