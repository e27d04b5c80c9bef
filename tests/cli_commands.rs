//! The built binary as a user runs it: `answer`, `search`, `show`, `list`, `export` (JSON, CSV,
//! Markdown, `--output`), `catalogs`, `completions`, `man`, `--help`, `--version`, colour, exit codes,
//! closed pipes, and catalog text that tries to drive the terminal.
//!
//! Expected texts come from the documents the built-in catalog quotes (the Swedish and English
//! editions in `catalog/sources/intune/`), or from `catalog/intune.yaml` read here with `serde_yaml` —
//! never from a run of the program. The catalog is a library of several documents; what is a fact of
//! one page (its 66 items, 36/22/8 per category) is checked on that page, `privacy-data-collect`.

#[path = "support/intune_yaml.rs"]
mod intune_yaml;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

use intune_yaml::{CatalogItem, intune_items, intune_yaml, yaml_ids};

// ---------------------------------------------------------------------------------------------
// Running privcat

/// One run of the binary: exit code and both streams.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    bytes: Vec<u8>,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            bytes: o.stdout,
        }
    }
}

impl Run {
    /// Asserts exit code 0 and returns standard output.
    #[track_caller]
    fn ok(&self) -> &str {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        &self.stdout
    }

    #[track_caller]
    fn json(&self) -> Value {
        serde_json::from_str(self.ok()).expect("stdout is JSON")
    }

    /// Asserts the exit code and that standard output is empty; returns standard error.
    #[track_caller]
    fn fails(&self, code: i32) -> &str {
        assert_eq!(self.code, Some(code), "stderr: {}", self.stderr);
        assert_eq!(self.stdout, "", "nothing on stdout");
        &self.stderr
    }
}

/// privcat from the crate root, without `LANG`, `LC_ALL` or `NO_COLOR` unless `env` sets them.
fn privcat_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_privcat"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("NO_COLOR")
        .envs(env.iter().copied());
    cmd.output().expect("privcat runs").into()
}

fn privcat(args: &[&str]) -> Run {
    privcat_env(args, &[])
}

/// `command` followed by `more`.
fn with<'a>(command: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    [command, more].concat()
}

#[track_caller]
fn assert_has(text: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(text.contains(phrase), "missing {phrase:?} in\n{text}");
    }
}

/// `text` without colour sequences (`ESC [ … letter`).
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.by_ref().find(char::is_ascii_alphabetic);
        } else {
            out.push(c);
        }
    }
    out
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

// ---------------------------------------------------------------------------------------------
// catalog/intune.yaml, read independently of privcat

/// The document of the built-in catalog that used to be its only one, "Data collection in Intune"
/// (2020): tests about that page's facts (66 items, 36/22/8 per category) are scoped to it.
const SEED: &str = "privacy-data-collect";

/// Every item id of the library, in file order.
fn intune_ids() -> Vec<String> {
    intune_items().into_iter().map(|i| i.id).collect()
}

/// The items the seed page lists, in file order.
fn seed_items() -> Vec<CatalogItem> {
    intune_items()
        .into_iter()
        .filter(|i| i.document == SEED)
        .collect()
}

fn seed_ids() -> Vec<String> {
    seed_items().into_iter().map(|i| i.id).collect()
}

/// A document of the built-in catalog: id, English title, and its English edition's date and URL.
struct CatalogDocument {
    id: String,
    title: String,
    date: String,
    url: String,
}

fn intune_documents() -> Vec<CatalogDocument> {
    let yaml = intune_yaml();
    let documents = yaml["documents"].as_sequence().unwrap();
    documents
        .iter()
        .map(|d| {
            let editions = d["editions"].as_sequence().unwrap();
            let en = editions.iter().find(|e| e["language"] == "en").unwrap();
            let title = &d["title"];
            CatalogDocument {
                id: d["id"].as_str().unwrap().to_owned(),
                title: title["en"].as_str().or(title.as_str()).unwrap().to_owned(),
                date: en["date"].as_str().unwrap().to_owned(),
                url: en["url"].as_str().unwrap().to_owned(),
            }
        })
        .collect()
}

fn intune_document(id: &str) -> CatalogDocument {
    let found = intune_documents().into_iter().find(|d| d.id == id);
    found.unwrap_or_else(|| panic!("no document `{id}` in catalog/intune.yaml"))
}

fn json_ids(doc: &Value) -> Vec<String> {
    let items = doc["items"].as_array().expect("an items array");
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

/// The first words of `text`'s lines that are among `ids`, in order.
fn ids_in<'t>(text: &'t str, ids: &[String]) -> Vec<&'t str> {
    text.lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| ids.iter().any(|i| i == w))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Crafted catalogs, written to a temporary folder

/// An item of a crafted catalog; its texts are the same in English and Swedish.
struct Crafted<'a> {
    id: &'a str,
    name: &'a str,
    description: Option<&'a str>,
}

/// A small valid catalog in the shape of tests/fixtures/valid/minimal.yaml. Texts are YAML
/// double-quoted scalars (JSON string syntax), so they can hold any character.
fn catalog_yaml(title: &str, items: &[Crafted]) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap();
    let mut yaml = format!(
        "format: 1
catalog:
  id: crafted
  title: {{en: {title}, sv: {title}}}
  product: Crafted Product
  publisher: Crafted Corp
  languages: [en, sv]
  document:
    title: Crafted document
    date: \"2020-01-01\"
    sections:
      - id: collected-data
        title: {{en: Collected data, sv: Insamlade data}}
sources:
  - id: devices
    name: {{en: Enrolled devices, sv: Registrerade enheter}}
    condition:
      text: {{en: while they are enrolled, sv: medan de är registrerade}}
    section: collected-data
categories:
  - id: identified
    name: {{en: Identified data, sv: Identifierade data}}
    purpose:
      text: {{en: Used to manage devices., sv: Används för att hantera enheter.}}
    exhaustive: true
    section: collected-data
groups:
  - id: hardware
    category: identified
    name: {{en: Hardware, sv: Maskinvara}}
    sources: [devices]
items:
",
        title = q(title)
    );
    for it in items {
        let name = q(it.name);
        let _ = writeln!(yaml, "  - id: {}\n    group: hardware", it.id);
        let _ = writeln!(yaml, "    name: {{en: {name}, sv: {name}}}");
        if let Some(d) = it.description.map(q) {
            let _ = writeln!(yaml, "    description: {{en: {d}, sv: {d}}}");
        }
    }
    yaml
}

/// Writes a crafted catalog to `dir/name`, checks that privcat accepts it, and returns its path.
fn write_catalog(dir: &Path, name: &str, title: &str, items: &[Crafted]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, catalog_yaml(title, items)).unwrap();
    privcat(&["validate", s(&path)]).ok();
    path
}

// ---------------------------------------------------------------------------------------------
// answer

