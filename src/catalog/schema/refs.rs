//! A reference to a declared source, subject or party: `end-user-devices`, or
//! `{id: end-user-devices, inferred: true}` when the document does not say so.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A reference with its basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ref {
    pub id: String,
    pub inferred: bool,
}

impl<'de> Deserialize<'de> for Ref {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(RefVisitor)
        } else {
            let map = RefMap::deserialize(deserializer)?;
            Ok(Ref {
                id: map.id,
                inferred: map.inferred,
            })
        }
    }
}

struct RefVisitor;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RefMap {
    id: String,
    #[serde(default)]
    inferred: bool,
}

impl<'de> Visitor<'de> for RefVisitor {
    type Value = Ref;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an id, or a map {id: ..., inferred: true|false}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Ref, E> {
        Ok(Ref {
            id: v.to_owned(),
            inferred: false,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<Ref, A::Error> {
        let map = RefMap::deserialize(de::value::MapAccessDeserializer::new(access))?;
        Ok(Ref {
            id: map.id,
            inferred: map.inferred,
        })
    }
}
