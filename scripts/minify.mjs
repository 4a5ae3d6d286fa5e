// Minifies the JavaScript a release build ships (the wasm-bindgen glue, the split
// loader, the boot script, the service worker) with terser, installed in .tools/
// by `make setup`. Development builds ship it as written (readable, and no wait).
// terser over esbuild: the same sizes within 0.1 KB brotli (terser 0.1 KB smaller on
// the split loader), pure JavaScript (no platform binary, no install script), 5 MB installed.
import { createRequire } from "node:module";

const require = createRequire(new URL("../.tools/package.json", import.meta.url));

/// The minified source; `module`: an ES module (imports, exports, top-level await),
/// else a classic script (the service worker), whose top-level names no other script reads.
export async function minifyJs(source, { module }) {
  const { minify } = require("terser");
  const out = await minify(source, {
    module,
    toplevel: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  if (typeof out.code !== "string" || out.code.length === 0) throw new Error("minify: terser returned no code");
  return out.code;
}
