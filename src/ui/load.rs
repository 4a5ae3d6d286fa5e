//! Fetches the dataset from this deployment (never from a URL given in a
//! parameter) and loads it through the same path as the validator CLI
//! (`data::load`: Rust parser, one validator, one decoder), one step per task.
//!
//! A release build cuts the dataset into shards by view, each in layers by
//! language (`data::shards`, listed in `<meta name="de-data-shards">`): the app
//! downloads the pieces a state needs (`shards::files_for`: an English reader no
//! Urdu layer), in parallel and beside the view's wasm parts, and the rest when a
//! reader goes where they are needed or switches language. Files are joined
//! (`shards::merge`) and decoded by the one decoder; the build validated them as
//! part of the whole, and bytes other than the build's (or a page without the
//! record) make the app load and validate the whole `data/deals.json` instead, as before shards.

use std::cell::RefCell;
use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::json::Json;
use crate::data::load::{self as steps, load_text};
use crate::data::model::Dataset;
use crate::data::shards::{self, Content, Pieces, ShardFile, Via};
use crate::data::validate::Problem;

/// Where the whole dataset lives, relative to the page: works under any sub-path.
/// The "download the dataset" links point here too.
pub const DATA_URL: &str = "data/deals.json";

#[derive(Clone, Debug)]
pub enum LoadState {
    Loading,
    Ready(Arc<Dataset>),
    /// A file could not be fetched (offline on first visit, server error).
    Unreachable(String),
    /// The file arrived but does not validate.
    Invalid(Vec<Problem>),
}

/// What has been asked for and what has arrived.
struct Loader {
    /// The release build's shards; `None` before it is read.
    files: Option<Option<Vec<ShardFile>>>,
    /// Downloads started and not yet read, each file's response.
    downloads: Vec<(Content, js_sys::Promise)>,
    /// The files loaded so far, joined (`shards::merge`), and which pieces they hold.
    tree: Json,
    have: Pieces,
    /// The whole dataset is in (no shards, or a shard's bytes were not the build's).
    whole: bool,
    /// The latest state change waiting for data (`ticket`): only it may arrive.
    latest: u64,
}

thread_local! {
    static LOADER: RefCell<Loader> = const {
        RefCell::new(Loader { files: None, downloads: Vec::new(), tree: Json::Null, have: Pieces::NONE, whole: false, latest: 0 })
    };
}

/// Why the data cannot be shown when the validator's wasm part did not arrive
/// (a technical detail under the translated panel, like an HTTP status).
const VALIDATOR_MISSING: &str = "the validator's wasm part could not be fetched";

/// Where the release build records the SHA-256 of the dataset it validated (scripts/post-build.mjs).
const VALIDATED_META: &str = "meta[name=de-data-validated]";
/// Where it lists the shards, each with its SHA-256.
const SHARDS_META: &str = "meta[name=de-data-shards]";

fn meta_content(selector: &str) -> Option<String> {
    web_sys::window()?.document()?.query_selector(selector).ok()??.get_attribute("content")
}

/// The build's shards (read once); `None` where the page lists none or a list it cannot use.
fn shard_files() -> Option<Vec<ShardFile>> {
    LOADER.with(|l| {
        l.borrow_mut()
            .files
            .get_or_insert_with(|| meta_content(SHARDS_META).as_deref().and_then(shards::parse_manifest))
            .clone()
    })
}

/// The pieces the build wrote (every one where it listed none: the whole file holds them).
fn written() -> Pieces {
    shard_files().map_or(Pieces::every(), |files| shards::written(&files))
}

/// Starts the download of a file unless one is under way, for `take` to read.
fn start(what: Content, url: &str) {
    LOADER.with(|l| {
        let mut l = l.borrow_mut();
        if !l.downloads.iter().any(|(w, _)| *w == what) {
            if let Some(window) = web_sys::window() {
                l.downloads.push((what, window.fetch_with_str(url)));
            }
        }
    })
}

/// The response of the download `start` began (or of a new one: two changes
/// waiting for the same shard at once fetch it twice, which is rare and harmless).
fn take(what: Content, url: &str) -> Option<js_sys::Promise> {
    start(what, url);
    LOADER.with(|l| {
        let mut l = l.borrow_mut();
        let at = l.downloads.iter().position(|(w, _)| *w == what)?;
        Some(l.downloads.swap_remove(at).1)
    })
}

/// Starts the downloads of what `needs` lacks, before the app mounts: the turns
/// the browser takes to answer the requests then pass while the app mounts.
pub fn start_download(needs: Pieces) {
    for (what, url, _) in files_for(needs) {
        start(what, &url);
    }
}

/// The pieces whose data is in (every one once the whole file is).
fn loaded() -> Pieces {
    LOADER.with(|l| {
        let l = l.borrow();
        if l.whole {
            Pieces::every()
        } else {
            l.have
        }
    })
}

