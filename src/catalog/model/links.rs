//! Entries that are the same field of the same person, listed in different places: sets of linked
//! items, each link a statement with its basis. A set is stored once, not as a list per member.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::catalog::model::{Basis, Cite, Library};
use crate::text::Text;

/// One link between two items, as the catalog gives it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Edge {
    /// Indices into [`Library::items`].
    pub a: usize,
    pub b: usize,
    pub basis: Basis,
    /// Why they are the same.
    #[serde(with = "super::shared::option")]
    pub text: Option<Arc<Text>>,
    /// Where a document says so.
    pub cite: Option<Cite>,
}

/// Items joined by links, directly or through each other.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LinkSet {
    /// Indices into [`Library::items`], ascending.
    pub members: Vec<usize>,
    pub edges: Vec<Edge>,
}

/// Another listing of an item and how sure the catalog is that they are the same field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Linked {
    pub item: usize,
    /// Stated only when a chain of stated links joins them.
    pub basis: Basis,
}

impl Library {
    /// The other listings of `item`, in library order.
    pub fn linked(&self, item: usize) -> Vec<Linked> {
        let Some(set) = self.items[item]
            .link_set
            .and_then(|s| self.link_sets.get(s as usize))
        else {
            return Vec::new();
        };
        let stated = set.reachable(item, |e| e.basis == Basis::Stated);
        set.members
            .iter()
            .filter(|&&m| m != item)
            .map(|&m| Linked {
                item: m,
                basis: if stated.contains(&m) {
                    Basis::Stated
                } else {
                    Basis::Inferred
                },
            })
            .collect()
    }

    /// The edges that touch `item` directly.
    pub fn edges_of(&self, item: usize) -> Vec<&Edge> {
        self.items[item]
            .link_set
            .and_then(|s| self.link_sets.get(s as usize))
            .map(|set| set.edges.iter().filter(|e| e.a == item || e.b == item).collect())
            .unwrap_or_default()
    }
}

impl LinkSet {
    /// The members reachable from `from` over the edges `keep` allows.
    fn reachable(&self, from: usize, keep: impl Fn(&Edge) -> bool) -> HashSet<usize> {
        let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
        for e in self.edges.iter().filter(|e| keep(e)) {
            next.entry(e.a).or_default().push(e.b);
            next.entry(e.b).or_default().push(e.a);
        }
        let mut seen = HashSet::from([from]);
        let mut queue = VecDeque::from([from]);
        while let Some(at) = queue.pop_front() {
            for &n in next.get(&at).into_iter().flatten() {
                if seen.insert(n) {
                    queue.push_back(n);
                }
            }
        }
        seen
    }
}
