//! Hostile catalogs: terminal escapes, bidi overrides, alias bombs, deep nesting, oversized and
//! mis-encoded files. Each case has one exact outcome (refused with an error that says where, or
//! loaded with its text sanitised and a warning), finishes within a hang guard, and the real
//! `privcat validate` survives it under a memory limit without panicking.
//!
//! Small cases are committed under `tests/fixtures/hostile/`; large ones are written to a temporary
//! folder at run time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use privcat::catalog::guard::{MAX_DEPTH, MAX_FILE_BYTES};
use privcat::catalog::sanitize::is_unsafe;
use privcat::catalog::{Diagnostic, Item, Report, Severity, load_paths};
use privcat::text::Text;

/// A hang guard, not a speed test (speed belongs in benchmarks): only a loop or an expansion that
/// runs away comes near it. Most cases load in a millisecond; the slowest, nesting 10,000 deep,
/// take about 0.3 s in a release build and up to 2 s in a debug build, where the YAML parser is
/// unoptimised (see `deep_flow_nesting_is_refused_before_the_parser_slows_down`).
const HANG_GUARD: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(10)
} else {
    Duration::from_secs(1)
};

/// The address space `privcat validate` may take: a runaway allocation aborts it, not the machine.
const MEMORY_LIMIT: u64 = 512 * 1024 * 1024;

const FIXTURES: &str = "tests/fixtures/hostile";

/// The minimal valid catalog, the base of the generated cases.
const MINIMAL: &str = include_str!("fixtures/valid/minimal.yaml");

/// A committed fixture, by the relative path a user would type at the crate root.
fn fixture(file: &str) -> PathBuf {
    Path::new(FIXTURES).join(file)
}

/// Loads one file in a child `privcat validate` (under a memory limit, so a runaway allocation kills
/// the child and not the tests), then in this process, checking that neither hangs, panics or dies
/// of a signal and that both report the same problems.
fn load(path: &Path) -> Report {
    let child = run_validate(path);
    let err = String::from_utf8_lossy(&child.stderr);
    let what = path.display();
    assert!(
        child.status.code().is_some(),
        "{what}: validate was killed by a signal: {err}"
    );
    assert_ne!(child.status.code(), Some(101), "{what}: validate panicked: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
    let start = Instant::now();
    let report = load_paths(&[path.to_path_buf()]);
    let took = start.elapsed();
    assert!(took < HANG_GUARD, "{what}: loading took {took:?}");
    let expected = if report.library.is_some() { 0 } else { 2 };
    assert_eq!(child.status.code(), Some(expected), "{what}: {err}");
    for d in &report.diagnostics {
        assert!(
            err.contains(&format!("{d}\n")),
            "{what}: `{d}` missing from: {err}"
        );
    }
    report
}

/// Whether util-linux `prlimit` can run a program under an address-space limit here.
fn prlimit_available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        let works = Command::new("prlimit")
            .args([&format!("--as={MEMORY_LIMIT}"), "--", "true"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !works {
            eprintln!("prlimit is not available: privcat validate runs without a memory limit");
        }
        works
    })
}

