//! Scenarios on the built-in Intune catalog: what is collected for a concrete setup, and why;
//! and the validator's checks of structured conditions.

use privcat::app::{Action, App};
use privcat::catalog::{Basis, Fact, Item, Library, Origin, load_builtin, load_paths};
use privcat::describe::answer::answer;
use privcat::describe::detail::detail;
use privcat::scenario::{Outcome, Scenario, Truth, eval, evaluate, is_gate};
use privcat::search::Facet;
use privcat::text::Lang;

const APP_INVENTORY: [&str; 5] = [
    "app-name",
    "app-version",
    "app-id",
    "app-icons",
    "app-install-location",
];

fn library() -> Library {
    load_builtin().library.unwrap()
}

fn outcome(library: &Library, id: &str, spec: &str) -> Outcome {
    evaluate(
        library,
        library.find(id).unwrap(),
        &Scenario::parse(spec).unwrap(),
    )
    .outcome
}

fn dims(names: &[&str]) -> Vec<String> {
    names.iter().map(|d| (*d).to_string()).collect()
}

#[test]
fn personal_device_without_compliant_app_does_not_get_its_apps_inventoried() {
    let library = library();
    for id in APP_INVENTORY {
        assert_eq!(
            outcome(&library, id, "ownership=personal,compliant-app=off"),
            Outcome::NotCollected,
            "{id}"
        );
    }
}

#[test]
fn corporate_device_gets_its_apps_inventoried_once_enrolled() {
    let library = library();
    for id in APP_INVENTORY {
        assert_eq!(
            outcome(&library, id, "ownership=corporate,enrolled=yes"),
            Outcome::Collected,
            "{id}"
        );
        assert_eq!(
            outcome(&library, id, "ownership=personal,compliant-app=on,enrolled=yes"),
            Outcome::Collected
        );
        // The document collects from end-user devices "when they are enrolled": until that is set, it depends.
        assert_eq!(
            outcome(&library, id, "ownership=corporate"),
            Outcome::Depends(dims(&["enrolled"])),
            "{id}"
        );
        // Enrolment gates collection only through the source the catalog infers for the group: the
        // document itself does not settle it.
        assert_eq!(
            outcome(&library, id, "ownership=corporate,enrolled=no"),
            Outcome::Unsettled,
            "{id}"
        );
    }
}

#[test]
fn the_ios_only_apple_id_depends_on_the_platform() {
    let library = library();
    match outcome(&library, "apple-id-ios", "enrolled=yes") {
        Outcome::Depends(on) => assert_eq!(on, dims(&["platform"])),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        outcome(&library, "apple-id-ios", "platform=windows"),
        Outcome::NotCollected
    );
    assert_eq!(
        outcome(&library, "apple-id-ios", "platform=ios-ipados,enrolled=yes"),
        Outcome::Collected
    );
    assert_eq!(
        outcome(&library, "mac-address-macos", "platform=ios-ipados"),
        Outcome::NotCollected
    );
    assert_eq!(
        outcome(&library, "windows-id", "platform=windows,enrolled=yes"),
        Outcome::Collected
    );
}

#[test]
fn linked_device_data_shows_as_identified() {
    let library = library();
    let linked = Scenario::parse("linked=yes").unwrap();
    let device_data: Vec<usize> = (0..library.items.len())
        .filter(|&i| {
            library
                .group_of(&library.items[i])
                .is_some_and(|g| g.id == "device-data")
        })
        .collect();
    assert_eq!(device_data.len(), 10);
    for &i in &device_data {
        let item = &library.items[i];
        let v = evaluate(&library, i, &linked);
        assert_eq!(
            library.catalog_of(item).categories[v.category.unwrap()].id,
            "identified",
            "{}",
            item.id
        );
        let unlinked = evaluate(&library, i, &Scenario::parse("linked=no").unwrap());
        assert_eq!(
            library.catalog_of(item).categories[unlinked.category.unwrap()].id,
            "pseudonymized"
        );
    }
    // The explorer's category filter and counts follow the scenario.
    let mut app = App::new(library, Lang::En);
    app.update(Action::ChooseValue(Facet::Category, 1));
    assert_eq!(app.shown, 36);
    app.scenario = linked;
    app.refresh();
    assert_eq!(
        app.shown, 46,
        "36 identified items and the 10 linked device-data items"
    );
}

