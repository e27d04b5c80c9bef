//! Rules about a catalog's structure that no single node shows: the format version, documents and
//! editions, where items stand, citations every item can resolve, and links between entries.

use std::collections::{HashMap, HashSet};

use crate::catalog::sanitize;
use crate::catalog::schema::{CatalogFile, Ref};
use crate::catalog::validate::{Checker, is_kebab, is_language_tag};
use crate::catalog::walk::Homes;

pub(super) fn check(c: &mut Checker, file: &CatalogFile) {
    header(c, file);
    documents(c, file);
    if c.version < 2 {
        format_1(c, file);
    }
    dimensions(c, file);
    groups(c, file);
    items(c, file);
    links(c, file);
    unread_document_facts(c, file);
    if file.catalog.draft {
        c.warning(
            "catalog.draft",
            "a draft made by `privcat import`: review every entry against the page (categories, sources, what is stated and what is inferred), then remove `draft: true`",
        );
    }
    if file.items.is_empty() {
        c.warning("items", "the catalog has no items");
    }
}

fn header(c: &mut Checker, file: &CatalogFile) {
    if let Some(version) = file.format.filter(|v| !matches!(v, 1 | 2)) {
        c.error(
            "format",
            format!("format {version} is not known; this privcat reads formats 1 and 2"),
        );
    }
    let h = &file.catalog;
    if !is_kebab(&h.id) {
        c.error(
            "catalog.id",
            format!("catalog id `{}` must be lowercase kebab-case", h.id),
        );
    }
    if h.languages.is_empty() {
        c.error("catalog.languages", "declare at least one language, such as [en]");
    }
    let mut seen = HashSet::new();
    for (i, code) in h.languages.iter().enumerate() {
        if !is_language_tag(code) {
            c.error(
                format!("catalog.languages[{i}]"),
                format!(
                    "`{}` is not a language tag; write one such as `en`, `sv` or `pt-BR`",
                    sanitize::visible(code)
                ),
            );
        } else if !seen.insert(code) {
            c.error(
                format!("catalog.languages[{i}]"),
                format!("language `{code}` is declared twice"),
            );
        }
    }
}

fn documents(c: &mut Checker, file: &CatalogFile) {
    let v2 = c.version >= 2;
    match (&file.catalog.document, v2) {
        (None, false) => c.error(
            "catalog",
            "missing key `document`: a format 1 catalog describes one document under `catalog.document` (or set `format: 2` and list `documents`)",
        ),
        (Some(_), true) => c.error(
            "catalog.document",
            "a format 2 catalog lists its documents under the top-level `documents`, not `catalog.document`",
        ),
        _ => {}
    }
    if v2 && file.documents.is_empty() {
        c.error(
            "documents",
            "a format 2 catalog needs at least one document under `documents`",
        );
    }
    if !v2 && !file.documents.is_empty() {
        c.error(
            "documents",
            "`documents` is a format 2 key; set `format: 2` (and move `catalog.document` into the list)",
        );
    }
    for (i, d) in file.documents.iter().enumerate() {
        let p = format!("documents[{i}]");
        if d.id.is_none() {
            c.error(
                p.clone(),
                "missing key `id`: every document has an id, such as `data-collect`",
            );
        }
        for key in [
            ("url", &d.url),
            ("locale", &d.locale),
            ("date", &d.date),
            ("retrieved", &d.retrieved),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| k)
        {
            c.error(
                format!("{p}.{key}"),
                format!("in format 2, `{key}` belongs to each of the document's `editions`"),
            );
        }
        if d.editions.is_empty() {
            c.error(
                p.clone(),
                "missing key `editions`: say which language editions the catalog quotes, such as `editions: [{language: en}]`",
            );
        }
        let mut languages = HashSet::new();
        for (j, e) in d.editions.iter().enumerate() {
            if !languages.insert(&e.language) {
                c.error(
                    format!("{p}.editions[{j}].language"),
                    format!("the `{}` edition is listed twice", e.language),
                );
            }
        }
        if d.version_of.is_some() && version_cycle(file, i) {
            c.error(
                format!("{p}.version_of"),
                "these documents are versions of each other in a circle; a later version names an earlier one",
            );
        }
    }
}

