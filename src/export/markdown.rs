//! The Markdown report: per catalog its statements, then per document and category its definition,
//! purpose and a table of its items with every fact.

use std::fmt::Write as _;

use crate::catalog::{Catalog, Document, FactKind, Library};
use crate::describe::outcome;
use crate::describe::section_label;
use crate::export::{source_names, with_provenance};
use crate::i18n::words;
use crate::scenario::Scenario;
use crate::text::Lang;

/// Escapes text for a table cell: pipes, and line breaks as `<br>`.
pub fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// The report for the selected items, one section per catalog, document and category that has any.
pub fn report(library: &Library, selected: &[usize], lang: Lang, scenario: &Scenario) -> String {
    let w = words(lang);
    let mut out = String::new();
    let mut rests_on = Some(crate::export::rests_on::markdown(library, selected, lang));
    for (ci, catalog) in library.catalogs.iter().enumerate() {
        let in_catalog: Vec<usize> = selected
            .iter()
            .copied()
            .filter(|&i| library.items[i].catalog == ci)
            .collect();
        if in_catalog.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "# {} — {}\n",
            cell(catalog.title.get(lang)),
            cell(&catalog.product)
        );
        // Under the first title: the documents of every catalog exported.
        out.push_str(&rests_on.take().unwrap_or_default());
        if !scenario.is_empty() {
            let _ = writeln!(
                out,
                "**{}:** {}\n",
                w.scenario.scenario,
                scenario.describe(catalog, lang)
            );
        }
        if !catalog.statements.is_empty() {
            let _ = writeln!(out, "## {}\n", w.export.statements);
            for s in &catalog.statements {
                let _ = writeln!(
                    out,
                    "- {} ({})",
                    s.text.get(lang),
                    section_label(catalog, s.cite, lang)
                );
            }
            out.push('\n');
        }
        let several = catalog.documents.len() > 1;
        for (di, doc) in catalog.documents.iter().enumerate() {
            let in_document: Vec<usize> = in_catalog
                .iter()
                .copied()
                .filter(|&i| library.items[i].document == di)
                .collect();
            if in_document.is_empty() {
                continue;
            }
            if several {
                let _ = writeln!(out, "## {}\n", cell(doc.title.get(lang)));
            }
            let _ = writeln!(out, "{}.\n", document_line(catalog, doc, lang));
            let level = if several { "###" } else { "##" };
            let mut parts: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
            for &i in &in_document {
                let k = library.items[i].category;
                match parts.iter_mut().find(|(c, _)| *c == k) {
                    Some((_, items)) => items.push(i),
                    None => parts.push((k, vec![i])),
                }
            }
            parts.sort_by_key(|(k, _)| k.map_or(usize::MAX, |k| k));
            for (k, items) in parts {
                category_section(&mut out, library, catalog, k, &items, level, lang, scenario);
            }
        }
    }
    out
}

/// "Document: “Title”, Publisher, dated …, text taken …, sv-SE, <url>".
fn document_line(catalog: &Catalog, doc: &Document, lang: Lang) -> String {
    let w = words(lang);
    let mut line = format!(
        "{}: “{}”, {}",
        w.ui.document,
        doc.title.get(lang),
        catalog.publisher
    );
    if let Some(e) = doc.edition(lang) {
        for (label, value) in [(w.detail.dated, &e.date), (w.export.retrieved, &e.retrieved)] {
            if let Some(v) = value {
                let _ = write!(line, ", {label} {v}");
            }
        }
        if let Some(locale) = &e.locale {
            let _ = write!(line, ", {locale}");
        }
        if let Some(url) = &e.url {
            let _ = write!(line, ", <{url}>");
        }
    }
    line
}

#[allow(clippy::too_many_arguments)]
fn category_section(
    out: &mut String,
    library: &Library,
    catalog: &Catalog,
    category: Option<usize>,
    items: &[usize],
    level: &str,
    lang: Lang,
    scenario: &Scenario,
) {
    let w = words(lang);
    let heading = category.map_or(w.ui.items, |k| catalog.categories[k].name.get(lang));
    let (one, many) = w.export.items;
    let noun = if items.len() == 1 { one } else { many };
    let _ = writeln!(out, "{level} {heading} ({} {noun})\n", items.len());
    if let Some(k) = category {
        let category = &catalog.categories[k];
        if let Some(def) = &category.definition {
            let _ = writeln!(out, "**{}:** {}\n", w.detail.category, def.get(lang));
        }
        if let Some(p) = &category.purpose {
            let _ = writeln!(out, "**{}:** {}\n", w.kinds.purpose, p.text.get(lang));
        }
        if !category.exhaustive {
            let note = category
                .exhaustive_note
                .as_ref()
                .map(|n| format!(": “{}”", n.get(lang).trim_end_matches(':')))
                .unwrap_or_default();
            let _ = writeln!(out, "*{}{note}.*\n", w.detail.list_not_complete);
        }
        let _ = writeln!(
            out,
            "{}\n",
            section_label(catalog, catalog.cites.categories[k], lang)
        );
    }
    table(out, library, items, lang, scenario);
    out.push('\n');
}

/// The kinds with their own column; the others share "other facts".
const OWN_COLUMN: [FactKind; 3] = [FactKind::Collected, FactKind::Condition, FactKind::Purpose];

/// The facts of the kinds without a column of their own, one line each.
fn other_facts(library: &Library, i: usize, lang: Lang) -> Vec<String> {
    let kinds = &words(lang).kinds;
    FactKind::ALL
        .into_iter()
        .filter(|k| !OWN_COLUMN.contains(k))
        .flat_map(|k| {
            library.items[i]
                .facts_of(k)
                .map(move |f| format!("{}: {}", kinds.name(k), with_provenance(library, i, f, lang)))
        })
        .collect()
}

fn table(out: &mut String, library: &Library, items: &[usize], lang: Lang, scenario: &Scenario) {
    let w = words(lang);
    let others: Vec<Vec<String>> = items.iter().map(|&i| other_facts(library, i, lang)).collect();
    let any_others = others.iter().any(|o| !o.is_empty());
    let mut columns = vec![
        w.export.item,
        w.detail.group,
        w.detail.collected_from,
        w.kinds.condition,
        w.kinds.purpose,
    ];
    if any_others {
        columns.push(w.export.other_facts);
    }
    if !scenario.is_empty() {
        columns.push(w.scenario.in_this_setup);
    }
    let _ = writeln!(out, "| {} |", columns.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(columns.len()));
    for (&i, others) in items.iter().zip(others) {
        let it = &library.items[i];
        let group = library.group_of(it).map_or("—", |g| g.name.get(lang));
        let sources = source_names(library, i, lang).join("; ");
        let of = |kind| -> Vec<String> {
            it.facts_of(kind)
                .map(|f| with_provenance(library, i, f, lang))
                .collect()
        };
        let mut cells = vec![
            format!("{} (`{}`)", cell(it.name.get(lang)), it.id),
            cell(group),
            cell(if sources.is_empty() { "—" } else { &sources }),
            cell(&of(FactKind::Condition).join("\n")),
            cell(&of(FactKind::Purpose).join("\n")),
        ];
        if any_others {
            cells.push(cell(&others.join("\n")));
        }
        if !scenario.is_empty() {
            cells.push(cell(&outcome::summary(library, i, scenario, lang)));
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_escape_pipes_and_breaks() {
        assert_eq!(cell("a|b\nc"), "a\\|b<br>c");
    }
}
