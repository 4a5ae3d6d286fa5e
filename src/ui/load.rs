//! Fetches the bundled dataset from this deployment (never from a URL given in
//! a parameter), parses it with the browser's JSON.parse, and runs the one validator.

use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::json::Json;
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
    let tree: Json = match serde_wasm_bindgen::from_value(value.clone()) {
        Ok(t) => t,
        Err(e) => return Err(vec![validate::decode_problem(&e.to_string())]),
    };
    crate::data::load::finish(validate::validate(&tree), || {
        serde_wasm_bindgen::from_value::<Dataset>(value).map_err(|e| e.to_string())
    })
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
