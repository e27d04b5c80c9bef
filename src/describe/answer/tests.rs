use std::collections::HashSet;

use super::*;
use crate::catalog::load_builtin;

fn library() -> Library {
    load_builtin().library.unwrap()
}

fn answer_for(library: &Library, id: &str, lang: Lang) -> String {
    answer(library, library.find(id).unwrap(), lang, &Scenario::default())
}

/// The source numbers the lines cite, in order of appearance, and the numbers listed as sources.
fn numbers(answer: &str) -> (Vec<usize>, Vec<usize>) {
    let cited = answer
        .lines()
        .filter(|l| l.trim_start().starts_with("- "))
        .filter_map(|l| l.rsplit_once(" [")?.1.strip_suffix(']')?.parse().ok())
        .collect();
    let listed = answer
        .lines()
        .filter_map(|l| l.strip_prefix('[')?.split_once("] ")?.0.parse().ok())
        .collect();
    (cited, listed)
}

#[test]
fn every_answer_numbers_its_sources_in_order_and_lists_each_once() {
    let library = library();
    for index in 0..library.items.len() {
        for lang in [Lang::En, Lang::Sv] {
            let a = answer(&library, index, lang, &Scenario::default());
            let (cited, listed) = numbers(&a);
            assert!(!cited.is_empty(), "{a}");
            let mut first_use: Vec<usize> = Vec::new();
            for n in cited {
                if !first_use.contains(&n) {
                    first_use.push(n);
                }
            }
            let expected: Vec<usize> = (1..=first_use.len()).collect();
            assert_eq!(first_use, expected, "numbered in order of first citation:\n{a}");
            assert_eq!(listed, expected, "each source listed once:\n{a}");
        }
    }
}

#[test]
fn no_answer_says_the_same_thing_twice() {
    let library = library();
    for index in 0..library.items.len() {
        let a = answer(&library, index, Lang::En, &Scenario::default());
        let mut seen = HashSet::new();
        for line in a.lines().filter(|l| l.starts_with("- ")) {
            assert!(seen.insert(line), "{line:?} twice in:\n{a}");
        }
    }
}

#[test]
fn what_a_document_says_of_all_its_data_is_left_out_except_how_long_it_is_kept_and_how_deleted() {
    let library = library();
    let a = answer_for(&library, "imei", Lang::En);
    assert!(
        a.contains("- Retention: In general, personal data is retained by Intune"),
        "{a}"
    );
    assert!(
        !a.contains("ISO certified"),
        "security measures of the whole service are not an answer:\n{a}"
    );
    assert!(
        a.contains("- Rights and procedures: Delete the user from Azure Active Directory (action delete)"),
        "how to have it deleted:\n{a}"
    );
    assert!(
        !a.contains("(action export") && !a.contains("(action correct"),
        "the other rights (export, correct, view) are not this answer:\n{a}"
    );
    let detail = crate::describe::detail::detail(
        &library,
        library.find("imei").unwrap(),
        Lang::En,
        &Scenario::default(),
    );
    assert!(
        detail
            .fields
            .iter()
            .any(|f| f.entries.iter().any(|e| e.text.contains("ISO certified"))),
        "the detail still shows them"
    );
}

#[test]
fn another_listing_brings_what_is_said_of_it_not_of_its_whole_category() {
    let library = library();
    let a = answer_for(&library, "imei", Lang::En);
    assert!(
        a.contains("- Also listed as “IMEI number”: Microsoft Intune lists it as required data"),
        "{a}"
    );
    assert!(a.contains("  - Statements: No (column: MAM workload)"), "{a}");
    assert!(
        !a.contains("Each category is divided"),
        "the 2023 category's statements stay with it:\n{a}"
    );
}

#[test]
fn a_scenario_adds_what_holds_in_that_setup_after_the_name() {
    let library = library();
    let scenario = Scenario::parse("ownership=personal,compliant-app=off").unwrap();
    let index = library.find("app-name").unwrap();
    let a = answer(&library, index, Lang::En, &scenario);
    let second = a.lines().nth(1).unwrap();
    assert!(second.starts_with("In this setup ("), "{a}");
    assert!(second.contains("Microsoft Intune does not collect it, because: “Application inventory data is only collected when"), "{second}");
}
