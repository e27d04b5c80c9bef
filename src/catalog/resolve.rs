//! Turns validated catalog files into the library: effective sources, conditions and purposes per item, and links.

use std::collections::HashMap;

use crate::catalog::model::{Basis, Catalog, Effective, Item, Library, Note, Origin, SourceUse};
use crate::catalog::sanitize::Altered;
use crate::catalog::schema::{self, CatalogFile, SourceRef, Statement};

fn basis(inferred: bool) -> Basis {
    if inferred { Basis::Inferred } else { Basis::Stated }
}

fn effective(statement: &Statement, origin: Origin, default_section: &str) -> Effective {
    Effective {
        text: statement.text.clone(),
        origin,
        basis: basis(statement.inferred),
        section: statement
            .section
            .clone()
            .unwrap_or_else(|| default_section.to_owned()),
        when: statement.when.clone(),
        treated_as: None,
    }
}

/// Builds the library from files that passed validation; references that do not resolve are skipped.
pub fn resolve(files: Vec<(String, CatalogFile, Altered)>) -> Library {
    let mut library = Library::default();
    for (name, file, altered) in files {
        let catalog_index = library.catalogs.len();
        let first_item = library.items.len();
        let items = resolve_items(&file, catalog_index, &altered);
        library.items.extend(items);
        link_listings(&mut library.items[first_item..], &file.items, first_item);
        library.catalogs.push(catalog(name, file, altered.catalog));
    }
    library
}

fn catalog(name: String, file: CatalogFile, altered: bool) -> Catalog {
    let h = file.catalog;
    let first_section = h
        .document
        .sections
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let statements = h
        .statements
        .iter()
        .map(|s| effective(s, Origin::Catalog, &first_section))
        .collect();
    Catalog {
        id: h.id,
        title: h.title,
        product: h.product,
        publisher: h.publisher,
        languages: h.languages,
        document: h.document,
        statements,
        platforms: file.platforms,
        dimensions: file.dimensions,
        sources: file.sources,
        categories: file.categories,
        groups: file.groups,
        file: name,
        altered,
    }
}

