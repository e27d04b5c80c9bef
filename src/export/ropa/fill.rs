//! Filling the record's fields from the facts, sources, subjects and parties that reach an
//! activity's entries: each line with its basis and citations.

use std::sync::Arc;

use crate::catalog::{Basis, Catalog, Cite, FactKind, Key, Library, Origin, Statement, Use, Value};
use crate::describe::values;
use crate::export::ropa::{Entry, Field};
use crate::i18n::words;
use crate::text::Lang;

pub(super) fn entries(
    library: &Library,
    catalog: &Catalog,
    items: &[usize],
    field: Field,
    lang: Lang,
) -> Vec<Entry> {
    if let Some(kind) = field.kind() {
        return quoted(library, catalog, items, kind, lang);
    }
    match field {
        Field::Subjects => subjects(library, catalog, items, lang),
        Field::Data => data(library, catalog, items, lang),
        Field::Recipients => parties(library, catalog, items, FactKind::SharedWith, lang),
        Field::Origins => {
            let mut out = sources(library, catalog, items, lang);
            out.extend(parties(library, catalog, items, FactKind::ReceivedFrom, lang));
            out
        }
        _ => Vec::new(),
    }
}

/// The facts of one kind, quoted: one line per sentence, with the keys each states it with.
fn quoted(library: &Library, catalog: &Catalog, items: &[usize], kind: FactKind, lang: Lang) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for (s, basis) in distinct_facts(library, items, kind) {
        let text = s.text.get(lang).to_owned();
        let detail = values(catalog, &s, lang);
        // One sentence stated with several keys (the storage locations it lists, the rights it
        // names) is one line with each of them.
        if let Some(e) = out.iter_mut().find(|e| e.text == text && e.cites == [s.cite]) {
            e.basis = e.basis.min(basis);
            e.detail = match (e.detail.take(), detail) {
                (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
                (a, b) => a.or(b),
            };
            continue;
        }
        out.push(Entry {
            text,
            quoted: true,
            detail,
            basis,
            cites: vec![s.cite],
        });
    }
    out
}

/// The statements of one kind that reach the items, each once, in the order first met, with the
/// firmer basis it reaches any of them with.
fn distinct_facts(library: &Library, items: &[usize], kind: FactKind) -> Vec<(Arc<Statement>, Basis)> {
    let mut out: Vec<(Arc<Statement>, Basis)> = Vec::new();
    for &i in items {
        for f in library.items[i].facts_of(kind) {
            match out.iter_mut().find(|(s, _)| Arc::ptr_eq(s, &f.statement)) {
                Some((_, basis)) => *basis = (*basis).min(f.basis),
                None => out.push((Arc::clone(&f.statement), f.basis)),
            }
        }
    }
    out
}

/// Where a source, subject or party reference is given: the item's section or its group's.
fn use_cite(library: &Library, catalog: &Catalog, item: usize, u: &Use) -> Cite {
    match u.origin {
        Origin::Group(g) => catalog.cites.groups[g],
        _ => library.items[item].cite,
    }
}

fn push_entry(out: &mut Vec<Entry>, text: String, basis: Basis, cite: Cite) {
    match out.iter_mut().find(|e| e.text == text) {
        Some(e) => {
            e.basis = e.basis.min(basis);
            if !e.cites.contains(&cite) {
                e.cites.push(cite);
            }
        }
        None => out.push(Entry {
            text,
            quoted: false,
            detail: None,
            basis,
            cites: vec![cite],
        }),
    }
}

fn subjects(library: &Library, catalog: &Catalog, items: &[usize], lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    for &i in items {
        for u in &library.items[i].subjects {
            let name = catalog.subjects[u.index].name.get(lang).to_owned();
            push_entry(&mut out, name, u.basis, use_cite(library, catalog, i, u));
        }
    }
    out
}

fn sources(library: &Library, catalog: &Catalog, items: &[usize], lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    for &i in items {
        for u in &library.items[i].sources {
            let name = catalog.sources[u.index].name.get(lang).to_owned();
            push_entry(&mut out, name, u.basis, catalog.cites.sources[u.index]);
        }
    }
    out
}

