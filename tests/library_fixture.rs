//! A library of two documents that uses every kind of fact (`tests/fixtures/valid/library.yaml`):
//! what reaches each item and from where, links and their basis, scenarios across links, facets,
//! and what `show`, `list`, `search` and the JSON export make of it.

use std::process::Command;

use privcat::catalog::{Basis, Cite, FactKind, Key, Library, Linked, Origin, Value, load_paths};
use privcat::scenario::{Outcome, Scenario, evaluate};
use privcat::search::{Facet, FacetIndex};

const FIXTURE: &str = "tests/fixtures/valid/library.yaml";

fn library() -> Library {
    let report = load_paths(&[FIXTURE.into()]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.library.expect("the fixture loads")
}

fn index(library: &Library, id: &str) -> usize {
    library.find(id).unwrap_or_else(|| panic!("no item `{id}`"))
}

/// The document and section ids a citation names.
fn cited(library: &Library, cite: Cite) -> (&str, &str) {
    let catalog = &library.catalogs[0];
    let document = &catalog.documents[cite.document as usize];
    (&document.id, &catalog.section(cite).unwrap().id)
}

fn en(text: &privcat::text::Text) -> &str {
    text.exact("en").unwrap()
}

#[test]
fn two_documents_with_their_editions_and_sources() {
    let library = library();
    let catalog = &library.catalogs[0];
    let ids: Vec<&str> = catalog.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["collect", "visibility"]);
    let collect = &catalog.documents[0];
    let languages: Vec<&str> = collect.editions.iter().map(|e| e.language.as_str()).collect();
    assert_eq!(languages, ["en", "sv"]);
    assert_eq!(collect.date(privcat::text::Lang::Sv), Some("2021-04-01"));
    let source = collect.editions[0].source.as_ref().unwrap();
    assert_eq!(
        (source.repository.as_str(), source.commit.as_deref()),
        ("acme/docs", Some("1a2b3c4"))
    );
    assert_eq!(library.items.len(), 9);
    let in_visibility = library.items.iter().filter(|i| i.document == 1).count();
    assert_eq!(in_visibility, 5, "the items the second document lists");
}

#[test]
fn every_kind_of_fact_reaches_some_item_or_the_catalog() {
    let library = library();
    for kind in FactKind::ALL {
        let on_items = library.items.iter().any(|i| i.facts_of(kind).next().is_some());
        let on_catalog = library.catalogs[0].statements.iter().any(|s| s.kind == kind);
        assert!(on_items || on_catalog, "no `{kind}` fact");
    }
}

#[test]
fn document_facts_reach_every_item_the_document_lists_with_their_own_citations() {
    let library = library();
    let phone = &library.items[index(&library, "phone-number")];
    let retention = phone.facts_of(FactKind::Retention).next().unwrap();
    assert_eq!(retention.origin, Origin::Document(0));
    assert_eq!(cited(&library, retention.cite), ("collect", "retention"));
    assert_eq!(
        retention.value(Key::Duration),
        Some(&Value::Duration(privcat::catalog::kinds::Duration {
            amount: 30,
            unit: privcat::catalog::kinds::Unit::Day
        }))
    );
    let right = phone.facts_of(FactKind::Right).next().unwrap();
    assert_eq!(
        cited(&library, right.cite),
        ("visibility", "rights"),
        "a fact may cite another document than the one it stands in"
    );
    let storage = phone.facts_of(FactKind::Storage).next().unwrap();
    let admin = library.catalogs[0]
        .subjects
        .iter()
        .position(|s| s.id == "administrator");
    assert_eq!(
        storage.value(Key::RegionChosenBy),
        admin.map(Value::Subject).as_ref()
    );
    let photos = &library.items[index(&library, "photos")];
    assert!(
        photos.facts_of(FactKind::Retention).next().is_none(),
        "the other document's items do not get them"
    );
}

