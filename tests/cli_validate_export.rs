//! The built binary as a user runs it: `privcat validate` and `privcat export --format json`,
//! their output, exit codes, and no panic whatever the input.

#[path = "support/intune_yaml.rs"]
mod intune_yaml;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use intune_yaml::{by_id, intune_items, intune_yaml};

/// What `privcat validate` prints for the built-in catalog: its item count and the count of each
/// category, in the catalog's order.
fn builtin_summary() -> String {
    let yaml = intune_yaml();
    let items = intune_items();
    let counts: Vec<String> = yaml["categories"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|c| {
            let id = c["id"].as_str().unwrap();
            let n = items.iter().filter(|i| i.category.as_deref() == Some(id)).count();
            format!("{id} {n}")
        })
        .collect();
    format!(
        "ok: 1 catalog, {} items ({}), 0 warnings\n",
        items.len(),
        counts.join(", ")
    )
}

/// Runs privcat from the crate root, so relative paths are those a user types there.
fn privcat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LANG")
        .output()
        .expect("privcat runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn assert_no_panic(output: &Output, what: &str) {
    assert_ne!(
        output.status.code(),
        Some(101),
        "{what} panicked: {}",
        stderr(output)
    );
    assert!(!stderr(output).contains("panicked"), "{what}: {}", stderr(output));
    assert!(output.status.code().is_some(), "{what} was killed by a signal");
}

