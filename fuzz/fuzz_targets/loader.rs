//! Feeds arbitrary bytes to the catalog loader: it must answer with a library or an error, never
//! panic, hang or run away with memory.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let report = privcat::catalog::load_texts(vec![("fuzz.yaml".to_owned(), bytes.to_vec())]);
    assert!(report.library.is_some() || report.error_count() > 0);
});
