#!/usr/bin/env bash
# `make bench`: sizes of the release build, the speed figures of the filter
# engine and the timeline layout (natively and in headless Chromium), the
# side-by-side comparison with TimelineJS and DataTables + jQuery, Lighthouse,
# and at the end one table of all of it (scripts/bench-table.mjs).
# Each step also keeps its output in target/bench/ for that table.
# Targets are read by people from this output; no test asserts a timing.
# LIGHTHOUSE_PORT (default 8199), SERVE_PORT and DRIVER_PORT (scripts/e2e.sh)
# let several runs share a machine; BENCH_RUNS (default 5) sets the page loads
# per side in the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/bench
LIGHTHOUSE_PORT=${LIGHTHOUSE_PORT:-8199}
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.json

echo "== Sizes of dist/ (every file; then what a first visit to each view fetches: its bundle of the main wasm and its parts, page, loader, data) =="
node scripts/sizes.mjs dist "$OUT/sizes.json"

for bench in $(ls benches/*.rs 2>/dev/null | xargs -n1 basename | sed 's/\.rs$//'); do
  echo
  echo "== Native benchmark: $bench (release build) =="
  cargo bench -q --bench "$bench" | tee "$OUT/native-$bench.txt"
done

if ls tests/wasm_*bench*.rs >/dev/null 2>&1; then
  echo
  echo "== In headless Chromium (wasm, release profile) =="
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --release -p deal-explorer --target wasm32-unknown-unknown --test 'wasm_*bench*' -- --nocapture 2>&1 | grep -v '^$' | tee "$OUT/wasm.txt"
fi

# Benchmark tools from npm, at pinned versions, into .tools/bench (gitignored).
# The comparison libraries: their current npm builds when pinned (npm view).
BENCH_NPM=(lighthouse@12 @knight-lab/timelinejs@3.9.11 datatables.net@3.1.5 datatables.net-dt@3.1.2 jquery@4.0.0)
missing=()
for spec in "${BENCH_NPM[@]}"; do
  name=${spec%@*} want=${spec##*@}
  have=$(node -p "try { require('./.tools/bench/node_modules/$name/package.json').version } catch { '' }")
  [[ "$have" == "$want" || "$have" == "$want".* ]] || missing+=("$spec")
done
if ((${#missing[@]})); then
  echo
  echo "bench: installing ${missing[*]} into .tools/bench"
  npm install --silent --no-audit --no-fund --save-exact --prefix .tools/bench "${missing[@]}" >/dev/null
fi

echo
echo "== In headless Chromium: frames while zooming the timeline, keystrokes in the explorer; side by side with TimelineJS and DataTables + jQuery (4× CPU throttling) =="
node scripts/bench-compare-site.mjs
E2E_TESTS="--test bench_browser --test bench_compare" scripts/e2e.sh --ignored --nocapture 2>&1 | grep '^bench:' | tee "$OUT/browser.txt"

echo
echo "== Lighthouse (default mobile emulation, Debian Chromium), ?view=deals served with brotli =="
cargo build -q -p deal-explorer-e2e --bin serve-dist
target/debug/serve-dist dist "$LIGHTHOUSE_PORT" >/dev/null 2>&1 & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 0.5
CHROME_PATH=/usr/bin/chromium .tools/bench/node_modules/.bin/lighthouse "http://127.0.0.1:$LIGHTHOUSE_PORT/?view=deals" --quiet \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
  --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$OUT/lighthouse.json" >/dev/null 2>&1
node -e '
const r = require("./'"$OUT"'/lighthouse.json");
const c = r.categories, a = r.audits;
console.log(Object.keys(c).map((k) => `${k} ${Math.round(c[k].score * 100)}`).join(" · "));
console.log(["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"].map((k) => `${a[k].title}: ${a[k].displayValue}`).join(" · "));
'

echo
node scripts/bench-table.mjs "$OUT"
