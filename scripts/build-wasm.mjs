// Builds the app's wasm into Trunk's staging folder (called by post-build.mjs;
// Trunk's own Rust pipeline cannot build Leptos `#[lazy]` functions: its page
// fails with `Failed to resolve module specifier "__wasm_split_placeholder__"`).
//
// Release: the `split` feature puts each view's code behind a lazy entry
// (src/ui/views.rs); the linked module (with relocations) is cut by
// wasm-split-cli into the main module, one part per view and shared parts for
// code several views use; wasm-bindgen writes the main module's JS glue
// (keeping the exports the parts link against) and wasm-opt shrinks every module.
// Development (`trunk serve`): one module, no split, no wasm-opt.
//
// Every file is named by its content's hash, so a browser never mixes two
// builds' files. A part's name lists the views that use it
// (`part-calculator-deals-<hash>.wasm`): the size test, the benchmark and the
// end-to-end tests read each view's first load from the names.
//
// A first visit (no service worker yet) downloads one file per view instead of
// the main module and that view's parts: its first-visit bundle
// `first-<view>-<hash>.bin` (one compression context, one request; see
// `packBundle` for its layout). The split loader takes a part from the bundle
// the boot script unpacked, else fetches the part's own file.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PART_HASH, STYLED, VIEWS } from "./parts.mjs";
import { minifyJs } from "./minify.mjs";
import { dropExports, dropNullElements, exportNames, renameExports, renameImports, shortName } from "./wasm-names.mjs";

const NAME = "deal-explorer";
const TARGET = "wasm32-unknown-unknown";
const root = fileURLToPath(new URL("..", import.meta.url));
export const hash = (buf) => createHash("sha256").update(buf).digest("hex").slice(0, 16);

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`build-wasm: ${cmd} ${args.join(" ")} failed (${r.error || `exit ${r.status}`})`);
};

/// Which entries a split module serves: `split_<entry>` is an entry's own part
/// (a view, or `extras`: src/ui/views.rs); a shared `chunk_<n>` is
/// preceded in the loader by a comment naming the entries that use it.
function viewsOf(loader, file) {
  const own = /^split_([a-z]+)(?:_\d+)?\.wasm$/.exec(file);
  if (own) return [own[1]];
  const chunk = /^chunk_(\d+)\.wasm$/.exec(file);
  const users = chunk && new RegExp(`/\\* ([^*]+) \\*/\\s*const __chunk_${chunk[1]} =`).exec(loader);
  if (!users) throw new Error(`build-wasm: the split loader changed shape; no users for ${file}`);
  return users[1].split(",").map((s) => s.trim().replace(/_\d+$/, "")).sort();
}

/// A first-visit bundle: a 4-byte little-endian length N, N bytes of UTF-8 JSON
/// listing each file's byte length in order (the main wasm first, then the view's
/// parts in the build's list order), then each file's bytes one after the other.
/// The names are not in it: its readers have the build's lists (the boot script's parts
/// per view, the service worker's BUNDLES), and 20 to 40 hashed names cost a first visit 0.7 KB brotli.
function packBundle(files) {
  const header = Buffer.from(JSON.stringify(files.map(([, bytes]) => bytes.length)));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  return Buffer.concat([size, header, ...files.map(([, bytes]) => bytes)]);
}

/// Reads a first-visit bundle (`packBundle`) of the files `names`: [[file name, bytes]…],
/// or throws where it is not whole. The boot script and the service worker run this very
/// function (post-build.mjs writes its source into both).
export function unpackBundle(buffer, names) {
  const bytes = new Uint8Array(buffer);
  const size = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  let at = 4 + size;
  const lengths = JSON.parse(new TextDecoder().decode(bytes.subarray(4, at)));
  if (lengths.length !== names.length) throw new Error("a bundle of other files");
  const files = names.map((name, i) => [name, bytes.subarray(at, (at += lengths[i]))]);
  if (at !== bytes.length) throw new Error("a bundle of the wrong length");
  return files;
}

