#!/usr/bin/env bash
# Runs the end-to-end tests against dist/: starts the static server and
# chromedriver on loopback, runs the tests, and stops both whatever happens.
# E2E_TESTS="--test shell" picks test files; arguments after the script filter test names.
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=${DIST:-dist}
SERVE_PORT=${SERVE_PORT:-8181}
DRIVER_PORT=${DRIVER_PORT:-9515}
[ -f "$DIST/index.html" ] || { echo "e2e: $DIST/index.html missing: run 'make dist' first" >&2; exit 1; }

echo "e2e: building the test harness"
cargo build -q -p deal-explorer-e2e --bin serve-dist
cargo test -q -p deal-explorer-e2e --no-run

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

target/debug/serve-dist "$DIST" "$SERVE_PORT" /news/2026/minerals/ & pids+=($!)
/usr/bin/chromedriver --port="$DRIVER_PORT" --allowed-ips=127.0.0.1 >/dev/null 2>&1 & pids+=($!)

for _ in $(seq 1 100); do
  if curl -fs "http://127.0.0.1:$DRIVER_PORT/status" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$SERVE_PORT/" >/dev/null 2>&1; then break; fi
  sleep 0.1
done

echo "e2e: running the tests in headless Chromium"
DE_BASE_URL="http://127.0.0.1:$SERVE_PORT/" WEBDRIVER_URL="http://127.0.0.1:$DRIVER_PORT" \
  cargo test -p deal-explorer-e2e ${E2E_TESTS:-} -- --test-threads="${E2E_THREADS:-2}" "$@"
