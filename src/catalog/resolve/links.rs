//! Links as written (format 2 `links`, format 1 `also_listed`) turned into edges, and the edges into
//! sets of linked items by union-find: each set stored once, whatever its size.

use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::model::{Basis, Edge, Item, Items, LinkSet};
use crate::catalog::resolve::documents::Citations;
use crate::catalog::schema::CatalogFile;

/// The edges one file writes, by library item index.
pub struct Written {
    edges: Vec<Edge>,
}

impl Written {
    /// Every edge of `file`, whose items start at `first` in the library.
    pub fn from_file(file: &CatalogFile, first: usize, items: &[Item], citations: &Citations) -> Written {
        let at: HashMap<&str, usize> = items
            .iter()
            .enumerate()
            .map(|(i, it)| (it.id.as_str(), first + i))
            .collect();
        let mut edges = Vec::new();
        for raw in &file.items {
            let Some(&a) = at.get(raw.id.as_str()) else {
                continue;
            };
            for other in &raw.also_listed {
                if let Some(&b) = at.get(other.as_str()) {
                    edges.push(Edge {
                        a,
                        b,
                        basis: Basis::Stated,
                        text: None,
                        cite: None,
                    });
                }
            }
        }
        for link in &file.links {
            let members: Vec<usize> = link
                .items
                .iter()
                .filter_map(|id| at.get(id.as_str()).copied())
                .collect();
            let text = link.text.clone().map(Arc::new);
            let cite = link.section.as_ref().map(|s| citations.cite(s, 0));
            for &b in members.iter().skip(1) {
                edges.push(Edge {
                    a: members[0],
                    b,
                    basis: Basis::from_inferred(link.inferred),
                    text: text.clone(),
                    cite,
                });
            }
        }
        Written { edges }
    }
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups every edge into sets of linked items and tells each item its set.
pub fn sets(items: &mut Items, written: Vec<Written>) -> Vec<LinkSet> {
    let edges: Vec<Edge> = written.into_iter().flat_map(|w| w.edges).collect();
    if edges.is_empty() {
        return Vec::new();
    }
    let mut parent: Vec<usize> = (0..items.len()).collect();
    for e in &edges {
        let (a, b) = (root(&mut parent, e.a), root(&mut parent, e.b));
        parent[a] = b;
    }
    let mut set_of_root: HashMap<usize, usize> = HashMap::new();
    let mut sets: Vec<LinkSet> = Vec::new();
    for e in edges {
        let r = root(&mut parent, e.a);
        let s = *set_of_root.entry(r).or_insert_with(|| {
            sets.push(LinkSet::default());
            sets.len() - 1
        });
        sets[s].edges.push(e);
    }
    for (i, item) in items.iter_mut().enumerate() {
        if let Some(&s) = set_of_root.get(&root(&mut parent, i)) {
            sets[s].members.push(i);
            item.link_set = u32::try_from(s).ok();
        }
    }
    sets
}