/// A document's facts reach the items listed in it and in the documents it is `about`; facts that
/// reach none are shown nowhere.
fn unread_document_facts(c: &mut Checker, file: &CatalogFile) {
    if file.items.is_empty() {
        return;
    }
    let homes = Homes::new(file);
    let listed: HashSet<usize> = file.items.iter().map(|i| homes.item(i)).collect();
    for (i, d) in file.documents.iter().enumerate() {
        let about = d.about.iter().filter_map(|a| homes.document(Some(a)));
        if !d.facts.is_empty() && !listed.contains(&i) && about.clone().count() == 0 {
            c.warning(
                format!("documents[{i}].facts"),
                "these facts reach no item, so nothing shows them: list the document's items, or name the documents it is `about`",
            );
        }
    }
}

/// Keys a format 1 file may not use: they would be read differently, or not at all.
fn format_1(c: &mut Checker, file: &CatalogFile) {
    let mut found: Vec<String> = Vec::new();
    for (key, used) in [
        ("subjects", !file.subjects.is_empty()),
        ("parties", !file.parties.is_empty()),
        ("links", !file.links.is_empty()),
    ] {
        if used {
            found.push(key.to_owned());
        }
    }
    if let Some(d) = &file.catalog.document {
        for (key, used) in [
            ("id", d.id.is_some()),
            ("editions", !d.editions.is_empty()),
            ("version_of", d.version_of.is_some()),
            ("facts", !d.facts.is_empty()),
            ("not_catalogued", !d.not_catalogued.is_empty()),
        ] {
            if used {
                found.push(format!("catalog.document.{key}"));
            }
        }
    }
    let entries = file
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("sources[{i}]"), !s.facts.is_empty(), false, false))
        .chain(file.categories.iter().enumerate().map(|(i, k)| {
            (
                format!("categories[{i}]"),
                !k.facts.is_empty(),
                k.document.is_some(),
                false,
            )
        }))
        .chain(file.groups.iter().enumerate().map(|(i, g)| {
            let people = !g.subjects.is_empty() || !g.parties.is_empty();
            (
                format!("groups[{i}]"),
                !g.facts.is_empty(),
                g.document.is_some(),
                people,
            )
        }))
        .chain(file.items.iter().enumerate().map(|(i, it)| {
            let people = !it.subjects.is_empty() || !it.parties.is_empty();
            (
                format!("items[{i}]"),
                !it.facts.is_empty(),
                it.document.is_some(),
                people,
            )
        }));
    for (path, facts, document, people) in entries {
        for (key, used) in [("facts", facts), ("document", document), ("subjects", people)] {
            if used {
                found.push(format!("{path}.{key}"));
            }
        }
    }
    for path in found {
        let key = path.rsplit('.').next().unwrap_or(&path).to_owned();
        c.error(
            path,
            format!("`{key}` is a format 2 key; set `format: 2` at the top of the file (see FORMAT.md)"),
        );
    }
}

/// Whether following `version_of` from document `start` comes back to it.
fn version_cycle(file: &CatalogFile, start: usize) -> bool {
    let mut at = start;
    for _ in 0..file.documents.len() {
        let Some(next) = file.documents[at]
            .version_of
            .as_ref()
            .and_then(|id| file.documents.iter().position(|d| d.id.as_ref() == Some(id)))
        else {
            return false;
        };
        if next == start {
            return true;
        }
        at = next;
    }
    false
}

fn dimensions(c: &mut Checker, file: &CatalogFile) {
    for (i, d) in file.dimensions.iter().enumerate() {
        if d.values.is_empty() {
            c.error(
                format!("dimensions[{i}].values"),
                format!("dimension `{}` needs at least one value", d.id),
            );
        }
    }
}

fn groups(c: &mut Checker, file: &CatalogFile) {
    if c.version >= 2 {
        return;
    }
    for (i, g) in file.groups.iter().enumerate() {
        if g.category.is_none() {
            c.error(
                format!("groups[{i}]"),
                format!(
                    "missing key `category`: in format 1 every group belongs to a category (group `{}`)",
                    g.id
                ),
            );
        }
    }
}

