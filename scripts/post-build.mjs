// Trunk post_build hook (runs in the staging folder before it becomes dist/).
// 1. Builds the wasm (scripts/build-wasm.mjs: split per view in release, with a
//    first-visit bundle per view) and writes its guarded loader as a hashed file, so the
//    Content-Security-Policy needs no 'unsafe-inline' for scripts.
// 2. Writes _headers (Netlify / Cloudflare Pages format) with that policy.
// 3. Sets the link previews' addresses under DE_SITE_URL, when given.
// 4. In release builds, validates the dataset with the app's own validator
//    (validate-data) and records its SHA-256 in the page, cuts it into shards by
//    view, each in layers by language, and its English layer whole (validate-data
//    --shards; data/<piece>.<views>.<hash>.json, listed in the page's de-data-shards
//    record), writes the service
//    worker (public/sw.js with the precache list and version filled in) and
//    .br and .gz beside every text, wasm and bundle file.
// Node's standard library only.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync, statSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { absoluteLinks, siteUrl } from "./site-url.mjs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { buildWasm, hash, unpackBundle } from "./build-wasm.mjs";
import { STYLED, precached } from "./parts.mjs";
import { minifyJs } from "./minify.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === "release";
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}
// Where the app fetches its dataset (ui::load::DATA_URL), relative to the page.
const DATA_URL = "data/deals.json";
const root = fileURLToPath(new URL("..", import.meta.url));

// Release builds: the dataset, validated here by the validator the app runs (the CLI of
// src/bin/validate-data.rs; an invalid one fails the build with its problems), and cut
// into its shards by view (src/data/shards.rs), each named by its content hash.
// The page records the SHA-256 of the bytes that passed, the whole's and each shard's (its
// first 16 hex digits, as in the file names: data::load::RECORDED_DIGEST_HEX says why);
// the app then skips the validator for those bytes (ui::load). A dataset changed after
// the build does not match and is validated in the browser, as in debug builds.
const validateAndShard = () => {
  const dataPath = join(dir, DATA_URL);
  const out = mkdtempSync(join(tmpdir(), "de-shards-"));
  const check = spawnSync("cargo", ["run", "-q", "--bin", "validate-data", "--", dataPath, "--shards", out], { cwd: root, encoding: "utf8" });
  if (check.status !== 0) {
    console.error(`${check.stdout || ""}${check.stderr || ""}post-build: ${DATA_URL} does not validate (or validate-data could not run)`);
    process.exit(1);
  }
  // Each shard's layers by language and the English file (src/data/shards.rs, file_stem).
  // Each file by its id in the page's de-data-shards list (the boot script reads the addresses there).
  const ids = { "deals.json": DATA_URL };
  const shards = readdirSync(out)
    .filter((name) => name !== "first-visits.json")
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(out, name));
      const [shard, views] = name.split(".");
      const url = `data/${shard}.${views}.${hash(bytes)}.json`;
      writeFileSync(join(dir, url), bytes);
      ids[name] = shard;
      return { shard, url, sha256: hash(bytes) };
    });
  // The files each view's first visit fetches, by language (shards::first_files): their ids, or the whole file's address.
  const firstVisits = JSON.parse(readFileSync(join(out, "first-visits.json"), "utf8"));
  const preloads = Object.fromEntries(
    Object.entries(firstVisits).map(([lang, views]) => [lang, Object.fromEntries(Object.entries(views).map(([view, names]) => [view, names.map((n) => ids[n])]))]),
  );
  rmSync(out, { recursive: true });
  return { validated: hash(readFileSync(dataPath)), shards, preloads };
};
const data = release ? validateAndShard() : null;
// What the boot script preloads for the view and language in the address: the files of its
// first visit (a development build has only the whole dataset).
const preloads = data ? data.preloads : { en: { deals: [DATA_URL] } };

