//! Embedding: the Embed button and dialog (the snippet comes from the pure
//! `state::embed`), the embedded-mode bar, and the height messages an
//! embedded page posts to its host.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::embed::text;
use crate::i18n::shell;
use crate::state::embed::{full_url, snippet, EmbedOptions, SnippetKind, DATAWRAPPER_ID, HEIGHT_MESSAGE};
use crate::state::vocab::{Lang, Theme};
use crate::ui::context::{effect, use_app, show, live, on_click, AppCtx, CollectAny};
use crate::ui::format;
use crate::ui::share::{CopyLink, CopyState};
use crate::ui::web::copy_text;

/// This deployment's page address, without query or fragment.
pub(crate) fn page_url() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// "Data as of <date>" as a badge: shown in embedded mode and when offline.
#[component]
pub fn AsOfBadge() -> impl IntoView {
    let app = use_app();
    let as_of = app.dataset().meta.as_of.clone();
    let date = {
        let as_of = as_of.clone();
        live(move || format::data_date(app.locale(), Some(&as_of)))
    };
    view! {
        <span class="de-badge de-emb-asof">
            {app.tr(|l| text(l).data_as_of)}" "<time datetime=as_of>{date}</time>
        </span>
    }
}

/// The bar an embedded view carries instead of the site chrome.
#[component]
pub fn EmbedBar() -> impl IntoView {
    let app = use_app();
    let href = move || app.state.with(|s| full_url(&page_url(), s));
    view! {
        <footer class="de-emb-bar">
            <AsOfBadge/>
            <CopyLink/>
            <a href=href target="_blank" rel="noopener">{app.tr(|l| text(l).open_full)}</a>
        </footer>
    }
}

/// The Embed button. Its dialog is a wasm part of its own (`ui::views`),
/// fetched on the first click; the button says so if it cannot be fetched,
/// and the next click tries again.
#[component]
pub fn EmbedButton() -> impl IntoView {
    let app = use_app();
    let is_open = RwSignal::new(false);
    let missing = RwSignal::new(false);
    let open = move |_| {
        leptos::task::spawn_local(async move {
            let loaded = crate::ui::views::preload_embed_dialog().await.is_ok();
            missing.set(!loaded);
            is_open.set(loaded);
        });
    };
    view! {
        <button type="button" class="de-emb-open" aria-haspopup="dialog" on:click=on_click(open)>{app.tr(|l| text(l).embed)}</button>
        {show(move || missing.get(), move || view! { <span class="de-emb-status" role="status">{app.tr(|l| shell::text(l).part_missing)}</span> }.into_any())}
        {show(move || is_open.get(), move || crate::ui::views::render_embed_dialog(is_open).unwrap_or_else(|| ().into_any()))}
    }
}

/// The embed dialog, a native modal (focus stays inside, Escape closes, focus
/// returns to the button). It exists only while `open` (no stray <dialog> in
/// the page): modal as soon as it is mounted, unmounted when it closes. It
/// starts as the page is shown: its tabs, theme and language.
#[component]
pub fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let t = move || text(app.lang.get());
    let dialog = NodeRef::<html::Dialog>::new();
    let code = NodeRef::<html::Textarea>::new();
    let copy_state = RwSignal::new(CopyState::Idle);
    // The editor's choices, as positions in each group's list (`choices`).
    let now = app.state.with_untracked(EmbedOptions::of);
    let tabs = RwSignal::new(usize::from(!now.tabs));
    let theme = RwSignal::new(Theme::ALL.iter().position(|t| *t == now.theme).unwrap_or(0));
    let lang = RwSignal::new(Lang::ALL.iter().position(|l| *l == now.lang).unwrap_or(0));
    let kind = RwSignal::new(0usize);
    let snippet = move || {
        let options = EmbedOptions {
            tabs: tabs.get() == 0,
            theme: Theme::ALL.get(theme.get()).copied().unwrap_or_default(),
            lang: Lang::ALL.get(lang.get()).copied().unwrap_or_default(),
        };
        let kind = SnippetKind::ALL.get(kind.get()).copied().unwrap_or(SnippetKind::AutoHeight);
        let shell = shell::text(options.lang);
        app.state.with(|s| {
            let title = format!("{}: {}", shell.app_title, shell.view_name(s.view));
            snippet(kind, &page_url(), s, options, &title, text(options.lang).show_more)
        })
    };
    effect(move || {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    });
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let select_all = move || {
        if let Some(c) = code.get() {
            crate::ui::web::focus(&c);
            c.select();
        }
    };
    let copy = move |_| {
        select_all();
        let written = copy_text(&snippet());
        leptos::task::spawn_local(async move {
            // Blocked clipboards (permissions policy, sandbox) reject: the text stays selected.
            copy_state.set(if written.await { CopyState::Copied } else { CopyState::Manual });
        });
    };
    let status = move || match copy_state.get() {
        CopyState::Idle => "",
        CopyState::Copied => t().copied,
        CopyState::Manual => t().press_ctrl_c,
    };
    view! {
        <dialog node_ref=dialog class="de-emb-dialog" aria-labelledby="de-emb-title" on:close=move |_| open.set(false)>
            <h2 id="de-emb-title">{app.tr(|l| text(l).dialog_title)}</h2>
            <p class="de-muted">{app.tr(|l| text(l).dialog_intro)}</p>
            <div class="de-emb-options">
                {choices(app, "tabs", |l| text(l).show, vec![(|l| text(l).with_tabs, None), (|l| text(l).view_only, None)], tabs)}
                {choices(app, "theme", |l| text(l).embed_theme, vec![
                    (|l| shell::text(l).theme_auto, None), (|l| shell::text(l).theme_light, None), (|l| shell::text(l).theme_dark, None),
                ], theme)}
                {choices(app, "lang", |l| text(l).embed_language, vec![(|l| text(l).english, None), (|l| text(l).urdu, None)], lang)}
                {choices(app, "kind", |l| text(l).code_for, vec![
                    (|l| text(l).auto_height, Some(|l| text(l).auto_height_hint)),
                    (|l| text(l).fixed_height, Some(|l| text(l).fixed_height_hint)),
                    (|l| text(l).amp, Some(|l| text(l).amp_hint)),
                ], kind)}
            </div>
            <label class="de-field">
                <span>{app.tr(|l| text(l).embed_code)}</span>
                <textarea node_ref=code class="de-emb-code" readonly rows="8" dir="ltr" lang="en" spellcheck="false"
                    prop:value=snippet on:focus=move |_| select_all()></textarea>
            </label>
            <div class="de-emb-actions">
                <button type="button" class="de-primary" on:click=on_click(copy)>{app.tr(|l| text(l).copy)}</button>
                <span class="de-emb-status" role="status">{status}</span>
                <button type="button" on:click=on_click(close)>{app.tr(|l| text(l).close)}</button>
            </div>
        </dialog>
    }
}

