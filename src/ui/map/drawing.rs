//! The map itself: zoom buttons, the SVG (regions, marks, labels: path data and
//! positions from `crate::geo`) and its caption with the source and the key.
//! The SVG is an image (role img, named "Map of Pakistan …"); the list "Places"
//! beside it is the way in for keyboards and screen readers.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{use_map, MapCtx};
use crate::data::model::{PlaceKind, Precision};
use crate::geo::layout::{layout, MapStyle};
use crate::geo::path::{circle, rings, Shape};
use crate::geo::places::marks;
use crate::geo::project::Projection;
use crate::geo::{GeoBox, Point};
use crate::i18n::isolate;
use crate::i18n::map::text;
use crate::i18n::numbers::Tenths;
use crate::state::vocab::Lang;
use crate::ui::context::{live, on_click, CollectAny};
use crate::ui::format;
use crate::ui::web::measured_width;

/// Kept free around the map, px.
const PAD: f64 = 10.0;

#[derive(Clone, Debug, PartialEq)]
struct RegionPath {
    d: String,
    disputed: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct MarkPath {
    place: usize,
    d: String,
    area: bool,
    kind: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
struct LabelText {
    at: Point,
    text: String,
}

/// One frame of the map: everything the SVG shows at this width, zoom and language.
#[derive(Clone, Debug, PartialEq)]
struct Drawing {
    width: f64,
    height: f64,
    regions: Vec<RegionPath>,
    marks: Vec<MarkPath>,
    labels: Vec<LabelText>,
}

fn drawing(map: &MapCtx, width: f64) -> Option<Drawing> {
    let b = map.boundaries.with(|b| b.clone())?.ok()?;
    let whole = b.bounds()?;
    // The whole country's height at this width; a province's zoom keeps it, so nothing below moves.
    let full = Projection::fit(&whole, width, None, PAD)?;
    let zoomed: Option<GeoBox> = map.zoom.with(|z| z.as_deref().and_then(|id| b.region(id)).map(|r| r.bounds));
    let proj = match zoomed {
        Some(bounds) => Projection::fit(&bounds, width, Some(full.height), PAD)?,
        None => full,
    };
    let lang = map.app.lang.get();
    let ds = map.app.dataset();
    let places = map.shown.with(|shown| marks(&ds, shown, lang));
    let style = if lang.is_rtl() { MapStyle::UR } else { MapStyle::EN };
    let laid = layout(&places, &proj, &style, lang.is_rtl());
    let shown = map.shown.get();
    let place_of = |i: usize| shown.get(i).map(|s| s.place);
    Some(Drawing {
        width,
        height: proj.height,
        regions: b.regions.iter().map(|r| RegionPath { d: rings(&proj, &r.rings), disputed: r.disputed }).collect(),
        marks: laid
            .marks
            .iter()
            .filter_map(|m| {
                let place = place_of(m.place)?;
                let kind = ds.places.get(place)?.kind.id();
                Some(MarkPath { place, d: m.path.clone(), area: m.area, kind })
            })
            .collect(),
        labels: laid
            .labels
            .iter()
            .filter_map(|l| {
                let m = laid.marks.get(l.site)?;
                Some(LabelText { at: l.centre(), text: places.get(m.place)?.label.to_string() })
            })
            .collect(),
    })
}

/// The place a click on the map hit (its mark's `data-place`).
fn place_at(ev: &leptos::ev::MouseEvent) -> Option<usize> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-place]").ok().flatten())
        .and_then(|el| el.get_attribute("data-place"))
        .and_then(|i| i.parse::<usize>().ok())
}

/// A small picture of a kind's mark (or an approximate place's area), for the list and the key.
pub(super) fn glyph(kind: PlaceKind, precision: Precision) -> impl IntoView {
    let c = Point { x: 8.0, y: 8.0 };
    let (d, area) = match precision {
        Precision::Approximate => (circle(c, 6.5), true),
        Precision::Exact => (Shape::of_kind(kind.id()).path(c, 6.5), false),
    };
    view! {
        <svg class=format!("de-map__glyph de-map__mark--{}", kind.id()) class:de-map__area=area viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=d/>
        </svg>
    }
}

