//! The records a privacy office takes from privcat, run as a user runs them: the record of
//! processing of the Intune library in Markdown, CSV and as a workbook (opened with calamine), the
//! CSV for Swedish Excel, and the documents every export names at its top.
//!
//! Expected texts come from the pages the catalog quotes (its retention periods, storage locations
//! and parties) and from `catalog/intune.yaml`, never from a run of the program.

#[path = "support/intune_yaml.rs"]
mod intune_yaml;

use std::collections::BTreeMap;
use std::io::Cursor;
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

/// `privcat ARGS…` without colour; asserts success and returns standard output's bytes.
#[track_caller]
fn privcat(args: &[&str]) -> Vec<u8> {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "privcat {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// A record read back: per activity title, per field name, the cell's lines.
type Record = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The record from a table: a header row, then a row per activity (the activity in column 1).
fn from_rows(rows: &[Vec<String>]) -> Record {
    let header = &rows[0];
    let first_field = 5;
    let fields = header.len() - 1;
    rows[1..]
        .iter()
        .map(|row| {
            let cells = (first_field..fields)
                .map(|c| {
                    let lines = row[c].lines().map(str::to_owned).collect();
                    (header[c].clone(), lines)
                })
                .collect();
            (row[1].clone(), cells)
        })
        .collect()
}

fn from_markdown(text: &str) -> Record {
    let mut record = Record::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            current = Some(title.replace("\\|", "|"));
            continue;
        }
        let Some(title) = &current else { continue };
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        if cells.len() != 2 || cells[0] == "---" || !line.starts_with("| ") {
            continue;
        }
        let lines = cells[1].split("<br>").map(|l| l.replace("\\|", "|")).collect();
        record
            .entry(title.clone())
            .or_default()
            .insert(cells[0].to_owned(), lines);
    }
    record.retain(|_, fields| fields.len() > 2);
    record
}

