//! Large, realistic privcat catalogs from a seed, for measuring privcat at scale: the generator behind
//! `examples/generate` and the benches, which include this file with `#[path]`.
//!
//! Each file is one catalog as catalog/FORMAT.md describes it: a header with document sections and
//! statements, five platforms, ten scenario dimensions, six sources with conditions, three
//! categories, then headings of 5 to 40 items (and a few items directly in a category). Headings and
//! items get descriptions, long conditions (100 to 200 characters, most with `when`), purposes,
//! notes, platforms and `also_listed` links at fixed rates. The same seed gives the same bytes.

#[path = "conditions.rs"]
mod conditions;
#[path = "head.rs"]
mod head;
#[path = "items.rs"]
mod items;
#[path = "rng.rs"]
mod rng;
#[path = "vocab.rs"]
mod vocab;
#[path = "yaml.rs"]
mod yaml;

use rng::Rng;
use vocab::Topic;
use yaml::{Text, Yaml};

/// What to generate: `items` items spread over `files` catalogs.
pub struct Spec {
    pub items: usize,
    pub files: usize,
    pub seed: u64,
}

/// One generated catalog file.
pub struct GeneratedFile {
    /// `catalog-01.yaml`, …
    pub name: String,
    pub text: String,
    pub items: usize,
    /// Headings (`groups`) in the file.
    pub groups: usize,
}

/// Every file of `spec`, in order; the items are shared out as evenly as possible.
pub fn generate(spec: &Spec) -> Vec<GeneratedFile> {
    let files = spec.files.max(1);
    let width = files.to_string().len().max(2);
    (0..files)
        .map(|i| {
            let items = spec.items / files + usize::from(i < spec.items % files);
            catalog_file(i + 1, width, items, spec.seed)
        })
        .collect()
}

/// The `number`-th catalog (from 1), with `items` items; `width` digits in its name and id.
pub fn catalog_file(number: usize, width: usize, items: usize, seed: u64) -> GeneratedFile {
    let mut rng = Rng::new(
        seed ^ u64::try_from(number)
            .unwrap_or(0)
            .wrapping_mul(0xD6E8_FEB8_6659_FD93),
    );
    let mut y = Yaml::default();
    y.line(
        0,
        "# A generated privcat catalog (examples/generate); the texts are realistic, not real.",
    );
    y.line(0, "format: 1");
    y.blank();
    head::header(&mut y, number, width);
    head::platforms(&mut y);
    head::dimensions(&mut y);
    head::sources(&mut y);
    head::categories(&mut y);
    let plan = items::plan(&mut rng, items);
    items::groups(&mut y, &mut rng, &plan);
    items::items(&mut y, &mut rng, &plan);
    GeneratedFile {
        name: format!("catalog-{number:0width$}.yaml"),
        text: y.finish(),
        items,
        groups: plan.iter().filter(|g| g.heading).count(),
    }
}

/// A heading's place in the file: planned first so that headings can be listed before items.
pub struct Planned {
    pub id: String,
    pub topic: &'static Topic,
    pub product: &'static str,
    pub category: usize,
    pub size: usize,
    /// False for items listed directly in the category, without a heading.
    pub heading: bool,
}

/// `(id, English name, Swedish name, section)`.
pub const CATEGORIES: [(&str, &str, &str, &str); 3] = [
    (
        "identified",
        "Identified data",
        "Identifierade data",
        "identified-data",
    ),
    (
        "pseudonymized",
        "Pseudonymized data",
        "Pseudonymiserade data",
        "pseudonymized-data",
    ),
    (
        "aggregated",
        "Aggregated data",
        "Aggregerade data",
        "aggregated-data",
    ),
];

/// `(id, name, English condition, Swedish condition)`.
pub const PLATFORMS: [(&str, &str, &str, &str); 5] = [
    ("windows", "Windows", "for Windows devices", "för Windows-enheter"),
    ("macos", "macOS", "for Mac devices", "för Mac-enheter"),
    (
        "ios-ipados",
        "iOS/iPadOS",
        "for iOS/iPadOS devices",
        "för iOS/iPadOS-enheter",
    ),
    ("android", "Android", "for Android devices", "för Android-enheter"),
    ("linux", "Linux", "for Linux devices", "för Linux-enheter"),
];

/// A condition, purpose or catalog statement.
pub struct Statement {
    pub text: Text,
    pub when: Option<String>,
    pub treated_as: Option<&'static str>,
    pub inferred: bool,
}

impl Statement {
    pub fn plain(text: Text) -> Statement {
        Statement {
            text,
            when: None,
            treated_as: None,
            inferred: false,
        }
    }
}

/// A statement as a map whose first line starts at `indent` after `first` (`"- "` in a list, else `""`).
pub fn statement(y: &mut Yaml, indent: usize, first: &str, s: &Statement) {
    y.text(indent, &format!("{first}text"), &s.text);
    let inner = indent + first.len();
    if let Some(when) = &s.when {
        y.line(inner, &format!("when: {when}"));
    }
    if let Some(category) = s.treated_as {
        y.pair(inner, "treated_as", category);
    }
    if s.inferred {
        y.line(inner, "inferred: true");
    }
}