#[component]
pub(super) fn MapFigure() -> impl IntoView {
    let map = use_map();
    let app = map.app;
    let wrap = NodeRef::<leptos::html::Div>::new();
    let width = measured_width(wrap);
    let frame = Memo::new(move |_| {
        let w = width.get();
        (w > 2.0 * PAD).then(|| drawing(&map, w)).flatten()
    });
    let name = live(move || {
        let n = map.shown.with(Vec::len);
        (text(app.lang.get()).svg_name)(&format::number(app.locale(), n as f64, 0))
    });
    let svg = move || {
        frame.get().map(|d| {
            let open = map.open.get();
            let regions = d
                .regions
                .into_iter()
                .map(|r| {
                    let hatch = r.disputed.then(|| view! { <path class="de-map__hatch" d=r.d.clone()/> });
                    view! { <path class="de-map__region" class:de-map__region--disputed=r.disputed d=r.d/>{hatch} }
                })
                .collect_any();
            let marks = d
                .marks
                .into_iter()
                .map(|m| {
                    view! {
                        <path class=format!("de-map__mark de-map__mark--{}", m.kind) class:de-map__area=m.area
                            class:de-map__mark--open=open == Some(m.place) data-place=m.place d=m.d/>
                    }
                })
                .collect_any();
            let labels = d
                .labels
                .into_iter()
                .map(|l| view! { <text class="de-map__label" x=Tenths(l.at.x).to_string() y=Tenths(l.at.y).to_string() text-anchor="middle" dominant-baseline="central">{l.text}</text> })
                .collect_any();
            view! {
                <svg class="de-map__svg" role="img" aria-label=name.clone() viewBox=format!("0 0 {} {}", Tenths(d.width), Tenths(d.height))
                    width=Tenths(d.width).to_string() height=Tenths(d.height).to_string() on:click=on_click(move |ev| if let Some(p) = place_at(&ev) { map.open_place(p) })>
                    <defs>
                        <pattern id="de-map-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                            <line class="de-map__hatch-line" x1="0" y1="0" x2="0" y2="6"/>
                        </pattern>
                    </defs>
                    <g class="de-map__regions">{regions}</g>
                    <g class="de-map__marks">{marks}</g>
                    <g class="de-map__labels">{labels}</g>
                </svg>
            }
        })
    };
    let status = move || {
        let t = text(app.lang.get());
        match map.boundaries.get() {
            None => Some(view! { <p class="de-muted">{t.loading}</p> }.into_any()),
            Some(Err(e)) => Some(view! { <p role="alert">{t.failed}" "<code lang="en">{e.detail()}</code></p> }.into_any()),
            Some(Ok(_)) => None,
        }
    };
    view! {
        <figure class="de-map__figure">
            <ZoomButtons/>
            <div class="de-map__frame" node_ref=wrap>{svg}{status}</div>
            <Caption/>
        </figure>
    }
}

/// "Zoom to": one button per province or territory and one for the whole country (aria-pressed).
#[component]
fn ZoomButtons() -> impl IntoView {
    let map = use_map();
    let app = map.app;
    let buttons = move || {
        let lang = app.lang.get();
        let b = map.boundaries.with(|b| b.clone().and_then(Result::ok))?;
        let now = map.zoom.get();
        let button = |id: Option<String>, name: String| {
            let pressed = now == id;
            view! {
                <button type="button" aria-pressed=if pressed { "true" } else { "false" } on:click=on_click(move |_| map.zoom.set(id.clone()))>{name}</button>
            }
        };
        let whole = button(None, text(lang).whole_country.to_string());
        let each = b.regions.iter().map(|r| {
            button(Some(r.id.clone()), r.name_in(lang).to_string())
        });
        Some(std::iter::once(whole).chain(each).collect_any())
    };
    view! {
        <div class="de-map__zoom" role="group" aria-labelledby="de-map-zoom-h">
            <span id="de-map-zoom-h" class="de-map__zoom-label">{app.tr(|l| text(l).zoom_to)}</span>
            {buttons}
        </div>
    }
}

/// The source, the disputed areas' convention and the key.
#[component]
fn Caption() -> impl IntoView {
    let map = use_map();
    let app = map.app;
    let source = move || {
        let lang = app.lang.get();
        let t = text(lang);
        let b = map.boundaries.with(|b| b.clone().and_then(Result::ok))?;
        let iso = |s: &str| if lang == Lang::Ur { isolate(s) } else { s.to_string() };
        let disputed: Vec<String> = b
            .regions
            .iter()
            .filter(|r| r.disputed)
            .map(|r| r.name_in(lang).to_string())
            .collect();
        let sentence = crate::ui::glossary::isolated((t.boundaries)(&iso(&b.source), &iso(&b.version), &iso(&b.licence)));
        let link = (!b.source_url.is_empty()).then(|| view! { " "<a href=b.source_url.clone() rel="external" lang="en">{b.source_url.clone()}</a> });
        let dispute = (!disputed.is_empty()).then(|| (t.disputed)(&disputed.join(t.list_separator)));
        Some(view! { <p>{sentence}{link}" "{dispute}</p> })
    };
    let key = move || {
        let t = text(app.lang.get());
        let kinds = PlaceKind::ALL
            .iter()
            .map(|&k| view! { <li>{glyph(k, Precision::Exact)}" "{t.kind_name(k)}</li> })
            .chain(std::iter::once(view! { <li>{glyph(PlaceKind::Region, Precision::Approximate)}" "{t.approximate_key}</li> }))
            .collect_any();
        view! {
            <p class="de-map__key-h">{t.key}</p>
            <ul class="de-map__key">
                {kinds}
                <li><svg class="de-map__glyph" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <rect class="de-map__region de-map__region--disputed" x="1" y="1" width="14" height="14"/>
                    <rect class="de-map__hatch" x="1" y="1" width="14" height="14"/>
                </svg>" "{t.disputed_key}</li>
            </ul>
        }
    };
    view! { <figcaption class="de-map__caption">{source}{key}</figcaption> }
}