/// An English answer: the item's name, the "- " lines (and the lines indented under them), and the
/// numbered sources after "Sources:". Checks that every "- " line ends with the number of a source
/// listed below it and that every source listed is cited.
#[track_caller]
fn answer_parts(out: &str) -> (&str, Vec<&str>, Vec<&str>) {
    let lines: Vec<&str> = out.lines().collect();
    let at = lines.iter().position(|l| *l == "Sources:");
    let at = at.unwrap_or_else(|| panic!("no \"Sources:\" line in\n{out}"));
    let (facts, sources) = (lines[1..at].to_vec(), lines[at + 1..].to_vec());
    for (n, source) in sources.iter().enumerate() {
        assert!(source.starts_with(&format!("[{}] “", n + 1)), "{source}\n{out}");
    }
    let mut cited = BTreeSet::new();
    for line in &facts {
        assert!(
            line.starts_with("- ") || line.starts_with("  - "),
            "{line:?} in\n{out}"
        );
        if *line == "- The document does not say which source this comes from." {
            continue;
        }
        let number = line.rsplit_once(" [").and_then(|(_, n)| n.strip_suffix(']'));
        let number: usize = number
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{line:?} ends with no source number in\n{out}"));
        assert!(
            (1..=sources.len()).contains(&number),
            "{line:?}: no source [{number}]\n{out}"
        );
        cited.insert(number);
    }
    assert_eq!(cited.len(), sources.len(), "every source listed is cited:\n{out}");
    (lines[0], facts, sources)
}

#[test]
fn answer_imei_in_english_names_category_source_purpose_and_document() {
    let run = privcat(&["answer", "imei"]);
    let out = run.ok();
    let (name, facts, sources) = answer_parts(out);
    assert_eq!(name, "IMEI number");
    // The English edition's words (catalog/sources/intune/en-US/privacy-data-collect.md): "End-user
    // devices (when they enroll for Intune management and during usage)", "Identified data collected
    // by Intune may include, but is not limited to:".
    let seed = intune_document(SEED);
    assert_eq!(
        facts[..3],
        [
            "- Microsoft Intune lists it as identified data (group: Hardware inventory information); the document's list is not exhaustive [1]",
            "- Collected from end-user devices, when they enroll for Intune management and during usage (the catalog's reading: the document names this source for its data as a whole, not item by item) [2]",
            "- Purpose: Identified data is used to manage a user’s device and applications, and to provision the Intune service. [1]",
        ],
        "{out}"
    );
    assert_eq!(
        sources[..2],
        [
            format!(
                "[1] “Data collection in Intune”, section “Identified data”, dated 2018-05-18: {}",
                seed.url
            ),
            format!(
                "[2] “Data collection in Intune”, section “Data collection in Intune”, dated 2018-05-18: {}",
                seed.url
            ),
        ],
        "{out}"
    );
    // The same field in the 2023 rewrite of the page, with its own source.
    let rewrite = intune_document("privacy-data-collect-2023");
    let also = facts
        .iter()
        .find(|l| l.starts_with("- Also listed as “IMEI number”: "));
    let also = also.unwrap_or_else(|| panic!("no listing of the 2023 page in\n{out}"));
    assert_has(
        also,
        &[
            "lists it as required data (group: Hardware inventory information)",
            "no document says so",
        ],
    );
    let number = also.rsplit_once(" [").unwrap().1.trim_end_matches(']');
    let source = format!(
        "[{number}] “Data collection in Intune”, section “Required data”, dated {}: {}",
        rewrite.date, rewrite.url
    );
    assert!(sources.contains(&source.as_str()), "{source} in\n{out}");
    assert_eq!(run.stderr, "", "an exact id names no other items");
}

#[test]
fn answer_imei_in_swedish_quotes_the_document() {
    let run = privcat(&["answer", "imei", "--lang", "sv"]);
    let out = run.ok();
    assert_has(
        out,
        &[
            "IMEI-numret",
            "identifierade data",
            "Information om maskinvaruinventering",
            "när de registreras för hantering av Intune",
            "Syfte:",
            "Identifierade data används för att hantera en användares enhet",
            "“Datainsamling i Intune”",
            "avsnitt “Identifierade data”",
        ],
    );
    assert!(!out.contains("Purpose"), "no English words: {out}");
}

#[test]
fn answer_follows_lang_and_the_option_wins_over_it() {
    let swedish = privcat(&["answer", "imei", "--lang", "sv"]);
    let english = privcat(&["answer", "imei"]);
    assert_ne!(swedish.ok(), english.ok());
    let sv_env = [("LANG", "sv_SE.UTF-8")];
    assert_eq!(privcat_env(&["answer", "imei"], &sv_env).ok(), swedish.stdout);
    let overridden = privcat_env(&["answer", "imei", "--lang", "en"], &sv_env);
    assert_eq!(overridden.ok(), english.stdout);
    let german = privcat_env(&["answer", "imei"], &[("LANG", "de_DE.UTF-8")]);
    assert_eq!(
        german.ok(),
        english.stdout,
        "English for a language privcat lacks"
    );
}

#[test]
fn answer_for_app_inventory_states_the_corporate_owned_condition() {
    // "Application inventory data is only collected when marked by the Admin as a corporate-owned
    // device or the compliant app feature is turned on." (the English edition; the Swedish:
    // "Programinventeringsdata samlas endast in om enheten har markerats av administratören som en
    // företagsägd enhet eller om funktionen för kompatibel app har aktiverats.")
    for query in ["app-name", "app name"] {
        let run = privcat(&["answer", query]);
        let out = run.ok();
        // The English edition lists it as "app name".
        assert!(out.starts_with("app name\n"), "{query}: {out}");
        assert_has(
            out,
            &[
                "(group: Application inventory)",
                "\n- Conditions: Application inventory data is only collected when marked by the Admin as a corporate-owned device or the compliant app feature is turned on. [1]\n",
            ],
        );
    }
    let sv = privcat(&["answer", "app-name", "--lang", "sv"]);
    assert_has(sv.ok(), &["företagsägd enhet", "kompatibel app"]);
}

#[test]
fn answer_for_a_clear_query_is_the_answer_for_its_item() {
    for (query, id) in [
        ("imei", "imei"),
        ("kan min arbetsgivare se mina bilder", "seen-pictures"),
    ] {
        let run = privcat(&["answer", query]);
        let exact = privcat(&["answer", id]);
        assert_eq!(run.ok(), exact.ok(), "{query}");
        assert_eq!(run.stderr, "", "{query}");
    }
}

#[test]
fn answer_without_a_clear_winner_exits_1_and_lists_the_candidates() {
    let run = privcat(&["answer", "hardware"]);
    let err = run.fails(1);
    assert_eq!(
        run.stdout, "",
        "no paragraph about an item the query did not select"
    );
    let mut lines = err.lines();
    assert_eq!(
        lines.next(),
        Some("privcat: no clear answer for `hardware`: several items match it about as well.")
    );
    assert_eq!(
        lines.next(),
        Some("Candidates (answer one with `privcat answer ID`):")
    );
    let ids = intune_ids();
    let listed: Vec<&str> = lines
        .filter(|l| !l.trim_start().starts_with('…'))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert!(listed.len() >= 2, "{err}");
    for id in listed {
        assert!(ids.iter().any(|i| i == id), "{id} is an item id: {err}");
    }
}

#[test]
fn answer_with_no_match_exits_1_and_says_the_lists_are_not_complete() {
    let run = privcat(&["answer", "fingerprint"]);
    let err = run.fails(1);
    assert_eq!(run.stdout, "");
    assert_has(
        err,
        &[
            "nothing in the library matches `fingerprint`",
            "not complete",
            "“Identified data collected by Intune may include, but is not limited to:”",
            "What the documents say your organization can never see: ",
            "Sources:",
        ],
    );
}

