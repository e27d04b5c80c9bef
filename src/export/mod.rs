//! Writing the library out for other programs and people: JSON, CSV and Markdown.

pub mod csv;
pub mod json;
pub mod markdown;

use crate::catalog::{Effective, Library};
use crate::describe::provenance;
use crate::text::Lang;

/// A statement with where it is stated, in one line: "text (stated for the group “X” · section …)".
pub fn with_provenance(library: &Library, item: usize, e: &Effective, lang: Lang) -> String {
    let catalog = library.catalog_of(&library.items[item]);
    format!("{} ({})", e.text.get(lang), provenance(catalog, e, lang))
}

/// The names of an item's sources, with " (inferred)" where the catalog infers them.
pub fn source_names(library: &Library, item: usize, lang: Lang) -> Vec<String> {
    let it = &library.items[item];
    let catalog = library.catalog_of(it);
    let inferred = match lang {
        Lang::En => "inferred",
        Lang::Sv => "härledd",
    };
    it.sources
        .iter()
        .map(|u| {
            let name = catalog.sources[u.source].name.get(lang);
            if u.basis == crate::catalog::Basis::Inferred {
                format!("{name} ({inferred})")
            } else {
                name.to_owned()
            }
        })
        .collect()
}
