//! Turns validated catalog files into the library: every item with the facts, sources, subjects and
//! parties that reach it along one chain (item, group, category, sources, document), and link sets.

mod documents;
mod facts;
mod links;

use std::collections::HashMap;
use std::sync::Arc;

use crate::catalog::kinds::FactKind;
use crate::catalog::model::{Basis, Catalog, Cite, Cites, Fact, Item, Library, Origin, Use};
use crate::catalog::resolve::facts::{Given, Names, Place, Written, listed_as_collected};
use crate::catalog::sanitize::Altered;
use crate::catalog::schema::{CatalogFile, Ref};
use crate::catalog::walk::{Homes, List};
use crate::text::Text;

fn id_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect()
}

/// Builds the library from files that passed validation; references that do not resolve are skipped.
pub fn resolve(files: Vec<(String, CatalogFile, Altered)>) -> Library {
    let mut library = Library::default();
    let mut all_links = Vec::new();
    for (name, mut file, altered) in files {
        let catalog_index = library.catalogs.len();
        let first_item = library.items.len();
        let homes = Homes::new(&file);
        let (documents, citations, document_facts) = documents::documents(&mut file);
        let names = Names {
            citations: &citations,
            categories: id_index(file.categories.iter().map(|c| c.id.as_str())),
            parties: id_index(file.parties.iter().map(|p| p.id.as_str())),
            subjects: id_index(file.subjects.iter().map(|s| s.id.as_str())),
        };
        let layers = Layers::new(&file, &names, &homes, (&documents, &document_facts));
        let statements = file
            .catalog
            .statements
            .iter()
            .map(|s| {
                let statement = names.statement(s, Some(FactKind::Statement), Layers::catalog_place());
                Fact {
                    basis: Basis::from_inferred(statement.inferred),
                    statement,
                    origin: Origin::Catalog,
                }
            })
            .collect();
        let items = resolve_items(&mut file, catalog_index, &layers, &homes, &altered);
        let cites = Cites {
            categories: layers.categories.iter().map(|c| c.2).collect(),
            groups: layers.groups.iter().map(|g| g.2).collect(),
            sources: file
                .sources
                .iter()
                .map(|s| citations.cite(&s.section, 0))
                .collect(),
        };
        all_links.push(links::Written::from_file(&file, first_item, &items, &citations));
        library.items.extend(items);
        let catalog_altered =
            altered.is(List::Catalog, 0) || (0..documents.len()).any(|d| altered.is(List::Documents, d));
        let h = file.catalog;
        library.catalogs.push(Catalog {
            id: h.id,
            title: h.title,
            product: h.product,
            publisher: h.publisher,
            languages: h.languages,
            draft: h.draft,
            format: file.format.unwrap_or(1),
            documents,
            statements,
            subjects: file.subjects,
            parties: file.parties,
            platforms: file.platforms,
            dimensions: file.dimensions,
            sources: file.sources,
            categories: file.categories,
            groups: file.groups,
            cites,
            file: name,
            altered: catalog_altered,
        });
    }
    library.link_sets = links::sets(&mut library.items, all_links);
    library
}

/// What each group, category, source and document gives its items, built once per file.
struct Layers<'n> {
    names: &'n Names<'n>,
    groups: Vec<(Given, usize, Cite)>,
    categories: Vec<(Given, usize, Cite)>,
    sources: Vec<Given>,
    documents: Vec<Given>,
    ids: Ids,
}

struct Ids {
    groups: HashMap<String, usize>,
    categories: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    platforms: HashMap<String, usize>,
    subjects: HashMap<String, usize>,
    parties: HashMap<String, usize>,
}

