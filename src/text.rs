//! Human text in a catalog: a plain string or one string per language, and the languages privcat speaks.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// The languages of privcat's own interface; catalog texts are looked up by their code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Sv,
}

impl Lang {
    /// Every interface language, in the order Alt-L cycles through them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Sv];

    /// The language code used as a key in catalog texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    /// Parses a code such as `sv`, `en`, `sv_SE.UTF-8` or `en-GB`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        let base = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "en" => Some(Lang::En),
            "sv" => Some(Lang::Sv),
            _ => None,
        }
    }

    /// The start-up language: an explicit choice, else the locale for messages, else English.
    pub fn detect(explicit: Option<Lang>, locale: Option<&str>) -> Lang {
        explicit
            .or_else(|| locale.and_then(Lang::from_code))
            .unwrap_or_default()
    }

    /// The locale that decides the language of messages, in the POSIX order: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty. `env` reads an environment variable.
    pub fn messages_locale(env: impl Fn(&str) -> Option<String>) -> Option<String> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(env)
            .find(|v| !v.is_empty())
    }

    /// The other interface language.
    #[must_use]
    pub fn toggled(self) -> Lang {
        match self {
            Lang::En => Lang::Sv,
            Lang::Sv => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text that is either the same in every language or given per language code.
///
/// The versions are a boxed slice sorted by code rather than a map, and the strings boxed rather
/// than growable: a catalog holds hundreds of thousands of texts with two or three versions each,
/// and a map's nodes would triple their memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Text {
    Plain(Box<str>),
    /// (language code, text), sorted by code, codes unique.
    Localized(Box<[(Box<str>, Box<str>)]>),
}

impl Text {
    /// The text in `lang`, else in English, else in the first language it has.
    pub fn get(&self, lang: Lang) -> &str {
        self.get_code(lang.code())
    }

    /// Like [`Text::get`], by language code.
    pub fn get_code(&self, code: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(versions) => {
                let find = |c: &str| versions.iter().find(|(k, _)| &**k == c).map(|(_, v)| &**v);
                find(code)
                    .or_else(|| find("en"))
                    .or_else(|| versions.first().map(|(_, v)| &**v))
                    .unwrap_or("")
            }
        }
    }

    /// The text exactly in `code`, without falling back to another language.
    pub fn exact(&self, code: &str) -> Option<&str> {
        match self {
            Text::Plain(s) => Some(s),
            Text::Localized(versions) => versions.iter().find(|(k, _)| &**k == code).map(|(_, v)| &**v),
        }
    }

    /// Whether the text has a version for `code` (a plain text has every language).
    pub fn has(&self, code: &str) -> bool {
        self.exact(code).is_some()
    }

    /// Whether every version of the text is blank.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Localized(versions) => versions.iter().all(|(_, s)| s.trim().is_empty()),
        }
    }

    /// The language codes the text is given in; empty for a plain text.
    pub fn codes(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::Localized(versions) => versions.iter().map(|(k, _)| &**k).collect(),
        }
    }

    /// Every version of the text, for searching.
    pub fn versions(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![&**s],
            Text::Localized(versions) => versions.iter().map(|(_, v)| &**v).collect(),
        }
    }

    /// Applies `f` to every version of the text.
    pub fn map_versions(&mut self, mut f: impl FnMut(&mut String)) {
        let mut apply = |boxed: &mut Box<str>| {
            let mut s = String::from(std::mem::take(boxed));
            f(&mut s);
            *boxed = s.into_boxed_str();
        };
        match self {
            Text::Plain(s) => apply(s),
            Text::Localized(versions) => versions.iter_mut().for_each(|(_, v)| apply(v)),
        }
    }

    /// A text given per language code, from (code, text) pairs sorted by code, codes unique.
    fn localized(versions: Vec<(String, String)>) -> Text {
        Text::Localized(
            versions
                .into_iter()
                .map(|(code, text)| (code.into_boxed_str(), text.into_boxed_str()))
                .collect(),
        )
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.into())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(TextVisitor)
        } else {
            Stored::deserialize(deserializer)
        }
    }
}

/// A text as privcat stores it in binary form (the cache): as it serializes.
#[derive(Deserialize)]
#[serde(remote = "Text")]
enum Stored {
    Plain(Box<str>),
    Localized(Box<[(Box<str>, Box<str>)]>),
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text: a string, or a map from language code to string such as {sv: ..., en: ...}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text::Plain(v.into()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text::Plain(v.into_boxed_str()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Text, A::Error> {
        let mut versions: Vec<(String, String)> = Vec::with_capacity(2);
        while let Some((code, text)) = access.next_entry::<String, String>()? {
            if versions.iter().any(|(k, _)| *k == code) {
                return Err(de::Error::custom(format_args!(
                    "the language `{code}` is given twice"
                )));
            }
            versions.push((code, text));
        }
        if versions.is_empty() {
            return Err(de::Error::custom("a text map needs at least one language"));
        }
        versions.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Text::localized(versions))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_from_environment_codes() {
        assert_eq!(Lang::from_code("sv_SE.UTF-8"), Some(Lang::Sv));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("C.UTF-8"), None);
        assert_eq!(Lang::detect(None, Some("sv_SE.UTF-8")), Lang::Sv);
        assert_eq!(Lang::detect(Some(Lang::En), Some("sv_SE")), Lang::En);
        assert_eq!(Lang::detect(None, Some("de_DE")), Lang::En);
    }

    #[test]
    fn the_locale_is_read_in_the_posix_order() {
        let locale = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect();
            let found =
                Lang::messages_locale(|name| vars.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()));
            Lang::detect(None, found.as_deref())
        };
        assert_eq!(locale(&[("LANG", "sv_SE.UTF-8")]), Lang::Sv);
        assert_eq!(
            locale(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "sv_SE.UTF-8")]),
            Lang::Sv
        );
        assert_eq!(
            locale(&[
                ("LANG", "en_US"),
                ("LC_MESSAGES", "en_US"),
                ("LC_ALL", "sv_SE.UTF-8")
            ]),
            Lang::Sv
        );
        assert_eq!(
            locale(&[("LANG", "sv_SE"), ("LC_ALL", "C")]),
            Lang::En,
            "LC_ALL decides"
        );
        assert_eq!(
            locale(&[("LANG", "sv_SE"), ("LC_ALL", "")]),
            Lang::Sv,
            "empty is unset"
        );
        assert_eq!(locale(&[]), Lang::En);
    }

    #[test]
    fn text_falls_back_to_english_then_first() {
        let t: Text = serde_yaml::from_str("{sv: Hej, en: Hello}").unwrap();
        assert_eq!(t.get(Lang::Sv), "Hej");
        assert_eq!(t.get_code("de"), "Hello");
        let only_sv: Text = serde_yaml::from_str("{sv: Hej}").unwrap();
        assert_eq!(only_sv.get(Lang::En), "Hej");
        assert!(!only_sv.has("en"));
        let plain: Text = serde_yaml::from_str("ICCID").unwrap();
        assert_eq!(plain.get(Lang::Sv), "ICCID");
        assert!(plain.has("en"));
    }

    #[test]
    fn text_rejects_lists_with_a_clear_message() {
        let err = serde_yaml::from_str::<Text>("[a, b]").unwrap_err().to_string();
        assert!(err.contains("a string, or a map from language code"), "{err}");
    }
}
