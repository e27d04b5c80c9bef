//! The built-in Intune library against its seed page, "Datainsamling i Intune" / "Data collection in
//! Intune" (document `privacy-data-collect`): counts, names and order, the words quoted from each
//! edition of the page, and the conditions, purposes, sources, notes and links each item ends up
//! with. The page's two editions are read from `catalog/sources/intune/{sv-SE,en-US}`.

use std::fs;
use std::path::{Path, PathBuf};

use privcat::catalog::{Basis, Cite, Item, Library, Linked, Origin, load_builtin, load_paths};
use privcat::text::Text;

/// The seed page's document id.
const SEED: &str = "privacy-data-collect";
/// The seed page's file in each edition's folder under `catalog/sources/intune`.
const SEED_FILE: &str = "privacy-data-collect.md";

fn library() -> Library {
    let report = load_builtin();
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.library.expect("the built-in catalog loads")
}

fn item<'l>(library: &'l Library, id: &str) -> &'l Item {
    let index = library.find(id).unwrap_or_else(|| panic!("no item `{id}`"));
    &library.items[index]
}

fn is_seed(library: &Library, item: &Item) -> bool {
    library.document_of(item).id == SEED
}

/// The seed page's items, in library (document) order.
fn seed_items(library: &Library) -> Vec<&Item> {
    library.items.iter().filter(|i| is_seed(library, i)).collect()
}

fn seed_document(library: &Library) -> usize {
    library.catalogs[0]
        .documents
        .iter()
        .position(|d| d.id == SEED)
        .expect("the seed page is a document of the catalog")
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

/// The ids of the data subjects an item is about.
fn subject_ids<'l>(library: &'l Library, item: &Item) -> Vec<&'l str> {
    let catalog = library.catalog_of(item);
    let mut ids: Vec<&str> = item
        .subjects
        .iter()
        .map(|u| catalog.subjects[u.index].id.as_str())
        .collect();
    ids.sort_unstable();
    ids
}

fn sources_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/sources")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seed page's Markdown source in one edition's folder (`sv-SE` or `en-US`).
fn page_source(locale: &str) -> String {
    read(&sources_dir().join("intune").join(locale).join(SEED_FILE))
}

/// The seed page as its reader sees its words: the Markdown with each link reduced to its text.
fn page(locale: &str) -> String {
    unlink(&page_source(locale))
}

