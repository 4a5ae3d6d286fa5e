//! The regimes as horizontal bars, drawn as inline SVG. A solid bar is the
//! lowest total; a dashed outline extends it to the highest where they differ,
//! so the range is shown by shape as well as shade.

use leptos::prelude::*;

use crate::i18n::numbers::Tenths;
use crate::ui::context::CollectAny;

/// One bar: its label (already formatted, amounts included) and totals in cents.
pub(super) struct Bar {
    pub label: String,
    pub low: i64,
    pub high: i64,
}

const WIDTH: f64 = 600.0;
const ROW: f64 = 46.0;

pub(super) fn bars_chart(bars: Vec<Bar>, summary: String, rtl: bool) -> impl IntoView {
    let max = bars.iter().map(|b| b.high).max().unwrap_or(0).max(1) as f64;
    let height = ROW * bars.len() as f64 + 4.0;
    let span = |x: i64| (x.max(0) as f64 / max * WIDTH).clamp(0.0, WIDTH);
    // Bars grow from the start edge: the right in Urdu.
    let at = |from: f64, width: f64| if rtl { WIDTH - from - width } else { from };
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as f64 * ROW;
            let (low, high) = (span(b.low), span(b.high));
            let extra = (high - low).max(0.0);
            view! {
                <g>
                    <text x=Tenths(if rtl { WIDTH } else { 0.0 }).to_string() y=Tenths(y + 15.0).to_string() class="de-cal__chart-label"
                          direction=if rtl { "rtl" } else { "ltr" }>{b.label}</text>
                    <rect x=Tenths(at(0.0, low)).to_string() y=Tenths(y + 22.0).to_string() width=Tenths(low).to_string() height="16" class="de-cal__bar"/>
                    {(extra > 0.0).then(|| view! {
                        <rect x=Tenths(at(low, extra)).to_string() y=Tenths(y + 22.5).to_string() width=Tenths(extra).to_string() height="15" class="de-cal__bar-range"/>
                    })}
                </g>
            }
        })
        .collect_any();
    view! {
        <svg class="de-cal__chart" role="img" aria-label=summary viewBox=format!("0 0 {} {}", Tenths(WIDTH), Tenths(height))
             preserveAspectRatio="xMinYMin meet" focusable="false">
            {rows}
        </svg>
    }
}