/// Whether everything `needs` names is in (a piece the build did not write,
/// having no data, counts as in).
pub fn has(needs: Pieces) -> bool {
    needs.without(loaded()).and(written()).is_empty()
}

/// A number for a state change that waits for data; `is_latest` says whether a
/// later change came since (then the earlier one must not arrive over it).
pub fn ticket() -> u64 {
    LOADER.with(|l| {
        let mut l = l.borrow_mut();
        l.latest += 1;
        l.latest
    })
}

pub fn is_latest(ticket: u64) -> bool {
    LOADER.with(|l| l.borrow().latest == ticket)
}

fn js_message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Numbers the parser's exact fast path leaves (over 15 digits, big exponents):
/// the engine's own correctly rounding parser, so the wasm needs none.
pub(crate) fn engine_number(literal: &str) -> Option<f64> {
    let x = js_sys::Number::parse_float(literal);
    x.is_finite().then_some(x)
}

/// Parses (in Rust, one pass), validates and decodes the dataset text.
pub fn parse_and_validate(text: &str) -> Result<Dataset, Vec<Problem>> {
    load_text(text, engine_number)
}

/// A file to load: what it holds, its address and the SHA-256 the build recorded for it.
type File = (Content, String, Option<String>);

fn whole_file() -> File {
    (Content::Whole, DATA_URL.to_string(), meta_content(VALIDATED_META))
}

/// The files to download for what `needs` lacks (`shards::files_for`), each with
/// its address and digest; the whole file where the page lists no shards or not
/// the file the rule asks for. With a service worker in control, the pieces it
/// precached (it keeps neither the whole file nor the English one).
fn files_for(needs: Pieces) -> Vec<File> {
    let Some(listed) = shard_files() else {
        return if needs.without(loaded()).is_empty() { Vec::new() } else { vec![whole_file()] };
    };
    let via = if crate::ui::pwa::controlled() { Via::Precache } else { Via::Network };
    let contents = shards::files_for(needs, loaded(), shards::written(&listed), via);
    let files: Option<Vec<File>> = contents
        .iter()
        .map(|&content| match content {
            Content::Whole => Some(whole_file()),
            _ => listed.iter().find(|f| f.content == content).map(|f| (content, f.url.clone(), Some(f.sha256.clone()))),
        })
        .collect();
    files.unwrap_or_else(|| vec![whole_file()])
}

/// Why a load stopped: the state to show, or `None` where a piece's bytes are
/// not the build's (load the whole file instead: a part is never validated on its own).
type Stop = Option<LoadState>;

/// Every promise of `promises` settled (`Promise.all`): one wait for all the files.
async fn all(promises: js_sys::Array) -> Result<js_sys::Array, String> {
    Ok(JsFuture::from(js_sys::Promise::all(&promises)).await.map_err(js_message)?.unchecked_into())
}

/// Each file's response: the downloads `start` began, or new ones (two changes
/// waiting for the same file at once fetch it twice, which is rare and harmless).
fn requests(files: &[File]) -> Result<js_sys::Array, String> {
    let out = js_sys::Array::new();
    for (what, url, _) in files {
        out.push(&take(*what, url).ok_or("no window")?.into());
    }
    Ok(out)
}

/// Each response's bytes, or why one cannot be read. The bytes are copied into
/// wasm memory in one piece and read as UTF-8 there (`parse_all`): `text()` would
/// decode them to a JS string, encoded back to UTF-8 on its way in (measured: 25 ms on a throttled phone).
fn bodies(files: &[File], responses: &js_sys::Array) -> Result<js_sys::Array, String> {
    let out = js_sys::Array::new();
    for ((_, url, _), response) in files.iter().zip(responses.iter()) {
        let response: web_sys::Response = response.unchecked_into();
        if !response.ok() {
            return Err(format!("HTTP {} for {url}", response.status()));
        }
        out.push(&response.array_buffer().map_err(js_message)?.into());
    }
    Ok(out)
}

/// Each file's SHA-256 (the browser's own `crypto.subtle`), started as the bytes
/// arrive and read after parsing, so the digest's round trip overlaps the parse;
/// `undefined` for a file the build recorded no digest for and on insecure origins
/// (no `crypto.subtle`): the app validates those.
fn digests(files: &[File], bodies: &js_sys::Array) -> js_sys::Array {
    let subtle = web_sys::window().filter(web_sys::Window::is_secure_context).and_then(|w| w.crypto().ok()).map(|c| c.subtle());
    let out = js_sys::Array::new();
    for ((_, _, recorded), bytes) in files.iter().zip(bodies.iter()) {
        let digest = subtle.as_ref().filter(|_| recorded.is_some()).and_then(|subtle| subtle.digest_with_str_and_buffer_source("SHA-256", bytes.unchecked_ref()).ok());
        out.push(&digest.map_or(JsValue::UNDEFINED, JsValue::from));
    }
    out
}

