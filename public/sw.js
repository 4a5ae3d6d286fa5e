// Deal Explorer service worker: the whole build, precached under one version.
// scripts/post-build.mjs fills in VERSION (a hash of every file), FILES
// ([path relative to this script, SHA-256 prefix of its content]), BUNDLES (the
// first-visit bundles, which it does not precache, each with the files it holds) and
// unpackBundle in release builds.
//
// - install: fetch every file (from the HTTP cache when its copy is this
//   version's, or from the first-visit bundle the page downloaded), check its hash, store all of them in the cache
//   named after this version, or fail (and keep the old version) if any is wrong;
// - fetch: answer from this version's cache only, never from another version's;
// - activate (after the page asks with SKIP_WAITING, or when no tab uses the
//   old version any more): delete every other deal-explorer-* cache.
"use strict";

const VERSION = "__VERSION__";
const FILES = /*__FILES__*/ [];
const BUNDLES = /*__BUNDLES__*/ [];
/*__UNPACK_BUNDLE__*/
const CACHE = `deal-explorer-${VERSION}`;
const SCOPE = new URL("./", self.location).href;
const INDEX = SCOPE; // the page itself is precached as "./"

const hex = (buf) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

const matches = async (body, hash) => hex(await crypto.subtle.digest("SHA-256", body)).slice(0, hash.length) === hash;

// The files a first visit took from its bundle (the main wasm and that view's parts), by
// path: from the browser's copy of the bundle, where it has one, so they are not downloaded again.
async function bundledFiles() {
  const files = new Map();
  for (const [path, names] of BUNDLES) {
    try {
      const response = await fetch(new URL(path, SCOPE).href, { cache: "only-if-cached", mode: "same-origin", credentials: "same-origin" });
      if (response.ok) for (const [name, bytes] of unpackBundle(await response.arrayBuffer(), names)) files.set(name, bytes);
    } catch {
      // Not downloaded (another view's), or not whole: its files are fetched.
    }
  }
  return files;
}

async function fetchChecked([path, hash], bundled) {
  const url = new URL(path, SCOPE).href;
  // Bundles hold wasm modules only; instantiateStreaming wants their type.
  const kept = bundled.get(path);
  if (kept && (await matches(kept, hash))) return [url, new Response(kept, { status: 200, headers: { "content-type": "application/wasm" } })];
  // The page has just downloaded most of these files: take the browser's copy
  // when its hash matches (no second download on a slow first visit), else
  // revalidate with the server (never keep an older copy).
  let response = await fetch(url, { cache: "force-cache", credentials: "same-origin" });
  let body = response.ok ? await response.arrayBuffer() : null;
  if (!body || !(await matches(body, hash))) {
    response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    body = await response.arrayBuffer();
    if (!(await matches(body, hash))) {
      throw new Error(`${url}: content does not match this version (a newer deployment?)`);
    }
  }
  // A fresh Response (a redirected one may not answer a navigation), without
  // the transfer headers that described the compressed body.
  const headers = new Headers(response.headers);
  for (const h of ["content-encoding", "content-length", "transfer-encoding"]) headers.delete(h);
  return [url, new Response(body, { status: 200, headers })];
}

// The whole dataset (the page's "Download the dataset" link) is not precached: its pieces are
// (data/<piece>.<views>.<hash>.json, src/data/shards.rs). Offline, the worker joins them as
// shards::join does: objects by key, arrays by index, an empty object adding nothing; English
// layers first, then the details (-detail, and the sources' cut by who cites them), then the Urdu text (-ur, -detail-ur).
const WHOLE = new URL("data/deals.json", SCOPE).href;
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const join = (tree, layer) => {
  if (Array.isArray(tree) && Array.isArray(layer)) layer.forEach((v, i) => (tree[i] = i < tree.length ? join(tree[i], v) : v));
  else if (isObject(tree) && isObject(layer)) for (const [k, v] of Object.entries(layer)) tree[k] = Object.hasOwn(tree, k) ? join(tree[k], v) : v;
  else if (!isObject(layer) || Object.keys(layer).length) return layer;
  return tree;
};
async function joinedDataset(cache) {
  const layer = (path) => {
    const suffix = /^data\/[a-z]+((?:-[a-z]+)*)\./.exec(path)[1];
    return suffix === "" ? 0 : suffix.endsWith("-ur") ? 2 : 1;
  };
  const pieces = FILES.map(([path]) => path).filter((path) => /^data\/[a-z-]+\.[a-z-]+\.[0-9a-f]{16}\.json$/.test(path));
  pieces.sort((a, b) => layer(a) - layer(b));
  let tree = {};
  for (const path of pieces) tree = join(tree, await (await cache.match(new URL(path, SCOPE).href)).json());
  return new Response(JSON.stringify(tree, null, 2), { status: 200, headers: { "content-type": "application/json" } });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const bundled = await bundledFiles();
      const entries = await Promise.all(FILES.map((file) => fetchChecked(file, bundled)));
      const cache = await caches.open(CACHE);
      await Promise.all(entries.map(([url, response]) => cache.put(url, response)));
      // The first version takes over at once; later ones wait for the page's SKIP_WAITING.
      if (!self.registration.active) await self.skipWaiting();
    })().catch(async (error) => {
      await caches.delete(CACHE);
      throw error;
    }),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("deal-explorer-") && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  const isPage = request.mode === "navigate" && (url.href.split(/[?#]/)[0] === INDEX || url.pathname.endsWith("/index.html"));
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every view is the same page with a different query string.
      const hit = isPage ? await cache.match(INDEX) : await cache.match(request, { ignoreSearch: request.mode === "navigate" });
      if (hit) return hit;
      // Offline, the dataset's download is joined from its precached pieces.
      if (url.href.split(/[?#]/)[0] === WHOLE) return fetch(request).catch(() => joinedDataset(cache));
      return fetch(request);
    })(),
  );
});
