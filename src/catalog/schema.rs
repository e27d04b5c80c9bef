//! The catalog file as written in YAML: plain serde types, checked for unknown keys, nothing resolved.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::scenario::Expr;
use crate::text::Text;

/// One catalog file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// The format version; only 1 exists.
    pub format: Option<u32>,
    pub catalog: Header,
    #[serde(default)]
    pub platforms: Vec<Platform>,
    /// Scenario dimensions that structured conditions refer to.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub categories: Vec<Category>,
    #[serde(default)]
    pub groups: Vec<Group>,
    pub items: Vec<Item>,
}

/// What the catalog is and which document it describes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub id: String,
    pub title: Text,
    pub product: String,
    pub publisher: String,
    pub languages: Vec<String>,
    pub document: Document,
    #[serde(default)]
    pub statements: Vec<Statement>,
}

/// The vendor document the catalog is taken from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub title: Text,
    pub url: Option<String>,
    pub locale: Option<String>,
    /// The document's own date.
    pub date: Option<String>,
    /// The date the text was taken.
    pub retrieved: Option<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// A section of the document, by its anchor.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

/// A sentence of the catalog: a condition, a purpose or a catalog-wide statement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: Text,
    /// The section it is stated in; defaults to the section of what it stands on.
    pub section: Option<String>,
    /// True where the document does not state it and the catalog records it anyway.
    #[serde(default)]
    pub inferred: bool,
    /// The structured form privcat evaluates in a scenario; the text stays the authority.
    pub when: Option<Expr>,
    /// Where `when` holds, the item counts as this category instead (a category id).
    pub treated_as: Option<String>,
}

/// A scenario dimension, such as ownership or platform, and its values.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    pub values: Vec<DimensionValue>,
}

/// One value of a scenario dimension.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionValue {
    pub id: String,
    pub name: Text,
}

/// A platform the document names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    pub name: Text,
}

/// Where data comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub name: Text,
    pub condition: Option<Statement>,
    pub purpose: Option<Statement>,
    pub section: String,
}

/// A category of data such as identified, pseudonymized or aggregated.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: Text,
    pub definition: Option<Text>,
    pub purpose: Option<Statement>,
    #[serde(default)]
    pub conditions: Vec<Statement>,
    /// Whether the document's list of this category's items is complete.
    pub exhaustive: bool,
    /// The document's words on whether the list is complete.
    pub exhaustive_note: Option<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
    pub section: String,
}

/// A headed list of items inside a category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub category: String,
    pub name: Text,
    pub description: Option<Text>,
    #[serde(default)]
    pub conditions: Vec<Statement>,
    pub purpose: Option<Statement>,
    #[serde(default)]
    pub notes: Vec<Text>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    /// Overrides the category's `exhaustive` for this list.
    pub exhaustive: Option<bool>,
    pub exhaustive_note: Option<Text>,
    pub section: Option<String>,
}

/// One field of personal data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    pub group: Option<String>,
    pub category: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    #[serde(default)]
    pub conditions: Vec<Statement>,
    pub purpose: Option<Statement>,
    #[serde(default)]
    pub platforms: Vec<String>,
    #[serde(default)]
    pub notes: Vec<Text>,
    pub section: Option<String>,
    /// Other items that are the same field listed elsewhere in the document.
    #[serde(default)]
    pub also_listed: Vec<String>,
}

/// A reference to a source: `end-user-devices`, or `{id: end-user-devices, inferred: true}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    pub id: String,
    pub inferred: bool,
}

impl<'de> Deserialize<'de> for SourceRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SourceRefVisitor)
    }
}

struct SourceRefVisitor;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRefMap {
    id: String,
    #[serde(default)]
    inferred: bool,
}

impl<'de> Visitor<'de> for SourceRefVisitor {
    type Value = SourceRef;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a source id, or a map {id: ..., inferred: true|false}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<SourceRef, E> {
        Ok(SourceRef {
            id: v.to_owned(),
            inferred: false,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, access: A) -> Result<SourceRef, A::Error> {
        let map = SourceRefMap::deserialize(de::value::MapAccessDeserializer::new(access))?;
        Ok(SourceRef {
            id: map.id,
            inferred: map.inferred,
        })
    }
}
