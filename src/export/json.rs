//! The JSON export: the catalogs with their documents, and every item with every fact that reaches it,
//! every text keyed by language.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Value, json};

use crate::catalog::schema::{Declared, Edition};
use crate::catalog::{Catalog, Cite, Document, Expr, Fact, FactKind, Item, Library, Note, Origin, Use};
use crate::scenario::Scenario;
use crate::text::Text;

/// The export format's version, written as `format`.
pub const JSON_FORMAT: u32 = 2;

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
        let rests_on: Vec<Value> = crate::export::rests_on::documents(self.library, self.selected)
            .into_iter()
            .map(|d| rests_on(&self.library.catalogs[d.catalog], d.document))
            .collect();
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("format", &JSON_FORMAT)?;
        map.serialize_entry("rests_on", &rests_on)?;
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
            let mut value = item(library, i);
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
            map.entry(code.to_string())
                .or_insert_with(|| Value::String(s.to_string()));
        }
    }
    Value::Object(map)
}

fn edition(e: &Edition) -> Value {
    json!({
        "language": e.language,
        "locale": e.locale,
        "url": e.url,
        "date": e.date,
        "retrieved": e.retrieved,
        "source": e.source.as_ref().map(|s| json!({
            "repository": s.repository,
            "path": s.path,
            "commit": s.commit,
            "date": s.date,
        })),
    })
}

fn document(c: &Catalog, d: &Document) -> Value {
    json!({
        "id": d.id,
        "title": text(c, &d.title),
        "editions": d.editions.iter().map(edition).collect::<Vec<_>>(),
        "version_of": d.version_of.map(|v| c.documents[v].id.as_str()),
        "sections": d.sections.iter().map(|s| json!({"id": s.id, "title": text(c, &s.title)})).collect::<Vec<_>>(),
    })
}

/// A document the export rests on: its catalog and id, title, the version it replaces and the
/// dates and addresses of its editions.
fn rests_on(c: &Catalog, d: usize) -> Value {
    let doc = &c.documents[d];
    json!({
        "catalog": c.id,
        "document": doc.id,
        "title": text(c, &doc.title),
        "version_of": doc.version_of.map(|v| c.documents[v].id.as_str()),
        "editions": doc.editions.iter().map(edition).collect::<Vec<_>>(),
    })
}

/// The first document in the shape of format 1's one `document`.
fn first_document(c: &Catalog) -> Value {
    let Some(d) = c.documents.first() else {
        return Value::Null;
    };
    let e = d.editions.first();
    json!({
        "title": text(c, &d.title),
        "url": e.and_then(|e| e.url.as_deref()),
        "locale": e.and_then(|e| e.locale.as_deref()),
        "date": e.and_then(|e| e.date.as_deref()),
        "retrieved": e.and_then(|e| e.retrieved.as_deref()),
        "sections": d.sections.iter().map(|s| json!({"id": s.id, "title": text(c, &s.title)})).collect::<Vec<_>>(),
    })
}

fn declared(c: &Catalog, list: &[Declared]) -> Vec<Value> {
    list.iter()
        .map(|d| {
            json!({
                "id": d.id,
                "name": text(c, &d.name),
                "description": d.description.as_ref().map(|t| text(c, t)),
            })
        })
        .collect()
}

fn catalog(c: &Catalog) -> Value {
    json!({
        "id": c.id,
        "title": text(c, &c.title),
        "product": c.product,
        "publisher": c.publisher,
        "languages": c.languages,
        "format": c.format,
        "file": c.file,
        "document": first_document(c),
        "documents": c.documents.iter().map(|d| document(c, d)).collect::<Vec<_>>(),
        "subjects": declared(c, &c.subjects),
        "parties": declared(c, &c.parties),
        "statements": c.statements.iter().map(|s| fact(c, s)).collect::<Vec<_>>(),
    })
}

/// `"item"`, `"group"`, ... and the id of what the value was stated on.
pub fn origin(c: &Catalog, o: Origin) -> (&'static str, Option<&str>) {
    match o {
        Origin::Item => ("item", None),
        Origin::Group(g) => ("group", Some(c.groups[g].id.as_str())),
        Origin::Category(k) => ("category", Some(c.categories[k].id.as_str())),
        Origin::Source(s) => ("source", Some(c.sources[s].id.as_str())),
        Origin::Document(d) => ("document", Some(c.documents[d].id.as_str())),
        Origin::Catalog => ("catalog", None),
    }
}

fn cite(c: &Catalog, cite: Cite) -> Value {
    json!({
        "document": c.documents.get(cite.document as usize).map(|d| d.id.as_str()),
        "section": c.section(cite).map(|s| s.id.as_str()),
    })
}

fn value(c: &Catalog, v: &crate::catalog::Value) -> Value {
    use crate::catalog::Value as V;
    match v {
        V::Text(t) => text(c, t),
        V::Party(p) => Value::String(c.parties[*p].id.clone()),
        V::Subject(s) => Value::String(c.subjects[*s].id.clone()),
        V::Choice(choice) => Value::String(choice.id().to_owned()),
        V::Duration(d) => json!({"amount": d.amount, "unit": d.unit.names().1, "iso": d.iso()}),
        V::Flag(b) => Value::Bool(*b),
    }
}

