//! The loader on fixture catalogs: each mistake is reported with its file, line, column and path,
//! every semantic problem in one run, and valid folders load side by side.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use privcat::catalog::{Diagnostic, Report, Severity, load_paths, load_texts};

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

fn load(relative: &str) -> (String, Report) {
    let path = fixture(relative);
    let report = load_paths(std::slice::from_ref(&path));
    (path.display().to_string(), report)
}

/// What a user reads in a diagnostic: where, how bad, and the gist of the message.
struct Expected<'a> {
    line: usize,
    column: usize,
    path: Option<&'a str>,
    phrase: &'a str,
}

/// Loads an invalid fixture that has exactly one problem, an error, and checks it.
fn assert_single_error(relative: &str, expected: &Expected) -> Diagnostic {
    let (file, report) = load(relative);
    assert!(report.library.is_none(), "{relative} must not load");
    assert_eq!(
        report.diagnostics.len(),
        1,
        "{relative}: {:#?}",
        report.diagnostics
    );
    let d = report.diagnostics[0].clone();
    assert_eq!(d.severity, Severity::Error, "{d}");
    assert_eq!(d.file, file);
    assert_eq!(
        (d.line, d.column),
        (Some(expected.line), Some(expected.column)),
        "{d}"
    );
    if let Some(path) = expected.path {
        assert_eq!(d.path.as_deref(), Some(path), "{d}");
    }
    assert!(d.message.contains(expected.phrase), "{d}");
    let shown = d.to_string();
    let prefix = format!("{file}:{}:{}: error: ", expected.line, expected.column);
    assert!(shown.starts_with(&prefix), "{shown}");
    d
}

#[test]
fn minimal_catalog_is_valid() {
    let (file, report) = load("valid/minimal.yaml");
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let library = report.library.unwrap();
    assert_eq!(library.catalogs[0].file, file);
    let ids: Vec<&str> = library.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["device-name", "serial-number"]);
}

#[test]
fn yaml_syntax_error() {
    assert_single_error(
        "invalid/syntax-error.yaml",
        &Expected {
            line: 27,
            column: 7,
            path: None,
            phrase: "did not find expected ',' or ']'",
        },
    );
}

#[test]
fn wrong_type_names_the_key() {
    let d = assert_single_error(
        "invalid/wrong-type.yaml",
        &Expected {
            line: 23,
            column: 3,
            path: Some("items"),
            phrase: "invalid type: map, expected a sequence",
        },
    );
    assert!(d.to_string().ends_with("(at items)"), "{d}");
}

#[test]
fn misspelt_key_suggests_the_right_one() {
    assert_single_error(
        "invalid/unknown-key.yaml",
        &Expected {
            line: 28,
            column: 5,
            path: Some("items[1].nmae"),
            phrase: "unknown key `nmae`; did you mean `name`?",
        },
    );
}

#[test]
fn missing_required_key() {
    assert_single_error(
        "invalid/missing-key.yaml",
        &Expected {
            line: 14,
            column: 5,
            path: Some("categories[0]"),
            phrase: "missing key `exhaustive`",
        },
    );
}

#[test]
fn duplicate_item_id() {
    assert_single_error(
        "invalid/duplicate-item-id.yaml",
        &Expected {
            line: 26,
            column: 9,
            path: Some("items[1].id"),
            phrase: "duplicate item id `device-name`",
        },
    );
}

#[test]
fn unknown_group() {
    assert_single_error(
        "invalid/unknown-group.yaml",
        &Expected {
            line: 27,
            column: 12,
            path: Some("items[1].group"),
            phrase: "unknown group `hardwere`; did you mean `hardware`?",
        },
    );
}

#[test]
fn unknown_category() {
    assert_single_error(
        "invalid/unknown-category.yaml",
        &Expected {
            line: 20,
            column: 15,
            path: Some("groups[0].category"),
            phrase: "unknown category `identifed`; did you mean `identified`?",
        },
    );
}

#[test]
fn unknown_source() {
    assert_single_error(
        "invalid/unknown-source.yaml",
        &Expected {
            line: 30,
            column: 24,
            path: Some("items[0].sources[1]"),
            phrase: "unknown source `admin-portal`",
        },
    );
}