/// What the split loader runs first: the build's part files (`PARTS`, by index), the
/// parts each view's first visit needs (`VIEW_PARTS`, indices; the boot script reads them
/// through `__de_parts_of` rather than carrying every hashed name a second time), and the
/// parts a first-visit bundle brought (handed over by the boot script through
/// `__de_bundled_parts`), each answered once with its bytes (`instantiatePart`); any other part is fetched. And each view's own stylesheet
/// (the page's `de-view-styles` meta: scripts/post-build.mjs): a view's entry resolves once
/// its part and its stylesheet have loaded (`wrapStyled`), so it never shows unstyled; the
/// link goes where the meta is, keeping index.html's order of styles.
const loaderPrelude = (names, viewParts) => `const PARTS = ${JSON.stringify(names)};
const VIEW_PARTS = ${JSON.stringify(viewParts)};
export function __de_parts_of(view) {
    return (Object.hasOwn(VIEW_PARTS, view) ? VIEW_PARTS[view] : VIEW_PARTS.deals || []).map((i) => PARTS[i]);
}
const bundledParts = new Map();
export function __de_bundled_parts(parts) {
    for (const [name, bytes] of parts) bundledParts.set(name, bytes);
}
function fetchPart(index) {
    const name = PARTS[index];
    const bytes = bundledParts.get(name);
    if (!bytes) return fetch(new URL("./" + name, import.meta.url));
    bundledParts.delete(name);
    return Promise.resolve(bytes);
}
// A fetched part compiles as it streams in; one the bundle brought compiles from its bytes:
// streaming bytes already in memory decodes them all on the main thread in one task
// (11-15 ms for a deals visit's parts, four times that in Lighthouse's mobile run).
async function instantiatePart(src, imports) {
    const part = await src;
    return part instanceof Response ? WebAssembly.instantiateStreaming(part, imports) : WebAssembly.instantiate(part, imports);
}
const viewStyles = new Map();
export function __de_view_style(view) {
    const meta = document.querySelector('meta[name="de-view-styles"]');
    const href = meta?.content.split(" ").find((entry) => entry.startsWith(view + "="))?.slice(view.length + 1);
    if (!href) return Promise.resolve();
    if (!viewStyles.has(view)) {
        const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
        viewStyles.set(view, new Promise((resolve, reject) => {
            link.onload = resolve;
            link.onerror = () => {
                link.remove();
                viewStyles.delete(view);
                reject(new Error("stylesheet " + href));
            };
        }));
        meta.before(link);
    }
    return viewStyles.get(view);
}
const wrapStyled = (view, load) => wrapAsyncCb(() => Promise.all([load(), __de_view_style(view)]));
`;

/// The wasm import modules of the main module: wasm-bindgen's (the glue's functions)
/// and the split loader's (its `__wasm_split_load_<entry>` exports, whose names the
/// loader keeps). Release builds give both a one-letter name, and wasm-bindgen's
/// functions short names too (scripts/wasm-names.mjs), in the wasm and in the glue.
const GLUE_MODULE = `./${NAME}_bg.js`;
const LOADER_MODULE = "./__wasm_split.js";

function shortImports(wasmBytes, glue) {
  const modules = new Map([[GLUE_MODULE, "a"], [LOADER_MODULE, "b"]]);
  const { bytes, fields } = renameImports(wasmBytes, modules, new Set([GLUE_MODULE]));
  for (const [old, short] of fields.get(GLUE_MODULE)) {
    // Each name is the key of its function in the glue's import object, and nothing else.
    const key = new RegExp(`^(\\s+)${old}:`, "m");
    if (glue.split(old).length !== 2 || !key.test(glue)) throw new Error(`build-wasm: the glue names ${old} other than once as a key`);
    glue = glue.replace(key, `$1${short}:`);
  }
  const moduleKey = (name) => new RegExp(`^(\\s+)"${name.replaceAll(".", "\\.")}":`, "gm");
  for (const [old, short] of modules) {
    if (!moduleKey(old).test(glue)) throw new Error(`build-wasm: the glue's imports lack the module ${old}`);
    glue = glue.replace(moduleKey(old), `$1${short}:`);
  }
  return { bytes, glue };
}

/// The main module's exports no caller uses: wasm-streams' three `#[wasm_bindgen]` classes
/// (`IntoUnderlyingSource`, `…Sink`, `…ByteSource`: leptos's server functions bring the
/// crate; this app has none, and neither the glue's imports nor the app construct them).
/// Exports are roots: dropped before wasm-opt, their code goes too (1.2 KB brotli), and
/// their classes leave the glue.
const UNUSED_EXPORT = /^(__wbg_)?intounderlying/;

function dropUnusedExports(wasmBytes, glue) {
  const { bytes, dropped } = dropExports(wasmBytes, (name) => UNUSED_EXPORT.test(name));
  if (dropped.length === 0) throw new Error("build-wasm: no wasm-streams export to drop (update UNUSED_EXPORT)");
  for (const [, name] of glue.matchAll(/^export class (IntoUnderlying\w+) \{/gm)) {
    const parts = [
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?\\n\\}\\n(if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n)?`, "m"),
      new RegExp(`^const ${name}Finalization = [^;]*;\\n`, "m"),
    ];
    for (const part of parts) {
      if (!part.test(glue)) throw new Error(`build-wasm: the glue's ${name} changed shape`);
      glue = glue.replace(part, "");
    }
  }
  if (/intounderlying/i.test(glue)) throw new Error("build-wasm: the glue still names a dropped wasm-streams export");
  return { bytes, glue };
}