#[test]
fn enrolment_and_third_party_conditions_come_from_the_sources() {
    let library = library();
    // Every source is the catalog's inference, so a false source condition never makes a definite
    // "not collected": the documents do not settle it.
    assert_eq!(outcome(&library, "imei", "enrolled=no"), Outcome::Unsettled);
    assert_eq!(outcome(&library, "imei", "enrolled=yes"), Outcome::Collected);
    assert_eq!(
        outcome(&library, "third-party-id", "third-party=no"),
        Outcome::Unsettled
    );
    let imei = library.find("imei").unwrap();
    let verdict = evaluate(&library, imei, &Scenario::parse("enrolled=yes").unwrap());
    assert_eq!(
        verdict.basis,
        privcat::catalog::Basis::Inferred,
        "it rests on an inferred source"
    );
    let sentence = privcat::describe::outcome::sentence(
        &library,
        imei,
        &Scenario::parse("enrolled=no").unwrap(),
        Lang::En,
    );
    assert!(
        sentence.starts_with("In this setup (Enrolled for management by Intune: No), the documents do not settle whether Microsoft Intune collects it"),
        "{sentence}"
    );
    // Items with no condition at all are collected in every setup.
    assert_eq!(
        outcome(&library, "support-contact-information", "enrolled=no"),
        Outcome::Collected
    );
}

#[test]
fn the_answer_says_what_holds_for_the_setup_and_why() {
    let library = library();
    let i = library.find("app-name").unwrap();
    let setup = Scenario::parse("ownership=personal,compliant-app=off").unwrap();
    let en = answer(&library, i, Lang::En, &setup);
    // After the item's name, one sentence on the setup, in the English edition's words.
    assert_eq!(
        en.lines().nth(1),
        Some(
            "In this setup (Ownership: Personal device, Compliant-app feature: Turned off), Microsoft Intune does not collect it, because: “Application inventory data is only collected when marked by the Admin as a corporate-owned device or the compliant app feature is turned on” (stated for the group “Application inventory”)."
        ),
        "{en}"
    );
    let sv = answer(&library, i, Lang::Sv, &setup);
    assert!(
        sv.contains(
            "samlar Microsoft Intune inte in den, eftersom: “Programinventeringsdata samlas endast in om"
        ),
        "{sv}"
    );
}

#[test]
fn the_detail_explains_the_outcome_with_the_deciding_condition_and_its_section() {
    let library = library();
    let i = library.find("app-icons").unwrap();
    let d = detail(
        &library,
        i,
        Lang::En,
        &Scenario::parse("ownership=personal,compliant-app=off").unwrap(),
    );
    let first = &d.fields[0];
    assert_eq!(first.label, "In this setup");
    assert_eq!(first.entries[0].text, "Not collected");
    assert!(
        first.entries[1]
            .text
            .starts_with("“Application inventory data is only collected when marked by the Admin")
    );
    let meta = first.entries[1].meta.as_deref().unwrap();
    assert!(
        meta.contains("stated for the group “Application inventory”") && meta.contains("#identified-data"),
        "{meta}"
    );
    let none = detail(&library, i, Lang::En, &Scenario::default());
    assert_ne!(none.fields[0].label, "In this setup", "no scenario, no outcome");
}

#[test]
fn the_explorer_hides_items_not_collected_and_the_counts_follow() {
    let mut app = App::new(library(), Lang::En);
    let seed = app
        .facet_index
        .find(Facet::Document, "privacy-data-collect")
        .unwrap();
    app.update(Action::ChooseValue(Facet::Document, seed as usize + 1));
    app.scenario = Scenario::parse("ownership=personal,compliant-app=off").unwrap();
    app.refresh();
    assert_eq!(app.shown, 66, "the seed page's items");
    app.update(Action::ToggleHideNotCollected);
    assert_eq!(app.shown, 61, "the five application-inventory items are hidden");
    let identified = app.facet_index.find(Facet::Category, "identified").unwrap();
    assert_eq!(app.counts.of(Facet::Category, identified), 31);
    app.update(Action::ClearScenario);
    assert_eq!(
        app.shown, 66,
        "with no scenario nothing is judged, so nothing is hidden"
    );
}

