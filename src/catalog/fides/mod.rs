//! The `fides` key: how an entry's data maps onto fideslang's taxonomy (data categories, data uses,
//! data subjects), always the catalog's inference with its reason. The schema, the taxonomy's keys
//! and the checks live here; the manifest is written by `export::fides`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// A `fides` mapping as written on a category, group, item or data subject.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// fideslang data categories, such as `user.device.device_id`.
    #[serde(default)]
    pub categories: Vec<String>,
    /// fideslang data uses, such as `essential.service`.
    #[serde(default)]
    pub uses: Vec<String>,
    /// fideslang data subjects, such as `employee`: on data subjects only.
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Why the catalog maps it so: no document speaks fideslang.
    pub reason: Text,
}

/// The three parts of the taxonomy a mapping names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Category,
    Use,
    Subject,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Category, Part::Use, Part::Subject];

    /// The key of the mapping that lists this part, the word the taxonomy file uses, and its name.
    pub const fn spec(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Part::Category => ("categories", "category", "data category"),
            Part::Use => ("uses", "use", "data use"),
            Part::Subject => ("subjects", "subject", "data subject"),
        }
    }

    pub fn key(self) -> &'static str {
        self.spec().0
    }

    /// Every key of this part in fideslang's default taxonomy.
    pub fn known(self) -> &'static [String] {
        static KNOWN: OnceLock<[Vec<String>; 3]> = OnceLock::new();
        let all = KNOWN.get_or_init(|| {
            let mut lists: [Vec<String>; 3] = Default::default();
            let lines = include_str!("taxonomy.txt").lines();
            for line in lines.filter(|l| !l.starts_with('#')) {
                let Some((word, key)) = line.split_once(' ') else {
                    continue;
                };
                if let Some(at) = Part::ALL.iter().position(|p| p.spec().1 == word) {
                    lists[at].push(key.to_owned());
                }
            }
            lists
        });
        let at = Part::ALL.iter().position(|p| *p == self).unwrap_or(0);
        &all[at]
    }
}

impl Mapping {
    pub fn keys(&self, part: Part) -> &[String] {
        match part {
            Part::Category => &self.categories,
            Part::Use => &self.uses,
            Part::Subject => &self.subjects,
        }
    }

    /// The problems of a mapping on an entry of data (`on_subject` false) or on a data subject:
    /// each with the key it is at and the message.
    pub fn problems(&self, on_subject: bool) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let allowed: &[Part] = if on_subject {
            &[Part::Subject]
        } else {
            &[Part::Category, Part::Use]
        };
        for part in Part::ALL {
            let keys = self.keys(part);
            if !allowed.contains(&part) && !keys.is_empty() {
                let place = if on_subject {
                    "a data subject's mapping names fideslang data subjects only"
                } else {
                    "data subjects are mapped on the catalog's `subjects`, not here"
                };
                out.push((
                    part.key().to_owned(),
                    format!("`{}` does not belong here: {place}", part.key()),
                ));
                continue;
            }
            for (i, key) in keys.iter().enumerate() {
                if !part.known().contains(key) {
                    let hint = crate::catalog::validate::did_you_mean(key, part.known());
                    out.push((
                        format!("{}[{i}]", part.key()),
                        format!("`{key}` is not a {} of fideslang's taxonomy{hint}", part.spec().2),
                    ));
                }
            }
        }
        if allowed.iter().all(|p| self.keys(*p).is_empty()) {
            let need: Vec<String> = allowed.iter().map(|p| format!("`{}`", p.key())).collect();
            out.push((
                String::new(),
                format!(
                    "a `fides` mapping names at least one key under {}",
                    need.join(" or ")
                ),
            ));
        }
        out
    }
}
