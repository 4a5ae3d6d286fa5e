//! From text (or a parsed tree) to a validated [`Dataset`].
//!
//! Natively, [`load_str`] parses with serde_json. In the browser the app
//! parses with `JSON.parse`, converts the result to a [`Json`] tree
//! (`ui::load`) and calls [`load_tree`]: from the tree on, both run the same code.

use super::decode::decode;
use super::json::Json;
use super::model::Dataset;
use super::validate::{validate, Problem};

/// The typed dataset when the validator finds no problem and the decode
/// succeeds; otherwise every problem (or the decode's one problem).
pub fn load_tree(tree: &Json) -> Result<Dataset, Vec<Problem>> {
    let problems = validate(tree);
    if !problems.is_empty() {
        return Err(problems);
    }
    decode(tree).map_err(|problem| vec![problem])
}

/// Parses, validates and decodes `deals.json` text.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_str(text: &str) -> Result<Dataset, Vec<Problem>> {
    use super::validate::syntax_problem;

    let tree: Json = serde_json::from_str(text)
        .map_err(|e| vec![syntax_problem(&e.to_string(), e.line(), e.column())])?;
    load_tree(&tree)
}