/// Runs `privcat validate PATH` from the crate root, under `prlimit` when it is installed.
fn run_validate(path: &Path) -> Output {
    let privcat = env!("CARGO_BIN_EXE_privcat");
    let mut command = if prlimit_available() {
        let mut c = Command::new("prlimit");
        c.arg(format!("--as={MEMORY_LIMIT}")).arg("--").arg(privcat);
        c
    } else {
        Command::new(privcat)
    };
    command
        .arg("validate")
        .arg(path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LANG")
        .output()
        .expect("privcat runs")
}

/// Checks that the report refuses the file with exactly one error, and returns it.
fn assert_refused(report: &Report, path: &Path, at: Option<(usize, usize)>, phrase: &str) -> Diagnostic {
    assert!(report.library.is_none(), "{} must not load", path.display());
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = report.diagnostics[0].clone();
    assert_eq!(d.severity, Severity::Error, "{d}");
    assert_eq!(d.file, path.display().to_string(), "{d}");
    assert_eq!(d.line.zip(d.column), at, "{d}");
    assert!(d.message.contains(phrase), "`{phrase}` not in: {d}");
    d
}

/// Checks that the file loaded with item `index` sanitised, flagged as altered and warned about
/// once, at `at`, and no other item flagged; returns the item.
fn assert_sanitised<'r>(report: &'r Report, path: &Path, index: usize, at: (usize, usize)) -> &'r Item {
    let library = report.library.as_ref().expect("the catalog loads");
    let item = &library.items[index];
    for other in library.items.iter().filter(|i| i.id != item.id) {
        assert!(!other.altered, "only `{}` was altered", item.id);
    }
    assert!(item.altered, "`{}` is flagged as altered", item.id);
    assert_safe(&item.name, false);
    if let Some(description) = &item.description {
        assert_safe(description, true);
    }
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, Severity::Warning, "{d}");
    assert_eq!(d.file, path.display().to_string(), "{d}");
    assert_eq!(d.path.as_deref(), Some(format!("items[{index}]").as_str()), "{d}");
    assert_eq!(d.line.zip(d.column), Some(at), "{d}");
    assert!(d.message.contains(&format!("item `{}`", item.id)), "{d}");
    assert!(d.message.contains("privcat removed them"), "{d}");
    item
}

/// No unsafe character in any version of `text`, except line breaks where it may wrap.
fn assert_safe(text: &Text, multiline: bool) {
    for version in text.versions() {
        let bad = version
            .chars()
            .find(|&c| is_unsafe(c) && !(multiline && c == '\n'));
        assert_eq!(bad, None, "{version:?}");
    }
}

fn temp_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the temporary file is written");
    path
}

// Sanitised at load.

#[test]
fn escape_sequences_in_an_item_name_are_removed() {
    let path = fixture("escape-sequences.yaml");
    let report = load(&path);
    let item = assert_sanitised(&report, &path, 0, (44, 5));
    assert_eq!(item.name.exact("en"), Some("Device]0;pwned name[2J[H"));
    assert_eq!(item.name.exact("sv"), Some("Enhets31mnamn"));
}

#[test]
fn an_id_with_escape_sequences_is_refused_and_quoted_escaped() {
    let path = fixture("escape-in-id.yaml");
    let out = run_validate(&path);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains(r"duplicate item id `item-5\u{1b}]0;PWNED\u{7}\u{1b}[2J`"),
        "{stderr}"
    );
}

#[test]
fn bidi_overrides_and_zero_width_characters_in_a_description_are_removed() {
    let path = fixture("bidi-zero-width.yaml");
    let report = load(&path);
    let item = assert_sanitised(&report, &path, 1, (47, 5));
    let description = item.description.as_ref().expect("a description");
    assert_eq!(
        description.exact("en"),
        Some("Kept for  syad 03, then deleted for good.")
    );
    assert_eq!(description.exact("sv"), Some("Sparas i  03 dagar."));
}

#[test]
fn tabs_and_crlf_become_spaces_and_line_breaks() {
    let path = fixture("tabs-crlf.yaml");
    let report = load(&path);
    let item = assert_sanitised(&report, &path, 1, (47, 5));
    assert_eq!(item.name.exact("en"), Some("Serial number"));
    let description = item.description.as_ref().expect("a description");
    assert_eq!(
        description.exact("en"),
        Some("First line\nsecond line\nthird line")
    );
    // The file's own CRLF line ends reach a block text as plain line breaks.
    assert_eq!(description.exact("sv"), Some("Första raden\nandra raden\n"));
}

// Loaded as they are.

#[test]
fn utf8_with_a_byte_order_mark_loads() {
    let report = load(&fixture("utf8-bom.yaml"));
    let library = report.library.as_ref().expect("the catalog loads");
    assert_eq!(report.diagnostics, []);
    assert_eq!(library.catalogs[0].id, "example");
    assert_eq!(library.items.len(), 2);
}

