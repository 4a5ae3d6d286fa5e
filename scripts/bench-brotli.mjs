// Brotli at quality 11, as the release build precompresses (scripts/post-build.mjs).
// As a command, writes FILE.br next to each FILE given: the benchmarks serve
// their comparison pages and synthetic data compressed like dist/.
// Usage: node scripts/bench-brotli.mjs FILE...
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

export const brotli = (raw) =>
  brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of process.argv.slice(2)) writeFileSync(`${f}.br`, brotli(readFileSync(f)));
}
