//! `privcat diff`: each kind of change between two small catalogs, equal catalogs, and the 2019 and
//! 2023 English pages of "Data collection in Intune" drafted on the fly.

#[path = "support/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

use cli::{privcat, text};
use serde_json::Value;

/// A one-document catalog in English with the categories, groups and items given as YAML.
fn catalog(dir: &Path, name: &str, categories: &str, groups: &str, items: &str) -> PathBuf {
    let yaml = format!(
        "format: 2
catalog:
  id: acme
  title: Acme
  product: Acme MDM
  publisher: Acme
  languages: [en]
documents:
  - id: collect
    title: Data Acme collects
    editions:
      - {{language: en, locale: en-US, url: \"https://example.com/collect\", date: 2021-04-01}}
    sections:
      - {{id: main, title: Data}}
categories:
{categories}groups:
{groups}items:
{items}"
    );
    let path = dir.join(name);
    std::fs::write(&path, yaml).unwrap();
    path
}

const CATEGORIES: &str = "  - {id: identified, name: Identified data, exhaustive: false, section: main}
  - {id: aggregated, name: Aggregated data, exhaustive: false, section: main}
";
const GROUPS: &str = "  - {id: hardware, category: identified, name: Hardware, section: main}
  - {id: network, category: identified, name: Network, section: main}
";

fn diff_json(old: &Path, new: &Path) -> (Option<i32>, Value) {
    let run = privcat(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let code = run.status.code();
    assert!(run.stderr.is_empty(), "{}", text(&run.stderr));
    (code, serde_json::from_slice(&run.stdout).unwrap())
}

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().or(v.as_str()).unwrap())
        .collect()
}

#[test]
fn each_kind_of_change_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let old = catalog(
        dir.path(),
        "old.yaml",
        CATEGORIES,
        GROUPS,
        "  - {id: imei, group: hardware, name: IMEI number}
  - {id: serial, group: hardware, name: Serial number}
  - {id: mac, group: hardware, name: Wi-Fi MAC address}
  - {id: ip, group: network, name: IP address}
  - {id: count, category: aggregated, name: Number of devices}
  - id: owner
    category: identified
    name: Owner name
    conditions:
      - {text: Only from corporate devices.}
",
    );
    let new = catalog(
        dir.path(),
        "new.yaml",
        "  - {id: identified, name: Identified data, exhaustive: false, section: main}
  - {id: required, name: Required data, exhaustive: false, section: main}
",
        GROUPS,
        "  - id: imei
    group: hardware
    name: IMEI number
    facts:
      - {kind: statement, text: 'No', column: MAM workload}
  - {id: serial-no, group: hardware, name: Serial numbers}
  - {id: mac, group: network, name: Wi-Fi MAC address}
  - {id: location, category: required, name: Location}
  - id: owner
    category: required
    name: Owner name
    conditions:
      - {text: From every enrolled device.}
",
    );
    let (code, d) = diff_json(&old, &new);
    assert_eq!(code, Some(1), "different");
    assert_eq!(d["equal"], false);
    assert_eq!(names(&d["categories"]["removed"]), ["Aggregated data"]);
    assert_eq!(names(&d["categories"]["added"]), ["Required data"]);
    assert_eq!(names(&d["added"]), ["Location"]);
    assert_eq!(names(&d["removed"]), ["IP address", "Number of devices"]);
    let changed = d["changed"].as_array().unwrap();
    let of = |name: &str| changed.iter().find(|c| c["new"]["name"] == name).unwrap();
    // Matched by its similar name, though its id changed too.
    let serial = of("Serial numbers");
    assert_eq!(serial["old"]["name"], "Serial number");
    assert!(serial["similarity"].as_f64().unwrap() > 0.8, "{serial}");
    // Moved between groups.
    let mac = of("Wi-Fi MAC address");
    assert_eq!(mac["moved"], true);
    assert_eq!(mac["old"]["place"], "Identified data › Hardware");
    assert_eq!(mac["new"]["place"], "Identified data › Network");
    // A fact added.
    let imei = of("IMEI number");
    assert_eq!(
        imei["facts_added"],
        serde_json::json!(["Statements: No (MAM workload)"])
    );
    assert_eq!(imei["moved"], false);
    assert!(imei["similarity"].is_null());
    // Moved between categories, its condition changed.
    let owner = of("Owner name");
    assert_eq!(
        (owner["old"]["place"].as_str(), owner["new"]["place"].as_str()),
        (Some("Identified data"), Some("Required data"))
    );
    assert_eq!(
        owner["facts_removed"],
        serde_json::json!(["Conditions: Only from corporate devices."])
    );
    assert_eq!(
        owner["facts_added"],
        serde_json::json!(["Conditions: From every enrolled device."])
    );
    assert_eq!(d["same"], 0);

    // The same catalog against itself: equal, exit 0.
    let run = privcat(&["diff", old.to_str().unwrap(), old.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0));
    assert!(text(&run.stdout).ends_with("0 added, 0 removed, 0 changed, 6 unchanged\n"));
}

