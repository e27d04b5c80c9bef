//! The built-in Intune library against the pages it quotes (`catalog/sources/`): every quote found
//! word for word in its edition's page, and every list item and table row of every page either an
//! entry or named as deliberately not one.
//!
//! `PRIVCAT_CATALOG=path cargo test --test intune_library` checks another catalog file the same way.

use std::path::{Path, PathBuf};

use privcat::catalog::schema::Edition;
use privcat::catalog::{Document, Library, load_builtin, load_paths};
use privcat::coverage::{Page, Report, check};

/// Where each repository's pages are kept under `catalog/sources/intune`.
const FOLDERS: [(&str, &str); 3] = [
    ("Microsoft/IntuneDocs.sv-se", "sv-SE"),
    ("dougeby/IntuneDocs", "en-US"),
    ("MicrosoftDocs/memdocs", "en-US-2023"),
];

fn sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/sources/intune")
}

/// The page an edition quotes, from its source's repository and file name.
fn page_path(edition: &Edition) -> Option<PathBuf> {
    let source = edition.source.as_ref()?;
    let (_, folder) = FOLDERS.iter().find(|(repo, _)| *repo == source.repository)?;
    let file = source.path.rsplit('/').next()?;
    Some(sources().join(folder).join(file))
}

fn page_of(_: &Document, edition: &Edition) -> Option<Page> {
    let path = page_path(edition)?;
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(Page::parse(&text))
}

fn library() -> Library {
    let report = match std::env::var_os("PRIVCAT_CATALOG") {
        Some(path) => load_paths(&[PathBuf::from(path)]),
        None => load_builtin(),
    };
    assert!(
        report.diagnostics.is_empty(),
        "{}",
        report
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    report.library.expect("the catalog loads")
}

fn report() -> (Library, Report) {
    let library = library();
    let report = check(&library, 0, page_of);
    (library, report)
}

#[test]
fn every_edition_with_a_source_names_a_page_that_is_here() {
    let library = library();
    for doc in &library.catalogs[0].documents {
        for edition in &doc.editions {
            let path = page_path(edition).unwrap_or_else(|| {
                panic!("document `{}` ({}) names no page under catalog/sources", doc.id, edition.language)
            });
            assert!(path.is_file(), "{}", path.display());
        }
    }
}

#[test]
fn every_quote_stands_word_for_word_in_its_page() {
    let (_, report) = report();
    let unfound: Vec<String> = report
        .unfound
        .iter()
        .map(|u| format!("{} [{}] {}: {:?}", u.document, u.language, u.place, u.text))
        .collect();
    assert!(unfound.is_empty(), "{} quotes not found:\n{}", unfound.len(), unfound.join("\n"));
}

#[test]
fn every_list_item_and_table_row_is_an_entry_or_named_as_not_one() {
    let (_, report) = report();
    let uncovered: Vec<String> = report
        .uncovered
        .iter()
        .map(|u| format!("{} [{}]: {:?}", u.document, u.language, u.row))
        .collect();
    assert!(
        uncovered.is_empty(),
        "{} rows not accounted for:\n{}",
        uncovered.len(),
        uncovered.join("\n")
    );
    assert!(!report.pages.is_empty(), "pages were checked");
}
