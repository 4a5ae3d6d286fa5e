//! Glossary terms in running text and the Glossary dialog they lead to. The
//! terms, their meanings and where a text names them come from
//! `i18n::glossary`; this file only renders.
//!
//! A term is a disclosure: a button with the term as written (`aria-expanded`)
//! whose meaning shows beside it on a tap, Enter or Space, as the button's
//! accessible description, and hides again on a second one or on Escape. The
//! meaning ends with a link-button to the term's dialog entry.

use std::cell::Cell;

use leptos::html;
use leptos::prelude::*;

use crate::i18n::glossary::{spot, term, terms, Piece, Term};
use crate::i18n::isolated_runs;
use crate::i18n::shell::text;
use crate::ui::context::{effect, on_click, show, use_app, CollectAny};

/// Which entry the Glossary dialog shows: `None` closed, `Some("")` open at its top.
/// An id, not a term: the table of terms is the dialog's and the views' (wasm
/// parts), never the main module's.
#[derive(Clone, Copy)]
pub struct GlossaryCtx {
    open: RwSignal<Option<String>>,
}

/// Gives the views the dialog's switch.
pub fn provide() -> GlossaryCtx {
    let g = GlossaryCtx { open: RwSignal::new(None) };
    provide_context(g);
    g
}

impl GlossaryCtx {
    /// An address ending in `#glossary-<id>` opens the dialog at that entry
    /// (at its top for an id it does not know). The shell calls this once the
    /// first view is on screen: a view part that arrived after the dialog
    /// opened would take the focus from its entry.
    pub fn open_from_address(self) {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(id) = hash.strip_prefix("#glossary-") {
            self.open.set(Some(id.to_string()));
        }
    }
}

fn open_at(id: &str) {
    if let Some(g) = use_context::<GlossaryCtx>() {
        g.open.set(Some(id.to_string()));
    }
}

thread_local! {
    /// Numbers the terms on the page, for their ids.
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// `text` with its glossary terms marked (each one once in each run) and its
/// isolated values (`i18n::isolate`) as `<bdi>`.
pub fn glossed(text: String) -> AnyView {
    runs(&text, gloss_run)
}

/// A text whose isolated values (`i18n::isolate`) become `<bdi>` elements.
pub fn isolated(text: String) -> AnyView {
    runs(&text, |run| run.to_string().into_any())
}

fn runs(text: &str, each: fn(&str) -> AnyView) -> AnyView {
    match isolated_runs(text).as_slice() {
        [] => ().into_any(),
        [(false, run)] => each(run),
        runs => runs
            .iter()
            .map(|&(iso, run)| if iso { view! { <bdi>{each(run)}</bdi> }.into_any() } else { each(run) })
            .collect_any()
            .into_any(),
    }
}

fn gloss_run(text: &str) -> AnyView {
    let pieces = spot(text);
    if !pieces.iter().any(|p| matches!(p, Piece::Term(..))) {
        return text.to_string().into_any();
    }
    pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_string().into_any(),
            Piece::Term(id, shown) => match term(id) {
                Some(t) => term_button(t, shown.to_string()),
                None => shown.to_string().into_any(),
            },
        })
        .collect_any()
        .into_any()
}

fn term_button(t: &'static Term, shown: String) -> AnyView {
    let n = NEXT.with(|c| {
        c.set(c.get().wrapping_add(1));
        c.get()
    });
    let def_id = format!("de-term-{n}");
    view! {
        <span class="de-term" on:click=move |ev| on_term_click(t, &ev) on:keydown=on_term_key>
            <button type="button" class="de-term__btn" aria-expanded="false" aria-controls=def_id.clone()>{shown}</button>
            <span id=def_id class="de-term__def" hidden></span>
        </span>
    }
    .into_any()
}

// A term's parts are switched by hand from two handlers every term shares, not
// from signals: a page holds dozens of terms, and per-term reactive attributes
// cost the wasm several KB (measured) for a box that only opens and closes.

/// The term around an event's target: its button and its meaning box.
fn term_parts(ev: &leptos::ev::Event) -> Option<(web_sys::Element, web_sys::Element)> {
    use wasm_bindgen::JsCast;
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let term = target.closest(".de-term").ok()??;
    let button = term.first_element_child()?;
    let def = button.next_element_sibling()?;
    Some((button, def))
}

