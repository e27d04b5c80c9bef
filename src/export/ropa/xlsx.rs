//! The record as an Excel workbook: a summary sheet (the documents it rests on and the fields they
//! leave unanswered) and the record sheet, one row per activity, its cells wrapped.

use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, XlsxError};

use crate::catalog::Library;
use crate::export::rests_on;
use crate::export::ropa::Record;
use crate::export::ropa::csv::table;
use crate::i18n::words;

/// The workbook's bytes.
pub fn workbook(library: &Library, record: &Record, selected: &[usize]) -> Result<Vec<u8>, XlsxError> {
    let lang = record.lang;
    let w = &words(lang).records;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let header_format = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0x00DD_EBF7));
    // What the documents leave open stands out: what to ask the vendor.
    let open = Format::new()
        .set_italic()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0x00FF_F2CC));
    let mut book = Workbook::new();

    let summary = book.add_worksheet();
    summary.set_name(w.summary_sheet)?;
    summary.set_column_width(0, 120)?;
    summary.write_string_with_format(0, 0, w.title, &bold)?;
    let mut row = 2;
    summary.write_string_with_format(row, 0, w.rests_on, &bold)?;
    for d in rests_on::documents(library, selected) {
        row += 1;
        summary.write_string_with_format(
            row,
            0,
            rests_on::line(&library.catalogs[d.catalog], d.document, lang),
            &wrap,
        )?;
    }
    row += 2;
    summary.write_string_with_format(row, 0, w.summary, &bold)?;
    row += 1;
    summary.write_string(row, 0, format!("{} {}", record.activities.len(), w.activities))?;
    for line in record.summary_lines() {
        row += 1;
        summary.write_string(row, 0, line)?;
    }
    if record.left_out > 0 {
        row += 1;
        summary.write_string(
            row,
            0,
            format!("{}: {}", w.left_out_never_collected, record.left_out),
        )?;
    }

    let (header, rows) = table(library, record);
    let sheet = book.add_worksheet();
    sheet.set_name(w.record_sheet)?;
    for (col, name) in (0u16..).zip(&header) {
        sheet.write_string_with_format(0, col, name, &header_format)?;
        sheet.set_column_width(col, if col < 5 { 24 } else { 60 })?;
    }
    for (r, cells) in (1u32..).zip(&rows) {
        for (col, value) in (0u16..).zip(cells) {
            let format = if value == w.not_stated { &open } else { &wrap };
            sheet.write_string_with_format(r, col, value, format)?;
        }
    }
    sheet.set_freeze_panes(1, 2)?;
    book.save_to_buffer()
}
