//! What a scenario means for one item, in words: the outcome, the facts that decided it and why, and
//! whether it rests on the catalog's own reading.

use std::fmt::Write as _;

use crate::catalog::{Basis, Library};
use crate::describe::detail::Entry;
use crate::describe::{lower_first, origin_label, provenance};
use crate::i18n::{fill, words};
use crate::scenario::{Outcome, Scenario, Verdict, dimension_name, evaluate};
use crate::text::Lang;

/// "Not collected" / "Depends on Platform" and so on.
pub fn headline(library: &Library, index: usize, verdict: &Verdict, lang: Lang) -> String {
    let w = &words(lang).scenario;
    let catalog = library.catalog_of(&library.items[index]);
    let mut line = match &verdict.outcome {
        Outcome::Collected if verdict.because.is_empty() => {
            format!("{} — {}", w.collected, w.no_condition_stated)
        }
        Outcome::Collected => w.collected.to_owned(),
        Outcome::NotCollected => w.not_collected.to_owned(),
        Outcome::Depends(dims) if dims.is_empty() => fill(w.depends_headline, &[("on", w.unevaluable)]),
        Outcome::Depends(dims) => {
            let names: Vec<&str> = dims.iter().map(|d| dimension_name(catalog, d, lang)).collect();
            fill(w.depends_headline, &[("on", &names.join(", "))])
        }
        Outcome::Unsettled if verdict.because.is_empty() => format!("{} — {}", w.unsettled, w.never_stated),
        Outcome::Unsettled => format!("{} — {}", w.unsettled, w.only_inferred),
    };
    if verdict.basis == Basis::Inferred && verdict.outcome != Outcome::Unsettled {
        line = format!("{line} ({})", w.rests_on_reading);
    }
    line
}

/// The entries of the detail's "In this setup" field.
pub fn explain(library: &Library, index: usize, scenario: &Scenario, lang: Lang) -> Vec<Entry> {
    let w = &words(lang).scenario;
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let verdict = evaluate(library, index, scenario);
    let decider = &library.items[verdict.decided_by];
    let mut entries = vec![Entry {
        text: headline(library, index, &verdict, lang),
        meta: Some(format!("{}: {}", w.scenario, scenario.describe(catalog, lang))),
        inferred: verdict.basis == Basis::Inferred,
    }];
    for &i in &verdict.because {
        let c = &decider.facts[i];
        let mut meta = provenance(catalog, c, lang);
        if verdict.decided_by != index {
            meta = format!(
                "{} “{}” · {meta}",
                words(lang).detail.from_listing,
                decider.name.get(lang)
            );
        }
        entries.push(Entry {
            text: format!("“{}”", c.text.get(lang)),
            meta: Some(meta),
            inferred: c.basis == Basis::Inferred,
        });
    }
    for &i in &verdict.recategorised_by {
        let c = &item.facts[i];
        let category = verdict.category.map_or_else(String::new, |k| {
            catalog.categories[k].name.get(lang).to_lowercase()
        });
        entries.push(Entry {
            text: format!("{} {category}: “{}”", w.counts_as, c.text.get(lang)),
            meta: Some(provenance(catalog, c, lang)),
            inferred: c.basis == Basis::Inferred,
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
            inferred: false,
        });
    }
    entries
}

/// One sentence for the answer paragraph: what holds for this setup, and because of what.
pub fn sentence(library: &Library, index: usize, scenario: &Scenario, lang: Lang) -> String {
    let w = &words(lang).scenario;
    let item = &library.items[index];
    let catalog = library.catalog_of(item);
    let verdict = evaluate(library, index, scenario);
    let setup = scenario.describe(catalog, lang);
    let values = [("setup", setup.as_str()), ("product", catalog.product.as_str())];
    let mut s = match &verdict.outcome {
        // Nothing in the setup decides it: say so, and whose data it is and where it comes from, so
        // that no one reads it as data taken from the device the setup describes.
        Outcome::Collected if verdict.because.is_empty() => {
            let mut s = fill(w.sentence_collected_always, &values);
            let item = &library.items[verdict.decided_by];
            let names = |uses: &[crate::catalog::Use], names: &dyn Fn(usize) -> String| -> String {
                uses.iter().map(|u| names(u.index)).collect::<Vec<_>>().join(", ")
            };
            let whose = names(&item.subjects, &|i| {
                lower_first(catalog.subjects[i].name.get(lang))
            });
            let from = names(&item.sources, &|i| lower_first(catalog.sources[i].name.get(lang)));
            if !whose.is_empty() {
                s.push_str(&fill(w.data_about, &[("subjects", &whose)]));
            }
            if !from.is_empty() {
                s.push_str(&fill(w.data_from, &[("sources", &from)]));
            }
            s
        }
        Outcome::Collected => fill(w.sentence_collected, &values),
        Outcome::NotCollected => fill(w.sentence_not_collected, &values),
        Outcome::Unsettled => fill(w.sentence_unsettled, &values),
        Outcome::Depends(dims) if dims.is_empty() => fill(
            w.sentence_depends,
            &[("dimensions", w.unevaluable), values[0], values[1]],
        ),
        Outcome::Depends(dims) => {
            let names: Vec<String> = dims
                .iter()
                .map(|d| lower_first(dimension_name(catalog, d, lang)))
                .collect();
            fill(
                w.sentence_depends,
                &[("dimensions", &names.join(w.and)), values[0], values[1]],
            )
        }
    };
    if verdict.basis == Basis::Inferred && verdict.outcome != Outcome::Unsettled {
        let _ = write!(s, " ({})", w.rests_on_reading);
    }
    let decider = &library.items[verdict.decided_by];
    let reasons: Vec<String> = verdict
        .because
        .iter()
        .map(|&i| {
            let c = &decider.facts[i];
            format!(
                "“{}” ({})",
                c.text.get(lang).trim_end_matches('.'),
                origin_label(catalog, c.origin, lang)
            )
        })
        .collect();
    if !reasons.is_empty() {
        s.push_str(w.because);
        s.push_str(&reasons.join(w.and));
    }
    if !verdict.recategorised_by.is_empty()
        && let Some(k) = verdict.category
    {
        let name = catalog.categories[k].name.get(lang).to_lowercase();
        s.push_str(&fill(w.here_counts_as, &[("category", &name)]));
    }
    s.push('.');
    s
}

/// A one-character mark for lists: ✓ collected, ✗ not collected, ? depends, – not settled.
pub fn mark(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Collected => "✓",
        Outcome::NotCollected => "✗",
        Outcome::Depends(_) => "?",
        Outcome::Unsettled => "–",
    }
}

/// The headline and the deciding facts in one line, for table cells.
pub fn summary(library: &Library, index: usize, scenario: &Scenario, lang: Lang) -> String {
    let verdict = evaluate(library, index, scenario);
    let decider = &library.items[verdict.decided_by];
    let mut parts = vec![headline(library, index, &verdict, lang)];
    parts.extend(
        verdict
            .because
            .iter()
            .map(|&i| format!("“{}”", decider.facts[i].text.get(lang))),
    );
    parts.join(": ")
}
