//! Timeline layout on synthetic events (1,000 and 10,000): items in date order
//! from the dataset, then marks and label rows for the opening window and for
//! a zoomed-in window, plus ticks. Median of runs; figures to read, no asserts.
//! The same layout in Chromium: tests/wasm_timeline_bench.rs.

use std::time::Instant;

use deal_explorer::bench::median_ms;
use deal_explorer::timeline::fixture::Fixture;

fn main() {
    let start = Instant::now();
    let clock = || start.elapsed().as_secs_f64() * 1e3;
    println!("{:>7} | {:>10} | {:>16} | {:>16}", "events", "items ms", "layout ms (fit)", "layout ms (zoom)");
    for n in [1_000, 10_000] {
        let Some(fx) = Fixture::synthetic(n) else { continue };
        let runs = 51;
        let zoomed = fx.fit.zoom(8.0, 600.0);
        let (items_ms, _) = median_ms(runs, 1, clock, || fx.order());
        let (fit_ms, _) = median_ms(runs, 1, clock, || fx.layout(&fx.fit));
        let (zoom_ms, _) = median_ms(runs, 1, clock, || fx.layout(&zoomed));
        println!("{:>7} | {items_ms:>10.3} | {fit_ms:>16.3} | {zoom_ms:>16.3}", fx.events.len());
    }
}
