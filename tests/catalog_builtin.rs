//! The built-in Intune catalog against its source document, "Datainsamling i Intune" (sv-SE):
//! counts, names and order, and the conditions, purposes, sources and notes each item ends up with.

use std::path::PathBuf;

use privcat::catalog::{Basis, Cite, Item, Library, Linked, Origin, load_builtin, load_paths};

fn library() -> Library {
    let report = load_builtin();
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.library.expect("the built-in catalog loads")
}

fn item<'l>(library: &'l Library, id: &str) -> &'l Item {
    let index = library.find(id).unwrap_or_else(|| panic!("no item `{id}`"));
    &library.items[index]
}

fn section(library: &Library, cite: Cite) -> &str {
    &library.catalogs[0].section(cite).expect("a cited section").id
}

fn group_index(library: &Library, id: &str) -> usize {
    library.catalogs[0]
        .groups
        .iter()
        .position(|g| g.id == id)
        .unwrap_or_else(|| panic!("no group `{id}`"))
}

fn group_id<'l>(library: &'l Library, item: &Item) -> Option<&'l str> {
    library.group_of(item).map(|g| g.id.as_str())
}

fn sv(text: &privcat::text::Text) -> &str {
    text.exact("sv").expect("a Swedish text")
}

fn en(text: &privcat::text::Text) -> &str {
    text.exact("en").expect("an English text")
}

/// Every item of the document, in its order: the group (or, for an item directly in a category,
/// the category) and the name as the Swedish edition writes it.
const DOCUMENT_ITEMS: [(&str, &str); 66] = [
    ("user-information", "Ägarens namn/användarens visningsnamn"),
    ("user-information", "Användarens huvudnamn eller e-postadress"),
    ("user-information", "Användaridentifierare från tredje part"),
    ("hardware-inventory", "Enhetsnamn"),
    ("hardware-inventory", "Tillverkare"),
    ("hardware-inventory", "Operativsystem"),
    ("hardware-inventory", "Serienummer"),
    ("hardware-inventory", "IMEI-numret"),
    ("hardware-inventory", "IP-adress"),
    ("hardware-inventory", "Wi-Fi-Mac-adress"),
    ("hardware-inventory", "ICCID"),
    ("hardware-inventory", "Telefonnummer"),
    ("audit-log", "Hantera"),
    ("audit-log", "Skapa"),
    ("audit-log", "Uppdatera (redigera)"),
    ("audit-log", "Ta bort"),
    ("audit-log", "Tilldela"),
    ("audit-log", "Fjärråtgärder"),
    ("support-information", "Kontaktinformation"),
    (
        "support-information",
        "E-postdiskussioner med Microsofts teammedlemmar",
    ),
    ("access-control", "Statiska autentiserare"),
    ("access-control", "Sekretessnycklar för certifikat"),
    ("admin-account", "Administratörsanvändares för- och efternamn"),
    ("admin-account", "Administratörs användarnamn"),
    ("admin-account", "UPN (e-post)"),
    ("admin-account", "Telefonnummer"),
    ("admin-account", "Kontoägarens e-postadress"),
    (
        "admin-account",
        "Active Directory-ID för varje kunds IT-administratör",
    ),
    ("admin-account", "Betalningsdata för kundfakturering"),
    ("admin-account", "Prenumerationsnyckel"),
    ("app-inventory", "appnamn"),
    ("app-inventory", "version"),
    ("app-inventory", "app-ID"),
    ("app-inventory", "ikoner"),
    ("app-inventory", "installationsplats"),
    ("identified", "Tredjeparts-ID"),
    ("diagnostics-usage", "Det antal gånger som en funktion används"),
    ("diagnostics-usage", "De kommandon som finns för funktionen"),
    ("diagnostics-usage", "Svarstiden för en tjänst"),
    (
        "diagnostics-usage",
        "Slutförandefrekvenser för installationer och andra processer",
    ),
    ("diagnostics-usage", "Programfel i Intune-företagsportalen"),
    ("diagnostics-usage", "Användar- och enhetsidentifierare"),
    (
        "diagnostics-usage",
        "Identifierare för referens-, korrelations- och hanteringsändamål",
    ),
    ("device-data", "Id för Intune-enhet"),
    ("device-data", "Azure Active Directory-enhets-ID"),
    ("device-data", "Intune-enhetshantering-ID"),
    ("device-data", "Klientorganisations-ID"),
    ("device-data", "Konto-ID"),
    ("device-data", "EAS-enhets-ID"),
    ("device-data", "Plattformsspecifika ID:n"),
    ("device-data", "AppleID för iOS/iPadOS-enheter"),
    ("device-data", "Mac-adress för Mac-enheter"),
    ("device-data", "Windows-ID för Windows-enheter"),
    ("managed-app", "ID för hanterat program"),
    ("managed-app", "Enhetstagg för hanterat program"),
    ("managed-app", "Intune-enhetshantering-ID"),
    ("managed-app", "Azure Active Directory-enhets-ID"),
    ("managed-app", "Krypteringsnycklar"),
    (
        "aggregated",
        "Administratörsanvändningsdata från alla Intune-klientorganisationer",
    ),
    (
        "tenant-account",
        "Antalet enheter eller användare som är registrerade",
    ),
    ("tenant-account", "Antalet identifierade enhetsplattformar"),
    ("tenant-account", "Antalet installerade enheter"),
    ("tenant-account", "installedDeviceCount"),
    ("tenant-account", "notApplicableDeviceCount"),
    ("tenant-account", "notInstalledDeviceCount"),
    ("tenant-account", "pendingInstallDeviceCount"),
];

