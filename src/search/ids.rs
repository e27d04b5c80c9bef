//! Every item's id and catalog, kept apart from the library so that naming an item on the command
//! line (`privcat show ID`) finds it without decoding the library or the list lines.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::catalog::Library;

/// The ids of every item, in document order.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Ids {
    /// Each loaded catalog's id.
    catalogs: Vec<String>,
    /// Each item's id.
    of_item: Vec<String>,
    /// Each item's catalog.
    catalog: Vec<u32>,
    /// Whether another catalog uses the same id, per item.
    shared: Vec<bool>,
}

impl Ids {
    pub fn build(library: &Library) -> Ids {
        let ids: Vec<String> = library.items.iter().map(|it| it.id.clone()).collect();
        let catalog: Vec<u32> = library
            .items
            .iter()
            .map(|it| u32::try_from(it.catalog).unwrap_or(u32::MAX))
            .collect();
        let shared = shared_ids(&ids, &catalog);
        Ids {
            catalogs: library.catalogs.iter().map(|c| c.id.clone()).collect(),
            of_item: ids,
            catalog,
            shared,
        }
    }

    pub fn len(&self) -> usize {
        self.of_item.len()
    }

    pub fn is_empty(&self) -> bool {
        self.of_item.is_empty()
    }

    pub fn id(&self, item: usize) -> &str {
        &self.of_item[item]
    }

    /// Every item's id, in document order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.of_item.iter().map(String::as_str)
    }

    /// The items `text` names: those with the id `text`, or the one with `ID` in catalog `CATALOG`
    /// when `text` is `CATALOG:ID` and a loaded catalog has that id.
    pub fn named(&self, text: &str) -> Vec<usize> {
        let (catalog, id) = match text.split_once(':') {
            Some((catalog, id)) => match self.catalogs.iter().position(|c| c == catalog) {
                Some(c) => (u32::try_from(c).ok(), id),
                None => (None, text),
            },
            None => (None, text),
        };
        (0..self.of_item.len())
            .filter(|&i| self.of_item[i] == id && catalog.is_none_or(|c| self.catalog[i] == c))
            .collect()
    }

    /// `CATALOG:ID`, the name that reaches one item whatever the other catalogs hold.
    pub fn qualified(&self, item: usize) -> String {
        let catalog = self
            .catalogs
            .get(self.catalog[item] as usize)
            .map_or("", String::as_str);
        format!("{catalog}:{}", self.of_item[item])
    }

    /// The id as lists show it: qualified when another catalog uses the same id.
    pub fn shown_id(&self, item: usize) -> String {
        if self.shared[item] {
            self.qualified(item)
        } else {
            self.of_item[item].clone()
        }
    }
}

/// For each item, whether an item of another catalog has its id.
fn shared_ids(ids: &[String], catalogs: &[u32]) -> Vec<bool> {
    let mut first: HashMap<&str, u32> = HashMap::new();
    let mut shared: HashSet<&str> = HashSet::new();
    for (id, &catalog) in ids.iter().zip(catalogs) {
        match first.insert(id, catalog) {
            Some(other) if other != catalog => {
                shared.insert(id);
            }
            _ => {}
        }
    }
    ids.iter().map(|id| shared.contains(id.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load_builtin;

    #[test]
    fn an_id_names_its_item_alone_or_with_its_catalog() {
        let library = load_builtin().library.expect("the built-in catalog loads");
        let ids = Ids::build(&library);
        assert_eq!(ids.len(), library.items.len());
        let imei = library.find("imei").expect("the built-in catalog lists the IMEI");
        assert_eq!(ids.id(imei), "imei");
        assert_eq!(ids.shown_id(imei), "imei", "one catalog shares no id");
        assert_eq!(ids.named("imei"), vec![imei]);
        let catalog = &library.catalogs[0].id;
        assert_eq!(ids.qualified(imei), format!("{catalog}:imei"));
        assert_eq!(ids.named(&format!("{catalog}:imei")), vec![imei]);
        assert!(
            ids.named("no-such-catalog:imei").is_empty(),
            "an unknown catalog is part of the id"
        );
        assert!(ids.named("IMEI").is_empty(), "ids are exact");
    }
}