fn items(c: &mut Checker, file: &CatalogFile) {
    let group_category: HashMap<&str, Option<&str>> = file
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.category.as_deref()))
        .collect();
    let group_section: HashMap<&str, bool> = file
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.section.is_some()))
        .collect();
    let categories: HashSet<&str> = file.categories.iter().map(|k| k.id.as_str()).collect();
    for (i, item) in file.items.iter().enumerate() {
        let p = format!("items[{i}]");
        match (&item.group, &item.category) {
            (None, None) if c.version < 2 => c.error(
                p.clone(),
                format!("item `{}` has neither `group` nor `category`; give one", item.id),
            ),
            (Some(g), Some(cat)) => {
                if let Some(Some(group_cat)) = group_category.get(g.as_str())
                    && cat != group_cat
                {
                    c.error(
                        format!("{p}.category"),
                        format!("category `{cat}` differs from `{group_cat}`, the category of group `{g}`"),
                    );
                }
            }
            _ => {}
        }
        let has_section = item.section.is_some()
            || item
                .group
                .as_deref()
                .is_some_and(|g| group_section.get(g).copied().unwrap_or(false))
            || item
                .category
                .as_deref()
                .or_else(|| {
                    item.group
                        .as_deref()
                        .and_then(|g| group_category.get(g).copied().flatten())
                })
                .is_some_and(|k| categories.contains(k));
        let known_category = |k: Option<&str>| k.is_none_or(|k| categories.contains(k));
        let known_parent = item
            .group
            .as_deref()
            .is_none_or(|g| group_category.get(g).is_some_and(|k| known_category(*k)))
            && known_category(item.category.as_deref());
        if !has_section && known_parent {
            c.error(
                p.clone(),
                format!(
                    "item `{}` cites no section: give it, its group or its category a `section`",
                    item.id
                ),
            );
        }
        for (j, other) in item.also_listed.iter().enumerate() {
            if *other == item.id {
                c.error(
                    format!("{p}.also_listed[{j}]"),
                    format!("item `{other}` cannot be listed as another listing of itself"),
                );
            }
        }
        if c.version >= 2 && !item.also_listed.is_empty() {
            c.error(
                format!("{p}.also_listed"),
                "format 2 joins entries with `links`, which carry their basis; move this there",
            );
        }
    }
}

/// The subjects each item's data is about, sorted: its own, else its group's; none when neither says.
fn subjects(file: &CatalogFile) -> HashMap<&str, Vec<&str>> {
    let groups: HashMap<&str, &[Ref]> = file
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.subjects.as_slice()))
        .collect();
    file.items
        .iter()
        .filter_map(|item| {
            let refs = if item.subjects.is_empty() {
                item.group.as_deref().and_then(|g| groups.get(g).copied())?
            } else {
                item.subjects.as_slice()
            };
            let mut ids: Vec<&str> = refs.iter().map(|r| r.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            (!ids.is_empty()).then_some((item.id.as_str(), ids))
        })
        .collect()
}

fn links(c: &mut Checker, file: &CatalogFile) {
    let whose = subjects(file);
    for (i, link) in file.links.iter().enumerate() {
        let p = format!("links[{i}]");
        if link.items.len() < 2 {
            c.error(format!("{p}.items"), "a link joins at least two entries");
        }
        let mut seen = HashSet::new();
        for (j, id) in link.items.iter().enumerate() {
            if !seen.insert(id) {
                c.error(format!("{p}.items[{j}]"), format!("`{id}` is in this link twice"));
            }
        }
        if !link.inferred && link.section.is_none() {
            c.error(
                p.clone(),
                "a stated link needs the `section` where a document says the entries are the same; otherwise mark it `inferred: true`",
            );
        }
        let people: Vec<(&String, &Vec<&str>)> = link
            .items
            .iter()
            .filter_map(|id| whose.get(id.as_str()).map(|s| (id, s)))
            .collect();
        if let Some((first, theirs)) = people.first()
            && let Some((other, others)) = people.iter().find(|(_, s)| s != theirs)
        {
            c.error(
                format!("{p}.items"),
                format!(
                    "this link joins `{first}` (data about: {}) with `{other}` (data about: {}); a link says two entries are the same field of the same person",
                    theirs.join(", "),
                    others.join(", ")
                ),
            );
        }
        let known = link
            .items
            .iter()
            .filter(|id| file.items.iter().any(|i| i.id == **id))
            .count();
        if people.len() < known && !file.subjects.is_empty() {
            c.warning(
                format!("{p}.items"),
                "some entries of this link say no `subjects`, so privcat cannot check that they are about the same person",
            );
        }
    }
}