/// The main module's exports the split loader hands to every part (the parts import them
/// from `__wasm_split` by these names); the glue reads the others as `wasm.<name>`.
const SPLIT_EXPORTS = new Set(["memory", "__indirect_function_table", "__wasm_split_shared0"]);
const glueReads = (name) => new RegExp(`\\bwasm\\.${name.replace(/[$]/g, "\\$&")}\\b`, "g");

/// The exports nobody reads (lld's `main`, `__heap_base`, `__data_end`, wasm-bindgen's
/// `__abort_handler`, `__instance_terminated`: `--keep-lld-exports` keeps them all), dropped before wasm-opt.
function dropUnreadExports(wasmBytes, glue) {
  return dropExports(wasmBytes, (name) => !SPLIT_EXPORTS.has(name) && !glueReads(name).test(glue)).bytes;
}

/// The exports the glue reads get short names, in the wasm and in the glue: closures' mangled
/// names with their hashes (`_ZN12wasm_bindgen7convert8closures1_6invoke17h…E`), and
/// `__wbindgen_malloc` and its kind, which the glue names 30 times. (The glue's own functions
/// of the closures' names are local: the minifier shortens them.)
function shortExports(wasmBytes, glue) {
  const names = new Map(exportNames(wasmBytes).filter((name) => !SPLIT_EXPORTS.has(name)).map((name, i) => [name, shortName(i)]));
  for (const [old, short] of names) {
    if (!glueReads(old).test(glue)) throw new Error(`build-wasm: the glue does not read the export ${old}`);
    glue = glue.replace(glueReads(old), `wasm.${short}`);
  }
  return { bytes: renameExports(wasmBytes, names), glue };
}

