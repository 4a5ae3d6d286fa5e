// Prints the bytes of every file in dist/ (raw, gzip, brotli) and the totals.
// Usage: node scripts/sizes.mjs [dist] [out.json]   (out.json: the rows, for scripts/bench-table.mjs)
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { VIEWS, bundleView, firstLoad, partViews } from "./parts.mjs";

const dir = process.argv[2] || "dist";
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const rows = walk(dir)
  // preview.png is fetched by link-preview crawlers, never by the app or its readers.
  .filter((f) => !/\.(br|gz)$/.test(f) && !f.endsWith("_headers") && relative(dir, f) !== "preview.png")
  .map((f) => {
    const raw = readFileSync(f);
    return {
      file: relative(dir, f).split("\\").join("/"),
      raw: raw.length,
      gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  })
  .sort((a, b) => b.brotli - a.brotli);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${"file".padEnd(48)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(48)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
console.log(`${"total".padEnd(48)} ${kb(sum("raw"))} ${kb(sum("gzip"))} ${kb(sum("brotli"))}`);
const wasm = rows.filter((r) => r.file.endsWith(".wasm"));
console.log(`${"wasm".padEnd(48)} ${kb(wasm.reduce((s, r) => s + r.raw, 0))} ${kb(wasm.reduce((s, r) => s + r.gzip, 0))} ${kb(wasm.reduce((s, r) => s + r.brotli, 0))}`);
// A view's first visit: the page and what every view loads, its wasm (its bundle, or the
// main wasm and its parts) and its data.
const line = (label, rs) => console.log(`${label.padEnd(48)} ${kb(rs.reduce((s, r) => s + r.raw, 0))} ${kb(rs.reduce((s, r) => s + r.gzip, 0))} ${kb(rs.reduce((s, r) => s + r.brotli, 0))}`);
for (const view of VIEWS) {
  const load = firstLoad(rows, view);
  const parts = rows.filter((r) => (partViews(r.file) ?? []).includes(view));
  const bundle = load.filter((r) => bundleView(r.file));
  const data = load.filter((r) => r.file.startsWith("data/"));
  if (bundle.length) line(`  of which its bundle, main wasm + ${parts.length} parts`, bundle);
  else line(`  of which wasm, main + ${parts.length} parts`, load.filter((r) => r.file.endsWith(".wasm")));
  line(`  of which data, ?view=${view} (${data.length} files)`, data);
  line(`first visit, ?view=${view} (${parts.length} parts${bundle.length ? ", bundled" : ""})`, load);
}
if (process.argv[3]) writeFileSync(process.argv[3], JSON.stringify(rows, null, 1));