#[test]
fn a_huge_scalar_within_the_limit_loads() {
    let dir = tempfile::tempdir().unwrap();
    let words = "lorem ipsum dolor sit amet ".repeat(4 * 1024 * 1024 / 27);
    let text = MINIMAL.replace(
        "    name: {en: Serial number, sv: Serienummer}",
        &format!("    name: {{en: Serial number, sv: Serienummer}}\n    description: \"{words}\""),
    );
    let path = temp_file(&dir, "huge-scalar.yaml", text.as_bytes());
    let report = load(&path);
    assert_eq!(report.diagnostics, []);
    let library = report.library.as_ref().expect("the catalog loads");
    let description = library.items[1].description.as_ref().expect("a description");
    assert_eq!(description.exact("en"), Some(words.as_str()));
}

#[test]
fn old_mac_line_ends_load_as_line_breaks() {
    let path = fixture("cr-line-ends.yaml");
    let report = load(&path);
    assert_eq!(report.diagnostics, []);
    let library = report.library.as_ref().expect("the catalog loads");
    assert_eq!(library.catalogs[0].id, "example");
    let ids: Vec<&str> = library.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["device-name", "serial-number"]);
}

#[test]
fn a_mistake_in_a_file_with_old_mac_line_ends_is_placed_on_its_line() {
    let path = fixture("cr-line-ends-with-a-typo.yaml");
    let d = assert_refused(&load(&path), &path, Some((7, 3)), "unknown key `prodcut`");
    assert!(d.message.contains("did you mean `product`?"), "{d}");
}

#[test]
fn an_escaped_surrogate_pair_loads_as_its_character() {
    let path = fixture("surrogate-pair.yaml");
    let report = load(&path);
    assert_eq!(report.diagnostics, []);
    let library = report.library.as_ref().expect("the catalog loads");
    assert_eq!(library.items[0].name.exact("en"), Some("Device 😀 name"));
    assert_eq!(library.items[0].name.exact("sv"), Some("Enhetsnamn 🇸🇪"));
}

// Refused, with the file and where.

#[test]
fn raw_control_bytes_are_refused_by_yaml() {
    let path = fixture("raw-control-bytes.yaml");
    // serde_yaml gives reader errors the position 1:1 and says where only in its message
    // ("at position 1166"): the loader takes the place from the message.
    assert_refused(
        &load(&path),
        &path,
        Some((46, 23)),
        "control characters are not allowed",
    );
}

#[test]
fn billion_laughs_is_refused_at_the_alias() {
    let path = fixture("billion-laughs.yaml");
    assert_refused(&load(&path), &path, Some((8, 16)), "aliases here would expand");
}

#[test]
fn an_alias_bomb_on_a_large_scalar_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let scalar = "x".repeat(64 * 1024);
    let mut text = format!("big: &big {scalar}\nbomb: [");
    while text.len() < 1024 * 1024 {
        text.push_str("*big, ");
    }
    text.push_str("*big]\n");
    let path = temp_file(&dir, "alias-bomb.yaml", text.as_bytes());
    // The 2,047th alias takes the text past 128 MiB: 3 + 4 + 2,048 × 64 KiB bytes.
    let column = "bomb: [".len() + 1 + "*big, ".len() * 2046;
    assert_refused(
        &load(&path),
        &path,
        Some((2, column)),
        "aliases here would expand",
    );
}

/// The minimal catalog with a `when` on its source's condition.
fn with_condition(when: &str) -> String {
    let text = "      text: {en: while they are enrolled, sv: medan de är registrerade}\n";
    assert!(MINIMAL.contains(text));
    MINIMAL.replace(text, &format!("{text}      when: {when}\n"))
}

#[test]
fn ten_thousand_nested_lists_at_the_top_are_refused_before_the_parser() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let path = temp_file(&dir, "deep-lists.yaml", text.as_bytes());
    // The pre-pass's reader stops at 256 open brackets, where it reports the place.
    assert_refused(&load(&path), &path, Some((1, 256)), "nest deeper than 64 levels");
}

