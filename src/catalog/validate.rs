//! Semantic checks of a parsed catalog file: ids, references, names and languages, all reported in one run.

use std::collections::{HashMap, HashSet};

use crate::catalog::diagnostic::{Diagnostic, Severity};
use crate::catalog::schema::{CatalogFile, SourceRef, Statement};
use crate::scenario::Expr;
use crate::text::Text;

/// Collects every problem of one file; line and column are added by the caller from the paths.
struct Checker<'a> {
    file: &'a str,
    languages: Vec<String>,
    found: Vec<Diagnostic>,
    /// Declared scenario dimensions and their values.
    dimensions: HashMap<String, Vec<String>>,
    categories: HashSet<String>,
}

impl Checker<'_> {
    fn error(&mut self, path: String, message: String) {
        self.found
            .push(Diagnostic::at_path(Severity::Error, self.file, path, message));
    }

    fn warning(&mut self, path: String, message: String) {
        self.found
            .push(Diagnostic::at_path(Severity::Warning, self.file, path, message));
    }

    fn text(&mut self, path: &str, text: &Text, required: bool) {
        if required && text.is_blank() {
            self.error(path.to_owned(), "this text is empty".into());
        }
        let codes = text.codes();
        if codes.is_empty() {
            return;
        }
        let missing: Vec<&str> = self
            .languages
            .iter()
            .map(String::as_str)
            .filter(|l| !codes.contains(l))
            .collect();
        if !missing.is_empty() {
            self.warning(
                path.to_owned(),
                format!(
                    "no {} text; the catalog declares languages {}",
                    missing.join(", "),
                    self.languages.join(", ")
                ),
            );
        }
        for code in codes {
            if !self.languages.iter().any(|l| l == code) {
                self.warning(
                    format!("{path}.{code}"),
                    format!(
                        "language `{code}` is not among the catalog's languages ({})",
                        self.languages.join(", ")
                    ),
                );
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>, kind: &str) {
        if !is_kebab(id) {
            self.error(
                path.to_owned(),
                format!(
                    "{kind} id `{id}` must be lowercase kebab-case (letters a-z, digits and single hyphens)"
                ),
            );
        }
        if !seen.insert(id.to_owned()) {
            self.error(path.to_owned(), format!("duplicate {kind} id `{id}`"));
        }
    }

    fn reference(&mut self, path: String, id: &str, known: &HashSet<String>, kind: &str) {
        if !known.contains(id) {
            let hint = closest(id, known)
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            self.error(path, format!("unknown {kind} `{id}`{hint}"));
        }
    }

    fn statement(&mut self, path: &str, statement: &Statement, sections: &HashSet<String>) {
        self.text(&format!("{path}.text"), &statement.text, true);
        if let Some(section) = &statement.section {
            self.reference(format!("{path}.section"), section, sections, "section");
        }
        if let Some(when) = &statement.when {
            self.expr(&format!("{path}.when"), when);
        }
        if let Some(category) = &statement.treated_as {
            let known = self.categories.clone();
            self.reference(format!("{path}.treated_as"), category, &known, "category");
            if statement.when.is_none() {
                self.error(
                    format!("{path}.treated_as"),
                    "`treated_as` needs a `when` saying in which scenarios it applies".into(),
                );
            }
        }
    }

    /// Checks a structured condition against the declared dimensions and values.
    fn expr(&mut self, path: &str, expr: &Expr) {
        match expr {
            Expr::Is { dimension, values } => {
                let Some(declared) = self.dimensions.get(dimension).cloned() else {
                    let known: HashSet<String> = self.dimensions.keys().cloned().collect();
                    self.reference(
                        format!("{path}.{dimension}"),
                        dimension,
                        &known,
                        "scenario dimension",
                    );
                    return;
                };
                for (i, value) in values.iter().enumerate() {
                    if declared.contains(value) {
                        continue;
                    }
                    let at = if values.len() == 1 {
                        format!("{path}.{dimension}")
                    } else {
                        format!("{path}.{dimension}[{i}]")
                    };
                    let hint = closest(value, &declared)
                        .map(|c| format!("; did you mean `{c}`?"))
                        .unwrap_or_default();
                    self.error(
                        at,
                        format!(
                            "`{dimension}` has no value `{value}` (its values: {}){hint}",
                            declared.join(", ")
                        ),
                    );
                }
            }
            Expr::Any(list) | Expr::All(list) => {
                let key = if matches!(expr, Expr::Any(_)) {
                    "any"
                } else {
                    "all"
                };
                if list.is_empty() {
                    self.error(
                        format!("{path}.{key}"),
                        format!("`{key}` needs at least one condition"),
                    );
                }
                for (i, e) in list.iter().enumerate() {
                    self.expr(&format!("{path}.{key}[{i}]"), e);
                }
            }
            Expr::Not(inner) => self.expr(&format!("{path}.not"), inner),
        }
    }
}

/// Whether `id` is lowercase kebab-case.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The known id closest to `id` by edit distance, if it is close enough to be a typo.
pub fn closest<'k>(id: &str, known: impl IntoIterator<Item = &'k String>) -> Option<&'k str> {
    known
        .into_iter()
        .map(|k| (edit_distance(id, k), k))
        .filter(|(d, k)| *d <= (k.chars().count() / 3).max(2) && *d < id.chars().count())
        .min()
        .map(|(_, k)| k.as_str())
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// Every problem in `file`, as diagnostics with paths but no positions yet.
pub fn check(name: &str, file: &CatalogFile) -> Vec<Diagnostic> {
    let mut c = Checker {
        file: name,
        languages: file.catalog.languages.clone(),
        found: Vec::new(),
        dimensions: HashMap::new(),
        categories: HashSet::new(),
    };
    check_header(&mut c, file);
    let sections: HashSet<String> = file
        .catalog
        .document
        .sections
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let platforms = check_ids(
        &mut c,
        "platforms",
        "platform",
        file.platforms.iter().map(|p| (&p.id, &p.name)),
    );
    let sources = check_ids(
        &mut c,
        "sources",
        "source",
        file.sources.iter().map(|s| (&s.id, &s.name)),
    );
    let categories = check_ids(
        &mut c,
        "categories",
        "category",
        file.categories.iter().map(|x| (&x.id, &x.name)),
    );
    c.categories.clone_from(&categories);
    check_dimensions(&mut c, file);
    let groups = check_ids(
        &mut c,
        "groups",
        "group",
        file.groups.iter().map(|g| (&g.id, &g.name)),
    );
    let items = check_ids(
        &mut c,
        "items",
        "item",
        file.items.iter().map(|i| (&i.id, &i.name)),
    );

    for (i, s) in file.catalog.statements.iter().enumerate() {
        c.statement(&format!("catalog.statements[{i}]"), s, &sections);
    }
    for (i, source) in file.sources.iter().enumerate() {
        let p = format!("sources[{i}]");
        c.reference(format!("{p}.section"), &source.section, &sections, "section");
        for (key, s) in [("condition", &source.condition), ("purpose", &source.purpose)] {
            if let Some(s) = s {
                c.statement(&format!("{p}.{key}"), s, &sections);
            }
        }
    }
    for (i, cat) in file.categories.iter().enumerate() {
        let p = format!("categories[{i}]");
        c.reference(format!("{p}.section"), &cat.section, &sections, "section");
        optional_texts(
            &mut c,
            &p,
            &[
                ("definition", cat.definition.as_ref()),
                ("exhaustive_note", cat.exhaustive_note.as_ref()),
            ],
        );
        statements(&mut c, &p, cat.purpose.as_ref(), &cat.conditions, &sections);
        notes(&mut c, &p, &cat.notes);
    }
    for (i, g) in file.groups.iter().enumerate() {
        let p = format!("groups[{i}]");
        c.reference(format!("{p}.category"), &g.category, &categories, "category");
        if let Some(section) = &g.section {
            c.reference(format!("{p}.section"), section, &sections, "section");
        }
        optional_texts(
            &mut c,
            &p,
            &[
                ("description", g.description.as_ref()),
                ("exhaustive_note", g.exhaustive_note.as_ref()),
            ],
        );
        statements(&mut c, &p, g.purpose.as_ref(), &g.conditions, &sections);
        notes(&mut c, &p, &g.notes);
        source_refs(&mut c, &p, &g.sources, &sources);
    }
    let group_category: HashMap<&str, &str> = file
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.category.as_str()))
        .collect();
    for (i, item) in file.items.iter().enumerate() {
        let p = format!("items[{i}]");
        match (&item.group, &item.category) {
            (None, None) => c.error(
                p.clone(),
                format!("item `{}` has neither `group` nor `category`; give one", item.id),
            ),
            (Some(g), cat) => {
                c.reference(format!("{p}.group"), g, &groups, "group");
                if let (Some(cat), Some(group_cat)) = (cat, group_category.get(g.as_str()))
                    && cat != group_cat
                {
                    c.error(
                        format!("{p}.category"),
                        format!("category `{cat}` differs from `{group_cat}`, the category of group `{g}`"),
                    );
                }
            }
            (None, Some(cat)) => c.reference(format!("{p}.category"), cat, &categories, "category"),
        }
        if let Some(section) = &item.section {
            c.reference(format!("{p}.section"), section, &sections, "section");
        }
        optional_texts(&mut c, &p, &[("description", item.description.as_ref())]);
        statements(&mut c, &p, item.purpose.as_ref(), &item.conditions, &sections);
        notes(&mut c, &p, &item.notes);
        source_refs(&mut c, &p, &item.sources, &sources);
        for (j, platform) in item.platforms.iter().enumerate() {
            c.reference(format!("{p}.platforms[{j}]"), platform, &platforms, "platform");
        }
        for (j, other) in item.also_listed.iter().enumerate() {
            if *other == item.id {
                c.error(
                    format!("{p}.also_listed[{j}]"),
                    format!("item `{other}` cannot be listed as another listing of itself"),
                );
            } else {
                c.reference(format!("{p}.also_listed[{j}]"), other, &items, "item");
            }
        }
    }
    if file.items.is_empty() {
        c.warning("items".into(), "the catalog has no items".into());
    }
    c.found
}

