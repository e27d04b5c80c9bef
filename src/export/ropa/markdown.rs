//! The record as a Markdown document: the documents it rests on, the fields they leave unanswered,
//! then one table of fields per activity.

use std::fmt::Write as _;

use crate::catalog::Library;
use crate::export::markdown::cell;
use crate::export::rests_on;
use crate::export::ropa::{Record, field_lines};
use crate::i18n::words;

pub fn report(library: &Library, record: &Record, selected: &[usize]) -> String {
    let lang = record.lang;
    let w = &words(lang).records;
    let mut out = String::new();
    let products: Vec<&str> = record
        .activities
        .iter()
        .map(|a| library.catalogs[a.catalog].product.as_str())
        .fold(Vec::new(), |mut v, p| {
            if !v.contains(&p) {
                v.push(p);
            }
            v
        });
    let _ = writeln!(out, "# {} — {}\n", w.title, products.join(", "));
    out.push_str(&rests_on::markdown(library, selected, lang));
    let _ = writeln!(out, "## {}\n", w.summary);
    let _ = writeln!(out, "{} {}.\n", record.activities.len(), w.activities);
    for line in record.summary_lines() {
        let _ = writeln!(out, "- {line}");
    }
    if record.left_out > 0 {
        let _ = writeln!(out, "- {}: {}", w.left_out_never_collected, record.left_out);
    }
    out.push('\n');
    for a in &record.activities {
        let catalog = &library.catalogs[a.catalog];
        let _ = writeln!(out, "## {}\n", cell(&a.title));
        let _ = writeln!(out, "| {} | {} |\n| --- | --- |", w.field, w.content);
        for (field, entries) in &a.fields {
            let lines = field_lines(catalog, entries, lang).join("\n");
            let _ = writeln!(out, "| {} | {} |", field.name(lang), cell(&lines));
        }
        out.push('\n');
    }
    out
}
