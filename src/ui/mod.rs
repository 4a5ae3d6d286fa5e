//! The browser UI: thin Leptos components over the pure core.
//! Compiled for wasm32 only; nothing here holds business logic.

pub mod context;
pub mod embed;
pub mod format;
pub mod load;
pub mod panic;
pub mod pwa;
pub mod router;
pub mod shell;
pub mod storage;

pub mod calculator;
pub mod deals;
pub mod sources;
pub mod timeline;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element the app mounts into; its static placeholder is replaced.
pub const ROOT_ID: &str = "deal-explorer";

/// Mounts the app into `#deal-explorer` (or the body where a host page has none).
pub fn mount() {
    panic::install();
    let root = document()
        .get_element_by_id(ROOT_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            // The static placeholder gives way to the app.
            root.set_text_content(None);
            leptos::mount::mount_to(root, shell::App).forget();
        }
        None => leptos::mount::mount_to_body(shell::App),
    }
}
