//! A fact as written in a catalog: its kind, text, citation, basis, structured condition and the keys
//! its kind takes, read by one visitor so every kind shares the same keys and the same messages.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::catalog::condition::Expr;
use crate::catalog::kinds::{Key, ValueType};
use crate::text::Text;

/// One fact: `facts[]`, a `condition`, `conditions[]`, a `purpose` or `catalog.statements[]`.
#[derive(Debug, Clone, Serialize)]
pub struct FactSpec {
    /// The kind as written; `conditions` and `purpose` imply theirs.
    pub kind: Option<String>,
    pub text: Text,
    /// `SECTION` in the home document, or `DOCUMENT#SECTION`.
    pub section: Option<String>,
    /// True where the document does not state it and the catalog records it anyway.
    pub inferred: bool,
    /// The structured form privcat evaluates in a scenario; the text stays the authority.
    pub when: Option<Expr>,
    /// Where `when` holds, the item counts as this category instead (a category id).
    pub treated_as: Option<String>,
    /// The keys of its kind, in the order written.
    pub values: Vec<(Key, Raw)>,
}

/// A key's value as written, before it is checked against its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Raw {
    Text(Text),
    /// An id, a choice or a duration.
    Word(String),
    Flag(bool),
}

impl FactSpec {
    pub fn value(&self, key: Key) -> Option<&Raw> {
        self.values.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// Every key a fact may have, for messages.
const BASE_KEYS: [&str; 6] = ["kind", "text", "section", "inferred", "when", "treated_as"];

fn all_keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        BASE_KEYS
            .iter()
            .copied()
            .chain(Key::ALL.iter().map(|k| k.id()))
            .collect()
    })
}

/// A key of a fact, refused while it is read when no fact has it, so the error points at the key.
struct FactKey;

impl<'de> DeserializeSeed<'de> for FactKey {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for FactKey {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key of a fact")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<String, E> {
        if all_keys().contains(&key) {
            Ok(key.to_owned())
        } else {
            Err(E::unknown_field(key, all_keys()))
        }
    }
}

impl<'de> Deserialize<'de> for FactSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_map(FactVisitor)
        } else {
            Stored::deserialize(deserializer)
        }
    }
}

/// A fact as privcat stores it in binary form (the cache): as it serializes.
#[derive(Deserialize)]
#[serde(remote = "FactSpec")]
struct Stored {
    kind: Option<String>,
    text: Text,
    section: Option<String>,
    inferred: bool,
    when: Option<Expr>,
    treated_as: Option<String>,
    values: Vec<(Key, Raw)>,
}

struct FactVisitor;

impl<'de> Visitor<'de> for FactVisitor {
    type Value = FactSpec;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a fact: a map with `text` and, in `facts`, its `kind`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FactSpec, A::Error> {
        let mut fact = FactSpec {
            kind: None,
            text: Text::Plain(Box::default()),
            section: None,
            inferred: false,
            when: None,
            treated_as: None,
            values: Vec::new(),
        };
        let mut has_text = false;
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key_seed(FactKey)? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
            }
            match key.as_str() {
                "kind" => fact.kind = Some(map.next_value()?),
                "text" => {
                    fact.text = map.next_value()?;
                    has_text = true;
                }
                "section" => fact.section = Some(map.next_value()?),
                "inferred" => fact.inferred = map.next_value()?,
                "when" => fact.when = Some(map.next_value()?),
                "treated_as" => fact.treated_as = Some(map.next_value()?),
                other => {
                    let Some(k) = Key::from_id(other) else {
                        return Err(de::Error::unknown_field(other, all_keys()));
                    };
                    let raw = match k.value_type() {
                        ValueType::Text => Raw::Text(map.next_value()?),
                        ValueType::Flag => Raw::Flag(map.next_value()?),
                        ValueType::Party
                        | ValueType::Subject
                        | ValueType::Choice(_)
                        | ValueType::Duration => Raw::Word(map.next_value()?),
                    };
                    fact.values.push((k, raw));
                }
            }
            seen.push(key);
        }
        if !has_text {
            return Err(de::Error::missing_field("text"));
        }
        Ok(fact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_keys_of_every_kind() {
        let f: FactSpec = serde_yaml::from_str(
            "{kind: shared-with, text: {en: Used to push}, party: apple, service: APNs, field: PushMagic, at_most: true}",
        )
        .unwrap();
        assert_eq!(f.kind.as_deref(), Some("shared-with"));
        assert_eq!(f.value(Key::Party), Some(&Raw::Word("apple".into())));
        assert_eq!(
            f.value(Key::Field),
            Some(&Raw::Text(Text::Plain("PushMagic".into())))
        );
        assert_eq!(f.value(Key::AtMost), Some(&Raw::Flag(true)));
    }

    #[test]
    fn unknown_keys_name_the_known_ones_and_text_is_required() {
        let err = serde_yaml::from_str::<FactSpec>("{text: x, partty: apple}")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `partty`"), "{err}");
        assert!(err.contains("`party`"), "{err}");
        let err = serde_yaml::from_str::<FactSpec>("{kind: purpose}")
            .unwrap_err()
            .to_string();
        assert!(err.contains("missing field `text`"), "{err}");
    }
}
