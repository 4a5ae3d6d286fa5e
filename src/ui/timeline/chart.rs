//! The SVG chart and its controls. Gestures become `Scale` calls: wheel and
//! trackpad pinch zoom about the pointer, a drag or swipe pans, two pointers
//! pinch. The SVG is hidden from assistive technology: the list below holds
//! the same events and is the way in for keyboards and screen readers.

use leptos::prelude::*;

use crate::ui::context::{CollectAny, live, on_click};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{era_description, era_label, label, short_label, use_timeline, STYLE};
use crate::data::date::{PartialDate, Precision};
use crate::data::model::EventCategory;
use crate::i18n::timeline::text;
use crate::timeline::markup::{EraSvg, LabelSvg, MarkSvg, TickSvg};
use crate::timeline::{self as tl, Scale, TickSpacing, Unit};
use crate::ui::format;

const AXIS_Y: f64 = 14.0;
const ERA_Y: f64 = 22.0;
const LANES_Y: f64 = 48.0;
const LANE_H: f64 = 50.0;
const HEIGHT: f64 = LANES_Y + LANE_H * tl::LANES as f64;
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

/// Per-pointer positions, how far the gesture has moved (to tell a tap from a
/// drag), and the event whose mark the gesture began on.
#[derive(Default)]
struct Gesture {
    pointers: Vec<(i32, f64, f64)>,
    moved: f64,
    pressed: Option<usize>,
}

/// The event of the chart mark an event's target is in (its `data-event`).
fn mark_event(ev: &web_sys::Event) -> Option<usize> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-event]").ok().flatten())
        .and_then(|el| el.get_attribute("data-event"))
        .and_then(|i| i.parse::<usize>().ok())
}

fn distance(a: &(i32, f64, f64), b: &(i32, f64, f64)) -> f64 {
    (a.1 - b.1).hypot(a.2 - b.2)
}

