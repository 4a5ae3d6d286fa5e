//! The timeline's layout, pure: which events, in which order, where.
//!
//! - `scale`: date ↔ x, zoom about a point, pan, clamped to the data.
//! - `ticks`: axis ticks in years, months or days to suit the zoom.
//! - `place`: lanes by category and label rows with greedy collision avoidance.
//! - `eras`: tariff eras derived from the dataset's country-wide measures.
//! - `markup`: the chart's eras, ticks and event marks as SVG text, escaped.
//! - `gesture`: pointers and wheel turns as zooms and pans (pinch, drag, tap).
//!
//! The UI (`ui::timeline`) turns these into SVG and a list; nothing here
//! knows about the DOM, so all of it is tested natively.

pub mod eras;
pub mod fixture;
pub mod gesture;
pub mod markup;
pub mod place;
pub mod scale;
pub mod ticks;

#[cfg(test)]
mod tests;

use crate::data::date::{PartialDate, Precision};
use crate::data::model::{Dataset, Event, EventCategory};
use crate::explore::{run, Index, Query};
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Records, Sort, SortKey};

pub use eras::{era_on, eras, Era, EraKind};
pub use place::{elide, label_width, place, LabelStyle, Mark};
pub use scale::Scale;
pub use ticks::{ticks, Tick, TickSpacing, Unit};

/// One lane per event category.
pub const LANES: usize = EventCategory::ALL.len();

/// The lane of a category (its place in `EventCategory::ALL`).
pub fn lane(c: EventCategory) -> u8 {
    EventCategory::ALL.iter().position(|&x| x == c).unwrap_or(0) as u8
}

/// An event placed in time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// Index into `Dataset::events`.
    pub event: usize,
    /// First and last day covered (day numbers, inclusive).
    pub start: i64,
    pub end: i64,
    pub lane: u8,
    /// How precise the date is: month or year dates are drawn as ranges.
    pub precision: Precision,
    /// Inferred or publication date, or less precise than a day.
    pub approx: bool,
}

impl Item {
    /// From an event; `None` if its date is unreadable (the validator reports it).
    pub fn of(index: usize, e: &Event) -> Option<Item> {
        let first = PartialDate::parse(&e.date)?;
        let last = match e.end_date.as_deref().and_then(PartialDate::parse) {
            Some(end) => end.last_day(),
            None => first.last_day(),
        };
        let (start, end) = (first.first_day.to_days(), last.to_days());
        Some(Item {
            event: index,
            start,
            end: end.max(start),
            lane: lane(e.category),
            precision: first.precision,
            approx: e.date_approx || first.precision != Precision::Day,
        })
    }

    /// Spans more than one day (a range, a month or a year).
    pub fn is_range(&self) -> bool {
        self.end > self.start
    }
}

/// Items for the given events (indexes into `events`), in date order:
/// by first day, then by the order given.
pub fn items(events: &[Event], which: impl IntoIterator<Item = usize>) -> Vec<Item> {
    let found: Vec<Item> = which.into_iter().filter_map(|i| Item::of(i, events.get(i)?)).collect();
    // Through the explorer's one sort (ties by position): no sort of its own in the timeline's part.
    let start = |i: usize| found.get(i).map(|it| it.start);
    let order = crate::explore::order::positions_by(found.len(), &|a, b| start(a).cmp(&start(b)));
    order.into_iter().filter_map(|i| found.get(i as usize).copied()).collect()
}

/// The events the URL's filters select, through the explorer's engine (so the
/// filter logic exists once), in date order whatever the explorer's sort.
pub fn filtered(ds: &Dataset, index: &Index, state: &AppState) -> Vec<Item> {
    let mut query = Query::from_state(state, index);
    query.sort = Sort {
        key: SortKey::Date,
        descending: false,
    };
    let rows = run(index, &query).rows;
    let events = rows
        .iter()
        .filter_map(|&r| index.records.get(r as usize))
        .map(|r| r.source as usize);
    items(&ds.events, events)
}

/// Whether any of the URL's filters applies to events (search, facets, dates).
pub fn filters_apply(state: &AppState) -> bool {
    !state.q.trim().is_empty()
        || Facet::ALL.iter().any(|f| !state.selected(*f).is_empty())
        || state.from.is_some()
        || state.to.is_some()
}

