//! Sharing what is shown: the page's title for each view and open record
//! (built by `i18n::title`), and the "Copy link" button, which copies the
//! standalone address of the current state (an embed copies the full
//! explorer's address, never its own `embed=1` one).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::embed::text;
use crate::i18n::title::document_title;
use crate::state::embed::{canonical_url, full_url};
use crate::ui::context::{on_click, show, use_app};
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
    Effect::new(move |_| document().set_title(&title.get()));
    let canonical = document()
        .query_selector("link[rel=canonical]")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok());
    if let Some(link) = canonical {
        // The address the page started with, resolved by the browser, without its query.
        let base = link.href();
        Effect::new(move |_| link.set_href(&app.state.with(|s| canonical_url(&base, s))));
    }
}

/// The "Copy link" button and its polite status. Where the clipboard is
/// refused, the link appears in a read-only field, focused and selected.
#[component]
pub fn CopyLink() -> impl IntoView {
    let app = use_app();
    let copied = RwSignal::new(CopyState::Idle);
    let link_now = move || app.state.with_untracked(|s| full_url(&page_url(), s));
    // A new state is a new link: an earlier "Link copied" (or the link shown) no longer holds.
    Effect::new(move |_| {
        app.state.track();
        copied.set(CopyState::Idle);
    });
    let field = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            // The value first: setting it afterwards would collapse the selection.
            input.set_value(&link_now());
            focus(&input);
            input.select();
        }
    });
    let copy = move |_| {
        let written = copy_text(&link_now());
        leptos::task::spawn_local(async move {
            copied.set(if written.await { CopyState::Copied } else { CopyState::Manual });
        });
    };
    let status = move || match copied.get() {
        CopyState::Idle => "",
        CopyState::Copied => text(app.lang.get()).link_copied,
        CopyState::Manual => text(app.lang.get()).link_manual,
    };
    view! {
        <div class="de-share">
            <button type="button" class="de-share__copy" on:click=on_click(copy)>{app.tr(|l| text(l).copy_link)}</button>
            <span class="de-share__status" role="status" aria-live="polite">{status}</span>
            {show(move || copied.get() == CopyState::Manual, move || view! {
                <label class="de-field de-share__manual">
                    <span>{app.tr(|l| text(l).link)}</span>
                    <input node_ref=field type="text" readonly dir="ltr" lang="en"/>
                </label>
            }.into_any())}
        </div>
    }
}
