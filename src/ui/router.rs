//! Keeps `AppState` and the address bar in step: state → URL on every change
//! (replacements once typing pauses), URL → state on back/forward. The query
//! string is the only place state lives.

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
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
    href_in(&page_path(), &state.to_query())
}

/// This page's path, without query or fragment.
pub fn page_path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// The address of `query` (without `?`) at `path`.
pub fn href_in(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// How long the address waits for typing to pause before it follows (ms).
const SETTLE_MS: u32 = 300;

thread_local! {
    /// The address the latest `Replace` asked for, not yet written, and the
    /// timer that will write it. Typing replaces on every keystroke, and a
    /// history call blocks the page for milliseconds (6–12 ms each in Chromium
    /// here, four times that on a slow phone, and the next keystroke waits for
    /// it): so the address is written once typing pauses, the last state only.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    static TIMER: RefCell<Option<Timeout>> = const { RefCell::new(None) };
}

/// A failure (e.g. a sandboxed document) only costs the address bar, never the view.
fn write_now(url: &str, nav: Nav) {
    let Ok(history) = window().history() else { return };
    let _ = match nav {
        Nav::Push => history.push_state_with_url(&JsValue::NULL, "", Some(url)),
        Nav::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(url)),
    };
}

/// Forgets the replacement still waiting (and its timer); returns it.
fn take_pending() -> Option<String> {
    // A dropped timer is cleared.
    drop(TIMER.with(|t| t.borrow_mut().take()));
    PENDING.with(|p| p.borrow_mut().take())
}

/// Writes the replacement still waiting, if any.
fn flush_pending() {
    if let Some(url) = take_pending() {
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
            let _ = take_pending();
            PENDING.with(|p| *p.borrow_mut() = Some(url));
            let timer = Timeout::new(SETTLE_MS, flush_pending);
            TIMER.with(|t| *t.borrow_mut() = Some(timer));
        }
    }
}

/// Follows back/forward: hands the address's state to `arrive` (which sets
/// the state signal once the data it needs is in).
pub fn follow_history(arrive: impl Fn(AppState) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        // The address now is the entry's own: a replacement still waiting belonged to the one left.
        let _ = take_pending();
        arrive(read_url());
    });
    // Hiding the page (another tab or app; a phone may then discard it) writes what
    // waits, so a restored page shows the latest state; `pagehide` too, where it is
    // still in time (a reload has already taken its address by then).
    let leaving = window_event_listener(leptos::ev::pagehide, |_| flush_pending());
    let hidden = window_event_listener(leptos::ev::visibilitychange, |_| flush_pending());
    // The listeners live as long as the page.
    std::mem::forget((handle, leaving, hidden));
}

/// A link's click handler that moves this page to `target` (the link's href is
/// `href_for(&target)`), keeping the reader's language, theme, embedding and
/// digits; a click with a modifier key is left to the browser (a new tab).
pub fn follow(app: crate::ui::context::AppCtx, target: AppState) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        ev.prevent_default();
        let target = target.clone();
        app.update(Nav::Push, move |s| {
            *s = AppState {
                lang: s.lang,
                theme: s.theme,
                embed: s.embed,
                digits_eastern: s.digits_eastern,
                ..target
            }
        });
    }
}
