//! The side-by-side benchmark of `make bench` (issue 7; ignored by `make test`:
//! timings are printed, never asserted). In one run on one machine, with the
//! CPU throttled 4× for every timing on both sides:
//! (a) TimelineJS showing our events against our `?view=timeline`: bytes, and
//!     navigation start → first event painted;
//! (b) DataTables with jQuery holding the same 10,000 synthetic deals as our
//!     `?view=deals`: bytes, navigation start → rows painted, and search
//!     keystroke → next painted frame.
//! Bytes are what each page fetched until idle, as sent (everything is served
//! brotli-compressed at quality 11, like dist/). The comparison pages come from
//! `scripts/bench-compare-site.mjs`; figures go to `target/bench/compare.json`
//! for `scripts/bench-table.mjs`.

use std::collections::BTreeMap;

use deal_explorer_e2e::bench::{
    fetched, first_paint, keystrokes, precompress, serve_synthetic, summary, synthetic_json, throttle_cpu, total, visible,
    watch_first_paint,
};
use deal_explorer_e2e::serde_json::{self, json, Value};
use deal_explorer_e2e::{repo, Page, Server};

/// Lighthouse's mobile CPU slowdown, applied to both sides.
const CPU_SLOWDOWN: f64 = 4.0;
const RECORDS: usize = 10_000;
/// The search word typed, then deleted, on both sides.
const WORD: &str = "lithium offtake";

fn runs() -> usize {
    std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5)
}

/// One page load, measured.
struct Load {
    page: Page,
    ms: f64,
    files: Vec<Value>,
    /// Requests to anywhere but this machine (must stay empty).
    outside: Vec<String>,
}

async fn load(url: &str, shown: &str, what: &str) -> Load {
    let page = Page::new_session_logging_network(1280, 900).await;
    throttle_cpu(&page, CPU_SLOWDOWN).await;
    watch_first_paint(&page, shown).await;
    page.client.goto(url).await.unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    let ms = first_paint(&page, what).await;
    let files = fetched(&page).await;
    // For a person checking what each side showed: target/e2e-bench-<name>.png.
    page.screenshot(&format!("bench-{}", what.split(',').next().unwrap_or(what).replace([' ', '+'], "-"))).await;
    let outside = page
        .requested_urls()
        .await
        .into_iter()
        .filter(|u| !(u.starts_with("http://127.0.0.1:") || u.starts_with("data:") || u.starts_with("blob:")))
        .collect();
    Load { page, ms, files, outside }
}

/// The page's files as `{ path: bytes sent }`, and the totals with and without data.
fn bytes(files: &[Value]) -> Value {
    let path = |f: &Value| {
        let url = f.get("url").and_then(Value::as_str).unwrap_or("");
        let path = url.splitn(4, '/').nth(3).unwrap_or("").split(['?', '#']).next().unwrap_or("");
        format!("/{path}")
    };
    let is_data = |f: &&Value| path(f).contains("/data/");
    let data: Vec<Value> = files.iter().filter(is_data).cloned().collect();
    let code: Vec<Value> = files.iter().filter(|f| !is_data(f)).cloned().collect();
    let per_file: BTreeMap<String, u64> =
        files.iter().map(|f| (path(f), f.get("encoded").and_then(Value::as_u64).unwrap_or(0))).collect();
    json!({
        "total": total(files, "encoded"),
        "without_data": total(&code, "encoded"),
        "data": total(&data, "encoded"),
        "raw_total": total(files, "decoded"),
        "files": per_file,
    })
}

/// Loads `url` `runs()` times, each in a fresh browser (nothing cached);
/// with `search`, also types into that box after each load.
async fn measure(name: &str, url: &str, shown: &str, search: Option<&str>, outside: &mut Vec<String>) -> Value {
    let (mut times, mut keys, mut files) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs() {
        let l = load(url, shown, name).await;
        times.push(l.ms);
        if let Some(selector) = search {
            let k = keystrokes(&l.page, selector, WORD).await;
            keys.extend(k.get("times").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_f64));
        }
        outside.extend(l.outside);
        files = l.files;
        l.page.close().await;
    }
    let first = summary(times.clone());
    let b = bytes(&files);
    println!(
        "bench: compare, {name}: first content {:.0} ms (median of {}), {:.1} KB sent ({:.1} KB without data), {} files",
        first.get("median").and_then(Value::as_f64).unwrap_or(f64::NAN),
        times.len(),
        b.get("total").and_then(Value::as_f64).unwrap_or(0.0) / 1024.0,
        b.get("without_data").and_then(Value::as_f64).unwrap_or(0.0) / 1024.0,
        files.len()
    );
    let mut out = json!({ "url": url, "first_content_ms": first, "runs_ms": times, "bytes": b });
    if search.is_some() {
        let k = summary(keys);
        println!(
            "bench: compare, {name}: search keystroke → painted frame median {:.1} ms, p95 {:.1} ms ({} keystrokes)",
            k.get("median").and_then(Value::as_f64).unwrap_or(f64::NAN),
            k.get("p95").and_then(Value::as_f64).unwrap_or(f64::NAN),
            k.get("n").and_then(Value::as_u64).unwrap_or(0)
        );
        out["keystroke_ms"] = k;
    }
    out
}

