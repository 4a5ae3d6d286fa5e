//! Keeps `AppState` and the address bar in step: state → URL on every change,
//! URL → state on back/forward. The query string is the only place state lives.

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

pub fn write_url(state: &AppState, nav: Nav) {
    let Ok(history) = window().history() else { return };
    let url = href_for(state);
    // A failure here (e.g. a sandboxed document) only costs the address bar, never the view.
    let _ = match nav {
        Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Nav::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}

/// Follows back/forward: re-reads the address into the state signal.
pub fn follow_history(state: RwSignal<AppState>) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| state.set(read_url()));
    // The listener lives as long as the page.
    std::mem::forget(handle);
}
