//! The fideslang manifest: one `system` per catalog, one privacy declaration per processing activity
//! (as the record of processing groups them) and data use, from the catalog's `fides` mappings.
//! Every key is the catalog's inference: the reasons are written beside each declaration, and the
//! documents the manifest rests on at its top, as YAML comments fideslang ignores.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::catalog::fides::{Mapping, Part};
use crate::catalog::{Catalog, Item, Library};
use crate::export::rests_on;
use crate::export::ropa::{Activity, Record};
use crate::text::Lang;

/// One mapping that reaches an item: where it is given, and the mapping.
struct Given<'c> {
    place: String,
    mapping: &'c Mapping,
}

/// The mappings that reach an item, nearest first: its own, its group's, its category's.
fn mappings<'c>(catalog: &'c Catalog, item: &'c Item) -> Vec<Given<'c>> {
    let own = item.fides.as_ref().map(|m| Given {
        place: format!("item `{}`", item.id),
        mapping: m,
    });
    let group = item.group.and_then(|g| {
        let g = &catalog.groups[g];
        g.fides.as_ref().map(|m| Given {
            place: format!("group `{}`", g.id),
            mapping: m,
        })
    });
    let category = item.category.and_then(|k| {
        let k = &catalog.categories[k];
        k.fides.as_ref().map(|m| Given {
            place: format!("category `{}`", k.id),
            mapping: m,
        })
    });
    [own, group, category].into_iter().flatten().collect()
}

/// What an item maps to: for each part, the nearest mapping that names it.
pub struct Resolved<'c> {
    pub categories: &'c [String],
    pub uses: &'c [String],
    /// The mappings used, with where they are given.
    reasons: Vec<(String, &'c Mapping)>,
}

pub fn resolve<'c>(catalog: &'c Catalog, item: &'c Item) -> Option<Resolved<'c>> {
    let given = mappings(catalog, item);
    let mut reasons = Vec::new();
    let mut nearest = |part: Part| -> &'c [String] {
        let Some(g) = given.iter().find(|g| !g.mapping.keys(part).is_empty()) else {
            return &[];
        };
        if !reasons.iter().any(|(p, _)| *p == g.place) {
            reasons.push((g.place.clone(), g.mapping));
        }
        g.mapping.keys(part)
    };
    let categories = nearest(Part::Category);
    let uses = nearest(Part::Use);
    (!categories.is_empty() && !uses.is_empty()).then_some(Resolved {
        categories,
        uses,
        reasons,
    })
}

fn push_unique(list: &mut Vec<String>, keys: &[String]) {
    for k in keys {
        if !list.contains(k) {
            list.push(k.clone());
        }
    }
}

/// A declaration being gathered: its data use, categories, subjects and reasons.
struct Declaration {
    name: String,
    data_use: String,
    categories: Vec<String>,
    subjects: Vec<String>,
    reasons: Vec<String>,
}

fn declarations(
    library: &Library,
    activity: &Activity,
    lang: Lang,
    unmapped: &mut Vec<String>,
) -> Vec<Declaration> {
    let catalog = &library.catalogs[activity.catalog];
    let mut out: Vec<Declaration> = Vec::new();
    for &i in &activity.items {
        let item = &library.items[i];
        let Some(resolved) = resolve(catalog, item) else {
            unmapped.push(item.id.clone());
            continue;
        };
        let mut subjects = Vec::new();
        let mut reasons: Vec<String> = resolved
            .reasons
            .iter()
            .map(|(place, m)| format!("{place}: {}", m.reason.get(lang)))
            .collect();
        for u in &item.subjects {
            let subject = &catalog.subjects[u.index];
            if let Some(m) = &subject.fides {
                push_unique(&mut subjects, &m.subjects);
                reasons.push(format!("data subject `{}`: {}", subject.id, m.reason.get(lang)));
            }
        }
        for data_use in resolved.uses {
            let at = out
                .iter()
                .position(|d| d.data_use == *data_use)
                .unwrap_or_else(|| {
                    out.push(Declaration {
                        name: format!("{} ({data_use})", activity.title),
                        data_use: data_use.clone(),
                        categories: Vec::new(),
                        subjects: Vec::new(),
                        reasons: Vec::new(),
                    });
                    out.len() - 1
                });
            let d = &mut out[at];
            push_unique(&mut d.categories, resolved.categories);
            push_unique(&mut d.subjects, &subjects);
            push_unique(&mut d.reasons, &reasons);
        }
    }
    out
}

/// A fides key from a catalog id: fideslang keys take letters, digits, `_`, `.`, `-`.
fn fides_key(id: &str) -> String {
    id.replace('-', "_")
}

/// The manifest for the selected entries, as YAML with its comments.
pub fn manifest(library: &Library, selected: &[usize], lang: Lang) -> Result<String, serde_yaml::Error> {
    let record = Record::build(library, selected, lang);
    let w = &crate::i18n::words(lang).records;
    let mut out = String::new();
    let _ = writeln!(out, "# {}", w.fides_intro);
    let _ = writeln!(out, "# {}:", w.rests_on);
    for d in rests_on::documents(library, selected) {
        let _ = writeln!(
            out,
            "#   {}",
            one_line(&rests_on::line(&library.catalogs[d.catalog], d.document, lang))
        );
    }
    let mut systems = Vec::new();
    let mut unmapped = Vec::new();
    let mut body = String::new();
    for (ci, catalog) in library.catalogs.iter().enumerate() {
        let activities: Vec<&Activity> = record.activities.iter().filter(|a| a.catalog == ci).collect();
        if activities.is_empty() {
            continue;
        }
        let mut decls = Vec::new();
        for a in activities {
            for d in declarations(library, a, lang, &mut unmapped) {
                let _ = writeln!(body, "#   {}: {}", d.name, w.fides_inferred);
                for r in &d.reasons {
                    let _ = writeln!(body, "#     - {}", one_line(r));
                }
                decls.push(json!({
                    "name": d.name,
                    "data_categories": d.categories,
                    "data_use": d.data_use,
                    "data_subjects": d.subjects,
                }));
            }
        }
        systems.push(json!({
            "fides_key": fides_key(&catalog.id),
            "name": catalog.product,
            "description": format!("{} ({})", catalog.title.get(lang), catalog.publisher),
            "system_type": "Service",
            "privacy_declarations": decls,
        }));
    }
    if !unmapped.is_empty() {
        let _ = writeln!(out, "# {}: {}", w.fides_unmapped, unmapped.join(", "));
    }
    let _ = writeln!(out, "# {}:", w.fides_reasons);
    out.push_str(&body);
    out.push_str(&serde_yaml::to_string(
        &json!({ "system": Value::Array(systems) }),
    )?);
    Ok(out)
}

/// A text on one comment line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
