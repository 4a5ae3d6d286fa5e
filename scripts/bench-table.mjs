// The one table `make bench` ends with, from what its steps left in target/bench/:
// sizes.json (scripts/sizes.mjs), native-*.txt (benches/), wasm.txt
// (tests/wasm_*_bench.rs), browser.txt (tests/e2e/tests/bench_browser.rs and
// bench_compare.rs), compare.json (bench_compare.rs), theirs.json
// (scripts/bench-compare-site.mjs), lighthouse.json. A missing part prints "n/a".
// Usage: node scripts/bench-table.mjs [target/bench]
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { VIEWS, bundleView, firstLoad, precached } from "./parts.mjs";

const dir = process.argv[2] || "target/bench";
const text = (f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8") : "");
const json = (f) => (existsSync(join(dir, f)) ? JSON.parse(readFileSync(join(dir, f), "utf8")) : null);
const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const kb = (n) => (num(n) == null ? "n/a" : `${(n / 1024).toFixed(1)} KB`);
const ms = (n, d = 1) => (num(n) == null ? "n/a" : `${n.toFixed(d)} ms`);
const ratio = (a, b) => (num(a) == null || !num(b) ? "n/a" : (a / b).toFixed(2));
const rows = [];
const line = (label, ...cells) => rows.push([label, ...cells]);
const section = (title) => rows.push([`— ${title}`]);

// Sizes.
const sizes = json("sizes.json") || [];
const sum = (k) => sizes.reduce((s, r) => s + r[k], 0);
section("Sizes of dist/ (raw / gzip -9 / brotli 11)");
for (const r of sizes) line(`  ${r.file}`, kb(r.raw), kb(r.gzip), kb(r.brotli));
line("  total", kb(sum("raw")), kb(sum("gzip")), kb(sum("brotli")));

// Lighthouse.
const lh = json("lighthouse.json");
section("Lighthouse, ?view=deals (mobile emulation, its own 4× CPU slowdown)");
if (lh) {
  line("  scores", Object.entries(lh.categories).map(([k, c]) => `${k} ${Math.round(c.score * 100)}`).join(" · "));
  line("  LCP · TBT · FCP · CLS", ["largest-contentful-paint", "total-blocking-time", "first-contentful-paint", "cumulative-layout-shift"].map((k) => lh.audits[k].displayValue).join(" · "));
} else line("  scores", "n/a");

// Engine and layout.
const table = (t) =>
  [...t.matchAll(/^\s*(\d+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)/gm)].map((m) => m.slice(1).map(Number));
const at = (t, n, col) => table(t).find((r) => r[0] === n)?.[col] ?? null;
const wasm = text("wasm.txt"), nativeExplore = text("native-explore.txt"), nativeTimeline = text("native-timeline.txt");
const browser = text("browser.txt");
const frame = (n) => num(Number(wasm.match(new RegExp(`timeline ${n} events:.*?per zoom/pan frame ([\\d.]+) ms`))?.[1]));
section("Engine and layout (no throttling; wasm = release build in headless Chromium)");
line("  explore, 100k deals: filter+sort+count", `wasm ${ms(at(wasm, 100000, 2), 2)}`, `native ${ms(at(nativeExplore, 100000, 2), 2)}`);
line("  explore, 10k deals: search keystroke (engine)", `wasm ${ms(at(wasm, 10000, 3), 2)}`, `native ${ms(at(nativeExplore, 10000, 3), 2)}`);
const key = browser.match(/10,000 deals, search keystroke → painted frame: median ([\d.]+) ms, p95 ([\d.]+) ms/);
line("  explore, 10k deals: keystroke → painted frame (app)", `median ${ms(key && Number(key[1]))}`, `p95 ${ms(key && Number(key[2]))}`);
line("  timeline layout per zoom/pan frame, 1k events", `wasm ${ms(frame(1000), 3)}`, `native zoom ${ms(at(nativeTimeline, 1000, 3), 3)}`);
line("  timeline layout per zoom/pan frame, 10k events", `wasm ${ms(frame(10000), 3)}`, `native zoom ${ms(at(nativeTimeline, 10000, 3), 3)}`);
const fr = browser.match(/zoom\+pan: frame interval median ([\d.]+) ms \(≈(\d+) fps\), p95 ([\d.]+) ms/);
line("  timeline, 1k events, zoom+pan frame interval (app)", `median ${ms(fr && Number(fr[1]))}`, `p95 ${ms(fr && Number(fr[3]))}`);

// Side by side.
const c = json("compare.json");
const theirs = json("theirs.json");
const g = (o, path) => path.split(".").reduce((v, k) => (v == null ? v : v[k]), o);
if (c) {
  section(`Side by side: ours | theirs | ours/theirs (${c.cpu_slowdown}× CPU throttling on both sides for every time; median of ${c.runs} fresh loads; bytes as sent, brotli 11)`);
  const pair = (label, a, b, fmt) => line(`  ${label}`, fmt(a), fmt(b), ratio(a, b));
  const T = c.timeline, D = c.deals;
  pair("(a) timeline vs TimelineJS: bytes with data", g(T, "ours.bytes.total"), g(T, "theirs.bytes.total"), kb);
  pair("(a) timeline vs TimelineJS: bytes without data", g(T, "ours.bytes.without_data"), g(T, "theirs.bytes.without_data"), kb);
  pair("(a) nav start → first event painted", g(T, "ours.first_content_ms.median"), g(T, "theirs.first_content_ms.median"), (v) => ms(v, 0));
  pair(`(b) deals vs DataTables+jQuery, ${c.records} rows: bytes with data`, g(D, "ours.bytes.total"), g(D, "theirs.bytes.total"), kb);
  pair("(b) bytes without data", g(D, "ours.bytes.without_data"), g(D, "theirs.bytes.without_data"), kb);
  pair("(b) nav start → rows painted", g(D, "ours.first_content_ms.median"), g(D, "theirs.first_content_ms.median"), (v) => ms(v, 0));
  pair("(b) search keystroke → painted frame, median", g(D, "ours.keystroke_ms.median"), g(D, "theirs.keystroke_ms.median"), ms);
  pair("(b) search keystroke → painted frame, p95", g(D, "ours.keystroke_ms.p95"), g(D, "theirs.keystroke_ms.p95"), ms);
  line("  our first visit, ?view=deals + ?view=timeline, real data", kb(c.ours_first_visit.total), `${kb(c.ours_first_visit.without_data)} without data`);
  line("  requests that left 127.0.0.1", c.outside_requests.length ? c.outside_requests.join(", ") : "none");
} else section("Side by side: n/a (no compare.json)");

// Their npm builds and the aim.
if (theirs) {
  section("Their npm builds, the files the pages load (raw / gzip / brotli)");
  let all = 0;
  for (const [lib, files] of Object.entries(theirs.sizes)) {
    const s = (k) => files.reduce((n, f) => n + f[k], 0);
    all += s("brotli");
    line(`  ${lib} ${theirs.versions[lib]}`, kb(s("raw")), kb(s("gzip")), kb(s("brotli")));
  }
  line("  together", "", "", kb(all));
  // Issue 17: what a first visit to one view fetches (its bundle of the main wasm and
  // its parts, page, loader, its data shards), next to the three libraries alone.
  section("First visit to one view (brotli, everything it fetches) vs TimelineJS+DataTables+jQuery");
  for (const view of VIEWS) {
    const load = firstLoad(sizes, view);
    const wasm = load.filter((r) => r.file.endsWith(".wasm") || bundleView(r.file));
    const data = load.filter((r) => r.file.startsWith("data/"));
    const files = wasm.some((r) => bundleView(r.file)) ? "its bundle (main wasm and parts)" : `${wasm.length} wasm files`;
    line(`  ?view=${view}: ${files}, ${kb(wasm.reduce((n, r) => n + r.brotli, 0))} of wasm`, kb(load.reduce((n, r) => n + r.brotli, 0)), kb(all), ratio(load.reduce((n, r) => n + r.brotli, 0), all));
    line(`    ${data.length} data shards, ${kb(data.reduce((n, r) => n + r.brotli, 0))} (${data.map((r) => r.file.split(".")[0].slice(5)).join(", ")})`, "", "", "");
    const first = browser.match(new RegExp(`first visit \\?view=${view}, 4x CPU: first content median ([\\d.]+) ms`));
    line(`    time to its content, 4× CPU (bench_browser.rs)`, ms(first && Number(first[1]), 0));
    const slow = browser.match(new RegExp(`first visit \\?view=${view}, 4x CPU, slow 4G: first content median ([\\d.]+) ms`));
    if (slow) line(`    time to its content, 4× CPU, slow 4G (150 ms, 1.6 Mbps)`, ms(Number(slow[1]), 0));
    const move = browser.match(new RegExp(`moving to \\?view=${view}, fast connection[^:]*: shown median ([\\d.]+) ms`));
    line(`    moving to it from another view, fast connection (aim ≤ 300 ms)`, ms(move && Number(move[1]), 0));
  }
  // What a reader's browser holds after one visit: the files the service worker precaches (each byte
  // once: not the first-visit bundles, the whole dataset or its English file, which repeat the wasm
  // parts and the data's pieces; scripts/parts.mjs, precached) and the worker itself.
  const ours = sizes.filter((r) => precached(r.file) || r.file === "sw.js").reduce((s, r) => s + r.brotli, 0);
  section("Aim (issue 7)");
  line(
    "  bytes: our whole app, as the service worker precaches it (all views, all data, sw.js) vs TimelineJS+DataTables+jQuery",
    kb(ours),
    kb(all),
    `${ratio(ours, all)} → ${ours < all ? "met" : "not met"}`,
  );
  if (c) {
    const half = (label, a, b) => line(`  ${label}`, ratio(a, b), "", num(a) != null && num(b) ? (a <= b / 2 ? "met (≤ 0.50)" : "not met (> 0.50)") : "n/a");
    half("time to first content, timeline: ours/TimelineJS", g(c, "timeline.ours.first_content_ms.median"), g(c, "timeline.theirs.first_content_ms.median"));
    half("time to first content, deals: ours/DataTables", g(c, "deals.ours.first_content_ms.median"), g(c, "deals.theirs.first_content_ms.median"));
    half("per keystroke (median): ours/DataTables", g(c, "deals.ours.keystroke_ms.median"), g(c, "deals.theirs.keystroke_ms.median"));
  }
}

// Print: the label column, then right-aligned cells, each column as wide as its widest cell.
const cells = rows.filter((r) => r.length > 2);
const width = Math.max(...rows.filter((r) => r.length > 1).map((r) => r[0].length));
const widths = [1, 2, 3].map((i) => Math.max(0, ...cells.map((r) => String(r[i] ?? "").length)));
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`== make bench: one table (${new Date().toISOString().slice(0, 16)}Z, ${cpus().length}× ${cpu}, node ${process.version}) ==`);
for (const r of rows) {
  if (r.length === 1) console.log(`\n${r[0]}`);
  else if (r.length === 2) console.log(`${r[0].padEnd(width)}  ${r[1]}`);
  else console.log(`${r[0].padEnd(width)}  ${r.slice(1).map((x, i) => String(x).padStart(widths[i])).join("  ")}`.trimEnd());
}
