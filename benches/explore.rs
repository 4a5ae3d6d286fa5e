//! The explorer engine on synthetic datasets of 1k, 10k and 100k deals:
//! index build time, and filter + facet count + sort time (median of runs)
//! for a typical query and for a search keystroke. Figures for people to read;
//! nothing here asserts a time.

use std::time::Instant;

use deal_explorer::bench::median_ms;
use deal_explorer::explore::{run, synth, Index, Query};
use deal_explorer::state::{url::AppState, vocab::Records};

fn main() {
    // A facet in two groups, a date range and a sort, then a search on top.
    let typical = AppState::parse(
        "mineral=min-1,min-2&confidence=confirmed,reported&from=2022-01-01&sort=-value",
    );
    let keystroke = AppState::parse("mineral=min-1,min-2&q=reko+di");
    println!(
        "{:>8} | {:>9} | {:>22} | {:>22}",
        "records", "build ms", "filter+sort+count ms", "search keystroke ms"
    );
    let start = Instant::now();
    let clock = || start.elapsed().as_secs_f64() * 1e3;
    for n in [1_000, 10_000, 100_000] {
        let ds = synth::dataset(n, 42);
        let t = Instant::now();
        let ix = Index::build(&ds, Records::Deals);
        let build = t.elapsed().as_secs_f64() * 1e3;
        let runs = if n >= 100_000 { 21 } else { 101 };
        let (typ, hits) = median_ms(runs, 1, clock, || {
            run(&ix, &Query::from_state(&typical, &ix)).rows.len()
        });
        let (key, _) = median_ms(runs, 1, clock, || {
            run(&ix, &Query::from_state(&keystroke, &ix)).rows.len()
        });
        println!("{n:>8} | {build:>9.1} | {typ:>22.2} | {key:>22.2}   ({hits} hits)");
    }
}
