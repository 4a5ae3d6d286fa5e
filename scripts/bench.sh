#!/usr/bin/env bash
# `make bench`: sizes of the release build, then the speed figures of the
# filter engine and the timeline layout, natively and in headless Chromium.
# Targets are read by people from this output; no test asserts a timing.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Sizes of dist/ (first load fetches every file but sw.js and the icons) =="
node scripts/sizes.mjs dist

for bench in $(ls benches/*.rs 2>/dev/null | xargs -n1 basename | sed 's/\.rs$//'); do
  echo
  echo "== Native benchmark: $bench (release build) =="
  cargo bench -q --bench "$bench"
done

if ls tests/wasm_*bench*.rs >/dev/null 2>&1; then
  echo
  echo "== In headless Chromium (wasm, release profile) =="
  CHROMEDRIVER=/usr/bin/chromedriver cargo test --release -p deal-explorer --target wasm32-unknown-unknown --test 'wasm_*bench*' -- --nocapture 2>&1 | grep -v '^$'
fi

echo
echo "== In headless Chromium: frames while zooming the timeline, keystrokes in the explorer =="
E2E_TESTS="--test bench_browser" scripts/e2e.sh --ignored --nocapture 2>&1 | grep '^bench:'

echo
echo "== Lighthouse (default mobile emulation, Debian Chromium), ?view=deals served with brotli =="
[ -x .tools/bench/node_modules/.bin/lighthouse ] || npm install --silent --no-audit --no-fund --prefix .tools/bench lighthouse@12 >/dev/null
cargo build -q -p deal-explorer-e2e --bin serve-dist
target/debug/serve-dist dist 8199 >/dev/null 2>&1 & server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 0.5
CHROME_PATH=/usr/bin/chromium .tools/bench/node_modules/.bin/lighthouse "http://127.0.0.1:8199/?view=deals" --quiet \
  --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
  --only-categories=performance,accessibility,best-practices,seo --output=json --output-path=target/lighthouse.json >/dev/null 2>&1
node -e '
const r = require("./target/lighthouse.json");
const c = r.categories, a = r.audits;
console.log(Object.keys(c).map((k) => `${k} ${Math.round(c[k].score * 100)}`).join(" · "));
console.log(["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"].map((k) => `${a[k].title}: ${a[k].displayValue}`).join(" · "));
'