#[test]
fn answer_to_a_topic_question_gives_the_documents_general_facts() {
    let out = privcat(&["answer", "how long do you keep my data?"])
        .ok()
        .to_owned();
    assert!(
        out.starts_with("How long the documents say personal data is kept:\n"),
        "{out}"
    );
    assert_has(
        &out,
        &[
            "Audit logs are retained for up to one year.",
            "Telemetry data collected as part of Intune usage is retained for a maximum of 30 days.",
            "“Data storage and processing in Intune”, section “Personal data retention”",
        ],
    );
    let out = privcat(&["answer", "säljer ni mina uppgifter?", "--lang", "sv"])
        .ok()
        .to_owned();
    assert!(
        out.starts_with("Vilka dokumenten säger att personuppgifter delas med:\n"),
        "{out}"
    );
    assert_has(
        &out,
        &["Vi säljer inte några data som samlas in av vår tjänst till någon tredje part av någon anledning."],
    );
}

// ---------------------------------------------------------------------------------------------
// search

#[test]
fn search_imei_puts_the_imei_item_first() {
    let run = privcat(&["search", "imei"]);
    let first = run.ok().lines().next().unwrap();
    assert!(first.starts_with("imei "), "{first}");
    assert_has(
        first,
        &[
            "IMEI number",
            "Identified data › Hardware inventory information",
            "when they enroll for Intune management and during usage",
        ],
    );
    assert_eq!(run.stderr, "");

    let sv = privcat(&["search", "imei", "--lang", "sv"]);
    let first = sv.ok().lines().next().unwrap();
    assert_has(
        first,
        &[
            "IMEI-numret",
            "Identifierade data › Information om maskinvaruinventering",
        ],
    );
}

#[test]
fn search_with_no_match_exits_1_with_nothing_on_stdout() {
    privcat(&["search", "zzzzqqq"]).fails(1);
    let json = privcat(&["search", "zzzzqqq", "--format", "json"]);
    assert_eq!(json.code, Some(1));
    let doc: Value = serde_json::from_str(&json.stdout).expect("JSON even when empty");
    assert_eq!(doc["items"], serde_json::json!([]));
}

#[test]
fn search_limit_caps_the_lines() {
    // Columns are padded to the widest line shown, so compare the words.
    let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
    let all = privcat(&["search", "app"]);
    let all: Vec<String> = all.ok().lines().map(words).collect();
    assert!(all.len() > 2, "the query matches more than the limit");
    for (flag, n) in [("--limit", 2), ("-n", 1)] {
        let run = privcat(&["search", "app", flag, &n.to_string()]);
        let lines: Vec<String> = run.ok().lines().map(words).collect();
        assert_eq!(lines, all[..n], "{flag} {n}: the best matches, in order");
    }
}

#[test]
fn search_json_has_the_query_and_scored_items() {
    let doc = privcat(&["search", "imei", "--format", "json"]).json();
    assert_eq!(doc["query"], "imei");
    let items = doc["items"].as_array().unwrap();
    assert_eq!(items[0]["id"], "imei");
    assert_eq!(items[0]["name"]["sv"], "IMEI-numret");
    let scores: Vec<i64> = items
        .iter()
        .map(|i| {
            assert!(i["id"].is_string(), "{i}");
            i["score"]
                .as_i64()
                .unwrap_or_else(|| panic!("a numeric score: {i}"))
        })
        .collect();
    // Listings of one field rank together (in document order), so scores need not fall row by row.
    assert!(scores.iter().all(|&s| s > 0), "{scores:?}");
}

#[test]
fn search_category_filter_keeps_only_that_category() {
    let catalog = intune_items();
    let expected = catalog
        .iter()
        .filter(|i| i.category.as_deref() == Some("pseudonymized"));
    assert!(
        expected.clone().all(|i| i.document == SEED),
        "only the seed page has the category"
    );
    assert_eq!(expected.count(), 22, "the seed page's pseudonymized list");
    let args = ["search", "a", "--category", "pseudonymized"];
    let doc = privcat(&with(&args, &["--format", "json"])).json();
    let items = doc["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        assert_eq!(item["category"], "pseudonymized", "{}", item["id"]);
    }
    for line in privcat(&args).ok().lines() {
        assert!(line.contains("Pseudonymized data"), "{line}");
    }
}