fn fact(c: &Catalog, f: &Fact) -> Value {
    let (from, from_id) = origin(c, f.origin);
    let mut v = json!({
        "kind": f.kind.id(),
        "text": text(c, &f.text),
        "origin": from,
        "origin_id": from_id,
        "basis": f.basis.id(),
        "section": c.section(f.cite).map(|s| s.id.as_str()),
        "cite": cite(c, f.cite),
    });
    if let Some(when) = &f.when {
        v["when"] = condition(when);
    }
    if let Some(k) = f.treated_as {
        v["treated_as"] = Value::String(c.categories[k].id.clone());
    }
    for (key, val) in &f.values {
        v[key.id()] = value(c, val);
    }
    v
}

/// A structured condition in the shape a catalog writes it.
fn condition(expr: &Expr) -> Value {
    match expr {
        Expr::Is { dimension, values } => {
            let value = match values.as_slice() {
                [one] => json!(one),
                many => json!(many),
            };
            json!({ dimension.as_str(): value })
        }
        Expr::Any(list) => json!({"any": list.iter().map(condition).collect::<Vec<_>>()}),
        Expr::All(list) => json!({"all": list.iter().map(condition).collect::<Vec<_>>()}),
        Expr::Not(inner) => json!({"not": condition(inner)}),
    }
}

fn note(c: &Catalog, n: &Note) -> Value {
    let (from, from_id) = origin(c, n.origin);
    json!({"text": text(c, &n.text), "origin": from, "origin_id": from_id})
}

fn uses(
    c: &Catalog,
    list: &[Use],
    ids: impl Fn(usize) -> String,
    names: impl Fn(usize) -> Value,
) -> Vec<Value> {
    list.iter()
        .map(|u| {
            let (from, from_id) = origin(c, u.origin);
            json!({
                "id": ids(u.index),
                "name": names(u.index),
                "origin": from,
                "origin_id": from_id,
                "basis": u.basis.id(),
            })
        })
        .collect()
}

fn facts_of(c: &Catalog, it: &Item, kind: FactKind) -> Vec<Value> {
    it.facts_of(kind).map(|f| fact(c, f)).collect()
}

/// One item with everything that reaches it.
pub fn item(library: &Library, index: usize) -> Value {
    let it = &library.items[index];
    let c = library.catalog_of(it);
    let linked = library.linked(index);
    json!({
        "id": it.id,
        "catalog": c.id,
        "document": c.documents[it.document].id,
        "category": it.category.map(|k| c.categories[k].id.as_str()),
        "group": it.group.map(|g| c.groups[g].id.as_str()),
        "name": text(c, &it.name),
        "description": it.description.as_ref().map(|d| text(c, d)),
        "subjects": uses(c, &it.subjects, |i| c.subjects[i].id.clone(), |i| text(c, &c.subjects[i].name)),
        "sources": uses(c, &it.sources, |i| c.sources[i].id.clone(), |i| text(c, &c.sources[i].name)),
        "parties": uses(c, &it.parties, |i| c.parties[i].id.clone(), |i| text(c, &c.parties[i].name)),
        "conditions": facts_of(c, it, FactKind::Condition),
        "purpose": facts_of(c, it, FactKind::Purpose),
        "facts": it.facts.iter().map(|f| fact(c, f)).collect::<Vec<_>>(),
        "platforms": it.platforms.iter().map(|&p| c.platforms[p].id.as_str()).collect::<Vec<_>>(),
        "notes": it.notes.iter().map(|n| note(c, n)).collect::<Vec<_>>(),
        "section": c.section(it.cite).map(|s| s.id.as_str()),
        "cite": cite(c, it.cite),
        "also_listed": linked.iter().map(|l| library.items[l.item].id.as_str()).collect::<Vec<_>>(),
        "links": linked.iter().map(|l| json!({"id": library.items[l.item].id, "basis": l.basis.id()})).collect::<Vec<_>>(),
        "exhaustive": it.exhaustive,
        "exhaustive_note": it.exhaustive_note.as_ref().map(|t| text(c, t)),
    })
}

/// What a scenario means for one item: its outcome, the unset dimensions it depends on, the deciding
/// facts, whether it rests on the catalog's reading, and the category it counts as.
pub fn verdict(library: &Library, index: usize, scenario: &Scenario) -> Value {
    use crate::scenario::{Outcome, evaluate};
    let it = &library.items[index];
    let c = library.catalog_of(it);
    let v = evaluate(library, index, scenario);
    let decider = &library.items[v.decided_by];
    let (outcome, depends_on) = match &v.outcome {
        Outcome::Collected => ("collected", Vec::new()),
        Outcome::NotCollected => ("not-collected", Vec::new()),
        Outcome::Depends(dims) => ("depends", dims.clone()),
        Outcome::Unsettled => ("unsettled", Vec::new()),
    };
    json!({
        "setup": scenario.values,
        "outcome": outcome,
        "basis": v.basis.id(),
        "depends_on": depends_on,
        "because": v.because.iter().map(|&i| fact(c, &decider.facts[i])).collect::<Vec<_>>(),
        "decided_by": decider.id,
        "category": v.category.map(|k| c.categories[k].id.as_str()),
    })
}