#[test]
fn unknown_platform() {
    assert_single_error(
        "invalid/unknown-platform.yaml",
        &Expected {
            line: 29,
            column: 26,
            path: Some("items[0].platforms[1]"),
            phrase: "unknown platform `linux`",
        },
    );
}

#[test]
fn unknown_section() {
    assert_single_error(
        "invalid/unknown-section.yaml",
        &Expected {
            line: 17,
            column: 14,
            path: Some("categories[0].section"),
            phrase: "unknown section `identified-data`",
        },
    );
}

#[test]
fn unknown_also_listed_item() {
    assert_single_error(
        "invalid/unknown-also-listed.yaml",
        &Expected {
            line: 29,
            column: 19,
            path: Some("items[1].also_listed[0]"),
            phrase: "unknown item `admin-phone-number`",
        },
    );
}

#[test]
fn empty_name() {
    assert_single_error(
        "invalid/empty-name.yaml",
        &Expected {
            line: 25,
            column: 11,
            path: Some("items[0].name"),
            phrase: "this text is empty",
        },
    );
}

#[test]
fn non_utf8_bytes_are_located() {
    let d = assert_single_error(
        "invalid/not-utf8.yaml",
        &Expected {
            line: 3,
            column: 25,
            path: None,
            phrase: "not UTF-8",
        },
    );
    assert!(d.message.contains("0xE5"), "{d}");
}

#[test]
fn yaml_that_is_not_a_catalog() {
    assert_single_error(
        "invalid/not-a-catalog.yaml",
        &Expected {
            line: 2,
            column: 1,
            path: None,
            phrase: "this is not a privcat catalog",
        },
    );
}

#[test]
fn text_missing_a_declared_language_is_a_warning() {
    let (file, report) = load("invalid/missing-language.yaml");
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.file, file);
    assert_eq!((d.line, d.column), (Some(24), Some(11)));
    assert_eq!(d.path.as_deref(), Some("items[1].name"));
    assert!(d.message.contains("no sv text"), "{d}");
    assert!(
        d.to_string().starts_with(&format!("{file}:24:11: warning: ")),
        "{d}"
    );
    assert_eq!(report.error_count(), 0);
    let library = report.library.expect("a warning does not stop loading");
    assert_eq!(library.items.len(), 2);
}

#[test]
fn empty_file() {
    let (file, report) = load("invalid/empty.yaml");
    assert!(report.library.is_none());
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, file);
    assert!(d.is_error());
    assert_eq!((d.line, d.column), (None, None));
    assert!(d.message.contains("the file is empty"), "{d}");
    assert_eq!(d.to_string(), format!("{file}: error: {}", d.message));
}

#[test]
fn folder_without_yaml_files() {
    let (folder, report) = load("invalid/no-catalog-files");
    assert!(report.library.is_none());
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(d.file, folder);
    assert!(d.is_error());
    assert!(d.message.contains("no catalog files"), "{d}");
}

#[test]
fn missing_path_is_an_error_not_a_panic() {
    let (file, report) = load("invalid/does-not-exist.yaml");
    assert!(report.library.is_none());
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].file, file);
    assert!(report.diagnostics[0].is_error());
}

#[test]
fn several_errors_are_reported_in_one_run() {
    let (file, report) = load("invalid/several-errors.yaml");
    assert!(report.library.is_none());
    assert_eq!(report.error_count(), 5, "{:#?}", report.diagnostics);
    assert_eq!(report.diagnostics.len(), 5);
    let mut found: Vec<(usize, usize, &str)> = report
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.file, file);
            (d.line.unwrap(), d.column.unwrap(), d.path.as_deref().unwrap())
        })
        .collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            (17, 14, "categories[0].section"),
            (26, 9, "items[1].id"),
            (30, 12, "items[2].group"),
            (32, 9, "items[3].id"),
            (34, 11, "items[3].name"),
        ]
    );
    let messages: Vec<&str> = report.diagnostics.iter().map(|d| d.message.as_str()).collect();
    for phrase in [
        "unknown section `colected-data`; did you mean `collected-data`?",
        "item id `Serial_Number` must be lowercase kebab-case",
        "unknown group `hardwar`; did you mean `hardware`?",
        "duplicate item id `imei`",
        "this text is empty",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(phrase)),
            "{phrase}: {messages:#?}"
        );
    }
}