/// Builds into `dir`; returns the glue's and the main wasm's file names and
/// each entry's part files and each view's first-visit bundle (none in development).
export async function buildWasm(dir, release) {
  const work = join(root, "target", "build-wasm", release ? "release" : "debug");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const cargo = ["build", "--locked", "--target", TARGET, "--bin", NAME];
  if (process.env.TRUNK_OFFLINE === "true") cargo.push("--offline");
  if (release) {
    // wasm-split needs the linker's relocations to move functions between modules.
    cargo.push("--release", "--features", "split", "--config", `target.${TARGET}.rustflags=["-Clink-args=--emit-relocs"]`);
  }
  run("cargo", cargo);
  const linked = join(root, "target", TARGET, release ? "release" : "debug", `${NAME}.wasm`);

  let main = linked;
  const parts = []; // [file in work/split, its views]
  let loader = null;
  if (release) {
    const split = join(work, "split");
    run("wasm-split-cli", [linked, split, "--target", "web", "--out-name", NAME]);
    main = join(split, `${NAME}.wasm`);
    loader = readFileSync(join(split, "__wasm_split.js"), "utf8");
    for (const file of readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== `${NAME}.wasm`).sort()) {
      parts.push([file, viewsOf(loader, file)]);
    }
    if (!parts.some(([f]) => f.startsWith("split_"))) throw new Error("build-wasm: wasm-split-cli made no view part");
  }
  const pkg = join(work, "pkg");
  const bindgen = ["--target", "web", "--no-typescript", "--out-dir", pkg, "--out-name", NAME];
  // The parts import the main module's own exports (memory, table, functions
  // they share): wasm-bindgen must keep them, and their names as the linker wrote them.
  if (release) bindgen.push("--keep-lld-exports", "--no-demangle");
  run("wasm-bindgen", [...bindgen, main]);

  const opt = (file) => run("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", file, "-o", file]);
  const mainWasm = join(pkg, `${NAME}_bg.wasm`);
  let wasmBytes = readFileSync(mainWasm);
  let glue = readFileSync(join(pkg, `${NAME}.js`), "utf8");
  if (release) {
    ({ bytes: wasmBytes, glue } = dropUnusedExports(wasmBytes, glue));
    writeFileSync(mainWasm, dropUnreadExports(wasmBytes, glue));
    opt(mainWasm);
    ({ bytes: wasmBytes, glue } = shortImports(readFileSync(mainWasm), glue));
    ({ bytes: wasmBytes, glue } = shortExports(dropNullElements(wasmBytes).bytes, glue));
  }
  const wasmName = `${NAME}-${hash(wasmBytes)}_bg.wasm`;
  writeFileSync(join(dir, wasmName), wasmBytes);

  // Each entry's part files (its own and the shared ones it needs), for the boot
  // script to fetch the first view's beside the main module.
  const partsOf = {};
  const partBytes = new Map();
  let instantiations = 0; // the loader's part fetches replaced by fetchPart
  if (release) {
    for (const [file, views] of parts) {
      const path = join(work, "split", file);
      opt(path);
      const bytes = readFileSync(path);
      // 8 hex digits, not 16: the split loader lists every part's name (151), and a name only has to
      // change with its bytes (the service worker checks each file against its full hash).
      const name = `part-${views.join("-")}-${hash(bytes).slice(0, PART_HASH)}.wasm`;
      if (partBytes.has(name) && !partBytes.get(name).equals(bytes)) throw new Error(`build-wasm: two parts' names collide: ${name}`);
      writeFileSync(join(dir, name), bytes);
      for (const view of views) (partsOf[view] ??= []).push(name);
      const ref = `fetch(new URL("./${file}", import.meta.url))`;
      if (!loader.includes(ref)) throw new Error(`build-wasm: the split loader does not fetch ${file} as expected`);
      // A part's index in the loader's PARTS (two parts of the same bytes and views share a file).
      const index = partBytes.has(name) ? [...partBytes.keys()].indexOf(name) : partBytes.size;
      loader = loader.replaceAll(ref, `fetchPart(${index})`);
      instantiations += 1;
      partBytes.set(name, bytes);
    }
    // Every part through instantiatePart (the prelude), which takes fetchPart's bytes or response.
    const streaming = "WebAssembly.instantiateStreaming(src, imports)";
    if (loader.split(streaming).length - 1 !== instantiations) throw new Error("build-wasm: the split loader does not instantiate each part as expected");
    loader = loader.replaceAll(streaming, "instantiatePart(src, imports)");
    const imports = /^(import [^\n]*\n)/.exec(loader);
    if (!imports) throw new Error("build-wasm: the split loader does not start with its import");
    const names = [...partBytes.keys()];
    const viewParts = Object.fromEntries(VIEWS.filter((v) => partsOf[v]).map((v) => [v, partsOf[v].map((n) => names.indexOf(n))]));
    loader = imports[1] + loaderPrelude(names, viewParts) + loader.slice(imports[1].length);
    for (const view of new Set([...VIEWS, ...STYLED])) {
      const entry = `export const __wasm_split_load_${view} = wrapAsyncCb(`;
      if (!loader.includes(entry)) throw new Error(`build-wasm: the split loader has no entry ${view} as expected`);
      loader = loader.replace(entry, `export const __wasm_split_load_${view} = wrapStyled("${view}", `);
    }
    // Each view's first visit in one file: the main wasm and every part the view needs
    // (the boot script knows the names: the main wasm's, and the view's from the loader's __de_parts_of).
    const bundles = {};
    for (const view of VIEWS.filter((v) => partsOf[v])) {
      const files = [[wasmName, wasmBytes], ...partsOf[view].map((name) => [name, partBytes.get(name)])];
      const bundle = packBundle(files);
      const back = unpackBundle(bundle, files.map(([name]) => name));
      if (back.length !== files.length || back.some(([name, bytes], i) => name !== files[i][0] || !Buffer.from(bytes).equals(files[i][1]))) {
        throw new Error(`build-wasm: the ${view} bundle does not read back as written`);
      }
      bundles[view] = `first-${view}-${hash(bundle)}.bin`;
      writeFileSync(join(dir, bundles[view]), bundle);
    }
    glue = await minifyJs(glue, { module: true });
    loader = await minifyJs(loader, { module: true });
    // The glue and the loader import each other: one hash over both names them.
    const pair = hash(glue + loader);
    const loaderName = `${NAME}-${pair}-split.js`;
    const importOf = (file) => new RegExp(`\\bfrom\\s*"\\./${file.replaceAll(".", "\\.")}"`, "g");
    if (!importOf("__wasm_split.js").test(glue) || !importOf(`${NAME}.js`).test(loader)) {
      throw new Error("build-wasm: the glue or the split loader changed shape");
    }
    // Only the import statements (the wasm's import modules are "a" and "b": shortImports).
    glue = glue.replace(importOf("__wasm_split.js"), `from"./${loaderName}"`);
    loader = loader.replace(importOf(`${NAME}.js`), `from"./${NAME}-${pair}.js"`);
    writeFileSync(join(dir, loaderName), loader);
    writeFileSync(join(dir, `${NAME}-${pair}.js`), glue);
    return { glue: `${NAME}-${pair}.js`, loader: loaderName, wasm: wasmName, parts: partsOf, bundles };
  }
  const glueName = `${NAME}-${hash(glue)}.js`;
  writeFileSync(join(dir, glueName), glue);
  return { glue: glueName, loader: null, wasm: wasmName, parts: partsOf, bundles: {} };
}
