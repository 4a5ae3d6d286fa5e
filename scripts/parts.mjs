// The release build's files by role, read from their names (scripts/build-wasm.mjs;
// tests/e2e/src/parts.rs reads them the same way for the size guard and the tests):
// a part `part-<view>[-<view>…]-<hash>.wasm` names the views that use it, a
// first-visit bundle `first-<view>-<hash>.bin` (the main wasm and that view's parts) its view.
export const VIEWS = ["deals", "timeline", "map", "story", "calculator", "sources"];
/** The lazy entries (src/ui/views.rs) with a stylesheet of their own, `style/<entry>.css`, loaded with the entry:
 *  the views but the deals view (whose styles are inline: the default first paint), a record's panel, the extras' dialogs. */
export const STYLED = [...VIEWS.filter((v) => v !== "deals"), "panel", "extras"];

/** How many hex digits of its content hash a part's name carries (build-wasm.mjs; tests/e2e/src/parts.rs). */
export const PART_HASH = 8;

/** The views a part serves, or null for any other file. */
export const partViews = (file) => new RegExp(`^part-([a-z-]+)-[0-9a-f]{${PART_HASH}}\\.wasm$`).exec(file)?.[1].split("-") ?? null;

/** The view whose first visit downloads a bundle `first-<view>-<hash>.bin`, or null. */
export const bundleView = (file) => /^first-([a-z]+)-[0-9a-f]{16}\.bin$/.exec(file)?.[1] ?? null;

/** The views whose first visit loads a data shard `data/<shard>.<view>[-<view>…].<hash>.json`, or null. */
export const shardViews = (file) => /^data\/[a-z-]+\.([a-z-]+)\.[0-9a-f]{16}\.json$/.exec(file)?.[1].split("-") ?? null;

/**
 * Whether the service worker precaches `file` (a path in dist/): every file a reader may need offline,
 * each byte once. Not the worker itself, the host's headers, the link-preview image, the compressed copies,
 * the first-visit bundles (they repeat the main wasm and the parts), the whole dataset and its English
 * layer whole (they repeat the data's pieces, all precached: offline the app loads the pieces and the
 * worker joins them for the dataset's download link).
 */
export const precached = (file) =>
  !["sw.js", "_headers", "preview.png", "data/deals.json"].includes(file) && !/\.(br|gz)$/.test(file) && !bundleView(file) && !/^data\/english\./.test(file);

/** The view or entry whose own stylesheet `<entry>-<hash>.css` is (Trunk's name; release builds load it with its entry), or null. */
export const styleView = (file) => /^([a-z]+)-[0-9a-f]{16}\.css$/.exec(file)?.[1] ?? null;

/** What every view's first visit fetches besides its wasm and data. */
const common = (file) =>
  ["index.html", "manifest.webmanifest", "icons/icon-192.png"].includes(file) || /^boot-.*\.js$/.test(file) || /^deal-explorer-.*\.js$/.test(file);

/** Whether a first visit to `view` downloads `file` as its wasm: its bundle where the build has one, else the main wasm and its parts. */
const firstWasm = (rows, view) => {
  const bundled = rows.some((r) => bundleView(r.file) === view);
  return (file) => (bundled ? bundleView(file) === view : /^deal-explorer-.*_bg\.wasm$/.test(file) || (partViews(file) ?? []).includes(view));
};

/** The data files only one view fetches besides the dataset: the map's boundaries. */
const viewData = { map: ["data/boundaries.json"] };

/** The rows ({ file, … }) a first visit to `view` fetches: a view that needs every shard takes the whole dataset (`ui::load`). */
export const firstLoad = (rows, view) => {
  const shards = rows.filter((r) => shardViews(r.file));
  // A build without shards (development) has only the whole file.
  const whole = shards.every((r) => shardViews(r.file).includes(view));
  const wasm = firstWasm(rows, view);
  return rows.filter(
    (r) =>
      common(r.file) ||
      wasm(r.file) ||
      styleView(r.file) === view ||
      (viewData[view] ?? []).includes(r.file) ||
      (whole ? r.file === "data/deals.json" : (shardViews(r.file) ?? []).includes(view)),
  );
};
