//! Timeline view: an SVG chart (axis, tariff eras, one lane per category,
//! labels that never overlap) over an ordered list of the same events, which is
//! the accessible way in. All geometry comes from `crate::timeline`; this
//! module only reads memos of it and turns gestures into scale changes.

mod chart;
mod details;
mod layers;
mod list;
mod story;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::model::{Dataset, Event};
use crate::i18n::timeline::text;
use crate::state::vocab::{Lang, Records};
use crate::timeline::{self as tl, Era, Item, LabelStyle, Mark, Scale};
use crate::ui::context::{use_app, AppCtx, show, live};
use crate::ui::format::{self, Locale};
use crate::ui::router::Nav;

/// Labels: two rows per lane, elided after this many characters.
const LABEL_CHARS: usize = 26;
const STYLE: LabelStyle = LabelStyle::VIEW;

/// What the parts of the view share.
#[derive(Clone, Copy)]
pub(crate) struct Timeline {
    pub app: AppCtx,
    pub items: Memo<Vec<Item>>,
    pub eras: StoredValue<Arc<Vec<Era>>>,
    /// The chart's window; `None` until the chart has a width.
    pub scale: RwSignal<Option<Scale>>,
    pub marks: Memo<Vec<Mark>>,
    /// Position in `items` of the list's tab stop.
    pub active: RwSignal<usize>,
    /// Where the story begins in `items` (`timeline::story_from`); those before are background.
    pub story_from: Memo<usize>,
    /// The background events unfolded in the list (transient: not in the address).
    pub earlier: RwSignal<bool>,
}

impl Timeline {
    fn new(app: AppCtx) -> Timeline {
        let ds = app.dataset();
        // The events index only once a filter applies (most readers never filter).
        let items = Memo::new(move |_| {
            let ds = app.dataset();
            app.state.with(|s| tl::filtered_with(&ds, s, || app.index(Records::Events)))
        });
        let eras = StoredValue::new(Arc::new(tl::eras(&ds.tariff_measures)));
        let scale = RwSignal::new(None::<Scale>);
        let widths = Memo::new(move |_| {
            let (ds, lang) = (app.dataset(), app.lang.get());
            items.with(|its| {
                its.iter()
                    .map(|it| label_width(lang, &label(&ds, lang, it.event).0))
                    .collect::<Vec<f64>>()
            })
        });
        let marks = Memo::new(move |_| {
            let Some(s) = scale.get() else { return Vec::new() };
            items.with(|its| widths.with(|w| tl::place(its, w, &s, &STYLE)))
        });
        let story_from = Memo::new(move |_| items.with(|its| tl::story_from(its)));
        Timeline {
            app,
            items,
            eras,
            scale,
            marks,
            active: RwSignal::new(story_from.get_untracked()),
            story_from,
            earlier: RwSignal::new(false),
        }
    }

    /// The first position the list shows: the story's, or 0 with the earlier events unfolded.
    pub fn first_shown(&self) -> usize {
        if self.earlier.get() { 0 } else { self.story_from.get() }
    }

    /// Moves the list's tab stop and focus to a position (unfolding the earlier
    /// events if it is one of them) and brings it into the chart's window.
    pub fn jump(&self, to: usize) {
        let Some(it) = self.items.with_untracked(|its| its.get(to).copied()) else { return };
        let unfold = to < self.story_from.get_untracked() && !self.earlier.get_untracked();
        if unfold {
            self.earlier.set(true);
        }
        self.active.set(to);
        self.reveal(&it);
        if let Some(e) = self.app.dataset().events.get(it.event) {
            let id = e.id.clone();
            if unfold {
                // After the list has drawn the items just unfolded.
                request_animation_frame(move || list::focus_item(&id));
            } else {
                list::focus_item(&id);
            }
        }
    }

    /// The opening window for the current items at a width.
    pub fn reset(&self, width: f64) {
        let opening = self.items.with_untracked(|its| tl::opening(its, width));
        self.scale.set(opening);
    }

    /// Opens (or closes, with `None`) an event's details; recorded in the URL.
    pub fn select(&self, id: Option<String>) {
        self.app.update(Nav::Push, move |s| s.sel = id);
    }

    /// Brings an item into the chart's window if it is outside.
    pub fn reveal(&self, item: &Item) {
        self.scale.update(|s| {
            if let Some(sc) = s {
                if !sc.shows(item.start as f64, item.end as f64) {
                    *sc = sc.centre_on(item.start as f64);
                }
            }
        });
    }
}

