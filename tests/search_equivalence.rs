//! The search on every core returns the same items in the same order as the plain scan one item
//! after another, on a generated catalog, and the explorer lists that order.

#[path = "../examples/generate/catalog.rs"]
#[allow(dead_code)]
mod generator;

use privcat::app::{Action, App};
use privcat::catalog::load_texts;
use privcat::search::{Query, SearchIndex, best, matches, matches_plain, unranked};
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
fn the_best_few_are_the_first_of_the_whole_ranking() {
    let library = generated(6_000);
    let index = SearchIndex::build(&library);
    for q in QUERIES {
        let query = Query::parse(q);
        let all = matches(&index, &query);
        for k in [0, 1, 5, 200, all.len(), all.len() + 1] {
            let first = &all[..k.min(all.len())];
            assert_eq!(best(&index, unranked(&index, &query), k), first, "{q:?} {k}");
        }
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