/// `[text](target)` becomes `text`; any other bracket is kept.
fn unlink(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let link = after
            .find(']')
            .filter(|&close| after[close + 1..].starts_with('('))
            .and_then(|close| after[close + 2..].find(')').map(|end| (close, close + 2 + end)));
        if let Some((close, end)) = link {
            out.push_str(&after[..close]);
            rest = &after[end + 1..];
        } else {
            out.push('[');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The text of every list entry of a page, at any depth, in page order.
fn list_entries(page: &str) -> Vec<&str> {
    page.lines()
        .filter_map(|l| l.trim_start().strip_prefix("- "))
        .map(str::trim_end)
        .collect()
}

/// The page's own date (`ms.date`, month/day/year) in the catalog's form, year-month-day.
fn page_date(locale: &str) -> String {
    let source = page_source(locale);
    let date = source
        .lines()
        .find_map(|l| l.strip_prefix("ms.date:"))
        .unwrap_or_else(|| panic!("the {locale} page gives its date"))
        .trim();
    let parts: Vec<&str> = date.split('/').collect();
    let [month, day, year] = parts[..] else {
        panic!("`{date}` is not month/day/year");
    };
    format!("{year}-{month}-{day}")
}

/// What `catalog/sources/README.md` says the page `file` of `folder` was taken from: the
/// repository, and the commit with its date (the folder's, else the file's row among the pages).
fn documented_source(folder: &str, file: &str) -> (String, String, String) {
    let readme = read(&sources_dir().join("README.md"));
    let rows: Vec<Vec<&str>> = readme
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| l.trim().trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    let folder_cell = format!("`intune/{folder}`");
    let row = rows
        .iter()
        .find(|r| r[0] == folder_cell)
        .unwrap_or_else(|| panic!("README.md has no row for {folder_cell}"));
    // "`owner/name`", or "`owner/name` (commit `abc`, 2019-10-03)".
    let pieces: Vec<&str> = row[1].split('`').collect();
    let repository = pieces.get(1).expect("the folder's repository").to_string();
    let (commit, date) = if let Some(commit) = pieces.get(3) {
        let date = pieces[4].trim_start_matches(", ").trim_end_matches(')');
        (commit.to_string(), date.to_string())
    } else {
        let row = rows
            .iter()
            .find(|r| r[0] == file)
            .unwrap_or_else(|| panic!("README.md has no row for {file}"));
        let (commit, date) = row[2].split_once(", ").expect("`commit, date`");
        (commit.to_string(), date.to_string())
    };
    (repository, commit, date)
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
        "E-postdiskussioner med Microsofts teammedlemmar om support, produkter och/eller kundupplevelser",
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
    let catalog = &library.catalogs[0];
    assert_eq!(catalog.id, "intune");
    assert_eq!(catalog.languages, ["sv", "en"]);
    // `find` returns the first match: an id used twice would hide an entry.
    for (index, i) in library.items.iter().enumerate() {
        assert_eq!(
            library.find(&i.id),
            Some(index),
            "item id `{}` is used twice",
            i.id
        );
    }
    for d in &catalog.documents {
        assert!(!d.editions.is_empty(), "{} has an edition", d.id);
        for e in &d.editions {
            assert!(
                catalog.languages.contains(&e.language),
                "{}: {}",
                d.id,
                e.language
            );
        }
    }
    let seed = seed_document(&library);
    let rewrite = catalog
        .documents
        .iter()
        .find(|d| d.id == "privacy-data-collect-2023")
        .expect("the 2023 rewrite of the seed page");
    assert_eq!(rewrite.version_of, Some(seed));
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
        "FORMAT.md and the pages in sources/ must not be read as catalogs"
    );
    let ids = |l: &Library| l.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&from_disk), ids(&builtin));
}

#[test]
fn items_per_category_match_the_document() {
    let library = library();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for i in seed_items(&library) {
        let category = library
            .category_of(i)
            .unwrap_or_else(|| panic!("{} has a category", i.id));
        match counts.iter_mut().find(|(id, _)| *id == category.id) {
            Some((_, n)) => *n += 1,
            None => counts.push((category.id.as_str(), 1)),
        }
    }
    // The page's three lists: 36 identified, 22 pseudonymized and 8 aggregated entries.
    assert_eq!(
        counts,
        [("identified", 36), ("pseudonymized", 22), ("aggregated", 8)]
    );
}

#[test]
fn items_per_group_match_the_document() {
    let library = library();
    let seed = seed_items(&library);
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
    let mut groups: Vec<usize> = seed.iter().filter_map(|i| i.group).collect();
    groups.sort_unstable();
    groups.dedup();
    let groups: Vec<&str> = groups
        .iter()
        .map(|&g| library.catalogs[0].groups[g].id.as_str())
        .collect();
    assert_eq!(groups, expected.map(|(g, _)| g));
    for (group, count) in expected {
        let found = seed
            .iter()
            .filter(|i| group_id(&library, i) == Some(group))
            .count();
        assert_eq!(found, count, "items in group {group}");
    }
    let ungrouped: Vec<(&str, &str)> = seed
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
    let seed = seed_items(&library);
    let actual: Vec<(&str, &str)> = seed
        .iter()
        .map(|i| {
            let place = group_id(&library, i).unwrap_or(library.category_of(i).unwrap().id.as_str());
            (place, sv(&i.name))
        })
        .collect();
    assert_eq!(actual, DOCUMENT_ITEMS);
    for i in &seed {
        assert!(!en(&i.name).trim().is_empty(), "{} has an English name", i.id);
    }
}

