//! Timeline layout timed in headless Chromium (wasm): items, then marks, label
//! rows and ticks for the opening and a zoomed window, on 1,000 and 10,000
//! synthetic events; and the pure cost of a zoom-and-pan "frame" sequence.
//! Prints medians (targets: 5 ms and 50 ms); never asserts on time.
#![cfg(target_arch = "wasm32")]

use deal_explorer::explore::synth;
use deal_explorer::timeline::{self as tl, LabelStyle, TickSpacing};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn median_ms(runs: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = now();
            std::hint::black_box(f());
            now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(runs / 2).copied().unwrap_or(f64::NAN)
}

#[wasm_bindgen_test]
fn timeline_layout_in_chromium() {
    let (style, spacing) = (LabelStyle::VIEW, TickSpacing::ENGLISH);
    for n in [1_000, 10_000] {
        let ds = synth::dataset(n, 7);
        let items_ms = median_ms(21, || tl::items(&ds.events, 0..ds.events.len()).len());
        let items = tl::items(&ds.events, 0..ds.events.len());
        let widths: Vec<f64> = items
            .iter()
            .map(|i| ds.events.get(i.event).map_or(0.0, |e| tl::label_width(&e.title, 26, 7.0)))
            .collect();
        let Some(fit) = tl::opening(&items, 1200.0) else {
            continue;
        };
        let layout = |s: &tl::Scale| tl::place(&items, &widths, s, &style).len() + tl::ticks(s, &spacing).len();
        let fit_ms = median_ms(21, || layout(&fit));
        // 60 "frames" of zooming then panning, as a gesture produces them.
        let frames_ms = median_ms(5, || {
            let mut s = fit;
            (0..60)
                .map(|f| {
                    s = if f < 30 { s.zoom(1.05, 600.0) } else { s.pan(-15.0) };
                    layout(&s)
                })
                .sum()
        }) / 60.0;
        console_log!(
            "timeline {} events: items {items_ms:.3} ms, layout {fit_ms:.3} ms, per zoom/pan frame {frames_ms:.3} ms (layout only)",
            ds.events.len()
        );
    }
}