#[test]
fn builtin_catalog_loads_with_no_diagnostics() {
    let library = library();
    assert_eq!(library.catalogs.len(), 1);
    assert_eq!(library.catalogs[0].id, "intune");
    assert_eq!(library.catalogs[0].languages, ["sv", "en"]);
    assert_eq!(library.items.len(), 66);
}

#[test]
fn catalog_folder_on_disk_is_the_builtin_catalog() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let report = load_paths(&[folder]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let from_disk = report.library.unwrap();
    let builtin = library();
    assert_eq!(
        from_disk.catalogs.len(),
        1,
        "FORMAT.md must not be read as a catalog"
    );
    let ids = |l: &Library| l.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&from_disk), ids(&builtin));
}

#[test]
fn items_per_category_match_the_document() {
    let counts = library().count_by_category();
    let expected = [("identified", 36), ("pseudonymized", 22), ("aggregated", 8)];
    let counts: Vec<(&str, usize)> = counts.iter().map(|(id, n)| (id.as_str(), *n)).collect();
    assert_eq!(counts, expected);
}

#[test]
fn items_per_group_match_the_document() {
    let library = library();
    let expected = [
        ("user-information", 3),
        ("hardware-inventory", 9),
        ("audit-log", 6),
        ("support-information", 2),
        ("access-control", 2),
        ("admin-account", 8),
        ("app-inventory", 5),
        ("diagnostics-usage", 7),
        ("device-data", 10),
        ("managed-app", 5),
        ("tenant-account", 7),
    ];
    let groups: Vec<&str> = library.catalogs[0].groups.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(groups, expected.map(|(g, _)| g));
    for (group, count) in expected {
        let found = library
            .items
            .iter()
            .filter(|i| group_id(&library, i) == Some(group))
            .count();
        assert_eq!(found, count, "items in group {group}");
    }
    let ungrouped: Vec<(&str, &str)> = library
        .items
        .iter()
        .filter(|i| i.group.is_none())
        .map(|i| (i.id.as_str(), library.category_of(i).unwrap().id.as_str()))
        .collect();
    assert_eq!(
        ungrouped,
        [
            ("third-party-id", "identified"),
            ("admin-usage-data", "aggregated")
        ]
    );
}

#[test]
fn item_names_are_the_documents_in_document_order() {
    let library = library();
    let actual: Vec<(&str, &str)> = library
        .items
        .iter()
        .map(|i| {
            let place = group_id(&library, i).unwrap_or(library.category_of(i).unwrap().id.as_str());
            (place, sv(&i.name))
        })
        .collect();
    assert_eq!(actual, DOCUMENT_ITEMS);
    for i in &library.items {
        assert!(!en(&i.name).trim().is_empty(), "{} has an English name", i.id);
    }
}

#[test]
fn group_items_are_in_their_groups_category() {
    let library = library();
    for i in &library.items {
        if let Some(group) = library.group_of(i) {
            assert_eq!(
                group.category.as_deref(),
                Some(library.category_of(i).unwrap().id.as_str()),
                "{}",
                i.id
            );
        }
    }
}

const APP_INVENTORY_CONDITION: &str = "Programinventeringsdata samlas endast in om enheten har markerats av administratören som en företagsägd enhet";

#[test]
fn app_inventory_condition_is_on_the_five_app_inventory_items_only() {
    let library = library();
    let app_inventory = group_index(&library, "app-inventory");
    let mut carriers = Vec::new();
    for i in &library.items {
        let found: Vec<_> = i
            .conditions()
            .filter(|c| sv(&c.text).starts_with(APP_INVENTORY_CONDITION))
            .collect();
        if found.is_empty() {
            continue;
        }
        assert_eq!(found.len(), 1, "{}", i.id);
        assert_eq!(found[0].origin, Origin::Group(app_inventory), "{}", i.id);
        assert_eq!(found[0].basis, Basis::Stated);
        assert!(en(&found[0].text).contains("corporate-owned"));
        assert!(en(&found[0].text).contains("compliant-app"));
        carriers.push(i.id.as_str());
    }
    assert_eq!(
        carriers,
        [
            "app-name",
            "app-version",
            "app-id",
            "app-icons",
            "app-install-location"
        ]
    );
}

