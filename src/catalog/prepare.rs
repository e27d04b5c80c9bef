//! From a file's bytes to the text the YAML parsers read: UTF-8, line ends of any kind, no
//! byte-order mark where it would hide a line's indentation, and escaped surrogate pairs as the
//! one character they stand for.

use std::borrow::Cow;
use std::fmt::Write as _;

use yaml_rust2::scanner::{Scanner, TScalarStyle, Token, TokenType};

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::parse;

/// The text of `bytes`, ready for the parsers, or the sentence that says why there is none.
pub fn text<'b>(name: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>, Diagnostic> {
    let text = parse::decode(name, bytes)?;
    refuse_inner_bom(name, text)?;
    let text = lone_cr_as_lf(text);
    Ok(match surrogate_pairs(&text) {
        Some(joined) => Cow::Owned(joined),
        None => text,
    })
}

const BOM: char = '\u{FEFF}';

/// A byte-order mark at the start of a line (after its indentation) other than the file's first:
/// YAML reads it as text, so the line loses its place in the structure and the parser's message
/// would be about a missing key.
fn refuse_inner_bom(name: &str, text: &str) -> Result<(), Diagnostic> {
    if !text.contains(BOM) {
        return Ok(());
    }
    for (index, line) in text.split(['\n', '\r']).enumerate() {
        let content = line.trim_start_matches([' ', '\t']);
        if content.starts_with(BOM) {
            let column = line.len() - content.len() + 1;
            return Err(Diagnostic::file_error(
                name,
                "an invisible byte-order mark (U+FEFF) starts this line; YAML reads it as text, so the line loses its indentation: remove it",
            )
            .with_position(index + 1, column));
        }
    }
    Ok(())
}

/// `text` with every carriage return that ends a line on its own (old Mac line ends) made a line
/// feed: YAML reads both as a line break, and so line numbers count them for every reader. A
/// carriage return before a line feed stays.
fn lone_cr_as_lf(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |&at: &usize| bytes.get(at + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(|at| lone(&at)) {
        return Cow::Borrowed(text);
    }
    let mut out = bytes.to_vec();
    for at in memchr::memchr_iter(b'\r', bytes).filter(lone) {
        out[at] = b'\n';
    }
    // One ASCII byte replaced by another: still UTF-8.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// Where `text` has `\uD8..`–`\uDF..` escapes: the byte offset of each hex digit `D`.
fn surrogate_escapes(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\\', bytes)
        .filter(|&at| {
            bytes.get(at + 1) == Some(&b'u')
                && matches!(bytes.get(at + 2), Some(b'd' | b'D'))
                && bytes.get(at + 3).is_some_and(|b| b"89abcdefABCDEF".contains(b))
        })
        .map(|at| at + 2)
        .collect()
}

/// `text` with each escaped UTF-16 surrogate pair in a double-quoted scalar (`"\ud83d\ude00"`, as
/// JSON writes characters beyond the first plane) written as the one escape YAML reads (`\U0001F600`);
/// `None` when there is none. Both YAML parsers refuse a surrogate escape, even in a pair. Where
/// the double-quoted scalars are comes from the YAML scanner itself, run on a copy whose surrogate
/// escapes are made private-use ones of the same length; text outside them is never changed.
/// Each pair is two characters shorter, so a later mistake on the same line is reported two
/// columns early per pair.
fn surrogate_pairs(text: &str) -> Option<String> {
    let escapes = surrogate_escapes(text);
    if escapes.is_empty() {
        return None;
    }
    let mut masked = text.as_bytes().to_vec();
    for &at in &escapes {
        masked[at] = b'E';
    }
    let masked = String::from_utf8(masked).ok()?;
    let mut starts = Scanner::new(masked.chars())
        .filter_map(|Token(mark, kind)| match kind {
            TokenType::Scalar(TScalarStyle::DoubleQuoted, _) => Some(mark.index()),
            _ => None,
        })
        .peekable();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut changed = false;
    for (chars, (at, _)) in text.char_indices().enumerate() {
        if starts.peek() != Some(&chars) {
            continue;
        }
        starts.next();
        if at < copied {
            continue;
        }
        out.push_str(&text[copied..at]);
        copied = at + join_pairs(&text[at..], &mut out, &mut changed);
    }
    out.push_str(&text[copied..]);
    changed.then_some(out)
}

/// Copies the double-quoted scalar at the start of `scalar` to `out`, joining surrogate pairs,
/// and returns how many bytes it took.
fn join_pairs(scalar: &str, out: &mut String, changed: &mut bool) -> usize {
    let mut chars = scalar.char_indices();
    if chars.next().map(|(_, c)| c) != Some('"') {
        return 0;
    }
    out.push('"');
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                return at + 1;
            }
            '\\' => {
                if let Some(joined) = pair_at(&scalar[at..]) {
                    let _ = write!(out, "\\U{joined:08X}");
                    *changed = true;
                    for _ in 1..PAIR_LEN {
                        chars.next();
                    }
                } else {
                    out.push('\\');
                    if let Some((_, next)) = chars.next() {
                        out.push(next);
                    }
                }
            }
            c => out.push(c),
        }
    }
    scalar.len()
}

/// `\uXXXX\uXXXX`.
const PAIR_LEN: usize = 12;

/// The code point of the escaped surrogate pair at the start of `text`, if it starts with one.
fn pair_at(text: &str) -> Option<u32> {
    let unit = |from: usize| {
        let escape = text.get(from..from + 6)?;
        let hex = escape.strip_prefix("\\u")?;
        u32::from_str_radix(hex, 16).ok()
    };
    let high = unit(0).filter(|h| (0xD800..0xDC00).contains(h))?;
    let low = unit(6).filter(|l| (0xDC00..0xE000).contains(l))?;
    Some(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_in_a_double_quoted_scalar_becomes_one_escape() {
        assert_eq!(
            surrogate_pairs("a: \"x \\ud83d\\ude00 y\"\n").as_deref(),
            Some("a: \"x \\U0001F600 y\"\n")
        );
        assert_eq!(
            surrogate_pairs("- {en: \"\\uD83C\\uDDF8\\uD83C\\uDDEA\", sv: '\\ud83d\\ude00'}\n").as_deref(),
            Some("- {en: \"\\U0001F1F8\\U0001F1EA\", sv: '\\ud83d\\ude00'}\n")
        );
    }

    #[test]
    fn text_outside_double_quotes_and_lone_halves_are_left_alone() {
        for text in [
            "a: plain \\ud83d\\ude00\n",
            "a: 'single \\ud83d\\ude00'\n",
            "# comment \"\\ud83d\\ude00\"\na: |\n  block \"\\ud83d\\ude00\"\n",
            "a: \"lone \\ud83d only\"\n",
            "a: \"escaped \\\\ud83d\\ude00\"\n",
        ] {
            assert_eq!(surrogate_pairs(text), None, "{text}");
        }
    }

    #[test]
    fn carriage_returns_alone_become_line_feeds() {
        assert_eq!(lone_cr_as_lf("a: 1\rb: 2\r\nc: 3\r"), "a: 1\nb: 2\r\nc: 3\n");
        assert!(matches!(lone_cr_as_lf("a: 1\r\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_byte_order_mark_starting_a_line_is_named_where_it_is() {
        let d = refuse_inner_bom("x.yaml", "a:\n  \u{FEFF}- b\n").unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(3)));
        assert!(d.message.contains("byte-order mark (U+FEFF)"), "{d}");
        assert!(refuse_inner_bom("x.yaml", "a: \"in \u{FEFF} text\"\n").is_ok());
    }
}