#[test]
fn the_chain_orders_facts_nearest_first() {
    let library = library();
    let phone = &library.items[index(&library, "phone-number")];
    let origins: Vec<(FactKind, Origin)> = phone.facts.iter().map(|f| (f.kind, f.origin)).collect();
    assert_eq!(
        origins,
        [
            (FactKind::Condition, Origin::Item),
            (FactKind::Purpose, Origin::Category(0)),
            (FactKind::Collected, Origin::Category(0)),
            (FactKind::Retention, Origin::Document(0)),
            (FactKind::Storage, Origin::Document(0)),
            (FactKind::Right, Origin::Document(0)),
            (FactKind::Security, Origin::Document(0)),
        ]
    );
    let collected = phone.facts_of(FactKind::Collected).next().unwrap();
    assert_eq!(
        en(&collected.text),
        "Acme MDM collects this device data:",
        "the category's own words"
    );
}

#[test]
fn shared_and_received_facts_name_party_service_message_and_field() {
    let library = library();
    let apple = Some(Value::Party(0));
    let sent = &library.items[index(&library, "sent-serial-number")];
    let fact = sent.facts_of(FactKind::SharedWith).next().unwrap();
    assert_eq!(fact.value(Key::Party), apple.as_ref());
    assert_eq!(fact.value(Key::Field), Some(&Value::Text("serial_number".into())));
    let received = &library.items[index(&library, "received-udid")];
    let fact = received.facts_of(FactKind::ReceivedFrom).next().unwrap();
    assert_eq!(
        fact.value(Key::Message),
        Some(&Value::Text("Authenticate".into()))
    );
    assert_eq!(fact.value(Key::Service), Some(&Value::Text("APNs".into())));
}

#[test]
fn subjects_come_from_the_group_with_their_basis() {
    let library = library();
    let whose = |id: &str| {
        let item = &library.items[index(&library, id)];
        item.subjects
            .iter()
            .map(|u| (library.catalogs[0].subjects[u.index].id.as_str(), u.basis))
            .collect::<Vec<_>>()
    };
    assert_eq!(whose("phone-number"), [("end-user", Basis::Stated)]);
    assert_eq!(whose("admin-email"), [("administrator", Basis::Stated)]);
    assert_eq!(whose("browsing-history"), [("end-user", Basis::Inferred)]);
}

#[test]
fn links_are_sets_whose_basis_is_their_weakest_link() {
    let library = library();
    let serial = index(&library, "serial-number");
    let visible = index(&library, "visible-serial-number");
    let sent = index(&library, "sent-serial-number");
    assert_eq!(
        library.linked(serial),
        [
            Linked {
                item: visible,
                basis: Basis::Inferred
            },
            Linked {
                item: sent,
                basis: Basis::Inferred
            },
        ]
    );
    let phone = index(&library, "phone-number");
    let visible_phone = index(&library, "visible-phone-number");
    assert_eq!(
        library.linked(visible_phone),
        [Linked {
            item: phone,
            basis: Basis::Stated
        }]
    );
    let edge = &library.edges_of(phone)[0];
    assert_eq!(
        edge.cite.map(|c| cited(&library, c)),
        Some(("visibility", "maybe"))
    );
}

fn outcome(library: &Library, id: &str, spec: &str) -> (Outcome, Basis) {
    let v = evaluate(library, index(library, id), &Scenario::parse(spec).unwrap());
    (v.outcome, v.basis)
}

#[test]
fn scenarios_follow_links_and_never_collected_needs_no_scenario() {
    let library = library();
    assert_eq!(
        outcome(&library, "browsing-history", ""),
        (Outcome::NotCollected, Basis::Stated)
    );
    // The visibility page's phone number takes the collected listing's outcome over a stated link.
    assert_eq!(
        outcome(&library, "visible-phone-number", "ownership=corporate"),
        (Outcome::Collected, Basis::Stated)
    );
    assert_eq!(
        outcome(&library, "visible-phone-number", "ownership=personal"),
        (Outcome::NotCollected, Basis::Stated)
    );
    // Over an inferred link it says so.
    assert_eq!(
        outcome(&library, "visible-serial-number", "ownership=personal"),
        (Outcome::Collected, Basis::Inferred)
    );
    // Photos: no document says whether they are collected.
    assert_eq!(
        outcome(&library, "photos", "ownership=personal"),
        (Outcome::Unsettled, Basis::Stated)
    );
}