#[test]
fn device_data_items_are_treated_as_identified_when_tied_to_a_device_or_user() {
    let library = library();
    let device_data = group_index(&library, "device-data");
    for i in &library.items {
        let carries = i
            .conditions()
            .any(|c| en(&c.text).contains("treats it as identified data"));
        let in_group = i.group == Some(device_data);
        assert_eq!(carries, in_group, "{}", i.id);
        if in_group {
            let c = i
                .conditions()
                .find(|c| en(&c.text).contains("treats it as identified data"))
                .unwrap();
            assert_eq!(c.origin, Origin::Group(device_data));
            assert!(sv(&c.text).contains("behandlar Intune dem som identifierade data"));
        }
    }
}

#[test]
fn access_control_purpose_comes_before_the_category_purpose() {
    let library = library();
    let access_control = group_index(&library, "access-control");
    let identified = library.catalogs[0].category_index("identified").unwrap();
    for id in ["static-authenticators", "certificate-private-keys"] {
        let purposes: Vec<_> = item(&library, id).purposes().collect();
        assert_eq!(purposes.len(), 2, "{id}");
        assert_eq!(purposes[0].origin, Origin::Group(access_control));
        assert!(sv(&purposes[0].text).contains("rollbaserad åtkomstkontroll"));
        assert!(en(&purposes[0].text).contains("role-based access control"));
        assert_eq!(purposes[1].origin, Origin::Category(identified));
        assert!(sv(&purposes[1].text).starts_with("Identifierade data används"));
    }
    // Other identified items have only the category's purpose.
    let imei: Vec<_> = item(&library, "imei").purposes().collect();
    assert_eq!(imei.len(), 1);
    assert_eq!(imei[0].origin, Origin::Category(identified));
}

#[test]
fn every_item_has_its_category_purpose() {
    let library = library();
    for i in &library.items {
        let last = i
            .purposes()
            .last()
            .unwrap_or_else(|| panic!("{} has a purpose", i.id));
        assert_eq!(last.origin, Origin::Category(i.category.unwrap()), "{}", i.id);
        assert_eq!(last.basis, Basis::Stated);
        assert_eq!(
            section(&library, last.cite),
            format!("{}-data", library.category_of(i).unwrap().id)
        );
    }
}

#[test]
fn tenant_account_items_note_the_intune_blade() {
    let library = library();
    let tenant_account = group_index(&library, "tenant-account");
    for i in &library.items {
        let blade = i.notes.iter().find(|n| sv(&n.text).contains("Intune-bladet"));
        if i.group == Some(tenant_account) {
            let note = blade.unwrap_or_else(|| panic!("{} notes the Intune blade", i.id));
            assert_eq!(note.origin, Origin::Group(tenant_account));
            assert!(en(&note.text).contains("Intune blade"));
        } else {
            assert!(blade.is_none(), "{} is not in tenant-account", i.id);
        }
    }
}

#[test]
fn imei_comes_from_end_user_devices_by_inference() {
    let library = library();
    let catalog = &library.catalogs[0];
    let devices = catalog.source_index("end-user-devices").unwrap();
    let hardware = group_index(&library, "hardware-inventory");
    let imei = item(&library, "imei");
    assert_eq!(imei.sources.len(), 1);
    assert_eq!(imei.sources[0].index, devices);
    assert_eq!(imei.sources[0].origin, Origin::Group(hardware));
    assert_eq!(imei.sources[0].basis, Basis::Inferred);

    let from_source: Vec<_> = imei
        .conditions()
        .filter(|c| c.origin == Origin::Source(devices))
        .collect();
    assert_eq!(from_source.len(), 1);
    let condition = from_source[0];
    assert!(sv(&condition.text).starts_with("när de registreras"));
    assert!(en(&condition.text).starts_with("when they are enrolled"));
    assert_eq!(condition.basis, Basis::Inferred);
    assert_eq!(section(&library, condition.cite), "data-collection-in-intune");
    assert_eq!(section(&library, imei.cite), "identified-data");
}

#[test]
fn third_party_identifiers_come_from_third_party_accounts() {
    let library = library();
    let accounts = library.catalogs[0].source_index("third-party-accounts").unwrap();
    for id in ["third-party-user-identifiers", "third-party-id"] {
        let i = item(&library, id);
        assert_eq!(i.sources.len(), 1, "{id}");
        assert_eq!(i.sources[0].index, accounts);
        assert_eq!(i.sources[0].origin, Origin::Item);
        let condition = i.conditions().find(|c| c.origin == Origin::Source(accounts));
        assert_eq!(
            condition.map(|c| sv(&c.text)),
            Some("enligt administratörens anvisningar"),
            "{id}"
        );
    }
}

