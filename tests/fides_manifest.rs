//! The fideslang manifest checked by fideslang itself: the package's pydantic models load every
//! system, and every data category, use and subject is a key of its default taxonomy; privcat's own
//! copy of that taxonomy (which `validate` checks mappings against) is the package's. The package
//! lives in a virtual environment: `.ci/run` makes it and names its python in
//! `PRIVCAT_FIDES_PYTHON`; elsewhere this test makes it in `target/fides-venv`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const FIDESLANG: &str = "fideslang==3.1.4";

fn has_fideslang(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import fideslang"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A python with fideslang: the one CI names, else one made here.
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        if let Some(python) = std::env::var_os("PRIVCAT_FIDES_PYTHON") {
            let python = PathBuf::from(python);
            assert!(
                has_fideslang(&python),
                "PRIVCAT_FIDES_PYTHON={} cannot import fideslang",
                python.display()
            );
            return python;
        }
        assert!(
            std::env::var_os("CI").is_none(),
            "PRIVCAT_FIDES_PYTHON is not set; .ci/run makes the virtual environment and sets it"
        );
        let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fides-venv");
        let python = venv.join("bin/python");
        if !has_fideslang(&python) {
            let made = Command::new("python3").arg("-m").arg("venv").arg(&venv).status();
            assert!(
                made.is_ok_and(|s| s.success()),
                "python3 -m venv {} failed",
                venv.display()
            );
            let pip = Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", FIDESLANG])
                .status();
            assert!(pip.is_ok_and(|s| s.success()), "pip install {FIDESLANG} failed");
        }
        assert!(
            has_fideslang(&python),
            "{} cannot import fideslang",
            python.display()
        );
        python
    })
}

/// Runs a python script with fideslang; asserts it succeeds and returns what it printed.
#[track_caller]
fn fideslang(script: &str, args: &[&Path]) -> String {
    let out = Command::new(python())
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn manifest(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args([&["export", "--format", "fides"][..], args].concat())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const VALIDATE: &str = r#"
import sys, yaml
from fideslang import DEFAULT_TAXONOMY as T
from fideslang.models import System
known = {
    "category": {c.fides_key for c in T.data_category},
    "use": {u.fides_key for u in T.data_use},
    "subject": {s.fides_key for s in T.data_subject},
}
doc = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
for raw in doc["system"]:
    system = System.model_validate(raw)
    assert system.privacy_declarations, system.fides_key
    for d in system.privacy_declarations:
        assert d.data_categories, d.name
        unknown = set(d.data_categories) - known["category"]
        assert not unknown, (d.name, unknown)
        assert d.data_use in known["use"], (d.name, d.data_use)
        unknown = set(d.data_subjects) - known["subject"]
        assert not unknown, (d.name, unknown)
        print(system.fides_key, d.data_use, ",".join(d.data_categories), ",".join(d.data_subjects), sep="\t")
"#;

#[test]
fn the_intune_manifest_validates_with_fideslang() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "sv"] {
        let path = dir.path().join(format!("intune-{lang}.yml"));
        std::fs::write(&path, manifest(&["--lang", lang])).unwrap();
        let declarations = fideslang(VALIDATE, &[&path]);
        let rows: Vec<Vec<&str>> = declarations.lines().map(|l| l.split('\t').collect()).collect();
        assert!(rows.len() >= 10, "{declarations}");
        assert!(rows.iter().all(|r| r[0] == "intune"));
        // What the catalog maps: the IMEI's device ids for the service, the audit log for security,
        // the support contacts as customers.
        let has = |data_use: &str, category: &str, subject: &str| {
            rows.iter().any(|r| {
                r[1] == data_use
                    && r[2].split(',').any(|c| c == category)
                    && r[3].split(',').any(|s| s == subject)
            })
        };
        assert!(
            has("essential.service", "user.device.device_id", "employee"),
            "{declarations}"
        );
        assert!(has("essential.service.security", "system.operations", "employee"));
        assert!(has(
            "essential.service.operations.support",
            "user.contact",
            "customer"
        ));
        assert!(has(
            "essential.service.notifications",
            "user.device.device_id",
            "employee"
        ));
    }
}

