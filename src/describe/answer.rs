//! The answer paragraph for one item: what the explorer copies with `y` and `privcat answer` prints.

use std::fmt::Write as _;

use crate::catalog::{Basis, Library};
use crate::describe::detail::document_line;
use crate::scenario::Scenario;
use crate::text::Lang;

struct Phrases {
    lists_as: &'static str,
    group: &'static str,
    collected_from: &'static str,
    source_inferred: &'static str,
    no_source: &'static str,
    condition: &'static str,
    purpose: &'static str,
    no_purpose: &'static str,
    reference: &'static str,
    not_exhaustive: &'static str,
}

const EN: Phrases = Phrases {
    lists_as: "lists this as",
    group: "group",
    collected_from: "Collected from",
    source_inferred: "the source is inferred by the catalog, not stated item by item in the document",
    no_source: "The document does not say which source this comes from.",
    condition: "Condition",
    purpose: "Purpose",
    no_purpose: "The document states no purpose.",
    reference: "Reference",
    not_exhaustive: "the document's list is not exhaustive",
};

const SV: Phrases = Phrases {
    lists_as: "anger detta som",
    group: "grupp",
    collected_from: "Samlas in från",
    source_inferred: "källan är härledd av katalogen, inte angiven per uppgift i dokumentet",
    no_source: "Dokumentet anger inte vilken källa detta kommer från.",
    condition: "Villkor",
    purpose: "Syfte",
    no_purpose: "Dokumentet anger inget syfte.",
    reference: "Referens",
    not_exhaustive: "dokumentets lista är inte uttömmande",
};

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_owned(),
    }
}

fn sentence(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// A paragraph to paste into a ticket: what the item is, its category, when and from where it is collected,
/// why, and the document and section it comes from; with a scenario, what holds for that setup.
pub fn answer(library: &Library, index: usize, lang: Lang, scenario: &Scenario) -> String {
    let p = match lang {
        Lang::En => &EN,
        Lang::Sv => &SV,
    };
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let category = library.category_of(item);
    let mut out = Vec::new();

    let mut first = format!(
        "{} — {} {} {}",
        item.name.get(lang),
        catalog.product,
        p.lists_as,
        lower_first(category.name.get(lang))
    );
    if let Some(g) = library.group_of(item) {
        let _ = write!(first, " ({}: {})", p.group, g.name.get(lang));
    }
    out.push(sentence(&first));
    if !scenario.is_empty() {
        out.push(crate::describe::outcome::sentence(library, index, scenario, lang));
    }

    if item.sources.is_empty() {
        out.push(p.no_source.to_owned());
    }
    for u in &item.sources {
        let source = &catalog.sources[u.source];
        let mut s = format!("{} {}", p.collected_from, lower_first(source.name.get(lang)));
        if let Some(c) = &source.condition {
            let _ = write!(s, ", {}", c.text.get(lang).trim_end_matches('.'));
        }
        if u.basis == Basis::Inferred {
            let _ = write!(s, " ({})", p.source_inferred);
        }
        out.push(sentence(&s));
    }
    for c in item
        .conditions
        .iter()
        .filter(|c| !matches!(c.origin, crate::catalog::Origin::Source(_)))
    {
        let origin = crate::describe::origin_label(catalog, c.origin, lang);
        out.push(format!(
            "{}: {} ({origin}).",
            p.condition,
            c.text.get(lang).trim_end_matches('.')
        ));
    }
    match item.purposes.first() {
        Some(purpose) => out.push(format!("{}: {}", p.purpose, sentence(purpose.text.get(lang)))),
        None => out.push(p.no_purpose.to_owned()),
    }
    let mut reference = format!(
        "{}: {}, {}",
        p.reference,
        document_line(library, index, lang),
        crate::describe::section_label(catalog, &item.section, lang)
    );
    if !item.exhaustive {
        let _ = write!(reference, "; {}", p.not_exhaustive);
    }
    out.push(sentence(&reference));
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_builtin;

    fn answer_for(id: &str, lang: Lang) -> String {
        let library = load_builtin().library.unwrap();
        answer(&library, library.find(id).unwrap(), lang, &Scenario::default())
    }

    #[test]
    fn imei_answer_in_english() {
        let a = answer_for("imei", Lang::En);
        assert!(
            a.starts_with("IMEI number — Microsoft Intune lists this as identified data"),
            "{a}"
        );
        assert!(
            a.contains("Collected from end-user devices, when they are enrolled for management by Intune"),
            "{a}"
        );
        assert!(
            a.contains("Purpose: Identified data is used to manage a user's device"),
            "{a}"
        );
        assert!(a.contains("section “Identified data” (#identified-data)"), "{a}");
        assert!(a.contains("not exhaustive"), "{a}");
    }

    #[test]
    fn imei_answer_in_swedish() {
        let a = answer_for("imei", Lang::Sv);
        assert!(
            a.starts_with("IMEI-numret — Microsoft Intune anger detta som identifierade data"),
            "{a}"
        );
        assert!(
            a.contains("Samlas in från slutanvändarenheter, när de registreras för hantering av Intune"),
            "{a}"
        );
        assert!(
            a.contains("Syfte: Identifierade data används för att hantera"),
            "{a}"
        );
        assert!(a.contains("avsnitt “Identifierade data”"), "{a}");
    }

    #[test]
    fn app_inventory_answer_states_its_condition() {
        let a = answer_for("app-name", Lang::En);
        assert!(a.contains("collected only if the administrator has marked the device as a corporate-owned device or the compliant-app feature"), "{a}");
        assert!(a.contains("stated for the group “Application inventory”"), "{a}");
    }
}
