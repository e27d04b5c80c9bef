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
                panic!(
                    "document `{}` ({}) names no page under catalog/sources",
                    doc.id, edition.language
                )
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
    assert!(
        unfound.is_empty(),
        "{} quotes not found:\n{}",
        unfound.len(),
        unfound.join("\n")
    );
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

/// One page, counted: it has `rows` list items and table rows (as read from the page), its
/// document lists `items` entries, `not_catalogued` rows are named as deliberately not entries, and
/// every other row is quoted by an entry.
fn page_is_accounted_for(document: &str, language: &str, rows: usize, items: usize, not_catalogued: usize) {
    let (library, report) = report();
    let doc = library.catalogs[0]
        .documents
        .iter()
        .position(|d| d.id == document)
        .unwrap_or_else(|| panic!("no document `{document}`"));
    let found = report
        .pages
        .iter()
        .find(|(d, l, _)| d == document && l == language)
        .map(|p| p.2);
    assert_eq!(found, Some(rows), "{document} [{language}]: rows on the page");
    let listed = library.items.iter().filter(|i| i.document == doc).count();
    assert_eq!(listed, items, "{document}: entries listed from the page");
    let named = library.catalogs[0].documents[doc]
        .not_catalogued
        .iter()
        .filter(|n| n.text.exact(language).is_some())
        .count();
    assert_eq!(
        named, not_catalogued,
        "{document} [{language}]: rows named as not entries"
    );
    let uncovered: Vec<&str> = report
        .uncovered
        .iter()
        .filter(|u| u.document == document && u.language == language)
        .map(|u| u.row.as_str())
        .collect();
    assert!(
        uncovered.is_empty(),
        "{document} [{language}]: rows not accounted for: {uncovered:#?}"
    );
}

/// One test per page: `name: document, language, rows, items, not_catalogued`.
macro_rules! pages {
    ($($name:ident: $doc:literal, $lang:literal, $rows:literal, $items:literal, $nc:literal;)*) => {
        $(
            #[test]
            fn $name() {
                page_is_accounted_for($doc, $lang, $rows, $items, $nc);
            }
        )*
    };
}

// The seed page: 66 fields under 11 headed lists and the lines that introduce them.
pages! {
    page_collect_sv: "privacy-data-collect", "sv", 82, 66, 0;
    page_collect_en: "privacy-data-collect", "en", 82, 66, 0;
    page_collect_2023_en: "privacy-data-collect-2023", "en", 94, 88, 1;
    page_intune_sends_to_apple_sv: "data-intune-sends-to-apple", "sv", 32, 27, 5;
    page_intune_sends_to_apple_en: "data-intune-sends-to-apple", "en", 32, 27, 5;
    page_apple_sends_to_intune_sv: "data-apple-sends-to-intune", "sv", 65, 60, 5;
    page_apple_sends_to_intune_en: "data-apple-sends-to-intune", "en", 65, 60, 5;
    page_intune_sends_to_google_sv: "data-intune-sends-to-google", "sv", 8, 7, 1;
    page_intune_sends_to_google_en: "data-intune-sends-to-google", "en", 8, 7, 1;
    page_google_sends_to_intune_sv: "data-google-sends-to-intune", "sv", 4, 3, 1;
    page_google_sends_to_intune_en: "data-google-sends-to-intune", "en", 4, 3, 1;
    page_jamf_sends_to_intune_sv: "data-jamf-sends-to-intune", "sv", 0, 1, 0;
    page_jamf_sends_to_intune_en: "data-jamf-sends-to-intune", "en", 0, 1, 0;
    page_what_info_sv: "what-info-can-your-company-see-when-you-enroll-your-device-in-intune", "sv", 20, 20, 0;
    page_what_info_en: "what-info-can-your-company-see-when-you-enroll-your-device-in-intune", "en", 20, 20, 0;
    page_turn_off_android_sv: "turn-off-microsoft-usage-data-collection-android", "sv", 3, 1, 0;
    page_turn_off_android_en: "turn-off-microsoft-usage-data-collection-android", "en", 3, 1, 0;
    page_turn_off_ios_sv: "turn-off-microsoft-usage-data-collection-ios", "sv", 0, 1, 0;
    page_turn_off_ios_en: "turn-off-microsoft-usage-data-collection-ios", "en", 0, 1, 0;
    page_turn_off_macos_sv: "turn-off-microsoft-usage-data-collection-macos", "sv", 0, 1, 0;
    page_turn_off_macos_en: "turn-off-microsoft-usage-data-collection-macos", "en", 0, 1, 0;
    page_turn_off_windows_sv: "turn-off-microsoft-usage-data-collection-windows", "sv", 0, 1, 0;
    page_turn_off_windows_en: "turn-off-microsoft-usage-data-collection-windows", "en", 0, 1, 0;
    page_personal_data_sv: "privacy-personal-data", "sv", 0, 0, 0;
    page_personal_data_en: "privacy-personal-data", "en", 0, 0, 0;
    page_store_process_sv: "privacy-data-store-process", "sv", 8, 0, 3;
    page_store_process_en: "privacy-data-store-process", "en", 8, 0, 3;
    page_secure_share_sv: "privacy-data-secure-share", "sv", 10, 0, 5;
    page_secure_share_en: "privacy-data-secure-share", "en", 10, 0, 5;
    page_view_correct_sv: "privacy-data-view-correct", "sv", 3, 0, 3;
    page_view_correct_en: "privacy-data-view-correct", "en", 3, 0, 3;
    page_audit_export_delete_sv: "privacy-data-audit-export-delete", "sv", 5, 0, 0;
    // The English edition alone has the section on a hybrid MDM environment and its three steps.
    page_audit_export_delete_en: "privacy-data-audit-export-delete", "en", 8, 0, 2;
}

#[test]
fn every_page_of_the_library_is_counted_above() {
    let (_, report) = report();
    let source = include_str!("intune_library.rs");
    for (document, language, _) in &report.pages {
        assert!(
            source.contains(&format!("\"{document}\", \"{language}\",")),
            "{document} [{language}] has no test of its own"
        );
    }
}
