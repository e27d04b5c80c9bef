//! Facts as written turned into statements: kind, citation, basis and resolved keys; and what one
//! layer (item, group, category, source, document) gives every item below it.

use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::kinds::{Duration, FactKind, ValueType};
use crate::catalog::model::{Basis, Cite, Fact, Note, Origin, Statement, Value};
use crate::catalog::resolve::documents::Citations;
use crate::catalog::schema::{FactSpec, Raw};
use crate::text::Text;

/// What resolving a fact needs from its file.
pub struct Names<'a> {
    pub citations: &'a Citations,
    pub categories: HashMap<String, usize>,
    pub parties: HashMap<String, usize>,
    pub subjects: HashMap<String, usize>,
}

/// Where a layer stands: its origin, home document and the citation its facts default to.
#[derive(Clone, Copy)]
pub struct Place {
    pub origin: Origin,
    pub home: usize,
    pub cite: Cite,
}

/// The facts a layer writes, by the keys that hold them.
pub struct Written<'a> {
    pub conditions: &'a [FactSpec],
    pub purpose: Option<&'a FactSpec>,
    pub facts: &'a [FactSpec],
    pub notes: &'a [Text],
}

/// The facts and notes a layer gives each item below it, built once and shared.
#[derive(Default, Clone)]
pub struct Given {
    pub facts: Vec<Fact>,
    pub notes: Vec<Note>,
}

impl Names<'_> {
    pub fn statement(&self, spec: &FactSpec, implied: Option<FactKind>, place: Place) -> Arc<Statement> {
        let kind = spec
            .kind
            .as_deref()
            .and_then(FactKind::from_id)
            .or(implied)
            .unwrap_or(FactKind::Statement);
        let values = spec
            .values
            .iter()
            .filter_map(|(key, raw)| self.value(key.value_type(), raw).map(|v| (*key, v)))
            .collect();
        Arc::new(Statement {
            kind,
            text: spec.text.clone(),
            cite: self.citations.or(spec.section.as_ref(), place.home, place.cite),
            inferred: spec.inferred,
            when: spec.when.clone(),
            treated_as: spec
                .treated_as
                .as_ref()
                .and_then(|c| self.categories.get(c).copied()),
            values,
        })
    }

    fn value(&self, ty: ValueType, raw: &Raw) -> Option<Value> {
        Some(match (ty, raw) {
            (ValueType::Text, Raw::Text(t)) => Value::Text(t.clone()),
            (ValueType::Party, Raw::Word(id)) => Value::Party(*self.parties.get(id)?),
            (ValueType::Subject, Raw::Word(id)) => Value::Subject(*self.subjects.get(id)?),
            (ValueType::Choice(set), Raw::Word(w)) => Value::Choice(set.parse(w)?),
            (ValueType::Duration, Raw::Word(w)) => Value::Duration(Duration::parse(w)?),
            (ValueType::Flag, Raw::Flag(b)) => Value::Flag(*b),
            _ => return None,
        })
    }

    /// What a layer gives: its conditions, purpose and facts in that order, then its notes.
    pub fn given(&self, written: &Written, place: Place) -> Given {
        let fact = |spec: &FactSpec, implied| {
            let statement = self.statement(spec, implied, place);
            Fact {
                basis: Basis::from_inferred(statement.inferred),
                statement,
                origin: place.origin,
            }
        };
        let mut facts: Vec<Fact> = written
            .conditions
            .iter()
            .map(|s| fact(s, Some(FactKind::Condition)))
            .collect();
        facts.extend(written.purpose.map(|s| fact(s, Some(FactKind::Purpose))));
        facts.extend(written.facts.iter().map(|s| fact(s, None)));
        let notes = written
            .notes
            .iter()
            .map(|t| Note {
                text: Arc::new(t.clone()),
                origin: place.origin,
            })
            .collect();
        Given { facts, notes }
    }
}

/// The "collected" fact a category gives its items when it gives none itself: the document lists them
/// under it, in its words on the list where it has them.
pub fn listed_as_collected(name: &Text, note: Option<&Text>, place: Place) -> Fact {
    Fact {
        statement: Arc::new(Statement {
            kind: FactKind::Collected,
            text: note.unwrap_or(name).clone(),
            cite: place.cite,
            inferred: false,
            when: None,
            treated_as: None,
            values: Vec::new(),
        }),
        origin: place.origin,
        basis: Basis::Stated,
    }
}
