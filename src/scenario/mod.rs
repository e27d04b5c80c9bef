//! Scenarios: a concrete setup (some dimensions set to a value) and what it means for each item:
//! collected, not collected, depends, or not settled by any document — and which facts decided it.

mod verdict;

use std::collections::BTreeMap;
use std::fmt;

pub use verdict::{Outcome, Verdict, evaluate};

use crate::catalog::{Catalog, Expr, Fact, FactKind, Library};
use crate::text::Lang;

/// A setup: dimension id → value id. Dimensions not in the map are unset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scenario {
    pub values: BTreeMap<String, String>,
}

impl Scenario {
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Parses `ownership=personal,platform=ios-ipados`.
    pub fn parse(spec: &str) -> Result<Scenario, String> {
        let mut values = BTreeMap::new();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((dimension, value)) = pair.split_once('=') else {
                return Err(format!("`{pair}` is not DIMENSION=VALUE"));
            };
            let (dimension, value) = (dimension.trim(), value.trim());
            if values.insert(dimension.to_owned(), value.to_owned()).is_some() {
                return Err(format!("`{dimension}` is given twice"));
            }
        }
        Ok(Scenario { values })
    }

    /// Every dimension and value must be declared by at least one loaded catalog.
    pub fn check(&self, library: &Library) -> Result<(), String> {
        for (dimension, value) in &self.values {
            let declared: Vec<&crate::catalog::schema::Dimension> = library
                .catalogs
                .iter()
                .flat_map(|c| c.dimensions.iter())
                .filter(|d| d.id == *dimension)
                .collect();
            if declared.is_empty() {
                let all: Vec<String> = library
                    .catalogs
                    .iter()
                    .flat_map(|c| c.dimensions.iter().map(|d| d.id.clone()))
                    .collect();
                return Err(format!(
                    "unknown scenario dimension `{dimension}`.{} The dimensions are: {}",
                    did_you_mean(dimension, &all),
                    all.join(", ")
                ));
            }
            if !declared.iter().any(|d| d.values.iter().any(|v| v.id == *value)) {
                let values: Vec<String> = declared
                    .iter()
                    .flat_map(|d| d.values.iter().map(|v| v.id.clone()))
                    .collect();
                return Err(format!(
                    "`{dimension}` has no value `{value}`.{} Its values are: {}",
                    did_you_mean(value, &values),
                    values.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// Sets or clears one dimension.
    pub fn set(&mut self, dimension: &str, value: Option<&str>) {
        match value {
            Some(v) => self.values.insert(dimension.to_owned(), v.to_owned()),
            None => self.values.remove(dimension),
        };
    }

    /// "Ownership: Personal device, Compliant-app feature: Turned off", in the catalog's order of dimensions.
    pub fn describe(&self, catalog: &Catalog, lang: Lang) -> String {
        let mut parts: Vec<String> = catalog
            .dimensions
            .iter()
            .filter_map(|dim| {
                let v = self.values.get(&dim.id)?;
                let value = dim
                    .values
                    .iter()
                    .find(|x| x.id == *v)
                    .map_or(v.as_str(), |x| x.name.get(lang));
                Some(format!("{}: {value}", dim.name.get(lang)))
            })
            .collect();
        let undeclared = self
            .values
            .iter()
            .filter(|(d, _)| !catalog.dimensions.iter().any(|x| x.id == **d));
        parts.extend(undeclared.map(|(d, v)| format!("{d}: {v}")));
        parts.join(", ")
    }
}

fn did_you_mean(given: &str, known: &[String]) -> String {
    crate::catalog::validate::closest(given, known)
        .map(|c| format!(" Did you mean `{c}`?"))
        .unwrap_or_default()
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.values.iter().map(|(d, v)| format!("{d}={v}")).collect();
        f.write_str(&parts.join(","))
    }
}

/// Three-valued truth: a condition over an unset dimension is unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    /// Unknown until these dimensions are set.
    Unknown(Vec<String>),
}

/// Evaluates `expr` in `scenario` (Kleene logic: `any` is true if one part is, `all` false if one part is).
pub fn eval(expr: &Expr, scenario: &Scenario) -> Truth {
    match expr {
        Expr::Is { dimension, values } => match scenario.values.get(dimension) {
            Some(v) if values.contains(v) => Truth::True,
            Some(_) => Truth::False,
            None => Truth::Unknown(vec![dimension.clone()]),
        },
        Expr::Any(list) => combine(list, scenario, Truth::True, Truth::False),
        Expr::All(list) => combine(list, scenario, Truth::False, Truth::True),
        Expr::Not(inner) => match eval(inner, scenario) {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            unknown @ Truth::Unknown(_) => unknown,
        },
    }
}

/// `decisive` wins at once; all parts `neutral` gives `neutral`; otherwise unknown.
fn combine(list: &[Expr], scenario: &Scenario, decisive: Truth, neutral: Truth) -> Truth {
    let mut unknown: Vec<String> = Vec::new();
    for e in list {
        match eval(e, scenario) {
            t if t == decisive => return decisive,
            Truth::Unknown(dims) => dims.into_iter().for_each(|d| {
                if !unknown.contains(&d) {
                    unknown.push(d);
                }
            }),
            _ => {}
        }
    }
    if unknown.is_empty() {
        neutral
    } else {
        Truth::Unknown(unknown)
    }
}

/// The name of a dimension in the catalog, or its id.
pub fn dimension_name<'c>(catalog: &'c Catalog, id: &'c str, lang: Lang) -> &'c str {
    catalog
        .dimensions
        .iter()
        .find(|d| d.id == id)
        .map_or(id, |d| d.name.get(lang))
}

/// Whether a fact gates collection (collected only if) rather than re-categorising.
pub fn is_gate(c: &Fact) -> bool {
    c.kind == FactKind::Condition && c.treated_as.is_none()
}

/// Text of a value's name, for display.
pub fn value_name<'c>(catalog: &'c Catalog, dimension: &str, value: &'c str, lang: Lang) -> &'c str {
    catalog
        .dimensions
        .iter()
        .find(|d| d.id == dimension)
        .and_then(|d| d.values.iter().find(|v| v.id == value))
        .map_or(value, |v| v.name.get(lang))
}

#[cfg(test)]
mod tests;
