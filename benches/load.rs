//! Loading: `catalog::load_texts` (parse, validate, resolve) on one generated file of 100, 10,000 and
//! 100,000 items, the built-in Intune library as the explorer loads it at start, and building the
//! search keys of a loaded library. Run with `cargo bench --bench load`.

mod common;

use std::time::Duration;

use criterion::{
    BatchSize, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use privcat::catalog::{load_builtin, load_texts};
use privcat::search::SearchIndex;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    for items in [100, 10_000, 100_000] {
        let (name, bytes) = common::catalog_input(items);
        assert!(load_texts(vec![(name.clone(), bytes.clone())]).library.is_some());
        group.throughput(Throughput::Elements(u64::try_from(items).unwrap_or(u64::MAX)));
        if items >= 100_000 {
            group.sample_size(10).sampling_mode(SamplingMode::Flat);
        } else {
            group.sample_size(20).sampling_mode(SamplingMode::Auto);
        }
        group.bench_function(BenchmarkId::from_parameter(items), |b| {
            b.iter_batched(
                || vec![(name.clone(), bytes.clone())],
                load_texts,
                BatchSize::LargeInput,
            );
        });
    }
    group.finish();
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    group.bench_function("builtin", |b| b.iter(load_builtin));
    group.finish();
    // The search keys, built once a library is loaded: then it is searchable.
    let mut group = c.benchmark_group("search-index");
    for items in [10_000, 100_000] {
        let library = common::library(items);
        group.sample_size(10).sampling_mode(SamplingMode::Flat);
        group.bench_function(BenchmarkId::from_parameter(items), |b| {
            b.iter(|| SearchIndex::build(&library));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4));
    targets = load
}
criterion_main!(benches);