impl<'n> Layers<'n> {
    fn new(
        file: &CatalogFile,
        names: &'n Names<'n>,
        homes: &Homes,
        (docs, document_facts): (
            &[crate::catalog::Document],
            &[Vec<crate::catalog::schema::FactSpec>],
        ),
    ) -> Layers<'n> {
        let c = names.citations;
        let categories: Vec<(Given, usize, Cite)> = file
            .categories
            .iter()
            .enumerate()
            .map(|(k, cat)| {
                let home = homes.category(&cat.id);
                let place = Place {
                    origin: Origin::Category(k),
                    home,
                    cite: c.cite(&cat.section, home),
                };
                let written = Written {
                    conditions: &cat.conditions,
                    purpose: cat.purpose.as_ref(),
                    facts: &cat.facts,
                    notes: &cat.notes,
                };
                let mut given = names.given(&written, place);
                if !given.facts.iter().any(|f| f.kind == FactKind::Collected) {
                    given.facts.insert(
                        0,
                        listed_as_collected(&cat.name, cat.exhaustive_note.as_ref(), place),
                    );
                }
                (given, home, place.cite)
            })
            .collect();
        let ids = Ids {
            groups: id_index(file.groups.iter().map(|g| g.id.as_str())),
            categories: names.categories.clone(),
            sources: id_index(file.sources.iter().map(|s| s.id.as_str())),
            platforms: id_index(file.platforms.iter().map(|p| p.id.as_str())),
            subjects: names.subjects.clone(),
            parties: names.parties.clone(),
        };
        let groups = file
            .groups
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let home = homes.group(&g.id);
                let category = g.category.as_ref().and_then(|k| ids.categories.get(k)).copied();
                let default = category.map_or(documents::Citations::first(home), |k| categories[k].2);
                let place = Place {
                    origin: Origin::Group(gi),
                    home,
                    cite: c.or(g.section.as_ref(), home, default),
                };
                let written = Written {
                    conditions: &g.conditions,
                    purpose: g.purpose.as_deref(),
                    facts: &g.facts,
                    notes: &g.notes,
                };
                (names.given(&written, place), home, place.cite)
            })
            .collect();
        let sources = file
            .sources
            .iter()
            .enumerate()
            .map(|(si, s)| {
                let place = Place {
                    origin: Origin::Source(si),
                    home: 0,
                    cite: c.cite(&s.section, 0),
                };
                let written = Written {
                    conditions: s.condition.as_slice(),
                    purpose: s.purpose.as_ref(),
                    facts: &s.facts,
                    notes: &[],
                };
                names.given(&written, place)
            })
            .collect();
        let own: Vec<Given> = document_facts
            .iter()
            .enumerate()
            .map(|(d, facts)| {
                let place = Place {
                    origin: Origin::Document(d),
                    home: d,
                    cite: documents::Citations::first(d),
                };
                let written = Written {
                    conditions: &[],
                    purpose: None,
                    facts,
                    notes: &[],
                };
                names.given(&written, place)
            })
            .collect();
        // A document's items get its own facts, then those of the documents that are about it.
        let documents = (0..own.len())
            .map(|d| {
                let mut given = own[d].clone();
                for (e, _) in docs
                    .iter()
                    .enumerate()
                    .filter(|(e, o)| *e != d && o.about.contains(&d))
                {
                    given.facts.extend(own[e].facts.iter().cloned());
                }
                given
            })
            .collect();
        Layers {
            names,
            groups,
            categories,
            sources,
            documents,
            ids,
        }
    }

    fn catalog_place() -> Place {
        Place {
            origin: Origin::Catalog,
            home: 0,
            cite: documents::Citations::first(0),
        }
    }
}

fn uses(refs: &[Ref], origin: Origin, known: &HashMap<String, usize>) -> Vec<Use> {
    refs.iter()
        .filter_map(|r| {
            known.get(&r.id).map(|&index| Use {
                index,
                origin,
                basis: Basis::from_inferred(r.inferred),
            })
        })
        .collect()
}

/// The item's own references, else its group's.
fn own_or_group(own: &[Ref], group: Option<(usize, &[Ref])>, known: &HashMap<String, usize>) -> Vec<Use> {
    let mine = uses(own, Origin::Item, known);
    if !mine.is_empty() {
        return mine;
    }
    group.map_or_else(Vec::new, |(g, refs)| uses(refs, Origin::Group(g), known))
}