fn check_dimensions(c: &mut Checker, file: &CatalogFile) {
    check_ids(
        c,
        "dimensions",
        "scenario dimension",
        file.dimensions.iter().map(|d| (&d.id, &d.name)),
    );
    for (i, d) in file.dimensions.iter().enumerate() {
        if d.values.is_empty() {
            c.error(
                format!("dimensions[{i}].values"),
                format!("dimension `{}` needs at least one value", d.id),
            );
        }
        let values = check_ids(
            c,
            &format!("dimensions[{i}].values"),
            "value",
            d.values.iter().map(|v| (&v.id, &v.name)),
        );
        c.dimensions.entry(d.id.clone()).or_insert_with(|| {
            let mut v: Vec<String> = values.into_iter().collect();
            v.sort();
            v
        });
    }
}

fn check_header(c: &mut Checker, file: &CatalogFile) {
    if let Some(version) = file.format.filter(|v| *v != 1) {
        c.error(
            "format".into(),
            format!("format {version} is not known; this privcat reads format 1"),
        );
    }
    let h = &file.catalog;
    if !is_kebab(&h.id) {
        c.error(
            "catalog.id".into(),
            format!("catalog id `{}` must be lowercase kebab-case", h.id),
        );
    }
    c.text("catalog.title", &h.title, true);
    for (key, value) in [("product", &h.product), ("publisher", &h.publisher)] {
        if value.trim().is_empty() {
            c.error(format!("catalog.{key}"), format!("`{key}` is empty"));
        }
    }
    if h.languages.is_empty() {
        c.error(
            "catalog.languages".into(),
            "declare at least one language, such as [en]".into(),
        );
    }
    let mut seen = HashSet::new();
    for (i, code) in h.languages.iter().enumerate() {
        if !seen.insert(code) {
            c.error(
                format!("catalog.languages[{i}]"),
                format!("language `{code}` is declared twice"),
            );
        }
    }
    c.text("catalog.document.title", &h.document.title, true);
    let mut sections = HashSet::new();
    for (i, s) in h.document.sections.iter().enumerate() {
        c.id(
            &format!("catalog.document.sections[{i}].id"),
            &s.id,
            &mut sections,
            "section",
        );
        c.text(&format!("catalog.document.sections[{i}].title"), &s.title, true);
    }
}

