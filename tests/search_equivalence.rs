//! The optimised search (pre-check, shared group scores, both cores, narrowing, the description
//! shortcut) returns the same items in the same order as the plain full scan, on a generated catalog.

#[path = "../examples/generate/catalog.rs"]
#[allow(dead_code)]
mod generator;

use privcat::app::{Action, App};
use privcat::catalog::load_texts;
use privcat::search::{Narrowing, Query, SearchIndex, matches, matches_narrowing, matches_plain};
use privcat::text::Lang;

fn generated(items: usize) -> privcat::catalog::Library {
    let file = generator::catalog_file(1, 2, items, 7);
    let report = load_texts(vec![(file.name, file.text.into_bytes())]);
    report.library.expect("the generated catalog loads")
}

const QUERIES: [&str; 12] = [
    "d",
    "de",
    "dev",
    "device",
    "device id",
    "e-post",
    "ADDRESS",
    "Adr",
    "plats",
    "zz",
    "log händ",
    "x y",
];

#[test]
fn optimised_search_equals_the_plain_scan() {
    // Large enough that matching runs on more than one thread.
    let library = generated(6_000);
    let index = SearchIndex::build(&library);
    for q in QUERIES {
        let query = Query::parse(q);
        assert_eq!(matches(&index, &query), matches_plain(&index, &query), "{q:?}");
    }
}

#[test]
fn narrowing_while_typing_equals_the_plain_scan() {
    let library = generated(6_000);
    let index = SearchIndex::build(&library);
    for word in ["device name", "Serial", "e-postadress"] {
        let mut narrowing = Narrowing::default();
        let mut typed = String::new();
        for c in word.chars() {
            typed.push(c);
            let query = Query::parse(&typed);
            let narrowed = matches_narrowing(&index, &query, &mut narrowing);
            assert_eq!(narrowed, matches_plain(&index, &query), "{typed:?}");
        }
        // Deleting a char is not a narrowing: the full scan runs again.
        typed.pop();
        let query = Query::parse(&typed);
        assert_eq!(
            matches_narrowing(&index, &query, &mut narrowing),
            matches_plain(&index, &query)
        );
    }
}

#[test]
fn the_explorer_lists_the_plain_scan_order() {
    let library = generated(3_000);
    let index = SearchIndex::build(&library);
    let expected: Vec<usize> = matches_plain(&index, &Query::parse("dev"))
        .iter()
        .map(|h| h.item)
        .collect();
    let mut app = App::new(library, Lang::En);
    for c in "dev".chars() {
        app.update(Action::Insert(c));
    }
    let listed: Vec<usize> = app
        .rows
        .iter()
        .filter_map(|r| match r {
            privcat::app::Row::Item(h) => Some(h.item),
            _ => None,
        })
        .collect();
    assert_eq!(listed, expected);
}
