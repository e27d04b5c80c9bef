//! Catalog text made safe once, at load: no control, invisible or direction-changing characters reach
//! a screen; tabs become spaces and line breaks are kept only where text may wrap.

use std::borrow::Cow;

use crate::catalog::schema::{CatalogFile, Statement};
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

fn clean_opt(t: Option<&mut Text>, multiline: bool) -> bool {
    t.is_some_and(|t| clean_text(t, multiline))
}

fn clean_statements<'s>(statements: impl IntoIterator<Item = &'s mut Statement>) -> bool {
    statements
        .into_iter()
        .fold(false, |changed, s| clean_text(&mut s.text, true) | changed)
}

/// Which parts of a file held unsafe characters, by index.
#[derive(Debug, Default, Clone)]
pub struct Altered {
    pub catalog: bool,
    pub sources: Vec<bool>,
    pub categories: Vec<bool>,
    pub groups: Vec<bool>,
    pub items: Vec<bool>,
}

/// Cleans every human text of the file in place and says where something was removed.
pub fn clean_file(file: &mut CatalogFile) -> Altered {
    let h = &mut file.catalog;
    let mut catalog = clean_text(&mut h.title, false) | clean_text(&mut h.document.title, false);
    for s in [&mut h.product, &mut h.publisher] {
        catalog |= clean_string(s, false);
    }
    for s in [
        &mut h.document.url,
        &mut h.document.locale,
        &mut h.document.date,
        &mut h.document.retrieved,
    ]
    .into_iter()
    .flatten()
    {
        catalog |= clean_string(s, false);
    }
    for section in &mut h.document.sections {
        catalog |= clean_text(&mut section.title, false);
    }
    catalog |= clean_statements(&mut h.statements);
    for p in &mut file.platforms {
        catalog |= clean_text(&mut p.name, false);
    }
    for d in &mut file.dimensions {
        catalog |= clean_text(&mut d.name, false);
        for v in &mut d.values {
            catalog |= clean_text(&mut v.name, false);
        }
    }
    let sources = file
        .sources
        .iter_mut()
        .map(|s| {
            clean_text(&mut s.name, false)
                | clean_statements(s.condition.iter_mut().chain(s.purpose.iter_mut()))
        })
        .collect();
    let categories = file
        .categories
        .iter_mut()
        .map(|c| {
            clean_text(&mut c.name, false)
                | clean_opt(c.definition.as_mut(), true)
                | clean_opt(c.exhaustive_note.as_mut(), true)
                | clean_statements(c.purpose.iter_mut().chain(c.conditions.iter_mut()))
                | c.notes.iter_mut().fold(false, |a, n| clean_text(n, true) | a)
        })
        .collect();
    let groups = file
        .groups
        .iter_mut()
        .map(|g| {
            clean_text(&mut g.name, false)
                | clean_opt(g.description.as_mut(), true)
                | clean_opt(g.exhaustive_note.as_mut(), true)
                | clean_statements(g.purpose.iter_mut().chain(g.conditions.iter_mut()))
                | g.notes.iter_mut().fold(false, |a, n| clean_text(n, true) | a)
        })
        .collect();
    let items = file
        .items
        .iter_mut()
        .map(|i| {
            clean_text(&mut i.name, false)
                | clean_opt(i.description.as_mut(), true)
                | clean_statements(i.purpose.iter_mut().chain(i.conditions.iter_mut()))
                | i.notes.iter_mut().fold(false, |a, n| clean_text(n, true) | a)
        })
        .collect();
    Altered {
        catalog,
        sources,
        categories,
        groups,
        items,
    }
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
}
