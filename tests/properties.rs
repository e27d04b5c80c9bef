//! Invariants over arbitrary input: the loader never panics, sanitised text never holds an unsafe
//! character and cleaning twice changes nothing, escaped output shows no unsafe character, and
//! padding, cutting and wrapping keep to their display width.

use privcat::catalog::load_texts;
use privcat::catalog::sanitize::{clean, is_unsafe};
use privcat::cli::output::visible;
use privcat::width::{fit, pad, wrap};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Modest case counts keep `cargo test` quick; a failing case is shrunk only briefly.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        max_shrink_iters: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of YAML and of catalogs, so random sequences get past the first line of the parser.
const TOKENS: &[&str] = &[
    "format: 1",
    "catalog:",
    "id: x",
    "id: example",
    "title: T",
    "product: P",
    "publisher: Q",
    "languages: [en, sv]",
    "document:",
    "sections:",
    "categories:",
    "groups:",
    "items:",
    "sources:",
    "platforms:",
    "dimensions:",
    "name:",
    "name: {en: A, sv: B}",
    "description: |",
    "when:",
    "{any: [",
    "not:",
    "exhaustive: true",
    "section: s",
    "group: g",
    "category: c",
    "- ",
    "- id: a",
    ": ",
    ", ",
    "{",
    "}",
    "[",
    "]",
    "&a ",
    "*a",
    "&b [*a, *a]",
    "!tag ",
    "!!str ",
    "<<: *a",
    "---",
    "...",
    "%YAML 1.2",
    "? ",
    "|",
    ">-",
    "#",
    "'",
    "\"",
    "\\",
    "\\u202e",
    "\n",
    "\r\n",
    "\t",
    "  ",
    "    ",
    "x",
    "42",
    "~",
    "null",
    "\u{202e}",
    "\u{200b}",
    "\u{1b}[2J",
    "\u{85}",
    "\u{feff}",
    "日本語",
    "😀",
    "é",
];

/// Any string, weighted towards the characters the sanitiser and the width code care about.
fn tricky_string() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        '\t', '\n', '\r', '\u{1b}', '\u{7}', '\u{7f}', '\u{85}', '\u{9b}', '\u{61c}', '\u{200b}', '\u{200f}',
        '\u{202a}', '\u{202e}', '\u{2060}', '\u{2066}', '\u{2069}', '\u{feff}', ' ', 'a', 'é', '日', '語',
        '😀', '\u{301}', '\u{fe0f}', '\u{ad}', '\u{0}',
    ]);
    prop::collection::vec(prop_oneof![3 => tricky, 1 => any::<char>()], 0..64)
        .prop_map(|chars| chars.into_iter().collect())
}

/// Text as it reaches the screen after sanitising: letters and marks of several scripts, wide CJK,
/// fullwidth forms, emoji, spaces, and line breaks where `multiline`, but none of the sequences `width.rs` cannot
/// measure yet (see `width_functions_hold_for_any_string`).
fn display_string(multiline: bool) -> impl Strategy<Value = String> {
    let ranges = prop_oneof![
        4 => prop::char::range(' ', '~'),
        1 => prop::char::range('\u{a0}', '\u{17f}'),
        1 => prop::char::range('\u{300}', '\u{36f}'),
        1 => prop::char::range('\u{400}', '\u{4ff}'),
        1 => prop::char::range('\u{5d0}', '\u{5ea}'),
        1 => prop::char::range('\u{e00}', '\u{e5b}'),
        2 => prop::char::range('\u{3041}', '\u{3096}'),
        2 => prop::char::range('\u{4e00}', '\u{9fff}'),
        1 => prop::char::range('\u{ac00}', '\u{d7a3}'),
        1 => prop::char::range('\u{ff01}', '\u{ff60}'),
        2 => prop::char::range('\u{1f600}', '\u{1f64f}'),
        1 => prop::sample::select(vec!['\n', '…', '\u{200d}', '日', '😀']),
    ];
    prop::collection::vec(ranges, 0..64)
        .prop_map(move |chars| clean(&chars.into_iter().collect::<String>(), multiline).into_owned())
}

fn token_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..80).prop_map(|tokens| tokens.concat())
}

fn load(bytes: Vec<u8>) {
    let report = load_texts(vec![("p.yaml".into(), bytes)]);
    // Either a library or at least one error, never neither.
    assert!(report.library.is_some() || report.error_count() > 0);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_loader_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        load(bytes);
    }

    #[test]
    fn the_loader_never_panics_on_yaml_like_text(text in token_soup()) {
        load(text.into_bytes());
    }

    #[test]
    fn the_loader_never_panics_on_a_catalog_with_noise(
        noise in token_soup(),
        at in any::<prop::sample::Index>(),
    ) {
        let base = include_str!("fixtures/valid/minimal.yaml");
        let mut cut = at.index(base.len() + 1);
        while !base.is_char_boundary(cut) {
            cut -= 1;
        }
        load(format!("{}{noise}{}", &base[..cut], &base[cut..]).into_bytes());
    }

    #[test]
    fn cleaned_text_holds_no_unsafe_character(s in tricky_string()) {
        let single = clean(&s, false);
        prop_assert!(!single.chars().any(is_unsafe), "{single:?}");
        let multi = clean(&s, true);
        prop_assert!(!multi.chars().any(|c| c != '\n' && is_unsafe(c)), "{multi:?}");
    }

    #[test]
    fn cleaning_twice_changes_nothing(s in tricky_string(), multiline in any::<bool>()) {
        let once = clean(&s, multiline).into_owned();
        let twice = clean(&once, multiline);
        prop_assert_eq!(twice.as_ref(), once.as_str());
    }

    #[test]
    fn visible_text_shows_no_unsafe_character_but_line_ends(s in tricky_string()) {
        let shown = visible(&s);
        let mut chars = shown.chars().peekable();
        while let Some(c) = chars.next() {
            let line_end = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
            prop_assert!(line_end || !is_unsafe(c), "{c:?} in {shown:?}");
        }
    }

    #[test]
    fn pad_gives_exactly_the_width(s in display_string(false), width in 0usize..40) {
        let padded = pad(&s, width);
        prop_assert_eq!(padded.width(), width, "{:?}", padded);
    }

    #[test]
    fn fit_never_exceeds_the_width(s in display_string(false), width in 0usize..40) {
        let cut = fit(&s, width);
        prop_assert!(cut.width() <= width, "{cut:?}");
    }

    #[test]
    fn wrapped_lines_never_exceed_the_width(s in display_string(true), width in 2usize..40) {
        for line in wrap(&s, width) {
            prop_assert!(line.width() <= width, "{line:?} in {width}");
        }
    }

    /// `fit`, `pad` and `wrap` add up the widths of single chars, while `UnicodeWidthStr::width`
    /// measures sequences: `❤\u{fe0f}` (emoji presentation) is 2 cells, not 1 + 0, and a control
    /// char is 1 cell to the string but 0 to the char. `pad("❤\u{fe0f}x", 2)` is 3 cells wide.
    #[test]
    fn width_functions_hold_for_any_string(s in tricky_string(), width in 2usize..40) {
        prop_assert_eq!(pad(&s, width).width(), width);
        prop_assert!(fit(&s, width).width() <= width);
        for line in wrap(&s, width) {
            prop_assert!(line.width() <= width, "{line:?} in {width}");
        }
    }
}
