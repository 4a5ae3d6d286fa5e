//! Fetches the bundled dataset from this deployment (never from a URL given in
//! a parameter), parses it with the browser's JSON.parse, converts the result
//! to the validator's [`Json`] tree by hand (no serde in the wasm), then runs
//! the one validator and the one decoder (`data::load::load_tree`).

use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::json::{Json, MAX_DEPTH};
use crate::data::load::load_tree;
use crate::data::model::Dataset;
use crate::data::validate::{self, Problem};

/// Where the dataset lives, relative to the page: works under any sub-path.
pub const DATA_URL: &str = "data/deals.json";

#[derive(Clone, Debug)]
pub enum LoadState {
    Loading,
    Ready(Arc<Dataset>),
    /// The file could not be fetched (offline on first visit, server error).
    Unreachable(String),
    /// The file arrived but does not validate.
    Invalid(Vec<Problem>),
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(js_message)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_message)?;
    if !response.ok() {
        return Err(format!("HTTP {} for {url}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_message)?).await.map_err(js_message)?;
    text.as_string().ok_or_else(|| "the response is not text".to_string())
}

fn js_message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Line and column (1-based) of a byte offset, for syntax errors.
fn line_column(text: &str, char_offset: usize) -> (usize, usize) {
    let before: String = text.chars().take(char_offset).collect();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Chrome's JSON.parse messages say "… at position N …" (some add line/column).
fn position_in(message: &str) -> Option<usize> {
    let rest = message.get(message.find("position ")? + "position ".len()..)?;
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

pub fn parse_and_validate(text: &str) -> Result<Dataset, Vec<Problem>> {
    let value = match js_sys::JSON::parse(text) {
        Ok(v) => v,
        Err(e) => {
            let message = js_message(e);
            let (line, column) = position_in(&message).map_or((0, 0), |p| line_column(text, p));
            return Err(vec![validate::syntax_problem(&message, line, column)]);
        }
    };
    load_tree(&to_tree(&value).map_err(|p| vec![p])?)
}

/// `JSON.parse`'s result as the validator's tree, or the nesting problem.
pub fn to_tree(value: &JsValue) -> Result<Json, Problem> {
    to_json(value, MAX_DEPTH).ok_or_else(|| validate::nesting_problem(MAX_DEPTH))
}

/// `JSON.parse`'s result as a [`Json`] tree, keys in the object's own order;
/// `None` when arrays and objects nest deeper than `depth`. Everything
/// JSON.parse returns is one of the six cases; any other value becomes null.
fn to_json(value: &JsValue, depth: usize) -> Option<Json> {
    if let Some(s) = value.as_string() {
        return Some(Json::String(s));
    }
    if let Some(n) = value.as_f64() {
        return Some(Json::Number(n));
    }
    if let Some(b) = value.as_bool() {
        return Some(Json::Bool(b));
    }
    if !value.is_object() {
        return Some(Json::Null);
    }
    let depth = depth.checked_sub(1)?;
    if let Some(items) = value.dyn_ref::<js_sys::Array>() {
        return items.iter().map(|item| to_json(&item, depth)).collect::<Option<_>>().map(Json::Array);
    }
    let object: &js_sys::Object = value.unchecked_ref();
    js_sys::Object::entries(object)
        .iter()
        .map(|entry| {
            let pair: js_sys::Array = entry.unchecked_into();
            // Object.entries gives string keys only; the default is never used.
            Some((pair.get(0).as_string().unwrap_or_default(), to_json(&pair.get(1), depth)?))
        })
        .collect::<Option<_>>()
        .map(Json::Object)
}

pub async fn load() -> LoadState {
    match fetch_text(DATA_URL).await {
        Err(e) => LoadState::Unreachable(e),
        Ok(text) => match parse_and_validate(&text) {
            Ok(ds) => LoadState::Ready(Arc::new(ds)),
            Err(problems) => LoadState::Invalid(problems),
        },
    }
}
