//! catalog/FORMAT.md against the loader: every complete catalog on the page (a fenced YAML block
//! that starts with `format:`) loads without a single warning, and the page shows every kind of fact.

use privcat::catalog::{FactKind, Key, load_texts};

const PAGE: &str = include_str!("../catalog/FORMAT.md");

/// One fenced YAML block of the page: its position among the YAML blocks, and its lines.
struct Block {
    index: usize,
    lines: Vec<String>,
}

impl Block {
    fn text(&self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }

    /// Whether the block is a whole catalog rather than a fragment.
    fn is_catalog(&self) -> bool {
        self.lines
            .first()
            .is_some_and(|l| matches!(l.trim_end(), "format: 1" | "format: 2"))
    }

    /// The block's number and first lines, to name it in a failure.
    fn describe(&self) -> String {
        let head: Vec<&str> = self.lines.iter().take(4).map(String::as_str).collect();
        format!(
            "yaml block {} of FORMAT.md, starting:\n{}",
            self.index,
            head.join("\n")
        )
    }
}

/// Every fenced YAML block of the page, in order, with the fence's indentation removed.
fn yaml_blocks(page: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, Vec<String>)> = None;
    for line in page.lines() {
        let trimmed = line.trim_start();
        match open.take() {
            None => {
                if trimmed.starts_with("```yaml") {
                    open = Some((line.len() - trimmed.len(), Vec::new()));
                }
            }
            Some((_, lines)) if trimmed.trim_end() == "```" => {
                blocks.push(Block {
                    index: blocks.len(),
                    lines,
                });
            }
            Some((indent, mut lines)) => {
                let cut = line
                    .char_indices()
                    .take_while(|&(i, c)| i < indent && c == ' ')
                    .count();
                lines.push(line[cut..].to_owned());
                open = Some((indent, lines));
            }
        }
    }
    assert!(open.is_none(), "FORMAT.md ends inside a ```yaml block");
    blocks
}

#[test]
fn every_complete_catalog_on_the_page_loads_cleanly() {
    let blocks = yaml_blocks(PAGE);
    let catalogs: Vec<&Block> = blocks.iter().filter(|b| b.is_catalog()).collect();
    assert!(
        catalogs.iter().any(|b| b.lines[0].trim_end() == "format: 2"),
        "FORMAT.md has no complete format 2 catalog (a ```yaml block starting with `format: 2`)"
    );
    for block in catalogs {
        let name = format!("FORMAT.md block {}", block.index);
        let report = load_texts(vec![(name, block.text().into_bytes())]);
        let problems: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            problems.is_empty(),
            "{}\nhas problems:\n{}",
            block.describe(),
            problems.join("\n")
        );
        assert!(report.library.is_some(), "{}\ndid not load", block.describe());
    }
}

/// Whether `text` holds `kind: ID` with nothing more of an id after it.
fn names_kind(text: &str, id: &str) -> bool {
    let needle = format!("kind: {id}");
    text.match_indices(&needle).any(|(at, _)| {
        text[at + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    })
}

/// Whether some line of `text` starts (after its indentation or a list dash) with `key:`.
fn has_key(text: &str, key: &str) -> bool {
    let wanted = format!("{key}:");
    text.lines()
        .map(|l| l.trim_start().trim_start_matches("- "))
        .any(|l| l.starts_with(&wanted))
}

#[test]
fn the_page_has_an_example_of_every_kind_of_fact() {
    let blocks: Vec<String> = yaml_blocks(PAGE).iter().map(Block::text).collect();
    for kind in FactKind::ALL {
        let id = kind.id();
        let shown = blocks.iter().any(|b| {
            names_kind(b, id)
                || match kind {
                    FactKind::Condition => has_key(b, "conditions") || has_key(b, "condition"),
                    FactKind::Purpose => has_key(b, "purpose"),
                    _ => false,
                }
        });
        assert!(shown, "FORMAT.md has no ```yaml example with `kind: {id}`");
    }
}

#[test]
fn the_page_names_every_kind_and_every_key() {
    for kind in FactKind::ALL {
        let id = kind.id();
        assert!(
            PAGE.contains(&format!("| `{id}` |")),
            "FORMAT.md has no table row for the kind `{id}`"
        );
    }
    for key in Key::ALL {
        let id = key.id();
        assert!(
            PAGE.contains(&format!("| `{id}` |")),
            "FORMAT.md has no table row for the key `{id}`"
        );
    }
}

#[test]
fn blocks_are_found_and_fragments_are_not_catalogs() {
    let page =
        "text\n```yaml\nformat: 2\nitems: []\n```\n  ```yaml\n  facts:\n    - kind: retention\n  ```\n";
    let blocks = yaml_blocks(page);
    assert_eq!(blocks.len(), 2);
    assert!(blocks[0].is_catalog());
    assert!(!blocks[1].is_catalog());
    assert_eq!(blocks[1].lines, ["facts:", "  - kind: retention"]);
    assert!(names_kind(&blocks[1].text(), "retention"));
    assert!(!names_kind("kind: never-collected", "never"));
    assert!(has_key("  - purpose: x", "purpose"));
}
