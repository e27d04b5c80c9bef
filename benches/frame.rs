//! Drawing one frame of the explorer (`ui::draw` into a 120×40 `TestBackend`) with an empty query and
//! with the query "device", at 1,000 items for reference and at 100,000. Run with
//! `cargo bench --bench frame`.

mod common;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use privcat::app::App;
use privcat::ui::{self, Theme, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const QUERIES: [(&str, &str); 2] = [("empty", ""), ("query", "device")];

/// A terminal and the view memory after a first frame, with the explorer told the list's height.
fn screen(app: &mut App) -> (Terminal<TestBackend>, View) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let mut view = View::default();
    terminal
        .draw(|f| ui::draw(f, app, &Theme::dark(), &mut view))
        .expect("a test terminal draws");
    app.update(view.viewport());
    (terminal, view)
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    let theme = Theme::dark();
    for items in [1_000, 100_000] {
        let mut app = common::app(items);
        for (label, query) in QUERIES {
            common::type_query(&mut app, query);
            let (mut terminal, mut view) = screen(&mut app);
            group.bench_function(BenchmarkId::new(items.to_string(), label), |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| ui::draw(f, &app, &theme, &mut view))
                        .map(|_| ())
                });
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = frame
}
criterion_main!(benches);