/// Each file's text parsed (in Rust, one pass), in the order of `files`.
fn parse_all(files: &[File], bodies: &js_sys::Array) -> Result<Vec<Json>, Stop> {
    files
        .iter()
        .zip(bodies.iter())
        .map(|((what, _, _), bytes)| {
            let text = steps::body_text(js_sys::Uint8Array::new(&bytes).to_vec());
            steps::parse(&text, engine_number).map_err(|problems| (*what == Content::Whole).then_some(LoadState::Invalid(problems)))
        })
        .collect()
}

/// Which file the app must validate itself: the whole file when its bytes are not
/// the ones the release build validated (their digest against the page's record);
/// a piece whose bytes are not the build's stops the load. A failed digest counts as other bytes.
fn unvalidated(files: &[File], digests: Result<js_sys::Array, String>) -> Result<Option<usize>, Stop> {
    let digests = digests.unwrap_or_default();
    let mut whole = None;
    for (at, (what, _, recorded)) in files.iter().enumerate() {
        let digest = digests.get(at as u32);
        let validated = match recorded {
            Some(recorded) if !digest.is_undefined() => steps::validated_at_build(recorded, &js_sys::Uint8Array::new(&digest).to_vec()),
            _ => false,
        };
        if !validated {
            if *what != Content::Whole {
                return Err(None);
            }
            whole = Some(at);
        }
    }
    Ok(whole)
}

/// Joins the loaded files into the loader's tree (`shards::merge`), in the order
/// asked for (an Urdu layer after the English one it completes), and decodes it.
fn join_and_decode(files: &[File], trees: Vec<Json>) -> Result<Dataset, Stop> {
    let written = written();
    let ds = LOADER.with(|l| {
        let mut l = l.borrow_mut();
        for ((what, _, _), tree) in files.iter().zip(trees) {
            let holds = what.holds(written);
            if *what == Content::Whole {
                l.whole = true;
                l.tree = tree;
            } else if !l.whole && !holds.without(l.have).is_empty() {
                l.have = l.have.union(holds);
                shards::merge(&mut l.tree, tree);
            }
        }
        steps::decode_checked(&l.tree)
    });
    crate::ui::paint::mark("de:decoded");
    ds.map_err(|problems| Some(LoadState::Invalid(problems)))
}

/// Loads files into the loader's tree and decodes it: every download in parallel,
/// read with one wait, the steps between waits plain functions (the wasm keeps one
/// small state machine). Parsing, validating and decoding each take tens of
/// milliseconds on a throttled phone (the wasm is not yet optimised on first run):
/// between them the browser gets a turn, so no task blocks for long.
async fn load_files(files: &[File]) -> Result<Dataset, Stop> {
    let unreachable = |why: String| Some(LoadState::Unreachable(why));
    let responses = all(requests(files).map_err(unreachable)?).await.map_err(unreachable)?;
    let bodies = all(bodies(files, &responses).map_err(unreachable)?).await.map_err(unreachable)?;
    crate::ui::paint::mark("de:fetched");
    let digests = digests(files, &bodies);
    let trees = parse_all(files, &bodies)?;
    crate::ui::paint::mark("de:parsed");
    crate::ui::paint::yield_to_browser().await;
    // The validator already passed the build's own bytes when the release was built.
    match unvalidated(files, all(digests).await)?.and_then(|at| trees.get(at)) {
        Some(tree) => {
            // The validator is a wasm part of its own (ui::views): without it, nothing is shown.
            let problems = crate::ui::views::validate(tree).await.map_err(|_| unreachable(VALIDATOR_MISSING.to_string()))?;
            if !problems.is_empty() {
                return Err(Some(LoadState::Invalid(problems)));
            }
            crate::ui::paint::mark("de:checked");
            crate::ui::paint::yield_to_browser().await;
        }
        None => crate::ui::paint::mark("de:validated-at-build"),
    }
    join_and_decode(files, trees)
}

/// Loads what `needs` lacks; `Ready` with the dataset of everything in so far,
/// or `None` when nothing was missing. The files download in parallel; a file
/// whose bytes are not the ones the build validated sends the app to the whole
/// file (validated here), never to a check of a part on its own. Which files:
/// `shards::files_for` (the whole file or the English one where a first visit
/// needs every piece or every English one: one brotli context, smaller).
pub async fn ensure(needs: Pieces) -> Option<LoadState> {
    if has(needs) {
        return None;
    }
    let mut files = files_for(needs);
    if files.is_empty() {
        files = vec![whole_file()];
    }
    loop {
        match load_files(&files).await {
            Ok(ds) => return Some(LoadState::Ready(Arc::new(ds))),
            Err(Some(failure)) => return Some(failure),
            Err(None) => files = vec![whole_file()],
        }
    }
}
