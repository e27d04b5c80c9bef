//! Structured conditions: the form a catalog gives a condition so privcat can judge it in a scenario — one
//! dimension value, a list of values, and `any`/`all`/`not`. Part of the catalog format; `scenario` evaluates it.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A condition's structured form, as written in a catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Expr {
    /// `{ownership: corporate}` or `{platform: [ios-ipados, macos]}`: the dimension has one of the values.
    Is {
        dimension: String,
        values: Vec<String>,
    },
    Any(Vec<Expr>),
    All(Vec<Expr>),
    Not(Box<Expr>),
}

impl Expr {
    /// Every dimension the expression mentions, in order of appearance.
    pub fn dimensions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_dimensions(&mut out);
        out
    }

    fn collect_dimensions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Is { dimension, .. } => {
                if !out.contains(&dimension.as_str()) {
                    out.push(dimension);
                }
            }
            Expr::Any(list) | Expr::All(list) => list.iter().for_each(|e| e.collect_dimensions(out)),
            Expr::Not(e) => e.collect_dimensions(out),
        }
    }
}

impl<'de> Deserialize<'de> for Expr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_map(ExprVisitor)
        } else {
            Stored::deserialize(deserializer)
        }
    }
}

/// An expression as privcat stores it in binary form (the cache): as it serializes.
#[derive(Deserialize)]
#[serde(remote = "Expr")]
enum Stored {
    Is { dimension: String, values: Vec<String> },
    Any(Vec<Expr>),
    All(Vec<Expr>),
    Not(Box<Expr>),
}

struct ExprVisitor;

impl<'de> Visitor<'de> for ExprVisitor {
    type Value = Expr;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a condition map with one key: a dimension id, `any`, `all` or `not`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Expr, A::Error> {
        let Some(key) = map.next_key::<String>()? else {
            return Err(de::Error::custom(
                "an empty condition map; give a dimension, `any`, `all` or `not`",
            ));
        };
        let expr = match key.as_str() {
            "any" => Expr::Any(map.next_value()?),
            "all" => Expr::All(map.next_value()?),
            "not" => Expr::Not(Box::new(map.next_value()?)),
            _ => Expr::Is {
                dimension: key,
                values: map.next_value::<Values>()?.0,
            },
        };
        if let Some(extra) = map.next_key::<String>()? {
            return Err(de::Error::custom(format_args!(
                "a condition map has one key, but `{extra}` follows; combine conditions with `all: [...]` or `any: [...]`"
            )));
        }
        Ok(expr)
    }
}

/// One value or a list of values.
struct Values(Vec<String>);

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValuesVisitor)
    }
}

struct ValuesVisitor;

impl<'de> Visitor<'de> for ValuesVisitor {
    type Value = Values;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value id or a list of value ids")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Values, E> {
        Ok(Values(vec![v.to_owned()]))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Values, E> {
        Err(E::custom(format_args!(
            "`{v}` is a boolean here; write value ids such as `yes` or `on` as they are declared"
        )))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Values, A::Error> {
        let mut values = Vec::new();
        while let Some(v) = seq.next_element::<String>()? {
            values.push(v);
        }
        if values.is_empty() {
            return Err(de::Error::custom("an empty list of values"));
        }
        Ok(Values(values))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        let e: Expr = serde_yaml::from_str("any: [{ownership: corporate}, {compliant-app: on}]").unwrap();
        assert_eq!(e.dimensions(), ["ownership", "compliant-app"]);
        let e: Expr = serde_yaml::from_str("not: {platform: [macos, windows]}").unwrap();
        assert_eq!(
            e,
            Expr::Not(Box::new(Expr::Is {
                dimension: "platform".into(),
                values: vec!["macos".into(), "windows".into()]
            }))
        );
        let e: Expr = serde_yaml::from_str("all: [{enrolled: 'yes'}, {linked: no}]").unwrap();
        assert!(matches!(e, Expr::All(ref v) if v.len() == 2));
    }

    #[test]
    fn rejects_two_keys_and_empty_maps() {
        let err = serde_yaml::from_str::<Expr>("{ownership: corporate, enrolled: 'yes'}")
            .unwrap_err()
            .to_string();
        assert!(err.contains("combine conditions with `all"), "{err}");
        assert!(serde_yaml::from_str::<Expr>("{}").is_err());
    }
}
