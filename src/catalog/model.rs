//! The loaded catalogs: every item with its effective sources, conditions and purposes, and where each came from.

use crate::catalog::schema::{Category, Dimension, Document, Group, Platform, Source};
use std::sync::Arc;

use crate::scenario::Expr;
use crate::text::{Lang, Text};

/// Every loaded catalog and all their items, in document order.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub catalogs: Vec<Catalog>,
    pub items: Vec<Item>,
}

/// One catalog: its document and the parts its items refer to by index.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub id: String,
    pub title: Text,
    pub product: String,
    pub publisher: String,
    pub languages: Vec<String>,
    pub document: Document,
    pub statements: Vec<Effective>,
    pub platforms: Vec<Platform>,
    pub dimensions: Vec<Dimension>,
    pub sources: Vec<Source>,
    pub categories: Vec<Category>,
    pub groups: Vec<Group>,
    /// Where the catalog was loaded from, as the user named it.
    pub file: String,
    /// Whether the catalog's own texts held characters that were removed at load.
    pub altered: bool,
}

/// Whether the document states a fact or the catalog infers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Stated,
    Inferred,
}

/// Where an effective value was given: on the item itself or on something above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Item,
    Group(usize),
    Category(usize),
    Source(usize),
    Catalog,
}

/// A condition, purpose or statement as it applies to an item.
#[derive(Debug, Clone)]
pub struct Effective {
    /// Shared by every item the statement applies to.
    pub text: Arc<Text>,
    pub origin: Origin,
    pub basis: Basis,
    /// The document section it is stated in.
    pub section: Arc<str>,
    /// The structured form, for scenarios.
    pub when: Option<Arc<Expr>>,
    /// A re-categorisation: where `when` holds, the item counts as this category (index).
    pub treated_as: Option<usize>,
}

/// A source an item's data comes from.
#[derive(Debug, Clone, Copy)]
pub struct SourceUse {
    pub source: usize,
    pub origin: Origin,
    pub basis: Basis,
}

/// A note of the catalog's own, such as a translation note.
#[derive(Debug, Clone)]
pub struct Note {
    pub text: Arc<Text>,
    pub origin: Origin,
}

/// One field of personal data with everything that applies to it.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    /// Index into [`Library::catalogs`].
    pub catalog: usize,
    pub name: Text,
    pub description: Option<Text>,
    /// Index into the catalog's categories.
    pub category: usize,
    /// Index into the catalog's groups; `None` for an item that stands directly in its category.
    pub group: Option<usize>,
    pub sources: Vec<SourceUse>,
    pub conditions: Vec<Effective>,
    pub purposes: Vec<Effective>,
    /// Indices into the catalog's platforms.
    pub platforms: Vec<usize>,
    pub notes: Vec<Note>,
    pub section: String,
    /// Indices into [`Library::items`] of the same field listed elsewhere.
    pub also_listed: Vec<usize>,
    /// Whether the document's list this item stands in is complete.
    pub exhaustive: bool,
    /// The document's words on whether that list is complete.
    pub exhaustive_note: Option<Arc<Text>>,
    /// Whether any text shown for the item held characters that were removed at load.
    pub altered: bool,
}

impl Library {
    pub fn catalog_of(&self, item: &Item) -> &Catalog {
        &self.catalogs[item.catalog]
    }

    pub fn category_of(&self, item: &Item) -> &Category {
        &self.catalog_of(item).categories[item.category]
    }

    pub fn group_of(&self, item: &Item) -> Option<&Group> {
        item.group.map(|g| &self.catalog_of(item).groups[g])
    }

    /// The index of the item with this id, searching every catalog (first match wins).
    pub fn find(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|item| item.id == id)
    }

    /// Items per category id, in the order categories first appear.
    pub fn count_by_category(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for item in &self.items {
            let id = &self.category_of(item).id;
            match counts.iter_mut().find(|(c, _)| c == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id.clone(), 1)),
            }
        }
        counts
    }
}

impl Catalog {
    pub fn section_title(&self, id: &str, lang: Lang) -> Option<&str> {
        self.document
            .sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.get(lang))
    }

    pub fn category_index(&self, id: &str) -> Option<usize> {
        self.categories.iter().position(|c| c.id == id)
    }

    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }
}