fn csv_rows(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The sheets of a workbook: per name, its rows of text.
fn workbook(bytes: Vec<u8>) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("an xlsx workbook");
    book.worksheets()
        .into_iter()
        .map(|(name, range)| {
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// The record in every layout, in English.
fn every_layout(lang: &str) -> Vec<(&'static str, Record)> {
    let md = String::from_utf8(privcat(&["export", "--format", "ropa", "--lang", lang])).unwrap();
    let csv = String::from_utf8(privcat(&[
        "export", "--format", "ropa", "--as", "csv", "--lang", lang,
    ]))
    .unwrap();
    let xlsx = privcat(&["export", "--format", "ropa", "--as", "xlsx", "--lang", lang]);
    let sheets = workbook(xlsx);
    let record_sheet = if lang == "sv" { "Register" } else { "Record" };
    vec![
        ("md", from_markdown(&md)),
        ("csv", from_rows(&csv_rows(&csv, b','))),
        ("xlsx", from_rows(&sheets[record_sheet])),
    ]
}

const RECIPIENTS: &str = "Recipients (Art. 30(1)(d))";
const ORIGINS: &str = "Where the data comes from (Art. 14(2)(f))";
const RETENTION: &str = "Time limits for erasure (Art. 30(1)(f))";
const STORAGE: &str = "Storage locations";
const SUBJECTS: &str = "Categories of data subjects (Art. 30(1)(c))";
const TRANSFERS: &str = "Transfers to third countries (Art. 30(1)(e))";
const IDENTIFIED: &str = "Identified data — Data collection in Intune · 2018-05-18";

/// The line of `field` in `activity` that contains every one of `words`.
#[track_caller]
fn line<'r>(record: &'r Record, layout: &str, activity: &str, field: &str, words: &[&str]) -> &'r str {
    let cell = record
        .get(activity)
        .unwrap_or_else(|| panic!("{layout}: no activity {activity}; have {:?}", record.keys()))
        .get(field)
        .unwrap_or_else(|| panic!("{layout}: {activity} has no field {field}"));
    cell.iter()
        .find(|l| words.iter().all(|w| l.contains(w)))
        .unwrap_or_else(|| panic!("{layout}: {activity} › {field} has no line with {words:?}: {cell:#?}"))
}

#[test]
fn the_record_names_the_parties_the_data_goes_to_and_comes_from_with_their_pages() {
    for (layout, record) in every_layout("en") {
        let apple = line(
            &record,
            layout,
            "Data Intune sends to Apple",
            RECIPIENTS,
            &["Apple", "#data-intune-sends-to-apple"],
        );
        assert!(
            apple.contains("“Data Intune sends to Apple”"),
            "{layout}: {apple}"
        );
        line(
            &record,
            layout,
            "Data Apple sends to Intune",
            ORIGINS,
            &["Apple", "#data-apple-sends-to-intune", "dated 2018-04-19"],
        );
        line(
            &record,
            layout,
            "Data Intune sends to Google",
            RECIPIENTS,
            &["Google", "#data-intune-sends-to-google", "dated 2018-04-18"],
        );
        line(
            &record,
            layout,
            "Data Google sends to Intune",
            ORIGINS,
            &["Google", "#data-google-sends-to-intune"],
        );
        line(
            &record,
            layout,
            "Data JAMF Pro sends to Intune",
            ORIGINS,
            &[
                "Jamf Pro",
                "“Data JAMF Pro sends to Intune”",
                "(#data)",
                "dated 2019-01-16",
            ],
        );
    }
}

#[test]
fn the_record_gives_the_retention_periods_with_the_sentences_that_state_them() {
    for (layout, record) in every_layout("en") {
        for (words, section) in [
            (
                "until 30 days after the user is removed",
                "#personal-data-retention",
            ),
            (
                "within 30 days of the removal action",
                "#delete-a-user-from-intune",
            ),
            (
                "Audit logs are retained for up to one year.",
                "#personal-data-retention",
            ),
            ("for a period of one year", "#audit-personal-data"),
            (
                "deleted within 180 days after the customer closes",
                "#delete-a-tenant-from-microsoft-intune",
            ),
        ] {
            let l = line(&record, layout, IDENTIFIED, RETENTION, &[words, section]);
            assert!(l.starts_with('“'), "{layout}: a quote: {l}");
        }
        line(
            &record,
            layout,
            IDENTIFIED,
            RETENTION,
            &["kept 180 days", "at most"],
        );
        line(
            &record,
            layout,
            "Pseudonymized data — Data collection in Intune · 2018-05-18",
            RETENTION,
            &["maximum of 30 days", "#personal-data-retention"],
        );
    }
}

#[test]
fn the_record_gives_the_storage_locations_and_the_people_the_data_is_about() {
    for (layout, record) in every_layout("en") {
        for place in [
            "SQLAzure",
            "Reliable Collections (Service fabric)",
            "Azure storage",
        ] {
            line(
                &record,
                layout,
                IDENTIFIED,
                STORAGE,
                &[&format!("where: {place}"), "#storing-personal-data"],
            );
        }
        line(
            &record,
            layout,
            IDENTIFIED,
            STORAGE,
            &["region chosen by Administrator", "#storage-locations"],
        );
        line(
            &record,
            layout,
            "Pseudonymized data — Data collection in Intune · 2018-05-18",
            STORAGE,
            &["Microsoft’s telemetry data stores", "#storing-personal-data"],
        );
        for subject in ["End user —", "Administrator —", "Customer contact (inferred) —"] {
            line(
                &record,
                layout,
                IDENTIFIED,
                SUBJECTS,
                &[subject, "#identified-data"],
            );
        }
        assert_eq!(
            record[IDENTIFIED][TRANSFERS],
            ["not stated in the documents"],
            "{layout}: no document speaks of transfers to third countries"
        );
    }
}

#[test]
fn the_summary_counts_the_fields_the_documents_leave_open() {
    let md = String::from_utf8(privcat(&["export", "--format", "ropa"])).unwrap();
    let record = from_markdown(&md);
    let total = record.len();
    let open = |field: &str| {
        record
            .values()
            .filter(|f| f[field] == ["not stated in the documents"])
            .count()
    };
    let summary = md
        .split("\n## ")
        .find(|s| s.starts_with("Fields the documents do not answer"))
        .unwrap();
    assert!(summary.contains(&format!("{total} activities.")), "{summary}");
    for field in [TRANSFERS, RETENTION, STORAGE, RECIPIENTS] {
        let n = open(field);
        assert!(n > 0, "{field}");
        let expected = format!("- {field}: not stated for {n} of {total} activities");
        assert!(summary.contains(&expected), "{expected}\n{summary}");
    }
    // The workbook's summary sheet says the same.
    let sheets = workbook(privcat(&["export", "--format", "ropa", "--as", "xlsx"]));
    let summary: Vec<String> = sheets["Summary"].iter().map(|r| r[0].clone()).collect();
    let n = open(TRANSFERS);
    assert!(
        summary.contains(&format!("{TRANSFERS}: not stated for {n} of {total} activities")),
        "{summary:#?}"
    );
}

/// The documents of the catalog, each with its title and date in its Swedish edition.
fn intune_documents() -> Vec<(String, String, String)> {
    let yaml = intune_yaml::intune_yaml();
    yaml["documents"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|d| {
            let title = &d["title"];
            let title = title["en"].as_str().or(title.as_str()).unwrap().to_owned();
            let edition = &d["editions"][0];
            let date = edition["date"].as_str().unwrap().to_owned();
            (d["id"].as_str().unwrap().to_owned(), title, date)
        })
        .collect()
}

#[test]
fn every_export_names_the_documents_it_rests_on_at_its_top() {
    let documents = intune_documents();
    let json: serde_json::Value = serde_json::from_slice(&privcat(&["export", "--format", "json"])).unwrap();
    let rests_on = json["rests_on"].as_array().expect("a rests_on list");
    let ids: Vec<&str> = rests_on.iter().map(|d| d["document"].as_str().unwrap()).collect();
    for (id, _, date) in &documents {
        let doc = rests_on
            .iter()
            .find(|d| d["document"] == id.as_str())
            .unwrap_or_else(|| panic!("{id} in {ids:?}"));
        assert_eq!(doc["editions"][0]["date"], date.as_str(), "{id}");
    }
    for format in [
        &["--format", "md"][..],
        &["--format", "ropa"],
        &["--format", "fides"],
    ] {
        let text = String::from_utf8(privcat(&[&["export"], format].concat())).unwrap();
        let top: String = text
            .lines()
            .take(documents.len() + 6)
            .collect::<Vec<_>>()
            .join("\n");
        for (_, title, date) in &documents {
            assert!(
                top.contains(&format!("“{title}”")) && top.contains(&format!("dated {date}")),
                "{format:?}: {title} {date} at the top:\n{top}"
            );
        }
    }
    // The 2023 rewrite is named as the later version it is.
    let md = String::from_utf8(privcat(&["export", "--format", "md"])).unwrap();
    assert!(md.contains("dated 2023-09-29"), "{md}");
    assert!(md.contains("a later version of “Data collection in Intune”"));
}

#[test]
fn the_excel_csv_has_a_byte_order_mark_semicolons_and_swedish_headers() {
    let bytes = privcat(&["export", "--format", "csv", "--excel", "--lang", "sv"]);
    let text = String::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte-order mark first");
    assert!(
        text.contains("\r\n") && !text.replace("\r\n", "").contains('\r'),
        "CRLF line ends"
    );
    let rows = csv_rows(text, b';');
    let header = &rows[0];
    for column in [
        "Katalog",
        "Id",
        "Kategori",
        "Namn",
        "Registrerade",
        "Källor",
        "Lagringstid",
        "Dokument",
        "Dokumentets adress",
        "Dokumentets datum",
    ] {
        assert!(header.iter().any(|h| h == column), "{column} in {header:?}");
    }
    assert!(
        rows.iter().all(|r| r.len() == header.len()),
        "every row has every column"
    );
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let imei = rows.iter().find(|r| r[at("Id")] == "imei").unwrap();
    assert_eq!(imei[at("Namn")], "IMEI-numret");
    assert_eq!(imei[at("Kategori")], "Identifierade data");
    assert_eq!(imei[at("Dokument")], "Datainsamling i Intune");
    assert_eq!(imei[at("Dokumentets datum")], "2018-05-18");
    assert!(
        imei[at("Dokumentets adress")].ends_with("/intune/protect/privacy-data-collect.md"),
        "{}",
        imei[at("Dokumentets adress")]
    );
    assert!(imei[at("Registrerade")].contains("Slutanvändare"));
    assert!(imei[at("Lagringstid")].contains("I allmänhet lagras personliga data av Intune i 30 dagar"));
    // Without --excel: RFC 4180, the header ids scripts read.
    let plain = String::from_utf8(privcat(&["export", "--format", "csv", "--lang", "sv"])).unwrap();
    assert!(plain.starts_with("Katalog,Id,"), "{}", &plain[..40]);
}

#[test]
fn the_swedish_record_opens_in_excel_with_its_letters_and_columns() {
    let csv = String::from_utf8(privcat(&[
        "export", "--format", "ropa", "--as", "csv", "--excel", "--lang", "sv",
    ]))
    .unwrap();
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let sheets = workbook(privcat(&[
        "export", "--format", "ropa", "--lang", "sv", "--as", "xlsx",
    ]));
    assert_eq!(sheets.keys().collect::<Vec<_>>(), ["Register", "Sammanfattning"]);
    for (layout, rows) in [("csv", csv_rows(csv, b';')), ("xlsx", sheets["Register"].clone())] {
        let header = &rows[0];
        assert_eq!(header[1], "Behandling", "{layout}");
        for column in [
            "Kategorier av registrerade (art. 30.1 c)",
            "Mottagare (art. 30.1 d)",
            "Överföringar till tredjeland (art. 30.1 e)",
            "Tidsfrister för radering (art. 30.1 f)",
            "Säkerhetsåtgärder (art. 30.1 g, 32.1)",
            "Citerade dokument",
        ] {
            assert!(
                header.iter().any(|h| h == column),
                "{layout}: {column} in {header:?}"
            );
        }
        let record = from_rows(&rows);
        let identified = "Identifierade data — Datainsamling i Intune";
        let subjects = &record[identified]["Kategorier av registrerade (art. 30.1 c)"];
        for name in [
            "Slutanvändare —",
            "Administratör —",
            "Kundens kontaktperson (härledd) —",
        ] {
            assert!(
                subjects.iter().any(|l| l.starts_with(name)),
                "{layout}: {name} in {subjects:?}"
            );
        }
        let retention = &record[identified]["Tidsfrister för radering (art. 30.1 f)"];
        assert!(
            retention.iter().any(
                |l| l.contains("tas alla klientorganisationsdata bort inom 180 dagar")
                    && l.contains("avsnitt “Ta bort en klientorganisation från Microsoft Intune”")
            ),
            "{layout}: {retention:#?}"
        );
        assert_eq!(
            record[identified]["Överföringar till tredjeland (art. 30.1 e)"],
            ["framgår inte av dokumenten"],
            "{layout}"
        );
    }
    let summary: Vec<&String> = sheets["Sammanfattning"].iter().map(|r| &r[0]).collect();
    assert_eq!(summary[0], "Register över behandling");
    assert!(
        summary
            .iter()
            .any(|l| l.starts_with("“Datainsamling i Intune”, Microsoft; sv-SE, daterat 2018-05-18"))
    );
}

#[test]
fn the_layout_follows_the_output_file_and_flags_that_do_not_fit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("register.xlsx");
    privcat(&["export", "--format", "ropa", "-o", file.to_str().unwrap()]);
    let sheets = workbook(std::fs::read(&file).unwrap());
    assert!(sheets.contains_key("Record"));
    let csv = dir.path().join("register.csv");
    privcat(&["export", "--format", "ropa", "-o", csv.to_str().unwrap()]);
    assert!(
        std::fs::read_to_string(&csv)
            .unwrap()
            .starts_with("catalog,Processing activity,")
    );
    for (args, says) in [
        (
            &["export", "--format", "json", "--excel"][..],
            "--excel shapes CSV",
        ),
        (
            &["export", "--format", "md", "--as", "csv"],
            "--as lays out the record",
        ),
        (
            &["export", "--format", "ropa", "--as", "md", "--excel"],
            "--excel shapes CSV",
        ),
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(says), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

/// The record of the small fixture that uses every kind of fact, built without the command line.
#[test]
fn each_field_is_filled_from_its_kind_of_fact_and_open_fields_stay_empty() {
    use privcat::export::ropa::{Field, Record};
    use privcat::text::Lang;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/library.yaml");
    let library = privcat::catalog::load_paths(&[path])
        .library
        .expect("the fixture loads");
    let catalog = &library.catalogs[0];
    let all: Vec<usize> = (0..library.items.len()).collect();
    let record = Record::build(&library, &all, Lang::En);
    assert_eq!(record.left_out, 1, "browsing history is never collected");
    let field = |title: &str, field: Field| {
        let activity = record
            .activities
            .iter()
            .find(|a| a.title.starts_with(title))
            .unwrap();
        activity
            .fields
            .iter()
            .find(|(f, _)| *f == field)
            .unwrap()
            .1
            .clone()
    };
    let section = |cite| catalog.section(cite).unwrap().id.as_str();
    let retention = field("Identified data", Field::Retention);
    assert_eq!(retention.len(), 1);
    assert_eq!(
        retention[0].text,
        "We keep device data for 30 days after the device is removed."
    );
    assert!(retention[0].detail.as_deref().unwrap().contains("kept 30 days"));
    assert_eq!(section(retention[0].cites[0]), "retention");
    let storage = field("Identified data", Field::Storage);
    assert!(
        storage[0]
            .detail
            .as_deref()
            .unwrap()
            .contains("where: Acme cloud")
    );
    let subjects: Vec<String> = field("Identified data", Field::Subjects)
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(subjects, ["End user", "Administrator"]);
    // The Apple list: what goes to Apple, and what comes from it, per party with its services.
    let apple = field("What your organisation can see", Field::Recipients);
    assert_eq!(apple.len(), 1);
    assert_eq!(
        (apple[0].text.as_str(), apple[0].detail.as_deref()),
        ("Apple", Some("services: DEP · 1 field"))
    );
    let from = field("What your organisation can see", Field::Origins);
    assert!(
        from.iter()
            .any(|e| e.text == "Apple" && e.detail.as_deref() == Some("services: APNs · 1 field"))
    );
    for open in [Field::Controller, Field::Transfers] {
        assert!(field("Identified data", open).is_empty(), "{open:?}");
    }
    let counts = record.not_stated();
    let transfers = counts.iter().find(|(f, _)| *f == Field::Transfers).unwrap().1;
    assert_eq!(transfers, record.activities.len());
}