/// Bytes only (no timing): one load of our dist, as a first visit fetches it.
async fn first_load_bytes(url: &str, shown: &str, what: &str, outside: &mut Vec<String>) -> Vec<Value> {
    let l = load(url, shown, what).await;
    outside.extend(l.outside);
    l.page.close().await;
    l.files
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark: run by make bench"]
async fn side_by_side_with_timelinejs_and_datatables() {
    let site = repo().join("target/bench/compare-site");
    assert!(site.join("lib").is_dir(), "no comparison pages: run node scripts/bench-compare-site.mjs (make bench does)");
    let theirs = Server::start_from("bench-compare-theirs", &site);
    theirs.write("data/deals.json", synthetic_json(RECORDS));
    precompress(&theirs, &["data/deals.json"]);
    let ours_synthetic = serve_synthetic("bench-compare-ours", RECORDS);
    precompress(&ours_synthetic, &["data/deals.json"]);
    // Our real dataset, as deployed but without the service worker, whose
    // precaching after load would fetch all of dist/ (counted as the whole-dist total instead).
    let ours = Server::start("bench-compare-real");
    ours.remove("sw.js");
    let mut outside = Vec::new();

    let our_mark = visible(".de-tl-svg .de-tl-mark");
    let their_event = format!("{} && {}", visible(".tl-timemarker"), visible(".tl-slide .tl-headline"));
    let our_row = visible(".de-exp__table tbody tr");
    let their_row = visible("#deals tbody tr td:not(.dt-empty)");

    let timeline_ours = measure("our timeline", &ours.url("view=timeline"), &our_mark, None, &mut outside).await;
    let timeline_theirs = measure("TimelineJS", &format!("http://127.0.0.1:{}/timelinejs.html", theirs.port), &their_event, None, &mut outside).await;
    let deals_ours = measure("our deals view, 10,000 deals", &ours_synthetic.url("view=deals"), &our_row, Some("#de-exp-q"), &mut outside).await;
    let deals_theirs = measure(
        "DataTables + jQuery, 10,000 deals",
        &format!("http://127.0.0.1:{}/datatables.html", theirs.port),
        &their_row,
        Some(".dt-search input"),
        &mut outside,
    )
    .await;

    // Our first visit with the real dataset: ?view=deals, ?view=timeline, and the files of both together.
    let real_deals = first_load_bytes(&ours.url("view=deals"), &visible(".de-exp__table tbody tr"), "our deals view", &mut outside).await;
    let real_timeline = timeline_ours.get("bytes").cloned().unwrap_or(Value::Null);
    let mut both: BTreeMap<String, u64> = BTreeMap::new();
    for files in [bytes(&real_deals).get("files"), real_timeline.get("files")].into_iter().flatten() {
        for (k, v) in files.as_object().into_iter().flatten() {
            both.insert(k.clone(), v.as_u64().unwrap_or(0));
        }
    }
    let both_total: u64 = both.values().sum();
    let both_code: u64 = both.iter().filter(|(k, _)| !k.contains("/data/")).map(|(_, v)| v).sum();
    println!(
        "bench: compare, our first visit (?view=deals then ?view=timeline, real dataset): {:.1} KB sent, {:.1} KB without data",
        both_total as f64 / 1024.0,
        both_code as f64 / 1024.0
    );

    outside.sort();
    outside.dedup();
    println!("bench: compare, requests that left 127.0.0.1: {}", if outside.is_empty() { "none".to_string() } else { outside.join(", ") });

    let report = json!({
        "cpu_slowdown": CPU_SLOWDOWN,
        "records": RECORDS,
        "runs": runs(),
        "timeline": { "ours": timeline_ours, "theirs": timeline_theirs },
        "deals": { "ours": deals_ours, "theirs": deals_theirs },
        "ours_first_visit": { "deals": bytes(&real_deals), "timeline": real_timeline, "total": both_total, "without_data": both_code },
        "outside_requests": outside,
    });
    let path = repo().join("target/bench/compare.json");
    let _ = std::fs::create_dir_all(repo().join("target/bench"));
    std::fs::write(&path, serde_json::to_string_pretty(&report).expect("serialize")).expect("write target/bench/compare.json");
}