#[component]
pub fn Chart() -> impl IntoView {
    let tl = use_timeline();
    let app = tl.app;
    let rtl = move || app.lang.get().is_rtl();
    let wrap: NodeRef<leptos::html::Div> = NodeRef::new();
    let svg: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let width = RwSignal::new(0.0f64);
    let gesture = StoredValue::new(Gesture::default());

    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if wrap.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
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

    // Logical x (0 = start edge) of a pointer event, mirrored in right-to-left.
    let logical_x = move |client_x: f64| -> f64 {
        let Some(el) = svg.get_untracked() else { return 0.0 };
        let rect = el.get_bounding_client_rect();
        let x = client_x - rect.left();
        if app.lang.get_untracked().is_rtl() {
            rect.width() - x
        } else {
            x
        }
    };
    let zoom_at = move |factor: f64, x: f64| tl.scale.update(|s| *s = s.map(|s| s.zoom(factor, x)));
    let pan = move |dx: f64| {
        let dx = if app.lang.get_untracked().is_rtl() { -dx } else { dx };
        tl.scale.update(|s| *s = s.map(|s| s.pan(dx)));
    };
    let centre = move || width.get_untracked() / 2.0;

    // Wheel: registered by hand as non-passive so the page does not scroll while zooming.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = svg.get() else { return false };
        let on_wheel = Closure::<dyn FnMut(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
            ev.prevent_default();
            let (dx, dy) = (ev.delta_x(), ev.delta_y());
            if dx.abs() > dy.abs() {
                pan(-dx);
            } else {
                // Trackpad pinch arrives as a wheel with ctrlKey and small deltas.
                let k = if ev.ctrl_key() { 0.01 } else { 0.002 };
                zoom_at((-dy * k).exp(), logical_x(f64::from(ev.client_x())));
            }
        });
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_passive(false);
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            on_wheel.as_ref().unchecked_ref(),
            &opts,
        );
        // Lives as long as the element.
        on_wheel.forget();
        true
    });

    let on_down = move |ev: leptos::ev::PointerEvent| {
        if let Some(el) = svg.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        gesture.update_value(|g| {
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers
                .push((ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y())));
            if g.pointers.len() == 1 {
                g.moved = 0.0;
                g.pressed = mark_event(&ev);
            }
        });
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let now = (ev.pointer_id(), f64::from(ev.client_x()), f64::from(ev.client_y()));
        let mut change = None;
        gesture.update_value(|g| {
            let Some(i) = g.pointers.iter().position(|p| p.0 == now.0) else {
                return;
            };
            let other = g.pointers.iter().find(|p| p.0 != now.0).copied();
            if let Some(before) = g.pointers.get_mut(i) {
                match other {
                    // Two pointers: the ratio of their distances is the zoom, about their midpoint.
                    Some(o) => {
                        let (d0, d1) = (distance(before, &o), distance(&now, &o));
                        if d0 > 1.0 {
                            change = Some((d1 / d0, (now.1 + o.1) / 2.0, 0.0));
                        }
                    }
                    None => change = Some((1.0, 0.0, now.1 - before.1)),
                }
                g.moved += (now.1 - before.1).abs() + (now.2 - before.2).abs();
                *before = now;
            }
        });
        match change {
            Some((f, mid, _)) if f != 1.0 => zoom_at(f, logical_x(mid)),
            Some((_, _, dx)) if dx != 0.0 => pan(dx),
            _ => {}
        }
    };
    let on_up =
        move |ev: leptos::ev::PointerEvent| gesture.update_value(|g| g.pointers.retain(|p| p.0 != ev.pointer_id()));
    // A tap on an event opens it; the end of a drag does not. One listener on
    // the chart finds the mark (where one per mark cost the first render 130
    // closures). The chart captures the pointer on pointerdown, so the click
    // arrives at the chart itself: the mark is the one the press began on.
    let on_tap = move |ev: leptos::ev::MouseEvent| {
        let (moved, pressed) = gesture.with_value(|g| (g.moved, g.pressed));
        if let Some(event) = mark_event(&ev).or(pressed).filter(|_| moved < 6.0) {
            let id = app.dataset().events.get(event).map(|e| e.id.clone());
            tl.select(id);
        }
    };

    let can = move |f: fn(&Scale) -> bool| tl.scale.with(|s| s.as_ref().is_some_and(f));
    let px = move |x: f64| if rtl() { width.get() - x } else { x };
    let spacing = move || {
        if app.lang.get().is_rtl() {
            TickSpacing::URDU
        } else {
            TickSpacing::ENGLISH
        }
    };
    // Eras, ticks and marks are each one string of SVG (`timeline::markup`),
    // parsed by the browser at once: node by node from wasm, the marks alone
    // cost the first render about a third of its time.
    let ticks = Memo::new(move |_| {
        let locale = app.locale();
        let Some(s) = tl.scale.get() else {
            return String::new();
        };
        let mut out = String::new();
        for k in tl::ticks(&s, &spacing()) {
            let precision = match k.unit {
                Unit::Year => Precision::Year,
                Unit::Month => Precision::Month,
                Unit::Day => Precision::Day,
            };
            let text = match precision {
                Precision::Day => format::day_short(locale, k.day),
                _ => format::partial_date(
                    locale,
                    PartialDate {
                        first_day: k.day,
                        precision,
                    },
                ),
            };
            let x = px(k.x);
            TickSvg {
                x,
                label_x: x + if rtl() { -3.0 } else { 3.0 },
                label_y: AXIS_Y,
                y1: AXIS_Y + 4.0,
                y2: HEIGHT,
                text: &text,
            }
            .write(&mut out);
        }
        out
    });
    let eras = Memo::new(move |_| {
        let Some(s) = tl.scale.get() else {
            return String::new();
        };
        let (lang, locale, ds) = (app.lang.get(), app.locale(), app.dataset());
        let mut out = String::new();
        for (i, e) in tl.eras.get_value().iter().enumerate() {
            let from = e.start.map_or(s.start, |d| d as f64).max(s.start);
            let to = e.end.map_or(s.end(), |d| d as f64).min(s.end());
            if to <= from {
                continue;
            }
            let (a, b) = (px(s.x(from)), px(s.x(to)));
            let (x, width) = (a.min(b), (a - b).abs());
            let label = era_label(lang, locale, e);
            let fits = width > label.chars().count() as f64 * 7.5 + 8.0;
            EraSvg {
                shade: i,
                x,
                width,
                y: ERA_Y,
                height: HEIGHT - ERA_Y,
                description: &era_description(&ds, lang, locale, e),
                label: fits.then_some(label.as_str()),
                label_y: ERA_Y + 14.0,
            }
            .write(&mut out);
        }
        out
    });
    let lanes = move || {
        (0..tl::LANES as u8).map(|l| view! {
            <rect class=format!("de-tl-laneband de-tl-laneband{}", l % 2) x="0" width="100%" y=LANES_Y + f64::from(l) * LANE_H height=LANE_H/>
        }).collect_any()
    };
    let marks = Memo::new(move |_| {
        let (lang, ds) = (app.lang.get(), app.dataset());
        let sel = app.state.with(|s| s.sel.clone());
        let active = tl.active.get();
        let mut out = String::new();
        tl.marks.with(|marks| {
            tl.items.with(|items| {
                for m in marks {
                    let Some((it, e)) = items
                        .get(m.item)
                        .and_then(|it| Some((it, ds.events.get(it.event)?)))
                    else {
                        continue;
                    };
                    let y = LANES_Y + f64::from(m.lane) * LANE_H + 11.0;
                    let text = m.row.map(|row| {
                        let (title, english) = label(&ds, lang, it.event);
                        (row, short_label(&title), english)
                    });
                    MarkSvg {
                        event: it.event,
                        lane: m.lane,
                        x: px(m.x),
                        y,
                        range_to: it.is_range().then(|| px(m.x_end)),
                        shape: shape(m.lane),
                        hollow: it.approx,
                        hot: sel.as_deref() == Some(e.id.as_str()) || m.item == active,
                        label: text.as_ref().map(|(row, short, english)| LabelSvg {
                            x: px(m.x + STYLE.offset),
                            y: y + 19.0 + f64::from(*row) * 14.0,
                            text: short,
                            english: *english,
                        }),
                    }
                    .write(&mut out);
                }
            })
        });
        out
    });

    view! {
        <div class="de-tl-controls" role="group" aria-label=app.tr(|l| text(l).controls_label)>
            <button type="button" aria-disabled=move || (!can(Scale::can_zoom_in)).then_some("true")
                on:click=on_click(move |_| zoom_at(STEP, centre()))>{app.tr(|l| text(l).zoom_in)}</button>
            <button type="button" aria-disabled=move || (!can(Scale::can_zoom_out)).then_some("true")
                on:click=on_click(move |_| zoom_at(1.0 / STEP, centre()))>{app.tr(|l| text(l).zoom_out)}</button>
            <button type="button" on:click=on_click(move |_| tl.reset(width.get_untracked()))>{app.tr(|l| text(l).reset_zoom)}</button>
            <p class="de-muted de-tl-hint">{app.tr(|l| text(l).hint)}</p>
        </div>
        <Legend/>
        <div class="de-tl-chart" node_ref=wrap>
            // The window in days, for tests and debugging.
            <svg node_ref=svg class="de-tl-svg" aria-hidden="true" focusable="false"
                 data-span=move || tl.scale.with(|s| s.map(|s| format!("{:.0}", s.span)))
                 width="100%" height=HEIGHT viewBox=live(move || format!("0 0 {} {HEIGHT}", width.get().max(1.0)))
                 on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:click=on_tap>
                {lanes}
                <g inner_html=eras></g>
                <g inner_html=ticks></g>
                <g class="de-tl-marks" inner_html=marks></g>
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