fn check_ids<'a>(
    c: &mut Checker,
    list: &str,
    kind: &str,
    entries: impl Iterator<Item = (&'a String, &'a Text)>,
) -> HashSet<String> {
    let mut seen = HashSet::new();
    for (i, (id, name)) in entries.enumerate() {
        c.id(&format!("{list}[{i}].id"), id, &mut seen, kind);
        c.text(&format!("{list}[{i}].name"), name, true);
    }
    seen
}

fn optional_texts(c: &mut Checker, path: &str, texts: &[(&str, Option<&Text>)]) {
    for (key, text) in texts {
        if let Some(text) = text {
            c.text(&format!("{path}.{key}"), text, true);
        }
    }
}

fn statements(
    c: &mut Checker,
    path: &str,
    purpose: Option<&Statement>,
    conditions: &[Statement],
    sections: &HashSet<String>,
) {
    if let Some(p) = purpose {
        c.statement(&format!("{path}.purpose"), p, sections);
    }
    for (i, s) in conditions.iter().enumerate() {
        c.statement(&format!("{path}.conditions[{i}]"), s, sections);
    }
}

fn notes(c: &mut Checker, path: &str, notes: &[Text]) {
    for (i, n) in notes.iter().enumerate() {
        c.text(&format!("{path}.notes[{i}]"), n, true);
    }
}

fn source_refs(c: &mut Checker, path: &str, refs: &[SourceRef], known: &HashSet<String>) {
    for (i, r) in refs.iter().enumerate() {
        c.reference(format!("{path}.sources[{i}]"), &r.id, known, "source");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab("imei"));
        assert!(is_kebab("wifi-mac-address"));
        assert!(is_kebab("app-2"));
        for bad in ["", "IMEI", "wifi_mac", "-a", "a-", "a--b", "å"] {
            assert!(!is_kebab(bad), "{bad}");
        }
    }

    #[test]
    fn closest_suggests_typos_only() {
        let known: Vec<String> = ["imei", "iccid", "app-name"]
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        assert_eq!(closest("imie", &known), Some("imei"));
        assert_eq!(closest("app-nme", &known), Some("app-name"));
        assert_eq!(closest("password", &known), None);
    }
}
