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

/// Why the data cannot be shown when the validator's wasm part did not arrive
/// (a technical detail under the translated panel, like an HTTP status).
const VALIDATOR_MISSING: &str = "the validator's wasm part could not be fetched";

/// Where the release build records the SHA-256 of the dataset it validated (scripts/post-build.mjs).
const VALIDATED_META: &str = "meta[name=de-data-validated]";

/// Whether these bytes are the ones the release build validated: their
/// SHA-256 (the browser's own `crypto.subtle`) against the digest in the page.
/// Started as the bytes arrive and read after parsing, so the digest's round
/// trip overlaps the parse. Pages without the record, insecure origins (no
/// `crypto.subtle`) and any failure answer no, and the app validates.
fn validated_at_build(bytes: &js_sys::ArrayBuffer) -> Option<impl std::future::Future<Output = bool>> {
    let window = web_sys::window()?;
    let recorded = window.document()?.query_selector(VALIDATED_META).ok()??.get_attribute("content")?;
    if !window.is_secure_context() {
        return None;
    }
    let digest = JsFuture::from(window.crypto().ok()?.subtle().digest_with_str_and_buffer_source("SHA-256", bytes).ok()?);
    Some(async move {
        match digest.await {
            Ok(digest) => steps::validated_at_build(&recorded, &js_sys::Uint8Array::new(&digest).to_vec()),
            Err(_) => false,
        }
    })
}

/// The dataset's text (the download `start_download` began, or a new one), and
/// whether the release build validated these very bytes (answered later).
async fn fetch_text() -> Result<(String, Option<impl std::future::Future<Output = bool>>), String> {
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
    let bytes: js_sys::ArrayBuffer =
        JsFuture::from(response.array_buffer().map_err(js_message)?).await.map_err(js_message)?.unchecked_into();
    let validated = validated_at_build(&bytes);
    Ok((steps::body_text(js_sys::Uint8Array::new(&bytes).to_vec()), validated))
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
    let (text, validated) = match fetch_text().await {
        Ok(fetched) => fetched,
        Err(e) => return LoadState::Unreachable(e),
    };
    crate::ui::paint::mark("de:fetched");
    let loaded = async {
        let tree = steps::parse(&text, engine_number).map_err(LoadState::Invalid)?;
        drop(text);
        crate::ui::paint::mark("de:parsed");
        crate::ui::paint::yield_to_browser().await;
        // The validator already passed these bytes when the release was built.
        let validated = match validated {
            Some(answer) => answer.await,
            None => false,
        };
        if validated {
            crate::ui::paint::mark("de:validated-at-build");
        } else {
            // The validator is a wasm part of its own (ui::views): without it, nothing is shown.
            let problems = crate::ui::views::validate(&tree)
                .await
                .map_err(|_| LoadState::Unreachable(VALIDATOR_MISSING.to_string()))?;
            if !problems.is_empty() {
                return Err(LoadState::Invalid(problems));
            }
            crate::ui::paint::mark("de:checked");
            crate::ui::paint::yield_to_browser().await;
        }
        let ds = steps::decode_checked(&tree).map_err(LoadState::Invalid)?;
        crate::ui::paint::mark("de:decoded");
        Ok::<Dataset, LoadState>(ds)
    };
    match loaded.await {
        Ok(ds) => LoadState::Ready(Arc::new(ds)),
        Err(failed) => failed,
    }
}
