//! The entries of the filters pane, generated from the facet table: for each facet with a choice to
//! make, a heading, "all", and each value.

use crate::search::{Facet, FacetIndex};

/// One line of the filters pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetEntry {
    Heading(Facet),
    /// Clears the facet's filter.
    All(Facet),
    /// One value (index into the facet's values).
    Value(Facet, u32),
}

impl FacetEntry {
    pub fn is_heading(&self) -> bool {
        matches!(self, FacetEntry::Heading(_))
    }
}

/// Every facet that offers a choice, in the table's order.
pub fn entries(index: &FacetIndex) -> Vec<FacetEntry> {
    let mut out = Vec::new();
    for facet in Facet::ALL {
        let values = index.values(facet).len();
        if values < facet.min_values() {
            continue;
        }
        out.push(FacetEntry::Heading(facet));
        out.push(FacetEntry::All(facet));
        out.extend((0..values).map(|v| FacetEntry::Value(facet, u32::try_from(v).unwrap_or(u32::MAX))));
    }
    out
}