/// Shows the meaning (in the page's language now) as the button's description, or hides it.
fn set_open(t: Option<&Term>, button: &web_sys::Element, def: &web_sys::Element) {
    def.set_text_content(None);
    let shown = t.and_then(|t| {
        let lang = use_app().lang.get_untracked();
        let doc = document();
        let meaning = doc.create_element("span").ok()?;
        let meaning_id = format!("{}-m", def.id());
        meaning.set_id(&meaning_id);
        meaning.set_text_content(Some(t.words(lang).meaning));
        let more = doc.create_element("button").ok()?;
        for (name, value) in [("type", "button"), ("class", "de-link de-term__more"), ("aria-haspopup", "dialog")] {
            let _ = more.set_attribute(name, value);
        }
        more.set_text_content(Some(text(lang).glossary_more));
        def.append_with_node_3(&meaning, &doc.create_text_node(" "), &more).ok()?;
        Some(meaning_id)
    });
    let _ = button.set_attribute("aria-expanded", if shown.is_some() { "true" } else { "false" });
    match shown {
        Some(id) => {
            let _ = button.set_attribute("aria-describedby", &id);
            let _ = def.remove_attribute("hidden");
        }
        None => {
            let _ = button.remove_attribute("aria-describedby");
            let _ = def.set_attribute("hidden", "");
        }
    }
}

/// A tap, Enter or Space on the term toggles its meaning; on "In the glossary", opens the dialog there.
fn on_term_click(t: &'static Term, ev: &leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let Some((button, def)) = term_parts(ev) else { return };
    let on = ev.target().and_then(|x| x.dyn_into::<web_sys::Element>().ok()).and_then(|x| x.closest("button").ok().flatten());
    if on.as_ref() == Some(&button) {
        let open = button.get_attribute("aria-expanded").as_deref() == Some("true");
        set_open((!open).then_some(t), &button, &def);
    } else if on.is_some() {
        open_at(t.id);
    }
}

/// Escape hides an open meaning (and nothing else: not a dialog the term sits in); focus goes to the term.
fn on_term_key(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some((button, def)) = term_parts(&ev) else { return };
    if ev.key() != "Escape" || def.has_attribute("hidden") {
        return;
    }
    ev.prevent_default();
    ev.stop_propagation();
    set_open(None, &button, &def);
    if let Ok(b) = button.dyn_into::<web_sys::HtmlElement>() {
        let _ = b.focus();
    }
}

/// The button that opens the Glossary dialog at its top.
#[component]
pub fn GlossaryButton() -> impl IntoView {
    let app = use_app();
    view! {
        <button type="button" class="de-gloss-open" aria-haspopup="dialog" on:click=on_click(|_| open_at(""))>
            {app.tr(|l| text(l).glossary)}
        </button>
    }
}

/// The Glossary: a native modal dialog (focus stays inside, Escape closes,
/// focus returns to the button that opened it), in the DOM only while open.
/// Its code and the table of terms are in the `extras` wasm part
/// (`views::glossary_dialog`), fetched on the first opening; a part that does
/// not arrive is said in a status, and the next opening asks again.
#[component]
pub fn GlossaryDialog() -> impl IntoView {
    let Some(g) = use_context::<GlossaryCtx>() else {
        return ().into_any();
    };
    let app = use_app();
    let loaded = RwSignal::new(false);
    let missing = RwSignal::new(false);
    effect(move || {
        if g.open.with(Option::is_some) && !loaded.get_untracked() {
            leptos::task::spawn_local(async move {
                let ok = crate::ui::views::preload_glossary_dialog().await.is_ok();
                missing.set(!ok);
                loaded.set(ok);
                if !ok {
                    g.open.set(None);
                }
            });
        }
    });
    let dialog = move || crate::ui::views::render_glossary_dialog(g).unwrap_or_else(|| ().into_any());
    view! {
        {show(move || missing.get(), move || view! { <p class="de-muted" role="status">{app.tr(|l| text(l).part_missing)}</p> }.into_any())}
        {show(move || loaded.get() && g.open.with(Option::is_some), dialog)}
    }
    .into_any()
}

/// The dialog itself: only `views::glossary_dialog` renders it (the `extras` part).
#[component]
pub fn GlossaryModal(g: GlossaryCtx) -> impl IntoView {
    let app = use_app();
    let dialog = NodeRef::<html::Dialog>::new();
    effect(move || {
        let Some(d) = dialog.get() else { return };
        if !d.open() {
            let _ = d.show_modal();
        }
        // Opened from a term: its entry in view and focused (read, not announced twice).
        let at = g.open.with(|id| id.as_deref().and_then(term));
        if let Some(el) = at.and_then(|t| document().get_element_by_id(&t.anchor())) {
            el.scroll_into_view();
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let entries = move || {
        let lang = app.lang.get();
        terms()
            .iter()
            .map(|t| {
                let w = t.words(lang);
                view! {
                    <dt id=t.anchor() tabindex="-1">{w.term}</dt>
                    <dd>{w.meaning}</dd>
                }
            })
            .collect_any()
    };
    view! {
        <dialog node_ref=dialog class="de-gloss" aria-labelledby="de-gloss-h" on:close=move |_| g.open.set(None)>
            <h2 id="de-gloss-h">{app.tr(|l| text(l).glossary)}</h2>
            <p class="de-muted">{app.tr(|l| text(l).glossary_intro)}</p>
            <dl class="de-gloss__list">{entries}</dl>
            <button type="button" class="de-gloss__close" on:click=on_click(close)>{app.tr(|l| crate::i18n::embed::text(l).close)}</button>
        </dialog>
    }
}
