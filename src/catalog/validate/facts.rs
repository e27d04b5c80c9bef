//! The rules of a fact's kind: a known kind, the keys it requires and allows, and well-formed values.

use crate::catalog::kinds::{Duration, FactKind, Key, ValueType};
use crate::catalog::schema::{FactSpec, Raw};
use crate::catalog::validate::{Checker, did_you_mean};

fn ids(keys: &[Key]) -> String {
    let names: Vec<String> = keys.iter().map(|k| format!("`{}`", k.id())).collect();
    if names.is_empty() {
        "no other keys".to_owned()
    } else {
        names.join(", ")
    }
}

/// The kind a fact has: the one its place implies, else its `kind`.
fn kind(c: &mut Checker, path: &str, fact: &FactSpec, implied: Option<FactKind>) -> Option<FactKind> {
    let known: Vec<String> = FactKind::ALL.iter().map(|k| k.id().to_owned()).collect();
    match (&fact.kind, implied) {
        (None, Some(kind)) => Some(kind),
        (None, None) => {
            c.error(
                path,
                format!(
                    "missing key `kind`; a fact in `facts` says which kind it is: {}",
                    known.join(", ")
                ),
            );
            None
        }
        (Some(given), implied) => {
            let Some(kind) = FactKind::from_id(given) else {
                let hint = did_you_mean(given, &known);
                c.error(
                    format!("{path}.kind"),
                    format!(
                        "unknown kind of fact `{given}`{hint} (the kinds: {})",
                        known.join(", ")
                    ),
                );
                return None;
            };
            match implied {
                Some(place) if place != kind && place != FactKind::Statement => {
                    c.error(
                        format!("{path}.kind"),
                        format!(
                            "this fact stands where a `{place}` belongs, but says `kind: {kind}`; move it to `facts`"
                        ),
                    );
                    None
                }
                _ => Some(kind),
            }
        }
    }
}

/// Checks one fact: its kind, its keys and their values.
pub(super) fn check(c: &mut Checker, path: &str, fact: &FactSpec, implied: Option<FactKind>) {
    if fact.treated_as.is_some() && fact.when.is_none() {
        c.error(
            format!("{path}.treated_as"),
            "`treated_as` needs a `when` saying in which scenarios it applies",
        );
    }
    let Some(kind) = kind(c, path, fact, implied) else {
        return;
    };
    if fact.treated_as.is_some() && kind != FactKind::Condition {
        c.error(
            format!("{path}.treated_as"),
            format!("`treated_as` belongs to conditions; a `{kind}` fact cannot re-categorise an item"),
        );
    }
    let spec = kind.spec();
    for key in spec.required {
        if fact.value(*key).is_none() {
            c.error(
                path,
                format!("missing key `{}`: a `{kind}` fact needs it", key.id()),
            );
        }
    }
    for (key, raw) in &fact.values {
        let at = format!("{path}.{}", key.id());
        if !kind.allows(*key) {
            let allowed: Vec<Key> = spec.required.iter().chain(spec.optional).copied().collect();
            c.error(
                at,
                format!(
                    "`{}` does not apply to a `{kind}` fact; it takes {}",
                    key.id(),
                    ids(&allowed)
                ),
            );
            continue;
        }
        value(c, &at, *key, raw);
    }
}

fn value(c: &mut Checker, at: &str, key: Key, raw: &Raw) {
    match (key.value_type(), raw) {
        (ValueType::Choice(set), Raw::Word(word)) if set.parse(word).is_none() => {
            let known: Vec<String> = set.ids().into_iter().map(str::to_owned).collect();
            let hint = did_you_mean(word, &known);
            c.error(
                at,
                format!(
                    "`{}` cannot be `{word}`{hint} (it is one of: {})",
                    key.id(),
                    known.join(", ")
                ),
            );
        }
        (ValueType::Duration, Raw::Word(word)) if Duration::parse(word).is_none() => {
            c.error(
                at,
                format!(
                    "`{word}` is not a duration; write an amount and a unit, such as `30 days`, `6 months` or `1 year`"
                ),
            );
        }
        _ => {}
    }
}