#[test]
fn two_catalogs_in_a_folder_load_side_by_side() {
    let (folder, report) = load("valid/two-catalogs");
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let library = report.library.unwrap();
    let catalogs: Vec<(&str, &str)> = library
        .catalogs
        .iter()
        .map(|c| (c.id.as_str(), c.file.as_str()))
        .collect();
    let alpha = Path::new(&folder).join("alpha.yaml").display().to_string();
    let beta = Path::new(&folder).join("beta.yaml").display().to_string();
    assert_eq!(
        catalogs,
        [("vendor-alpha", alpha.as_str()), ("vendor-beta", beta.as_str())]
    );
    let items: Vec<(&str, &str)> = library
        .items
        .iter()
        .map(|i| (library.catalog_of(i).id.as_str(), i.id.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("vendor-alpha", "device-name"),
            ("vendor-alpha", "alpha-account-id"),
            ("vendor-beta", "device-name"),
            ("vendor-beta", "beta-account-id"),
        ]
    );
}

#[test]
fn files_named_one_by_one_load_side_by_side() {
    let paths = [
        fixture("valid/minimal.yaml"),
        fixture("valid/two-catalogs/beta.yaml"),
    ];
    let report = load_paths(&paths);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let library = report.library.unwrap();
    let ids: Vec<&str> = library.catalogs.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["example", "vendor-beta"]);
    assert_eq!(library.items.len(), 4);
}

#[test]
fn two_catalogs_with_the_same_id_are_an_error() {
    let (folder, report) = load("invalid/same-catalog-id");
    assert!(report.library.is_none());
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    let first = Path::new(&folder).join("first.yaml").display().to_string();
    let second = Path::new(&folder).join("second.yaml").display().to_string();
    assert!(d.is_error());
    assert_eq!(d.file, second);
    assert!(
        d.message
            .contains(&format!("catalog id `vendor` is already used by {first}")),
        "{d}"
    );
}

#[test]
fn an_error_in_one_file_stops_loading_and_every_file_is_checked() {
    let paths = [
        fixture("invalid/unknown-group.yaml"),
        fixture("valid/minimal.yaml"),
        fixture("invalid/empty-name.yaml"),
    ];
    let report = load_paths(&paths);
    assert!(report.library.is_none());
    let found: Vec<(String, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.file.clone(), d.message.as_str()))
        .collect();
    let (first, last) = (paths[0].display().to_string(), paths[2].display().to_string());
    // Both invalid fixtures use the catalog id `broken`, so the second is also a duplicate.
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(found[0].0, first);
    assert!(found[0].1.starts_with("unknown group"), "{found:#?}");
    assert_eq!(found[1].0, last);
    assert_eq!(found[1].1, "this text is empty");
    assert_eq!(found[2].0, last);
    assert_eq!(
        found[2].1,
        format!("catalog id `broken` is already used by {first}")
    );
}

#[test]
fn in_memory_texts_are_named_as_given() {
    let bytes = std::fs::read(fixture("invalid/unknown-platform.yaml")).unwrap();
    let report = load_texts(vec![("pasted.yaml".into(), bytes)]);
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(
        report.diagnostics[0].to_string(),
        "pasted.yaml:29:26: error: unknown platform `linux` (at items[0].platforms[1])"
    );
}

