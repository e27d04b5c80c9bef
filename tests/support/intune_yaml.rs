//! catalog/intune.yaml read without privcat, to check privcat's output against: its items with
//! the category, home document, group and sources each takes by the format's inheritance rules.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

pub fn intune_yaml() -> serde_yaml::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/intune.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Ids of a list of `{id: …}` maps or plain ids.
pub fn yaml_ids(list: &serde_yaml::Value) -> Vec<String> {
    let ids = list.as_sequence().into_iter().flatten();
    ids.map(|v| v["id"].as_str().or(v.as_str()).unwrap().to_owned())
        .collect()
}

/// The maps of a top-level list, by id.
pub fn by_id<'y>(yaml: &'y serde_yaml::Value, list: &str) -> HashMap<&'y str, &'y serde_yaml::Value> {
    let entries = yaml[list].as_sequence().into_iter().flatten();
    entries.map(|v| (v["id"].as_str().unwrap(), v)).collect()
}

/// One item of the built-in catalog: id, home document, category and group ids (if any), effective
/// source ids.
pub struct CatalogItem {
    pub id: String,
    pub document: String,
    pub category: Option<String>,
    pub group: Option<String>,
    pub sources: Vec<String>,
}

/// The items in file order. An item without sources of its own takes its group's; its category is
/// its own or its group's; its home document is its own `document`, else its group's, else its
/// category's, else the first (FORMAT.md, "Section references").
pub fn intune_items() -> Vec<CatalogItem> {
    let yaml = intune_yaml();
    let groups = by_id(&yaml, "groups");
    let categories = by_id(&yaml, "categories");
    let first = yaml["documents"][0]["id"].as_str().unwrap();
    let items = yaml["items"].as_sequence().unwrap();
    items
        .iter()
        .map(|it| {
            let group = it["group"].as_str().map(|g| groups[g]);
            let category = it["category"]
                .as_str()
                .or_else(|| group.and_then(|g| g["category"].as_str()));
            let document = it["document"]
                .as_str()
                .or_else(|| group.and_then(|g| g["document"].as_str()))
                .or_else(|| category.and_then(|c| categories[c]["document"].as_str()))
                .unwrap_or(first);
            let mut sources = yaml_ids(&it["sources"]);
            if sources.is_empty()
                && let Some(g) = group
            {
                sources = yaml_ids(&g["sources"]);
            }
            CatalogItem {
                id: it["id"].as_str().unwrap().to_owned(),
                document: document.to_owned(),
                category: category.map(str::to_owned),
                group: it["group"].as_str().map(str::to_owned),
                sources,
            }
        })
        .collect()
}