#[test]
fn facets_offer_documents_kinds_parties_and_subjects() {
    let library = library();
    let facets = FacetIndex::build(&library);
    let ids = |facet| -> Vec<&str> { facets.values(facet).iter().map(|v| v.id.as_str()).collect() };
    assert_eq!(ids(Facet::Document), ["collect", "visibility"]);
    assert_eq!(ids(Facet::Party), ["apple"]);
    assert_eq!(ids(Facet::Subject), ["end-user", "administrator"]);
    let kinds = ids(Facet::Kind);
    assert!(
        kinds.contains(&"shared-with") && kinds.contains(&"retention"),
        "{kinds:?}"
    );
    assert!(
        !kinds.contains(&"statement"),
        "no item has a statement: {kinds:?}"
    );
    let of = |facet, id: &str| -> Vec<&str> {
        facets
            .of(facet, index(&library, id))
            .iter()
            .map(|&v| facets.values(facet)[v as usize].id.as_str())
            .collect()
    };
    assert_eq!(of(Facet::Party, "sent-serial-number"), ["apple"]);
    assert_eq!(
        of(Facet::Document, "phone-number"),
        ["collect"],
        "the document that lists it, not the one its right cites"
    );
    assert_eq!(of(Facet::Kind, "phone-number").len(), 7);
}