#[test]
fn the_2023_rewrite_of_data_collection_in_intune_against_the_2019_page() {
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/sources/intune");
    let (code, d) = diff_json(
        &sources.join("en-US/privacy-data-collect.md"),
        &sources.join("en-US-2023/privacy-data-collect.md"),
    );
    assert_eq!(code, Some(1));
    // Three categories became two: on the page they are its headings.
    let removed = names(&d["sections"]["removed"]);
    assert!(removed.contains(&"Aggregated data"), "{removed:?}");
    let added = names(&d["sections"]["added"]);
    for heading in [
        "Required data",
        "Optional data",
        "Certain End User Data or Content is never Collected",
    ] {
        assert!(added.contains(&heading), "{heading}: {added:?}");
    }
    // New fields, and the new list of what is never collected.
    let new_items = names(&d["added"]);
    for field in [
        "Location (corporate devices only)",
        "PowerShell scripts",
        "Personal email",
        "Text messages",
    ] {
        assert!(new_items.contains(&field), "{field}: {new_items:?}");
    }
    let never: Vec<&Value> = d["added"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["section"] == "Certain End User Data or Content is never Collected")
        .collect();
    assert_eq!(never.len(), 7);
    // A reworded field, with how alike the names are.
    let changed = d["changed"].as_array().unwrap();
    let keys = changed
        .iter()
        .find(|c| c["new"]["name"] == "Private keys for certificates")
        .unwrap();
    assert_eq!(keys["old"]["name"], "Privacy keys for certificates");
    // The MAM workload column is new on every field of the table.
    let imei = changed
        .iter()
        .find(|c| c["new"]["name"] == "IMEI number")
        .unwrap();
    assert_eq!(imei["facts_added"][0], "Statements: No (MAM workload 1)");
}

#[test]
fn a_change_report_in_markdown_and_errors_with_the_file() {
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/sources/intune");
    let run = privcat(&[
        "diff",
        sources.join("en-US/privacy-data-collect.md").to_str().unwrap(),
        sources
            .join("en-US-2023/privacy-data-collect.md")
            .to_str()
            .unwrap(),
        "--format",
        "md",
    ]);
    assert_eq!(run.status.code(), Some(1));
    let md = text(&run.stdout);
    assert!(md.starts_with("# Changes from "), "{md}");
    assert!(
        md.contains("\n## Sections\n\n- removed: Identified data\n"),
        "{md}"
    );
    assert!(md.contains("\n- removed: Aggregated data\n"), "{md}");
    assert!(
        md.contains("- Location (corporate devices only) (Device Data · Required data)"),
        "{md}"
    );

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.yaml");
    let run = privcat(&["diff", missing.to_str().unwrap(), missing.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("missing.yaml"),
        "{}",
        text(&run.stderr)
    );
}
