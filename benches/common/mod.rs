//! What the benches share: generated catalogs (by the generator of `examples/generate`) and an
//! explorer loaded with one.

// Each bench uses a part of this module and of the generator.
#![allow(dead_code)]

#[path = "../../examples/generate/catalog.rs"]
mod generator;

use privcat::app::{Action, App};
use privcat::catalog::{Library, load_texts};
use privcat::text::Lang;

/// The allocator of the privcat binary, so that the benches time what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The seed of every benchmarked catalog, so that runs compare like with like.
pub const SEED: u64 = 42;

/// One generated catalog file of `items` items, as `load_texts` takes it.
pub fn catalog_input(items: usize) -> (String, Vec<u8>) {
    let file = generator::catalog_file(1, 2, items, SEED);
    (file.name, file.text.into_bytes())
}

/// The library of one generated catalog of `items` items.
pub fn library(items: usize) -> Library {
    let report = load_texts(vec![catalog_input(items)]);
    match report.library {
        Some(library) => library,
        None => panic!("the generated catalog does not load: {:?}", report.diagnostics),
    }
}

/// The explorer on a generated catalog of `items` items, searching in `update` (not deferred).
pub fn app(items: usize) -> App {
    App::new(library(items), Lang::En)
}

/// Clears the query and types `text`, one keystroke at a time, as a user would.
pub fn type_query(app: &mut App, text: &str) {
    app.update(Action::ClearQuery);
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}