#[test]
fn the_manifest_says_every_mapping_is_inferred_and_why() {
    let text = manifest(&[]);
    let (comments, yaml) = text.split_once("\nsystem:").unwrap();
    assert!(comments.lines().all(|l| l.starts_with('#')), "{comments}");
    assert!(comments.contains("every data category, use and subject below is the catalog's inference"));
    assert!(comments.contains("#     - group `hardware-inventory`: The device's name, serial number, IMEI"));
    assert!(comments.contains("#     - data subject `customer-contact`:"));
    // The page of what an organisation can never see maps to nothing: no document says Intune holds it.
    assert!(comments.contains("seen-calling-and-browsing-history"));
    assert!(!yaml.contains("seen-calling"));
}

#[test]
fn privcats_copy_of_the_taxonomy_is_fideslangs() {
    let ours = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/catalog/fides/taxonomy.txt");
    let script = r##"
import sys
from fideslang import DEFAULT_TAXONOMY as T
theirs = sorted(
    [("category", c.fides_key) for c in T.data_category]
    + [("use", u.fides_key) for u in T.data_use]
    + [("subject", s.fides_key) for s in T.data_subject]
)
lines = [l.split(" ", 1) for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if not l.startswith("#")]
ours = sorted((w, k) for w, k in lines)
missing, extra = set(theirs) - set(ours), set(ours) - set(theirs)
assert not missing and not extra, (missing, extra)
print(len(ours))
"##;
    let n: usize = fideslang(script, &[&ours]).trim().parse().unwrap();
    assert!(n > 100, "{n} keys");
}

/// A catalog with `fides` mappings, some wrong.
const MAPPED: &str = r"format: 2
catalog:
  id: mapped
  title: Mapped
  product: Mapped
  publisher: Acme
  languages: [en]
documents:
  - id: privacy
    title: Privacy
    editions: [{language: en}]
    sections: [{id: data, title: Data}]
subjects:
  - id: end-user
    name: End user
    fides: {subjects: [employe], reason: Staff use the devices.}
parties:
  - id: apple
    name: Apple
    fides: {subjects: [customer], reason: Not a person.}
categories:
  - id: identified
    name: Identified
    exhaustive: true
    section: data
    fides: {uses: [essential.service], categories: [user.device.ip_adress], reason: To run the service.}
groups:
  - id: hardware
    category: identified
    name: Hardware
    fides: {subjects: [employee], reason: Wrong place.}
items:
  - id: serial
    group: hardware
    name: Serial
    fides: {reason: Nothing named.}
";

#[test]
fn validate_refuses_mappings_fideslang_would_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mapped.yaml");
    std::fs::write(&path, MAPPED).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(["validate", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "mapped.yaml:16:24: error: `employe` is not a data subject of fideslang's taxonomy; did you mean `employee`? (at subjects[0].fides.subjects[0])",
        "mapped.yaml:20:12: error: a party takes no `fides` mapping",
        "error: `user.device.ip_adress` is not a data category of fideslang's taxonomy; did you mean `user.device.ip_address`? (at categories[0].fides.categories[0])",
        "error: `subjects` does not belong here: data subjects are mapped on the catalog's `subjects`, not here (at groups[0].fides.subjects)",
        "error: a `fides` mapping names at least one key under `categories` or `uses` (at items[0].fides)",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    // An unknown key in a mapping is refused like everywhere.
    std::fs::write(
        &path,
        MAPPED.replace("reason: Nothing named.", "reasons: Nothing named."),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_privcat"))
        .args(["validate", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("mapped.yaml:36:13: error: unknown key `reasons`; did you mean `reason`?"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
