#!/usr/bin/env bash
# Runs the native tests as a new user's first `make test` would: with an empty cargo
# cache (CARGO_HOME) and an empty target folder, so nothing an earlier run downloaded
# or built can hide a missing set-up step. Both folders are removed afterwards.
# The toolchain itself (rustup) is shared; set-up beyond cargo is not exercised here.
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
mkdir -p "$fresh/cargo-home" "$fresh/target"
echo "fresh-cargo: CARGO_HOME and CARGO_TARGET_DIR are empty folders under $fresh"
CARGO_HOME="$fresh/cargo-home" CARGO_TARGET_DIR="$fresh/target" make --no-print-directory test-native test-data
echo "fresh-cargo: the native tests pass from an empty cargo cache"
