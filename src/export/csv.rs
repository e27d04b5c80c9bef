//! The CSV export: one row per item, every text in one language, safe to open in a spreadsheet.

use std::io::Write;

use crate::catalog::Library;
use crate::describe::outcome;
use crate::export::{source_names, with_provenance};
use crate::scenario::Scenario;
use crate::text::Lang;

/// The header row.
pub const COLUMNS: [&str; 15] = [
    "catalog",
    "id",
    "category",
    "group",
    "name",
    "description",
    "sources",
    "conditions",
    "purpose",
    "platforms",
    "notes",
    "also_listed",
    "exhaustive",
    "section",
    "document",
];

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
    out: impl Write,
) -> csv::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if !scenario.is_empty() {
        header.extend(["scenario", "in_this_setup"]);
    }
    writer.write_record(&header)?;
    for &i in selected {
        let mut cells = row(library, i, lang);
        if !scenario.is_empty() {
            cells.push(scenario.to_string());
            cells.push(outcome::summary(library, i, scenario, lang));
        }
        writer.write_record(cells.iter().map(|c| defuse(c)))?;
    }
    writer.flush()?;
    Ok(())
}

fn row(library: &Library, i: usize, lang: Lang) -> Vec<String> {
    let it = &library.items[i];
    let c = library.catalog_of(it);
    let joined = |v: Vec<String>| v.join("\n");
    vec![
        c.id.clone(),
        it.id.clone(),
        library.category_of(it).name.get(lang).to_owned(),
        library
            .group_of(it)
            .map(|g| g.name.get(lang).to_owned())
            .unwrap_or_default(),
        it.name.get(lang).to_owned(),
        it.description
            .as_ref()
            .map(|d| d.get(lang).to_owned())
            .unwrap_or_default(),
        joined(source_names(library, i, lang)),
        joined(
            it.conditions
                .iter()
                .map(|e| with_provenance(library, i, e, lang))
                .collect(),
        ),
        joined(
            it.purposes
                .iter()
                .map(|e| with_provenance(library, i, e, lang))
                .collect(),
        ),
        joined(
            it.platforms
                .iter()
                .map(|&p| c.platforms[p].name.get(lang).to_owned())
                .collect(),
        ),
        joined(it.notes.iter().map(|n| n.text.get(lang).to_owned()).collect()),
        joined(
            it.also_listed
                .iter()
                .map(|&j| library.items[j].id.clone())
                .collect(),
        ),
        it.exhaustive.to_string(),
        it.section.clone(),
        c.document.title.get(lang).to_owned(),
    ]
}

#[cfg(test)]
mod tests {
    use super::defuse;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("+1"), "'+1");
        assert_eq!(defuse("-1"), "'-1");
        assert_eq!(defuse("@x"), "'@x");
        assert_eq!(defuse("IMEI"), "IMEI");
    }
}
