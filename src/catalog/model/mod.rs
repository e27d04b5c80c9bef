//! The loaded library: catalogs and their documents, and every item with the facts that reach it, where
//! each came from and how sure the catalog is of it.

mod fact;
mod items;
mod links;
mod shared;

use std::sync::Arc;

pub use fact::{Basis, Cite, Fact, Note, Origin, Statement, Use, Value};
pub use items::{Items, Iter};
pub use links::{Edge, LinkSet, Linked};
pub use shared::Pools;

use serde::{Deserialize, Serialize};

use crate::catalog::kinds::FactKind;
use crate::catalog::schema::{
    Category, Declared, Dimension, Edition, Group, NotCatalogued, Platform, Section, Source,
};
use crate::text::{Lang, Text};

/// Every loaded catalog and all their items, in document order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Library {
    pub catalogs: Vec<Catalog>,
    pub items: Items,
    /// Entries joined as the same field, across every catalog.
    pub link_sets: Vec<LinkSet>,
}

/// One catalog: its documents and the parts its items refer to by index.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalog {
    pub id: String,
    pub title: Text,
    pub product: String,
    pub publisher: String,
    pub languages: Vec<String>,
    /// Drafted by `privcat import`, not yet reviewed: its ids are places on a page, not names.
    pub draft: bool,
    /// The format the file was written in.
    pub format: u32,
    pub documents: Vec<Document>,
    /// Facts about the catalog as a whole.
    pub statements: Vec<Fact>,
    pub subjects: Vec<Declared>,
    pub parties: Vec<Declared>,
    pub platforms: Vec<Platform>,
    pub dimensions: Vec<Dimension>,
    pub sources: Vec<Source>,
    pub categories: Vec<Category>,
    pub groups: Vec<Group>,
    /// The sections the categories, groups and sources cite, resolved.
    pub cites: Cites,
    /// Where the catalog was loaded from, as the user named it.
    pub file: String,
    /// Whether the catalog's own texts held characters that were removed at load.
    pub altered: bool,
}

/// Where each category, group and source is stated (by index).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Cites {
    pub categories: Vec<Cite>,
    pub groups: Vec<Cite>,
    pub sources: Vec<Cite>,
}

/// A vendor document in its editions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: Text,
    /// One per language quoted.
    pub editions: Vec<Edition>,
    pub sections: Vec<Section>,
    /// The document this one is a later version of (index in the catalog).
    pub version_of: Option<usize>,
    /// Documents whose items this one's facts are about too (indices in the catalog).
    pub about: Vec<usize>,
    /// List items and table rows of the page that are deliberately not entries.
    pub not_catalogued: Vec<NotCatalogued>,
}

impl Document {
    /// The edition in `lang`, else the first.
    pub fn edition(&self, lang: Lang) -> Option<&Edition> {
        self.editions
            .iter()
            .find(|e| e.language == lang.code())
            .or_else(|| self.editions.first())
    }

    /// The page's own date in the edition shown in `lang`.
    pub fn date(&self, lang: Lang) -> Option<&str> {
        self.edition(lang).and_then(|e| e.date.as_deref())
    }
}

/// One field of personal data with everything that applies to it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    /// Index into [`Library::catalogs`].
    pub catalog: usize,
    /// The document that lists it (index into the catalog's documents).
    pub document: usize,
    pub name: Text,
    pub description: Option<Text>,
    /// The catalog's own search words for it, not a document's.
    pub aliases: Box<[Text]>,
    /// Index into the catalog's categories; `None` where the document gives none.
    pub category: Option<usize>,
    /// Index into the catalog's groups; `None` for an item that stands directly in its category or document.
    pub group: Option<usize>,
    pub sources: Box<[Use]>,
    /// Whose data it is.
    pub subjects: Box<[Use]>,
    /// Who else holds or receives it.
    pub parties: Box<[Use]>,
    /// Every fact that reaches it, nearest first: item, group, category, sources, document.
    pub facts: Box<[Fact]>,
    /// Indices into the catalog's platforms.
    pub platforms: Box<[usize]>,
    pub notes: Box<[Note]>,
    /// Where the document lists it.
    pub cite: Cite,
    /// Index into [`Library::link_sets`].
    pub link_set: Option<u32>,
    /// Whether the document's list this item stands in is complete.
    pub exhaustive: bool,
    /// The document's words on whether that list is complete.
    #[serde(with = "shared::option")]
    pub exhaustive_note: Option<Arc<Text>>,
    /// Whether any text shown for the item held characters that were removed at load.
    pub altered: bool,
    /// Its own mapping onto fideslang's taxonomy; its group's and category's are theirs. Boxed:
    /// few items have one, and every item would carry its room.
    pub fides: Option<Box<crate::catalog::fides::Mapping>>,
}

impl Item {
    /// Its facts of one kind, nearest first.
    pub fn facts_of(&self, kind: FactKind) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.kind == kind)
    }

    /// Its conditions, nearest first.
    pub fn conditions(&self) -> impl Iterator<Item = &Fact> {
        self.facts_of(FactKind::Condition)
    }

    /// Its purposes, nearest first.
    pub fn purposes(&self) -> impl Iterator<Item = &Fact> {
        self.facts_of(FactKind::Purpose)
    }
}

impl Library {
    pub fn catalog_of(&self, item: &Item) -> &Catalog {
        &self.catalogs[item.catalog]
    }

    pub fn category_of(&self, item: &Item) -> Option<&Category> {
        item.category.map(|k| &self.catalog_of(item).categories[k])
    }

    pub fn group_of(&self, item: &Item) -> Option<&Group> {
        item.group.map(|g| &self.catalog_of(item).groups[g])
    }

    pub fn document_of(&self, item: &Item) -> &Document {
        &self.catalog_of(item).documents[item.document]
    }

    /// The index of the item with this id, searching every catalog (first match wins).
    pub fn find(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|item| item.id == id)
    }

    /// Items per category id, in the order categories first appear; items without one are not counted.
    pub fn count_by_category(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for item in &self.items {
            let Some(category) = self.category_of(item) else {
                continue;
            };
            match counts.iter_mut().find(|(c, _)| *c == category.id) {
                Some((_, n)) => *n += 1,
                None => counts.push((category.id.clone(), 1)),
            }
        }
        counts
    }
}

impl Catalog {
    /// The title of a cited section, in `lang`.
    pub fn section_title(&self, cite: Cite, lang: Lang) -> Option<&str> {
        self.section(cite).map(|s| s.title.get(lang))
    }

    /// The cited section.
    pub fn section(&self, cite: Cite) -> Option<&Section> {
        self.documents
            .get(cite.document as usize)?
            .sections
            .get(cite.section as usize)
    }

    /// Document `d`'s title, with its date where another document of the catalog has the same
    /// title, as a rewrite does.
    pub fn document_name(&self, d: usize, lang: Lang) -> String {
        let title = self.documents[d].title.get(lang);
        match self.twin_date(d, lang) {
            Some(date) => format!("{title} · {date}"),
            None => title.to_owned(),
        }
    }

    /// Document `d`'s date, where another document of the catalog has the same title: what tells
    /// the two apart.
    pub fn twin_date(&self, d: usize, lang: Lang) -> Option<&str> {
        let doc = &self.documents[d];
        let title = doc.title.get(lang);
        let twin = self
            .documents
            .iter()
            .enumerate()
            .any(|(i, other)| i != d && other.title.get(lang) == title);
        doc.date(lang).filter(|_| twin)
    }

    pub fn category_index(&self, id: &str) -> Option<usize> {
        self.categories.iter().position(|c| c.id == id)
    }

    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == id)
    }
}
