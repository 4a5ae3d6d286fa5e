//! Sharing what is shown: the page's title for each view and open record
//! (built by `i18n::title`), and the "Copy link" button, which copies the
//! standalone address of the current state (an embed copies the full
//! explorer's address, never its own `embed=1` one).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::embed::text;
use crate::i18n::title::document_title;
use crate::state::embed::{canonical_url, full_url};
use crate::ui::context::{effect, live, on_click, show, use_app};
use crate::ui::embed::page_url;
use crate::ui::web::{copy_text, focus};

/// What the last copy did: nothing yet, copied, or refused (the text is then
/// shown selected for the reader to copy by hand).
#[derive(Clone, Copy, PartialEq)]
pub enum CopyState {
    Idle,
    Copied,
    Manual,
}

/// Keeps `document.title` on the state's title, in its language, and the
/// canonical link on the state's standalone address (under the link's own
/// base: the build may have set it to the public site).
pub fn follow_title() {
    let app = use_app();
    let title = Memo::new(move |_| app.state.with(|s| document_title(&app.dataset(), s)));
    effect(move || document().set_title(&title.get()));
    let canonical = document()
        .query_selector("link[rel=canonical]")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok());
    if let Some(link) = canonical {
        // The address the page started with, resolved by the browser, without its query.
        let base = link.href();
        effect(move || link.set_href(&app.state.with(|s| canonical_url(&base, s))));
    }
}

/// The "Copy link" button and its polite status. Where the clipboard is
/// refused, the link appears in a read-only field, focused and selected.
/// What a copy button says: the button, the status once copied, the status where the clipboard
/// is refused, and the label of the field that then shows the text, selected.
#[derive(Clone, Copy)]
pub struct CopyWords {
    pub button: fn(crate::state::vocab::Lang) -> &'static str,
    pub copied: fn(crate::state::vocab::Lang) -> &'static str,
    pub manual: fn(crate::state::vocab::Lang) -> &'static str,
    pub field: fn(crate::state::vocab::Lang) -> &'static str,
}

/// The "Copy link" button: the standalone address of what is shown.
#[component]
pub fn CopyLink() -> impl IntoView {
    let app = use_app();
    let words = CopyWords {
        button: |l| text(l).copy_link,
        copied: |l| text(l).link_copied,
        manual: |l| text(l).link_manual,
        field: |l| text(l).link,
    };
    copy_button(words, Arc::new(move || app.state.with_untracked(|s| full_url(&page_url(), s))), false)
}

/// A button that copies the text `now` gives when pressed; a polite status says it did. Where the
/// browser refuses the clipboard, the status says so and the text appears, focused and selected,
/// in a read-only field (a multi-line one for `multiline` text). Any state change resets it.
pub fn copy_button(words: CopyWords, now: Arc<dyn Fn() -> String + Send + Sync>, multiline: bool) -> impl IntoView {
    let app = use_app();
    let copied = RwSignal::new(CopyState::Idle);
    effect(move || {
        app.state.track();
        copied.set(CopyState::Idle);
    });
    let field = NodeRef::<html::Label>::new();
    let shown = now.clone();
    effect(move || {
        let Some(label) = field.get() else { return };
        let value = shown();
        let control = label.query_selector("input, textarea").ok().flatten();
        if let Some(input) = control.clone().and_then(|c| c.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.set_value(&value);
            focus(&input);
            input.select();
        } else if let Some(area) = control.and_then(|c| c.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            area.set_value(&value);
            focus(&area);
            area.select();
        }
    });
    let copy = move |_| {
        let written = copy_text(&now());
        leptos::task::spawn_local(async move {
            copied.set(if written.await { CopyState::Copied } else { CopyState::Manual });
        });
    };
    let status = live(move || match copied.get() {
        CopyState::Idle => "",
        CopyState::Copied => (words.copied)(app.lang.get()),
        CopyState::Manual => (words.manual)(app.lang.get()),
    });
    view! {
        <div class="de-share">
            <button type="button" class="de-share__copy" on:click=on_click(copy)>{app.tr(words.button)}</button>
            <span class="de-share__status" role="status" aria-live="polite">{status}</span>
            {show(move || copied.get() == CopyState::Manual, move || view! {
                <label node_ref=field class="de-field de-share__manual">
                    <span>{app.tr(words.field)}</span>
                    {if multiline {
                        view! { <textarea readonly rows="6"></textarea> }.into_any()
                    } else {
                        view! { <input type="text" readonly dir="ltr" lang="en"/> }.into_any()
                    }}
                </label>
            }.into_any())}
        </div>
    }
}

/// "Cite this": copies the plain citation (`i18n::cite::citation`) of a record titled `title`
/// (in the reader's language) whose standalone address shows state `at`, with its `sources`.
pub fn cite_button(title: String, at: crate::state::url::AppState, sources: Vec<String>) -> impl IntoView {
    use crate::i18n::cite;
    let app = use_app();
    let words = CopyWords {
        button: |l| cite::text(l).cite_this,
        copied: |l| cite::text(l).copied,
        manual: |l| cite::text(l).manual,
        field: |l| cite::text(l).field,
    };
    let now = move || {
        let link = full_url(&page_url(), &at);
        cite::citation(&app.dataset(), app.lang.get_untracked(), &title, &link, &sources)
    };
    copy_button(words, Arc::new(now), true)
}
