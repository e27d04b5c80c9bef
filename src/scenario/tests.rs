//! The evaluator: every combination of `any`/`all`/`not`, unset dimensions, and re-categorisation.

use super::*;

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

fn condition(when: Option<&str>, treated_as: Option<usize>) -> crate::catalog::Effective {
    crate::catalog::Effective {
        text: std::sync::Arc::new("c".into()),
        origin: crate::catalog::Origin::Item,
        basis: crate::catalog::Basis::Stated,
        section: "s".into(),
        when: when.map(|w| std::sync::Arc::new(expr(w))),
        treated_as,
    }
}

fn item(conditions: Vec<crate::catalog::Effective>) -> Item {
    Item {
        id: "x".into(),
        catalog: 0,
        name: "X".into(),
        description: None,
        category: 1,
        group: None,
        sources: Vec::new(),
        conditions,
        purposes: Vec::new(),
        platforms: Vec::new(),
        notes: Vec::new(),
        section: "s".into(),
        also_listed: Vec::new(),
        exhaustive: false,
        exhaustive_note: None,
        altered: false,
    }
}

#[test]
fn outcomes_false_beats_unknown_beats_true() {
    let it = item(vec![
        condition(Some("{a: x}"), None),
        condition(Some("{b: y}"), None),
    ]);
    let v = evaluate(&it, &scenario("a=x,b=y"));
    assert_eq!((v.outcome, v.because), (Outcome::Collected, vec![0, 1]));
    let v = evaluate(&it, &scenario("a=x"));
    assert_eq!(
        (v.outcome, v.because),
        (Outcome::Depends(vec!["b".into()]), vec![1])
    );
    let v = evaluate(&it, &scenario("b=n"));
    assert_eq!((v.outcome, v.because), (Outcome::NotCollected, vec![1]));
}

#[test]
fn unstructured_conditions_always_depend_and_no_condition_means_collected() {
    let it = item(vec![condition(None, None)]);
    assert_eq!(
        evaluate(&it, &scenario("a=x")).outcome,
        Outcome::Depends(Vec::new())
    );
    assert_eq!(
        evaluate(&item(Vec::new()), &scenario("a=x")).outcome,
        Outcome::Collected
    );
}

#[test]
fn re_categorisation_applies_only_where_its_condition_holds() {
    let it = item(vec![condition(Some("{linked: 'yes'}"), Some(0))]);
    let v = evaluate(&it, &scenario("linked=yes"));
    assert_eq!(
        (v.category, v.recategorised_by.clone(), v.outcome),
        (0, vec![0], Outcome::Collected)
    );
    let v = evaluate(&it, &scenario("linked=no"));
    assert_eq!((v.category, v.may_become), (1, None));
    let v = evaluate(&it, &Scenario::default());
    assert_eq!(
        (v.category, v.may_become),
        (1, Some((0, vec!["linked".to_string()])))
    );
}
