//! The evaluator: every combination of `any`/`all`/`not`, unset dimensions, and re-categorisation.

use super::*;
use crate::catalog::{Basis, Library};

fn expr(yaml: &str) -> Expr {
    serde_yaml::from_str(yaml).unwrap()
}

fn scenario(spec: &str) -> Scenario {
    Scenario::parse(spec).unwrap()
}

fn unknown(dims: &[&str]) -> Truth {
    Truth::Unknown(dims.iter().map(|d| (*d).to_string()).collect())
}

#[test]
fn one_value_and_lists_of_values() {
    let e = expr("{platform: [macos, windows]}");
    assert_eq!(eval(&e, &scenario("platform=macos")), Truth::True);
    assert_eq!(eval(&e, &scenario("platform=ios-ipados")), Truth::False);
    assert_eq!(eval(&e, &scenario("ownership=personal")), unknown(&["platform"]));
}

#[test]
fn any_is_true_if_one_part_is_and_false_only_if_all_are() {
    let e = expr("any: [{ownership: corporate}, {compliant-app: 'on'}]");
    assert_eq!(
        eval(&e, &scenario("ownership=corporate")),
        Truth::True,
        "true beats unknown"
    );
    assert_eq!(
        eval(&e, &scenario("ownership=personal,compliant-app=on")),
        Truth::True
    );
    assert_eq!(
        eval(&e, &scenario("ownership=personal,compliant-app=off")),
        Truth::False
    );
    assert_eq!(
        eval(&e, &scenario("ownership=personal")),
        unknown(&["compliant-app"])
    );
    assert_eq!(
        eval(&e, &Scenario::default()),
        unknown(&["ownership", "compliant-app"])
    );
}

#[test]
fn all_is_false_if_one_part_is_and_true_only_if_all_are() {
    let e = expr("all: [{enrolled: 'yes'}, {linked: 'yes'}]");
    assert_eq!(
        eval(&e, &scenario("enrolled=no")),
        Truth::False,
        "false beats unknown"
    );
    assert_eq!(eval(&e, &scenario("enrolled=yes,linked=yes")), Truth::True);
    assert_eq!(eval(&e, &scenario("enrolled=yes,linked=no")), Truth::False);
    assert_eq!(eval(&e, &scenario("enrolled=yes")), unknown(&["linked"]));
}

#[test]
fn not_swaps_truth_and_keeps_unknown() {
    let e = expr("not: {ownership: personal}");
    assert_eq!(eval(&e, &scenario("ownership=personal")), Truth::False);
    assert_eq!(eval(&e, &scenario("ownership=corporate")), Truth::True);
    assert_eq!(eval(&e, &Scenario::default()), unknown(&["ownership"]));
    let nested = expr("not: {any: [{a: x}, {all: [{b: y}, {not: {c: z}}]}]}");
    assert_eq!(eval(&nested, &scenario("a=w,b=y,c=w")), Truth::False);
    assert_eq!(eval(&nested, &scenario("a=w,b=y,c=z")), Truth::True);
    assert_eq!(eval(&nested, &scenario("a=w,c=w")), unknown(&["b"]));
}

#[test]
fn scenario_specs_parse_and_reject_mistakes() {
    let s = scenario("ownership=personal, platform=ios-ipados");
    assert_eq!(s.to_string(), "ownership=personal,platform=ios-ipados");
    assert!(Scenario::parse("ownership").is_err());
    assert!(Scenario::parse("a=1,a=2").is_err());
    assert!(Scenario::parse("").unwrap().is_empty());
}

/// A library whose items each show one rule of the evaluator.
const RULES: &str = r#"
format: 2
catalog: {id: rules, title: Rules, product: Product, publisher: Publisher, languages: [en]}
documents:
  - id: doc
    title: Document
    editions: [{language: en}]
    sections: [{id: s, title: Section}]
dimensions:
  - {id: a, name: A, values: [{id: x, name: X}, {id: n, name: N}]}
  - {id: b, name: B, values: [{id: y, name: Y}, {id: n, name: N}]}
  - {id: linked, name: Linked, values: [{id: "yes", name: "Yes"}, {id: "no", name: "No"}]}
categories:
  - {id: first, name: First, exhaustive: false, section: s}
  - {id: second, name: Second, exhaustive: false, section: s}