#[test]
fn ten_thousand_nested_maps_at_the_top_are_refused_before_the_parser() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}x{}", "{a: ".repeat(10_000), "}".repeat(10_000));
    let path = temp_file(&dir, "deep-maps.yaml", text.as_bytes());
    assert_refused(&load(&path), &path, Some((1, 1021)), "nest deeper than 64 levels");
}

#[test]
fn ten_thousand_nested_conditions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // `when` is the one recursive part of a catalog, so the parser descends into it. Each
    // `{any: [` opens two levels: 5,000 of them nest 10,000 deep.
    let lists = with_condition(&format!(
        "{}{{a: b}}{}",
        "{any: [".repeat(5_000),
        "]}".repeat(5_000)
    ));
    let maps = with_condition(&format!(
        "{}{{a: b}}{}",
        "{not: ".repeat(10_000),
        "}".repeat(10_000)
    ));
    // Lists: the pre-pass's reader stops at 256 levels and reports that place; maps: the pre-pass
    // itself stops at 64.
    for (name, text, column) in [("deep-any.yaml", lists, 908), ("deep-not.yaml", maps, 373)] {
        let path = temp_file(&dir, name, text.as_bytes());
        let phrase = "maps and lists nest deeper than 64 levels";
        assert_refused(&load(&path), &path, Some((26, column)), phrase);
    }
}

#[test]
fn deep_nesting_is_refused_by_the_pre_pass_when_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    // An `&` anywhere, even in a comment, sends the text through the structure check first.
    let text = format!(
        "# &\n{}",
        with_condition(&format!("{}{{a: b}}{}", "{not: ".repeat(100), "}".repeat(100)))
    );
    let path = temp_file(&dir, "deep-not-checked.yaml", text.as_bytes());
    let phrase = format!("nest deeper than {MAX_DEPTH} levels");
    assert_refused(&load(&path), &path, Some((27, 373)), &phrase);
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("over-the-limit.yaml");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: a gigabyte on paper, nothing on disk; the loader reads only one byte past the limit
    // (and so calls the file 64.0 MiB: only the limit is asserted).
    file.set_len(1024 * 1024 * 1024).unwrap();
    drop(file);
    let limit = format!("at most {} MiB", MAX_FILE_BYTES / (1024 * 1024));
    assert_refused(&load(&path), &path, None, &limit);
}

#[test]
fn invalid_utf8_is_refused_at_the_byte() {
    let path = fixture("invalid-utf8.yaml");
    assert_refused(&load(&path), &path, Some((46, 39)), "the file is not UTF-8 text");
}

#[test]
fn utf16_is_refused_with_a_sentence() {
    let path = fixture("utf16-le-bom.yaml");
    let d = assert_refused(&load(&path), &path, None, "the file is UTF-16 text");
    assert!(d.message.ends_with("save it as UTF-8"), "{d}");
}

#[test]
fn a_byte_order_mark_at_the_start_of_an_item_line_is_named() {
    let path = fixture("bom-item-line.yaml");
    let d = assert_refused(
        &load(&path),
        &path,
        Some((46, 1)),
        "an invisible byte-order mark (U+FEFF) starts this line",
    );
    assert!(d.message.ends_with("remove it"), "{d}");
}