#[test]
fn utf16_is_named_and_a_bom_is_accepted() {
    let utf16 = load_texts(vec![("u16.yaml".into(), b"\xFF\xFEc\0a\0".to_vec())]);
    assert!(
        utf16.diagnostics[0].message.contains("UTF-16"),
        "{:?}",
        utf16.diagnostics
    );

    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(std::fs::read(fixture("valid/minimal.yaml")).unwrap());
    let report = load_texts(vec![("bom.yaml".into(), with_bom)]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert!(report.library.is_some());
}

#[test]
fn format_1_refuses_the_keys_of_format_2() {
    // Without `format: 2` a file cannot say whose data an entry is, so `also_listed` (format 1's
    // link) can never join data about different people unchecked.
    assert_single_error(
        "invalid/format-1-with-subjects.yaml",
        &Expected {
            line: 14,
            column: 3,
            path: Some("subjects"),
            phrase: "`subjects` is a format 2 key; set `format: 2`",
        },
    );
}

#[test]
fn v2_misspelt_kind_of_fact_suggests_the_right_one() {
    assert_single_error(
        "invalid/v2-unknown-kind.yaml",
        &Expected {
            line: 45,
            column: 15,
            path: Some("items[0].facts[0].kind"),
            phrase: "unknown kind of fact `retension`; did you mean `retention`?",
        },
    );
}

#[test]
fn v2_fact_without_kind_names_the_kinds() {
    let d = assert_single_error(
        "invalid/v2-missing-kind.yaml",
        &Expected {
            line: 45,
            column: 9,
            path: Some("items[0].facts[0]"),
            phrase: "missing key `kind`",
        },
    );
    assert!(d.message.contains("shared-with, received-from, retention"), "{d}");
}

#[test]
fn v2_fact_without_a_key_its_kind_requires() {
    assert_single_error(
        "invalid/v2-missing-required-key.yaml",
        &Expected {
            line: 49,
            column: 9,
            path: Some("items[0].facts[1]"),
            phrase: "missing key `party`: a `shared-with` fact needs it",
        },
    );
}

#[test]
fn v2_key_its_kind_does_not_take() {
    assert_single_error(
        "invalid/v2-key-not-for-kind.yaml",
        &Expected {
            line: 60,
            column: 19,
            path: Some("items[1].facts[0].duration"),
            phrase: "`duration` does not apply to a `visible` fact; it takes `visibility`",
        },
    );
}

#[test]
fn v2_unknown_party() {
    assert_single_error(
        "invalid/v2-unknown-party.yaml",
        &Expected {
            line: 52,
            column: 16,
            path: Some("items[0].facts[1].party"),
            phrase: "unknown party `aple`; did you mean `apple`?",
        },
    );
}

#[test]
fn v2_unknown_subject() {
    assert_single_error(
        "invalid/v2-unknown-subject.yaml",
        &Expected {
            line: 33,
            column: 16,
            path: Some("groups[0].subjects[0]"),
            phrase: "unknown data subject `end-usr`; did you mean `end-user`?",
        },
    );
}

#[test]
fn v2_choice_outside_its_words() {
    assert_single_error(
        "invalid/v2-bad-choice.yaml",
        &Expected {
            line: 59,
            column: 21,
            path: Some("items[1].facts[0].visibility"),
            phrase: "`visibility` cannot be `allways`; did you mean `always`? (it is one of: always, sometimes)",
        },
    );
}

#[test]
fn v2_duration_without_a_known_unit() {
    assert_single_error(
        "invalid/v2-bad-duration.yaml",
        &Expected {
            line: 48,
            column: 19,
            path: Some("items[0].facts[0].duration"),
            phrase: "`30 dayz` is not a duration",
        },
    );
}

#[test]
fn v2_section_in_an_unknown_document() {
    assert_single_error(
        "invalid/v2-unknown-document-in-section.yaml",
        &Expected {
            line: 47,
            column: 18,
            path: Some("items[0].facts[0].section"),
            phrase: "unknown document `colect` in `colect#overview`; did you mean `collect`?",
        },
    );
}

#[test]
fn v2_unknown_section_of_a_named_document() {
    assert_single_error(
        "invalid/v2-unknown-section-in-document.yaml",
        &Expected {
            line: 47,
            column: 18,
            path: Some("items[0].facts[0].section"),
            phrase: "unknown section `overveiw`; did you mean `overview`?",
        },
    );
}

#[test]
fn v2_link_between_different_people_names_both() {
    assert_single_error(
        "invalid/v2-link-different-people.yaml",
        &Expected {
            line: 58,
            column: 12,
            path: Some("links[0].items"),
            phrase: "this link joins `phone-number` (data about: end-user) with `admin-phone-number` (data about: administrator)",
        },
    );
}

#[test]
fn v2_stated_link_without_section() {
    assert_single_error(
        "invalid/v2-stated-link-without-section.yaml",
        &Expected {
            line: 61,
            column: 5,
            path: Some("links[0]"),
            phrase: "a stated link needs the `section`",
        },
    );
}

#[test]
fn v2_misspelt_fact_key_suggests_the_right_one() {
    assert_single_error(
        "invalid/v2-unknown-fact-key.yaml",
        &Expected {
            line: 52,
            column: 9,
            path: Some("items[0].facts[1].partty"),
            phrase: "unknown key `partty`; did you mean `party`?",
        },
    );
}

#[test]
fn v2_document_without_editions() {
    assert_single_error(
        "invalid/v2-document-without-editions.yaml",
        &Expected {
            line: 20,
            column: 5,
            path: Some("documents[1]"),
            phrase: "missing key `editions`",
        },
    );
}

#[test]
fn v2_catalog_document_is_format_1_only() {
    assert_single_error(
        "invalid/v2-catalog-document-in-format-2.yaml",
        &Expected {
            line: 10,
            column: 13,
            path: Some("catalog.document"),
            phrase: "a format 2 catalog lists its documents under the top-level `documents`, not `catalog.document`",
        },
    );
}

#[test]
fn v2_edition_in_an_undeclared_language() {
    assert_single_error(
        "invalid/v2-edition-language-not-declared.yaml",
        &Expected {
            line: 17,
            column: 20,
            path: Some("documents[0].editions[2].language"),
            phrase: "language `de` is not among the catalog's languages (en, sv)",
        },
    );
}

#[test]
fn v2_block_map_lacking_a_key_is_located_at_its_first_key() {
    let flow = "  - {items: [phone-number, listed-phone-number], text: The document lists the phone number twice.}\n";
    let block = "  - items: [phone-number, listed-phone-number]\n    text: The document lists the phone number twice.\n";
    let text = std::fs::read_to_string(fixture("invalid/v2-stated-link-without-section.yaml")).unwrap();
    assert!(text.contains(flow));
    let report = load_texts(vec![(
        "block.yaml".into(),
        text.replace(flow, block).into_bytes(),
    )]);
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.path.as_deref(), Some("links[0]"), "{d}");
    assert_eq!((d.line, d.column), (Some(61), Some(5)), "{d}");
}

