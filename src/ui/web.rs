//! Browser plumbing through gloo: file downloads (`gloo-file`: Blob and object
//! URL, revoked when dropped) and media queries followed while their view lives
//! (`gloo-events`: the listener is removed when dropped); the clipboard, and
//! focus that never scrolls a host page.

use gloo_events::EventListener;
use gloo_file::{Blob, ObjectUrl};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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

/// Starts writing text to the clipboard (inside the click, while the page may)
/// and resolves to whether it was written: `false` where the browser has no
/// Clipboard API or refuses it (permissions policy, sandboxed iframe).
pub fn copy_text(text: &str) -> impl std::future::Future<Output = bool> {
    let written = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok())
        .map(|clipboard| wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text)));
    async move {
        match written {
            Some(promise) => promise.await.is_ok(),
            None => false,
        }
    }
}

/// Moves focus to an element. In an embedded page, without scrolling: the
/// browser would scroll the host article too, to bring the element in sight.
pub fn focus(el: &web_sys::HtmlElement) {
    if embedded() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    } else {
        let _ = el.focus();
    }
}

/// Whether this page is embedded (`embed::start_auto_height` marked it).
pub fn embedded() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(EMBEDDED_CLASS))
}

/// The class the embedded mode puts on `<html>` (`embed::start_auto_height`).
pub const EMBEDDED_CLASS: &str = "de-emb-doc";

/// Today in the reader's time zone (an export's file name carries it).
pub fn today() -> crate::data::date::Day {
    let now = js_sys::Date::new_0();
    let day = crate::data::date::Day::new(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8);
    // The clock's day is always a calendar day; the epoch stands in for an impossible one.
    day.unwrap_or(crate::data::date::Day::from_days(0))
}

/// An element's width (CSS px), measured once it is in the page and on every
/// window resize (the timeline's chart, the map).
pub fn measured_width(wrap: NodeRef<leptos::html::Div>) -> RwSignal<f64> {
    let width = RwSignal::new(0.0f64);
    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    crate::ui::context::effect(move || {
        if wrap.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    width
}
