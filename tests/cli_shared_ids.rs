//! Items of different catalogs with the same id: `show` and `answer` reach each one by
//! `CATALOG:ID`, refuse to guess when the id alone is given, and lists show the names that work.

#[path = "support/cli.rs"]
mod cli;

use cli::text;

const TWO: &str = "tests/fixtures/valid/two-catalogs";

fn privcat(args: &[&str]) -> std::process::Output {
    let mut all = vec!["-c", TWO];
    all.extend_from_slice(args);
    let out = cli::privcat(&all);
    assert_ne!(out.status.code(), Some(101), "{}", text(&out.stderr));
    out
}

const SEVERAL: &str = "\
privcat: the id `device-name` is used by 2 catalogs; name one as CATALOG:ID:
  vendor-alpha:device-name  Device name (What Alpha Cloud collects)
  vendor-beta:device-name   Device name (What Beta Cloud collects)
";

#[test]
fn show_names_every_catalog_of_a_shared_id_instead_of_taking_the_first() {
    let out = privcat(&["show", "device-name"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(text(&out.stderr), SEVERAL);
}

#[test]
fn answer_names_every_catalog_of_a_shared_id_instead_of_taking_the_first() {
    let out = privcat(&["answer", "device-name"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    assert_eq!(text(&out.stderr), SEVERAL);
}

#[test]
fn show_and_answer_reach_each_catalogs_item_by_its_qualified_id() {
    for catalog in ["vendor-alpha", "vendor-beta"] {
        let qualified = format!("{catalog}:device-name");
        let shown = privcat(&["show", &qualified]);
        assert_eq!(shown.status.code(), Some(0), "{}", text(&shown.stderr));
        assert!(
            text(&shown.stdout).contains(&format!("id: device-name · catalog: {catalog}")),
            "{}",
            text(&shown.stdout)
        );
        let answered = privcat(&["answer", &qualified]);
        assert_eq!(answered.status.code(), Some(0), "{}", text(&answered.stderr));
        let cloud = if catalog == "vendor-alpha" {
            "Alpha Cloud"
        } else {
            "Beta Cloud"
        };
        assert!(
            text(&answered.stdout).contains(cloud),
            "{}",
            text(&answered.stdout)
        );
    }
}

#[test]
fn an_id_only_one_catalog_has_needs_no_qualifier() {
    let out = privcat(&["show", "beta-account-id"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("catalog: vendor-beta"));
    let qualified = privcat(&["show", "vendor-beta:beta-account-id"]);
    assert_eq!(qualified.stdout, out.stdout);
}

#[test]
fn lists_show_shared_ids_qualified_so_they_can_be_passed_back() {
    let listed = text(&privcat(&["list"]).stdout);
    assert!(
        listed.contains("  vendor-alpha:device-name  Device name\n"),
        "{listed}"
    );
    assert!(
        listed.contains("  vendor-beta:device-name   Device name\n"),
        "{listed}"
    );
    assert!(
        listed.contains("  alpha-account-id          Alpha account ID\n"),
        "{listed}"
    );
    let found = text(&privcat(&["search", "device name"]).stdout);
    assert!(
        found.starts_with("vendor-alpha:device-name  Device name"),
        "{found}"
    );
}