/// A two-edition catalog: one document listing one item, and a second document with one fact,
/// `about` the first unless `about` is empty; the second lists `rows` as not catalogued.
fn two_pages(about: &str, rows: &str) -> String {
    format!(
        r"format: 2
catalog:
  id: pages
  title: Pages
  product: Product
  publisher: Publisher
  languages: [sv, en]
documents:
  - id: collect
    title: {{sv: Insamling, en: Collection}}
    editions: [{{language: sv}}, {{language: en}}]
    sections: [{{id: top, title: {{sv: Insamling, en: Collection}}}}]
  - id: retention
    title: {{sv: Lagring, en: Retention}}
    editions: [{{language: sv}}, {{language: en}}]
    sections: [{{id: top, title: {{sv: Lagring, en: Retention}}}}]
{about}    facts:
      - kind: retention
        text: {{sv: Data sparas i 30 dagar., en: Data is kept for 30 days.}}
        section: top
        duration: 30 days
{rows}categories:
  - id: collected
    name: {{sv: Insamlade, en: Collected}}
    document: collect
    section: top
    exhaustive: false
items:
  - id: name
    category: collected
    name: {{sv: Namn, en: Name}}
"
    )
}

#[test]
fn a_documents_facts_that_reach_no_item_are_a_warning() {
    let report = load_texts(vec![("pages.yaml".into(), two_pages("", "").into_bytes())]);
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning, "{d}");
    assert_eq!(d.path.as_deref(), Some("documents[1].facts"), "{d}");
    assert!(d.message.contains("reach no item"), "{d}");
    let about = "    about: [collect]\n";
    let report = load_texts(vec![("pages.yaml".into(), two_pages(about, "").into_bytes())]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let library = report.library.unwrap();
    let kept = library.items[0]
        .facts
        .iter()
        .any(|f| f.text.get(privcat::text::Lang::En) == "Data is kept for 30 days.");
    assert!(kept, "the fact reaches the item of the document it is about");
}

