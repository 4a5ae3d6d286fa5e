//! Keeps `AppState` and the address bar in step: state → URL on every change,
//! URL → state on back/forward. The query string is the only place state lives.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::state::url::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Push,
    Replace,
}

/// The state the current address describes.
pub fn read_url() -> AppState {
    let search = window().location().search().unwrap_or_default();
    AppState::parse(&search)
}

/// The address for a state: the same path, the state's query, no fragment.
pub fn href_for(state: &AppState) -> String {
    let path = window().location().pathname().unwrap_or_default();
    let query = state.to_query();
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

thread_local! {
    /// The address the latest `Replace` asked for, not yet written. Typing
    /// replaces on every keystroke, and a history call costs milliseconds
    /// (about 6 ms each in Chromium here): written once the frame is painted,
    /// and only the last of a burst of keystrokes.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A failure (e.g. a sandboxed document) only costs the address bar, never the view.
fn write_now(url: &str, nav: Nav) {
    let Ok(history) = window().history() else { return };
    let _ = match nav {
        Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(url)),
        Nav::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(url)),
    };
}

/// Writes the replacement still waiting, if any.
fn flush_pending() {
    if let Some(url) = PENDING.with(|p| p.borrow_mut().take()) {
        write_now(&url, Nav::Replace);
    }
}

pub fn write_url(state: &AppState, nav: Nav) {
    let url = href_for(state);
    match nav {
        Nav::Push => {
            // The entry being left keeps its latest address.
            flush_pending();
            write_now(&url, Nav::Push);
        }
        Nav::Replace => {
            let first = PENDING.with(|p| p.borrow_mut().replace(url).is_none());
            if first {
                request_animation_frame(|| set_timeout(flush_pending, Duration::ZERO));
                // Hidden or offscreen frames may get no animation frames for a while.
                set_timeout(flush_pending, Duration::from_millis(200));
            }
        }
    }
}

/// Follows back/forward: re-reads the address into the state signal.
pub fn follow_history(state: RwSignal<AppState>) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        // The address now is the entry's own: a replacement still waiting belonged to the one left.
        PENDING.with(|p| p.borrow_mut().take());
        state.set(read_url());
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
