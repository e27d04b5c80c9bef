//! Turns validated catalog files into the library: effective sources, conditions and purposes per item, and links.

use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::model::{Basis, Catalog, Effective, Item, Library, Note, Origin, SourceUse};
use crate::catalog::sanitize::Altered;
use crate::catalog::schema::{self, CatalogFile, SourceRef, Statement};
use crate::text::Text;

fn basis(inferred: bool) -> Basis {
    if inferred { Basis::Inferred } else { Basis::Stated }
}

fn effective(statement: &Statement, origin: Origin, default_section: &str) -> Effective {
    Effective {
        text: Arc::new(statement.text.clone()),
        origin,
        basis: basis(statement.inferred),
        section: statement.section.as_deref().unwrap_or(default_section).into(),
        when: statement.when.clone().map(Arc::new),
        treated_as: None,
    }
}

/// Builds the library from files that passed validation; references that do not resolve are skipped.
pub fn resolve(files: Vec<(String, CatalogFile, Altered)>) -> Library {
    let mut library = Library::default();
    for (name, mut file, altered) in files {
        let catalog_index = library.catalogs.len();
        let first_item = library.items.len();
        let items = resolve_items(&mut file, catalog_index, &altered);
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

/// The statements a group, category or source gives each of its items, built once and shared.
struct Given {
    conditions: Vec<Effective>,
    purposes: Vec<Effective>,
    notes: Vec<Note>,
}

fn given(
    conditions: &[Statement],
    purpose: Option<&Statement>,
    notes: &[crate::text::Text],
    origin: Origin,
    section: &str,
    categories: &HashMap<String, usize>,
) -> Given {
    let eff = |s: &Statement| {
        let mut e = effective(s, origin, section);
        e.treated_as = s.treated_as.as_ref().and_then(|c| categories.get(c).copied());
        e
    };
    Given {
        conditions: conditions.iter().map(eff).collect(),
        purposes: purpose.into_iter().map(eff).collect(),
        notes: notes
            .iter()
            .map(|t| Note {
                text: Arc::new(t.clone()),
                origin,
            })
            .collect(),
    }
}

fn id_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect()
}

fn resolve_items(file: &mut CatalogFile, catalog: usize, altered: &Altered) -> Vec<Item> {
    let categories = id_index(file.categories.iter().map(|c| c.id.as_str()));
    let groups = id_index(file.groups.iter().map(|g| g.id.as_str()));
    let sources = id_index(file.sources.iter().map(|s| s.id.as_str()));
    let platforms = id_index(file.platforms.iter().map(|p| p.id.as_str()));
    let by_category: Vec<Given> = file
        .categories
        .iter()
        .enumerate()
        .map(|(k, c)| {
            given(
                &c.conditions,
                c.purpose.as_ref(),
                &c.notes,
                Origin::Category(k),
                &c.section,
                &categories,
            )
        })
        .collect();
    let by_group: Vec<Given> = file
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            let section = g.section.clone().or_else(|| {
                categories
                    .get(&g.category)
                    .map(|&k| file.categories[k].section.clone())
            });
            given(
                &g.conditions,
                g.purpose.as_ref(),
                &g.notes,
                Origin::Group(gi),
                section.as_deref().unwrap_or(""),
                &categories,
            )
        })
        .collect();
    let by_source: Vec<Given> = file
        .sources
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let conditions: Vec<Statement> = s.condition.iter().cloned().collect();
            given(
                &conditions,
                s.purpose.as_ref(),
                &[],
                Origin::Source(si),
                &s.section,
                &categories,
            )
        })
        .collect();
    let category_notes: Vec<Option<Arc<Text>>> = file
        .categories
        .iter()
        .map(|c| c.exhaustive_note.clone().map(Arc::new))
        .collect();
    let group_notes: Vec<Option<Arc<Text>>> = file
        .groups
        .iter()
        .map(|g| g.exhaustive_note.clone().map(Arc::new))
        .collect();

    let mut out = Vec::with_capacity(file.items.len());
    for (raw_index, raw) in file.items.iter_mut().enumerate() {
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

        let item_sources = source_uses(&raw.sources, Origin::Item, &sources);
        let sources_used = if item_sources.is_empty() {
            group.map_or_else(Vec::new, |g| {
                source_uses(&file.groups[g].sources, Origin::Group(g), &sources)
            })
        } else {
            item_sources
        };
        let own = given(
            &raw.conditions,
            raw.purpose.as_ref(),
            &raw.notes,
            Origin::Item,
            &section,
            &categories,
        );
        let mut conditions = own.conditions;
        let mut purposes = own.purposes;
        let mut notes = own.notes;
        for shared in group
            .map(|g| &by_group[g])
            .into_iter()
            .chain([&by_category[category]])
        {
            conditions.extend(shared.conditions.iter().cloned());
            purposes.extend(shared.purposes.iter().cloned());
            notes.extend(shared.notes.iter().cloned());
        }
        for used in &sources_used {
            let inferred = |mut e: Effective| {
                if used.basis == Basis::Inferred {
                    e.basis = Basis::Inferred;
                }
                e
            };
            conditions.extend(by_source[used.source].conditions.iter().cloned().map(inferred));
            purposes.extend(by_source[used.source].purposes.iter().cloned().map(inferred));
        }
        conditions.shrink_to_fit();
        purposes.shrink_to_fit();

        let exhaustive = grp.and_then(|g| g.exhaustive).unwrap_or(cat.exhaustive);
        let group_note = group.and_then(|g| group_notes[g].clone());
        // A group that declares its own completeness does not inherit the category's words about it.
        let exhaustive_note = match grp.and_then(|g| g.exhaustive) {
            Some(_) => group_note,
            None => group_note.or_else(|| category_notes[category].clone()),
        };
        let item_altered = altered.items[raw_index]
            || group.is_some_and(|g| altered.groups[g])
            || altered.categories[category]
            || sources_used.iter().any(|u| altered.sources[u.source]);
        out.push(Item {
            id: raw.id.clone(),
            catalog,
            name: std::mem::replace(&mut raw.name, Text::Plain(String::new())),
            description: raw.description.take(),
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
