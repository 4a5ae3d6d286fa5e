//! Fetches the bundled dataset from this deployment (never from a URL given in
//! a parameter) and loads it through the same path as the validator CLI
//! (`data::load`: Rust parser, one validator, one decoder), one step per task.

use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::load::{self as steps, load_text};
use crate::data::model::Dataset;
use crate::data::validate::Problem;

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

thread_local! {
    /// The dataset's response on its way (`start_download`), for `load` to take.
    static DOWNLOAD: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Starts the dataset's download before the app mounts: the turns the browser
/// takes to answer the request then pass while the app mounts, not after it.
pub fn start_download() {
    if let Some(window) = web_sys::window() {
        let response = window.fetch_with_str(DATA_URL);
        DOWNLOAD.with(|d| *d.borrow_mut() = Some(response));
    }
}

/// The dataset's text: the download `start_download` began, or a new one.
async fn fetch_text() -> Result<String, String> {
    let url = DATA_URL;
    let started = DOWNLOAD.with(|d| d.borrow_mut().take());
    let response = match started {
        Some(response) => response,
        None => web_sys::window().ok_or("no window")?.fetch_with_str(url),
    };
    let response = JsFuture::from(response).await.map_err(js_message)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_message)?;
    if !response.ok() {
        return Err(format!("HTTP {} for {url}", response.status()));
    }
    // The bytes, copied into wasm memory in one piece and read as UTF-8 here:
    // `text()` would decode them to a JS string and the string would then be
    // encoded back to UTF-8 on its way in (measured: 25 ms on a throttled phone).
    let bytes = JsFuture::from(response.array_buffer().map_err(js_message)?).await.map_err(js_message)?;
    Ok(steps::body_text(js_sys::Uint8Array::new(&bytes).to_vec()))
}

fn js_message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Numbers the parser's exact fast path leaves (over 15 digits, big exponents):
/// the engine's own correctly rounding parser, so the wasm needs none.
fn engine_number(literal: &str) -> Option<f64> {
    let x = js_sys::Number::parse_float(literal);
    x.is_finite().then_some(x)
}

/// Parses (in Rust, one pass), validates and decodes the dataset text.
pub fn parse_and_validate(text: &str) -> Result<Dataset, Vec<Problem>> {
    load_text(text, engine_number)
}

/// Fetches and loads the dataset. Parsing, validating and decoding each take
/// tens of milliseconds on a throttled phone (the wasm is not yet optimised on
/// first run): between them the browser gets a turn, so no task blocks for long.
pub async fn load() -> LoadState {
    let text = match fetch_text().await {
        Ok(text) => text,
        Err(e) => return LoadState::Unreachable(e),
    };
    crate::ui::mark("de:fetched");
    let loaded = async {
        let tree = steps::parse(&text, engine_number)?;
        drop(text);
        crate::ui::mark("de:parsed");
        crate::ui::yield_to_browser().await;
        steps::check(&tree)?;
        crate::ui::mark("de:checked");
        crate::ui::yield_to_browser().await;
        let ds = steps::decode_checked(&tree);
        crate::ui::mark("de:decoded");
        ds
    };
    match loaded.await {
        Ok(ds) => LoadState::Ready(Arc::new(ds)),
        Err(problems) => LoadState::Invalid(problems),
    }
}
