//! Writing the library out for other programs and people: JSON, CSV and Markdown of the entries,
//! the record of processing (Markdown, CSV, workbook) and a fideslang manifest.

pub mod csv;
pub mod fides;
pub mod json;
pub mod markdown;
pub mod rests_on;
pub mod ropa;

use std::io::Write;

use crate::catalog::{Basis, Fact, Library};
use crate::describe::{provenance, values};
use crate::i18n::words;
use crate::text::Lang;

/// A fact with its keys and where it is stated, in one line: "text (party Apple · stated for … · section …)".
pub fn with_provenance(library: &Library, item: usize, fact: &Fact, lang: Lang) -> String {
    let catalog = library.catalog_of(&library.items[item]);
    let mut about = values(catalog, fact, lang).into_iter().collect::<Vec<_>>();
    about.push(provenance(catalog, fact, lang));
    format!("{} ({})", fact.text.get(lang), about.join(" · "))
}

/// The names of an item's sources, with " (inferred)" where the catalog infers them.
pub fn source_names(library: &Library, item: usize, lang: Lang) -> Vec<String> {
    let it = &library.items[item];
    let catalog = library.catalog_of(it);
    let inferred = words(lang).export.inferred;
    it.sources
        .iter()
        .map(|u| {
            let name = catalog.sources[u.index].name.get(lang);
            if u.basis == Basis::Inferred {
                format!("{name} ({inferred})")
            } else {
                name.to_owned()
            }
        })
        .collect()
}

/// How CSV is laid out: RFC 4180 for programs, or what Excel opens in a locale whose lists are
/// separated by semicolons (Swedish, German, ...): a byte-order mark, so it reads UTF-8, and `;`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvStyle {
    pub excel: bool,
}

/// A CSV writer in `style`, with CRLF line ends; the byte-order mark already written for Excel.
pub fn csv_writer<W: Write>(mut out: W, style: CsvStyle) -> ::csv::Result<::csv::Writer<W>> {
    if style.excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(::csv::WriterBuilder::new()
        .delimiter(if style.excel { b';' } else { b',' })
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out))
}