pub(crate) use details::Details as EventDetails;

pub(crate) fn use_timeline() -> Timeline {
    expect_context::<Timeline>()
}

/// An event's title in the interface language, and whether it is the English fallback.
pub(crate) fn label(ds: &Dataset, lang: Lang, event: usize) -> (String, bool) {
    match ds.events.get(event) {
        Some(e) => crate::i18n::local(lang, &e.title, e.title_ur.as_deref()),
        None => (String::new(), false),
    }
}

/// Estimated label width in px: Nastaliq runs wider than Latin at the same size.
fn label_width(lang: Lang, title: &str) -> f64 {
    let char_px = if lang == Lang::Ur { 8.0 } else { 7.0 };
    tl::label_width(title, LABEL_CHARS, char_px)
}

/// The chart label: the title, elided.
pub(crate) fn short_label(title: &str) -> String {
    tl::elide(title, LABEL_CHARS)
}

/// An event's date as precise as the data, with its end where it is a range.
pub(crate) fn event_date(locale: Locale, e: &Event) -> String {
    let start = format::data_date(locale, Some(&e.date));
    match e.end_date.as_deref() {
        Some(end) => format!("{start} – {}", format::data_date(locale, Some(end))),
        None => start,
    }
}

/// "10%", "29% (hours)", "10% (pause)": the rate from the data, the qualifier from the era's kind.
pub(crate) fn era_label(lang: Lang, locale: Locale, era: &Era) -> String {
    let t = text(lang);
    let rate = format::percent(locale, era.rate);
    match era.kind {
        tl::EraKind::Plain => rate,
        tl::EraKind::Resumed => format!("{rate} {}", t.era_pause),
    }
}

/// The era's dates and its measures' names, for titles and the list.
pub(crate) fn era_description(ds: &Dataset, lang: Lang, locale: Locale, era: &Era) -> String {
    let t = text(lang);
    let day = |d: i64| format::day(locale, crate::data::date::Day::from_days(d));
    let rate = era_label(lang, locale, era);
    let when = match (era.start, era.end) {
        (Some(s), Some(e)) if e > s + 1 => (t.era_span)(&rate, &day(s), &day(e - 1)),
        (Some(s), Some(_)) => format!("{rate}, {}", day(s)),
        (Some(s), None) => (t.era_from)(&rate, &day(s)),
        (None, _) => rate,
    };
    let names: Vec<String> = era
        .measures
        .iter()
        .filter_map(|&i| ds.tariff_measures.get(i))
        .map(|m| crate::i18n::local(lang, &m.name, m.name_ur.as_deref()).0)
        .collect();
    format!("{when}: {}", names.join(", "))
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let app = use_app();
    let tl = Timeline::new(app);
    provide_context(tl);
    // The explorer's count sentence, so both views word it alike.
    let count = live(move || {
        let total = app.dataset().events.len();
        crate::ui::deals::count_text(app, tl.items.with(Vec::len), total, crate::state::vocab::Records::Events)
    });
    // The list (130 items) once the chart has painted: the chart paints sooner and
    // no one task is long on a slow phone. The footer waits for it (see Shell).
    let list_ready = crate::ui::paint::after_first_paint();
    let filtered = move || app.state.with(tl::filters_apply);
    view! {
        <section class="de-view de-tl" aria-labelledby="de-tl-h">
            <h2 id="de-tl-h">{app.tr(|l| text(l).heading)}</h2>
            <p class="de-muted de-tl-intro">{move || {
                let t = text(app.lang.get());
                if filtered() { t.intro_filtered } else { t.intro }
            }}</p>
            {show(filtered, || view! { <crate::ui::parts::ActiveFilters records=Records::Events only=None/> }.into_any())}
            <p role="status" class="de-tl-count">{count}</p>
            <chart::Chart/>
            {crate::ui::views::on_demand(move || app.state.with(|s| s.sel.is_some()), crate::ui::views::preload_event_details, crate::ui::views::render_event_details)}
            {show(move || tl.items.with(Vec::is_empty), move || view! {
                <p class="de-tl-none">{app.tr(|l| text(l).none)}</p>
            }.into_any())}
            {show(move || list_ready.get(), || view! { <story::StoryNav/><list::EventList/> }.into_any())}
        </section>
    }
}
