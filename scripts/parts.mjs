// The release build's files by role, read from their names (scripts/build-wasm.mjs;
// tests/e2e/src/parts.rs reads them the same way for the size guard and the tests):
// a part `part-<view>[-<view>…]-<hash>.wasm` names the views that use it.
export const VIEWS = ["deals", "timeline", "map", "story", "calculator", "sources"];

/** The views a part serves, or null for any other file. */
export const partViews = (file) => /^part-([a-z-]+)-[0-9a-f]{16}\.wasm$/.exec(file)?.[1].split("-") ?? null;

/** The views whose first visit loads a data shard `data/<shard>.<view>[-<view>…].<hash>.json`, or null. */
export const shardViews = (file) => /^data\/[a-z-]+\.([a-z-]+)\.[0-9a-f]{16}\.json$/.exec(file)?.[1].split("-") ?? null;

/** What every view's first visit fetches besides its parts and data shards. */
const common = (file) =>
  ["index.html", "manifest.webmanifest", "icons/icon-192.png"].includes(file) ||
  /^boot-.*\.js$/.test(file) ||
  /^deal-explorer-.*(\.js|_bg\.wasm)$/.test(file);

/** The data files only one view fetches besides the dataset: the map's boundaries. */
const viewData = { map: ["data/boundaries.json"] };

/** The rows ({ file, … }) a first visit to `view` fetches: a view that needs every shard takes the whole dataset (`ui::load`). */
export const firstLoad = (rows, view) => {
  const shards = rows.filter((r) => shardViews(r.file));
  // A build without shards (development) has only the whole file.
  const whole = shards.every((r) => shardViews(r.file).includes(view));
  return rows.filter(
    (r) =>
      common(r.file) ||
      (partViews(r.file) ?? []).includes(view) ||
      (viewData[view] ?? []).includes(r.file) ||
      (whole ? r.file === "data/deals.json" : (shardViews(r.file) ?? []).includes(view)),
  );
};
