//! Semantic checks of a parsed catalog file: ids, references, texts and languages from the one walk
//! over the file, then the rules about its structure; every problem reported in one run.

mod facts;
mod rules;

use std::collections::{HashMap, HashSet};

use crate::catalog::condition::Expr;
use crate::catalog::diagnostic::{Diagnostic, Severity};
use crate::catalog::schema::CatalogFile;
use crate::catalog::walk::{IdKind, List, Node, Owner, Path, Shape, Visit, walk};
use crate::text::Text;

/// Collects every problem of one file; line and column are added by the caller from the paths.
pub(crate) struct Checker<'a> {
    file: &'a str,
    version: u32,
    languages: Vec<String>,
    found: Vec<Diagnostic>,
    /// Declared ids by kind.
    declared: HashMap<IdKind, HashSet<String>>,
    /// Document ids by index (format 2).
    documents: Vec<Option<String>>,
    /// The languages each document has editions in (format 2): the languages its texts must have.
    editions: Vec<Vec<String>>,
    /// Declared scenario dimensions and their values, sorted.
    dimensions: HashMap<String, Vec<String>>,
    /// Lists walked to their end: references to their ids can be checked.
    ended: HashSet<List>,
    /// References to ids not yet all declared: (path, kind, id).
    deferred: Vec<(String, IdKind, String)>,
    /// How many more unknown references get a did-you-mean: each costs a look at every id.
    hints_left: usize,
}

/// Did-you-means per file: enough for every typo a person makes, bounded for a generated file.
const HINTS: usize = 200;

