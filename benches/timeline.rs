//! Timeline layout on synthetic events (1,000 and 10,000): items in date order
//! from the dataset, then marks and label rows for the opening window and for
//! a zoomed-in window, plus ticks. Median of runs; figures to read, no asserts.
//! The same layout in Chromium: tests/wasm_timeline_bench.rs.

use std::time::Instant;

use deal_explorer::explore::synth;
use deal_explorer::timeline::{self as tl, LabelStyle, TickSpacing};

fn median_ms(runs: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(runs / 2).copied().unwrap_or(f64::NAN)
}

fn main() {
    let (style, spacing) = (LabelStyle::VIEW, TickSpacing::ENGLISH);
    println!(
        "{:>7} | {:>10} | {:>16} | {:>16}",
        "events", "items ms", "layout ms (fit)", "layout ms (zoom)"
    );
    for n in [1_000, 10_000] {
        let ds = synth::dataset(n, 7);
        let runs = 51;
        let items_ms = median_ms(runs, || tl::items(&ds.events, 0..ds.events.len()).len());
        let items = tl::items(&ds.events, 0..ds.events.len());
        let widths: Vec<f64> = items
            .iter()
            .map(|i| ds.events.get(i.event).map_or(0.0, |e| tl::label_width(&e.title, 26, 7.0)))
            .collect();
        let Some(fit) = tl::opening(&items, 1200.0) else {
            continue;
        };
        let zoomed = fit.zoom(8.0, 600.0);
        let layout = |s: &tl::Scale| tl::place(&items, &widths, s, &style).len() + tl::ticks(s, &spacing).len();
        let fit_ms = median_ms(runs, || layout(&fit));
        let zoom_ms = median_ms(runs, || layout(&zoomed));
        println!(
            "{:>7} | {items_ms:>10.3} | {fit_ms:>16.3} | {zoom_ms:>16.3}",
            ds.events.len()
        );
    }
}
