//! The ordered list of events: the accessible heart of the view. One tab stop
//! (roving tabindex); arrow keys, Home and End move; Enter or Space opens the
//! details. Each item's name is "date: title". An era mark opens each item
//! where a new tariff era begins, so the narrow, vertical layout keeps the eras.

use leptos::prelude::*;

use crate::ui::context::{CollectAny, on_click};
use wasm_bindgen::JsCast;

use super::chart::glyph;
use super::{era_description, event_date, label, use_timeline};
use crate::i18n::timeline::text;
use crate::timeline::era_on;

/// The DOM id of an event's list item.
pub(crate) fn item_id(event_id: &str) -> String {
    format!("de-tl-ev-{event_id}")
}

/// Moves keyboard focus to an event's list item.
pub(crate) fn focus_item(event_id: &str) {
    let el = document().get_element_by_id(&item_id(event_id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        crate::ui::web::focus(&el);
    }
}

/// The list item holding keyboard focus, if any: a rebuild of the list (a selection,
/// more of the dataset arriving) replaces every item, and focus would fall to the page.
fn focused_item() -> Option<String> {
    let el = document().active_element()?;
    el.closest("#de-tl-list").ok().flatten()?;
    Some(el.id()).filter(|id| !id.is_empty())
}

/// Gives focus back to the item of that DOM id once the rebuilt list is in the page,
/// unless something else (the details' heading) has taken it meanwhile.
fn refocus_after_rebuild(dom_id: String) {
    request_animation_frame(move || {
        let doc = document();
        let lost = doc.active_element().is_none_or(|el| doc.body().is_some_and(|b| el == *b));
        let item = doc.get_element_by_id(&dom_id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let (true, Some(item)) = (lost, item) {
            crate::ui::web::focus(&item);
        }
    });
}

#[component]
pub fn EventList() -> impl IntoView {
    let tl = use_timeline();
    let app = tl.app;
    // The tab stop follows the selected event when there is one.
    Effect::new(move |_| {
        let sel = app.state.with(|s| s.sel.clone());
        let ds = app.dataset();
        let at = tl.items.with(|its| {
            its.iter()
                .position(|it| ds.events.get(it.event).is_some_and(|e| Some(&e.id) == sel.as_ref()))
        });
        let len = tl.items.with(Vec::len);
        // A link to an earlier event unfolds them; the tab stop stays among the items shown.
        if at.is_some_and(|at| at < tl.story_from.get_untracked()) {
            tl.earlier.set(true);
        }
        let first = tl.first_shown();
        tl.active.update(|a| *a = at.unwrap_or((*a).clamp(first, len.saturating_sub(1).max(first))));
    });
    // Paper has no fold to open: printing unfolds the background events (the
    // list redraws before the page is laid out for print), and afterwards the
    // screen gets back the fold the reader left.
    let before_print = StoredValue::new(None::<bool>);
    let unfold = window_event_listener_untyped("beforeprint", move |_| {
        before_print.set_value(Some(tl.earlier.get_untracked()));
        tl.earlier.set(true);
    });
    let refold = window_event_listener_untyped("afterprint", move |_| {
        if let Some(earlier) = before_print.get_value() {
            before_print.set_value(None);
            tl.earlier.set(earlier);
        }
    });
    on_cleanup(move || {
        unfold.remove();
        refold.remove();
    });
    let go = move |to: usize| tl.jump(to);
    let on_key = move |ev: leptos::ev::KeyboardEvent, pos: usize, id: String| {
        let last = tl.items.with_untracked(Vec::len).saturating_sub(1);
        let first = untrack(|| tl.first_shown());
        let rtl = app.lang.get_untracked().is_rtl();
        let (next, prev) = if rtl {
            ("ArrowLeft", "ArrowRight")
        } else {
            ("ArrowRight", "ArrowLeft")
        };
        let key = ev.key();
        let to = match key.as_str() {
            "ArrowDown" => Some((pos + 1).min(last)),
            k if k == next => Some((pos + 1).min(last)),
            "ArrowUp" => Some(pos.saturating_sub(1).max(first)),
            k if k == prev => Some(pos.saturating_sub(1).max(first)),
            "Home" => Some(first),
            "End" => Some(last),
            "Enter" | " " => {
                ev.prevent_default();
                tl.select(Some(id));
                return;
            }
            "Escape" if app.state.with_untracked(|s| s.sel.is_some()) => {
                tl.select(None);
                return;
            }
            _ => None,
        };
        if let Some(to) = to {
            ev.prevent_default();
            go(to);
        }
    };
    let rows = move || {
        if let Some(dom_id) = focused_item() {
            refocus_after_rebuild(dom_id);
        }
        let (lang, locale, ds) = (app.lang.get(), app.locale(), app.dataset());
        let shell = crate::i18n::shell::text(lang);
        let eras = tl.eras.get_value();
        let sel = app.state.with(|s| s.sel.clone());
        let mut era_before = None;
        let first = tl.first_shown();
        tl.items.with(|items| {
            items.iter().enumerate().skip(first).filter_map(|(pos, it)| {
                let e = ds.events.get(it.event)?;
                let era = era_on(&eras, it.start);
                let era_mark = (era.is_some() && era != era_before).then(|| {
                    let text = era.and_then(|i| eras.get(i)).map(|x| era_description(&ds, lang, locale, x));
                    view! { <p class="de-tl-eramark">{text}</p> }
                });
                era_before = era;
                let (title, en) = label(&ds, lang, it.event);
                let date = event_date(locale, e);
                let name = format!("{date}: {title}");
                let id = e.id.clone();
                let open = sel.as_deref() == Some(e.id.as_str());
                let (id_key, id_click) = (id.clone(), id.clone());
                // The tab stop is a per-item attribute: an arrow key updates two items
                // instead of rebuilding the list, so the focused item stays the same element.
                Some(view! {
                    <li id=super::list::item_id(&id) class=format!("de-tl-item de-tl-lane{}", it.lane) class:de-tl-open=open
                        tabindex=move || if tl.active.get() == pos { "0" } else { "-1" } aria-label=name aria-current=open.then_some("true")
                        on:keydown=move |ev| on_key(ev, pos, id_key.clone())
                        on:click=on_click(move |_| { tl.active.set(pos); tl.select(Some(id_click.clone())); })
                        on:focus=move |_| if tl.active.get_untracked() != pos { tl.active.set(pos) }>
                        {era_mark}
                        <span class="de-tl-when">
                            {glyph(it.lane, it.approx)}
                            <time datetime=e.date.clone()>{date}</time>
                            {it.approx.then(|| view! { <span class="de-muted">" ("{text(lang).approx}")"</span> })}
                        </span>
                        <span class="de-tl-title" lang=en.then_some("en")>{title}</span>
                        <span class="de-tl-cat de-muted">{shell.category(e.category)}</span>
                    </li>
                })
            }).collect_any()
        })
    };
    view! {
        <ol id="de-tl-list" class="de-tl-list" aria-label=app.tr(|l| text(l).list_label)>{rows}</ol>
    }
}
