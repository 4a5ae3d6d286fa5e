// Builds the folder the side-by-side benchmark serves (tests/e2e/tests/bench_compare.rs):
// our pages of bench/compare/, the libraries' files from their npm builds in
// .tools/bench (installed by scripts/bench.sh at pinned versions), our events in
// TimelineJS's format, and a brotli copy of each file. Also writes the bytes of
// the libraries' npm builds to target/bench/theirs.json.
// Usage: node scripts/bench-compare-site.mjs [out=target/bench/compare-site]
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { brotli } from "./bench-brotli.mjs";

const out = process.argv[2] || "target/bench/compare-site";
const npm = ".tools/bench/node_modules";
const tl = `${npm}/@knight-lab/timelinejs/dist`;
const dt = `${npm}/datatables.net`;
// What each page loads, by library; the html and glue scripts are ours.
const libs = {
  timelinejs: {
    [`${tl}/js/timeline.js`]: "lib/timelinejs/js/timeline.js",
    [`${tl}/js/locale/en.json`]: "lib/timelinejs/js/locale/en.json",
    [`${tl}/css/timeline.css`]: "lib/timelinejs/css/timeline.css",
    [`${tl}/css/icons`]: "lib/timelinejs/css/icons",
  },
  jquery: { [`${npm}/jquery/dist/jquery.min.js`]: "lib/jquery/jquery.min.js" },
  datatables: {
    [`${dt}/js/dataTables.min.js`]: "lib/datatables/dataTables.min.js",
    [`${npm}/datatables.net-dt/css/dataTables.dataTables.min.css`]: "lib/datatables/dataTables.dataTables.min.css",
  },
};

rmSync(out, { recursive: true, force: true });
cpSync("bench/compare", out, { recursive: true });
for (const files of Object.values(libs)) {
  for (const [from, to] of Object.entries(files)) {
    mkdirSync(dirname(join(out, to)), { recursive: true });
    cpSync(from, join(out, to), { recursive: true });
  }
}

// Our events as TimelineJS slides: date parts, headline and text (HTML, so escaped).
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const date = (s) => {
  const [year, month, day] = s.split("-").map(Number);
  return { year, ...(month && { month }), ...(day && { day }) };
};
const ds = JSON.parse(readFileSync("public/data/deals.json", "utf8"));
const events = ds.events.map((e) => ({
  start_date: date(e.date),
  ...(e.end_date && { end_date: date(e.end_date) }),
  text: { headline: esc(e.title), text: `<p>${esc(e.description)}</p>` },
  group: e.category,
}));
mkdirSync(join(out, "data"), { recursive: true });
writeFileSync(join(out, "data/timeline.json"), JSON.stringify({ events }));

const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
for (const f of walk(out)) writeFileSync(`${f}.br`, brotli(readFileSync(f)));

// The npm builds' bytes: the files these pages load. TimelineJS's English is
// built in (locale/en.json is not fetched), and its CSS lists the icon font's
// TrueType file before the others, so that is the one Chromium fetches.
const sizes = {};
for (const [lib, files] of Object.entries(libs)) {
  sizes[lib] = walk(join(out, "lib", lib))
    .filter((f) => !f.endsWith(".br") && !f.includes("/locale/") && !/tl-icons\.(eot|svg|woff2?)$/.test(f))
    .map((f) => {
      const raw = readFileSync(f);
      return { file: relative(out, f), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotli(raw).length };
    });
}
const version = (p) => JSON.parse(readFileSync(`${npm}/${p}/package.json`, "utf8")).version;
const versions = {
  timelinejs: version("@knight-lab/timelinejs"),
  jquery: version("jquery"),
  datatables: `${version("datatables.net")} (styling datatables.net-dt ${version("datatables.net-dt")})`,
};
mkdirSync("target/bench", { recursive: true });
writeFileSync("target/bench/theirs.json", JSON.stringify({ versions, sizes }, null, 1));
console.log(`bench: comparison pages in ${out}: ${events.length} events for TimelineJS; ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(", ")}`);
