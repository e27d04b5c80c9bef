//! Writing catalog YAML by hand: indented lines, scalars quoted only where YAML needs it, and texts in
//! the two forms catalogs use (`{sv: …, en: …}` on one line, or one line per language).

use std::borrow::Cow;

/// A text in both languages of the generated catalogs.
pub struct Text {
    pub sv: String,
    pub en: String,
}

impl Text {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            sv: sv.into(),
            en: en.into(),
        }
    }
}

/// Texts longer than this (both languages together) are written one language a line.
const FLOW_LIMIT: usize = 90;

/// YAML output, one line at a time.
#[derive(Default)]
pub struct Yaml {
    out: String,
}

impl Yaml {
    pub fn line(&mut self, indent: usize, content: &str) {
        self.out.extend(std::iter::repeat_n(' ', indent));
        self.out.push_str(content);
        self.out.push('\n');
    }

    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `key: VALUE` with the value quoted if needed.
    pub fn pair(&mut self, indent: usize, key: &str, value: &str) {
        self.line(indent, &format!("{key}: {}", scalar(value)));
    }

    /// `key:` and a text; `key` may start with `- ` for the first key of a list element.
    pub fn text(&mut self, indent: usize, key: &str, text: &Text) {
        if text.sv == text.en {
            self.pair(indent, key, &text.en);
        } else if text.sv.len() + text.en.len() <= FLOW_LIMIT {
            self.line(indent, &format!("{key}: {}", flow(text)));
        } else {
            self.line(indent, &format!("{key}:"));
            let inner = indent + if key.starts_with("- ") { 4 } else { 2 };
            self.pair(inner, "sv", &text.sv);
            self.pair(inner, "en", &text.en);
        }
    }

    /// A text as an element of a list (`notes`).
    pub fn text_element(&mut self, indent: usize, text: &Text) {
        if text.sv.len() + text.en.len() <= FLOW_LIMIT {
            self.line(indent, &format!("- {}", flow(text)));
        } else {
            self.pair(indent, "- sv", &text.sv);
            self.pair(indent + 2, "en", &text.en);
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

fn flow(text: &Text) -> String {
    format!("{{sv: {}, en: {}}}", scalar(&text.sv), scalar(&text.en))
}

/// Words YAML reads as booleans or null when left plain.
const RESERVED: &[&str] = &["yes", "no", "on", "off", "true", "false", "null", "y", "n"];

/// `value` as it can stand in block and flow context: plain when that is safe, else double-quoted.
pub fn scalar(value: &str) -> Cow<'_, str> {
    let plain_char = |c: char| c.is_alphanumeric() || " -./()'".contains(c);
    let safe = value.chars().next().is_some_and(char::is_alphabetic)
        && value.chars().all(plain_char)
        && !value.ends_with(' ')
        && !RESERVED.contains(&value.to_ascii_lowercase().as_str());
    if safe {
        Cow::Borrowed(value)
    } else {
        Cow::Owned(format!(
            "\"{}\"",
            value.replace('\\', "\\\\").replace('"', "\\\"")
        ))
    }
}
