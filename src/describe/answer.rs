//! The answer paragraph for one item: what the explorer copies with `y` and `privcat answer` prints.

use std::fmt::Write as _;

use crate::catalog::{Basis, FactKind, Library};
use crate::describe::detail::document_line;
use crate::i18n::words;
use crate::scenario::Scenario;
use crate::text::Lang;

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
/// why, what else the documents say of it, and the document and section it comes from; with a scenario,
/// what holds for that setup.
pub fn answer(library: &Library, index: usize, lang: Lang, scenario: &Scenario) -> String {
    let p = &words(lang).answer;
    let kinds = &words(lang).kinds;
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let mut out = Vec::new();

    let mut first = match library.category_of(item) {
        Some(category) => format!(
            "{} — {} {} {}",
            item.name.get(lang),
            catalog.product,
            p.lists_as,
            lower_first(category.name.get(lang))
        ),
        None => format!(
            "{} — {} {} “{}”",
            item.name.get(lang),
            catalog.product,
            p.listed_in,
            library.document_of(item).title.get(lang)
        ),
    };
    if let Some(g) = library.group_of(item) {
        let _ = write!(first, " ({}: {})", p.group, g.name.get(lang));
    }
    out.push(sentence(&first));
    if !scenario.is_empty() {
        out.push(crate::describe::outcome::sentence(library, index, scenario, lang));
    }

    let collected = item.facts_of(FactKind::Collected).next().is_some();
    if collected && item.sources.is_empty() {
        out.push(p.no_source.to_owned());
    }
    for u in &item.sources {
        let source = &catalog.sources[u.index];
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
        .conditions()
        .filter(|c| !matches!(c.origin, crate::catalog::Origin::Source(_)))
    {
        let origin = crate::describe::origin_label(catalog, c.origin, lang);
        out.push(format!(
            "{}: {} ({origin}).",
            p.condition,
            c.text.get(lang).trim_end_matches('.')
        ));
    }
    match item.purposes().next() {
        Some(purpose) => out.push(format!("{}: {}", p.purpose, sentence(purpose.text.get(lang)))),
        None if collected => out.push(p.no_purpose.to_owned()),
        None => {}
    }
    for kind in FactKind::ALL {
        if matches!(
            kind,
            FactKind::Collected | FactKind::Condition | FactKind::Purpose
        ) {
            continue;
        }
        for fact in item.facts_of(kind) {
            let mut s = format!(
                "{}: {}",
                kinds.name(kind),
                fact.text.get(lang).trim_end_matches('.')
            );
            if let Some(values) = crate::describe::values(catalog, fact, lang) {
                let _ = write!(s, " ({values})");
            }
            out.push(sentence(&s));
        }
    }
    let mut reference = format!(
        "{}: {}, {}",
        p.reference,
        document_line(library, index, lang),
        crate::describe::section_label(catalog, item.cite, lang)
    );
    if collected && !item.exhaustive {
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