// 1. The wasm (scripts/build-wasm.mjs) and its loader, a file (strict CSP).
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const { glue, loader, wasm, parts, bundles } = await buildWasm(dir, release);
// The view the page opens on (src/state/url.rs: no or an unknown `view=` is the deals view).
const firstView = `new URLSearchParams(location.search).get("view")`;
// Trunk leaves its skipped Rust link (index.html) in the page.
html = html.replace(/<link\b[^>]*\bdata-trunk-skip\b[^>]*>\n?/, "");
// The views' and other lazy entries' own stylesheets (index.html's rel="css" links, which Trunk
// names <entry>-<hash>.css; parts.mjs, STYLED): release builds take their links out of the page and
// list them in a meta where the first was; the split loader adds an entry's link when the entry first
// loads (build-wasm.mjs, __de_view_style), and the boot script at once for the view in the address.
// Development keeps the links.
if (release) {
  const styles = [];
  let first = -1; // where the first link was (nothing before it is removed)
  html = html.replace(/<link\b[^>]*\bhref="?(\.\/([a-z]+)-[0-9a-f]{16}\.css)"?[^>]*>\n?/g, (tag, href, view, at) => {
    if (!/\brel="?stylesheet\b/.test(tag) || !STYLED.includes(view)) return tag;
    styles.push(`${view}=${href}`);
    if (first < 0) first = at;
    return "";
  });
  if (first < 0) {
    console.error("post-build: no view stylesheet link in index.html (Trunk's rel=\"css\" output changed?)");
    process.exit(1);
  }
  html = `${html.slice(0, first)}<meta name="de-view-styles" content="${styles.join(" ")}">${html.slice(first)}`;
}
// The loader is guarded: where WebAssembly is missing or the module fails to
// load, the static placeholder says so and links to the dataset.
const boot = `${unpackBundle}
const fail = (why) => {
  const main = document.querySelector(".de-placeholder main") || document.body;
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = "The explorer could not start in this browser (" + why + "). ";
  const a = document.createElement("a");
  a.href = "data/deals.json";
  a.textContent = "Download the dataset (JSON)";
  p.append(a);
  main.append(p);
};
// Chromium sends no <a download> through the service worker, so offline the dataset's link
// would fail: with a worker in control, the page fetches the file through it (which joins
// the precached pieces offline: public/sw.js) and saves that.
document.addEventListener("click", (e) => {
  const a = e.target.closest?.('a[download][href$="data/deals.json"]');
  if (!a || !navigator.serviceWorker?.controller || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const save = (href) => Object.assign(document.createElement("a"), { href, download: a.download }).click();
  fetch(a.href)
    .then((r) => (r.ok ? r.blob() : Promise.reject(new Error("HTTP " + r.status))))
    .then((blob) => {
      const url = URL.createObjectURL(blob);
      save(url);
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    })
    .catch(() => save(a.href));
});
if (typeof WebAssembly !== "object") {
  fail("WebAssembly is not available");
} else {
  try {
  // The static placeholder paints first, then the downloads start: the first
  // paint waits for nothing but index.html (styles are inline), and the big
  // files do not compete with it for a slow connection. "Paints" means the
  // frame after it has begun: a frame's callbacks may run before the one that
  // drew the placeholder reaches the screen, and downloads started then are
  // counted as the placeholder's (Lighthouse then puts the 240 KB wasm under
  // its LCP: 1.6 s instead of 0.8 s in one run of six).
  await new Promise((go) => { requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go, 0))); setTimeout(go, 100); });
  // The app fetches its data as soon as it runs: start that download now, beside the wasm's
  // (the files this view's first visit needs in the reader's language; an unknown view shows the deals).
  const view = ${firstView};
  const preloads = ${JSON.stringify(preloads)};
  // The reader's language as the app reads it: the address's, else the one remembered (ui::shell).
  let lang = new URLSearchParams(location.search).get("lang");
  if (!location.search.includes("lang=")) {
    try { lang = localStorage.getItem("deal-explorer:lang"); } catch { lang = null; }
  }
  const byView = preloads[lang === "ur" && preloads.ur ? "ur" : "en"];
  // Their addresses from the page's list of data files (each once in the page), the whole dataset's as it is.
  const listed = new Map((document.querySelector('meta[name="de-data-shards"]')?.content || "").split(" ").map((entry) => entry.split("#")[0].split("=")));
  // A page without the list (a dataset edited after the build) loads the whole file: nothing to preload by id.
  const data = ((Object.hasOwn(byView, view) ? byView[view] : byView.deals) || []).map((id) => listed.get(id) || (id.endsWith(".json") ? id : "")).filter(Boolean);
  // The view's wasm parts (an unknown view shows the deals): the split loader lists them
  // (build-wasm.mjs, __de_parts_of); it imports the glue, which the app needs anyway.
  let loaderModule = null; // imported below, after the big download has been asked for
  const viewParts = async () => (loaderModule ? (await loaderModule).__de_parts_of(view) : []);
  // A first visit (no service worker in control yet) downloads the view's bundle:
  // the main wasm and its parts in one file (scripts/build-wasm.mjs, packBundle). Later
  // visits load the files the worker precached (it does not keep the bundles).
  const bundles = ${JSON.stringify(bundles)};
  const bundleName = Object.hasOwn(bundles, view) ? bundles[view] : bundles.deals;
  const bundle = !navigator.serviceWorker?.controller && bundleName
    ? fetch("./" + bundleName).then(async (response) => {
        if (!response.ok) throw new Error("HTTP " + response.status);
        const bytes = await response.arrayBuffer();
        return unpackBundle(bytes, ["${wasm}", ...(await viewParts())]);
      })
    : null;
  // Otherwise the wasm's download starts beside the glue's, not after it: one round
  // trip less before the app can start (init takes the pending response).
  const wasmResponse = bundle ? null : fetch("./${wasm}");
  wasmResponse?.catch(() => {}); // a failure is reported by init below
  const glueModule = import("./${glue}");
  loaderModule = ${loader ? `import("./${loader}")` : "null"};
  loaderModule?.catch(() => {}); // a failure is reported where it is awaited
  // The view's own stylesheet, beside the downloads (its entry waits for it; a failure is retried there).
  loaderModule?.then((module) => module.__de_view_style(view)).catch(() => {});
  // The data and (without a bundle) the first view's wasm parts download beside the main
  // module, not after it has started (asked for after it and the glue, so they never hold
  // up their connections): the app's and the split loader's fetches take the preloaded responses.
  const preload = (hrefs) => {
    for (const href of hrefs) {
      document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", crossOrigin: "anonymous", href }));
    }
  };
  // With the worker in control the data comes from its precache, as pieces (ui::load): nothing to preload.
  preload(navigator.serviceWorker?.controller ? [] : data);
  let wasmSource = wasmResponse;
  if (bundle) {
    // A bundle that does not arrive whole: the files, as on a later visit.
    const files = await bundle.catch(() => null);
    if (files) {
      (await loaderModule).__de_bundled_parts(files.slice(1));
      wasmSource = files[0][1];
    } else {
      wasmSource = fetch("./${wasm}");
      preload(await viewParts());
    }
  } else {
    preload(await viewParts());
  }
  const bindings = await glueModule;
  await bindings.default({ module_or_path: wasmSource });
  } catch (e) {
    fail(String((e && e.message) || e));
  }
}
`;
// Release builds ship it minified (scripts/minify.mjs), named by the hash of what ships.
const bootCode = release ? await minifyJs(boot, { module: true }) : boot;
const bootName = `boot-${hash(bootCode)}.js`;
writeFileSync(join(dir, bootName), bootCode);
html = html.replace("</head>", `<script type="module" src="./${bootName}"></script>\n</head>`);
// Link previews: absolute addresses under the public site when the build knows it (scripts/site-url.mjs).
const site = siteUrl(process.env.DE_SITE_URL);
if (site) {
  html = absoluteLinks(html, site);
  console.log(`post-build: link previews and the canonical link under ${site}`);
} else if (release) {
  console.log("post-build: DE_SITE_URL is not set: the link-preview addresses stay relative (see README, Deploying)");
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) && release) {
  console.error("post-build: an inline script is left in index.html; the CSP would block it");
  process.exit(1);
}
writeFileSync(indexPath, html);

