//! Catalog text made safe once, at load: no control, invisible or direction-changing characters reach
//! a screen; tabs become spaces and line breaks are kept only where text may wrap.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::catalog::schema::CatalogFile;
use crate::catalog::walk::{List, Node, Owner, Path, Shape, Visit, walk};
use crate::text::Text;

/// Whether `c` must never reach a terminal: C0 and C1 controls, DEL, and the invisible and
/// bidirectional-override characters (U+061C, U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` without unsafe characters: tabs become a space, `\r\n` and `\r` become `\n` (kept only
/// when `multiline`; otherwise a space), everything else unsafe is removed.
pub fn clean(text: &str, multiline: bool) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if multiline { '\n' } else { ' ' });
            }
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` with every unsafe char shown as `\u{…}`; line ends (`\n`, `\r\n`) stay line ends.
pub fn visible(text: &str) -> Cow<'_, str> {
    let harmful =
        |c: char, next: Option<char>| c != '\n' && !(c == '\r' && next == Some('\n')) && is_unsafe(c);
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any |= harmful(c, chars.peek().copied());
    }
    if !any {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if harmful(c, chars.peek().copied()) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn clean_string(s: &mut String, multiline: bool) -> bool {
    match clean(s, multiline) {
        Cow::Borrowed(_) => false,
        Cow::Owned(cleaned) => {
            *s = cleaned;
            true
        }
    }
}

fn clean_text(t: &mut Text, multiline: bool) -> bool {
    let mut changed = false;
    t.map_versions(|s| changed |= clean_string(s, multiline));
    changed
}

/// Which entries of a file held unsafe characters.
#[derive(Debug, Default, Clone)]
pub struct Altered {
    lists: BTreeMap<List, Vec<bool>>,
}

impl Altered {
    /// Whether the entry at `index` of `list` held unsafe characters.
    pub fn is(&self, list: List, index: usize) -> bool {
        self.lists
            .get(&list)
            .and_then(|flags| flags.get(index))
            .copied()
            .unwrap_or(false)
    }

    fn mark(&mut self, owner: Owner) {
        let flags = self.lists.entry(owner.list).or_default();
        if flags.len() <= owner.index {
            flags.resize(owner.index + 1, false);
        }
        flags[owner.index] = true;
    }

    /// Every altered entry, list by list in file order.
    pub fn owners(&self) -> impl Iterator<Item = Owner> + '_ {
        self.lists.iter().flat_map(|(&list, flags)| {
            flags
                .iter()
                .enumerate()
                .filter(|(_, f)| **f)
                .map(move |(index, _)| Owner {
                    list,
                    index,
                    home: None,
                })
        })
    }
}

impl Visit for Altered {
    fn visit(&mut self, _path: Path<'_>, owner: Owner, node: Node<'_>) {
        let changed = match node {
            Node::Text { text, shape, .. } => clean_text(text, shape == Shape::Paragraph),
            Node::Plain { value, .. } => clean_string(value, false),
            _ => false,
        };
        if changed {
            self.mark(owner);
        }
    }
}

/// Cleans every human text of the file in place and says where something was removed.
pub fn clean_file(file: &mut CatalogFile) -> Altered {
    let mut altered = Altered::default();
    walk(file, &mut altered);
    altered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escapes_and_bidi_and_keeps_line_breaks_where_wanted() {
        assert_eq!(clean("Evil\u{1b}]0;pwned\u{7}name", false), "Evil]0;pwnedname");
        assert_eq!(clean("left\u{202E}right\u{200B}", false), "leftright");
        assert_eq!(clean("a\tb", false), "a b");
        assert_eq!(clean("one\r\ntwo\rthree", true), "one\ntwo\nthree");
        assert_eq!(clean("one\ntwo", false), "one two");
        assert_eq!(clean("\u{feff}BOM\u{85}C1\u{7f}", false), "BOMC1");
        assert!(matches!(clean("plain åäö 日本", false), Cow::Borrowed(_)));
    }

    #[test]
    fn unsafe_characters_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(visible("left\u{202E}right"), "left\\u{202e}right");
        assert_eq!(visible("two\nlines"), "two\nlines");
        assert_eq!(visible("crlf\r\nend\r"), "crlf\r\nend\\u{d}");
        assert!(matches!(visible("plain åäö"), Cow::Borrowed(_)));
    }
}