/// [`filtered`], asking for the index only when a filter applies: unfiltered,
/// every event shows in date order (ties in dataset order, as the engine's
/// stable sort gives), and the first render skips building the index (tens of
/// milliseconds on a slow phone).
pub fn filtered_with(ds: &Dataset, state: &AppState, index: impl FnOnce() -> std::sync::Arc<Index>) -> Vec<Item> {
    if filters_apply(state) {
        filtered(ds, &index(), state)
    } else {
        items(&ds.events, 0..ds.events.len())
    }
}

/// The explorer's index of events, built once per dataset.
pub fn event_index(ds: &Dataset) -> Index {
    Index::build(ds, Records::Events)
}

/// The first and last day of the items.
pub fn extent(items: &[Item]) -> Option<(i64, i64)> {
    let first = items.iter().map(|i| i.start).min()?;
    let last = items.iter().map(|i| i.end).max()?;
    Some((first, last))
}

/// The year the story begins: the deals, tariffs and shipments of 2025–26.
/// Events before it are background: folded in the list, one zoom away on the chart.
pub const STORY_YEAR: i32 = 2025;

/// The first day of `STORY_YEAR`.
pub fn story_start() -> i64 {
    crate::data::date::Day { year: STORY_YEAR, month: 1, day: 1 }.to_days()
}

/// Where the story begins in date-ordered items: the first item starting in
/// `STORY_YEAR` or later (`items.len()` when none does). Those before are background.
pub fn story_from(items: &[Item]) -> usize {
    let start = story_start();
    items.iter().position(|i| i.start >= start).unwrap_or(items.len())
}

/// The opening window: the story, from the start of `STORY_YEAR` to the last
/// event; the background years are one "All years" (or a few zoom steps) away.
/// Where no item is in the story (a filter left only older events), from the
/// event a tenth of the way through to the last, so a few centuries-old
/// context events do not squeeze the rest into a sliver.
pub fn opening(items: &[Item], width: f64) -> Option<Scale> {
    let (first, last) = extent(items)?;
    let full = Scale::fit(first, last, width);
    let from = match items.get(story_from(items)) {
        Some(_) => story_start().max(first),
        None => items.get(items.len() / 10).map_or(first, |i| i.start),
    };
    let pad = ((last - from) as f64 * 0.03).max(3.0);
    Some(full.show(from as f64 - pad, (last - from) as f64 + 1.0 + 2.0 * pad))
}

/// The whole extent: every year, background ones too.
pub fn whole(items: &[Item], width: f64) -> Option<Scale> {
    let (first, last) = extent(items)?;
    Some(Scale::fit(first, last, width))
}

/// Each year of the story that has events, with the position of its first item
/// in date-ordered items: the year chips the list jumps by.
pub fn story_years(items: &[Item]) -> Vec<(i32, usize)> {
    let mut years: Vec<(i32, usize)> = Vec::new();
    for (pos, it) in items.iter().enumerate().skip(story_from(items)) {
        let year = crate::data::date::Day::from_days(it.start).year;
        if years.last().is_none_or(|(y, _)| *y != year) {
            years.push((year, pos));
        }
    }
    years
}

/// One filter a reader can see and remove on the timeline: a facet option, the
/// search text, or one end of the date range (as the state holds them).
#[derive(Clone, Debug, PartialEq)]
pub enum ActiveFilter {
    Option(Facet, String),
    Search(String),
    From(crate::data::date::Day),
    To(crate::data::date::Day),
}

impl ActiveFilter {
    /// The state without this filter.
    pub fn remove(&self, state: &mut AppState) {
        match self {
            ActiveFilter::Option(facet, id) => state.toggle(*facet, id, false),
            ActiveFilter::Search(_) => state.set_search(""),
            ActiveFilter::From(_) => state.from = None,
            ActiveFilter::To(_) => state.to = None,
        }
    }
}

/// The filters of the state that apply to events, in the order the explorer
/// shows them: search, facets, dates. Empty exactly when `filters_apply` is false.
pub fn active_filters(state: &AppState) -> Vec<ActiveFilter> {
    let search = Some(state.q.trim()).filter(|q| !q.is_empty()).map(|q| ActiveFilter::Search(q.to_string()));
    let options = Facet::ALL
        .iter()
        .flat_map(|&f| state.selected(f).iter().map(move |id| ActiveFilter::Option(f, id.clone())));
    search
        .into_iter()
        .chain(options)
        .chain(state.from.map(ActiveFilter::From))
        .chain(state.to.map(ActiveFilter::To))
        .collect()
}