#[test]
fn search_source_filter_keeps_only_that_source() {
    let args = ["search", "a", "--source", "end-user-devices", "--format", "json"];
    let doc = privcat(&args).json();
    let items = doc["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        let sources = item["sources"].as_array().unwrap();
        let ids: Vec<&str> = sources.iter().map(|s| s["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&"end-user-devices"), "{}: {ids:?}", item["id"]);
    }
    let ids = json_ids(&doc);
    assert!(
        !ids.iter().any(|i| i.starts_with("audit-")),
        "audit log is from the portal"
    );
}

#[test]
fn an_unknown_category_suggests_the_closest_and_lists_all() {
    for command in [&["search", "a"][..], &["list"], &["export"]] {
        let run = privcat(&with(command, &["--category", "identifed"]));
        assert_has(
            run.fails(2),
            &[
                "`identifed`",
                "Did you mean `identified`?",
                "identified, pseudonymized, aggregated",
            ],
        );
    }
}

#[test]
fn an_unknown_source_suggests_the_closest_and_lists_all() {
    for command in [&["search", "a"][..], &["list"], &["export", "--format", "csv"]] {
        let run = privcat(&with(command, &["--source", "end-user-device"]));
        assert_has(
            run.fails(2),
            &[
                "Did you mean `end-user-devices`?",
                "admin-portal",
                "third-party-accounts",
                "diagnostics",
            ],
        );
    }
}

// ---------------------------------------------------------------------------------------------
// show

#[test]
fn show_imei_prints_every_part_of_the_detail() {
    let run = privcat(&["show", "imei"]);
    let out = run.ok();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[..2], ["IMEI number", "IMEI-numret"], "both names");
    assert_has(lines[2], &["imei", "intune"]);
    assert_has(
        out,
        &[
            "Identified data",
            // The category's definition, in the English edition's words.
            "Most personal data collected by Intune is identified data.",
            "Hardware inventory information",
            "End-user devices",
            "when they enroll for Intune management and during usage",
            "stated for the source “End-user devices”",
            "Identified data is used to manage a user’s device",
            "“Data collection in Intune”",
            "2018-05-18",
            "section “Identified data”",
            // A fact given for a whole document that covers this page's data.
            "stated for all the data covered by “Data storage and processing in Intune”",
            // Text-valued keys print as "key: value", the others as before.
            "kept 30 days · starts: after the user is removed from Intune management",
            "party Apple · service: APNs · message: Authenticate · field: IMEI",
        ],
    );
    let at = |label: &str| {
        let found = lines.iter().position(|l| *l == label);
        found.unwrap_or_else(|| panic!("no {label:?} heading in\n{out}"))
    };
    let order = [
        "Category",
        "Group",
        "Collected from",
        "Conditions",
        "Purpose",
        "Document",
    ]
    .map(at);
    assert!(order.is_sorted(), "{order:?}\n{out}");
}

#[test]
fn show_in_swedish_names_the_english_second() {
    let run = privcat(&["show", "imei", "--lang", "sv"]);
    let lines: Vec<&str> = run.ok().lines().collect();
    assert_eq!(lines[..2], ["IMEI-numret", "IMEI number"]);
    assert_has(
        &run.stdout,
        &["Slutanvändarenheter", "avsnitt “Identifierade data”"],
    );
}

#[test]
fn show_json_is_the_item_object_of_the_export() {
    let shown = privcat(&["show", "imei", "--format", "json"]).json();
    assert_eq!(shown["id"], "imei");
    assert_eq!(shown["category"], "identified");
    assert_eq!(shown["group"], "hardware-inventory");
    let names = serde_json::json!({"sv": "IMEI-numret", "en": "IMEI number"});
    assert_eq!(shown["name"], names);
    let export = privcat(&["export", "--format", "json"]).json();
    let items = export["items"].as_array().unwrap();
    assert_eq!(Some(&shown), items.iter().find(|i| i["id"] == "imei"));
}

#[test]
fn show_an_unknown_id_exits_2_and_suggests_the_closest() {
    let run = privcat(&["show", "imie"]);
    assert_has(
        run.fails(2),
        &["no item has the id `imie`", "Did you mean `imei`"],
    );
    assert_has(privcat(&["show", "zzzzqqq"]).fails(2), &["privcat search"]);
}

#[test]
fn show_app_icons_explains_the_translation() {
    // The Swedish edition lists "ikoner" where the English original lists the app's size; each
    // language shows its own edition's word.
    let run = privcat(&["show", "app-icons"]);
    let out = run.ok();
    assert!(out.starts_with("size\nikoner\n"), "{out}");
    assert_has(out, &["\"size\"", "\"ikoner\""]);
    assert_has(privcat(&["show", "app-icons", "--lang", "sv"]).ok(), &["storlek"]);
}

// ---------------------------------------------------------------------------------------------
// list

/// The heading `privcat list` gives the seed page: its title and, since the 2023 rewrite has the
/// same title, its date.
const SEED_HEADING: &str = "Data collection in Intune · 2018-05-18";

#[test]
fn list_shows_every_item_under_the_three_categories_in_document_order() {
    let run = privcat(&["list", "--document", SEED]);
    let out = run.ok();
    let headings: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(
        headings,
        [
            SEED_HEADING,
            "Identified data",
            "Pseudonymized data",
            "Aggregated data"
        ]
    );
    let items = seed_items();
    let ids = seed_ids();
    assert_eq!(
        ids_in(out, &intune_ids()),
        ids,
        "every id of the page once, in the catalog's order"
    );
    let groups: BTreeSet<&str> = items.iter().filter_map(|i| i.group.as_deref()).collect();
    let groups = groups.len();
    assert_eq!(
        out.lines().count(),
        ids.len() + 1 + 3 + groups,
        "a line per item, a heading for the document, per category and per group"
    );
    let imei = out.lines().find(|l| l.trim_start().starts_with("imei ")).unwrap();
    assert!(imei.ends_with("IMEI number"), "{imei}");
}

#[test]
fn list_shows_every_document_of_the_library_under_its_own_heading() {
    let out = privcat(&["list"]).stdout;
    let ids = intune_ids();
    assert_eq!(ids_in(&out, &ids), ids, "every id once, in the catalog's order");
    let items = intune_items();
    let documents: Vec<CatalogDocument> = intune_documents()
        .into_iter()
        .filter(|d| items.iter().any(|i| i.document == d.id))
        .collect();
    assert!(documents.len() > 1, "a library of several documents");
    let headings: Vec<&str> = out.lines().filter(|l| !l.starts_with(' ')).collect();
    let mut first_seen = Vec::new();
    for document in &documents {
        // Two documents share the title "Data collection in Intune" (2020 and 2023): their
        // headings tell them apart by date; the others' do not need to.
        let shared = documents.iter().filter(|d| d.title == document.title).count() > 1;
        let heading = if shared {
            format!("{} · {}", document.title, document.date)
        } else {
            document.title.clone()
        };
        let at = headings.iter().position(|h| *h == heading);
        first_seen.push(at.unwrap_or_else(|| panic!("no heading {heading:?} in\n{out}")));
        if shared {
            assert!(
                !headings.contains(&document.title.as_str()),
                "a bare {:?}",
                document.title
            );
        }
    }
    assert!(
        first_seen.is_sorted(),
        "documents in the catalog's order: {first_seen:?}"
    );
    assert!(headings.contains(&SEED_HEADING));
}

#[test]
fn list_by_category_prints_that_categorys_items() {
    let expected: Vec<String> = intune_items()
        .into_iter()
        .filter(|i| i.category.as_deref() == Some("aggregated"))
        .map(|i| i.id)
        .collect();
    // "Aggregated data" on the seed page: administrator usage data, then seven tenant account counts.
    assert_eq!(expected.len(), 8);
    let run = privcat(&["list", "--category", "aggregated"]);
    let out = run.ok();
    let headings: Vec<&str> = out.lines().take(2).collect();
    assert_eq!(headings, [SEED_HEADING, "Aggregated data"]);
    assert_eq!(ids_in(out, &intune_ids()), expected);
}

#[test]
fn list_json_has_all_66_items_of_the_seed_page_and_every_item_of_the_library() {
    let doc = privcat(&["list", "--document", SEED, "--format", "json"]).json();
    assert_eq!(doc["items"].as_array().unwrap().len(), 66);
    assert_eq!(json_ids(&doc), seed_ids());
    let doc = privcat(&["list", "--format", "json"]).json();
    assert_eq!(json_ids(&doc), intune_ids());
}

#[test]
fn list_by_source_matches_the_catalogs_sources() {
    let expected: Vec<String> = intune_items()
        .into_iter()
        .filter(|i| i.sources.iter().any(|s| s == "end-user-devices"))
        .map(|i| i.id)
        .collect();
    assert!(!expected.is_empty());
    let doc = privcat(&["list", "--source", "end-user-devices", "--format", "json"]).json();
    assert_eq!(json_ids(&doc), expected);
}

// ---------------------------------------------------------------------------------------------
// export: CSV

/// The header and the records of a CSV text, with a lookup by column name.
struct Table {
    header: csv::StringRecord,
    records: Vec<csv::StringRecord>,
}

impl Table {
    fn parse(text: &str) -> Table {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().expect("a header row").clone();
        let records = reader.records().collect::<Result<_, _>>().expect("valid CSV");
        Table { header, records }
    }

    /// The cell of `column` in the row whose id is `id`.
    fn cell(&self, id: &str, column: &str) -> &str {
        self.cell_under("id", id, column)
    }

    /// The cell of `column` in the row whose `id_column` is `id`.
    fn cell_under(&self, id_column: &str, id: &str, column: &str) -> &str {
        let at = |name: &str| self.header.iter().position(|h| h == name);
        let (id_at, column_at) = (at(id_column).expect(id_column), at(column).expect(column));
        let row = self.records.iter().find(|r| &r[id_at] == id).expect(id);
        &row[column_at]
    }
}

#[test]
fn export_csv_has_a_header_and_a_row_per_item() {
    let run = privcat(&["export", "--format", "csv"]);
    let text = run.ok();
    assert!(text.starts_with("catalog,id,"), "{}", &text[..80]);
    assert!(text.ends_with("\r\n"), "RFC 4180 line ends");
    let table = Table::parse(text);
    let ids: Vec<&str> = table.records.iter().map(|r| &r[1]).collect();
    assert_eq!(
        ids,
        intune_ids(),
        "a row per item of the library, in the catalog's order"
    );
    assert!(table.records.iter().all(|r| r.len() == table.header.len()));
    assert_eq!(table.cell("imei", "name"), "IMEI number");
    assert_eq!(table.cell("imei", "category"), "Identified data");
    assert_eq!(table.cell("imei", "group"), "Hardware inventory information");
    assert_eq!(table.cell("imei", "document"), "Data collection in Intune");
    assert_eq!(table.cell("imei", "document_id"), SEED);
    // The 2023 rewrite has the same title; its id tells it apart.
    assert_eq!(table.cell("c23-imei", "document"), "Data collection in Intune");
    assert_eq!(table.cell("c23-imei", "document_id"), "privacy-data-collect-2023");
    assert_has(
        table.cell("imei", "conditions"),
        &["when they enroll for Intune management and during usage"],
    );
    let column = table.header.iter().position(|h| h == "document_id").unwrap();
    let documents: Vec<&str> = table.records.iter().map(|r| &r[column]).collect();
    let expected: Vec<String> = intune_items().into_iter().map(|i| i.document).collect();
    assert_eq!(documents, expected, "the id of the document that lists each item");
}

#[test]
fn export_csv_in_swedish() {
    let run = privcat(&["export", "--format", "csv", "--lang", "sv"]);
    let table = Table::parse(run.ok());
    let cell = |id, column| table.cell_under("Id", id, column);
    assert_eq!(cell("imei", "Namn"), "IMEI-numret");
    assert_eq!(cell("imei", "Kategori"), "Identifierade data");
    assert_eq!(cell("imei", "Grupp"), "Information om maskinvaruinventering");
    let purpose = cell("imei", "Syfte");
    assert!(
        purpose.starts_with("Identifierade data används för att hantera"),
        "{purpose}"
    );
    assert_eq!(cell("app-icons", "Namn"), "ikoner");
}

const FORMULAS: [(&str, &str); 4] = [
    (
        "formula-equals",
        "=HYPERLINK(\"https://evil.example\",\"click, here\")",
    ),
    ("formula-plus", "+46 8 123 456"),
    ("formula-minus", "-2+3+cmd|' /C calc'!A0"),
    ("formula-at", "@SUM(1+1)"),
];
const AWKWARD: &str = "Plain, with \"quotes\" | a pipe\nand a second line";
/// Names are one line: the loader turns a line break in a name into a space.
const AWKWARD_SHOWN: &str = "Plain, with \"quotes\" | a pipe and a second line";

fn crafted_catalog(dir: &Path) -> PathBuf {
    let formulas = FORMULAS.iter().map(|&(id, name)| Crafted {
        id,
        name,
        description: None,
    });
    let awkward = Crafted {
        id: "awkward",
        name: AWKWARD,
        description: Some("=1+1"),
    };
    let items: Vec<Crafted> = formulas.chain([awkward]).collect();
    write_catalog(dir, "crafted.yaml", "Crafted catalog", &items)
}

#[test]
fn export_csv_defuses_formulas_and_round_trips_quoting() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = crafted_catalog(dir.path());
    let run = privcat(&["export", "--format", "csv", "--catalog", s(&catalog)]);
    let table = Table::parse(run.ok());
    assert_eq!(table.records.len(), FORMULAS.len() + 1);
    for (id, formula) in FORMULAS {
        assert_eq!(table.cell(id, "name"), format!("'{formula}"), "{id}");
    }
    assert_eq!(
        table.cell("awkward", "name"),
        AWKWARD_SHOWN,
        "commas, quotes and pipes survive"
    );
    assert_eq!(table.cell("awkward", "description"), "'=1+1");
}

