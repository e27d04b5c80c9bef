//! What a scenario means for one item: collected, not collected, depends, or not settled by any
//! document; the facts that decided it, and whether it rests on the catalog's own reading.

use crate::catalog::{Basis, FactKind, Library};
use crate::scenario::{Scenario, Truth, eval, is_gate};

/// Whether an item is collected in a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Collected,
    /// A document says so: a stated condition is false here, or it is never collected.
    NotCollected,
    /// Depends on these unset dimensions; an empty list means on a condition privcat cannot evaluate.
    Depends(Vec<String>),
    /// No document settles it: none says whether it is collected, or only the catalog's own reading
    /// (an inferred fact or link) says it is not.
    Unsettled,
}

/// The outcome for one item and the facts that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub outcome: Outcome,
    /// The deciding facts: indices into the facts of [`Verdict::decided_by`].
    pub because: Vec<usize>,
    /// The item whose facts decided it: the item itself, or another listing linked to it.
    pub decided_by: usize,
    /// Inferred when the outcome rests on an inferred fact, source or link.
    pub basis: Basis,
    /// The category the item counts as in this scenario (index into its catalog's categories).
    pub category: Option<usize>,
    /// A re-categorisation that depends on unset dimensions: (category, dimensions).
    pub may_become: Option<(usize, Vec<String>)>,
    /// Facts that re-categorised the item.
    pub recategorised_by: Vec<usize>,
}

/// Decides what the scenario means for `library.items[index]`. An item whose own facts do not say
/// whether it is collected takes the outcome of the first linked listing that does.
pub fn evaluate(library: &Library, index: usize, scenario: &Scenario) -> Verdict {
    let own = judge(library, index, scenario);
    if own.outcome != Outcome::Unsettled || !own.because.is_empty() {
        return own;
    }
    for linked in library.linked(index) {
        let mut theirs = judge(library, linked.item, scenario);
        if theirs.outcome == Outcome::Unsettled && theirs.because.is_empty() {
            continue;
        }
        theirs.basis = theirs.basis.and(linked.basis);
        if theirs.outcome == Outcome::NotCollected && theirs.basis == Basis::Inferred {
            theirs.outcome = Outcome::Unsettled;
        }
        theirs.category = own.category;
        theirs.may_become = own.may_become;
        theirs.recategorised_by = Vec::new();
        return theirs;
    }
    own
}

fn add_dims(into: &mut Vec<String>, dims: Vec<String>) {
    for d in dims {
        if !into.contains(&d) {
            into.push(d);
        }
    }
}

/// The verdict from the item's own facts.
fn judge(library: &Library, index: usize, scenario: &Scenario) -> Verdict {
    let item = &library.items[index];
    let mut verdict = Verdict {
        outcome: Outcome::Unsettled,
        because: Vec::new(),
        decided_by: index,
        basis: Basis::Stated,
        category: item.category,
        may_become: None,
        recategorised_by: Vec::new(),
    };
    let mut never = (Vec::new(), Vec::new());
    let mut collected: Option<Basis> = None;
    let (mut falses, mut inferred_falses, mut unknowns, mut trues) = (vec![], vec![], vec![], vec![]);
    let mut unknown_dims: Vec<String> = Vec::new();
    for (i, fact) in item.facts.iter().enumerate() {
        let truth = || {
            fact.when
                .as_ref()
                .map_or(Truth::Unknown(Vec::new()), |e| eval(e, scenario))
        };
        match fact.kind {
            FactKind::NeverCollected if fact.basis == Basis::Stated => never.0.push(i),
            FactKind::NeverCollected => never.1.push(i),
            FactKind::Collected => collected = Some(collected.map_or(fact.basis, |b| b.min(fact.basis))),
            FactKind::Condition if fact.treated_as.is_some() => match (truth(), fact.treated_as) {
                (Truth::True, Some(target)) => {
                    verdict.category = Some(target);
                    verdict.recategorised_by.push(i);
                }
                (Truth::Unknown(dims), Some(target)) if fact.when.is_some() => {
                    verdict.may_become = Some((target, dims));
                }
                _ => {}
            },
            _ if is_gate(fact) => match truth() {
                Truth::True => trues.push(i),
                Truth::False if fact.basis == Basis::Stated => falses.push(i),
                Truth::False => inferred_falses.push(i),
                Truth::Unknown(dims) => {
                    unknowns.push(i);
                    add_dims(&mut unknown_dims, dims);
                }
            },
            _ => {}
        }
    }
    let basis_of = |facts: &[usize]| {
        facts
            .iter()
            .map(|&i| item.facts[i].basis)
            .max()
            .unwrap_or(Basis::Stated)
    };
    (verdict.outcome, verdict.because, verdict.basis) = if !never.0.is_empty() {
        (Outcome::NotCollected, never.0, Basis::Stated)
    } else if !never.1.is_empty() {
        (Outcome::Unsettled, never.1, Basis::Inferred)
    } else if let Some(listed) = collected {
        if !falses.is_empty() {
            (Outcome::NotCollected, falses, Basis::Stated)
        } else if !inferred_falses.is_empty() {
            (Outcome::Unsettled, inferred_falses, Basis::Inferred)
        } else if !unknowns.is_empty() {
            let basis = basis_of(&unknowns).and(listed);
            (Outcome::Depends(unknown_dims), unknowns, basis)
        } else {
            let basis = basis_of(&trues).and(listed);
            (Outcome::Collected, trues, basis)
        }
    } else {
        (Outcome::Unsettled, Vec::new(), Basis::Stated)
    };
    verdict
}
