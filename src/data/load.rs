//! From text (or a parsed tree) to a validated [`Dataset`].
//!
//! Natively, [`load_str`] parses with serde_json. In the browser the app
//! parses with `JSON.parse`, converts to [`Json`](super::json::Json) with
//! serde-wasm-bindgen, validates, then calls [`finish`] with its typed decode.

use super::model::Dataset;
use super::validate::{decode_problem, Problem};

/// The typed dataset when the tree had no problems and the typed decode
/// succeeds; otherwise every problem (or the decode error as one problem).
pub fn finish(
    tree_problems: Vec<Problem>,
    decode: impl FnOnce() -> Result<Dataset, String>,
) -> Result<Dataset, Vec<Problem>> {
    if !tree_problems.is_empty() {
        return Err(tree_problems);
    }
    decode().map_err(|message| vec![decode_problem(&message)])
}

/// Parses, validates and decodes `deals.json` text.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_str(text: &str) -> Result<Dataset, Vec<Problem>> {
    use super::json::Json;
    use super::validate::{syntax_problem, validate};

    let tree: Json = serde_json::from_str(text)
        .map_err(|e| vec![syntax_problem(&e.to_string(), e.line(), e.column())])?;
    finish(validate(&tree), || {
        serde_json::from_str(text).map_err(|e| e.to_string())
    })
}
