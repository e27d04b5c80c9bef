//! What reaches an item, as catalog/FORMAT.md describes it: the order item, group, category,
//! source; where each value came from; inferred sources; section defaults; links; `exhaustive`.

use privcat::catalog::{Basis, Cite, Fact, Item, Library, Origin, load_texts};

/// A catalog that gives a condition and a purpose at every level.
const LAYERED: &str = r"
catalog:
  id: layered
  title: Layered
  product: Product
  publisher: Publisher
  languages: [en]
  document:
    title: Document
    sections:
      - {id: intro, title: Intro}
      - {id: data, title: Data}
      - {id: devices-part, title: Devices part}
      - {id: elsewhere, title: Elsewhere}
  statements:
    - text: We never sell data.
sources:
  - id: devices
    name: Devices
    condition: {text: source condition}
    purpose: {text: source purpose}
    section: intro
  - id: portal
    name: Portal
    condition: {text: portal condition}
    section: intro
categories:
  - id: identified
    name: Identified
    purpose: {text: category purpose}
    conditions: [{text: category condition}]
    notes: [category note]
    exhaustive: false
    exhaustive_note: may include
    section: data
groups:
  - id: hardware
    category: identified
    name: Hardware
    purpose: {text: group purpose}
    conditions: [{text: group condition, inferred: true}]
    notes: [group note]
    sources: [devices]
    exhaustive: true
    exhaustive_note: exactly these
    section: devices-part
items:
  - id: serial
    group: hardware
    name: Serial
    purpose: {text: item purpose}
    conditions: [{text: item condition, section: elsewhere}]
    notes: [item note]
  - id: imei
    group: hardware
    name: IMEI
    sources: [{id: portal, inferred: true}]
  - id: loose
    category: identified
    name: Loose
    also_listed: [serial]
  - id: other
    category: identified
    name: Other
    also_listed: [loose]
";

fn load(text: &str) -> Library {
    let report = load_texts(vec![("layered.yaml".into(), text.as_bytes().to_vec())]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.library.unwrap()
}

fn item<'l>(library: &'l Library, id: &str) -> &'l Item {
    &library.items[library.find(id).unwrap()]
}

type Row<'a> = (&'a str, Origin, Basis, &'a str);

fn rows<'a>(library: &'a Library, facts: impl IntoIterator<Item = &'a Fact>) -> Vec<Row<'a>> {
    facts
        .into_iter()
        .map(|f| (f.text.get_code("en"), f.origin, f.basis, section(library, f.cite)))
        .collect()
}

fn section(library: &Library, cite: Cite) -> &str {
    &library.catalogs[0].section(cite).expect("a cited section").id
}

#[test]
fn conditions_and_purposes_come_nearest_first() {
    let library = load(LAYERED);
    let serial = item(&library, "serial");
    assert_eq!(
        rows(&library, serial.conditions()),
        [
            ("item condition", Origin::Item, Basis::Stated, "elsewhere"),
            (
                "group condition",
                Origin::Group(0),
                Basis::Inferred,
                "devices-part"
            ),
            ("category condition", Origin::Category(0), Basis::Stated, "data"),
            ("source condition", Origin::Source(0), Basis::Stated, "intro"),
        ]
    );
    assert_eq!(
        rows(&library, serial.purposes()),
        [
            ("item purpose", Origin::Item, Basis::Stated, "devices-part"),
            ("group purpose", Origin::Group(0), Basis::Stated, "devices-part"),
            ("category purpose", Origin::Category(0), Basis::Stated, "data"),
            ("source purpose", Origin::Source(0), Basis::Stated, "intro"),
        ]
    );
    let notes: Vec<(&str, Origin)> = serial
        .notes
        .iter()
        .map(|n| (n.text.get_code("en"), n.origin))
        .collect();
    assert_eq!(
        notes,
        [
            ("item note", Origin::Item),
            ("group note", Origin::Group(0)),
            ("category note", Origin::Category(0)),
        ]
    );
    assert_eq!(section(&library, serial.cite), "devices-part");
}

#[test]
fn item_sources_replace_the_groups_and_inferred_sources_make_their_statements_inferred() {
    let library = load(LAYERED);
    let serial = item(&library, "serial");
    assert_eq!(serial.sources.len(), 1);
    assert_eq!(
        (
            serial.sources[0].index,
            serial.sources[0].origin,
            serial.sources[0].basis
        ),
        (0, Origin::Group(0), Basis::Stated)
    );

    let imei = item(&library, "imei");
    assert_eq!(
        imei.sources.len(),
        1,
        "the item's own sources replace the group's"
    );
    assert_eq!(
        (
            imei.sources[0].index,
            imei.sources[0].origin,
            imei.sources[0].basis
        ),
        (1, Origin::Item, Basis::Inferred)
    );
    let from_sources: Vec<Row> = rows(&library, imei.conditions())
        .into_iter()
        .filter(|r| matches!(r.1, Origin::Source(_)))
        .collect();
    assert_eq!(
        from_sources,
        [("portal condition", Origin::Source(1), Basis::Inferred, "intro")]
    );
}

#[test]
fn item_directly_in_a_category_gets_the_category_only() {
    let library = load(LAYERED);
    let loose = item(&library, "loose");
    assert_eq!(loose.group, None);
    assert!(loose.sources.is_empty());
    assert_eq!(
        rows(&library, loose.conditions()),
        [("category condition", Origin::Category(0), Basis::Stated, "data")]
    );
    assert_eq!(section(&library, loose.cite), "data");
}

#[test]
fn a_group_can_override_exhaustive() {
    let library = load(LAYERED);
    let serial = item(&library, "serial");
    assert!(serial.exhaustive);
    assert_eq!(
        serial.exhaustive_note.as_ref().map(|t| t.get_code("en")),
        Some("exactly these")
    );
    let loose = item(&library, "loose");
    assert!(!loose.exhaustive);
    assert_eq!(
        loose.exhaustive_note.as_ref().map(|t| t.get_code("en")),
        Some("may include")
    );
}

#[test]
fn also_listed_is_made_symmetric_and_transitive() {
    let library = load(LAYERED);
    let of = |id| {
        let mut ids: Vec<&str> = library
            .linked(library.find(id).unwrap())
            .iter()
            .map(|l| library.items[l.item].id.as_str())
            .collect();
        ids.sort_unstable();
        ids
    };
    // `other` names `loose`, `loose` names `serial`: all three are one field.
    assert_eq!(of("serial"), ["loose", "other"]);
    assert_eq!(of("loose"), ["other", "serial"]);
    assert_eq!(of("other"), ["loose", "serial"]);
    assert!(library.linked(library.find("imei").unwrap()).is_empty());
}

#[test]
fn catalog_statements_default_to_the_first_section() {
    let library = load(LAYERED);
    assert_eq!(
        rows(&library, &library.catalogs[0].statements),
        [("We never sell data.", Origin::Catalog, Basis::Stated, "intro")]
    );
}