// 2. Security headers for static hosts. Styles may be set inline by the UI
//    (CSSOM), scripts never: 'wasm-unsafe-eval' only lets WebAssembly compile.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");
writeFileSync(
  join(dir, "_headers"),
  `/*
  Content-Security-Policy: ${CSP}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
/*.wasm
  Content-Type: application/wasm
`,
);

// 3. Service worker and precompressed copies.
const compressible = /\.(html|js|mjs|css|json|wasm|bin|svg|webmanifest|txt)$/;
const files = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));
if (release) {
  // Tells the page a worker exists (debug builds have none: no failed registration there),
  // the whole dataset's digest and its shards (src/data/shards.rs, parse_manifest).
  const shards = data.shards.map(({ shard, url, sha256 }) => `${shard}=${url}#${sha256}`).join(" ");
  writeFileSync(
    indexPath,
    readFileSync(indexPath, "utf8").replace(
      "</head>",
      `<meta name="de-service-worker" content="./sw.js">\n<meta name="de-data-validated" content="${data.validated}">\n<meta name="de-data-shards" content="${shards}">\n</head>`,
    ),
  );
  console.log(`post-build: ${data.shards.length} data shards: ${data.shards.map((s) => s.url).join(" ")}`);
  // Every file of the build, by path relative to sw.js and content hash; the
  // page itself as "./". The version is a hash of that whole list.
  const precache = files(dir)
    .map((f) => relative(dir, f).split(sep).join("/"))
    // Each byte once (scripts/parts.mjs): not the first-visit bundles, the whole dataset, its English file.
    .filter(precached)
    .sort()
    .map((f) => [f === "index.html" ? "./" : f, hash(readFileSync(join(dir, f)))]);
  const version = hash(JSON.stringify(precache));
  const template = readFileSync(new URL("../public/sw.js", import.meta.url), "utf8");
  const placeholders = ["__VERSION__", "/*__FILES__*/ []", "/*__BUNDLES__*/ []", "/*__UNPACK_BUNDLE__*/"];
  if (!placeholders.every((p) => template.includes(p))) {
    console.error(`post-build: public/sw.js lacks one of its placeholders ${placeholders.join(" ")}`);
    process.exit(1);
  }
  const worker = template
    .replace("__VERSION__", version)
    .replace("/*__FILES__*/ []", JSON.stringify(precache, null, 0))
    .replace("/*__BUNDLES__*/ []", JSON.stringify(Object.entries(bundles).map(([view, name]) => [name, [wasm, ...parts[view]]])))
    .replace("/*__UNPACK_BUNDLE__*/", String(unpackBundle));
  writeFileSync(join(dir, "sw.js"), await minifyJs(worker, { module: false }));
  console.log(`post-build: sw.js precaches ${precache.length} files, version ${version}`);

  for (const file of files(dir).filter((f) => compressible.test(f))) {
    const raw = readFileSync(file);
    writeFileSync(file + ".gz", gzipSync(raw, { level: 9 }));
    writeFileSync(
      file + ".br",
      brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    );
  }
}
console.log(`post-build: ${relative(process.cwd(), dir) || dir} ready (${release ? "release" : "debug"})`);
