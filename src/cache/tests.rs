use std::path::{Path, PathBuf};

use super::*;
use crate::catalog::load::BUILTIN_TEXT;
use crate::export::json;
use crate::search::{Facet, Query, matches};
use crate::text::Lang;

/// What a user sees of a load: every item as JSON, the warnings, and some searches.
fn seen(loaded: &Loaded) -> (Vec<String>, Vec<String>, Vec<Vec<usize>>) {
    let library = loaded.library().expect("the catalog loads");
    let (listing, facets, ids) = (loaded.listing(), loaded.facets(), loaded.ids());
    let items = (0..library.items.len())
        .map(|i| {
            let values: Vec<&[u32]> = Facet::ALL.iter().map(|&f| facets.of(f, i)).collect();
            format!(
                "{} {} {} {} {values:?}",
                json::item(library, i),
                ids.shown_id(i),
                listing.place(i, Lang::Sv),
                listing.condition(i, Lang::En)
            )
        })
        .collect();
    let warnings = loaded.diagnostics.iter().map(ToString::to_string).collect();
    let searches = ["imei", "device", "d", "var lagras loggar", "qqqzzz", "quokka"]
        .iter()
        .map(|q| {
            matches(loaded.index(), &Query::parse(q))
                .iter()
                .map(|h| h.item)
                .collect()
        })
        .collect();
    (items, warnings, searches)
}

/// The built-in catalog as a file, its first item's name hiding a zero-width space so that it
/// loads with a warning.
fn catalog_file(dir: &Path) -> PathBuf {
    let path = dir.join("intune.yaml");
    std::fs::write(&path, mark_first_item(BUILTIN_TEXT)).unwrap();
    path
}

/// The catalog with its first item named `Marked item` with a zero-width space.
fn mark_first_item(text: &str) -> String {
    let at = text.find("\nitems:").expect("the catalog has items");
    let name = text[at..].find("name:").expect("an item has a name") + at;
    let line_end = text[name..].find('\n').unwrap() + name;
    format!(
        "{}name: \"Marked\u{200b} item\"{}",
        &text[..name],
        &text[line_end..]
    )
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_cached_load_shows_what_a_cold_load_shows() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![catalog_file(dir.path())];
    let cache = Cache::at(dir.path().join("cache"));
    let cold = load(&paths, &Cache::off());
    assert!(!cold.diagnostics.is_empty(), "the marked name is warned of");
    let first = load(&paths, &cache);
    assert!(!first.from_cache);
    assert_eq!(cache_files(&dir.path().join("cache")).len(), 1);
    let warm = load(&paths, &cache);
    assert!(warm.from_cache, "the second load reads the cache");
    assert_eq!(seen(&warm), seen(&cold));
    assert_eq!(seen(&first), seen(&cold));
}

#[test]
fn a_broken_cache_file_is_rebuilt_without_error() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![catalog_file(dir.path())];
    let cache = Cache::at(dir.path().join("cache"));
    let cold = seen(&load(&paths, &cache));
    let file = cache_files(&dir.path().join("cache")).remove(0);
    let whole = std::fs::read(&file).unwrap();
    let mut flipped = whole.clone();
    flipped[whole.len() / 2] ^= 0x55;
    let foreign = {
        let mut other = whole.clone();
        // The header's key: another catalog's file under this one's name.
        other[12] ^= 1;
        other
    };
    for broken in [
        whole[..whole.len() / 3].to_vec(),
        flipped,
        foreign,
        b"not a cache".to_vec(),
        Vec::new(),
    ] {
        std::fs::write(&file, &broken).unwrap();
        // A broken header is found at once; a broken part when it is decoded, which removes the
        // file. Either way what is shown is the catalog's, and a later load writes the file anew.
        let first = load(&paths, &cache);
        assert_eq!(seen(&first), cold);
        if first.from_cache {
            assert!(!file.exists(), "a part that does not hold removes the file");
        } else {
            assert_eq!(std::fs::read(&file).unwrap(), whole, "written anew at once");
        }
        assert_eq!(seen(&load(&paths, &cache)), cold);
        assert_eq!(std::fs::read(&file).unwrap(), whole, "written anew");
        assert!(load(&paths, &cache).from_cache);
    }
}

/// The marked catalog in `dir` loaded twice with a cache: from its file, then from the cache.
fn cold_then_warm(dir: &Path) -> (Loaded, Loaded) {
    let paths = vec![catalog_file(dir)];
    let cache = Cache::at(dir.join("cache"));
    let cold = load(&paths, &cache);
    let warm = load(&paths, &cache);
    assert!(warm.from_cache);
    (cold, warm)
}

#[test]
fn a_cached_item_is_decoded_alone_as_the_cold_load_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let (cold, warm) = cold_then_warm(dir.path());
    let imei = warm.ids().named("imei");
    assert_eq!(imei.len(), 1, "the id names one item");
    let library = warm.library().unwrap();
    assert_eq!(library.items.decoded(), 0);
    let cold = cold.library().unwrap();
    assert_eq!(json::item(library, imei[0]), json::item(cold, imei[0]));
    // The item, and the listings linked with it that its JSON names.
    let linked = library.items[imei[0]]
        .link_set
        .map_or(0, |s| library.link_sets[s as usize].members.len());
    assert!(
        library.items.decoded() <= 1 + linked,
        "{} decoded",
        library.items.decoded()
    );
}

#[test]
fn a_changed_catalog_misses_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![catalog_file(dir.path())];
    let cache = Cache::at(dir.path().join("cache"));
    load(&paths, &cache);
    let text = std::fs::read_to_string(&paths[0]).unwrap();
    std::fs::write(&paths[0], text.replacen("Marked\u{200b} item", "Renamed item", 1)).unwrap();
    let changed = load(&paths, &cache);
    assert!(!changed.from_cache);
    let library = changed.library().unwrap();
    assert!(
        library
            .items
            .iter()
            .any(|i| i.name.get(crate::text::Lang::En) == "Renamed item")
    );
    assert!(changed.diagnostics.is_empty(), "{:?}", changed.diagnostics);
    assert_eq!(cache_files(&dir.path().join("cache")).len(), 2);
}

#[test]
fn no_cache_writes_nothing_and_small_catalogs_are_not_cached() {
    let dir = tempfile::tempdir().unwrap();
    let paths = vec![catalog_file(dir.path())];
    let loaded = load(&paths, &Cache::off());
    assert!(loaded.library().is_some());
    assert!(!dir.path().join("cache").exists());
    let small = vec![PathBuf::from("tests/fixtures/valid/minimal.yaml")];
    assert!(std::fs::metadata(&small[0]).unwrap().len() < CACHE_FROM as u64);
    let user = Cache {
        dir: Some(dir.path().join("cache")),
        from: CACHE_FROM,
    };
    for _ in 0..2 {
        assert!(!load(&small, &user).from_cache);
    }
    assert!(!dir.path().join("cache").exists());
}

#[test]
fn a_cached_search_decodes_no_library() {
    let dir = tempfile::tempdir().unwrap();
    let (cold, warm) = cold_then_warm(dir.path());
    let (index, _, _, ids) = warm.for_listing();
    let hits = matches(index, &Query::parse("imei"));
    let imei = cold.library().unwrap().find("imei").unwrap();
    assert_eq!(hits.first().map(|h| h.item), Some(imei));
    assert_eq!(ids.shown_id(imei), "imei");
    assert!(
        !warm.library_decoded(),
        "the library is decoded only when asked for"
    );
    assert!(warm.library().is_some());
}
