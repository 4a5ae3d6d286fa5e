//! Timeline layout timed in headless Chromium (wasm): items, then marks, label
//! rows and ticks for the opening and a zoomed window, on 1,000 and 10,000
//! synthetic events; and the pure cost of a zoom-and-pan "frame" sequence.
//! Prints medians (targets: 5 ms and 50 ms); never asserts on time.
#![cfg(target_arch = "wasm32")]

use deal_explorer::bench::median_ms;
use deal_explorer::timeline::fixture::Fixture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
fn timeline_layout_in_chromium() {
    for n in [1_000, 10_000] {
        let Some(fx) = Fixture::synthetic(n) else { continue };
        let (items_ms, _) = median_ms(21, 1, now, || fx.order());
        let (fit_ms, _) = median_ms(21, 1, now, || fx.layout(&fx.fit));
        // 60 "frames" of zooming then panning, as a gesture produces them.
        let (gesture_ms, _) = median_ms(5, 1, now, || {
            let mut s = fx.fit;
            (0..60)
                .map(|f| {
                    s = if f < 30 { s.zoom(1.05, 600.0) } else { s.pan(-15.0) };
                    fx.layout(&s)
                })
                .sum()
        });
        let frame_ms = gesture_ms / 60.0;
        console_log!(
            "timeline {} events: items {items_ms:.3} ms, layout {fit_ms:.3} ms, per zoom/pan frame {frame_ms:.3} ms (layout only)",
            fx.events.len()
        );
    }
}
