//! The browser UI: thin Leptos components over the pure core.
//! Compiled for wasm32 only; nothing here holds business logic.

pub mod context;
pub mod embed;
pub mod format;
pub mod glossary;
pub mod load;
pub mod paint;
pub mod panic;
pub mod parts;
pub mod places;
pub mod pwa;
pub mod router;
pub mod share;
pub mod shell;
pub mod storage;
pub mod views;
pub mod web;

pub mod calculator;
pub mod deals;
pub mod map;
pub mod sources;
pub mod story;
pub mod timeline;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element the app mounts into, beside its static placeholder.
pub const ROOT_ID: &str = "deal-explorer";

/// The static placeholder in `index.html` (title, as-of date, headline facts).
const PLACEHOLDER_SELECTOR: &str = ".de-placeholder";

/// Whether the page still shows the static placeholder.
pub fn placeholder_shown() -> bool {
    document().query_selector(PLACEHOLDER_SELECTOR).ok().flatten().is_some()
}

/// Removes the static placeholder once the app has something to show in its place.
pub fn remove_placeholder() {
    if let Ok(Some(placeholder)) = document().query_selector(PLACEHOLDER_SELECTOR) {
        placeholder.remove();
    }
}

/// Mounts the app into `#deal-explorer` (or the body where a host page has none).
pub fn mount() {
    paint::mark("de:start");
    panic::install();
    load::start_download(crate::data::shards::needed(&router::read_url()));
    let root = document()
        .get_element_by_id(ROOT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        // The placeholder stays until the app's view has rendered (shell reveals
        // the app in its place): readers see content at once, nothing shifts.
        Some(root) => leptos::mount::mount_to(root, shell::App).forget(),
        None => leptos::mount::mount_to_body(shell::App),
    }
}
