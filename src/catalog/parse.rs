//! From the bytes of one file to a typed catalog, or one clear sentence saying what is wrong and where.

use crate::catalog::diagnostic::{Diagnostic, Severity};
use crate::catalog::schema::CatalogFile;
use crate::catalog::slices;

const FORMAT_HINT: &str = "see catalog/FORMAT.md";

/// Decodes `bytes` as UTF-8 text, naming the first bad byte's position otherwise.
pub fn decode<'b>(name: &str, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::file_error(
            name,
            "the file is UTF-16 text; privcat reads UTF-8 only: save it as UTF-8",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.split(|&b| b == b'\n').count();
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        Diagnostic::file_error(
            name,
            format!(
                "the file is not UTF-8 text (byte 0x{:02X} cannot start a character here); save it as UTF-8",
                bytes[e.valid_up_to()]
            ),
        )
        .with_position(line, column)
    })
}

/// Parses catalog text; errors carry line, column and the path inside the document.
pub fn parse(name: &str, text: &str) -> Result<CatalogFile, Diagnostic> {
    if is_blank_yaml(text) {
        return Err(Diagnostic::file_error(
            name,
            format!("the file is empty; a catalog needs `catalog` and `items` ({FORMAT_HINT})"),
        ));
    }
    if text.len() >= slices::SLICE_FROM
        && let Some(file) = slices::parse(text, slices::ITEMS_PER_SLICE)
    {
        return Ok(file);
    }
    let deserializer = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        // Some errors carry their real place only as "at position N" in the message, with 1:1 as
        // their location: the offset wins.
        let message = inner.to_string();
        let offset = message
            .rsplit_once("at position ")
            .and_then(|(_, n)| n.trim().parse::<usize>().ok());
        let location = offset
            .map(|o| line_column(text, o))
            .or_else(|| inner.location().map(|l| (l.line(), l.column())));
        let message = explain(&path, &strip_location(&inner.to_string(), location));
        let mut d = Diagnostic::at_path(Severity::Error, name, path_or_none(&path), message);
        if d.path.as_deref() == Some("") {
            d.path = None;
        }
        if let Some((line, column)) = location {
            d = d.with_position(line, column);
        }
        d
    })
}

fn path_or_none(path: &str) -> String {
    if path == "." {
        String::new()
    } else {
        path.to_owned()
    }
}

/// Whether the text holds nothing but blank lines, comments and document markers.
fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
}

/// The 1-based line and column (in chars) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut cut = offset.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// `serde_yaml` repeats the position in its message ("... at line L column C, while parsing ..." or
/// "at position N"); the diagnostic shows the position itself.
fn strip_location(message: &str, location: Option<(usize, usize)>) -> String {
    let mut message = message.to_owned();
    if let Some((line, column)) = location {
        message = message.replace(&format!(" at line {line} column {column}"), "");
    }
    if let Some((head, tail)) = message.rsplit_once(" at position ")
        && tail.trim().chars().all(|c| c.is_ascii_digit())
    {
        message = head.to_owned();
    }
    message
}

/// Rewrites the parser's wording where a plainer sentence exists.
fn explain(path: &str, message: &str) -> String {
    let at_root = path == "." || path.is_empty();
    if at_root && message.starts_with("invalid type") {
        return format!(
            "this is not a privcat catalog: the top level must be a map with `catalog` and `items` ({FORMAT_HINT})"
        );
    }
    if at_root && message.starts_with("missing field `catalog`") {
        return format!("this is not a privcat catalog: it has no `catalog:` section ({FORMAT_HINT})");
    }
    let message = strip_parent_path(path, message);
    if message.contains("more than one document") {
        return "the file holds several YAML documents (separated by `---`); a catalog file holds one"
            .to_owned();
    }
    if message.contains("recursion limit exceeded") {
        return "maps and lists nest deeper than privcat reads; a catalog needs about eight levels"
            .to_owned();
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("the key {rest} is given twice");
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (key, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let known: Vec<String> = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        let wanted = key.trim_matches('`');
        if let Some(near) = crate::catalog::validate::closest(wanted, &known) {
            return format!("unknown key {key}; did you mean `{near}`?");
        }
        if at_root_key(path) {
            return format!(
                "this is not a privcat catalog: unknown top-level key {key}; a catalog has `catalog` and `items` ({FORMAT_HINT})"
            );
        }
        return format!("unknown key {key}, expected {expected}");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("missing key {rest}");
    }
    expected_map(message)
}

fn at_root_key(path: &str) -> bool {
    !path.contains(['.', '['])
}

/// `serde_yaml` starts some messages with the parent's path ("catalog: unknown field ...").
fn strip_parent_path<'m>(path: &str, message: &'m str) -> &'m str {
    match message.split_once(": ") {
        Some((prefix, rest)) if !prefix.contains(' ') && path.starts_with(prefix) => rest,
        _ => message,
    }
}

/// "expected struct Header" names a Rust type; the user wrote a YAML map.
fn expected_map(message: &str) -> String {
    match message.find("expected struct ") {
        Some(cut) => format!("{}expected a map of keys", &message[..cut]),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let d = decode("x.yaml", b"a: 1\nbb: \xFF\n").unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(5)));
        assert!(d.message.contains("not UTF-8"), "{}", d.message);
    }

    #[test]
    fn utf8_bom_is_accepted_and_utf16_is_named() {
        assert_eq!(decode("x", b"\xEF\xBB\xBFa: 1").unwrap(), "a: 1");
        let d = decode("x", b"\xFF\xFEa\0").unwrap_err();
        assert!(d.message.contains("UTF-16"));
    }

    #[test]
    fn empty_and_foreign_files_get_one_sentence() {
        assert!(parse("e", "# nothing\n").unwrap_err().message.contains("empty"));
        assert!(
            parse("l", "- a\n- b\n")
                .unwrap_err()
                .message
                .contains("not a privcat catalog")
        );
        assert!(
            parse("m", "name: x\n")
                .unwrap_err()
                .message
                .contains("not a privcat catalog")
        );
        let typo = parse("t", "itmes: []\ncatalog: {}\n").unwrap_err();
        assert!(typo.message.contains("did you mean `items`"), "{}", typo.message);
        let nested = parse("n", "catalog:\n  nmae: y\n").unwrap_err();
        assert_eq!(nested.path.as_deref(), Some("catalog.nmae"));
        assert!(
            nested.message.starts_with("unknown key `nmae`"),
            "{}",
            nested.message
        );
        let typed = parse("s", "catalog: 3\n").unwrap_err();
        assert!(
            typed.message.ends_with("expected a map of keys"),
            "{}",
            typed.message
        );
    }
}
