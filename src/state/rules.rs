//! How the state changes when a reader acts: every rule that keeps the state
//! one the address can hold (`AppState::parse(s.to_query()) == s`) lives here,
//! so the views only say which action happened.

use super::fields::{clean_text, is_id, parse_whole, MAX_LIST_LEN};
use super::url::AppState;
use super::vocab::{Facet, Records, SourceKind, SourceSort, View};
use crate::data::date::Day;

/// The two range filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// `from`/`to`, days.
    Dates,
    /// `vmin`/`vmax`, whole dollars.
    Values,
}

/// Which end of a range an input sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Low,
    High,
}

/// Sets one end of a range; a reversed range drops the other end so the URL
/// always reads back as the same view (`AppState::parse` drops reversed ranges).
fn set_bound<T: PartialOrd + Copy>(low: &mut Option<T>, high: &mut Option<T>, end: End, value: Option<T>) {
    let (mine, other) = match end {
        End::Low => (low, high),
        End::High => (high, low),
    };
    *mine = value;
    if let (Some(a), Some(b)) = (*mine, *other) {
        if (end == End::Low && a > b) || (end == End::High && a < b) {
            *other = None;
        }
    }
}

impl AppState {
    /// This facet's selection.
    pub fn selected(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Mineral => &self.mineral,
            Facet::Party => &self.party,
            Facet::Country => &self.country,
            Facet::Kind => &self.kind,
            Facet::Status => &self.status,
            Facet::Confidence => &self.confidence,
            Facet::Place => &self.place,
        }
    }

    pub(super) fn selected_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Mineral => &mut self.mineral,
            Facet::Party => &mut self.party,
            Facet::Country => &mut self.country,
            Facet::Kind => &mut self.kind,
            Facet::Status => &mut self.status,
            Facet::Confidence => &mut self.confidence,
            Facet::Place => &mut self.place,
        }
    }

    /// Ticks (`on`) or unticks one option of a facet. A ticked option goes to
    /// the end of the list; one the URL could not hold (not an id, or past
    /// `MAX_LIST_LEN`) is not added.
    pub fn toggle(&mut self, facet: Facet, id: &str, on: bool) {
        let list = self.selected_mut(facet);
        list.retain(|x| x != id);
        if on && is_id(id) && list.len() < MAX_LIST_LEN {
            list.push(id.to_string());
        }
    }

    /// Sets one end of a range from an input's text: a day as `YYYY-MM-DD`,
    /// whole dollars as `fields::parse_whole` reads them; anything else
    /// clears that end.
    pub fn set_bound(&mut self, range: Range, end: End, text: &str) {
        match range {
            Range::Dates => set_bound(&mut self.from, &mut self.to, end, Day::parse(text)),
            Range::Values => set_bound(&mut self.vmin, &mut self.vmax, end, parse_whole(text)),
        }
    }

    /// One end of a range as its input shows it (what `set_bound` reads back).
    pub fn bound_text(&self, range: Range, end: End) -> Option<String> {
        match (range, end) {
            (Range::Dates, End::Low) => self.from.map(|d| d.to_string()),
            (Range::Dates, End::High) => self.to.map(|d| d.to_string()),
            (Range::Values, End::Low) => self.vmin.map(|v| v.to_string()),
            (Range::Values, End::High) => self.vmax.map(|v| v.to_string()),
        }
    }

    /// Lists deals or events. Kinds, statuses and the order differ between
    /// the two, so switching clears them.
    pub fn set_records(&mut self, records: Records) {
        if self.records != records {
            self.records = records;
            self.kind.clear();
            self.status.clear();
            self.sort = None;
        }
    }

    /// The search text as typed into the search box, cleaned as the URL's `q` is.
    pub fn set_search(&mut self, typed: &str) {
        self.q = clean_text(typed);
    }

    /// The Sources view's search as typed, cleaned as the URL's `sq` is.
    pub fn set_source_search(&mut self, typed: &str) {
        self.sq = clean_text(typed);
    }

    /// The Sources view's publisher filter: a publisher as the dataset writes
    /// it, cleaned as the URL's `publisher` is; blank for every publisher.
    pub fn set_publisher(&mut self, publisher: &str) {
        self.publisher = Some(clean_text(publisher)).filter(|p| !p.is_empty());
    }

    /// The Sources view's kind filter from a select's value (an unknown one: every kind).
    pub fn set_source_kind(&mut self, id: &str) {
        self.skind = SourceKind::from_id(id);
    }

    /// The Sources view's order from a select's value (an unknown one: as listed).
    pub fn set_source_sort(&mut self, id: &str) {
        self.ssort = SourceSort::from_id(id).unwrap_or_default();
    }

    /// The Sources view's search and filters reset; its order and the rest kept.
    pub fn clear_source_filters(&mut self) {
        self.sq.clear();
        self.publisher = None;
        self.skind = None;
    }

    /// The address that opens a record in its own view with its details open: an
    /// event in the timeline, a deal in the deals view; the filters cleared (they could hide it).
    pub fn opening(&self, records: Records, id: &str) -> AppState {
        let view = match records {
            Records::Deals => View::Deals,
            Records::Events => View::Timeline,
        };
        let records = if view == View::Deals { records } else { self.records };
        AppState { view, records, sel: Some(id.to_string()), ..self.cleared_filters() }
    }

    /// The filters of the explorer and timeline reset; view, language, theme,
    /// embed and calculator inputs kept.
    pub fn cleared_filters(&self) -> AppState {
        AppState {
            view: self.view,
            records: self.records,
            // Which records are in scope, like `records`: a switch, not a filter.
            bg: self.bg,
            sort: self.sort,
            hts: self.hts.clone(),
            value: self.value.clone(),
            date: self.date,
            loaded: self.loaded,
            qty: self.qty.clone(),
            content: self.content.clone(),
            surcharge: self.surcharge.clone(),
            mfn: self.mfn.clone(),
            embed: self.embed,
            lang: self.lang,
            theme: self.theme,
            digits_eastern: self.digits_eastern,
            ..AppState::default()
        }
    }

    /// Whether any explorer/timeline filter is active.
    pub fn has_filters(&self) -> bool {
        self.cleared_filters() != AppState { sel: None, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fields::MAX_TEXT_LEN;
    use crate::state::vocab::Lang;
    use proptest::prelude::*;

    fn reads_back(s: &AppState) -> bool {
        AppState::parse(&s.to_query()) == *s
    }

    #[test]
    fn a_record_opens_in_its_own_view_with_the_readers_settings() {
        let s = AppState::parse("view=story&step=4&lang=ur&theme=dark&embed=1&mineral=min-copper&records=events");
        assert_eq!(s.opening(Records::Events, "ev-1").to_query(), "view=timeline&records=events&sel=ev-1&embed=1&lang=ur&theme=dark");
        assert_eq!(s.opening(Records::Deals, "deal-a").to_query(), "sel=deal-a&embed=1&lang=ur&theme=dark");
    }

    #[test]
    fn toggling_adds_at_the_end_and_removes() {
        let mut s = AppState::default();
        s.toggle(Facet::Mineral, "min-gold", true);
        s.toggle(Facet::Mineral, "min-copper", true);
        s.toggle(Facet::Mineral, "min-gold", true);
        assert_eq!(s.selected(Facet::Mineral), ["min-copper", "min-gold"]);
        s.toggle(Facet::Mineral, "min-copper", false);
        assert_eq!(s.mineral, ["min-gold"]);
        // What the URL cannot hold is not added.
        s.toggle(Facet::Party, "<b>", true);
        for i in 0..MAX_LIST_LEN + 2 {
            s.toggle(Facet::Country, &format!("c{i}"), true);
        }
        assert!(s.party.is_empty());
        assert_eq!(s.country.len(), MAX_LIST_LEN);
        assert!(reads_back(&s));
    }

    #[test]
    fn a_reversed_range_drops_the_other_end() {
        let mut s = AppState::default();
        s.set_bound(Range::Dates, End::Low, "2025-06-01");
        s.set_bound(Range::Dates, End::High, "2025-12-31");
        assert!(s.from.is_some() && s.to.is_some());
        s.set_bound(Range::Dates, End::High, "2025-01-01");
        assert_eq!((s.from, s.bound_text(Range::Dates, End::High)), (None, Some("2025-01-01".into())));
        s.set_bound(Range::Values, End::High, "100");
        s.set_bound(Range::Values, End::Low, "500");
        assert_eq!((s.vmin, s.vmax), (Some(500), None));
        assert_eq!(s.bound_text(Range::Values, End::Low).as_deref(), Some("500"));
        s.set_bound(Range::Values, End::Low, "");
        assert_eq!(s.vmin, None);
    }

    #[test]
    fn a_typed_value_survives_a_reload() {
        // The input once took 18 digits and the URL 15: the value vanished on reload.
        let mut s = AppState::default();
        s.set_bound(Range::Values, End::Low, "1234567890123456");
        assert_eq!(s.vmin, None);
        s.set_bound(Range::Values, End::Low, "123456789012345");
        assert_eq!(s.vmin, Some(123_456_789_012_345));
        assert!(reads_back(&s));
    }

    #[test]
    fn switching_records_clears_what_differs() {
        let mut s = AppState::parse("kind=mou&status=agreed&mineral=min-gold&sort=-value&lang=ur");
        s.set_records(Records::Deals);
        assert_eq!(s.kind, ["mou"]);
        s.set_records(Records::Events);
        assert_eq!((s.records, s.kind.len(), s.status.len(), s.sort), (Records::Events, 0, 0, None));
        assert_eq!((s.mineral.as_slice(), s.lang), (["min-gold".to_string()].as_slice(), Lang::Ur));
    }

    #[test]
    fn clearing_filters_keeps_the_rest() {
        let s = AppState::parse("view=deals&q=x&mineral=min-gold&lang=ur&value=100");
        assert!(s.has_filters());
        let c = s.cleared_filters();
        assert!(!c.has_filters());
        assert_eq!((c.lang, c.value.as_deref(), c.q.as_str()), (Lang::Ur, Some("100"), ""));
    }

    proptest! {
        #[test]
        fn every_action_leaves_a_state_the_address_reads_back(
            q in ".{0,300}",
            typed in ".{0,300}",
            id in "[a-z<> .-]{0,12}",
            on in any::<bool>(),
            bound in "[0-9]{0,20}|20[0-9]{2}-[01][0-9]-[0-3][0-9]| ?[0-9+e.-]{0,6}",
            low in any::<bool>(),
        ) {
            let end = if low { End::Low } else { End::High };
            let mut s = AppState::parse(&q);
            s.set_search(&typed);
            prop_assert!(s.q.chars().count() <= MAX_TEXT_LEN);
            prop_assert!(reads_back(&s));
            s.toggle(Facet::Party, &id, on);
            prop_assert!(reads_back(&s));
            for range in [Range::Values, Range::Dates] {
                s.set_bound(range, end, &bound);
                prop_assert!(reads_back(&s));
                // What the input then shows sets the same state again.
                let shown = s.bound_text(range, end).unwrap_or_default();
                let mut again = s.clone();
                again.set_bound(range, end, &shown);
                prop_assert_eq!(&again, &s);
            }
            s.set_source_search(&typed);
            s.set_publisher(&typed);
            s.set_source_kind(&id);
            s.set_source_sort(&id);
            prop_assert!(reads_back(&s));
            s.clear_source_filters();
            prop_assert!(reads_back(&s) && s.sq.is_empty() && s.publisher.is_none() && s.skind.is_none());
        }
    }
}
