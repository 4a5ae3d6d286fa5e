//! Browser plumbing through gloo: file downloads (`gloo-file`: Blob and object
//! URL, revoked when dropped) and media queries followed while their view lives
//! (`gloo-events`: the listener is removed when dropped).

use gloo_events::EventListener;
use gloo_file::{Blob, ObjectUrl};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How long an object URL outlives its download's click: the browser reads it
/// after the handler returns.
const REVOKE_AFTER_MS: u32 = 30_000;

/// Hands text to the browser as a file download (a Blob's object URL on a
/// temporary link). Does nothing where the page has no body.
pub fn download(name: &str, mime: &str, body: &str) -> Option<()> {
    let url = ObjectUrl::from(Blob::new_with_options(body, Some(mime)));
    let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    document().body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    // Dropping the URL revokes it.
    Timeout::new(REVOKE_AFTER_MS, move || drop(url)).forget();
    Some(())
}

/// Whether a media query matches, followed as the viewport (or the embed's
/// iframe) changes, for as long as the calling view lives: its listener goes
/// with the view.
pub fn media_query(query: &str) -> ReadSignal<bool> {
    let (matches, set_matches) = signal(false);
    if let Some(list) = window().match_media(query).ok().flatten() {
        set_matches.set(list.matches());
        let listener = EventListener::new(&list, "change", move |event| {
            if let Some(change) = event.dyn_ref::<web_sys::MediaQueryListEvent>() {
                set_matches.set(change.matches());
            }
        });
        // Dropped, and so removed, when the calling view's owner is cleaned up.
        StoredValue::new_local(listener);
    }
    matches
}