// ---------------------------------------------------------------------------------------------
// export: Markdown and JSON

/// The `## ` sections of a Markdown report: heading line and the lines under it.
fn md_sections(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with("## ") {
            sections.push((line, Vec::new()));
        } else if let Some(last) = sections.last_mut() {
            last.1.push(line);
        }
    }
    sections
}

fn is_item_row(line: &str) -> bool {
    line.starts_with("| ") && line.contains(" (`")
}

/// The `### ` parts of a Markdown report's section: heading line and the lines under it.
fn md_parts<'t>(lines: &[&'t str]) -> Vec<(&'t str, Vec<&'t str>)> {
    let mut parts: Vec<(&str, Vec<&str>)> = Vec::new();
    for &line in lines {
        if line.starts_with("### ") {
            parts.push((line, Vec::new()));
        } else if let Some(last) = parts.last_mut() {
            last.1.push(line);
        }
    }
    parts
}

/// The item ids of a Markdown table's rows, in order.
fn md_row_ids<'t>(lines: &[&'t str]) -> Vec<&'t str> {
    let rows = lines.iter().filter(|l| is_item_row(l));
    rows.map(|r| r.rsplit_once(" (`").unwrap().1.split_once("`)").unwrap().0)
        .collect()
}

#[test]
fn export_md_is_a_report_with_a_table_per_category() {
    let run = privcat(&["export", "--format", "md"]);
    let text = run.ok();
    // "Vi säljer inte några data som samlas in av vår tjänst till någon tredje part".
    assert_has(text, &["We do not sell any data"]);

    // A section per document that lists items, in the catalog's order, each naming its document.
    let items = intune_items();
    let documents: Vec<CatalogDocument> = intune_documents()
        .into_iter()
        .filter(|d| items.iter().any(|i| i.document == d.id))
        .collect();
    let sections = md_sections(text);
    let sections: Vec<&(&str, Vec<&str>)> = sections
        .iter()
        .filter(|(_, body)| body.iter().any(|l| l.starts_with("Document: ")))
        .collect();
    assert_eq!(sections.len(), documents.len(), "{text}");
    for ((heading, body), document) in sections.iter().zip(&documents) {
        let title = document.title.replace('|', "\\|");
        assert_eq!(*heading, format!("## {title}"));
        let line = body.iter().find(|l| l.starts_with("Document: ")).unwrap();
        assert_has(
            line,
            &[&format!("“{}”", document.title), &document.date, &document.url],
        );
        let ids: Vec<String> = items
            .iter()
            .filter(|i| i.document == document.id)
            .map(|i| i.id.clone())
            .collect();
        assert_eq!(md_row_ids(body), ids, "{heading}: a row per item, in order");
    }

    // The seed page: a table per category, with the page's counts.
    let (_, seed) = sections[0];
    let parts = md_parts(seed);
    let headings: Vec<&str> = parts.iter().map(|(h, _)| *h).collect();
    let expected = [
        "### Identified data (36 items)",
        "### Pseudonymized data (22 items)",
        "### Aggregated data (8 items)",
    ];
    assert_eq!(headings, expected);
    for ((heading, body), category) in parts.iter().zip(["identified", "pseudonymized", "aggregated"]) {
        let separator = body.iter().position(|l| l.starts_with("| --- |"));
        let separator = separator.unwrap_or_else(|| panic!("no table under {heading}"));
        assert!(body[separator - 1].starts_with("| Item |"), "{heading}");
        let ids = items.iter().filter(|i| i.category.as_deref() == Some(category));
        let ids: Vec<&str> = ids.map(|i| i.id.as_str()).collect();
        assert_eq!(md_row_ids(body), ids, "{heading}");
    }
    let rows = md_row_ids(&text.lines().collect::<Vec<_>>());
    assert_eq!(rows, intune_ids(), "one row per item of the library");
}

#[test]
fn export_md_in_swedish_quotes_the_document() {
    let run = privcat(&["export", "--format", "md", "--lang", "sv"]);
    assert_has(
        run.ok(),
        &[
            "Vi säljer inte några data som samlas in av vår tjänst till någon tredje part av någon anledning.",
            "## Identifierade data (36 ",
            "## Pseudonymiserade data (22 ",
            "## Aggregerade data (8 ",
        ],
    );
}

