//! The catalog file as written in YAML, formats 1 and 2: plain serde types, checked for unknown keys,
//! nothing resolved. Format 1 is format 2 with one document under `catalog.document`.

mod fact;
mod refs;

use serde::{Deserialize, Serialize};

pub use fact::{FactSpec, Raw};
pub use refs::Ref;

use crate::catalog::fides::Mapping;
use crate::text::Text;

/// One catalog file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// The format version: 1 or 2.
    pub format: Option<u32>,
    pub catalog: Header,
    /// The documents the catalog quotes (format 2).
    #[serde(default)]
    pub documents: Vec<Document>,
    /// The people the data is about (format 2).
    #[serde(default)]
    pub subjects: Vec<Declared>,
    /// Who else holds, sends or receives the data (format 2).
    #[serde(default)]
    pub parties: Vec<Declared>,
    #[serde(default)]
    pub platforms: Vec<Platform>,
    /// Scenario dimensions that structured conditions refer to.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub categories: Vec<Category>,
    #[serde(default)]
    pub groups: Vec<Group>,
    pub items: Vec<Item>,
    /// Entries that are the same field of the same person (format 2).
    #[serde(default)]
    pub links: Vec<Link>,
}

impl CatalogFile {
    /// The format version, 1 when not given.
    pub fn version(&self) -> u32 {
        self.format.unwrap_or(1)
    }
}

/// What the catalog is.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub id: String,
    pub title: Text,
    pub product: String,
    pub publisher: String,
    pub languages: Vec<String>,
    /// Drafted by `privcat import` and not yet reviewed.
    #[serde(default)]
    pub draft: bool,
    /// The one document of a format 1 catalog.
    pub document: Option<Document>,
    #[serde(default)]
    pub statements: Vec<FactSpec>,
}

/// A vendor document, in one or more editions (languages).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Required in format 2; a format 1 document takes the catalog's id.
    pub id: Option<String>,
    pub title: Text,
    /// Format 1 only: the document's own address, locale and dates, for its one edition.
    pub url: Option<String>,
    pub locale: Option<String>,
    pub date: Option<String>,
    pub retrieved: Option<String>,
    /// The editions quoted, one per language (format 2).
    #[serde(default)]
    pub editions: Vec<Edition>,
    /// The document this one is a later version of (format 2).
    pub version_of: Option<String>,
    /// Documents whose items this one's facts are about too, such as a page on how long "the data"
    /// is kept about the page that lists the data (format 2).
    #[serde(default)]
    pub about: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Facts about every item the document lists (format 2).
    #[serde(default)]
    pub facts: Vec<FactSpec>,
    /// List items and table rows of the page that are deliberately not entries (format 2).
    #[serde(default)]
    pub not_catalogued: Vec<NotCatalogued>,
}

/// A list item or table row of a page that is not an entry, and why (navigation, a link, an
/// include).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NotCatalogued {
    /// Words of the row, in each edition's language.
    pub text: Text,
    pub why: Text,
}

/// One language's edition of a document, and where its text was taken from.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// A language code of the catalog, such as `sv`.
    pub language: String,
    pub locale: Option<String>,
    pub url: Option<String>,
    /// The page's own date, as the page gives it.
    pub date: Option<String>,
    /// The date the text was taken.
    pub retrieved: Option<String>,
    pub source: Option<Provenance>,
}

/// Where the quoted text comes from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub repository: String,
    pub path: String,
    pub commit: Option<String>,
    /// The date of that commit.
    pub date: Option<String>,
}

/// A section of a document, by its anchor.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

/// A declared data subject or party.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Declared {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    pub section: Option<String>,
    /// The fideslang data subjects it maps to (data subjects only).
    pub fides: Option<Mapping>,
}

/// A scenario dimension, such as ownership or platform, and its values.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    pub values: Vec<DimensionValue>,
}

/// One value of a scenario dimension.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionValue {
    pub id: String,
    pub name: Text,
}

/// A platform the document names.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    pub id: String,
    pub name: Text,
}

/// Where data comes from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub name: Text,
    pub condition: Option<FactSpec>,
    pub purpose: Option<FactSpec>,
    #[serde(default)]
    pub facts: Vec<FactSpec>,
    pub section: String,
}

/// A category of data such as identified, pseudonymized or aggregated.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: Text,
    pub document: Option<String>,
    pub definition: Option<Text>,
    pub purpose: Option<FactSpec>,
    #[serde(default)]
    pub conditions: Vec<FactSpec>,
    #[serde(default)]
    pub facts: Vec<FactSpec>,
    /// Whether the document's list of this category's items is complete.
    pub exhaustive: bool,
    /// The document's words on whether the list is complete.
    pub exhaustive_note: Option<Text>,
    #[serde(default)]
    pub notes: Vec<Text>,
    pub section: String,
    /// The fideslang data categories and uses its items map to.
    pub fides: Option<Mapping>,
}

/// A headed list of items.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    /// Required in format 1.
    pub category: Option<String>,
    pub document: Option<String>,
    pub name: Text,
    pub description: Option<Text>,
    #[serde(default)]
    pub conditions: Vec<FactSpec>,
    pub purpose: Option<Box<FactSpec>>,
    #[serde(default)]
    pub facts: Vec<FactSpec>,
    #[serde(default)]
    pub notes: Vec<Text>,
    #[serde(default)]
    pub sources: Vec<Ref>,
    #[serde(default)]
    pub subjects: Vec<Ref>,
    #[serde(default)]
    pub parties: Vec<Ref>,
    /// Overrides the category's `exhaustive` for this list.
    pub exhaustive: Option<bool>,
    pub exhaustive_note: Option<Text>,
    pub section: Option<String>,
    /// The fideslang data categories and uses its items map to.
    pub fides: Option<Mapping>,
}

/// One field of personal data.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub name: Text,
    pub description: Option<Text>,
    /// Words the catalog adds for search, in any of its languages; never a document's words.
    #[serde(default)]
    pub aliases: Vec<Text>,
    pub group: Option<String>,
    pub category: Option<String>,
    pub document: Option<String>,
    #[serde(default)]
    pub sources: Vec<Ref>,
    #[serde(default)]
    pub subjects: Vec<Ref>,
    #[serde(default)]
    pub parties: Vec<Ref>,
    #[serde(default)]
    pub conditions: Vec<FactSpec>,
    pub purpose: Option<Box<FactSpec>>,
    #[serde(default)]
    pub facts: Vec<FactSpec>,
    #[serde(default)]
    pub platforms: Vec<String>,
    #[serde(default)]
    pub notes: Vec<Text>,
    pub section: Option<String>,
    /// Format 1: other items that are the same field listed elsewhere in the document.
    #[serde(default)]
    pub also_listed: Vec<String>,
    /// The fideslang data categories and uses it maps to.
    pub fides: Option<Mapping>,
}

/// Entries that are the same field of the same person, listed in different places.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub items: Vec<String>,
    /// True where no document says they are the same.
    #[serde(default)]
    pub inferred: bool,
    /// Why they are the same: the document's words or the catalog's reason.
    pub text: Option<Text>,
    /// Where a document says so.
    pub section: Option<String>,
}