/// How an entry of the seed page puts a name and its explanation on one line: "name
/// (explanation)", "name: explanation" (with the page's full stop, if any), "name, explanation.".
fn as_listed(name: &str, description: Option<&str>) -> Vec<String> {
    match description {
        None => vec![name.to_owned()],
        Some(d) => vec![
            format!("{name} ({d})"),
            format!("{name}: {d}"),
            format!("{name}: {d}."),
            format!("{name}, {d}."),
        ],
    }
}

#[test]
fn names_and_descriptions_are_the_pages_entries_word_for_word() {
    let library = library();
    let seed = seed_items(&library);
    for (lang, locale) in [("sv", "sv-SE"), ("en", "en-US")] {
        let page = page(locale);
        let entries = list_entries(&page);
        // Each item is found at or after the previous one's entry: the page's order, and of two
        // entries with the same words (the two phone numbers), each its own.
        let mut next = 0;
        for i in &seed {
            let name = i
                .name
                .exact(lang)
                .unwrap_or_else(|| panic!("{}: a {lang} name", i.id));
            let description = i.description.as_ref().map(|d| {
                d.exact(lang)
                    .unwrap_or_else(|| panic!("{}: a {lang} description", i.id))
            });
            let forms = as_listed(name, description);
            let at = entries[next..]
                .iter()
                .position(|e| forms.iter().any(|f| f == e))
                .unwrap_or_else(|| {
                    let near: Vec<&&str> = entries.iter().filter(|e| e.starts_with(name)).collect();
                    panic!(
                        "{}: the {locale} page has no entry reading {forms:?} (after entry {next}); \
                         entries starting with the name: {near:?}",
                        i.id
                    )
                });
            next += at + 1;
        }
    }
}

#[test]
fn third_party_id_is_the_pages_last_identified_entry_as_written() {
    // "Tredjeparts-ID: för kunden såsom Apple-ID." / "Customer 3rd party tenant IDs, like the
    // Apple ID.": the name and its explanation, neither reworded.
    let library = library();
    let i = item(&library, "third-party-id");
    for (lang, locale) in [("sv", "sv-SE"), ("en", "en-US")] {
        let page = page(locale);
        // The identified list ends where the second section, on pseudonymized data, begins.
        let (end, _) = page.match_indices("\n## ").nth(1).expect("the page's sections");
        let last = *list_entries(&page[..end]).last().expect("the identified list");
        let name = i.name.exact(lang).unwrap();
        let description = i.description.as_ref().and_then(|d| d.exact(lang));
        assert!(
            as_listed(name, description).iter().any(|f| f == last),
            "{locale}: the page has `{last}`; the catalog has name `{name}`, description {description:?}"
        );
    }
}

#[test]
fn group_items_are_in_their_groups_category() {
    let library = library();
    for i in &library.items {
        if let Some(group) = library.group_of(i) {
            assert_eq!(
                group.category.as_deref(),
                library.category_of(i).map(|c| c.id.as_str()),
                "{}",
                i.id
            );
        }
    }
}