impl Checker<'_> {
    pub(crate) fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found
            .push(Diagnostic::at_path(Severity::Error, self.file, path, message));
    }

    pub(crate) fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.found
            .push(Diagnostic::at_path(Severity::Warning, self.file, path, message));
    }

    /// Checks a text: not blank where required, in the languages expected of it: those its
    /// document has editions in, else the catalog's (a `partial` one may have fewer).
    fn text(&mut self, path: Path<'_>, text: &Text, required: bool, home: Option<usize>, partial: bool) {
        if required && text.is_blank() {
            self.error(path.to_string(), "this text is empty");
        }
        let codes = text.codes();
        if codes.is_empty() {
            return;
        }
        if partial {
            return self.known_languages(path, &codes);
        }
        let edition = home.and_then(|d| self.editions.get(d)).filter(|e| !e.is_empty());
        let expected = edition.unwrap_or(&self.languages);
        let missing: Vec<&str> = expected
            .iter()
            .map(String::as_str)
            .filter(|l| !codes.contains(l))
            .collect();
        if !missing.is_empty() {
            let message = match edition {
                Some(_) => format!(
                    "no {} text; its document has editions in {}",
                    missing.join(", "),
                    expected.join(", ")
                ),
                None => format!(
                    "no {} text; the catalog declares languages {}",
                    missing.join(", "),
                    self.languages.join(", ")
                ),
            };
            self.warning(path.to_string(), message);
        }
        self.known_languages(path, &codes);
    }

    fn known_languages(&mut self, path: Path<'_>, codes: &[&str]) {
        for &code in codes {
            if !self.languages.iter().any(|l| l == code) {
                let message = format!(
                    "language `{code}` is not among the catalog's languages ({})",
                    self.languages.join(", ")
                );
                self.warning(format!("{path}.{code}"), message);
            }
        }
    }

    fn declare(&mut self, path: Path<'_>, kind: IdKind, id: &str) {
        if !is_kebab(id) {
            self.error(
                path.to_string(),
                format!(
                    "{} id `{id}` must be lowercase kebab-case (letters a-z, digits and single hyphens)",
                    kind.noun()
                ),
            );
        }
        if !self.declared.entry(kind).or_default().insert(id.to_owned()) {
            self.error(path.to_string(), format!("duplicate {} id `{id}`", kind.noun()));
        }
    }

    /// The list whose end completes the declarations of `kind`; `None` when they are known up front.
    fn completed_by(kind: IdKind) -> Option<List> {
        Some(match kind {
            IdKind::Document | IdKind::Section(_) => List::Documents,
            IdKind::Subject => List::Subjects,
            IdKind::Party => List::Parties,
            IdKind::Platform => List::Platforms,
            IdKind::Dimension | IdKind::Value(_) => List::Dimensions,
            IdKind::Source => List::Sources,
            IdKind::Category => List::Categories,
            IdKind::Group => List::Groups,
            IdKind::Item => List::Items,
            IdKind::Language => return None,
        })
    }

    fn refer(&mut self, path: Path<'_>, kind: IdKind, id: &str) {
        if Self::completed_by(kind).is_some_and(|list| !self.ended.contains(&list)) {
            self.deferred.push((path.to_string(), kind, id.to_owned()));
            return;
        }
        if !self.is_known(kind, id) {
            self.unknown(&path.to_string(), kind, id);
        }
    }

    fn is_known(&self, kind: IdKind, id: &str) -> bool {
        if kind == IdKind::Language {
            return self.languages.iter().any(|l| l == id);
        }
        self.declared.get(&kind).is_some_and(|known| known.contains(id))
    }

    fn check_ref(&mut self, path: &str, kind: IdKind, id: &str) {
        if !self.is_known(kind, id) {
            self.unknown(path, kind, id);
        }
    }

    /// Reports a reference to an id that is not declared.
    fn unknown(&mut self, path: &str, kind: IdKind, id: &str) {
        let message = if kind == IdKind::Language {
            format!(
                "language `{id}` is not among the catalog's languages ({}){}",
                self.languages.join(", "),
                did_you_mean(id, &self.languages)
            )
        } else {
            let empty = HashSet::new();
            let known = self.declared.get(&kind).unwrap_or(&empty);
            let hint = if self.hints_left > 0 {
                self.hints_left -= 1;
                did_you_mean(id, known)
            } else {
                String::new()
            };
            format!("unknown {} `{id}`{hint}", kind.noun())
        };
        self.error(path, message);
    }

    /// `SECTION` in the home document, or `DOCUMENT#SECTION`.
    fn section(&mut self, path: Path<'_>, value: &str, home: usize) {
        let (document, section) = match value.split_once('#') {
            Some((doc, section)) => {
                let Some(index) = self.documents.iter().position(|d| d.as_deref() == Some(doc)) else {
                    let known: Vec<String> = self.documents.iter().flatten().cloned().collect();
                    let hint = did_you_mean(doc, &known);
                    self.error(
                        path.to_string(),
                        format!("unknown document `{doc}` in `{value}`{hint}"),
                    );
                    return;
                };
                (index, section)
            }
            None => (home, value),
        };
        self.refer(path, IdKind::Section(document), section);
    }

    /// Checks a structured condition against the declared dimensions and values.
    /// A `fides` mapping: fideslang data subjects on data subjects, data categories and uses on
    /// entries of data, every key one of fideslang's; parties take none.
    fn fides(&mut self, path: Path<'_>, owner: Owner, mapping: &crate::catalog::fides::Mapping) {
        let path = path.to_string();
        if owner.list == List::Parties {
            self.error(
                path,
                "a party takes no `fides` mapping; map data subjects and entries of data",
            );
            return;
        }
        for (key, message) in mapping.problems(owner.list == List::Subjects) {
            let at = if key.is_empty() {
                path.clone()
            } else {
                format!("{path}.{key}")
            };
            self.error(at, message);
        }
    }

    fn expr(&mut self, path: &str, expr: &Expr) {
        match expr {
            Expr::Is { dimension, values } => {
                let Some(declared) = self.dimensions.get(dimension).cloned() else {
                    let known: Vec<String> = self.dimensions.keys().cloned().collect();
                    let hint = did_you_mean(dimension, &known);
                    self.error(
                        format!("{path}.{dimension}"),
                        format!("unknown scenario dimension `{dimension}`{hint}"),
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
                    let hint = did_you_mean(value, &declared);
                    let message = format!(
                        "`{dimension}` has no value `{value}` (its values: {}){hint}",
                        declared.join(", ")
                    );
                    self.error(at, message);
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

    fn end(&mut self, list: List) {
        self.ended.insert(list);
        let (ready, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.deferred)
            .into_iter()
            .partition(|(_, kind, _)| Self::completed_by(*kind).is_none_or(|l| self.ended.contains(&l)));
        self.deferred = waiting;
        for (path, kind, id) in ready {
            self.check_ref(&path, kind, &id);
        }
    }
}

impl Visit for Checker<'_> {
    fn visit(&mut self, path: Path<'_>, owner: Owner, node: Node<'_>) {
        match node {
            Node::Text {
                text,
                required,
                shape,
            } => {
                // A row stands on the pages of the editions that have it; the others lack it.
                let home = owner.home.filter(|_| shape != Shape::Row);
                self.text(path, text, required, home, shape == Shape::Row);
            }
            Node::Plain { value, required } => {
                if required && value.trim().is_empty() {
                    let key = path.to_string();
                    let name = key.rsplit('.').next().unwrap_or(&key).to_owned();
                    self.error(key, format!("`{name}` is empty"));
                }
            }
            Node::Declare { kind, id } => self.declare(path, kind, id),
            Node::Refer { kind, id } => self.refer(path, kind, id),
            Node::Section { value, home } => self.section(path, value, home),
            Node::Fact { fact, implied } => facts::check(self, &path.to_string(), fact, implied),
            Node::When { expr } => self.expr(&path.to_string(), expr),
            Node::Fides { mapping } => self.fides(path, owner, mapping),
            Node::End(list) => self.end(list),
        }
    }
}

/// "; did you mean `x`?" when a known id is close to `id`.
pub fn did_you_mean<'k>(id: &str, known: impl IntoIterator<Item = &'k String>) -> String {
    closest(id, known)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

/// Whether `id` is lowercase kebab-case.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Whether `code` has the shape of a BCP 47 language tag: a language of 2 to 8 letters, then
/// subtags of 1 to 8 letters or digits, joined by `-` (`en`, `sv`, `pt-BR`, `zh-Hant-TW`).
pub fn is_language_tag(code: &str) -> bool {
    let mut parts = code.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The known id closest to `id` by edit distance, if it is close enough to be a typo. Ids whose
/// length alone rules them out are not measured, and nothing is suggested for an id longer than
/// [`LONGEST_HINTED`] chars.
pub fn closest<'k>(id: &str, known: impl IntoIterator<Item = &'k String>) -> Option<&'k str> {
    let n = id.chars().count();
    if n > LONGEST_HINTED {
        return None;
    }
    known
        .into_iter()
        .filter_map(|k| {
            let m = k.chars().count();
            let limit = (m / 3).max(2).min(n.saturating_sub(1));
            if m.abs_diff(n) > limit {
                return None;
            }
            edit_distance_within(id, k, limit).map(|d| (d, k))
        })
        .min()
        .map(|(_, k)| k.as_str())
}

/// The longest id a did-you-mean is looked for.
const LONGEST_HINTED: usize = 100;

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    edit_distance_within(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// Levenshtein distance over chars if it is at most `limit`; stops as soon as it cannot be.
fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        return distance_within(a.as_bytes(), b.as_bytes(), limit);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    distance_within(&a, &b, limit)
}

fn distance_within<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> Option<usize> {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        let mut least = row[0];
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(here + 1);
            least = least.min(row[j + 1]);
            prev = here;
        }
        if least > limit {
            return None;
        }
    }
    Some(row[b.len()]).filter(|&d| d <= limit)
}