/// One entry per heading the items stand under (their group, else the activity itself), naming
/// the items.
fn data(library: &Library, catalog: &Catalog, items: &[usize], lang: Lang) -> Vec<Entry> {
    let mut out: Vec<(Option<usize>, Entry)> = Vec::new();
    for &i in items {
        let it = &library.items[i];
        let name = it.name.get(lang).to_owned();
        if let Some((_, e)) = out.iter_mut().find(|(g, _)| *g == it.group) {
            let detail = e.detail.get_or_insert_with(String::new);
            detail.push_str(", ");
            detail.push_str(&name);
            if !e.cites.contains(&it.cite) {
                e.cites.push(it.cite);
            }
            continue;
        }
        let heading = it.group.map(|g| catalog.groups[g].name.get(lang).to_owned());
        let entry = Entry {
            text: heading.unwrap_or_default(),
            quoted: false,
            detail: Some(name),
            basis: Basis::Stated,
            cites: vec![it.cite],
        };
        out.push((it.group, entry));
    }
    out.into_iter().map(|(_, e)| e).collect()
}

/// The facts stated per entry for one party, summed up: its services and how many fields.
struct PartyLine {
    party: usize,
    services: Vec<String>,
    fields: usize,
    basis: Basis,
    cites: Vec<Cite>,
}

/// The facts of one kind stated per entry, summed up per party.
fn per_party(library: &Library, items: &[usize], kind: FactKind, lang: Lang) -> Vec<PartyLine> {
    let mut per_party: Vec<PartyLine> = Vec::new();
    for &i in items {
        for f in library.items[i].facts_of(kind) {
            let Some(party) = f.party() else { continue };
            if f.origin != Origin::Item {
                continue;
            }
            let at = per_party
                .iter()
                .position(|p| p.party == party)
                .unwrap_or_else(|| {
                    per_party.push(PartyLine {
                        party,
                        services: Vec::new(),
                        fields: 0,
                        basis: f.basis,
                        cites: Vec::new(),
                    });
                    per_party.len() - 1
                });
            let line = &mut per_party[at];
            if let Some(Value::Text(t)) = f.value(Key::Service) {
                let service = t.get(lang).to_owned();
                if !line.services.contains(&service) {
                    line.services.push(service);
                }
            }
            line.fields += 1;
            line.basis = line.basis.min(f.basis);
            if !line.cites.contains(&f.cite) {
                line.cites.push(f.cite);
            }
        }
    }
    per_party
}

/// Per party, what goes to it (or comes from it): the facts stated for more than one entry, quoted,
/// and one line for those stated per entry, with the services and the number of fields.
fn parties(library: &Library, catalog: &Catalog, items: &[usize], kind: FactKind, lang: Lang) -> Vec<Entry> {
    let w = &words(lang).records;
    let mut out = Vec::new();
    let per_party = per_party(library, items, kind, lang);
    for (s, basis) in distinct_facts(library, items, kind) {
        let Some(party) = s.party() else { continue };
        let stated_per_item = items.iter().all(|&i| {
            library.items[i]
                .facts_of(kind)
                .all(|f| !Arc::ptr_eq(&f.statement, &s) || f.origin == Origin::Item)
        });
        if stated_per_item {
            continue;
        }
        out.push(Entry {
            text: s.text.get(lang).to_owned(),
            quoted: true,
            detail: Some(catalog.parties[party].name.get(lang).to_owned()),
            basis,
            cites: vec![s.cite],
        });
    }
    for line in per_party {
        let (one, many) = w.fields_named;
        let n = line.fields;
        let mut detail = format!("{n} {}", if n == 1 { one } else { many });
        if !line.services.is_empty() {
            detail = format!("{}: {} · {detail}", w.services, line.services.join(", "));
        }
        out.push(Entry {
            text: catalog.parties[line.party].name.get(lang).to_owned(),
            quoted: false,
            detail: Some(detail),
            basis: line.basis,
            cites: line.cites,
        });
    }
    out
}
