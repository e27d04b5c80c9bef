//! A fact as it reaches an item: the statement (shared by every item it applies to), where it was
//! given and how sure the catalog is of it.

use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::catalog::condition::Expr;
use crate::catalog::kinds::{Choice, Duration, FactKind, Key};
use crate::text::Text;

/// Whether the document states a fact or the catalog infers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Basis {
    Stated,
    Inferred,
}

impl Basis {
    pub fn from_inferred(inferred: bool) -> Basis {
        if inferred { Basis::Inferred } else { Basis::Stated }
    }

    /// The weaker of two bases: what rests on an inference is an inference.
    #[must_use]
    pub fn and(self, other: Basis) -> Basis {
        self.max(other)
    }

    pub fn id(self) -> &'static str {
        match self {
            Basis::Stated => "stated",
            Basis::Inferred => "inferred",
        }
    }
}

/// Where a fact, source, subject or party was given: on the item itself or on something above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Item,
    Group(usize),
    Category(usize),
    Source(usize),
    Document(usize),
    Catalog,
}

/// A section of a document, by index in the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Cite {
    pub document: u32,
    pub section: u32,
}

/// A value of one of a fact's keys, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Text(Text),
    /// Index into the catalog's parties.
    Party(usize),
    /// Index into the catalog's data subjects.
    Subject(usize),
    Choice(Choice),
    Duration(Duration),
    Flag(bool),
}

/// One sentence of a document (or of the catalog) and what it says, shared by every item it reaches.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Statement {
    pub kind: FactKind,
    pub text: Text,
    /// Where it is stated.
    pub cite: Cite,
    /// As written: whether the catalog infers it.
    pub inferred: bool,
    /// The structured form, for scenarios.
    pub when: Option<Expr>,
    /// A re-categorisation: where `when` holds, the item counts as this category (index).
    pub treated_as: Option<usize>,
    /// The keys of its kind.
    pub values: Vec<(Key, Value)>,
}

impl Statement {
    pub fn value(&self, key: Key) -> Option<&Value> {
        self.values.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The party a shared-with or received-from fact names.
    pub fn party(&self) -> Option<usize> {
        match self.value(Key::Party) {
            Some(Value::Party(p)) => Some(*p),
            _ => None,
        }
    }
}

/// A statement as it applies to one item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fact {
    #[serde(with = "super::shared")]
    pub statement: Arc<Statement>,
    pub origin: Origin,
    /// Inferred when the statement is, or when it reaches the item through an inferred source.
    pub basis: Basis,
}

impl Deref for Fact {
    type Target = Statement;

    fn deref(&self) -> &Statement {
        &self.statement
    }
}

/// A source, data subject or party of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Use {
    /// Index into the catalog's sources, subjects or parties.
    pub index: usize,
    pub origin: Origin,
    pub basis: Basis,
}

/// A note of the catalog's own, such as a translation note.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Note {
    #[serde(with = "super::shared")]
    pub text: Arc<Text>,
    pub origin: Origin,
}
