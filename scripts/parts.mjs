// The release build's files by role, read from their names (scripts/build-wasm.mjs;
// tests/e2e/src/parts.rs reads them the same way for the size guard and the tests):
// a part `part-<view>[-<view>…]-<hash>.wasm` names the views that use it.
export const VIEWS = ["deals", "timeline", "story", "calculator", "sources"];

/** The views a part serves, or null for any other file. */
export const partViews = (file) => /^part-([a-z-]+)-[0-9a-f]{16}\.wasm$/.exec(file)?.[1].split("-") ?? null;

/** What every view's first visit fetches besides its parts. */
const common = (file) =>
  ["index.html", "manifest.webmanifest", "icons/icon-192.png", "data/deals.json"].includes(file) ||
  /^boot-.*\.js$/.test(file) ||
  /^deal-explorer-.*(\.js|_bg\.wasm)$/.test(file);

/** The rows ({ file, … }) a first visit to `view` fetches. */
export const firstLoad = (rows, view) => rows.filter((r) => common(r.file) || (partViews(r.file) ?? []).includes(view));