/// A label, or a label and the hint that describes it.
type Choice = (fn(Lang) -> &'static str, Option<fn(Lang) -> &'static str>);

/// One of the dialog's radio groups: a legend and a radio per choice (its hint,
/// if any, as its description); `chosen` holds the position of the one picked.
fn choices(app: AppCtx, group: &'static str, legend: fn(Lang) -> &'static str, items: Vec<Choice>, chosen: RwSignal<usize>) -> AnyView {
    let name = format!("de-emb-{group}");
    view! {
        <fieldset class="de-emb-choice">
            <legend>{app.tr(legend)}</legend>
            {items.into_iter().enumerate().map(|(i, (label, hint))| {
                let hint_id = format!("{name}-{i}");
                view! {
                    <label class="de-emb-option">
                        <input type="radio" name=name.clone() aria-describedby=hint.map(|_| hint_id.clone())
                            prop:checked=move || chosen.get() == i on:change=move |_| chosen.set(i)/>
                        <span>{app.tr(label)}</span>
                    </label>
                    {hint.map(|hint| view! { <p id=hint_id class="de-muted de-emb-hint">{app.tr(hint)}</p> })}
                }
            }).collect_any()}
        </fieldset>
    }
    .into_any()
}

fn message(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// Posts the document's height to the parent page in the three dialects hosts
/// listen for: ours, Datawrapper's and AMP's. Only a height travels, so any origin may read it.
fn post_height(parent: &web_sys::Window, height: f64) {
    let height = JsValue::from_f64(height.ceil());
    let messages = [
        message(&[("type", JsValue::from_str(HEIGHT_MESSAGE)), ("height", height.clone())]),
        message(&[("datawrapper-height", message(&[(DATAWRAPPER_ID, height.clone())]))]),
        message(&[
            ("sentinel", JsValue::from_str("amp")),
            ("type", JsValue::from_str("embed-size")),
            ("height", height),
        ]),
    ];
    for m in messages {
        let _ = parent.post_message(&m, "*");
    }
}

/// In embedded mode: strips the page margins and reports every height change
/// of the document (ResizeObserver) to the parent page. Once per page.
pub fn start_auto_height() {
    let Some(root) = document().document_element() else { return };
    let _ = root.class_list().add_1(crate::ui::web::EMBEDDED_CLASS);
    let Ok(Some(parent)) = window().parent() else { return };
    if window().top().ok().flatten().is_some_and(|top| top == window()) {
        return; // not in a frame
    }
    let measured = root.clone();
    let last = std::cell::Cell::new(-1.0);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height();
        if (height - last.get()).abs() >= 1.0 {
            last.set(height);
            post_height(&parent, height);
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        // The observer's first callback, right after observe(), is the on-load message.
        observer.observe(&root);
    }
    on_resize.forget();
}
