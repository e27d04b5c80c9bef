//! The CSV export: one row per item, every text in one language, safe to open in a spreadsheet. The
//! header and each row come from the same list of columns, one per kind of fact among them; the
//! headers are in the chosen language (English keeps the ids scripts read), and each row names its
//! document's title, address and dates, so the file says what it rests on without a comment row that
//! CSV readers would take for the header.

use std::io::Write;

use crate::catalog::schema::Declared;
use crate::catalog::{FactKind, Library, Use};
use crate::describe::outcome;
use crate::export::{CsvStyle, csv_writer, rests_on, source_names, with_provenance};
use crate::i18n::words;
use crate::scenario::Scenario;
use crate::text::Lang;

/// What a cell is made from.
type Cell = Box<dyn Fn(&Library, usize, Lang) -> String>;

/// One column: its header and how to fill it for an item.
struct Column {
    header: &'static str,
    cell: Cell,
}

fn column(header: &'static str, cell: impl Fn(&Library, usize, Lang) -> String + 'static) -> Column {
    Column {
        header,
        cell: Box::new(cell),
    }
}

fn joined(v: impl IntoIterator<Item = String>) -> String {
    v.into_iter().collect::<Vec<_>>().join("\n")
}

fn names(list: &[Use], declared: &[Declared], lang: Lang) -> String {
    joined(list.iter().map(|u| declared[u.index].name.get(lang).to_owned()))
}

/// The facts of one kind, each with its provenance.
fn facts(kind: FactKind) -> impl Fn(&Library, usize, Lang) -> String {
    move |lib, i, lang| {
        joined(
            lib.items[i]
                .facts_of(kind)
                .map(|f| with_provenance(lib, i, f, lang)),
        )
    }
}

/// The cell of one of the document's edition columns: address, date, retrieved.
fn edition(at: usize) -> impl Fn(&Library, usize, Lang) -> String {
    move |lib, i, lang| {
        let it = &lib.items[i];
        rests_on::edition_columns(lib.catalog_of(it), it.document, lang)[at].clone()
    }
}

/// Every column, in order, headed in `lang`.
fn columns(lang: Lang) -> Vec<Column> {
    let h = &words(lang).records.columns;
    let mut out = vec![
        column(h.catalog, |lib, i, _| lib.catalog_of(&lib.items[i]).id.clone()),
        column(h.id, |lib, i, _| lib.items[i].id.clone()),
        column(h.category, |lib, i, lang| {
            lib.category_of(&lib.items[i])
                .map(|c| c.name.get(lang).to_owned())
                .unwrap_or_default()
        }),
        column(h.group, |lib, i, lang| {
            lib.group_of(&lib.items[i])
                .map(|g| g.name.get(lang).to_owned())
                .unwrap_or_default()
        }),
        column(h.name, |lib, i, lang| lib.items[i].name.get(lang).to_owned()),
        column(h.description, |lib, i, lang| {
            lib.items[i]
                .description
                .as_ref()
                .map(|d| d.get(lang).to_owned())
                .unwrap_or_default()
        }),
        column(h.subjects, |lib, i, lang| {
            let c = lib.catalog_of(&lib.items[i]);
            names(&lib.items[i].subjects, &c.subjects, lang)
        }),
        column(h.sources, |lib, i, lang| joined(source_names(lib, i, lang))),
        column(h.kind(FactKind::Condition, lang), facts(FactKind::Condition)),
        column(h.kind(FactKind::Purpose, lang), facts(FactKind::Purpose)),
    ];
    for kind in FactKind::ALL {
        if !matches!(kind, FactKind::Condition | FactKind::Purpose) {
            out.push(column(h.kind(kind, lang), facts(kind)));
        }
    }
    out.extend([
        column(h.parties, |lib, i, lang| {
            let c = lib.catalog_of(&lib.items[i]);
            names(&lib.items[i].parties, &c.parties, lang)
        }),
        column(h.platforms, |lib, i, lang| {
            let c = lib.catalog_of(&lib.items[i]);
            joined(
                lib.items[i]
                    .platforms
                    .iter()
                    .map(|&p| c.platforms[p].name.get(lang).to_owned()),
            )
        }),
        column(h.notes, |lib, i, lang| {
            joined(lib.items[i].notes.iter().map(|n| n.text.get(lang).to_owned()))
        }),
        column(h.also_listed, |lib, i, _| {
            joined(lib.linked(i).iter().map(|l| lib.items[l.item].id.clone()))
        }),
        column(h.exhaustive, |lib, i, _| lib.items[i].exhaustive.to_string()),
        column(h.section, |lib, i, _| {
            let it = &lib.items[i];
            lib.catalog_of(it)
                .section(it.cite)
                .map(|s| s.id.clone())
                .unwrap_or_default()
        }),
        column(h.document, |lib, i, lang| {
            lib.document_of(&lib.items[i]).title.get(lang).to_owned()
        }),
        column(h.document_id, |lib, i, _| {
            lib.document_of(&lib.items[i]).id.clone()
        }),
        column(h.document_url, edition(0)),
        column(h.document_date, edition(1)),
        column(h.document_retrieved, edition(2)),
    ]);
    out
}

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// Writes the header and one row per selected item (RFC 4180 quoting).
pub fn write(
    library: &Library,
    selected: &[usize],
    lang: Lang,
    scenario: &Scenario,
    style: CsvStyle,
    out: impl Write,
) -> csv::Result<()> {
    let mut writer = csv_writer(out, style)?;
    let columns = columns(lang);
    let mut header: Vec<&str> = columns.iter().map(|c| c.header).collect();
    if !scenario.is_empty() {
        let h = &words(lang).records.columns;
        header.extend([h.scenario, h.in_this_setup]);
    }
    writer.write_record(&header)?;
    for &i in selected {
        let mut cells: Vec<String> = columns.iter().map(|c| (c.cell)(library, i, lang)).collect();
        if !scenario.is_empty() {
            cells.push(scenario.to_string());
            cells.push(outcome::summary(library, i, scenario, lang));
        }
        writer.write_record(cells.iter().map(|c| defuse(c)))?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("-1"), "'-1");
        assert_eq!(defuse("@x"), "'@x");
        assert_eq!(defuse("IMEI"), "IMEI");
    }

    #[test]
    fn every_kind_of_fact_has_a_column_and_headers_are_unique() {
        let headers: Vec<&str> = columns(Lang::En).into_iter().map(|c| c.header).collect();
        for kind in FactKind::ALL {
            let expected = match kind {
                FactKind::Condition => "conditions",
                FactKind::Purpose => "purpose",
                other => other.id(),
            };
            assert!(headers.contains(&expected), "{expected}");
        }
        let mut unique = headers.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), headers.len());
    }
}
