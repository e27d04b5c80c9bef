//! The Markdown report: the document, the catalog-wide statements, then per category its definition,
//! purpose and a table of its items.

use std::fmt::Write as _;

use crate::catalog::Library;
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

struct Headings {
    statements: &'static str,
    item: &'static str,
    retrieved: &'static str,
    items: &'static str,
}

fn headings(lang: Lang) -> Headings {
    match lang {
        Lang::En => Headings {
            statements: "Statements",
            item: "Item",
            retrieved: "text taken",
            items: "items",
        },
        Lang::Sv => Headings {
            statements: "Uttalanden",
            item: "Uppgift",
            retrieved: "texten hämtad",
            items: "uppgifter",
        },
    }
}

/// The report for the selected items, one section per catalog and category that has any.
pub fn report(library: &Library, selected: &[usize], lang: Lang, scenario: &Scenario) -> String {
    let w = words(lang);
    let h = headings(lang);
    let mut out = String::new();
    for (ci, catalog) in library.catalogs.iter().enumerate() {
        let in_catalog: Vec<usize> = selected
            .iter()
            .copied()
            .filter(|&i| library.items[i].catalog == ci)
            .collect();
        if in_catalog.is_empty() {
            continue;
        }
        let d = &catalog.document;
        let _ = writeln!(
            out,
            "# {} — {}\n",
            cell(catalog.title.get(lang)),
            cell(&catalog.product)
        );
        let mut doc = format!("{}: “{}”, {}", w.document, d.title.get(lang), catalog.publisher);
        for (label, value) in [(w.dated, &d.date), (h.retrieved, &d.retrieved)] {
            if let Some(v) = value {
                let _ = write!(doc, ", {label} {v}");
            }
        }
        if let Some(locale) = &d.locale {
            let _ = write!(doc, ", {locale}");
        }
        if let Some(url) = &d.url {
            let _ = write!(doc, ", <{url}>");
        }
        let _ = writeln!(out, "{doc}.\n");
        if !scenario.is_empty() {
            let _ = writeln!(out, "**{}:** {}\n", w.scenario, scenario.describe(catalog, lang));
        }
        if !catalog.statements.is_empty() {
            let _ = writeln!(out, "## {}\n", h.statements);
            for s in &catalog.statements {
                let _ = writeln!(
                    out,
                    "- {} ({})",
                    s.text.get(lang),
                    section_label(catalog, &s.section, lang)
                );
            }
            out.push('\n');
        }
        for (k, category) in catalog.categories.iter().enumerate() {
            let items: Vec<usize> = in_catalog
                .iter()
                .copied()
                .filter(|&i| library.items[i].category == k)
                .collect();
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "## {} ({} {})\n",
                category.name.get(lang),
                items.len(),
                h.items
            );
            if let Some(def) = &category.definition {
                let _ = writeln!(out, "**{}:** {}\n", w.definition, def.get(lang));
            }
            if let Some(p) = &category.purpose {
                let _ = writeln!(out, "**{}:** {}\n", w.purpose, p.text.get(lang));
            }
            if !category.exhaustive {
                let note = category
                    .exhaustive_note
                    .as_ref()
                    .map(|n| format!(": “{}”", n.get(lang).trim_end_matches(':')))
                    .unwrap_or_default();
                let _ = writeln!(out, "*{}{note}.*\n", w.list_not_complete);
            }
            let _ = writeln!(out, "{}\n", section_label(catalog, &category.section, lang));
            table(&mut out, library, &items, lang, scenario);
            out.push('\n');
        }
    }
    out
}

fn table(out: &mut String, library: &Library, items: &[usize], lang: Lang, scenario: &Scenario) {
    let w = words(lang);
    let h = headings(lang);
    let mut columns = vec![h.item, w.group, w.collected_from, w.conditions, w.purpose];
    if !scenario.is_empty() {
        columns.push(w.in_this_setup);
    }
    let _ = writeln!(out, "| {} |", columns.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(columns.len()));
    for &i in items {
        let it = &library.items[i];
        let group = library.group_of(it).map_or("—", |g| g.name.get(lang));
        let sources = source_names(library, i, lang).join("; ");
        let conditions: Vec<String> = it
            .conditions
            .iter()
            .map(|e| with_provenance(library, i, e, lang))
            .collect();
        let purposes: Vec<String> = it
            .purposes
            .iter()
            .map(|e| with_provenance(library, i, e, lang))
            .collect();
        let mut cells = vec![
            format!("{} (`{}`)", cell(it.name.get(lang)), it.id),
            cell(group),
            cell(if sources.is_empty() { "—" } else { &sources }),
            cell(&conditions.join("\n")),
            cell(&purposes.join("\n")),
        ];
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
