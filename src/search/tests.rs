//! Search behaviour on the built-in catalog: ranking, smart case, words, positions, filters and counts.

use super::*;
use crate::catalog::{Library, load_builtin};

fn lib() -> (Library, SearchIndex) {
    let library = load_builtin().library.unwrap();
    let index = SearchIndex::build(&library);
    (library, index)
}

fn ids(library: &Library, hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| library.items[h.item].id.clone()).collect()
}

#[test]
fn ime_finds_imei_first() {
    let (library, index) = lib();
    let hits = matches(&index, &Query::parse("ime"));
    assert_eq!(ids(&library, &hits)[0], "imei");
}

#[test]
fn empty_query_keeps_document_order() {
    let (library, index) = lib();
    let hits = matches(&index, &Query::parse("  "));
    assert_eq!(hits.len(), library.items.len());
    assert!(hits.windows(2).all(|w| w[0].item < w[1].item));
}

#[test]
fn smart_case_and_swedish_letters() {
    let (library, index) = lib();
    let lower = ids(&library, &matches(&index, &Query::parse("ägarens")));
    assert!(lower.contains(&"owner-name".to_string()), "{lower:?}");
    let upper = ids(&library, &matches(&index, &Query::parse("ÄGARENS")));
    assert!(upper.is_empty(), "upper-case query is case-sensitive: {upper:?}");
    let exact = ids(&library, &matches(&index, &Query::parse("Ägarens")));
    assert!(exact.contains(&"owner-name".to_string()));
    let ao = ids(&library, &matches(&index, &Query::parse("åtkomst")));
    assert!(ao.contains(&"static-authenticators".to_string()), "{ao:?}");
}

#[test]
fn every_word_must_match() {
    let (library, index) = lib();
    let both = ids(&library, &matches(&index, &Query::parse("mac wifi")));
    assert_eq!(both.first().map(String::as_str), Some("wifi-mac-address"));
    assert!(matches(&index, &Query::parse("imei zzzz")).is_empty());
}

#[test]
fn positions_are_char_indices() {
    let q = Query::parse("ägn");
    assert_eq!(positions("Ägarens namn", &q), vec![0, 1, 8]);
}

#[test]
fn filters_and_counts_follow_the_query() {
    let (library, index) = lib();
    let facets = FacetIndex::build(&library);
    let hits = matches(&index, &Query::parse("id"));
    let pseudonymized = facets.find(Facet::Category, "pseudonymized").unwrap();
    let mut filter = Filter::default();
    filter.set(Facet::Category, Some(pseudonymized));
    let shown = apply(&facets, &hits, &filter, Overrides::default());
    assert!(
        shown
            .iter()
            .all(|h| library.category_of(&library.items[h.item]).unwrap().id == "pseudonymized")
    );
    let counts = counts(&facets, &hits, &filter, Overrides::default());
    assert_eq!(counts.of(Facet::Category, pseudonymized), shown.len());
    assert_eq!(counts.all(Facet::Category), hits.len());
    assert_eq!(counts.all(Facet::Source), shown.len());
    assert_eq!(counts.all(Facet::Kind), shown.len());
}

#[test]
fn narrowing_and_parallel_search_give_the_plain_result() {
    let (library, index) = lib();
    let mut narrowing = Narrowing::default();
    let mut typed = String::new();
    for c in "device id".chars() {
        typed.push(c);
        let query = Query::parse(&typed);
        assert_eq!(
            matches_narrowing(&index, &query, &mut narrowing),
            matches_plain(&index, &query),
            "{typed:?}"
        );
    }
    let _ = library;
}

#[test]
fn subsequence_precheck_is_a_necessary_condition() {
    assert!(is_subsequence(b"ime", b"imei number"));
    assert!(is_subsequence(b"", b"x"));
    assert!(!is_subsequence(b"iem", b"imei"));
    assert!(is_subsequence("ä".as_bytes(), "Ägarens namn äger".as_bytes()));
}

#[test]
fn no_skim_score_exceeds_the_bound_the_shortcut_relies_on() {
    let (library, _) = lib();
    let m = matcher();
    for item in &library.items {
        for text in item
            .name
            .versions()
            .into_iter()
            .chain(item.description.iter().flat_map(|d| d.versions()))
        {
            let folded = fold(text);
            for len in 1..=folded.chars().count().min(12) {
                for start in 0..folded.chars().count().saturating_sub(len) {
                    let pattern: String = folded.chars().skip(start).take(len).collect();
                    if let Some(score) = m.fuzzy_match(&folded, &pattern) {
                        assert!(score <= max_score(len), "{pattern:?} in {folded:?}: {score}");
                    }
                }
            }
        }
    }
}
