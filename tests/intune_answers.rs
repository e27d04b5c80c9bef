//! The questions support staff are asked, answered from the built-in library: each answer line
//! found, and the source it cites named with its document and section.

use privcat::catalog::{Library, load_builtin};
use privcat::describe::answer::answer;
use privcat::scenario::Scenario;
use privcat::text::Lang;

fn library() -> Library {
    load_builtin().library.expect("the built-in library loads")
}

/// An answer split into its lines and its numbered sources.
struct Answer {
    text: String,
}

impl Answer {
    fn of(id: &str, lang: Lang) -> Answer {
        let library = library();
        let index = library.find(id).unwrap_or_else(|| panic!("no item `{id}`"));
        Answer {
            text: answer(&library, index, lang, &Scenario::default()),
        }
    }

    /// The line that holds `words`, and the source line it cites.
    fn cited(&self, words: &str) -> (&str, &str) {
        let line = self
            .text
            .lines()
            .find(|l| l.starts_with(['-', ' ']) && l.contains(words))
            .unwrap_or_else(|| panic!("no line with {words:?} in:\n{}", self.text));
        let n = line
            .rsplit_once(" [")
            .and_then(|(_, n)| n.strip_suffix(']'))
            .unwrap_or_else(|| panic!("{line:?} cites no source"));
        let source = self
            .text
            .lines()
            .find(|l| l.starts_with(&format!("[{n}] ")))
            .unwrap_or_else(|| panic!("source [{n}] is not listed in:\n{}", self.text));
        (line, source)
    }

    /// Asserts that a line holds `words` and cites `document`, section `section`.
    fn says(&self, words: &str, document: &str, section: &str) -> &str {
        let (line, source) = self.cited(words);
        assert!(
            source.contains(&format!("“{document}”")) && source.contains(&format!("“{section}”")),
            "{line:?} should cite “{document}”, “{section}”, not {source:?}"
        );
        line
    }
}

const WHAT_INFO: &str = "What info can your company see when you enroll your device?";
const WHAT_INFO_SECTION: &str = "What information can my organization see when I enroll my device?";

#[test]
fn photos_contacts_and_text_messages_are_never_visible_to_the_organisation() {
    for id in ["seen-pictures", "seen-contacts", "seen-email-and-text-messages"] {
        let a = Answer::of(id, Lang::En);
        a.says(
            "Never visible to the organisation: What your organization can never see",
            WHAT_INFO,
            WHAT_INFO_SECTION,
        );
    }
    // The 2023 rewrite says they are never collected, and says so with its own date.
    let a = Answer::of("seen-pictures", Lang::En);
    let (_, source) = a.cited("Never collected: Photos, including those in a photo app or camera.");
    assert!(
        source.contains("Data collection in Intune") && source.contains("2023-09-29"),
        "{source}"
    );
}

#[test]
fn photos_are_never_visible_in_swedish_too() {
    let a = Answer::of("seen-pictures", Lang::Sv);
    let (_, source) = a.cited("Aldrig synlig för organisationen: Vad din organisation aldrig kan se");
    assert!(
        source.contains("IntuneDocs.sv-se"),
        "the Swedish edition is cited: {source}"
    );
}

#[test]
fn imei_is_always_visible_collected_and_sent_by_apple_devices_in_authenticate() {
    let a = Answer::of("imei", Lang::En);
    a.says(
        "Microsoft Intune lists it as identified data (group: Hardware inventory information)",
        "Data collection in Intune",
        "Identified data",
    );
    a.says(
        "Visible to the organisation: What your organization can always see (visible always)",
        WHAT_INFO,
        WHAT_INFO_SECTION,
    );
    let line = a.says(
        "Received from: The device's International Mobile Station Equipment Identity.",
        "Data Apple sends to Intune",
        "Data Apple sends to Intune",
    );
    assert!(
        line.contains("party Apple · service: APNs · message: Authenticate"),
        "{line}"
    );
    assert!(
        a.text
            .contains("(the catalog reads them as the same field; no document says so)"),
        "the links between pages are the catalog's reading, and say so:\n{}",
        a.text
    );
}

#[test]
fn the_full_phone_number_is_shown_only_on_corporate_devices() {
    let a = Answer::of("seen-phone-number", Lang::En);
    a.says(
        "For corporate-owned devices, your full phone number can be seen.",
        WHAT_INFO,
        WHAT_INFO_SECTION,
    );
    a.says(
        "For personal-owned devices, just the last four digits of your phone number are visible",
        WHAT_INFO,
        WHAT_INFO_SECTION,
    );
}

#[test]
fn audit_logs_are_kept_a_year_and_administrators_cannot_delete_them() {
    let a = Answer::of("audit-manage", Lang::En);
    let line = a.says(
        "Audit logs are retained for up to one year.",
        "Data storage and processing in Intune",
        "Personal data retention",
    );
    assert!(line.contains("kept 1 year · at most"), "{line}");
    a.says(
        "Admins can’t delete audit logs.",
        "Audit, export, or delete personal data",
        "Audit personal data",
    );
}

#[test]
fn a_deleted_users_data_leaves_intune_within_30_days() {
    let a = Answer::of("device-name", Lang::En);
    let line = a.says(
        "The user’s information will be deleted from Intune service within 30 days of the removal action.",
        "Audit, export, or delete personal data",
        "Delete a user from Intune",
    );
    assert!(line.contains("kept 30 days · at most"), "{line}");
    let a = Answer::of("device-name", Lang::Sv);
    a.says(
        "Användarens information tas bort från Intune-tjänsten inom 30 dagar från borttagningsåtgärden.",
        "Granska, exportera eller ta bort personliga data",
        "Ta bort en användare från Intune",
    );
}

#[test]
fn intune_sends_the_serial_number_to_apple_through_asm_dep_and_vpp() {
    let a = Answer::of("serial-number", Lang::En);
    let dep = a.says(
        "(party Apple · service: ASM/DEP · field: serial_number)",
        "Data Intune sends to Apple",
        "Data Intune sends to Apple",
    );
    assert!(dep.contains("Shared with:"), "{dep}");
    let vpp = a.says(
        "(party Apple · service: VPP · field: Serial Number)",
        "Data Intune sends to Apple",
        "Data Intune sends to Apple",
    );
    assert!(vpp.contains("Shared with:"), "{vpp}");
}

#[test]
fn a_user_turns_off_usage_data_on_android_in_three_steps() {
    let a = Answer::of("usage-android-data", Lang::En);
    let page = "How to turn off Microsoft data collection | Microsoft Docs";
    let section = "Turn off Microsoft usage data collection";
    let steps = [
        "To turn off data collection on your Android device:",
        "Open the Company Portal or Microsoft Intune app.",
        "Select Settings.",
        "Under the usage data setting, flip the switch to the off position.",
    ];
    let mut at = 0;
    for step in steps {
        a.says(step, page, section);
        let here = a.text.find(step).unwrap();
        assert!(here > at, "the steps are in the page's order: {step:?}");
        at = here;
    }
    a.says(
        "Your organization doesn't have control over the collection of this data",
        page,
        section,
    );
}

#[test]
fn where_the_versions_disagree_on_location_both_are_shown_with_their_dates() {
    let a = Answer::of("seen-location", Lang::En);
    let (_, old) = a.cited("Your organization can never see your device's location, unless you need to recover a lost, supervised iOS device.");
    let (_, new) = a.cited("Conditions: corporate devices only");
    assert!(
        old.contains("2018-12-17") && new.contains("2023-09-29"),
        "{old}\n{new}"
    );
}
