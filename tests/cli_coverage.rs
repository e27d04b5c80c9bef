//! `privcat coverage`: every page of the built-in library is covered by it, and what a catalog
//! loses (a deleted item) or a page changes (an edited sentence) is reported, with exit 1.

#[path = "support/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

use cli::{privcat, text};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every page the built-in library quotes.
fn pages() -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for folder in std::fs::read_dir(root().join("catalog/sources/intune")).unwrap() {
        for page in std::fs::read_dir(folder.unwrap().path()).unwrap() {
            let path = page.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn every_page_of_the_built_in_library_is_covered() {
    let pages = pages();
    assert_eq!(
        pages.len(),
        33,
        "17 documents: 16 in Swedish and English, the 2023 page in English"
    );
    for page in pages {
        let run = privcat(&["coverage", page.to_str().unwrap()]);
        let out = text(&run.stdout);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}:\n{out}{}",
            page.display(),
            text(&run.stderr)
        );
        assert!(
            out.contains(" 0 not quoted by any entry; 0 quotes not found in the page"),
            "{out}"
        );
    }
}

#[test]
fn a_deleted_item_and_an_edited_sentence_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    // The catalog without "Success rates of installations and other processes".
    let catalog = std::fs::read_to_string(root().join("catalog/intune.yaml")).unwrap();
    let start = catalog.find("  - id: completion-rates\n").unwrap();
    let end = start + 1 + catalog[start + 1..].find("\n  - id: ").unwrap();
    let smaller = format!("{}{}", &catalog[..start], &catalog[end..]);
    let catalog_path = dir.path().join("intune.yaml");
    std::fs::write(&catalog_path, smaller).unwrap();
    // The English page with the IMEI row reworded, under its own file name.
    let original = root().join("catalog/sources/intune/en-US/privacy-data-collect.md");
    let page = std::fs::read_to_string(&original).unwrap();
    assert!(page.contains("IMEI number"));
    let page_path = dir.path().join("privacy-data-collect.md");
    std::fs::write(&page_path, page.replacen("IMEI number", "IMEI code", 1)).unwrap();

    let run = privcat(&[
        "coverage",
        catalog_path.to_str().unwrap(),
        page_path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(report["clean"], false);
    let result = &report["pages"][0];
    assert_eq!(result["document"], "privacy-data-collect");
    assert_eq!(result["language"], "en");
    let uncovered: Vec<&str> = result["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        uncovered.contains(&"Success rates of installations and other processes"),
        "the deleted item's row: {uncovered:?}"
    );
    assert!(
        uncovered.contains(&"IMEI code"),
        "the reworded row: {uncovered:?}"
    );
    let unfound = result["unfound"].as_array().unwrap();
    assert!(
        unfound
            .iter()
            .any(|u| u["text"] == "IMEI number" && u["place"] == "item `imei` name"),
        "the quote no longer in the page: {unfound:?}"
    );
}

#[test]
fn a_page_no_document_has_as_its_source_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("some-other-page.md");
    std::fs::write(&page, "# A page\n\n- one\n- two\n").unwrap();
    let run = privcat(&["coverage", page.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    let err = text(&run.stderr);
    assert!(
        err.starts_with(&format!(
            "privcat: {}: no document of the catalogs has this page as its source; name it with --document ID",
            page.display()
        )),
        "{err}"
    );
    let binary = dir.path().join("privacy-data-collect.md");
    std::fs::write(&binary, b"\xff\xfe\x00binary").unwrap();
    let run = privcat(&["coverage", binary.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr)
            .contains("privacy-data-collect.md:1:1: not a Markdown page: the bytes here are not UTF-8 text"),
        "{}",
        text(&run.stderr)
    );
}
