//! One keystroke in the search box: `App::update(Action::Insert(c))`, which searches and rebuilds the
//! list, for each prefix of a typed word ("d", "de", …, "device") at 1,000, 10,000 and 100,000 items.
//! The keystrokes before the measured one are typed, untimed, before each measurement, so the search
//! narrows as it does for a user. The explorer searches in `update` here (not deferred to a worker),
//! so this is the time a keystroke would block: the final list. The `first` group times what the
//! explorer's search worker shows first at 100,000 items, the best of the first items searched; the
//! `letters` group, a search for words that meet no word and are scored letter by letter.
//! Run with `cargo bench --bench keystroke`.

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use privcat::app::{Action, App, EARLY_CHUNK, EARLY_SHOWN};
use privcat::search::{Query, early};

const WORD: &str = "device";

/// The time of typing `key` after `before`, `iters` times, without the typing of `before`.
fn time_keystroke(app: &mut App, before: &str, key: char, iters: u64) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        common::type_query(app, before);
        let start = Instant::now();
        app.update(Action::Insert(key));
        total += start.elapsed();
        black_box(&app.rows);
    }
    total
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    group.sampling_mode(SamplingMode::Flat);
    for items in [1_000, 10_000, 100_000] {
        let mut app = common::app(items);
        group.sample_size(if items >= 100_000 { 10 } else { 30 });
        for (at, key) in WORD.char_indices() {
            let typed = &WORD[..at + key.len_utf8()];
            group.bench_function(BenchmarkId::new(items.to_string(), typed), |b| {
                b.iter_custom(|iters| time_keystroke(&mut app, &WORD[..at], key, iters));
            });
        }
    }
    group.finish();
    let mut group = c.benchmark_group("first");
    group.sampling_mode(SamplingMode::Flat).sample_size(20);
    let app = common::app(100_000);
    let index = app.index();
    for (at, key) in WORD.char_indices() {
        let typed = &WORD[..at + key.len_utf8()];
        let query = Query::parse(typed);
        group.bench_function(BenchmarkId::new("100000", typed), |b| {
            b.iter(|| black_box(early(&index, &query, EARLY_CHUNK, EARLY_SHOWN)));
        });
    }
    group.finish();
    // Words that meet no word of the vocabulary are scored letter by letter on every name.
    let mut group = c.benchmark_group("letters");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for (label, typed) in [("1 word", "eee"), ("12 words", LETTERS)] {
        let query = Query::parse(typed);
        group.bench_function(BenchmarkId::new("100000", label), |b| {
            b.iter(|| black_box(privcat::search::matches(&index, &query)));
        });
    }
    group.finish();
}

/// Twelve words that meet no word of a generated catalog, each of whose letters occur in order in
/// many names.
const LETTERS: &str = "eee aae iie eea oee eie aee eae ioe eoi uee eue";

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    targets = keystroke
}
criterion_main!(benches);
