//! Measurements shared by the browser benchmarks (`tests/bench_browser.rs`,
//! `tests/bench_compare.rs`), so that both sides of a comparison are timed by
//! the same code. Nothing here asserts a time.

use std::process::Command;
use std::time::{Duration, Instant};

use deal_explorer::explore::synth;
use serde_json::{json, Value};

use crate::{repo, Page, Server, WAIT};

/// The synthetic dataset of `n` deals and `n` events the browser benchmarks serve.
pub fn synthetic_json(n: usize) -> String {
    let mut ds = synth::dataset(n, 7);
    ds.meta.as_of = "2026-10-02".into();
    serde_json::to_string(&ds).expect("serialize")
}

/// A private server of dist/ whose dataset is `n` synthetic deals and `n` events.
pub fn serve_synthetic(name: &str, n: usize) -> Server {
    let server = Server::start(name);
    server.write("data/deals.json", synthetic_json(n));
    // The service worker would refuse a file whose hash changed: this copy runs without it.
    server.remove("sw.js");
    server
}

/// Writes brotli copies (quality 11, as the release build makes them) of these
/// files of a deployment, so the server sends them compressed like the rest.
pub fn precompress(server: &Server, rels: &[&str]) {
    let status = Command::new("node")
        .arg(repo().join("scripts/bench-brotli.mjs"))
        .args(rels.iter().map(|r| server.dir.join(r)))
        .status()
        .expect("run node scripts/bench-brotli.mjs");
    assert!(status.success(), "bench-brotli.mjs failed");
}

/// Slows the page's CPU by `rate` (4 = a mid-range phone, as Lighthouse does).
pub async fn throttle_cpu(page: &Page, rate: f64) {
    page.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate })).await;
}

/// Before the page's own scripts, starts watching for `condition` (a JS
/// expression) each animation frame; the frame where it first holds is the
/// one that paints it, so `window.__benchShown` gets the time after that
/// frame (ms since navigation start), by the same rule as `keystrokes`.
pub async fn watch_first_paint(page: &Page, condition: &str) {
    page.before_each_document(&format!(
        "(() => {{
           const shown = () => {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }};
           const tick = () => {{
             if (shown()) setTimeout(() => {{ window.__benchShown = performance.now(); }}, 0);
             else requestAnimationFrame(tick);
           }};
           requestAnimationFrame(tick);
         }})();"
    ))
    .await;
}

/// Milliseconds from navigation start to the painted frame `watch_first_paint`
/// saw; waits up to a minute (a throttled CPU loading 10,000 records is slow).
pub async fn first_paint(page: &Page, what: &str) -> f64 {
    let start = Instant::now();
    loop {
        if let Ok(v) = page.client.execute("return window.__benchShown", vec![]).await {
            if let Some(ms) = v.as_f64() {
                return ms;
            }
        }
        if start.elapsed() > Duration::from_secs(60) {
            page.screenshot(&format!("bench-{}", what.replace(' ', "-"))).await;
            panic!("{what}: never shown within a minute (screenshot in target/)");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A JS expression: whether the first element matching `selector` is laid out with a size.
pub fn visible(selector: &str) -> String {
    format!("((el) => !!el && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0)(document.querySelector({selector:?}))")
}

/// Types `word` into the search box `selector` one letter at a time, then
/// deletes it again, and times each keystroke from the input event to the next
/// painted frame. Returns `{ median, p95, max, n, times }` in ms.
pub async fn keystrokes(page: &Page, selector: &str, word: &str) -> Value {
    page.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const box = document.querySelector(arguments[0]);
             const word = arguments[1];
             const times = []; let i = 0;
             const type = () => {
               if (i >= word.length * 2) {
                 times.sort((a, b) => a - b);
                 done({ median: times[times.length >> 1], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1], n: times.length, times });
                 return;
               }
               const text = i < word.length ? word.slice(0, i + 1) : word.slice(0, word.length * 2 - i - 1);
               const t0 = performance.now();
               box.value = text;
               box.dispatchEvent(new Event('input', { bubbles: true }));
               // The keystroke has reached the screen when the next frame is painted.
               requestAnimationFrame(() => setTimeout(() => { times.push(performance.now() - t0); i++; type(); }, 0));
             };
             type();",
            vec![json!(selector), json!(word)],
        )
        .await
        .expect("keystrokes measured")
}

/// Every file the page fetched (the document first), once no new file has
/// come for a second: `[{ url, encoded, decoded }]`, bytes on the wire
/// (after Content-Encoding) and after decoding.
pub async fn fetched(page: &Page) -> Vec<Value> {
    let list = "return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
                  .map(e => ({ url: e.name, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))";
    let start = Instant::now();
    let mut last = page.js(list).await;
    loop {
        tokio::time::sleep(Duration::from_millis(1000)).await;
        let now = page.js(list).await;
        if now == last || start.elapsed() > WAIT {
            return now.as_array().cloned().unwrap_or_default();
        }
        last = now;
    }
}

/// Sum of one field over `fetched` entries.
pub fn total(files: &[Value], key: &str) -> u64 {
    files.iter().filter_map(|f| f.get(key).and_then(Value::as_u64)).sum()
}

/// Median, p95 and max of samples (ms), by the same rule as `keystrokes`.
pub fn summary(mut samples: Vec<f64>) -> Value {
    samples.sort_by(f64::total_cmp);
    let at = |i: usize| samples.get(i.min(samples.len().saturating_sub(1))).copied();
    json!({
        "median": at(samples.len() / 2),
        "p95": at(samples.len() * 95 / 100),
        "max": samples.last().copied(),
        "n": samples.len(),
    })
}
