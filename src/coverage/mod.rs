//! Whether a catalog says what its documents say, and all of it: every text it quotes found word for
//! word in the page of the edition it quotes, and every list item and table row of each page either
//! quoted by an entry or named as deliberately not one.

pub mod page;
mod quotes;

pub use page::Page;
pub use quotes::{Quote, quotes};

use crate::catalog::schema::Edition;
use crate::catalog::{Document, Library};

/// A quote that its edition's page does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfound {
    pub document: String,
    pub language: String,
    pub text: String,
    pub place: String,
}

/// A list item or table row of a page that no entry quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncovered {
    pub document: String,
    pub language: String,
    pub row: String,
}

/// What checking a catalog against its pages found.
#[derive(Debug, Default)]
pub struct Report {
    pub unfound: Vec<Unfound>,
    pub uncovered: Vec<Uncovered>,
    /// Editions checked: (document id, language, rows on the page).
    pub pages: Vec<(String, String, usize)>,
}

/// The shortest quote that can account for a row: shorter words stand in too many rows by chance.
const SHORTEST_COVERING: usize = 4;

/// Checks catalog `index` against the pages `page_of` finds for each edition of its documents; an
/// edition without a page is not checked. A text in a language its document has no edition in is
/// the catalog's translation, and is not looked for.
pub fn check(
    library: &Library,
    index: usize,
    page_of: impl Fn(&Document, &Edition) -> Option<Page>,
) -> Report {
    let catalog = &library.catalogs[index];
    let quotes = quotes(library, index);
    let mut report = Report::default();
    for (d, doc) in catalog.documents.iter().enumerate() {
        for edition in &doc.editions {
            let Some(page) = page_of(doc, edition) else {
                continue;
            };
            let language = edition.language.as_str();
            let here: Vec<&Quote> = quotes
                .iter()
                .filter(|q| q.document == d && q.language.is_none_or(|l| l == language))
                .collect();
            for q in &here {
                if !page.contains(q.text) {
                    report.unfound.push(Unfound {
                        document: doc.id.clone(),
                        language: language.to_owned(),
                        text: q.text.to_owned(),
                        place: q.place.clone(),
                    });
                }
            }
            for row in page.rows() {
                let covered = here.iter().any(|q| {
                    let text = page::squeeze(q.text);
                    (text.chars().count() >= SHORTEST_COVERING || text == *row) && row.contains(&text)
                });
                if !covered {
                    report.uncovered.push(Uncovered {
                        document: doc.id.clone(),
                        language: language.to_owned(),
                        row: row.clone(),
                    });
                }
            }
            report
                .pages
                .push((doc.id.clone(), language.to_owned(), page.rows().len()));
        }
    }
    report
}