items:
  - id: two-gates
    category: second
    name: Two gates
    conditions: [{text: gate a, when: {a: x}}, {text: gate b, when: {b: y}}]
  - id: unstructured
    category: second
    name: Unstructured
    conditions: [{text: no structure}]
  - id: plain
    category: second
    name: Plain
  - id: recategorised
    category: second
    name: Recategorised
    conditions: [{text: if linked, when: {linked: "yes"}, treated_as: first}]
  - id: inferred-gate
    category: second
    name: Inferred gate
    conditions: [{text: read into it, when: {a: x}, inferred: true}]
  - id: never
    name: Never
    section: s
    facts: [{kind: never-collected, text: never collected}]
  - id: silent
    name: Silent
    section: s
    facts: [{kind: visible, visibility: always, text: seen}]
  - id: silent-linked
    name: Silent but linked
    section: s
    facts: [{kind: visible, visibility: always, text: seen too}]
links:
  - items: [silent-linked, inferred-gate]
    inferred: true
"#;

fn rules() -> Library {
    let report = crate::catalog::load_texts(vec![("rules.yaml".into(), RULES.as_bytes().to_vec())]);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    report.library.unwrap()
}

fn verdict(library: &Library, id: &str, spec: &str) -> Verdict {
    evaluate(library, library.find(id).unwrap(), &scenario(spec))
}

#[test]
fn outcomes_false_beats_unknown_beats_true() {
    let lib = rules();
    let v = verdict(&lib, "two-gates", "a=x,b=y");
    assert_eq!((v.outcome, v.because), (Outcome::Collected, vec![0, 1]));
    let v = verdict(&lib, "two-gates", "a=x");
    assert_eq!(
        (v.outcome, v.because),
        (Outcome::Depends(vec!["b".into()]), vec![1])
    );
    let v = verdict(&lib, "two-gates", "b=n");
    assert_eq!((v.outcome, v.because), (Outcome::NotCollected, vec![1]));
}

#[test]
fn unstructured_conditions_always_depend_and_no_condition_means_collected() {
    let lib = rules();
    assert_eq!(
        verdict(&lib, "unstructured", "a=x").outcome,
        Outcome::Depends(Vec::new())
    );
    assert_eq!(verdict(&lib, "plain", "a=x").outcome, Outcome::Collected);
}

#[test]
fn re_categorisation_applies_only_where_its_condition_holds() {
    let lib = rules();
    let v = verdict(&lib, "recategorised", "linked=yes");
    assert_eq!(
        (v.category, v.recategorised_by.clone(), v.outcome),
        (Some(0), vec![0], Outcome::Collected)
    );
    let v = verdict(&lib, "recategorised", "linked=no");
    assert_eq!((v.category, v.may_become), (Some(1), None));
    let v = verdict(&lib, "recategorised", "");
    assert_eq!(
        (v.category, v.may_become),
        (Some(1), Some((0, vec!["linked".to_string()])))
    );
}

#[test]
fn an_inferred_condition_never_makes_a_definite_not_collected() {
    let lib = rules();
    let v = verdict(&lib, "inferred-gate", "a=n");
    assert_eq!((v.outcome, v.basis), (Outcome::Unsettled, Basis::Inferred));
    assert_eq!(v.because, vec![0], "the inferred condition is named");
    let v = verdict(&lib, "inferred-gate", "a=x");
    assert_eq!((v.outcome, v.basis), (Outcome::Collected, Basis::Inferred));
}

#[test]
fn a_document_that_says_never_decides_without_any_scenario() {
    let lib = rules();
    let v = verdict(&lib, "never", "");
    assert_eq!((v.outcome, v.basis), (Outcome::NotCollected, Basis::Stated));
    assert_eq!(verdict(&lib, "never", "a=x").outcome, Outcome::NotCollected);
}

#[test]
fn without_a_collection_fact_nothing_is_settled() {
    let lib = rules();
    let v = verdict(&lib, "silent", "a=x");
    assert_eq!((v.outcome, v.because.len()), (Outcome::Unsettled, 0));
}

#[test]
fn a_linked_listing_lends_its_outcome_with_the_link_basis() {
    let lib = rules();
    let gate = lib.find("inferred-gate").unwrap();
    let v = verdict(&lib, "silent-linked", "a=x");
    assert_eq!(
        (v.outcome, v.basis, v.decided_by),
        (Outcome::Collected, Basis::Inferred, gate)
    );
    assert_eq!(verdict(&lib, "silent-linked", "a=n").outcome, Outcome::Unsettled);
}