fn resolve_items(file: &CatalogFile, catalog: usize, altered: &Altered) -> Vec<Item> {
    let index = |ids: Vec<&str>| -> HashMap<String, usize> {
        ids.into_iter()
            .enumerate()
            .map(|(i, id)| (id.to_owned(), i))
            .collect()
    };
    let categories = index(file.categories.iter().map(|c| c.id.as_str()).collect());
    let groups = index(file.groups.iter().map(|g| g.id.as_str()).collect());
    let sources = index(file.sources.iter().map(|s| s.id.as_str()).collect());
    let platforms = index(file.platforms.iter().map(|p| p.id.as_str()).collect());

    let eff = |s: &Statement, origin: Origin, section: &str| {
        let mut e = effective(s, origin, section);
        e.treated_as = s.treated_as.as_ref().and_then(|c| categories.get(c).copied());
        e
    };
    let mut out = Vec::with_capacity(file.items.len());
    for (raw_index, raw) in file.items.iter().enumerate() {
        let group = raw.group.as_ref().and_then(|g| groups.get(g).copied());
        let category_id = group.map_or(raw.category.as_deref(), |g| {
            Some(file.groups[g].category.as_str())
        });
        let Some(category) = category_id.and_then(|c| categories.get(c).copied()) else {
            continue;
        };
        let cat = &file.categories[category];
        let grp = group.map(|g| &file.groups[g]);
        let section = raw
            .section
            .clone()
            .or_else(|| grp.and_then(|g| g.section.clone()))
            .unwrap_or_else(|| cat.section.clone());
        let group_section = grp
            .and_then(|g| g.section.clone())
            .unwrap_or_else(|| cat.section.clone());

        let item_sources = source_uses(&raw.sources, Origin::Item, &sources);
        let sources_used = if item_sources.is_empty() {
            group.map_or_else(Vec::new, |g| {
                source_uses(&file.groups[g].sources, Origin::Group(g), &sources)
            })
        } else {
            item_sources
        };

        let mut conditions: Vec<Effective> = raw
            .conditions
            .iter()
            .map(|s| eff(s, Origin::Item, &section))
            .collect();
        let mut purposes: Vec<Effective> = raw
            .purpose
            .iter()
            .map(|s| eff(s, Origin::Item, &section))
            .collect();
        if let (Some(g), Some(gi)) = (grp, group) {
            conditions.extend(
                g.conditions
                    .iter()
                    .map(|s| eff(s, Origin::Group(gi), &group_section)),
            );
            purposes.extend(
                g.purpose
                    .iter()
                    .map(|s| eff(s, Origin::Group(gi), &group_section)),
            );
        }
        conditions.extend(
            cat.conditions
                .iter()
                .map(|s| eff(s, Origin::Category(category), &cat.section)),
        );
        purposes.extend(
            cat.purpose
                .iter()
                .map(|s| eff(s, Origin::Category(category), &cat.section)),
        );
        for used in &sources_used {
            let src = &file.sources[used.source];
            let from_source = |s: &Statement| {
                let mut e = eff(s, Origin::Source(used.source), &src.section);
                if used.basis == Basis::Inferred {
                    e.basis = Basis::Inferred;
                }
                e
            };
            conditions.extend(src.condition.iter().map(from_source));
            purposes.extend(src.purpose.iter().map(from_source));
        }

        let mut notes: Vec<Note> = raw
            .notes
            .iter()
            .map(|t| Note {
                text: t.clone(),
                origin: Origin::Item,
            })
            .collect();
        if let (Some(g), Some(gi)) = (grp, group) {
            notes.extend(g.notes.iter().map(|t| Note {
                text: t.clone(),
                origin: Origin::Group(gi),
            }));
        }
        notes.extend(cat.notes.iter().map(|t| Note {
            text: t.clone(),
            origin: Origin::Category(category),
        }));

        let exhaustive = grp.and_then(|g| g.exhaustive).unwrap_or(cat.exhaustive);
        let group_note = grp.and_then(|g| g.exhaustive_note.clone());
        // A group that declares its own completeness does not inherit the category's words about it.
        let exhaustive_note = match grp.and_then(|g| g.exhaustive) {
            Some(_) => group_note,
            None => group_note.or_else(|| cat.exhaustive_note.clone()),
        };
        let item_altered = altered.items[raw_index]
            || group.is_some_and(|g| altered.groups[g])
            || altered.categories[category]
            || sources_used.iter().any(|u| altered.sources[u.source]);
        out.push(Item {
            id: raw.id.clone(),
            catalog,
            name: raw.name.clone(),
            description: raw.description.clone(),
            category,
            group,
            sources: sources_used,
            conditions,
            purposes,
            platforms: raw
                .platforms
                .iter()
                .filter_map(|p| platforms.get(p).copied())
                .collect(),
            notes,
            section,
            also_listed: Vec::new(),
            exhaustive,
            exhaustive_note,
            altered: item_altered,
        });
    }
    out
}

fn source_uses(refs: &[SourceRef], origin: Origin, sources: &HashMap<String, usize>) -> Vec<SourceUse> {
    refs.iter()
        .filter_map(|r| {
            sources.get(&r.id).map(|&source| SourceUse {
                source,
                origin,
                basis: basis(r.inferred),
            })
        })
        .collect()
}

/// The representative of `i`'s set, compressing the path on the way.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Makes `also_listed` symmetric and transitive: every listing of a field names all the others.
fn link_listings(items: &mut [Item], raw: &[schema::Item], offset: usize) {
    let position: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..items.len()).collect();
    for r in raw {
        let Some(&a) = position.get(r.id.as_str()) else {
            continue;
        };
        for other in &r.also_listed {
            if let Some(&b) = position.get(other.as_str()) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let roots: Vec<usize> = (0..items.len()).map(|i| root(&mut parent, i)).collect();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, r) in roots.iter().enumerate() {
        members.entry(*r).or_default().push(i);
    }
    for (i, item) in items.iter_mut().enumerate() {
        item.also_listed = members[&roots[i]]
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| j + offset)
            .collect();
    }
}