/// The facts that decided a verdict.
fn deciding<'l>(library: &'l Library, verdict: &privcat::scenario::Verdict) -> Vec<&'l Fact> {
    let decider = &library.items[verdict.decided_by];
    verdict.because.iter().map(|&f| &decider.facts[f]).collect()
}

/// The item's conditions (and other gates) that are false in `setup`.
fn false_in<'i>(item: &'i Item, setup: &Scenario) -> Vec<&'i Fact> {
    let false_here = |f: &&Fact| f.when.as_ref().is_some_and(|e| eval(e, setup) == Truth::False);
    item.facts
        .iter()
        .filter(|f| is_gate(f))
        .filter(false_here)
        .collect()
}

/// Every setup of one dimension, and the two setups of the old mistakes.
fn setups(library: &Library) -> Vec<String> {
    let mut setups: Vec<String> = library.catalogs[0]
        .dimensions
        .iter()
        .flat_map(|d| d.values.iter().map(move |v| format!("{}={}", d.id, v.id)))
        .collect();
    setups.push("ownership=personal,enrolled=no".to_owned());
    setups.push("ownership=personal,compliant-app=off,enrolled=no".to_owned());
    setups
}

#[test]
fn only_a_document_makes_an_item_not_collected() {
    // "Not collected" must rest on what a document states: a stated condition that is false in the
    // setup, or data a document says is never collected. The catalog's own reading (an inferred
    // source, fact or link) never makes it.
    let library = library();
    let mut wrong = Vec::new();
    for spec in setups(&library) {
        let setup = Scenario::parse(&spec).unwrap();
        for (i, item) in library.items.iter().enumerate() {
            let v = evaluate(&library, i, &setup);
            if v.outcome != Outcome::NotCollected {
                continue;
            }
            let because = deciding(&library, &v);
            if v.basis != Basis::Stated
                || because.is_empty()
                || because.iter().any(|f| f.basis != Basis::Stated)
            {
                wrong.push(format!(
                    "{spec}: {} ({:?}, decided by {})",
                    item.id, v.basis, library.items[v.decided_by].id
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "not collected on the catalog's own reading: {wrong:#?}"
    );
}

#[test]
fn not_enrolled_leaves_what_comes_from_an_inferred_source_unsettled() {
    // The page collects from "End-user devices (when they enroll for Intune management and during
    // usage)"; which items come from there is the catalog's reading, not the page's. So with
    // `enrolled=no` the catalog cannot say these items are not collected, only that no document
    // settles it; the old catalog said "not collected" for 31 of them.
    let library = library();
    let setup = Scenario::parse("enrolled=no").unwrap();
    let catalog = &library.catalogs[0];
    let devices = catalog
        .sources
        .iter()
        .position(|s| s.id == "end-user-devices")
        .unwrap();
    let seed = catalog
        .documents
        .iter()
        .position(|d| d.id == "privacy-data-collect")
        .unwrap();
    let from_devices: Vec<usize> = (0..library.items.len())
        .filter(|&i| {
            let item = &library.items[i];
            item.document == seed && item.sources.iter().any(|u| u.index == devices)
        })
        .collect();
    assert_eq!(
        from_devices.len(),
        31,
        "the seed page's items from end-user devices"
    );
    for &i in &from_devices {
        let item = &library.items[i];
        assert!(
            item.sources.iter().all(|u| u.basis == Basis::Inferred),
            "{}: the page names no source item by item",
            item.id
        );
        let only_inferred = false_in(item, &setup);
        assert!(
            !only_inferred.is_empty() && only_inferred.iter().all(|f| f.basis == Basis::Inferred),
            "{}: only the inferred source's condition is false when not enrolled",
            item.id
        );
        let v = evaluate(&library, i, &setup);
        assert_eq!(
            (&v.outcome, v.basis),
            (&Outcome::Unsettled, Basis::Inferred),
            "{}",
            item.id
        );
    }
    let named = [
        "owner-name",
        "user-principal-name",
        "tenant-id",
        "managed-app-id",
        "encryption-keys",
    ];
    for id in named {
        assert!(from_devices.contains(&library.find(id).unwrap()), "{id}");
    }

    // What a user reads: the answer and the detail say the documents do not settle it and that only
    // the catalog's reading would say otherwise, never "does not collect it".
    for id in named {
        let i = library.find(id).unwrap();
        let text = answer(&library, i, Lang::En, &setup);
        let sentence = text.lines().nth(1).unwrap();
        assert!(
            sentence.starts_with("In this setup (Enrolled for management by Intune: No), the documents do not settle whether Microsoft Intune collects it, because: “when they enroll for Intune management and during usage”"),
            "{id}: {sentence}"
        );
        assert!(!text.contains("does not collect"), "{id}: {text}");
        assert!(
            text.contains("(the catalog's reading: the document names this source for its data as a whole, not item by item)"),
            "{id}: {text}"
        );
        let d = detail(&library, i, Lang::En, &setup);
        assert_eq!(d.fields[0].label, "In this setup");
        assert_eq!(
            d.fields[0].entries[0].text,
            "Not settled — only the catalog's own reading, not a document, says it is not collected here",
            "{id}"
        );
    }

    // Where an outcome that rests on the inferred source is given, it says so.
    let imei = library.find("imei").unwrap();
    for (spec, says) in [
        (
            "enrolled=yes",
            "In this setup (Enrolled for management by Intune: Yes), Microsoft Intune collects it (this rests on the catalog's own reading), because: “when they enroll for Intune management and during usage”",
        ),
        (
            "ownership=personal",
            "In this setup (Ownership: Personal device), whether Microsoft Intune collects it depends on: enrolled for management by Intune (this rests on the catalog's own reading), because: “when they enroll for Intune management and during usage”",
        ),
    ] {
        let setup = Scenario::parse(spec).unwrap();
        assert_eq!(evaluate(&library, imei, &setup).basis, Basis::Inferred, "{spec}");
        let text = answer(&library, imei, Lang::En, &setup);
        let sentence = text.lines().nth(1).unwrap();
        assert!(sentence.starts_with(says), "{spec}: {sentence}");
    }
}

/// Items whose data subjects are all among `whose` (and that have some).
fn about_only<'l>(library: &'l Library, whose: &[&str]) -> Vec<(usize, &'l Item)> {
    let subjects = &library.catalogs[0].subjects;
    let only = |item: &Item| {
        !item.subjects.is_empty()
            && item
                .subjects
                .iter()
                .all(|u| whose.contains(&subjects[u.index].id.as_str()))
    };
    library
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| only(item))
        .collect()
}

#[test]
fn administrator_and_customer_data_is_not_said_to_come_from_the_users_device() {
    // The old catalog showed the customer's password, private keys for certificates, billing data,
    // support e-mails and audit logs as collected from the user's device on a personal, unenrolled
    // device. They are the administrator's or the customer contact's data.
    let library = library();
    let setup = Scenario::parse("ownership=personal,enrolled=no").unwrap();
    let devices = library.catalogs[0]
        .sources
        .iter()
        .position(|s| s.id == "end-user-devices")
        .unwrap();
    let audit_log: Vec<&str> = library
        .items
        .iter()
        .filter(|item| library.group_of(item).is_some_and(|g| g.id == "audit-log"))
        .map(|item| item.id.as_str())
        .collect();
    assert_eq!(audit_log.len(), 6, "the seed page's audit log information");
    let admin = "Whatever the setup, Microsoft Intune collects it: the documents state no condition for it; whose data: administrator";
    let portal = "; from: the admin’s use of the Intune in the Azure portal.";
    let mut cases = vec![
        ("static-authenticators", format!("{admin}{portal}")),
        ("certificate-private-keys", format!("{admin}{portal}")),
        ("billing-payment-data", format!("{admin}{portal}")),
        (
            "support-email-discussions",
            "Whatever the setup, Microsoft Intune collects it: the documents state no condition for it; whose data: customer contact.".to_owned(),
        ),
    ];
    for &id in &audit_log {
        // Audit logs record what administrators do, to users' devices among others: the catalog
        // reads them as data about both, kept by the Intune service, not taken from the device.
        cases.push((id, admin.to_owned()));
    }
    for (id, says) in cases {
        let i = library.find(id).unwrap_or_else(|| panic!("no item `{id}`"));
        let item = &library.items[i];
        assert!(
            item.sources.iter().all(|u| u.index != devices),
            "{id}: not from end-user devices"
        );
        let v = evaluate(&library, i, &setup);
        assert_eq!(v.outcome, Outcome::Collected, "{id}");
        assert!(v.because.is_empty(), "{id}: nothing about the device decides it");
        let text = answer(&library, i, Lang::En, &setup);
        let sentence = text.lines().nth(1).unwrap();
        assert!(sentence.starts_with(&says), "{id}: {sentence}");
        if audit_log.contains(&id) {
            assert!(sentence.ends_with(portal), "{id}: {sentence}");
        }
        assert!(!text.to_lowercase().contains("end-user devices"), "{id}: {text}");
    }

    // Every item of the library about the administrator or the customer contact alone: none comes
    // from end-user devices or is decided by what holds for them, and where it is collected whatever
    // the setup, the answer says whose data it is.
    let admin_data = about_only(&library, &["administrator", "customer-contact"]);
    let mut collected_always = 0;
    for (i, item) in admin_data {
        assert!(item.sources.iter().all(|u| u.index != devices), "{}", item.id);
        let v = evaluate(&library, i, &setup);
        let by_devices = deciding(&library, &v)
            .into_iter()
            .any(|f| f.origin == Origin::Source(devices));
        assert!(
            !by_devices,
            "{}: decided by the end-user devices' condition",
            item.id
        );
        let text = answer(&library, i, Lang::En, &setup);
        assert!(
            !text.to_lowercase().contains("end-user devices"),
            "{}: {text}",
            item.id
        );
        if v.outcome == Outcome::Collected && v.because.is_empty() {
            collected_always += 1;
            let sentence = text.lines().nth(1).unwrap();
            assert!(
                sentence.contains("; whose data: administrator")
                    || sentence.contains("; whose data: customer contact"),
                "{}: {sentence}",
                item.id
            );
        }
    }
    assert!(collected_always > 4, "{collected_always}");
}

#[test]
fn tenant_data_is_said_to_be_the_organizations() {
    // The tenant account counts and the 2023 page's "Admin created data" are about the organization
    // (the catalog's subject "The organization"), and come from no device.
    let library = library();
    let setup = Scenario::parse("ownership=personal,enrolled=no").unwrap();
    let tenant_data: Vec<(usize, &Item)> = about_only(&library, &["organization"])
        .into_iter()
        .filter(|(_, item)| item.sources.is_empty())
        .collect();
    let mut wrong = Vec::new();
    let mut checked = Vec::new();
    for (i, item) in tenant_data {
        let v = evaluate(&library, i, &setup);
        if !(v.outcome == Outcome::Collected && v.because.is_empty()) {
            // Not listed as collected (such as what Intune sends Apple): no sentence on whose it is.
            continue;
        }
        checked.push(item.id.as_str());
        let text = answer(&library, i, Lang::En, &setup);
        let sentence = text.lines().nth(1).unwrap();
        if !sentence.ends_with("; whose data: the organization.") {
            wrong.push(format!("{}: {sentence}", item.id));
        }
    }
    for id in [
        "installed-device-count",
        "pending-install-device-count",
        "c23-compliance-policies",
    ] {
        assert!(checked.contains(&id), "{id}: collected whatever the setup");
    }
    assert!(
        wrong.is_empty(),
        "the answer should say \"whose data: the organization\": {wrong:#?}"
    );
}

#[test]
fn structured_conditions_are_checked_against_the_declared_dimensions() {
    let cases = [
        (
            "scenario-unknown-dimension.yaml",
            55,
            "unknown scenario dimension `platfrom`",
            "groups[0].conditions[0].when.any[1].platfrom",
        ),
        (
            "scenario-unknown-value.yaml",
            52,
            "`ownership` has no value `company`",
            "groups[0].conditions[0].when.ownership",
        ),
        (
            "scenario-treated-as-without-when.yaml",
            52,
            "`treated_as` needs a `when`",
            "groups[0].conditions[0].treated_as",
        ),
    ];
    for (file, line, message, path) in cases {
        let report = load_paths(&[format!("tests/fixtures/invalid/{file}").into()]);
        assert!(report.library.is_none(), "{file}");
        let d = &report.diagnostics[0];
        assert_eq!(d.line, Some(line), "{file}: {d}");
        assert!(d.column.is_some(), "{file}");
        assert!(d.message.contains(message), "{file}: {d}");
        assert_eq!(d.path.as_deref(), Some(path), "{file}");
    }
}
