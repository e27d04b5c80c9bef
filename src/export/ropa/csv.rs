//! The record as a table: one row per activity, one column per field, every cell's entries one a
//! line with their citations. The CSV writer and the workbook's record sheet share it.

use std::io::Write;

use crate::catalog::Library;
use crate::export::csv::defuse;
use crate::export::ropa::{Field, Record, field_lines};
use crate::export::{CsvStyle, csv_writer, rests_on};
use crate::i18n::words;

/// The header and the rows of the record.
pub fn table(library: &Library, record: &Record) -> (Vec<String>, Vec<Vec<String>>) {
    let lang = record.lang;
    let w = &words(lang).records;
    let c = &w.columns;
    let mut header: Vec<String> = [c.catalog, w.activity, c.document, c.document_url, c.document_date]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    header.extend(Field::ALL.iter().map(|f| f.name(lang).to_owned()));
    header.push(w.documents_cited.to_owned());
    let rows = record
        .activities
        .iter()
        .map(|a| {
            let catalog = &library.catalogs[a.catalog];
            let [url, date, _] = rests_on::edition_columns(catalog, a.document, lang);
            let mut row = vec![
                catalog.product.clone(),
                a.title.clone(),
                catalog.documents[a.document].title.get(lang).to_owned(),
                url,
                date,
            ];
            row.extend(
                a.fields
                    .iter()
                    .map(|(_, entries)| field_lines(catalog, entries, lang).join("\n")),
            );
            let cited: Vec<String> = a
                .documents()
                .into_iter()
                .map(|d| rests_on::line(catalog, d, lang))
                .collect();
            row.push(cited.join("\n"));
            row
        })
        .collect();
    (header, rows)
}

/// Writes the record as CSV: a header, then one row per activity (RFC 4180 quoting).
pub fn write(library: &Library, record: &Record, style: CsvStyle, out: &mut dyn Write) -> csv::Result<()> {
    let (header, rows) = table(library, record);
    let mut writer = csv_writer(out, style)?;
    writer.write_record(&header)?;
    for row in rows {
        writer.write_record(row.iter().map(|c| defuse(c)))?;
    }
    writer.flush()?;
    Ok(())
}