#[test]
fn app_inventory_condition_is_on_the_five_app_inventory_items_only() {
    let library = library();
    let app_inventory = group_index(&library, "app-inventory");
    let (sv_page, en_page) = (page("sv-SE"), page("en-US"));
    let mut carriers = Vec::new();
    for i in seed_items(&library) {
        let found: Vec<_> = i
            .conditions()
            .filter(|c| sv(&c.text).starts_with("Programinventeringsdata"))
            .collect();
        if found.is_empty() {
            continue;
        }
        assert_eq!(found.len(), 1, "{}", i.id);
        assert_eq!(found[0].origin, Origin::Group(app_inventory), "{}", i.id);
        assert_eq!(found[0].basis, Basis::Stated);
        // The page's own entry under the list, in each edition.
        assert!(list_entries(&sv_page).contains(&sv(&found[0].text)), "{}", i.id);
        assert!(list_entries(&en_page).contains(&en(&found[0].text)), "{}", i.id);
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
    for i in seed_items(&library) {
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
    let (sv_page, en_page) = (page("sv-SE"), page("en-US"));
    for id in ["static-authenticators", "certificate-private-keys"] {
        let purposes: Vec<_> = item(&library, id).purposes().collect();
        assert_eq!(purposes.len(), 2, "{id}");
        assert_eq!(purposes[0].origin, Origin::Group(access_control));
        assert!(sv(&purposes[0].text).contains("rollbaserad åtkomstkontroll"));
        // The words in brackets after the list's heading, in each edition.
        assert!(sv_page.contains(sv(&purposes[0].text)), "{id}");
        assert!(en_page.contains(en(&purposes[0].text)), "{id}");
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
    let pseudonymized = library.catalogs[0].category_index("pseudonymized").unwrap();
    let (sv_page, en_page) = (page("sv-SE"), page("en-US"));
    for i in seed_items(&library) {
        let last = i
            .purposes()
            .last()
            .unwrap_or_else(|| panic!("{} has a purpose", i.id));
        let category = i.category.unwrap();
        assert_eq!(last.origin, Origin::Category(category), "{}", i.id);
        assert_eq!(
            section(&library, last.cite),
            format!("{}-data", library.category_of(i).unwrap().id)
        );
        if category == pseudonymized {
            continue; // see pseudonymized_purpose_is_inferred_from_the_sentence_about_the_identifier
        }
        assert_eq!(last.basis, Basis::Stated, "{}", i.id);
        // A stated purpose is the page's sentence, in each edition.
        assert!(sv_page.contains(sv(&last.text)), "{}: {}", i.id, sv(&last.text));
        assert!(en_page.contains(en(&last.text)), "{}: {}", i.id, en(&last.text));
    }
}

#[test]
fn pseudonymized_purpose_is_inferred_from_the_sentence_about_the_identifier() {
    // "... en unik identifierare, vanligtvis ett tal ... som inte ensamt kan identifiera en enskild
    // person men som används för att tillhandahålla företagstjänster till användare": what "som
    // används" is used is the identifier, so that the data is used so is the catalog's reading.
    let library = library();
    let catalog = &library.catalogs[0];
    let pseudonymized = catalog.category_index("pseudonymized").unwrap();
    let definition = catalog.categories[pseudonymized]
        .definition
        .as_ref()
        .expect("the category's definition");
    let mut seen = 0;
    for i in seed_items(&library) {
        if i.category != Some(pseudonymized) {
            continue;
        }
        seen += 1;
        let purpose = i
            .purposes()
            .find(|p| p.origin == Origin::Category(pseudonymized))
            .unwrap_or_else(|| panic!("{} has the category's purpose", i.id));
        assert_eq!(purpose.basis, Basis::Inferred, "{}", i.id);
        // Its words are those of the definition's relative clause ...
        for (lang, text) in [("sv", sv(&purpose.text)), ("en", en(&purpose.text))] {
            let words = text.trim_end_matches('.');
            let mut chars = words.chars();
            let first = chars.next().unwrap().to_lowercase().to_string();
            let clause = first + chars.as_str();
            let defined = definition.exact(lang).unwrap();
            assert!(defined.contains(&clause), "{lang}: `{clause}` in `{defined}`");
        }
    }
    assert_eq!(seen, 22, "the page's pseudonymized entries");
    // ... and the definition is the page's sentence.
    assert!(page("sv-SE").contains(sv(definition)));
    assert!(page("en-US").contains(en(definition)));
}

#[test]
fn tenant_account_group_describes_the_intune_blade_in_the_pages_words() {
    let library = library();
    let tenant_account = group_index(&library, "tenant-account");
    let group = &library.catalogs[0].groups[tenant_account];
    let description = group
        .description
        .as_ref()
        .expect("tenant-account describes the Intune blade");
    assert!(sv(description).contains("Intune-bladet"));
    assert!(en(description).contains("Intune blade"));
    // The words in brackets after the list's heading: the page's, not the catalog's.
    for (lang, locale) in [("sv", "sv-SE"), ("en", "en-US")] {
        let heading = format!(
            "{} ({})",
            group.name.exact(lang).unwrap(),
            description.exact(lang).unwrap()
        );
        assert!(
            list_entries(&page(locale)).contains(&heading.as_str()),
            "{locale}: no entry `{heading}`"
        );
    }
    // Every item of the group shows it; no note repeats it as the catalog's own words.
    for i in seed_items(&library) {
        if i.group == Some(tenant_account) {
            let shown = library.group_of(i).and_then(|g| g.description.as_ref());
            assert_eq!(shown.map(sv), Some(sv(description)), "{}", i.id);
        }
        for n in &i.notes {
            assert!(
                !sv(&n.text).contains("Intune-bladet") && !en(&n.text).contains("Intune blade"),
                "{}: a note about the Intune blade: {}",
                i.id,
                en(&n.text)
            );
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
    // The words in brackets after the source in the page's list of sources, in each edition.
    let name = &catalog.sources[devices].name;
    assert_source_entry(name, &condition.text);
    assert_eq!(condition.basis, Basis::Inferred);
    assert_eq!(section(&library, condition.cite), "data-collection-in-intune");
    assert_eq!(section(&library, imei.cite), "identified-data");
}

/// The page's list of sources has the entry "Name (condition)." in each edition, word for word.
fn assert_source_entry(name: &Text, condition: &Text) {
    for (lang, locale) in [("sv", "sv-SE"), ("en", "en-US")] {
        let entry = format!(
            "{} ({}).",
            name.exact(lang).unwrap(),
            condition.exact(lang).unwrap()
        );
        assert!(
            list_entries(&page(locale)).contains(&entry.as_str()),
            "{locale}: no entry `{entry}`"
        );
    }
}

#[test]
fn third_party_identifiers_come_from_third_party_accounts() {
    let library = library();
    let catalog = &library.catalogs[0];
    let accounts = catalog.source_index("third-party-accounts").unwrap();
    let name = &catalog.sources[accounts].name;
    for id in ["third-party-user-identifiers", "third-party-id"] {
        let i = item(&library, id);
        assert_eq!(i.sources.len(), 1, "{id}");
        assert_eq!(i.sources[0].index, accounts);
        assert_eq!(i.sources[0].origin, Origin::Item);
        let condition = i
            .conditions()
            .find(|c| c.origin == Origin::Source(accounts))
            .unwrap_or_else(|| panic!("{id} has the source's condition"));
        assert_source_entry(name, &condition.text);
    }
}

/// Where the editions of the seed page differ: the item (or category) whose notes say so, and the
/// words of the Swedish and of the English page the note gives.
const EDITIONS_DIFFER: [(&str, &str, &str); 7] = [
    (
        "identified",
        "av stor vikt för hantering",
        "essential to the nature of management",
    ),
    (
        "support-email-discussions",
        "om support, produkter och/eller kundupplevelser",
        "customer experience team members",
    ),
    ("completion-rates", "Slutförandefrekvenser", "Success rates"),
    ("app-icons", "ikoner", "size"),
    ("certificate-private-keys", "Sekretessnycklar", "Privacy keys"),
    (
        "third-party-id",
        "Tredjeparts-ID",
        "Customer 3rd party tenant IDs",
    ),
    (
        "feature-commands",
        "som finns för funktionen",
        "provided to the feature",
    ),
];

#[test]
fn translation_notes_give_both_editions_words_where_they_differ() {
    let library = library();
    let catalog = &library.catalogs[0];
    let (sv_page, en_page) = (page("sv-SE").to_lowercase(), page("en-US").to_lowercase());
    for (carrier, sv_words, en_words) in EDITIONS_DIFFER {
        let (sv_words, en_words) = (sv_words.to_lowercase(), en_words.to_lowercase());
        // Each edition's own words: in its page and not in the other's.
        assert!(
            sv_page.contains(&sv_words),
            "{carrier}: `{sv_words}` in the Swedish page"
        );
        assert!(
            en_page.contains(&en_words),
            "{carrier}: `{en_words}` in the English page"
        );
        assert!(
            !en_page.contains(&sv_words),
            "{carrier}: `{sv_words}` only in the Swedish page"
        );
        assert!(
            !sv_page.contains(&en_words),
            "{carrier}: `{en_words}` only in the English page"
        );
        // The items that carry the note, and from where.
        let carriers: Vec<(&Item, Origin)> = match catalog.category_index(carrier) {
            Some(k) => seed_items(&library)
                .into_iter()
                .filter(|i| i.category == Some(k))
                .map(|i| (i, Origin::Category(k)))
                .collect(),
            None => vec![(item(&library, carrier), Origin::Item)],
        };
        assert!(!carriers.is_empty(), "{carrier}");
        for (i, origin) in carriers {
            let gives_both = i.notes.iter().filter(|n| n.origin == origin).any(|n| {
                let said = format!("{} {}", sv(&n.text), en(&n.text)).to_lowercase();
                said.contains(&sv_words) && said.contains(&en_words)
            });
            assert!(
                gives_both,
                "{}: a note ({origin:?}) with `{sv_words}` and `{en_words}`",
                i.id
            );
        }
    }
}

#[test]
fn seed_page_editions_name_the_page_they_quote_and_its_own_date() {
    let library = library();
    let document = &library.catalogs[0].documents[seed_document(&library)];
    let editions: Vec<(&str, Option<&str>)> = document
        .editions
        .iter()
        .map(|e| (e.language.as_str(), e.locale.as_deref()))
        .collect();
    assert_eq!(editions, [("sv", Some("sv-SE")), ("en", Some("en-US"))]);
    for e in &document.editions {
        let locale = e.locale.as_deref().unwrap();
        let source = e
            .source
            .as_ref()
            .unwrap_or_else(|| panic!("the {locale} edition names where its text comes from"));
        assert_eq!(source.path.rsplit('/').next(), Some(SEED_FILE), "{locale}");
        let (repository, commit, date) = documented_source(locale, SEED_FILE);
        assert_eq!(source.repository, repository, "{locale}");
        assert_eq!(source.commit.as_deref(), Some(commit.as_str()), "{locale}");
        assert_eq!(
            source.date.as_deref(),
            Some(date.as_str()),
            "{locale}: the commit's date"
        );
        let url = format!("https://github.com/{repository}/blob/{commit}/{}", source.path);
        assert_eq!(e.url.as_deref(), Some(url.as_str()), "{locale}");
        assert_eq!(
            e.date.as_deref(),
            Some(page_date(locale).as_str()),
            "{locale}: the page's date"
        );
        assert_eq!(
            e.retrieved, None,
            "{locale}: the text was taken at a commit, not on a retrieval date"
        );
    }
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
    assert!(page("sv-SE").contains(sv(&not_sold.text)));
    assert!(page("en-US").contains(en(&not_sold.text)));
}

#[test]
fn fields_listed_twice_are_linked_both_ways_as_the_catalogs_reading() {
    let library = library();
    let pairs = [
        ("azure-ad-device-id", "managed-app-azure-ad-device-id"),
        ("intune-device-management-id", "managed-app-device-management-id"),
    ];
    let inferred = |item: usize| Linked {
        item,
        basis: Basis::Inferred,
    };
    for (a, b) in pairs {
        let (ia, ib) = (library.find(a).unwrap(), library.find(b).unwrap());
        assert!(
            library.linked(ia).contains(&inferred(ib)),
            "{a}: {:?}",
            library.linked(ia)
        );
        assert!(
            library.linked(ib).contains(&inferred(ia)),
            "{b}: {:?}",
            library.linked(ib)
        );
    }
    // Within the page, these are the only links; every link of a seed item, within the page or to
    // another page or version, is the catalog's reading: no page says two entries are one field.
    let mut within = Vec::new();
    for (index, i) in library
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| is_seed(&library, i))
    {
        for l in library.linked(index) {
            assert_eq!(
                l.basis,
                Basis::Inferred,
                "{} and {}",
                i.id,
                library.items[l.item].id
            );
            if l.item > index && is_seed(&library, &library.items[l.item]) {
                within.push((i.id.as_str(), library.items[l.item].id.as_str()));
            }
        }
    }
    assert_eq!(within, pairs);
}

#[test]
fn the_same_words_about_different_people_are_not_linked() {
    let library = library();
    for (a, b) in [
        ("user-principal-name", "admin-upn"),
        ("device-phone-number", "admin-phone-number"),
    ] {
        let (ia, ib) = (library.find(a).unwrap(), library.find(b).unwrap());
        // `linked` lists every member of the item's set: not linked directly nor through others.
        assert!(library.linked(ia).iter().all(|l| l.item != ib), "{a} and {b}");
        assert_eq!(
            (
                subject_ids(&library, &library.items[ia]),
                subject_ids(&library, &library.items[ib])
            ),
            (vec!["end-user"], vec!["administrator"])
        );
    }
}

#[test]
fn seed_items_are_linked_only_to_listings_about_the_same_people() {
    let library = library();
    for (index, i) in library
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| is_seed(&library, i))
    {
        let whose = subject_ids(&library, i);
        assert!(!whose.is_empty(), "{} names whose data it is", i.id);
        for l in library.linked(index) {
            let other = &library.items[l.item];
            assert_eq!(
                subject_ids(&library, other),
                whose,
                "{} is linked to {}, about other people",
                i.id,
                other.id
            );
        }
    }
}

#[test]
fn no_linked_set_mixes_data_subjects() {
    let library = library();
    for set in &library.link_sets {
        let mut members = set.members.iter().map(|&m| &library.items[m]);
        let first = members.next().expect("a set has members");
        let whose = subject_ids(&library, first);
        assert!(!whose.is_empty(), "{} names whose data it is", first.id);
        for other in members {
            assert_eq!(
                subject_ids(&library, other),
                whose,
                "{} and {} are linked but are about different people",
                first.id,
                other.id
            );
        }
    }
}

#[test]
fn platform_specific_items_name_their_platform() {
    let library = library();
    let catalog = &library.catalogs[0];
    let with_platforms: Vec<(&str, Vec<&str>)> = seed_items(&library)
        .into_iter()
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
    let (sv_page, en_page) = (page("sv-SE"), page("en-US"));
    for i in seed_items(&library) {
        assert!(!i.exhaustive, "{}", i.id);
        let note = i.exhaustive_note.as_ref().unwrap_or_else(|| panic!("{}", i.id));
        // The page's words on it, in each edition.
        assert!(sv_page.contains(sv(note)), "{}: {}", i.id, sv(note));
        assert!(en_page.contains(en(note)), "{}: {}", i.id, en(note));
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

#[test]
fn the_built_in_library_read_from_its_build_time_json_is_the_yaml_file() {
    let yaml = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("catalog/intune.yaml")).unwrap();
    let from_yaml = privcat::catalog::load_texts(vec![("intune.yaml (built-in)".into(), yaml)])
        .library
        .expect("the YAML loads");
    let built_in = library();
    assert_eq!(built_in.items.len(), from_yaml.items.len());
    for index in 0..built_in.items.len() {
        // As text, so that the order of every map counts too.
        assert_eq!(
            privcat::export::json::item(&built_in, index).to_string(),
            privcat::export::json::item(&from_yaml, index).to_string(),
            "item {}",
            built_in.items[index].id
        );
    }
}