fn resolve_items(
    file: &mut CatalogFile,
    catalog: usize,
    layers: &Layers,
    homes: &Homes,
    altered: &Altered,
) -> Vec<Item> {
    let ids = &layers.ids;
    let mut out = Vec::with_capacity(file.items.len());
    // Each group's and category's words on whether its list is complete, shared by its items.
    let group_notes: Vec<Option<Arc<Text>>> = file
        .groups
        .iter()
        .map(|g| g.exhaustive_note.clone().map(Arc::new))
        .collect();
    let category_notes: Vec<Option<Arc<Text>>> = file
        .categories
        .iter()
        .map(|c| c.exhaustive_note.clone().map(Arc::new))
        .collect();
    for (raw_index, raw) in file.items.iter_mut().enumerate() {
        let group = raw.group.as_ref().and_then(|g| ids.groups.get(g).copied());
        let grp = group.map(|g| &file.groups[g]);
        let category_id = grp.map_or(raw.category.as_deref(), |g| {
            g.category.as_deref().or(raw.category.as_deref())
        });
        let category = category_id.and_then(|c| ids.categories.get(c).copied());
        let home = homes.item(raw);
        // The item's section is its own, else its group's, else its category's: the same order the
        // validator checks that one exists in.
        let parent_cite = group
            .and_then(|g| grp?.section.as_ref().map(|_| layers.groups[g].2))
            .or_else(|| category.map(|k| layers.categories[k].2))
            .unwrap_or_else(|| documents::Citations::first(home));
        let cite = layers.names.citations.or(raw.section.as_ref(), home, parent_cite);
        let group_refs =
            |refs: fn(&crate::catalog::schema::Group) -> &[Ref]| grp.map(|g| (group.unwrap_or(0), refs(g)));
        let sources = own_or_group(&raw.sources, group_refs(|g| &g.sources), &ids.sources);
        let subjects = own_or_group(&raw.subjects, group_refs(|g| &g.subjects), &ids.subjects);
        let parties = own_or_group(&raw.parties, group_refs(|g| &g.parties), &ids.parties);
        let place = Place {
            origin: Origin::Item,
            home,
            cite,
        };
        let own = layers.names.given(
            &Written {
                conditions: &raw.conditions,
                purpose: raw.purpose.as_deref(),
                facts: &raw.facts,
                notes: &raw.notes,
            },
            place,
        );
        let mut facts = own.facts;
        let mut notes = own.notes;
        for shared in group
            .map(|g| &layers.groups[g].0)
            .into_iter()
            .chain(category.map(|k| &layers.categories[k].0))
        {
            facts.extend(shared.facts.iter().cloned());
            notes.extend(shared.notes.iter().cloned());
        }
        for used in &sources {
            facts.extend(layers.sources[used.index].facts.iter().map(|f| Fact {
                basis: f.basis.and(used.basis),
                ..f.clone()
            }));
        }
        if let Some(shared) = layers.documents.get(home) {
            facts.extend(shared.facts.iter().cloned());
        }

        let cat = category.map(|k| &file.categories[k]);
        let exhaustive = grp
            .and_then(|g| g.exhaustive)
            .or(cat.map(|c| c.exhaustive))
            .unwrap_or(false);
        // A group that declares its own completeness does not inherit the category's words about it.
        let group_note = group.and_then(|g| group_notes[g].clone());
        let exhaustive_note = match grp.and_then(|g| g.exhaustive) {
            Some(_) => group_note,
            None => group_note.or_else(|| category.and_then(|k| category_notes[k].clone())),
        };
        let item_altered = altered.is(List::Items, raw_index)
            || group.is_some_and(|g| altered.is(List::Groups, g))
            || category.is_some_and(|k| altered.is(List::Categories, k))
            || altered.is(List::Documents, home)
            || sources.iter().any(|u| altered.is(List::Sources, u.index));
        out.push(Item {
            id: raw.id.clone(),
            catalog,
            document: home,
            name: std::mem::replace(&mut raw.name, Text::Plain(Box::default())),
            description: raw.description.take(),
            aliases: std::mem::take(&mut raw.aliases).into(),
            category,
            group,
            sources: sources.into(),
            subjects: subjects.into(),
            parties: parties.into(),
            facts: facts.into(),
            platforms: raw
                .platforms
                .iter()
                .filter_map(|p| ids.platforms.get(p).copied())
                .collect(),
            notes: notes.into(),
            cite,
            link_set: None,
            exhaustive,
            exhaustive_note,
            altered: item_altered,
            fides: raw.fides.take().map(Box::new),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::catalog::load_builtin;

    #[test]
    fn the_items_of_a_list_share_its_words_on_completeness() {
        let library = load_builtin().library.expect("the built-in catalog loads");
        let noted: Vec<_> = library
            .items
            .iter()
            .filter_map(|i| Some(((i.catalog, i.category, i.group), i.exhaustive_note.as_ref()?)))
            .collect();
        let mut pairs = 0;
        for (n, (place, note)) in noted.iter().enumerate() {
            for (other, other_note) in &noted[n + 1..] {
                if place == other {
                    pairs += 1;
                    assert!(Arc::ptr_eq(note, other_note), "one value, not a copy per item");
                }
            }
        }
        assert!(
            pairs > 0,
            "the built-in catalog has a list with words on completeness"
        );
    }
}