/// Every problem in `file`, as diagnostics with paths but no positions yet.
pub fn check(name: &str, file: &mut CatalogFile) -> Vec<Diagnostic> {
    let mut dimensions: HashMap<String, Vec<String>> = HashMap::new();
    for d in &file.dimensions {
        dimensions.entry(d.id.clone()).or_insert_with(|| {
            let mut values: Vec<String> = d.values.iter().map(|v| v.id.clone()).collect();
            values.sort();
            values
        });
    }
    let mut c = Checker {
        file: name,
        version: file.version(),
        // A code that is no language tag is reported once, by the rules, not at every text.
        languages: file
            .catalog
            .languages
            .iter()
            .filter(|code| is_language_tag(code))
            .cloned()
            .collect(),
        found: Vec::new(),
        declared: HashMap::new(),
        documents: file.documents.iter().map(|d| d.id.clone()).collect(),
        editions: file
            .documents
            .iter()
            .map(|d| d.editions.iter().map(|e| e.language.clone()).collect())
            .collect(),
        dimensions,
        ended: HashSet::new(),
        deferred: Vec::new(),
        hints_left: HINTS,
    };
    walk(file, &mut c);
    for (path, kind, id) in std::mem::take(&mut c.deferred) {
        c.check_ref(&path, kind, &id);
    }
    rules::check(&mut c, file);
    c.found
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
    fn language_tags() {
        for good in ["en", "sv", "pt-BR", "zh-Hant-TW", "es-419", "gsw"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "sv\u{1b}[2J",
            "en_US",
            "en-",
            "-en",
            "sv se",
            "en-toolongsubtag",
            "ény",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
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
        // Nothing is measured for an id no typo could make of a known one.
        let long = "x".repeat(200_000);
        assert_eq!(closest(&long, &known), None);
        assert_eq!(closest("app-name-but-much-longer", &known), None);
    }
}
