//! Words about an item for people: the detail fields and the answer paragraph, shared by explorer and command line.

pub mod answer;
pub mod detail;
pub mod outcome;

use crate::catalog::{Basis, Catalog, Effective, Origin};
use crate::i18n::words;
use crate::text::Lang;

/// "stated for the group “Application inventory”", and so on.
pub fn origin_label(catalog: &Catalog, origin: Origin, lang: Lang) -> String {
    let w = words(lang);
    match origin {
        Origin::Item => w.stated_for_item.to_owned(),
        Origin::Group(g) => format!("{} “{}”", w.stated_for_group, catalog.groups[g].name.get(lang)),
        Origin::Category(c) => format!(
            "{} “{}”",
            w.stated_for_category,
            catalog.categories[c].name.get(lang)
        ),
        Origin::Source(s) => format!("{} “{}”", w.stated_for_source, catalog.sources[s].name.get(lang)),
        Origin::Catalog => w.stated_for_catalog.to_owned(),
    }
}

/// "section “Identified data” (#identified-data)".
pub fn section_label(catalog: &Catalog, section: &str, lang: Lang) -> String {
    let w = words(lang);
    match catalog.section_title(section, lang) {
        Some(title) => format!("{} “{title}” (#{section})", w.section),
        None => format!("{} #{section}", w.section),
    }
}

/// Where a statement comes from and how sure the catalog is of it, in one line.
pub fn provenance(catalog: &Catalog, e: &Effective, lang: Lang) -> String {
    let mut parts = vec![origin_label(catalog, e.origin, lang)];
    if e.basis == Basis::Inferred {
        parts.push(words(lang).inferred.to_owned());
    }
    parts.push(section_label(catalog, &e.section, lang));
    parts.join(" · ")
}
