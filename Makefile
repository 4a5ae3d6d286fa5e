# Deal Explorer: every set-up step lives here, so a fresh machine needs only
#   make serve   run the explorer on http://127.0.0.1:8080
#   make test    install what the tests need and run them all
# Each install step checks first and installs nothing when the tool is there.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
TOOLS := $(CURDIR)/.tools
export PATH := $(TOOLS)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_OFFLINE := true

TRUNK_VERSION := 0.21.14
# Cuts the release wasm into a main module and a part per view (scripts/build-wasm.mjs).
WASM_SPLIT_VERSION := 0.2.4
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)

FUZZ_CASES ?= 200000

.PHONY: preview fuzz setup fetch test-fresh-cargo wasm-target trunk wasm-split wasm-bindgen wasm-opt browser serve dist test test-native test-data test-wasm test-e2e bench lint clean

setup: fetch wasm-target trunk wasm-split wasm-bindgen wasm-opt

# Every crate of the workspace, for every target (wasm-only dev-dependencies included), into the
# cargo cache: tests/licences.rs reads `cargo metadata --offline`, and the builds run offline.
fetch:
	@cargo fetch --locked

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || { echo "setup: adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }

trunk:
	@trunk --version 2>/dev/null | grep -q " $(TRUNK_VERSION)" || { echo "setup: building Trunk $(TRUNK_VERSION) (about 8 minutes, once)"; cargo install trunk --version $(TRUNK_VERSION) --locked; }

wasm-split:
	@cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):" || { echo "setup: building wasm-split-cli $(WASM_SPLIT_VERSION) (a few minutes, once)"; cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary; }

wasm-bindgen:
	@wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)" || { echo "setup: building wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }

# Node tools in .tools/: wasm-opt (binaryen) and terser (scripts/minify.mjs) for builds,
# axe-core for accessibility tests.
wasm-opt:
	@{ test -x $(TOOLS)/node_modules/.bin/wasm-opt && test -f $(TOOLS)/node_modules/axe-core/axe.min.js && test -f $(TOOLS)/node_modules/terser/package.json; } || { echo "setup: installing wasm-opt (npm binaryen), terser and axe-core into .tools/"; cd $(TOOLS) && npm ci --no-audit --no-fund; }

# poppler-utils: pdftotext, with which the print test reads the PDFs back.
browser:
	@{ test -x /usr/bin/chromium && test -x /usr/bin/chromedriver && test -x /usr/bin/pdftotext; } || { echo "setup: installing Debian's chromium, chromium-driver and poppler-utils"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null; }

# Development builds are not split (one wasm module, no wasm-opt): scripts/build-wasm.mjs.
serve: setup
	@mkdir -p target
	trunk serve --offline

dist: setup
	@echo "dist: release build (split per view, wasm-opt -Oz)"
	trunk build --release --offline

test: setup browser lint test-native test-data fuzz test-wasm dist test-e2e

test-native: fetch
	@echo "test: native unit, property and integration tests"
	cargo test -p deal-explorer

test-data: fetch
	@echo "test: the validator on the bundled dataset"
	cargo run -q --bin validate-data -- public/data/deals.json

fuzz:
	@echo "test: fuzzing URL state, calculator numbers and dataset loading ($(FUZZ_CASES) cases)"
	cargo run -q --profile fuzz -p deal-explorer-fuzz -- $(FUZZ_CASES)

test-wasm: browser
	@echo "test: wasm-bindgen tests in headless Chromium"
	CHROMEDRIVER=/usr/bin/chromedriver cargo test -p deal-explorer --target wasm32-unknown-unknown --test wasm_ui

test-e2e: browser
	@echo "test: end-to-end tests of dist/ in headless Chromium"
	scripts/e2e.sh

# The link-preview picture (public/preview.png, committed): drawn from the dataset by the local
# headless Chromium. Run after a dataset release or a design change; builds and tests only read it.
preview: browser
	node scripts/make-preview.mjs

bench: setup browser dist
	scripts/bench.sh

# unwrap/expect/indexing are denied outside tests (Cargo.toml [lints], clippy.toml).
lint:
	@echo "test: clippy, warnings denied, native and wasm"
	cargo clippy -q -p deal-explorer --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -q -p deal-explorer --target wasm32-unknown-unknown --features split -- -D warnings
	cargo clippy -q -p deal-explorer --all-targets -- -D warnings

# The native tests once as on a fresh machine: an empty cargo cache (CARGO_HOME) and target folder.
test-fresh-cargo:
	scripts/fresh-cargo.sh

clean:
	cargo clean
	rm -rf dist