fn privcat(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("privcat runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn show_groups_every_fact_by_kind_with_its_citation() {
    let (code, out, err) = privcat(&["show", "visible-phone-number", "-c", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    for expected in [
        "Visible to the organisation\n  Phone number: in full on corporate devices, the last four digits on personal ones.\n    visible in some cases\n    stated for this item · “What your organisation can see”, section “Maybe” (#maybe), dated 2021-05-01",
        "The same field elsewhere\n  Phone number — Hardware\n  The page says this is the phone number Acme MDM collects.\n    phone-number · Data Acme MDM collects · a document says they are the same",
        "Whose data\n  End user\n    given for the group “Your organisation may see”",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert!(
        !out.contains("Only from corporate devices."),
        "another listing's conditions stay there:\n{out}"
    );
    // What the other listing's whole category or document says stays there too: it is said of
    // every item that page lists, not of this field.
    for theirs in [
        "Acme MDM collects this device data:",
        "We keep device data for 30 days",
    ] {
        assert!(!out.contains(theirs), "{theirs:?} is the other page's:\n{out}");
    }
    // On the listing itself, a document's fact reads as said of all the data the document covers.
    let (_, phone, _) = privcat(&["show", "phone-number", "-c", FIXTURE]);
    for expected in [
        "Listed as collected\n  Acme MDM collects this device data:\n    stated for the category “Identified data”",
        "Retention\n  We keep device data for 30 days after the device is removed.\n    kept 30 days · starts: after the device is removed\n    stated for all the data covered by “Data Acme MDM collects” · “Data Acme MDM collects”, section “How long we keep it” (#retention), dated 2021-03-01",
    ] {
        assert!(phone.contains(expected), "missing {expected:?} in\n{phone}");
    }
    // What is said of another listing itself is said of the field, with where it comes from.
    let (_, serial, _) = privcat(&["show", "visible-serial-number", "-c", FIXTURE]);
    let shared = "Shared with\n  The device's serial number.\n    party Apple · service: DEP · field: serial_number\n    from its listing “serial_number” (What your organisation can see) · the catalog reads them as the same; no document says so";
    assert!(serial.contains(shared), "missing {shared:?} in\n{serial}");
    let (_, sv, _) = privcat(&["show", "sent-serial-number", "-c", FIXTURE, "--lang", "sv"]);
    assert!(
        sv.contains("Delas med\n  Enhetens serienummer.\n    part Apple · tjänst: DEP · fält: serial_number"),
        "{sv}"
    );
}

#[test]
fn the_new_facets_filter_list_search_and_export() {
    let (code, out, err) = privcat(&["list", "-c", FIXTURE, "--party", "apple"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("sent-serial-number") && out.contains("received-udid"),
        "{out}"
    );
    assert!(!out.contains("phone-number"), "{out}");
    // A document's items are the ones it lists, whatever other pages say about them.
    let (_, out, _) = privcat(&["search", "serial", "-c", FIXTURE, "--document", "visibility"]);
    let mut ids: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["sent-serial-number", "visible-serial-number"], "{out}");
    let (_, out, _) = privcat(&["search", "serial", "-c", FIXTURE, "--document", "collect"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let (_, out, _) = privcat(&["list", "-c", FIXTURE, "--kind", "never-visible"]);
    assert!(
        out.contains("photos") && !out.contains("browsing-history"),
        "{out}"
    );
    // The built-in catalog: on the seed page, one item is for macOS alone ("Mac Address for Mac
    // devices"); the library has more, which the export names.
    let (_, out, _) = privcat(&[
        "list",
        "--platform",
        "macos",
        "--document",
        "privacy-data-collect",
    ]);
    let ids: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("    "))
        .map(str::trim)
        .collect();
    assert_eq!(
        ids,
        ["mac-address-macos  Mac Address for Mac devices"],
        "the built-in catalog:\n{out}"
    );
    let (_, out, _) = privcat(&["list", "--platform", "macos", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (_, all, _) = privcat(&["export"]);
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    let ids = |doc: &serde_json::Value, keep: &dyn Fn(&serde_json::Value) -> bool| -> Vec<String> {
        let items = doc["items"].as_array().unwrap().iter().filter(|i| keep(i));
        items.map(|i| i["id"].as_str().unwrap().to_owned()).collect()
    };
    let for_macos = ids(&all, &|i| {
        i["platforms"].as_array().unwrap().contains(&"macos".into())
    });
    assert!(for_macos.len() > 1, "{for_macos:?}");
    assert_eq!(ids(&listed, &|_| true), for_macos);
    let (code, _, err) = privcat(&["list", "-c", FIXTURE, "--subject", "end-usr"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown subject `end-usr`. Did you mean `end-user`?"),
        "{err}"
    );
}

#[test]
fn the_json_export_carries_documents_facts_and_links() {
    let (code, out, err) = privcat(&["export", "-c", FIXTURE, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let catalog = &doc["catalogs"][0];
    assert_eq!(catalog["documents"][1]["id"], "visibility");
    assert_eq!(
        catalog["documents"][0]["editions"][0]["source"]["commit"],
        "1a2b3c4"
    );
    assert_eq!(catalog["parties"][0]["id"], "apple");
    let items = doc["items"].as_array().unwrap();
    let item = |id: &str| items.iter().find(|i| i["id"] == id).unwrap();
    let sent = item("sent-serial-number");
    assert_eq!(sent["document"], "visibility");
    let shared = sent["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "shared-with")
        .unwrap();
    assert_eq!(shared["party"], "apple");
    assert_eq!(shared["field"]["en"], "serial_number");
    assert_eq!(
        shared["cite"],
        serde_json::json!({"document": "visibility", "section": "apple"})
    );
    let retention = item("phone-number")["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "retention")
        .unwrap()
        .clone();
    assert_eq!(
        retention["duration"],
        serde_json::json!({"amount": 30, "unit": "days", "iso": "P30D"})
    );
    assert_eq!(retention["origin"], "document");
    assert_eq!(
        item("visible-phone-number")["links"],
        serde_json::json!([{"id": "phone-number", "basis": "stated"}])
    );
    assert_eq!(item("photos")["category"], serde_json::Value::Null);
    assert_eq!(item("phone-number")["subjects"][0]["id"], "end-user");
}
