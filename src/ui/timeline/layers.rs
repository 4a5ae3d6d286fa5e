//! The chart's layers as SVG text (`timeline::markup`), each a memo of the
//! scale, the width and the language: eras, ticks and event marks. The browser
//! parses each string at once: node by node from wasm, the marks alone cost
//! the first render about a third of its time.

use leptos::prelude::*;

use super::chart::shape;
use super::{era_description, era_label, label, short_label, Timeline, STYLE};
use crate::data::date::{PartialDate, Precision};
use crate::timeline::markup::{EraSvg, LabelSvg, MarkSvg, TickSvg};
use crate::timeline::{self as tl, TickSpacing, Unit};
use crate::ui::format;

pub(super) const AXIS_Y: f64 = 14.0;
const ERA_Y: f64 = 22.0;
pub(super) const LANES_Y: f64 = 48.0;
pub(super) const LANE_H: f64 = 50.0;
pub(super) const HEIGHT: f64 = LANES_Y + LANE_H * tl::LANES as f64;

/// The three layers of the chart.
pub(super) struct Layers {
    pub eras: Memo<String>,
    pub ticks: Memo<String>,
    pub marks: Memo<String>,
}

impl Layers {
    pub fn new(tl: Timeline, width: RwSignal<f64>) -> Layers {
        Layers { eras: eras(tl, width), ticks: ticks(tl, width), marks: marks(tl, width) }
    }
}

/// A logical x as the SVG's x: mirrored in right-to-left.
fn svg_x(tl: Timeline, width: RwSignal<f64>, x: f64) -> f64 {
    if tl.app.lang.get().is_rtl() {
        width.get() - x
    } else {
        x
    }
}

fn ticks(tl: Timeline, width: RwSignal<f64>) -> Memo<String> {
    let app = tl.app;
    Memo::new(move |_| {
        let locale = app.locale();
        let rtl = app.lang.get().is_rtl();
        let spacing = if rtl { TickSpacing::URDU } else { TickSpacing::ENGLISH };
        let Some(s) = tl.scale.get() else {
            return String::new();
        };
        let mut out = String::new();
        for k in tl::ticks(&s, &spacing) {
            let precision = match k.unit {
                Unit::Year => Precision::Year,
                Unit::Month => Precision::Month,
                Unit::Day => Precision::Day,
            };
            let text = match precision {
                Precision::Day => format::day_short(locale, k.day),
                _ => format::partial_date(locale, PartialDate { first_day: k.day, precision }),
            };
            let x = svg_x(tl, width, k.x);
            TickSvg {
                x,
                label_x: x + if rtl { -3.0 } else { 3.0 },
                label_y: AXIS_Y,
                y1: AXIS_Y + 4.0,
                y2: HEIGHT,
                text: &text,
            }
            .write(&mut out);
        }
        out
    })
}

fn eras(tl: Timeline, width: RwSignal<f64>) -> Memo<String> {
    let app = tl.app;
    Memo::new(move |_| {
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
            let (a, b) = (svg_x(tl, width, s.x(from)), svg_x(tl, width, s.x(to)));
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
    })
}

fn marks(tl: Timeline, width: RwSignal<f64>) -> Memo<String> {
    let app = tl.app;
    Memo::new(move |_| {
        let (lang, ds) = (app.lang.get(), app.dataset());
        let sel = app.state.with(|s| s.sel.clone());
        let active = tl.active.get();
        let mut out = String::new();
        tl.marks.with(|marks| {
            tl.items.with(|items| {
                for m in marks {
                    let Some((it, e)) = items.get(m.item).and_then(|it| Some((it, ds.events.get(it.event)?))) else {
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
                        x: svg_x(tl, width, m.x),
                        y,
                        range_to: it.is_range().then(|| svg_x(tl, width, m.x_end)),
                        shape: shape(m.lane),
                        hollow: it.approx,
                        hot: sel.as_deref() == Some(e.id.as_str()) || m.item == active,
                        label: text.as_ref().map(|(row, short, english)| LabelSvg {
                            x: svg_x(tl, width, m.x + STYLE.offset),
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
    })
}