#[test]
fn validate_the_catalog_folder() {
    let out = privcat(&["validate", "catalog/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), builtin_summary());
    // The seed page's own counts ("Datainsamling i Intune", 2020).
    assert!(
        stdout(&out).contains(" (identified 36, pseudonymized 22, aggregated 8, "),
        "{}",
        stdout(&out)
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn validate_without_paths_checks_the_builtin_catalog() {
    let out = privcat(&["validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), builtin_summary());
}

#[test]
fn validate_uses_the_catalog_option_when_no_paths_are_given() {
    let out = privcat(&["--catalog", "tests/fixtures/valid/two-catalogs", "validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "ok: 2 catalogs, 4 items (identified 4), 0 warnings\n"
    );
}

#[test]
fn validate_reports_each_mistake_with_file_line_and_column() {
    let cases = [
        ("syntax-error.yaml", "27:7", "did not find expected ',' or ']'"),
        (
            "wrong-type.yaml",
            "23:3",
            "invalid type: map, expected a sequence (at items)",
        ),
        (
            "unknown-key.yaml",
            "28:5",
            "unknown key `nmae`; did you mean `name`? (at items[1].nmae)",
        ),
        (
            "missing-key.yaml",
            "14:5",
            "missing key `exhaustive` (at categories[0])",
        ),
        (
            "duplicate-item-id.yaml",
            "26:9",
            "duplicate item id `device-name` (at items[1].id)",
        ),
        (
            "unknown-group.yaml",
            "27:12",
            "unknown group `hardwere`; did you mean `hardware`? (at items[1].group)",
        ),
        ("unknown-category.yaml", "20:15", "unknown category `identifed`"),
        (
            "unknown-source.yaml",
            "30:24",
            "unknown source `admin-portal` (at items[0].sources[1])",
        ),
        (
            "unknown-platform.yaml",
            "29:26",
            "unknown platform `linux` (at items[0].platforms[1])",
        ),
        (
            "unknown-section.yaml",
            "17:14",
            "unknown section `identified-data` (at categories[0].section)",
        ),
        (
            "unknown-also-listed.yaml",
            "29:19",
            "unknown item `admin-phone-number` (at items[1].also_listed[0])",
        ),
        (
            "empty-name.yaml",
            "25:11",
            "this text is empty (at items[0].name)",
        ),
        ("not-utf8.yaml", "3:25", "the file is not UTF-8 text"),
        ("not-a-catalog.yaml", "2:1", "this is not a privcat catalog"),
    ];
    for (file, at, phrase) in cases {
        let path = format!("tests/fixtures/invalid/{file}");
        let out = privcat(&["validate", &path]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert_eq!(stdout(&out), "", "{file}");
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{file}: {err}");
        let prefix = format!("{path}:{at}: error: ");
        assert!(lines[0].starts_with(&prefix), "{file}: {err}");
        assert!(lines[0].contains(phrase), "{file}: {err}");
        assert_eq!(lines[1], "1 error, 0 warnings", "{file}");
    }
}

#[test]
fn validate_reports_file_level_problems_without_a_position() {
    for (path, phrase) in [
        ("tests/fixtures/invalid/empty.yaml", "the file is empty"),
        (
            "tests/fixtures/invalid/no-catalog-files",
            "holds no catalog files",
        ),
        ("tests/fixtures/invalid/no-such-file.yaml", "cannot read"),
    ] {
        let out = privcat(&["validate", path]);
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = stderr(&out);
        let first = err.lines().next().unwrap_or_default();
        assert!(first.starts_with(&format!("{path}: error: ")), "{err}");
        assert!(first.contains(phrase), "{err}");
    }
}

#[test]
fn validate_reports_every_error_of_a_file_in_one_run() {
    let out = privcat(&["validate", "tests/fixtures/invalid/several-errors.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let errors = err
        .lines()
        .filter(|l| l.starts_with("tests/fixtures/invalid/several-errors.yaml:") && l.contains(": error: "))
        .count();
    assert_eq!(errors, 5, "{err}");
    assert_eq!(err.lines().last(), Some("5 errors, 0 warnings"));
}

#[test]
fn validate_checks_every_path_given() {
    let out = privcat(&[
        "validate",
        "tests/fixtures/invalid/unknown-group.yaml",
        "catalog/",
        "tests/fixtures/invalid/empty-name.yaml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("tests/fixtures/invalid/unknown-group.yaml:27:12: error:"),
        "{err}"
    );
    assert!(
        err.contains("tests/fixtures/invalid/empty-name.yaml:25:11: error:"),
        "{err}"
    );
    // Both fixtures use the catalog id `broken`; the second file is told so.
    assert!(
        err.contains(
            "tests/fixtures/invalid/empty-name.yaml:3:7: error: catalog id `broken` is already used by tests/fixtures/invalid/unknown-group.yaml (at catalog.id)"
        ),
        "{err}"
    );
    assert_eq!(err.lines().last(), Some("3 errors, 0 warnings"));
}

#[test]
fn validate_passes_with_warnings() {
    let path = "tests/fixtures/invalid/missing-language.yaml";
    let out = privcat(&["validate", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "{path}:24:11: warning: no sv text; the catalog declares languages en, sv (at items[1].name)\n"
        )
    );
    assert_eq!(stdout(&out), "ok: 1 catalog, 2 items (identified 2), 1 warning\n");
}

#[test]
fn validate_rejects_a_catalog_id_used_twice() {
    let out = privcat(&["validate", "tests/fixtures/invalid/same-catalog-id"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let second = Path::new("tests/fixtures/invalid/same-catalog-id").join("second.yaml");
    let first = Path::new("tests/fixtures/invalid/same-catalog-id").join("first.yaml");
    assert!(
        err.starts_with(&format!(
            "{}:3:7: error: catalog id `vendor` is already used by {}",
            second.display(),
            first.display()
        )),
        "{err}"
    );
}

const ITEM_KEYS: [&str; 21] = [
    "id",
    "catalog",
    "document",
    "category",
    "group",
    "name",
    "description",
    "subjects",
    "sources",
    "parties",
    "conditions",
    "purpose",
    "facts",
    "platforms",
    "notes",
    "section",
    "cite",
    "also_listed",
    "links",
    "exhaustive",
    "exhaustive_note",
];

fn export(args: &[&str]) -> Value {
    let out = privcat(args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("the export is JSON")
}

fn find<'v>(items: &'v [Value], id: &str) -> &'v Value {
    items
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn export_json_has_every_item_with_the_documented_keys() {
    let json = export(&["export", "--format", "json"]);
    assert_eq!(json["format"], 2);
    let catalogs = json["catalogs"].as_array().unwrap();
    assert_eq!(catalogs.len(), 1);
    assert_eq!(catalogs[0]["id"], "intune");
    assert_eq!(catalogs[0]["languages"], serde_json::json!(["sv", "en"]));
    // The languages of each document's editions, from the file: the 2023 rewrite is English only.
    let yaml = intune_yaml();
    let languages: HashMap<&str, Vec<&str>> = yaml["documents"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|d| {
            let editions = d["editions"].as_sequence().unwrap();
            let languages = editions.iter().map(|e| e["language"].as_str().unwrap()).collect();
            (d["id"].as_str().unwrap(), languages)
        })
        .collect();
    let has_languages =
        |text: &Value, document: &str| languages[document].iter().all(|l| text[l].is_string());
    let yaml_categories = by_id(&yaml, "categories");
    let catalog_items = intune_items();
    let items = json["items"].as_array().unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = catalog_items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, expected, "every item of the library, in the catalog's order");
    for (item, catalog_item) in items.iter().zip(&catalog_items) {
        let keys: Vec<&str> = item.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ITEM_KEYS, "{}", item["id"]);
        assert_eq!(item["catalog"], "intune");
        assert_eq!(item["document"], catalog_item.document.as_str(), "{}", item["id"]);
        assert!(has_languages(&item["name"], &catalog_item.document), "{item}");
        assert!(item["section"].is_string());
        assert!(item["platforms"].is_array());
        assert!(item["notes"].is_array());
        for list in ["conditions", "purpose", "facts"] {
            for statement in item[list].as_array().unwrap() {
                let origin = statement["origin"].as_str().unwrap();
                assert!(
                    ["item", "group", "category", "source", "document"].contains(&origin),
                    "{statement}"
                );
                assert!(["stated", "inferred"].contains(&statement["basis"].as_str().unwrap()));
                assert!(statement["section"].is_string());
                let cited = statement["cite"]["document"].as_str().unwrap();
                assert!(
                    has_languages(&statement["text"], cited),
                    "{}: a text in every language of the document it cites: {statement}",
                    item["id"]
                );
            }
        }
        // Every category of the catalog states a purpose, so every item in one has it.
        if let Some(category) = &catalog_item.category {
            assert!(!yaml_categories[category.as_str()]["purpose"].is_null());
            assert!(!item["purpose"].as_array().unwrap().is_empty(), "{}", item["id"]);
        }
    }
    assert_eq!(ids.first(), Some(&"owner-name"), "the seed page's first item");
}

#[test]
fn export_json_resolves_where_each_value_came_from() {
    let json = export(&["export"]);
    let items = json["items"].as_array().unwrap();

    let imei = find(items, "imei");
    assert_eq!(imei["group"], "hardware-inventory");
    assert_eq!(imei["category"], "identified");
    assert_eq!(imei["document"], "privacy-data-collect");
    assert_eq!(imei["sources"][0]["id"], "end-user-devices");
    assert_eq!(imei["sources"][0]["origin"], "group");
    assert_eq!(imei["sources"][0]["origin_id"], "hardware-inventory");
    assert_eq!(imei["sources"][0]["basis"], "inferred");
    let condition = &imei["conditions"][0];
    assert_eq!(condition["origin"], "source");
    assert_eq!(condition["origin_id"], "end-user-devices");
    assert_eq!(condition["basis"], "inferred");
    assert_eq!(condition["section"], "data-collection-in-intune");
    assert!(
        condition["text"]["sv"]
            .as_str()
            .unwrap()
            .starts_with("när de registreras")
    );
    // The English edition's own words: "End-user devices (when they enroll for Intune management and
    // during usage)."
    assert_eq!(
        condition["text"]["en"],
        "when they enroll for Intune management and during usage"
    );

    let keys = find(items, "static-authenticators");
    let origins: Vec<(&str, &str)> = keys["purpose"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["origin"].as_str().unwrap(), p["origin_id"].as_str().unwrap()))
        .collect();
    assert_eq!(origins, [("group", "access-control"), ("category", "identified")]);

    let icons = find(items, "app-icons");
    assert_eq!(icons["notes"][0]["origin"], "item");
    assert_eq!(icons["notes"][0]["origin_id"], Value::Null);

    let third_party = find(items, "third-party-id");
    assert_eq!(third_party["group"], Value::Null);
    assert_eq!(third_party["sources"][0]["origin"], "item");

    assert_eq!(
        find(items, "apple-id-ios")["platforms"],
        serde_json::json!(["ios-ipados"])
    );
    // Linked on the page itself, and each to its place in the 2023 rewrite: the set is closed.
    let same_field = [
        "azure-ad-device-id",
        "managed-app-azure-ad-device-id",
        "c23-entra-device-id",
        "c23-managed-app-entra-device-id",
    ];
    for id in same_field {
        let others: Vec<&str> = same_field.iter().copied().filter(|o| *o != id).collect();
        assert_eq!(find(items, id)["also_listed"], serde_json::json!(others), "{id}");
        let links: Vec<Value> = others
            .iter()
            .map(|o| serde_json::json!({"id": o, "basis": "inferred"}))
            .collect();
        assert_eq!(find(items, id)["links"], Value::Array(links), "{id}");
    }
    assert_eq!(
        find(items, "feature-use-count")["also_listed"],
        serde_json::json!([]),
        "listed once in the library"
    );
    assert_eq!(
        find(items, "imei")["cite"],
        serde_json::json!({"document": "privacy-data-collect", "section": "identified-data"})
    );
    assert_eq!(
        find(items, "iccid")["name"],
        serde_json::json!({"sv": "ICCID", "en": "ICCID"})
    );
    // The 2023 rewrite is English only: its texts have no Swedish.
    assert_eq!(
        find(items, "c23-iccid")["name"],
        serde_json::json!({"en": "ICCID"})
    );

    let statements = json["catalogs"][0]["statements"].as_array().unwrap();
    assert!(
        statements
            .iter()
            .any(|s| s["origin"] == "catalog" && s["text"]["en"].as_str().unwrap().contains("do not sell"))
    );
}

#[test]
fn export_json_of_several_catalogs_names_each_items_catalog() {
    let json = export(&["export", "-f", "json", "-c", "tests/fixtures/valid/two-catalogs"]);
    let pairs: Vec<(&str, &str)> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["catalog"].as_str().unwrap(), i["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("vendor-alpha", "device-name"),
            ("vendor-alpha", "alpha-account-id"),
            ("vendor-beta", "device-name"),
            ("vendor-beta", "beta-account-id"),
        ]
    );
}

#[test]
fn export_of_an_invalid_catalog_prints_the_errors_and_nothing_else() {
    let out = privcat(&["export", "--catalog", "tests/fixtures/invalid/unknown-group.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out)
            .starts_with("privcat: tests/fixtures/invalid/unknown-group.yaml:27:12: error: unknown group"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_arguments_are_usage_errors() {
    for args in [
        &["validate", "--bogus"][..],
        &["export", "--format", "xml"],
        &["frobnicate"],
    ] {
        let out = privcat(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!stderr(&out).is_empty());
    }
}

/// Awkward inputs a user could hand privcat; none may crash it.
fn awkward_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let minimal =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.yaml"))
            .unwrap();
    let mut with_garbage = minimal.clone();
    with_garbage.extend_from_slice(b"\n\xC3");
    vec![
        ("deep.yaml", "[".repeat(10_000).into_bytes()),
        ("deep-maps.yaml", "{a: ".repeat(10_000).into_bytes()),
        (
            "deep-block.yaml",
            format!("{}x\n", "- ".repeat(10_000)).into_bytes(),
        ),
        ("control.yaml", b"catalog:\n  id: \x1b[31m\n".to_vec()),
        ("alias.yaml", b"a: &x [*x]\nb: *y\n".to_vec()),
        ("merge.yaml", b"items:\n  - &i {id: a}\n  - <<: *i\n".to_vec()),
        ("two-docs.yaml", [minimal.as_slice(), b"---\nfoo: 1\n"].concat()),
        ("truncated.yaml", with_garbage),
        ("binary.yaml", (0..=255u8).collect()),
        ("tab.yaml", b"\t- x\n".to_vec()),
        ("scalar.yaml", b"42\n".to_vec()),
        ("null.yaml", b"~\n".to_vec()),
        ("bom-only.yaml", b"\xEF\xBB\xBF".to_vec()),
        ("utf16.yaml", b"\xFF\xFEc\0".to_vec()),
        ("huge-number.yaml", b"format: 99999999999999999999999\n".to_vec()),
        ("nulls.yaml", b"catalog: ~\ncategories: ~\nitems: ~\n".to_vec()),
        ("empty-text-map.yaml", b"catalog:\n  title: {}\n".to_vec()),
    ]
}

#[test]
fn no_input_makes_privcat_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, bytes) in awkward_inputs() {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        paths.push(path.display().to_string());
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        paths.push(entry.unwrap().path().display().to_string());
    }
    paths.push(dir.path().display().to_string());
    for path in &paths {
        let out = privcat(&["validate", path]);
        assert_no_panic(&out, &format!("validate {path}"));
        let out = privcat(&["export", "--catalog", path]);
        assert_no_panic(&out, &format!("export --catalog {path}"));
        let loads = path.ends_with("missing-language.yaml");
        let expected = if loads { 0 } else { 2 };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "export --catalog {path}: {}",
            stderr(&out)
        );
    }
}
