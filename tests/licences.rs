//! Supply chain: every crate that ships in the app (the wasm build's normal
//! dependencies, and the native validator's) is listed with its licence in the
//! README, every licence is one we accept, and none comes from git. Runs
//! offline (`cargo metadata --offline`) over the cargo cache that `make fetch`
//! fills (every target's crates, the wasm-only dev-dependencies too).

// A test: a panic here is a failure report, not a bug on an input path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::Value;

/// Licences compatible with publishing the app under MIT.
const ACCEPTED: &[&str] = &["MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib", "Unicode-3.0", "Unlicense", "CC0-1.0", "MIT-0", "Apache-2.0 WITH LLVM-exception", "BSL-1.0"];

fn metadata(platform: &str) -> Value {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--offline", "--format-version", "1", "--filter-platform", platform])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "cargo metadata --offline failed (run `make fetch` or `cargo fetch` first):\n{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("metadata is JSON")
}

/// name → (version, licence, source) of the crates reachable from deal-explorer through normal dependencies.
fn shipped(platform: &str) -> BTreeMap<String, (String, String, String)> {
    let m = metadata(platform);
    let packages: BTreeMap<&str, &Value> = m["packages"].as_array().unwrap().iter().map(|p| (p["id"].as_str().unwrap(), p)).collect();
    let nodes: BTreeMap<&str, &Value> = m["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let root = packages.values().find(|p| p["name"] == "deal-explorer").unwrap()["id"].as_str().unwrap();
    let mut seen = vec![root];
    let mut i = 0;
    while let Some(id) = seen.get(i).copied() {
        i += 1;
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null());
            let pkg = dep["pkg"].as_str().unwrap();
            if normal && !seen.contains(&pkg) {
                seen.push(pkg);
            }
        }
    }
    seen.iter()
        .skip(1)
        .map(|id| {
            let p = packages[id];
            let field = |k: &str| p[k].as_str().unwrap_or("").to_string();
            (field("name"), (field("version"), field("license"), field("source")))
        })
        .collect()
}

fn accepted(expr: &str) -> bool {
    // "MIT OR Apache-2.0", "(MIT OR Apache-2.0) AND Unicode-3.0", "MIT/Apache-2.0"
    let expr = expr.replace(['(', ')'], "");
    expr.split(" AND ").all(|alt| alt.split([' ', '/']).filter(|t| *t != "OR" && !t.is_empty()).any(|id| ACCEPTED.contains(&id)) || ACCEPTED.contains(&alt.trim()))
}

#[test]
fn dependency_licences_are_listed_accepted_and_from_the_registry() {
    let mut all = shipped("wasm32-unknown-unknown");
    all.extend(shipped("x86_64-unknown-linux-gnu"));
    let mut table = String::from("| crate | version | licence |\n| --- | --- | --- |\n");
    for (name, (version, licence, source)) in &all {
        assert!(source.starts_with("registry+"), "{name} does not come from crates.io: {source}");
        assert!(accepted(licence), "{name} {version} has a licence we do not accept: {licence:?}");
        table.push_str(&format!("| {name} | {version} | {licence} |\n"));
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let listed = readme
        .split("<!-- licences:start -->\n")
        .nth(1)
        .and_then(|rest| rest.split("<!-- licences:end -->").next())
        .unwrap_or_default();
    assert_eq!(listed, table, "README's dependency licences are out of date; replace the section with:\n{table}");
}
