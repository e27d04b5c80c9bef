//! Large catalogs are parsed a slice of items at a time: the result must be exactly the whole
//! document's, and anything the line-by-line slicing could misread must make it step aside.

#[path = "../examples/generate/catalog.rs"]
#[allow(dead_code)]
mod generator;

use privcat::catalog::schema::CatalogFile;
use privcat::catalog::slices;

fn whole(text: &str) -> CatalogFile {
    serde_yaml::from_str(text).expect("the whole document parses")
}

/// The sliced parse, compared field by field with the whole document's through their debug form.
fn assert_same(text: &str, per_slice: usize) {
    let sliced = slices::parse(text, per_slice).unwrap_or_else(|| panic!("not sliced:\n{text}"));
    assert_eq!(format!("{sliced:#?}"), format!("{:#?}", whole(text)));
}

const BUILTIN: &str = include_str!("../catalog/intune.yaml");

#[test]
fn the_builtin_catalog_in_slices_of_any_size_is_the_whole_catalog() {
    for per_slice in [1, 2, 7, 1000] {
        assert_same(BUILTIN, per_slice);
    }
}

#[test]
fn a_generated_catalog_in_slices_is_the_whole_catalog() {
    let file = generator::catalog_file(1, 2, 3000, 11);
    assert!(file.text.len() > slices::SLICE_FROM / 2, "a sizeable text");
    assert_same(&file.text, 250);
}

/// The built-in catalog's head, with `items` as given.
fn with_items(items: &str) -> String {
    let head = &BUILTIN[..=BUILTIN.find("\nitems:").expect("an items key")];
    format!("{head}{items}")
}

const TWO_ITEMS: &str = "  - id: one\n    name: One\n    group: hardware-inventory\n  - id: two\n    name: Two\n    group: hardware-inventory\n";

#[test]
fn unusual_but_valid_layouts_are_read_as_the_whole_document_reads_them() {
    for items in [
        // Entries at the key's own indentation, comments at the margin, blank lines, CR LF.
        "items:\n- id: one\n  name: One\n  group: hardware-inventory\n\n# more\n- id: two\n  name: Two\n  group: hardware-inventory\n",
        &format!("items:   # the fields\n{TWO_ITEMS}"),
        &format!("items:\r\n{}", TWO_ITEMS.replace('\n', "\r\n")),
        // An entry whose map starts on the next line, and a key after the list.
        "items:\n  -\n    id: one\n    name: One\n    group: hardware-inventory\n  - id: two\n    name: Two\n    group: hardware-inventory\nformat: 1\n",
        // Lines that look like entries inside a block text, more indented than the entries.
        "items:\n  - id: one\n    name: One\n    group: hardware-inventory\n    description: |\n      - not an entry\n      - nor this\n  - id: two\n    name: Two\n    group: hardware-inventory\n",
    ] {
        let mut text = with_items(items);
        if items.ends_with("format: 1\n") {
            // The key moves from the head to after the list.
            text = text.replacen("format: 1\n", "", 1);
        }
        for per_slice in [1, 2] {
            assert_same(&text, per_slice);
        }
    }
}

#[test]
fn what_slicing_could_misread_is_left_to_the_whole_document() {
    let cases = [
        // A quoted text running over lines, one of which looks like an entry.
        (
            "multi-line quote",
            "items:\n  - id: one\n    name: \"One\n  - id: two\"\n    group: hardware-inventory\n",
        ),
        (
            "multi-line single quote",
            "items:\n  - id: one\n    name: 'One\n  - x'\n    group: hardware-inventory\n",
        ),
        // An anchor in one slice used in another.
        (
            "anchor across slices",
            "items:\n  - id: one\n    name: &n One\n    group: hardware-inventory\n  - id: two\n    name: *n\n    group: hardware-inventory\n",
        ),
        (
            "flow list",
            "items: [{id: one, name: One, group: hardware-inventory}]\n",
        ),
        ("anchored list", &format!("items: &all\n{TWO_ITEMS}")),
        ("no entries", "items:\nformat: 1\n"),
        ("second document", &format!("items:\n{TWO_ITEMS}---\nitems: []\n")),
        ("items twice", &format!("items:\n{TWO_ITEMS}items:\n{TWO_ITEMS}")),
        (
            "bad entry",
            "items:\n  - id: one\n    name: One\n    colour: red\n",
        ),
        ("entry that is not a map", "items:\n  - one\n"),
        (
            "misindented line",
            "items:\n  - id: one\n    name: One\n group: x\n",
        ),
    ];
    for (what, items) in cases {
        let text = with_items(items);
        assert!(
            slices::parse(&text, 1).is_none(),
            "{what}: sliced, but should not be"
        );
    }
}

#[test]
fn a_mistake_in_a_large_file_is_reported_as_in_the_whole_file() {
    let file = generator::catalog_file(1, 2, 6000, 3);
    assert!(file.text.len() > slices::SLICE_FROM, "large enough to be sliced");
    let at = file.text.rfind("    name: ").expect("an item name");
    let broken = format!("{}    colour: red\n{}", &file.text[..at], &file.text[at..]);
    let line = broken[..at].lines().count() + 1;
    let report = privcat::catalog::load_texts(vec![("big.yaml".into(), broken.into_bytes())]);
    let error = report.diagnostics.first().expect("an error");
    assert!(report.library.is_none());
    assert_eq!(error.line, Some(line), "{error:?}");
    assert!(error.message.contains("colour"), "{error:?}");
}