#[test]
fn export_md_keeps_each_row_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = crafted_catalog(dir.path());
    let run = privcat(&["export", "--format", "md", "--catalog", s(&catalog)]);
    let row = run.ok().lines().find(|l| l.contains("(`awkward`)"));
    let row = row.expect("a row for the awkward item");
    let cell = "| Plain, with \"quotes\" \\| a pipe and a second line";
    assert!(row.starts_with(cell), "{row}");
    let bars = row
        .match_indices('|')
        .filter(|&(at, _)| !row[..at].ends_with('\\'));
    assert_eq!(bars.count(), 6, "five cells: {row}");
}

#[test]
fn export_json_by_category() {
    let doc = privcat(&["export", "--format", "json", "--category", "identified"]).json();
    let items = doc["items"].as_array().unwrap();
    assert_eq!(items.len(), 36, "the seed page's identified data");
    assert!(items.iter().all(|i| i["category"] == "identified"));
    let doc = privcat(&["export", "--category", "aggregated"]).json();
    assert_eq!(json_ids(&doc).len(), 8, "JSON is the default format");
}

// ---------------------------------------------------------------------------------------------
// export --output

fn folder_names(dir: &Path) -> BTreeSet<String> {
    let entries = std::fs::read_dir(dir).unwrap();
    entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn names(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|&n| n.to_owned()).collect()
}

#[test]
fn export_output_writes_what_stdout_would_show() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["json", "csv", "md"] {
        let path = dir.path().join(format!("intune.{format}"));
        let args = ["export", "--format", format, "--lang", "sv"];
        let run = privcat(&with(&args, &["--output", s(&path)]));
        assert_eq!(run.ok(), "", "{format}: nothing on stdout");
        assert_eq!(run.stderr, "");
        assert_eq!(std::fs::read(&path).unwrap(), privcat(&args).bytes, "{format}");
    }
    let expected = names(&["intune.csv", "intune.json", "intune.md"]);
    assert_eq!(
        folder_names(dir.path()),
        expected,
        "no temporary file left behind"
    );
}

#[test]
fn export_output_replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    std::fs::write(&path, "old content\n".repeat(50_000)).unwrap();
    let args = ["export", "-f", "md", "--category", "aggregated"];
    privcat(&with(&args, &["-o", s(&path)])).ok();
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(!written.contains("old content"));
    assert_eq!(written, privcat(&args).stdout);
    assert_eq!(folder_names(dir.path()), names(&["report.md"]));
}

#[test]
fn export_output_never_overwrites_a_loaded_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = dir.path().join("mine.yaml");
    let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.yaml");
    let original = std::fs::read(minimal).unwrap();
    std::fs::write(&catalog, &original).unwrap();
    let same_file_spelled_otherwise = dir.path().join(".").join("mine.yaml");
    let cases = [
        (s(&catalog), s(&catalog)),
        (s(dir.path()), s(&catalog)),
        (s(&catalog), s(&same_file_spelled_otherwise)),
    ];
    for (load, output) in cases {
        for format in ["json", "csv", "md"] {
            let run = privcat(&["export", "-f", format, "--catalog", load, "--output", output]);
            assert_has(run.fails(2), &["never writes to a catalog"]);
            assert_eq!(
                std::fs::read(&catalog).unwrap(),
                original,
                "the catalog is unchanged"
            );
        }
    }
    assert_eq!(folder_names(dir.path()), names(&["mine.yaml"]));
}

#[test]
fn export_output_to_a_missing_folder_is_an_error_with_exit_2() {
    // The help: "Exit status: 0 success, 1 nothing matched (search, answer), 2 an error."
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("out.json");
    let run = privcat(&["export", "--output", s(&path)]);
    assert_has(&run.stderr, &["cannot write"]);
    assert_eq!(run.code, Some(2), "an error, not \"nothing matched\"");
}

// ---------------------------------------------------------------------------------------------
// catalogs

#[test]
fn catalogs_describes_the_builtin_catalog() {
    let run = privcat(&["catalogs"]);
    let out = run.ok();
    assert!(out.starts_with("intune "), "{out}");
    // Every document, those that list no item of their own too, with its date and address.
    for document in intune_documents() {
        let line = format!(
            "  “{}” (Microsoft Intune, Microsoft), {}, ",
            document.title, document.date
        );
        assert_has(out, &[&line, &format!("  {}\n", document.url)]);
    }
    // The counts: the library's, and per category in the catalog's order.
    let items = intune_items();
    let yaml = intune_yaml();
    let counts: Vec<String> = yaml_ids(&yaml["categories"])
        .iter()
        .map(|c| {
            let n = items.iter().filter(|i| i.category.as_ref() == Some(c)).count();
            format!("{c} {n}")
        })
        .collect();
    let summary = format!("  {} items ({}), ", items.len(), counts.join(", "));
    assert_has(
        out,
        &[
            &summary,
            // The seed page's own counts.
            "(identified 36, pseudonymized 22, aggregated 8, ",
            "languages sv, en",
        ],
    );
}

#[test]
fn catalogs_lists_every_catalog_of_a_folder() {
    let run = privcat(&["catalogs", "--catalog", "tests/fixtures/valid/two-catalogs"]);
    let out = run.ok();
    assert_has(
        out,
        &[
            "vendor-alpha",
            "What Alpha Cloud collects",
            "alpha.yaml",
            "vendor-beta",
            "What Beta Cloud collects",
            "beta.yaml",
        ],
    );
    assert!(
        !out.contains("intune"),
        "the built-in catalog is not loaded: {out}"
    );
    assert_eq!(out.matches("2 items").count(), 2, "{out}");
}

// ---------------------------------------------------------------------------------------------
// completions, man, help, version, usage

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef privcat"),
        ("fish", "complete -c privcat"),
    ] {
        let run = privcat(&["completions", shell]);
        assert_has(run.ok(), &[marker, "answer", "export", "catalog"]);
    }
}

#[test]
fn man_prints_a_roff_page() {
    let run = privcat(&["man"]);
    let out = run.ok();
    assert!(out.to_lowercase().contains(".th privcat"), "{}", &out[..200]);
    assert_has(
        out,
        &[
            ".SH NAME",
            "answer",
            "search",
            "export",
            env!("CARGO_PKG_VERSION"),
        ],
    );
}

const SUBCOMMANDS: [&str; 9] = [
    "search",
    "show",
    "answer",
    "list",
    "export",
    "catalogs",
    "validate",
    "completions",
    "man",
];

#[test]
fn every_command_has_help_with_examples() {
    for sub in SUBCOMMANDS {
        for args in [[sub, "--help"], ["help", sub]] {
            let run = privcat(&args);
            assert_has(run.ok(), &["Examples:", &format!("privcat {sub}")]);
        }
    }
    let run = privcat(&["--help"]);
    assert_has(run.ok(), &["Examples:", "Exit status"]);
    assert_has(&run.stdout, &SUBCOMMANDS);
}

