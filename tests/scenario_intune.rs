//! Scenarios on the built-in Intune catalog: what is collected for a concrete setup, and why;
//! and the validator's checks of structured conditions.

use privcat::app::{Action, App};
use privcat::catalog::{Library, load_builtin, load_paths};
use privcat::describe::answer::answer;
use privcat::describe::detail::detail;
use privcat::scenario::{Outcome, Scenario, evaluate};
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
    assert!(
        en.contains("In this setup (Ownership: Personal device, Compliant-app feature: Turned off), Microsoft Intune does not collect it, because: “Application inventory data is collected only if"),
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
            .starts_with("“Application inventory data is collected only if")
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
    app.scenario = Scenario::parse("ownership=personal,compliant-app=off").unwrap();
    app.refresh();
    assert_eq!(app.shown, 66);
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