#[test]
fn a_language_code_that_is_no_language_tag_is_refused_and_never_printed_raw() {
    let path = fixture("language-escape.yaml");
    let d = assert_refused(&load(&path), &path, Some((9, 19)), "is not a language tag");
    assert_eq!(d.path.as_deref(), Some("catalog.languages[1]"));
    let catalogs = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(["catalogs", "-c"])
        .arg(&path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("privcat runs");
    assert_eq!(catalogs.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&catalogs.stderr);
    assert!(
        stderr.contains("`sv\\u{1b}[2J` is not a language tag"),
        "{stderr}"
    );
    assert!(
        !catalogs.stdout.contains(&0x1b) && !catalogs.stderr.contains(&0x1b),
        "{stderr}"
    );
}

#[test]
fn a_key_given_twice_in_an_item_is_refused() {
    let path = fixture("duplicate-key.yaml");
    // serde reports a repeated field at the map that holds it: the item, not the second `name`.
    let d = assert_refused(
        &load(&path),
        &path,
        Some((47, 5)),
        "the key `name` is given twice",
    );
    assert_eq!(d.path.as_deref(), Some("items[1]"));
}

#[test]
fn a_language_given_twice_in_a_text_is_refused() {
    let path = fixture("duplicate-language.yaml");
    let d = assert_refused(
        &load(&path),
        &path,
        Some((49, 11)),
        "the language `en` is given twice",
    );
    assert_eq!(d.path.as_deref(), Some("items[1].name"));
}

#[test]
fn a_yaml_tag_is_refused() {
    let path = fixture("yaml-tag.yaml");
    assert_refused(&load(&path), &path, Some((49, 20)), "YAML tags such as");
}

#[test]
fn several_documents_are_refused() {
    let path = fixture("several-documents.yaml");
    assert_refused(&load(&path), &path, None, "several YAML documents");
}

#[test]
fn several_documents_are_refused_at_the_marker_by_the_pre_pass() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = format!("# &\n{MINIMAL}");
    let line = text.lines().count() + 1;
    text.push_str("---\nformat: 1\n");
    let path = temp_file(&dir, "several-documents-checked.yaml", text.as_bytes());
    assert_refused(&load(&path), &path, Some((line, 1)), "several YAML documents");
}

// Regressions: bugs found here, not yet fixed in src/.

/// The structure check stops without a word at the first event `yaml_rust2` cannot read, and
/// `yaml_rust2` gives up on flow nesting 256 deep while scanning ahead, before it reports the
/// events on the same line. Aliases there go uncounted to `serde_yaml`, which copies the aliased
/// text once per alias: this 4 MiB file takes about 700 MiB before the deep list is refused.
#[test]
fn aliases_hidden_by_a_nesting_the_pre_pass_cannot_read_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = "x".repeat(4 * 1024 * 1024);
    let aliases = vec!["*b"; 180].join(", ");
    let deep = format!("{}{}", "[".repeat(256), "]".repeat(256));
    let text = MINIMAL
        .replace(
            "    name: {en: Device name, sv: Enhetsnamn}\n",
            &format!("    name: {{en: Device name, sv: Enhetsnamn}}\n    description: &b {big}\n"),
        )
        .replace(
            "  - id: serial-number\n    group: hardware\n    name: {en: Serial number, sv: Serienummer}\n    platforms: [windows]\n",
            &format!("  - {{id: serial-number, group: hardware, name: Serial, notes: [{aliases}], description: {deep}}}\n"),
        );
    let path = temp_file(&dir, "hidden-aliases.yaml", text.as_bytes());
    let report = load(&path);
    assert!(report.library.is_none());
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(report.diagnostics[0].line, Some(47), "{}", report.diagnostics[0]);
}

/// The structure check runs only on text with `&`, `*` or `!`, so plain flow nesting goes straight
/// to `serde_yaml`, whose parser (libyaml) rechecks every open flow collection at each token:
/// time grows with the square of the depth. 20,000 `{any: [` (a 180 KB file) take about 5 s in a
/// release build, and twice as deep takes four times as long; a 1 MB file takes many minutes.
#[test]
fn deep_flow_nesting_is_refused_before_the_parser_slows_down() {
    let dir = tempfile::tempdir().unwrap();
    let text = with_condition(&format!(
        "{}{{a: b}}{}",
        "{any: [".repeat(20_000),
        "]}".repeat(20_000)
    ));
    let path = temp_file(&dir, "deep-any-slow.yaml", text.as_bytes());
    let report = load(&path);
    assert!(report.library.is_none());
    assert_eq!(report.diagnostics.len(), 1, "{:#?}", report.diagnostics);
    assert!(
        report.diagnostics[0].message.contains("nest deeper"),
        "{}",
        report.diagnostics[0]
    );
}
