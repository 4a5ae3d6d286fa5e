//! The explorer engine in headless Chromium (run by `make bench`, release
//! profile): index build and filter + sort + count times on 1k, 10k and 100k
//! synthetic deals, printed for people to read. Asserts no time.
#![cfg(target_arch = "wasm32")]

use deal_explorer::bench::median_ms;
use deal_explorer::explore::{run, synth, Index, Query};
use deal_explorer::state::url::AppState;
use deal_explorer::state::vocab::Records;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
fn explorer_engine_figures() {
    let typical = AppState::parse(
        "mineral=min-1,min-2&confidence=confirmed,reported&from=2022-01-01&sort=-value",
    );
    let keystroke = AppState::parse("mineral=min-1,min-2&q=reko+di");
    console_log!("records | build ms | filter+sort+count ms | search keystroke ms");
    for n in [1_000usize, 10_000, 100_000] {
        let ds = synth::dataset(n, 42);
        let t = now();
        let ix = Index::build(&ds, Records::Deals);
        let build = now() - t;
        // Date.now() has 1 ms steps, so each sample times a batch of calls.
        let batch = (100_000 / n).max(1);
        let (typ, _) = median_ms(11, batch, now, || {
            run(&ix, &Query::from_state(&typical, &ix)).rows.len()
        });
        let (key, _) = median_ms(11, batch, now, || {
            run(&ix, &Query::from_state(&keystroke, &ix)).rows.len()
        });
        console_log!("{n} | {build:.0} | {typ:.2} | {key:.2}");
        assert!(
            run(&ix, &Query::default()).rows.len() == n,
            "the engine sees every record"
        );
    }
}
