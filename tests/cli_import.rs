//! `privcat import`: every page of the library drafts a catalog that `privcat validate` accepts,
//! with one item per list item and table row, the same shape in every edition, and bad pages get a
//! sentence naming the file.

#[path = "support/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};

use privcat::catalog::{Severity, load_texts};

use cli::{privcat, text};

fn sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/sources/intune")
}

/// The page's list items and table body rows, counted from its source lines: a line that starts
/// a list item (`-`, `*` or `+` and a space or tab, or `1.`, after indentation), and a table line that is neither the
/// header (the line before a delimiter row) nor the delimiter row. Lines inside HTML comments and
/// the front matter do not count.
fn rows_in(markdown: &str) -> usize {
    let body = markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(markdown, |(_, body)| body);
    let lines: Vec<&str> = body.lines().collect();
    let delimiter = |l: &str| {
        let t = l.trim();
        t.starts_with('|') && t.contains("---") && t.chars().all(|c| "|-: ".contains(c))
    };
    let mut count = 0;
    let mut in_comment = false;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        if in_comment {
            in_comment = !line.contains("-->");
            continue;
        }
        if t.starts_with("<!--") {
            in_comment = !t.contains("-->");
            continue;
        }
        let mut chars = t.chars();
        let bullet =
            matches!(chars.next(), Some('-' | '*' | '+')) && chars.next().is_some_and(char::is_whitespace);
        let numbered = t
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let table_row =
            t.starts_with('|') && !delimiter(line) && !lines.get(i + 1).is_some_and(|next| delimiter(next));
        if bullet || numbered || table_row {
            count += 1;
        }
    }
    count
}

/// The draft of `page`, checked by the loader: no errors, and its item ids with their group,
/// section and number of facts (the shape, free of the page's words).
fn draft(page: &Path) -> (usize, Vec<(String, String, String, usize)>) {
    let run = privcat(&["import", page.to_str().unwrap()]);
    let code = run.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "{}: {}",
        page.display(),
        text(&run.stderr)
    );
    let report = load_texts(vec![("draft.yaml".into(), run.stdout.clone())]);
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{}: {errors:#?}", page.display());
    let yaml: serde_yaml::Value = serde_yaml::from_slice(&run.stdout).unwrap();
    assert_eq!(yaml["catalog"]["draft"], true, "marked as a draft");
    let shape = yaml["items"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|i| {
            let field = |k: &str| i[k].as_str().unwrap_or_default().to_owned();
            let facts = i["facts"].as_sequence().map_or(0, Vec::len);
            (field("id"), field("group"), field("section"), facts)
        })
        .collect::<Vec<_>>();
    (shape.len(), shape)
}

#[test]
fn every_page_drafts_a_valid_catalog_with_an_item_per_row_and_one_shape_per_page() {
    let mut checked = 0;
    for file in std::fs::read_dir(sources().join("sv-SE")).unwrap() {
        let sv = file.unwrap().path();
        let en = sources().join("en-US").join(sv.file_name().unwrap());
        let (sv_items, sv_shape) = draft(&sv);
        let (en_items, en_shape) = draft(&en);
        let expected = rows_in(&std::fs::read_to_string(&sv).unwrap());
        assert_eq!(sv_items, expected, "{}", sv.display());
        assert_eq!(
            en_items,
            rows_in(&std::fs::read_to_string(&en).unwrap()),
            "{}",
            en.display()
        );
        if sv.ends_with("privacy-data-audit-export-delete.md") {
            // The English page has a section on hybrid MDM the Swedish translation lacks (the
            // library records its rows as English-only): the rest is one shape.
            assert_eq!(en_items, sv_items + 3);
            assert_eq!(en_shape[..sv_items], sv_shape[..], "{}", sv.display());
        } else {
            assert_eq!(
                sv_shape,
                en_shape,
                "the editions of {} draft one shape",
                sv.display()
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 16);
    let later = sources().join("en-US-2023/privacy-data-collect.md");
    let (items, _) = draft(&later);
    assert_eq!(items, rows_in(&std::fs::read_to_string(&later).unwrap()));
}

#[test]
fn the_draft_quotes_the_page_with_sections_groups_and_table_columns() {
    let page = sources().join("sv-SE/data-intune-sends-to-apple.md");
    let yaml: serde_yaml::Value =
        serde_yaml::from_slice(&privcat(&["import", page.to_str().unwrap()]).stdout).unwrap();
    let doc = &yaml["documents"][0];
    assert_eq!(doc["editions"][0]["locale"], "sv-SE");
    assert_eq!(doc["title"]["sv"], "Data som Intune skickar till Apple");
    // A table row: its first cell names the item, the others are statements under their column.
    let items = yaml["items"].as_sequence().unwrap();
    let row = items
        .iter()
        .find(|i| i["facts"].as_sequence().is_some_and(|f| f.len() >= 2))
        .expect("a table row with columns");
    assert_eq!(row["facts"][0]["kind"], "statement");
    assert!(row["facts"][0]["column"]["sv"].is_string(), "{row:?}");
    // The seed page's nested list: "Användarinformation" is a group, its children items in it.
    let seed = sources().join("sv-SE/privacy-data-collect.md");
    let yaml: serde_yaml::Value =
        serde_yaml::from_slice(&privcat(&["import", seed.to_str().unwrap()]).stdout).unwrap();
    let group = yaml["groups"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|g| g["name"]["sv"] == "Användarinformation")
        .expect("the group");
    let members: Vec<&str> = yaml["items"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|i| i["group"] == group["id"])
        .map(|i| i["name"]["sv"].as_str().unwrap())
        .collect();
    assert!(
        members.contains(&"Användarens huvudnamn eller e-postadress"),
        "{members:?}"
    );
    assert_eq!(group["section"], "section-2", "under the page's second heading");
}

#[test]
fn what_an_html_comment_holds_is_not_content() {
    // The Jamf page's field list stands inside an HTML comment that readers never see.
    let page = sources().join("en-US/data-jamf-sends-to-intune.md");
    let markdown = std::fs::read_to_string(&page).unwrap();
    assert!(markdown.contains("<!--"));
    let run = privcat(&["import", page.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).ends_with(
            "data-jamf-sends-to-intune.md: the page has no list item or table row, so the draft has its sections and no items\n"
        ),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn a_page_that_gives_no_draft_is_explained_with_its_file_and_place() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "\n  \n").unwrap();
    let run = privcat(&["import", empty.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        text(&run.stderr),
        format!("privcat: {}: the page is empty\n", empty.display())
    );
    assert!(run.stdout.is_empty());

    let binary = dir.path().join("binary.md");
    std::fs::write(&binary, b"# Title\n\nok \xff\xfe\n").unwrap();
    let run = privcat(&["import", binary.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        text(&run.stderr),
        format!(
            "privcat: {}:3:4: not a Markdown page: the bytes here are not UTF-8 text\n",
            binary.display()
        )
    );

    // Writing over the page it reads is refused; a draft goes through a temporary file.
    let page = dir.path().join("page.md");
    std::fs::write(&page, "# T\n\n- a\n").unwrap();
    let run = privcat(&["import", page.to_str().unwrap(), "-o", page.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "# T\n\n- a\n");
    let out = dir.path().join("draft.yaml");
    let run = privcat(&["import", page.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let check = privcat(&["validate", out.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(text(&check.stderr).contains("a draft made by `privcat import`"));
}
