//! The SVG chart and its controls. Gestures become `Scale` calls: wheel and
//! trackpad pinch zoom about the pointer, a drag or swipe pans, two pointers
//! pinch. The SVG is hidden from assistive technology: the list below holds
//! the same events and is the way in for keyboards and screen readers.

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::layers::{Layers, HEIGHT, LANES_Y, LANE_H};
use super::{era_description, use_timeline, Timeline};
use crate::data::model::EventCategory;
use crate::i18n::timeline::text;
use crate::timeline::gesture::{self, Gesture, Step};
use crate::i18n::numbers::Tenths;
use crate::timeline::{self as tl, Scale};
use crate::ui::context::{on_click, live, CollectAny};
use crate::ui::web::measured_width;

/// Zoom factor of one button press.
const STEP: f64 = 2.0;

/// A marker shape per lane (centred on 0,0), so category never relies on colour.
pub(crate) fn shape(lane: u8) -> &'static str {
    match lane {
        0 => "M-6,0a6,6 0 1,0 12,0a6,6 0 1,0 -12,0z",
        1 => "M-5.5,-5.5h11v11h-11z",
        2 => "M0,-7.5L7.5,0L0,7.5L-7.5,0z",
        3 => "M0,-7L7,5.5H-7z",
        4 => "M0,7L7,-5.5H-7z",
        5 => "M-3.5,-6.5H3.5L7,0L3.5,6.5H-3.5L-7,0z",
        _ => "M-2.2,-7h4.4v4.8h4.8v4.4h-4.8v4.8h-4.4v-4.8h-4.8v-4.4h4.8z",
    }
}

/// A small inline SVG of a lane's shape, for the legend and the list.
pub(crate) fn glyph(lane: u8, hollow: bool) -> impl IntoView {
    view! {
        <svg class=format!("de-tl-glyph de-tl-lane{lane}") class:de-tl-hollow=hollow viewBox="-9 -9 18 18" width="14" height="14" aria-hidden="true" focusable="false">
            <path d=shape(lane)/>
        </svg>
    }
}

/// The event of the chart mark an event's target is in (its `data-event`).
fn mark_event(ev: &web_sys::Event) -> Option<usize> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-event]").ok().flatten())
        .and_then(|el| el.get_attribute("data-event"))
        .and_then(|i| i.parse::<usize>().ok())
}

/// Applies gesture steps to the timeline's scale, in the chart's reading direction.
#[derive(Clone, Copy)]
struct Steer {
    tl: Timeline,
    svg: NodeRef<leptos::svg::Svg>,
}

impl Steer {
    fn rtl(self) -> bool {
        self.tl.app.lang.get_untracked().is_rtl()
    }

    fn zoom_at(self, factor: f64, x: f64) {
        self.tl.scale.update(|s| *s = s.map(|s| s.zoom(factor, x)));
    }

    /// Applies a step whose positions are client pixels.
    fn apply(self, step: Step) {
        match step {
            Step::Zoom { factor, at } => {
                let Some(el) = self.svg.get_untracked() else { return };
                let rect = el.get_bounding_client_rect();
                self.zoom_at(factor, gesture::logical_x(at, rect.left(), rect.width(), self.rtl()));
            }
            Step::Pan { dx } => {
                let dx = gesture::logical_dx(dx, self.rtl());
                self.tl.scale.update(|s| *s = s.map(|s| s.pan(dx)));
            }
            Step::Nothing => {}
        }
    }
}

/// Wheel zoom and pan on the chart: a non-passive listener (so the page does
/// not scroll while zooming), removed with the view.
fn follow_wheel(steer: Steer) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = steer.svg.get() else { return false };
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&el, "wheel", options, move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() else { return };
            ev.prevent_default();
            steer.apply(gesture::wheel(ev.delta_x(), ev.delta_y(), ev.ctrl_key(), f64::from(ev.client_x())));
        });
        StoredValue::new_local(listener);
        true
    });
}

