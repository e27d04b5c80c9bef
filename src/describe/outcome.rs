//! What a scenario means for one item, in words: the outcome, the condition that decided it and why.

use std::fmt::Write as _;

use crate::catalog::Library;
use crate::describe::detail::Entry;
use crate::describe::provenance;
use crate::i18n::words;
use crate::scenario::{Outcome, Scenario, Verdict, dimension_name, evaluate};
use crate::text::Lang;

/// "Not collected" / "Depends — depends on Platform" and so on.
pub fn headline(library: &Library, index: usize, verdict: &Verdict, lang: Lang) -> String {
    let w = words(lang);
    let catalog = library.catalog_of(&library.items[index]);
    match &verdict.outcome {
        Outcome::Collected if verdict.because.is_empty() => {
            format!("{} — {}", w.collected, w.no_condition_stated)
        }
        Outcome::Collected => w.collected.to_owned(),
        Outcome::NotCollected => w.not_collected.to_owned(),
        Outcome::Depends(dims) if dims.is_empty() => format!("{} — {}", w.depends, w.depends_unstructured),
        Outcome::Depends(dims) => {
            let names: Vec<&str> = dims.iter().map(|d| dimension_name(catalog, d, lang)).collect();
            format!("{} — {} {}", w.depends, w.depends_on, names.join(", "))
        }
    }
}

/// The entries of the detail's "In this setup" field.
pub fn explain(library: &Library, index: usize, scenario: &Scenario, lang: Lang) -> Vec<Entry> {
    let w = words(lang);
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let verdict = evaluate(item, scenario);
    let mut entries = vec![Entry {
        text: headline(library, index, &verdict, lang),
        meta: Some(format!("{}: {}", w.scenario, scenario.describe(catalog, lang))),
    }];
    for &i in &verdict.because {
        let c = &item.conditions[i];
        entries.push(Entry {
            text: format!("“{}”", c.text.get(lang)),
            meta: Some(provenance(catalog, c, lang)),
        });
    }
    for &i in &verdict.recategorised_by {
        let c = &item.conditions[i];
        entries.push(Entry {
            text: format!(
                "{} {}: “{}”",
                w.counts_as,
                catalog.categories[verdict.category].name.get(lang).to_lowercase(),
                c.text.get(lang)
            ),
            meta: Some(provenance(catalog, c, lang)),
        });
    }
    if let (Some((target, dims)), false) = (&verdict.may_become, verdict.outcome == Outcome::NotCollected) {
        let names: Vec<&str> = dims.iter().map(|d| dimension_name(catalog, d, lang)).collect();
        entries.push(Entry {
            text: format!(
                "{} {} — {} {}",
                w.would_count_as,
                catalog.categories[*target].name.get(lang).to_lowercase(),
                w.depends_on,
                names.join(", ")
            ),
            meta: None,
        });
    }
    entries
}

/// One sentence for the answer paragraph: what holds for this setup, and because of what.
pub fn sentence(library: &Library, index: usize, scenario: &Scenario, lang: Lang) -> String {
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let verdict = evaluate(item, scenario);
    let setup = scenario.describe(catalog, lang);
    let (en, sv) = (lang == Lang::En, lang == Lang::Sv);
    let mut s = match (&verdict.outcome, en) {
        (Outcome::Collected, true) => format!("In this setup ({setup}), {} collects it", catalog.product),
        (Outcome::Collected, false) => {
            format!("I denna uppsättning ({setup}) samlar {} in den", catalog.product)
        }
        (Outcome::NotCollected, true) => {
            format!("In this setup ({setup}), {} does not collect it", catalog.product)
        }
        (Outcome::NotCollected, false) => format!(
            "I denna uppsättning ({setup}) samlar {} inte in den",
            catalog.product
        ),
        (Outcome::Depends(_), _) => format!(
            "{setup}: {}",
            headline(library, index, &verdict, lang).to_lowercase()
        ),
    };
    let reasons: Vec<String> = verdict
        .because
        .iter()
        .map(|&i| {
            let c = &item.conditions[i];
            format!(
                "“{}” ({})",
                c.text.get(lang).trim_end_matches('.'),
                crate::describe::origin_label(catalog, c.origin, lang)
            )
        })
        .collect();
    if !reasons.is_empty() {
        s.push_str(if sv { ", eftersom: " } else { ", because: " });
        s.push_str(&reasons.join(if sv { "; och " } else { "; and " }));
    }
    if !verdict.recategorised_by.is_empty() {
        let name = catalog.categories[verdict.category].name.get(lang).to_lowercase();
        let _ = if sv {
            write!(s, "; här räknas den som {name}")
        } else {
            write!(s, "; here it counts as {name}")
        };
    }
    s.push('.');
    s
}

/// A one-character mark for lists: ✓ collected, ✗ not collected, ? depends.
pub fn mark(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Collected => "✓",
        Outcome::NotCollected => "✗",
        Outcome::Depends(_) => "?",
    }
}

/// The headline and the deciding conditions in one line, for table cells.
pub fn summary(library: &Library, index: usize, scenario: &Scenario, lang: Lang) -> String {
    let item = &library.items[index];
    let verdict = evaluate(item, scenario);
    let mut parts = vec![headline(library, index, &verdict, lang)];
    parts.extend(
        verdict
            .because
            .iter()
            .map(|&i| format!("“{}”", item.conditions[i].text.get(lang))),
    );
    parts.join(": ")
}