#[test]
fn version_is_the_crate_version() {
    for flag in ["--version", "-V"] {
        let run = privcat(&[flag]);
        assert_eq!(run.ok(), format!("privcat {}\n", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn usage_mistakes_exit_2() {
    for args in [
        &["search"][..],
        &["show"],
        &["answer"],
        &["search", "imei", "--limit", "two"],
        &["list", "--format", "yaml"],
        &["completions", "powershell"],
        &["answer", "imei", "--lang", "de"],
        &["search", "imei", "--color", "sometimes"],
    ] {
        let err = privcat(args).fails(2).to_owned();
        assert!(err.starts_with("error:"), "{args:?}: {err}");
    }
}

// ---------------------------------------------------------------------------------------------
// colour

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let coloured = privcat(&["search", "imei", "--color", "always"]);
    assert!(coloured.ok().contains("\x1b["), "--color always colours");
    let plain = privcat(&["search", "imei"]);
    assert!(!plain.ok().contains('\x1b'), "a pipe gets no colour by default");
    assert_eq!(
        strip_sgr(&coloured.stdout),
        plain.stdout,
        "colour adds nothing else"
    );
    let never = privcat(&["search", "imei", "--color", "never"]);
    assert_eq!(never.ok(), plain.stdout);
    let no_color = privcat_env(&["search", "imei", "--color", "auto"], &[("NO_COLOR", "1")]);
    assert_eq!(no_color.ok(), plain.stdout);
    let explicit = privcat_env(&["search", "imei", "--color", "always"], &[("NO_COLOR", "1")]);
    assert!(
        explicit.ok().contains("\x1b["),
        "--color always wins over NO_COLOR"
    );
    for args in [&["list"][..], &["show", "imei"], &["catalogs"]] {
        let coloured = privcat(&with(args, &["--color", "always"]));
        assert!(coloured.ok().contains("\x1b["), "{args:?}");
        assert_eq!(strip_sgr(&coloured.stdout), privcat(args).stdout, "{args:?}");
    }
}

#[test]
fn machine_formats_are_never_coloured() {
    for args in [
        &["search", "imei", "--format", "json"][..],
        &["show", "imei", "--format", "json"],
        &["list", "--format", "json"],
        &["export", "--format", "csv"],
        &["export", "--format", "md"],
        &["completions", "bash"],
    ] {
        let run = privcat(&with(args, &["--color", "always"]));
        assert!(!run.ok().contains('\x1b'), "{args:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Catalog text that tries to drive the terminal

const EVIL_NAME: &str = "Evil\u{1b}]0;pwned\u{7}name";
const EVIL_TITLE: &str = "Clear\u{1b}[2Jtitle";
const EVIL_DESCRIPTION: &str = "right\u{202e}tfel";
/// What must never reach a terminal raw: the title change, its bell, clear-screen, a bidi override.
const RAW: [&str; 4] = ["\u{1b}]0;", "\u{7}", "\u{1b}[2J", "\u{202e}"];

fn evil_catalog(dir: &Path) -> PathBuf {
    let item = Crafted {
        id: "evil-item",
        name: EVIL_NAME,
        description: Some(EVIL_DESCRIPTION),
    };
    write_catalog(dir, "evil.yaml", EVIL_TITLE, &[item])
}

#[test]
fn json_escapes_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = evil_catalog(dir.path());
    for args in [
        &["search", "evil", "--format", "json"][..],
        &["show", "evil-item", "--format", "json"],
        &["list", "--format", "json"],
        &["export", "--format", "json"],
    ] {
        let run = privcat(&with(args, &["--catalog", s(&catalog)]));
        let out = run.ok();
        assert!(
            !out.contains(['\u{1b}', '\u{7}']),
            "{args:?}: raw control characters"
        );
        // The loader removed the escape sequence's control characters; what is left is inert text.
        assert_has(out, &["Evil]0;pwnedname", "righttfel"]);
        let doc: Value = serde_json::from_str(out).unwrap();
        let item = if doc["id"].is_string() {
            &doc
        } else {
            &doc["items"][0]
        };
        assert_eq!(
            item["name"]["en"], "Evil]0;pwnedname",
            "the printable text survives"
        );
    }
}

/// Runs privcat in a pseudo-terminal (120×40, `TERM=xterm` and `env` only) and returns the exit code
/// and every byte it wrote, standard error included.
fn in_terminal(args: &[&str], env: &[(&str, &str)]) -> (u32, Vec<u8>) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let size = PtySize {
        rows: 40,
        cols: 120,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system().openpty(size).expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_privcat"));
    cmd.args(args);
    cmd.env_clear();
    cmd.env("TERM", "xterm");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    let child = pair.slave.spawn_command(cmd).expect("spawn privcat");
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        // Ends with EIO once no one holds the terminal's side and everything was read.
        while let Ok(n @ 1..) = reader.read(&mut chunk) {
            if send.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    // The terminal's side stays open here until the output has been read: Linux may drop what is
    // still in flight when the last holder of that side closes it.
    let (status, mut bytes) = collect_until_exit(child, &receive, args);
    while let Ok(chunk) = receive.recv_timeout(Duration::from_millis(200)) {
        bytes.extend(chunk);
    }
    drop(pair.slave);
    drop(pair.master);
    (status.exit_code(), bytes)
}

fn collect_until_exit(
    mut child: Box<dyn portable_pty::Child + Send + Sync>,
    receive: &mpsc::Receiver<Vec<u8>>,
    args: &[&str],
) -> (portable_pty::ExitStatus, Vec<u8>) {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut bytes = Vec::new();
    loop {
        while let Ok(chunk) = receive.try_recv() {
            bytes.extend(chunk);
        }
        if let Some(status) = child.try_wait().expect("wait for privcat") {
            return (status, bytes);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("privcat {args:?} did not finish in a terminal");
        }
        if let Ok(chunk) = receive.recv_timeout(Duration::from_millis(5)) {
            bytes.extend(chunk);
        }
    }
}

/// Which of `RAW` occur in `bytes`.
fn raw_sequences(bytes: &[u8]) -> Vec<&'static str> {
    let found = |raw: &&str| bytes.windows(raw.len()).any(|w| w == raw.as_bytes());
    RAW.iter().copied().filter(found).collect()
}

#[test]
fn text_output_on_a_terminal_shows_control_characters_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = evil_catalog(dir.path());
    // The loader removes a catalog's control characters; the user's own input is shown escaped.
    let name = "Evil]0;pwnedname";
    for (args, visible, code) in [
        (&["search", "evil"][..], name, 0),
        (&["show", "evil-item"], name, 0),
        (&["show", "evil-item"], "righttfel", 0),
        (&["answer", "evil"], name, 0),
        (&["list"], name, 0),
        (&["catalogs"], "Clear[2Jtitle", 0),
        // Standard error too: the id is the user's, echoed back.
        (&["show", "evil\u{1b}]0;x\u{7}"], "evil\\u{1b}]0;x\\u{7}", 2),
    ] {
        let args = with(args, &["--catalog", s(&catalog)]);
        let (exit, bytes) = in_terminal(&args, &[]);
        let text = String::from_utf8_lossy(&bytes);
        let obeyed = raw_sequences(&bytes);
        assert!(obeyed.is_empty(), "{args:?} obeyed {obeyed:?}:\n{text:?}");
        assert!(text.contains(visible), "{args:?} shows {visible}:\n{text:?}");
        assert_eq!(exit, code, "{args:?}:\n{text:?}");
    }
}

#[test]
fn messages_echo_what_the_user_typed_with_control_characters_shown() {
    // `show` and `answer` escape the id or query they echo on stderr, wherever stderr goes; an
    // unknown `--category` or `--source` is echoed the same way.
    let typed = "ev\u{1b}]0;x\u{7}il";
    let shown = "ev\\u{1b}]0;x\\u{7}il";
    let mut raw = Vec::new();
    for (args, code) in [
        (vec!["show", typed], 2),
        (vec!["answer", typed], 1),
        (vec!["search", "a", "--category", typed], 2),
        (vec!["list", "--source", typed], 2),
        (vec!["export", "--category", typed], 2),
    ] {
        let run = privcat(&args);
        let err = run.fails(code);
        if err.contains('\u{1b}') || !err.contains(shown) {
            raw.push(format!("{:?}: {err:?}", &args[..args.len() - 1]));
        }
    }
    assert!(raw.is_empty(), "echoed raw: {raw:#?}");
}

#[test]
fn exports_shown_on_a_terminal_do_not_obey_control_characters() {
    // The README: "Text that comes from a catalog is shown with its control characters escaped when it
    // goes to a terminal." `privcat export --format md` without `-o` prints to the terminal.
    let dir = tempfile::tempdir().unwrap();
    let catalog = evil_catalog(dir.path());
    let mut obeyed = Vec::new();
    for format in ["json", "md", "csv"] {
        let args = ["export", "--format", format, "--catalog", s(&catalog)];
        let (exit, bytes) = in_terminal(&args, &[]);
        assert_eq!(exit, 0, "{args:?}");
        assert!(String::from_utf8_lossy(&bytes).contains("pwned"), "{format}");
        // JSON leaves U+202E as it is (it is not a control character); the others must not pass.
        let found = raw_sequences(&bytes).into_iter().filter(|r| *r != "\u{202e}");
        obeyed.extend(found.map(|raw| format!("{format}: {raw:?}")));
    }
    assert!(obeyed.is_empty(), "reached the terminal raw: {obeyed:?}");
}

#[test]
fn csv_and_markdown_on_a_terminal_keep_their_line_ends() {
    // Escaping for the terminal must not turn CSV's CR LF line ends into visible `\u{d}`.
    for format in ["csv", "md"] {
        let args = ["export", "--format", format, "--category", "aggregated"];
        let (exit, bytes) = in_terminal(&args, &[]);
        assert_eq!(exit, 0, "{args:?}");
        let text = String::from_utf8_lossy(&bytes);
        assert_has(&text, &["pending-install-device-count"]);
        assert!(!text.contains("\\u{d}"), "{format} shows its line ends:\n{text}");
    }
}

#[test]
fn a_workbook_is_not_written_to_a_terminal() {
    let (exit, bytes) = in_terminal(&["export", "--format", "ropa", "--as", "xlsx"], &[]);
    assert_eq!(exit, 2);
    let text = String::from_utf8_lossy(&bytes);
    assert_has(
        &text,
        &["a workbook is not text for a terminal", "--output FILE.xlsx"],
    );
    assert!(!text.contains("PK"), "no zip bytes on the screen: {text:?}");
}

#[test]
fn the_terminal_gets_colour_by_default_but_not_with_no_color() {
    let args = ["search", "imei", "--limit", "1"];
    let (exit, bytes) = in_terminal(&args, &[]);
    assert_eq!(exit, 0);
    let text = String::from_utf8_lossy(&bytes);
    assert_has(&text, &["\u{1b}[", "IMEI number"]);
    let (exit, bytes) = in_terminal(&args, &[("NO_COLOR", "1")]);
    assert_eq!(exit, 0);
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        !text.contains('\u{1b}') && text.contains("IMEI number"),
        "{text:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Bad catalogs and closed pipes

#[test]
fn every_command_that_loads_a_catalog_exits_2_on_a_bad_one() {
    let commands: [&[&str]; 10] = [
        &["search", "a"],
        &["show", "serial-number"],
        &["answer", "serial"],
        &["list"],
        &["list", "--format", "json"],
        &["export"],
        &["export", "--format", "csv"],
        &["export", "--format", "md"],
        &["catalogs"],
        &["validate"],
    ];
    for (fixture, at) in [("unknown-group.yaml", "27:12"), ("syntax-error.yaml", "27:7")] {
        let path = format!("tests/fixtures/invalid/{fixture}");
        for command in commands {
            let run = privcat(&with(command, &["--catalog", &path]));
            assert_has(run.fails(2), &[&format!("{path}:{at}: error: ")]);
        }
    }
}

#[test]
fn a_failed_write_is_an_error_with_exit_2() {
    // `/dev/full` fails every write with ENOSPC. Exit 1 would tell a script "nothing matched".
    if !Path::new("/dev/full").exists() {
        return;
    }
    let mut wrong = Vec::new();
    for args in [
        &["answer", "imei"][..],
        &["search", "imei"],
        &["list"],
        &["export"],
    ] {
        let full = std::fs::File::create("/dev/full").unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_privcat"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("LANG")
            .stdout(full)
            .stderr(Stdio::piped())
            .spawn()
            .expect("privcat runs");
        let run = Run::from(child.wait_with_output().unwrap());
        assert!(!run.stderr.is_empty(), "{args:?}: the failure is explained");
        if run.code != Some(2) {
            wrong.push(format!("{args:?}: exit {:?}", run.code));
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn a_closed_pipe_ends_any_command_quietly() {
    // `privcat export | head -1`: the reader goes away; privcat stops without a message or a panic.
    let mut noisy = Vec::new();
    for args in [
        &["search", "a"][..],
        &["show", "imei"],
        &["answer", "imei"],
        &["list"],
        &["catalogs"],
        &["export"],
        &["export", "--format", "md"],
        &["export", "--format", "csv"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["man"],
        &["validate"],
    ] {
        // A pipe whose reading end is closed before privcat starts: its first write fails (EPIPE).
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let child = Command::new(env!("CARGO_BIN_EXE_privcat"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("LANG")
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .expect("privcat runs");
        let run = Run::from(child.wait_with_output().unwrap());
        if run.code != Some(0) || !run.stderr.is_empty() {
            let first = run.stderr.trim().lines().next().unwrap_or_default().to_owned();
            noisy.push(format!("{args:?}: exit {:?}, {first}", run.code));
        }
    }
    assert!(noisy.is_empty(), "{noisy:#?}");
}

#[test]
fn the_category_flag_follows_the_scenario_as_the_explorer_does() {
    let count = |args: &[&str]| -> usize {
        let json = privcat(&with(args, &["--format", "json"])).json();
        json["items"].as_array().unwrap().len()
    };
    assert_eq!(count(&["list", "--category", "identified"]), 36);
    assert_eq!(
        count(&["list", "--category", "identified", "--scenario", "linked=yes"]),
        46,
        "linked device data counts as identified"
    );
}

#[test]
fn a_long_query_is_searched_by_its_first_32_words_and_says_so() {
    // IMEI among the first words, then words that say where the data is, which need not meet.
    let mut words = vec!["imei".to_owned()];
    words.extend((0..39).map(|_| "iphone".to_owned()));
    let query = words.join(" ");
    let run = privcat(&["search", "--limit", "1", "--", &query]);
    assert!(run.ok().starts_with("imei "), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("Only the first 32 words are searched; 8 more were left out"),
        "{}",
        run.stderr
    );
    let swedish = privcat(&["answer", "--lang", "sv", "--", &query]);
    assert!(
        swedish.stderr.contains("Bara de första 32 orden söks; 8 till"),
        "{}",
        swedish.stderr
    );
    let short = privcat(&["search", "--limit", "1", "imei"]);
    assert!(!short.stderr.contains("32"), "{}", short.stderr);
}