#[component]
pub fn Chart() -> impl IntoView {
    let tl = use_timeline();
    let app = tl.app;
    let wrap: NodeRef<leptos::html::Div> = NodeRef::new();
    let svg: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let width = measured_width(wrap);
    let gesture = StoredValue::new(Gesture::default());
    let steer = Steer { tl, svg };
    // New filters or width: a fresh window fitting the events; a resize keeps the dates.
    Effect::new(move |prev: Option<usize>| {
        let n = tl.items.with(Vec::len);
        let w = width.get();
        let first = tl.items.with(|i| i.first().map(|x| (x.start, x.end)));
        let key = n ^ first.map_or(0, |f| f.0 as usize);
        if w > 0.0 {
            match tl.scale.get_untracked() {
                Some(s) if prev == Some(key) => tl.scale.set(Some(s.resized(w))),
                _ => tl.reset(w),
            }
        }
        key
    });
    follow_wheel(steer);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if let Some(el) = svg.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let on_mark = mark_event(&ev);
        gesture.update_value(|g| g.down(ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()), on_mark));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let step = gesture.try_update_value(|g| g.move_to(ev.pointer_id(), x, y));
        steer.apply(step.unwrap_or(Step::Nothing));
    };
    let on_up = move |ev: leptos::ev::PointerEvent| gesture.update_value(|g| g.up(ev.pointer_id()));
    // A tap on an event opens it; the end of a drag does not. One listener on
    // the chart finds the mark (where one per mark cost the first render 130
    // closures). The chart captures the pointer on pointerdown, so the click
    // arrives at the chart itself: the mark is the one the press began on.
    let on_tap = move |ev: leptos::ev::MouseEvent| {
        if let Some(event) = gesture.with_value(|g| g.tap(mark_event(&ev))) {
            tl.select(app.dataset().events.get(event).map(|e| e.id.clone()));
        }
    };
    let can = move |f: fn(&Scale) -> bool| tl.scale.with(|s| s.as_ref().is_some_and(f));
    let centre = move || width.get_untracked() / 2.0;
    let layers = Layers::new(tl, width);
    let lanes = move || {
        (0..tl::LANES as u8).map(|l| view! {
            <rect class=format!("de-tl-laneband de-tl-laneband{}", l % 2) x="0" width="100%" y=Tenths(LANES_Y + f64::from(l) * LANE_H).to_string() height=Tenths(LANE_H).to_string()/>
        }).collect_any()
    };
    view! {
        <div class="de-tl-controls" role="group" aria-label=app.tr(|l| text(l).controls_label)>
            <button type="button" aria-disabled=move || (!can(Scale::can_zoom_in)).then_some("true")
                on:click=on_click(move |_| steer.zoom_at(STEP, centre()))>{app.tr(|l| text(l).zoom_in)}</button>
            <button type="button" aria-disabled=move || (!can(Scale::can_zoom_out)).then_some("true")
                on:click=on_click(move |_| steer.zoom_at(1.0 / STEP, centre()))>{app.tr(|l| text(l).zoom_out)}</button>
            <button type="button" on:click=on_click(move |_| tl.reset(width.get_untracked()))>{app.tr(|l| text(l).reset_zoom)}</button>
            <button type="button" on:click=on_click(move |_| tl.scale.set(tl.items.with_untracked(|its| tl::whole(its, width.get_untracked()))))>
                {app.tr(|l| text(l).all_years)}
            </button>
            <p class="de-muted de-tl-hint">{app.tr(|l| text(l).hint)}</p>
        </div>
        <Legend/>
        <div class="de-tl-chart" node_ref=wrap>
            // The window in days, for tests and debugging.
            <svg node_ref=svg class="de-tl-svg" aria-hidden="true" focusable="false"
                 data-span=move || tl.scale.with(|s| s.map(|s| (s.span.round() as i64).to_string()))
                 width="100%" height=Tenths(HEIGHT).to_string() viewBox=live(move || format!("0 0 {} {}", Tenths(width.get().max(1.0)), Tenths(HEIGHT)))
                 on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:click=on_tap>
                {lanes}
                <g inner_html=layers.eras></g>
                <g inner_html=layers.ticks></g>
                <g class="de-tl-marks" inner_html=layers.marks></g>
            </svg>
        </div>
    }
}

/// Shapes and names of the categories, the approximate-date mark, and the eras in words.
#[component]
fn Legend() -> impl IntoView {
    let tl = use_timeline();
    let app = tl.app;
    let shell = move || crate::i18n::shell::text(app.lang.get());
    let eras = move || {
        let (lang, locale, ds) = (app.lang.get(), app.locale(), app.dataset());
        tl.eras
            .get_value()
            .iter()
            .map(|e| view! { <li>{era_description(&ds, lang, locale, e)}</li> })
            .collect_any()
    };
    view! {
        <div class="de-tl-legend">
            <h3 class="de-visually-hidden">{app.tr(|l| text(l).legend_label)}</h3>
            <ul class="de-tl-cats" aria-label=app.tr(|l| text(l).legend_label)>
                {EventCategory::ALL.into_iter().map(|c| view! {
                    <li>{glyph(tl::lane(c), false)}" "{move || shell().category(c)}</li>
                }).collect_any()}
                <li>{glyph(0, true)}" "{app.tr(|l| text(l).approx_legend)}</li>
            </ul>
            <details class="de-tl-eras">
                <summary>{app.tr(|l| text(l).eras_label)}</summary>
                <p class="de-muted">{app.tr(|l| text(l).eras_note)}</p>
                <ul>{eras}</ul>
            </details>
        </div>
    }
}
