//! The JSON export: every item with its effective values, every text keyed by language.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use crate::catalog::{Basis, Catalog, Effective, Item, Library, Note, Origin};
use crate::scenario::Scenario;
use crate::text::Text;

/// The export format's version, written as `format`.
pub const JSON_FORMAT: u32 = 1;

/// The whole export: the catalogs, then the items selected (indices into `library.items`) in the
/// order given, each with its verdict when a scenario is set. Serialised one item at a time, so a
/// large export never sits whole in memory.
pub struct Export<'a> {
    pub library: &'a Library,
    pub selected: &'a [usize],
    pub scenario: Option<&'a Scenario>,
}

impl Serialize for Export<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let catalogs: Vec<Value> = self.library.catalogs.iter().map(catalog).collect();
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("format", &JSON_FORMAT)?;
        map.serialize_entry("catalogs", &catalogs)?;
        map.serialize_entry("items", &Items(self))?;
        map.end()
    }
}

struct Items<'e, 'a>(&'e Export<'a>);

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Export {
            library,
            selected,
            scenario,
        } = self.0;
        let mut seq = serializer.serialize_seq(Some(selected.len()))?;
        for &i in *selected {
            let mut value = item(library, &library.items[i]);
            if let Some(scenario) = scenario {
                value["scenario"] = verdict(library, i, scenario);
            }
            seq.serialize_element(&value)?;
        }
        seq.end()
    }
}

/// A text as an object keyed by every language of the catalog (a plain text repeats itself).
pub fn text(catalog: &Catalog, t: &Text) -> Value {
    let mut map = Map::new();
    for code in &catalog.languages {
        if let Some(s) = t.exact(code) {
            map.insert(code.clone(), Value::String(s.to_owned()));
        }
    }
    if let Text::Localized(all) = t {
        for (code, s) in all {
            map.entry(code.clone())
                .or_insert_with(|| Value::String(s.clone()));
        }
    }
    Value::Object(map)
}

fn catalog(c: &Catalog) -> Value {
    let d = &c.document;
    json!({
        "id": c.id,
        "title": text(c, &c.title),
        "product": c.product,
        "publisher": c.publisher,
        "languages": c.languages,
        "file": c.file,
        "document": {
            "title": text(c, &d.title),
            "url": d.url,
            "locale": d.locale,
            "date": d.date,
            "retrieved": d.retrieved,
            "sections": d.sections.iter().map(|s| json!({"id": s.id, "title": text(c, &s.title)})).collect::<Vec<_>>(),
        },
        "statements": c.statements.iter().map(|s| statement(c, s)).collect::<Vec<_>>(),
    })
}

/// `"item"`, `"group"`, ... and the id of what the value was stated on.
pub fn origin(c: &Catalog, o: Origin) -> (&'static str, Option<&str>) {
    match o {
        Origin::Item => ("item", None),
        Origin::Group(g) => ("group", Some(c.groups[g].id.as_str())),
        Origin::Category(k) => ("category", Some(c.categories[k].id.as_str())),
        Origin::Source(s) => ("source", Some(c.sources[s].id.as_str())),
        Origin::Catalog => ("catalog", None),
    }
}

fn basis(b: Basis) -> &'static str {
    match b {
        Basis::Stated => "stated",
        Basis::Inferred => "inferred",
    }
}

fn statement(c: &Catalog, e: &Effective) -> Value {
    let (from, from_id) = origin(c, e.origin);
    json!({
        "text": text(c, &e.text),
        "origin": from,
        "origin_id": from_id,
        "basis": basis(e.basis),
        "section": &*e.section,
    })
}

fn note(c: &Catalog, n: &Note) -> Value {
    let (from, from_id) = origin(c, n.origin);
    json!({"text": text(c, &n.text), "origin": from, "origin_id": from_id})
}

/// One item with its effective values.
pub fn item(library: &Library, it: &Item) -> Value {
    let c = library.catalog_of(it);
    json!({
        "id": it.id,
        "catalog": c.id,
        "category": c.categories[it.category].id,
        "group": it.group.map(|g| c.groups[g].id.as_str()),
        "name": text(c, &it.name),
        "description": it.description.as_ref().map(|d| text(c, d)),
        "sources": it.sources.iter().map(|u| {
            let (from, from_id) = origin(c, u.origin);
            json!({
                "id": c.sources[u.source].id,
                "name": text(c, &c.sources[u.source].name),
                "origin": from,
                "origin_id": from_id,
                "basis": basis(u.basis),
            })
        }).collect::<Vec<_>>(),
        "conditions": it.conditions.iter().map(|e| statement(c, e)).collect::<Vec<_>>(),
        "purpose": it.purposes.iter().map(|e| statement(c, e)).collect::<Vec<_>>(),
        "platforms": it.platforms.iter().map(|&p| c.platforms[p].id.as_str()).collect::<Vec<_>>(),
        "notes": it.notes.iter().map(|n| note(c, n)).collect::<Vec<_>>(),
        "section": it.section,
        "also_listed": it.also_listed.iter().map(|&j| library.items[j].id.as_str()).collect::<Vec<_>>(),
        "exhaustive": it.exhaustive,
        "exhaustive_note": it.exhaustive_note.as_ref().map(|t| text(c, t)),
    })
}

/// What a scenario means for one item: its outcome, the unset dimensions it depends on, the deciding
/// conditions and the category it counts as.
pub fn verdict(library: &Library, index: usize, scenario: &Scenario) -> Value {
    use crate::scenario::{Outcome, evaluate};
    let it = &library.items[index];
    let c = library.catalog_of(it);
    let v = evaluate(it, scenario);
    let (outcome, depends_on) = match &v.outcome {
        Outcome::Collected => ("collected", Vec::new()),
        Outcome::NotCollected => ("not-collected", Vec::new()),
        Outcome::Depends(dims) => ("depends", dims.clone()),
    };
    json!({
        "setup": scenario.values,
        "outcome": outcome,
        "depends_on": depends_on,
        "because": v.because.iter().map(|&i| statement(c, &it.conditions[i])).collect::<Vec<_>>(),
        "category": c.categories[v.category].id,
    })
}
