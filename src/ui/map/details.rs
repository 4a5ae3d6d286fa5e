//! A place's details: what it is, where (exact or approximate), its sources,
//! and the deals, events and minerals that name it, each a link into the
//! Deals or Timeline view.

use leptos::prelude::*;

use super::use_map;
use crate::data::model::{Dataset, Place, Precision};
use crate::geo::places::{place_name, records_at};
use crate::i18n::local;
use crate::i18n::map::text;
use crate::state::vocab::Records;
use crate::ui::context::{on_click, AppCtx};
use crate::ui::format;
use crate::ui::parts::badge;
use crate::ui::router;

/// A link that opens a record in its own view with its details open, the filters cleared.
fn record_link(app: AppCtx, records: Records, id: &str, title: &str, title_ur: Option<&str>) -> AnyView {
    let lang = app.lang.get_untracked();
    let target = app.state.with_untracked(|s| s.opening(records, id));
    let (name, en) = local(lang, title, title_ur);
    view! { <li><a href=router::href_for(&target) lang=en.then_some("en") on:click=on_click(router::follow(app, target))>{name}</a></li> }.into_any()
}

/// A link that opens a view filtered by this place (`place=`), the other filters cleared.
fn place_link(app: AppCtx, records: Records, place_id: &str, label: &'static str) -> AnyView {
    let target = app.state.with_untracked(|s| crate::explore::places::records_at(s, place_id, records));
    view! { <li><a href=router::href_for(&target) on:click=on_click(router::follow(app, target))>{label}</a></li> }.into_any()
}

/// A titled list, or "None in the dataset".
fn section(heading: &'static str, none: &'static str, items: Vec<AnyView>) -> AnyView {
    let body = if items.is_empty() { view! { <p class="de-muted">{none}</p> }.into_any() } else { view! { <ul>{items}</ul> }.into_any() };
    view! { <h4>{heading}</h4>{body} }.into_any()
}

fn body(app: AppCtx, ds: &Dataset, p: &Place, region: Option<String>) -> AnyView {
    let (lang, locale) = (app.lang.get(), app.locale());
    let t = text(lang);
    let shell = crate::i18n::shell::text(lang);
    let at = records_at(ds, &p.id);
    let deals = at.deals.iter().map(|d| record_link(app, Records::Deals, &d.id, &d.title, d.title_ur.as_deref())).collect();
    let events = at.events.iter().map(|e| record_link(app, Records::Events, &e.id, &e.title, e.title_ur.as_deref())).collect();
    let minerals = ds
        .minerals
        .iter()
        .filter(|m| at.mineral_ids.contains(&m.id.as_str()))
        .map(|m| {
            let (name, en) = local(lang, &m.name, m.name_ur.as_deref());
            view! { <li lang=en.then_some("en")>{name}</li> }.into_any()
        })
        .collect();
    let sources = p
        .sources
        .iter()
        .filter_map(|id| ds.source(id))
        .map(|s| view! { <li><a href=s.url.clone() rel="external" lang="en">{s.title.clone()}</a>" — "<span lang="en">{s.publisher.clone()}</span></li> }.into_any())
        .collect();
    let location = match (p.precision, p.radius_km) {
        (Precision::Approximate, Some(km)) => (t.approximate)(&format::number(locale, km, 0)),
        _ => t.exact.to_string(),
    };
    let coordinates = (t.lat_lon)(&format::number(locale, p.lat, 4), &format::number(locale, p.lon, 4));
    let (description, description_en) = local(lang, &p.description, Some(&p.description_ur));
    let standalone = app.state.with_untracked(|s| crate::explore::places::on_map(s, &p.id));
    let cite = crate::ui::share::cite_button(place_name(p, lang).to_string(), standalone, p.sources.clone());
    view! {
        <dl class="de-map__facts">
            <dt>{t.kind}</dt><dd>{t.kind_name(p.kind)}</dd>
            <dt>{t.province}</dt><dd>{region.unwrap_or_else(|| p.province.clone())}</dd>
            <dt>{t.location}</dt><dd>{location}</dd>
            <dt>{t.coordinates}</dt><dd>{coordinates}</dd>
            <dt>{shell.confidence}</dt><dd>{badge(lang, p.confidence)}</dd>
        </dl>
        <p lang=description_en.then_some("en")>{description}</p>
        {section(t.deals, t.none, deals)}
        {section(t.events, t.none, events)}
        {section(t.minerals, t.none, minerals)}
        {section(t.sources, t.none, sources)}
        <ul class="de-map__open">
            {place_link(app, Records::Deals, &p.id, t.open_deals)}
            {place_link(app, Records::Events, &p.id, t.open_timeline)}
        </ul>
        {cite}
    }
    .into_any()
}

#[component]
pub(crate) fn PlaceDetails() -> impl IntoView {
    let map = use_map();
    let app = map.app;
    move || {
        let ds = app.dataset();
        let p = ds.places.get(map.open.get()?)?;
        let lang = app.lang.get();
        let region = map.boundaries.with(|b| {
            let r = b.as_ref()?.as_ref().ok()?.region(&p.province)?;
            Some(r.name_in(lang).to_string())
        });
        Some(view! {
            <section class="de-map__details" aria-labelledby="de-map-details-h"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { map.close() }>
                <div class="de-map__details-head">
                    <h3 id="de-map-details-h" tabindex="-1">{place_name(p, lang).to_string()}</h3>
                    <button type="button" on:click=on_click(move |_| map.close())>{text(lang).close}</button>
                </div>
                {body(app, &ds, p, region)}
            </section>
        })
    }
}