#[test]
fn translation_notes_explain_where_the_editions_differ() {
    let library = library();
    let icons = item(&library, "app-icons");
    assert_eq!(icons.notes.len(), 1);
    assert_eq!(icons.notes[0].origin, Origin::Item);
    assert!(en(&icons.notes[0].text).contains("size"));
    assert!(sv(&icons.notes[0].text).contains("ikoner"));

    let keys = item(&library, "certificate-private-keys");
    assert_eq!(keys.notes.len(), 1);
    assert_eq!(keys.notes[0].origin, Origin::Item);
    assert!(en(&keys.notes[0].text).contains("private keys"));
    assert_eq!(en(&keys.name), "Private keys for certificates");
}

#[test]
fn catalog_states_that_data_is_not_sold() {
    let library = library();
    let statements = &library.catalogs[0].statements;
    let not_sold = statements
        .iter()
        .find(|s| sv(&s.text).starts_with("Vi säljer inte några data"))
        .expect("the statement on selling data");
    assert_eq!(not_sold.origin, Origin::Catalog);
    assert_eq!(not_sold.basis, Basis::Stated);
    assert_eq!(section(&library, not_sold.cite), "data-collection-in-intune");
    assert!(en(&not_sold.text).contains("do not sell"));
}

#[test]
fn fields_listed_twice_are_linked_both_ways_as_the_catalogs_reading() {
    let library = library();
    let pairs = [
        ("azure-ad-device-id", "managed-app-azure-ad-device-id"),
        ("intune-device-management-id", "managed-app-device-management-id"),
    ];
    let linked = |i: usize| library.linked(i);
    for (a, b) in pairs {
        let (ia, ib) = (library.find(a).unwrap(), library.find(b).unwrap());
        assert_eq!(
            linked(ia),
            [Linked {
                item: ib,
                basis: Basis::Inferred
            }],
            "{a}"
        );
        assert_eq!(
            linked(ib),
            [Linked {
                item: ia,
                basis: Basis::Inferred
            }],
            "{b}"
        );
    }
    let with_links = (0..library.items.len())
        .filter(|&i| !linked(i).is_empty())
        .count();
    assert_eq!(with_links, 2 * pairs.len());
}

#[test]
fn the_same_words_about_different_people_are_not_linked() {
    let library = library();
    for (a, b) in [
        ("user-principal-name", "admin-upn"),
        ("device-phone-number", "admin-phone-number"),
    ] {
        let (ia, ib) = (library.find(a).unwrap(), library.find(b).unwrap());
        assert!(library.linked(ia).iter().all(|l| l.item != ib), "{a} and {b}");
        let whose = |i: usize| {
            let it = &library.items[i];
            library.catalog_of(it).subjects[it.subjects[0].index].id.clone()
        };
        assert_eq!(
            (whose(ia).as_str(), whose(ib).as_str()),
            ("end-user", "administrator")
        );
    }
}

#[test]
fn platform_specific_items_name_their_platform() {
    let library = library();
    let catalog = &library.catalogs[0];
    let with_platforms: Vec<(&str, Vec<&str>)> = library
        .items
        .iter()
        .filter(|i| !i.platforms.is_empty())
        .map(|i| {
            let ids = i
                .platforms
                .iter()
                .map(|&p| catalog.platforms[p].id.as_str())
                .collect();
            (i.id.as_str(), ids)
        })
        .collect();
    assert_eq!(
        with_platforms,
        [
            ("apple-id-ios", vec!["ios-ipados"]),
            ("mac-address-macos", vec!["macos"]),
            ("windows-id", vec!["windows"]),
        ]
    );
}

#[test]
fn no_list_in_the_document_claims_to_be_complete() {
    let library = library();
    for i in &library.items {
        assert!(!i.exhaustive, "{}", i.id);
        let note = i.exhaustive_note.as_ref().unwrap_or_else(|| panic!("{}", i.id));
        assert!(!sv(note).is_empty());
    }
    let app = item(&library, "app-name").exhaustive_note.as_ref().unwrap();
    assert_eq!(sv(app), "Programinventering såsom");
    let imei = item(&library, "imei").exhaustive_note.as_ref().unwrap();
    assert!(sv(imei).contains("men är inte begränsade till"));
}

#[test]
fn every_source_is_marked_inferred() {
    let library = library();
    for i in &library.items {
        for used in &i.sources {
            assert_eq!(used.basis, Basis::Inferred, "{}", i.id);
        }
    }
    let support = item(&library, "support-contact-information");
    assert!(
        support.sources.is_empty(),
        "the document names no source for support data"
    );
}
