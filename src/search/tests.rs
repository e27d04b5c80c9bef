//! Search behaviour on the built-in catalog: ranking, case, words, positions, filters and counts.

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
fn case_never_matters_and_swedish_letters_fold() {
    let (library, index) = lib();
    for q in ["ägarens namn", "ÄGARENS NAMN", "Ägarens Namn"] {
        let found = ids(&library, &matches(&index, &Query::parse(q)));
        assert_eq!(
            found.first().map(String::as_str),
            Some("owner-name"),
            "{q}: {found:?}"
        );
    }
    for q in ["Imei", "IMEI", "imei"] {
        let found = ids(&library, &matches(&index, &Query::parse(q)));
        assert_eq!(found.first().map(String::as_str), Some("imei"), "{q}: {found:?}");
    }
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
    // A word that meets is marked where it meets; letters in order only where no word meets.
    assert_eq!(
        positions("Ägarens namn", &Query::parse("ägarens")),
        (0..7).collect::<Vec<_>>()
    );
    assert_eq!(positions("Ägarens namn", &Query::parse("nam")), vec![8, 9, 10]);
    assert_eq!(positions("Ägarens namn", &Query::parse("ägn")), vec![0, 1, 8]);
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
fn parallel_search_gives_the_plain_result() {
    let (_, index) = lib();
    let mut typed = String::new();
    for c in "device id".chars() {
        typed.push(c);
        let query = Query::parse(&typed);
        assert_eq!(
            matches(&index, &query),
            matches_plain(&index, &query),
            "{typed:?}"
        );
    }
}

#[test]
fn subsequence_precheck_is_a_necessary_condition() {
    assert!(is_subsequence(b"ime", b"imei number"));
    assert!(is_subsequence(b"", b"x"));
    assert!(!is_subsequence(b"iem", b"imei"));
    assert!(is_subsequence("ä".as_bytes(), "Ägarens namn äger".as_bytes()));
}

#[test]
fn early_hits_are_the_best_of_the_first_part_in_final_order() {
    let library = crate::catalog::load_builtin().library.unwrap();
    let index = SearchIndex::build(&library);
    for q in ["d", "device", "imei", "plats", "qqqzzz"] {
        let query = Query::parse(q);
        let half = index.len() / 2;
        let first_part: Vec<Hit> = matches(&index, &query)
            .into_iter()
            .filter(|h| h.item < half)
            .collect();
        let early = early(&index, &query, half, 5);
        assert_eq!(
            early,
            first_part.iter().copied().take(5).collect::<Vec<_>>(),
            "{q}"
        );
    }
}

#[test]
fn a_huge_description_adds_a_bounded_number_of_words() {
    let words: Vec<String> = (0..40_000).map(|i| format!("w{i:05}x")).collect();
    let description = words.join(" ");
    assert!(description.len() > 4 * index::DESCRIPTION_SEARCHED);
    let yaml = std::fs::read_to_string("tests/fixtures/valid/minimal.yaml")
        .unwrap()
        .replace(
            "  - id: serial-number",
            &format!("    description: \"{description}\"\n  - id: serial-number"),
        );
    let library = crate::catalog::load_texts(vec![("huge.yaml".into(), yaml.into_bytes())])
        .library
        .unwrap();
    let index = SearchIndex::build(&library);
    // Each of these words takes 8 bytes with its space: only the first 64 KiB are words.
    assert!(
        index.vocab.len() < index::DESCRIPTION_SEARCHED / 8 + 50,
        "{} words",
        index.vocab.len()
    );
    assert_eq!(
        matches(&index, &Query::parse("w00001x")).len(),
        1,
        "an early word is found"
    );
    assert!(
        matches(&index, &Query::parse("w39999x")).is_empty(),
        "a word past the bound is not searched"
    );
}

#[test]
fn a_query_searches_its_first_words_and_says_how_many_it_left_out() {
    let filler: Vec<String> = (0..MAX_WORDS + 7).map(|i| format!("qqzx{i}")).collect();
    let long = format!("imei {}", filler.join(" "));
    let query = Query::parse(&long);
    assert_eq!(query.words().len(), MAX_WORDS);
    assert_eq!(query.dropped(), 8);
    assert_eq!(query.words()[0].text, "imei");
    let note = query.dropped_note(crate::text::Lang::En).unwrap();
    assert!(
        note.contains("first 32 words") && note.contains("8 more"),
        "{note}"
    );
    assert_eq!(
        Query::parse("imei nummer").dropped_note(crate::text::Lang::En),
        None
    );
    assert_eq!(
        query.words()[MAX_WORDS - 1].text,
        "qqzx30",
        "the first words are kept"
    );
}