#[test]
fn a_row_only_one_edition_has_is_named_in_that_language_alone() {
    let about = "    about: [collect]\n";
    let one_edition = "    not_catalogued:\n      - text: {en: A step only the English page has.}\n        why: {sv: Bara den engelska sidan har steget., en: Only the English page has the step.}\n";
    let report = load_texts(vec![(
        "pages.yaml".into(),
        two_pages(about, one_edition).into_bytes(),
    )]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    // The reason is the catalog's own words: it is owed in every language.
    let why_in_one = one_edition.replace("why: {sv: Bara den engelska sidan har steget., en:", "why: {en:");
    let report = load_texts(vec![(
        "pages.yaml".into(),
        two_pages(about, &why_in_one).into_bytes(),
    )]);
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert!(d.message.contains("no sv text"), "{d}");
    assert_eq!(
        d.path.as_deref(),
        Some("documents[1].not_catalogued[0].why"),
        "{d}"
    );
}

#[test]
fn aliases_are_checked_and_cleaned_like_every_text() {
    let (_, report) = load("invalid/v2-aliases.yaml");
    let found: Vec<(Severity, Option<&str>, Option<usize>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.path.as_deref(), d.line))
        .collect();
    assert_eq!(
        found,
        [
            (Severity::Warning, Some("items[0]"), Some(23)),
            (Severity::Warning, Some("items[0].aliases[1].de"), Some(28)),
            (Severity::Error, Some("items[0].aliases[2]"), Some(29)),
        ],
        "{:#?}",
        report.diagnostics
    );
    assert!(
        report.diagnostics[1]
            .message
            .contains("language `de` is not among the catalog's languages")
    );
    assert_eq!(report.diagnostics[2].message, "this text is empty");
}

#[test]
fn did_you_mean_is_given_for_the_first_unknown_references_only() {
    // 300 items in a group that does not exist, one letter off: the first 200 get a suggestion, the
    // rest the plain sentence, so that a generated file with thousands of mistakes stays quick.
    let mut yaml = String::from(
        "format: 2
catalog: {id: many, title: Many, product: P, publisher: P, languages: [en]}
documents:
  - id: doc
    title: Doc
    editions: [{language: en, locale: en-US, url: \"https://example.com\", date: 2021-04-01}]
    sections: [{id: main, title: Main}]
categories:
  - {id: collected, name: Collected, exhaustive: false, section: main}
groups:
  - {id: hardware, category: collected, name: Hardware, section: main}
items:
",
    );
    for i in 0..300 {
        let _ = writeln!(yaml, "  - {{id: item-{i}, group: hardwere, name: Item {i}}}");
    }
    let report = load_texts(vec![("many.yaml".into(), yaml.into_bytes())]);
    let errors: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 300);
    let hinted = errors
        .iter()
        .filter(|d| d.message.ends_with("did you mean `hardware`?"))
        .count();
    assert_eq!(hinted, 200);
    assert!(
        errors
            .iter()
            .all(|d| d.message.starts_with("unknown group `hardwere`"))
    );
    assert!(errors.iter().all(|d| d.line.is_some()), "every one located");
}

#[test]
fn each_file_s_problems_are_handed_on_as_soon_as_it_is_checked() {
    let inputs: Vec<(String, Vec<u8>)> = [
        "invalid/unknown-group.yaml",
        "invalid/syntax-error.yaml",
        "invalid/several-errors.yaml",
    ]
    .iter()
    .map(|f| (f.to_string(), std::fs::read(fixture(f)).unwrap()))
    .collect();
    let mut handed: Vec<Vec<String>> = Vec::new();
    let report = privcat::catalog::load::load_read_reporting(inputs, Vec::new(), &mut |found| {
        handed.push(found.iter().map(ToString::to_string).collect());
    });
    assert_eq!(handed.len(), 3, "once per file");
    for (file, found) in ["unknown-group", "syntax-error", "several-errors"]
        .iter()
        .zip(&handed)
    {
        assert!(
            !found.is_empty() && found.iter().all(|d| d.contains(file)),
            "{file}: {found:?}"
        );
    }
    let all: Vec<String> = handed.into_iter().flatten().collect();
    let reported: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        all, reported,
        "the same problems, in the same order, as the report"
    );
}
