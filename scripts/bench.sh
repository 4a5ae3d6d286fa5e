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
