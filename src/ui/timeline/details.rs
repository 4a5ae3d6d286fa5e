//! The selected event's details: date, title, description, linked deal,
//! minerals, parties, confidence and sources. Focus moves to its heading on
//! open; Close or Escape closes it and focus returns to the event's item.

use leptos::prelude::*;

use crate::ui::context::{CollectAny, on_click};
use wasm_bindgen::JsCast;

use super::list::focus_item;
use super::{event_date, use_timeline};
use crate::data::model::Dataset;
use crate::i18n::timeline::text;
use crate::state::vocab::{Lang, Records};
use crate::i18n::local;
use crate::ui::glossary::glossed;
use crate::ui::parts::badge;
use crate::ui::router;

/// Names of the records with these ids, in the interface language (the English marked).
fn named<'a>(lang: Lang, names: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> impl IntoView {
    names
        .map(|(en, ur)| {
            let (name, is_en) = local(lang, en, ur);
            view! { <li lang=is_en.then_some("en")>{name}</li> }
        })
        .collect_any()
}

fn body(ds: &Dataset, id: &str) -> Option<AnyView> {
    let tl = use_timeline();
    let app = tl.app;
    let e = ds.event(id)?;
    let (lang, locale) = (app.lang.get(), app.locale());
    let t = text(lang);
    let shell = crate::i18n::shell::text(lang);
    let (title, title_en) = local(lang, &e.title, e.title_ur.as_deref());
    let (description, description_en) = local(lang, &e.description, e.description_ur.as_deref());
    let deal = e.deal_id.as_deref().and_then(|d| ds.deal(d)).map(|d| {
        let target = app.state.with(|s| s.opening(Records::Deals, &d.id));
        let href = router::href_for(&target);
        let (name, en) = local(lang, &d.title, d.title_ur.as_deref());
        let go = router::follow(app, target);
        view! { <dt>{t.deal}</dt><dd><a href=href lang=en.then_some("en") on:click=on_click(go)>{name}</a></dd> }
    });
    let minerals = ds
        .minerals
        .iter()
        .filter(|m| e.mineral_ids.contains(&m.id))
        .map(|m| (m.name.as_str(), m.name_ur.as_deref()));
    let parties = ds
        .parties
        .iter()
        .filter(|p| e.party_ids.contains(&p.id))
        .map(|p| (p.name.as_str(), p.name_ur.as_deref()));
    let sources = e.sources.iter().filter_map(|s| ds.source(s)).map(|s| {
        view! {
            <li><a href=s.url.clone() rel="noopener noreferrer" target="_blank" lang="en">{s.title.clone()}</a>
                " · "<span lang="en">{s.publisher.clone()}</span></li>
        }
        .into_any()
    });
    let sources: Vec<_> = sources.collect();
    let places = crate::ui::places::places_list(app, ds, &e.place_ids, Records::Events);
    let standalone = app.state.with(|s| s.opening(Records::Events, &e.id));
    let cite = crate::ui::share::cite_button(title.clone(), standalone, e.sources.clone());
    Some(view! {
        <h3 id="de-tl-details-h" tabindex="-1" lang=title_en.then_some("en")>{title}</h3>
        <dl class="de-tl-facts">
            <dt>{t.date}</dt><dd>{event_date(locale, e)}</dd>
            <dt>{shell.confidence}</dt><dd>{badge(lang, e.confidence)}
                {e.confidence_note.as_deref().map(|n| {
                    let (n, en) = local(lang, n, e.confidence_note_ur.as_deref());
                    view! { " "<span class="de-muted" lang=en.then_some("en")>{n}</span> }
                })}</dd>
            {deal}
            {(!e.mineral_ids.is_empty()).then(|| view! { <dt>{t.minerals}</dt><dd><ul class="de-tl-inline">{named(lang, minerals)}</ul></dd> })}
            {(!e.party_ids.is_empty()).then(|| view! { <dt>{t.parties}</dt><dd><ul class="de-tl-inline">{named(lang, parties)}</ul></dd> })}
        </dl>
        <p lang=description_en.then_some("en")>{glossed(description.to_string())}</p>
        {places.map(|list| view! { <h4>{crate::i18n::map::text(lang).places}</h4>{list} })}
        <h4>{t.sources}{crate::ui::parts::in_english_label(lang, true)}</h4>
        <ul class="de-tl-sources">{sources}</ul>
        {cite}
    }.into_any())
}

#[component]
pub fn Details() -> impl IntoView {
    let tl = use_timeline();
    let app = tl.app;
    let sel = Memo::new(move |_| app.state.with(|s| s.sel.clone()));
    // Focus moves to the heading when the panel opens or shows another event.
    Effect::new(move |_| {
        if sel.get().is_some() {
            request_animation_frame(|| {
                let h = document().get_element_by_id("de-tl-details-h");
                if let Some(h) = h.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                    crate::ui::web::focus(&h);
                }
            });
            // An event chosen elsewhere (a link, the chart) is brought into the chart's view.
            let ds = app.dataset();
            let it = tl.items.with_untracked(|its| {
                its.iter()
                    .find(|it| ds.events.get(it.event).map(|e| &e.id) == sel.get_untracked().as_ref())
                    .copied()
            });
            if let Some(it) = it {
                tl.reveal(&it);
            }
        }
    });
    let close = move || {
        let Some(id) = sel.get_untracked() else { return };
        tl.select(None);
        request_animation_frame(move || focus_item(&id));
    };
    view! {
        {move || {
            let id = sel.get()?;
            let ds = app.dataset();
            let content = body(&ds, &id)?;
            Some(view! {
                <section class="de-tl-details" role="region" aria-labelledby="de-tl-details-h"
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
                    <button type="button" class="de-tl-close" on:click=on_click(move |_| close())>{app.tr(|l| text(l).close)}</button>
                    {content}
                </section>
            })
        }}
    }
}
