//! The app's state as it lives in the URL query string (docs/UI-CONTRACT.md).
//!
//! `AppState::parse` is total: every input gives a valid state and invalid
//! parts are dropped. `to_query` writes only non-default values, so that
//! `parse(to_query(s)) == s` for every state `parse` can produce.
//! Checking ids against the dataset is not done here (the state stays pure
//! and dataset-free); views ignore ids the dataset does not know.

use super::fields::{clean_text, id_list, is_id, number_text, parse_flag, parse_whole};
use super::percent::{decode_component, encode_component, join_query};
use super::vocab::{Facet, Lang, Records, Sort, SourceKind, SourceSort, Theme, View};
use crate::data::date::Day;

/// Everything the URL can say. Field names follow the query parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub view: View,
    /// Search text (deals/events views).
    pub q: String,
    /// Facets: ids into the dataset; order kept, duplicates dropped.
    pub mineral: Vec<String>,
    pub party: Vec<String>,
    /// ISO alpha-2 country codes.
    pub country: Vec<String>,
    /// Deal categories or event categories, depending on `records`.
    pub kind: Vec<String>,
    /// Deal status values (slugs).
    pub status: Vec<String>,
    /// Confidence levels.
    pub confidence: Vec<String>,
    /// Place ids (`place=`), e.g. from the Map view's links.
    pub place: Vec<String>,
    /// Date range, inclusive; a reversed range is dropped.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Value range in whole USD, inclusive; a reversed range is dropped.
    pub vmin: Option<u64>,
    pub vmax: Option<u64>,
    /// Deals or events in the explorer.
    pub records: Records,
    /// `None` = the view's default order.
    pub sort: Option<Sort>,
    /// Selected record id (deal or event) whose details are open.
    pub sel: Option<String>,
    /// Calculator: product (HTS line such as `2617.10.00`, or a product id).
    pub hts: Option<String>,
    /// Calculator: raw text of the inputs, kept as typed so a bad value is shown back with its error.
    pub value: Option<String>,
    pub date: Option<Day>,
    /// Calculator: the day the goods were loaded (in-transit rules); optional.
    pub loaded: Option<Day>,
    pub qty: Option<String>,
    pub content: Option<String>,
    pub surcharge: Option<String>,
    pub mfn: Option<String>,
    /// Sources view: search text, publisher (as the dataset writes it), kind, order.
    pub sq: String,
    pub publisher: Option<String>,
    pub skind: Option<SourceKind>,
    pub ssort: SourceSort,
    /// Story view: the step shown, from 1 (clamped to the story's length where it is shown).
    pub step: Option<u32>,
    pub embed: bool,
    /// Embedded without the tabs to the other views (`tabs=0`): the one view only.
    pub hide_tabs: bool,
    /// Background records (not US–Pakistan deals) shown too (`bg=1`).
    pub bg: bool,
    pub lang: Lang,
    pub theme: Theme,
    /// Eastern Arabic-Indic digits in Urdu.
    pub digits_eastern: bool,
}

/// A state's query around its `sel` parameter (`AppState::sel_query`).
#[derive(Clone, Debug, PartialEq)]
pub struct SelQuery {
    before: String,
    after: String,
}

impl SelQuery {
    /// The query with `sel` set to `id`: `AppState { sel: Some(id), .. }.to_query()`.
    pub fn with(&self, id: &str) -> String {
        let mut out = String::with_capacity(self.before.len() + self.after.len() + id.len() + 6);
        for part in [self.before.as_str(), &format!("sel={}", encode_component(id)), self.after.as_str()] {
            if !part.is_empty() {
                if !out.is_empty() {
                    out.push('&');
                }
                out.push_str(part);
            }
        }
        out
    }
}

impl AppState {
    /// Parses a query string, with or without the leading `?`. Total.
    /// Where a parameter repeats, the first valid occurrence wins.
    pub fn parse(query: &str) -> AppState {
        let mut s = AppState::default();
        let mut seen: Vec<String> = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&') {
            let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode_component(key);
            if seen.contains(&key) {
                continue;
            }
            let value = decode_component(raw);
            if s.apply(&key, &value) {
                seen.push(key);
            }
        }
        if let (Some(f), Some(t)) = (s.from, s.to) {
            if f > t {
                s.from = None;
                s.to = None;
            }
        }
        if let (Some(lo), Some(hi)) = (s.vmin, s.vmax) {
            if lo > hi {
                s.vmin = None;
                s.vmax = None;
            }
        }
        s
    }

    /// Applies one parameter; returns whether it was valid and taken.
    fn apply(&mut self, key: &str, value: &str) -> bool {
        fn set<T>(slot: &mut T, v: Option<T>) -> bool {
            v.map(|v| *slot = v).is_some()
        }
        fn set_opt<T>(slot: &mut Option<T>, v: Option<T>) -> bool {
            let ok = v.is_some();
            if ok {
                *slot = v;
            }
            ok
        }
        if let Some(facet) = Facet::from_id(key) {
            let ids = id_list(value);
            let ok = !ids.is_empty();
            if ok {
                *self.selected_mut(facet) = ids;
            }
            return ok;
        }
        match key {
            "view" => set(&mut self.view, View::from_id(value)),
            "q" => set(&mut self.q, Some(clean_text(value)).filter(|q| !q.is_empty())),
            "from" => set_opt(&mut self.from, Day::parse(value)),
            "to" => set_opt(&mut self.to, Day::parse(value)),
            "vmin" => set_opt(&mut self.vmin, parse_whole(value)),
            "vmax" => set_opt(&mut self.vmax, parse_whole(value)),
            "records" => set(&mut self.records, Records::from_id(value)),
            "bg" => set(&mut self.bg, parse_flag(value)),
            "sort" => set_opt(&mut self.sort, Sort::parse(value)),
            "sel" => set_opt(&mut self.sel, Some(value.to_string()).filter(|v| is_id(v))),
            "hts" => set_opt(&mut self.hts, Some(value.to_string()).filter(|v| is_id(v))),
            "value" => set_opt(&mut self.value, number_text(value)),
            "date" => set_opt(&mut self.date, Day::parse(value)),
            "loaded" => set_opt(&mut self.loaded, Day::parse(value)),
            "qty" => set_opt(&mut self.qty, number_text(value)),
            "content" => set_opt(&mut self.content, number_text(value)),
            "surcharge" => set_opt(&mut self.surcharge, number_text(value)),
            "mfn" => set_opt(&mut self.mfn, number_text(value)),
            "sq" => set(&mut self.sq, Some(clean_text(value)).filter(|q| !q.is_empty())),
            "publisher" => set_opt(&mut self.publisher, Some(clean_text(value)).filter(|p| !p.is_empty())),
            "skind" => set_opt(&mut self.skind, SourceKind::from_id(value)),
            "ssort" => set(&mut self.ssort, SourceSort::from_id(value)),
            "step" => set_opt(&mut self.step, parse_whole(value).map(|n| u32::try_from(n).unwrap_or(u32::MAX).max(1))),
            "embed" => set(&mut self.embed, parse_flag(value)),
            "tabs" => set(&mut self.hide_tabs, parse_flag(value).map(|shown| !shown)),
            "lang" => set(&mut self.lang, Lang::from_id(value)),
            "theme" => set(&mut self.theme, Theme::from_id(value)),
            "digits" => set(
                &mut self.digits_eastern,
                match value {
                    "eastern" => Some(true),
                    "western" => Some(false),
                    _ => None,
                },
            ),
            _ => false,
        }
    }

    /// The query string for this state, without `?`; empty for the default state.
    pub fn to_query(&self) -> String {
        join_query(&self.query_parts())
    }

    /// This state's query with `sel` set to each of many records, built once
    /// (`SelQuery::with`): a page of results links every row to its record, and
    /// only the record changes from row to row.
    pub fn sel_query(&self) -> SelQuery {
        let parts = AppState { sel: Some(String::new()), ..self.clone() }.query_parts();
        let at = parts.iter().position(|(k, _)| *k == "sel").unwrap_or(parts.len());
        SelQuery {
            before: join_query(parts.get(..at).unwrap_or_default()),
            after: join_query(parts.get(at + 1..).unwrap_or_default()),
        }
    }

    /// The non-default parameters, in the order the address writes them.
    fn query_parts(&self) -> Vec<(&'static str, String)> {
        let mut parts: Vec<(&'static str, String)> = Vec::new();
        if self.view != View::Deals {
            parts.push(("view", self.view.id().into()));
        }
        if !self.q.is_empty() {
            parts.push(("q", self.q.clone()));
        }
        for facet in Facet::ALL {
            let list = self.selected(facet);
            if !list.is_empty() {
                parts.push((facet.id(), list.join(",")));
            }
        }
        if let Some(d) = self.from {
            parts.push(("from", d.to_string()));
        }
        if let Some(d) = self.to {
            parts.push(("to", d.to_string()));
        }
        if let Some(v) = self.vmin {
            parts.push(("vmin", v.to_string()));
        }
        if let Some(v) = self.vmax {
            parts.push(("vmax", v.to_string()));
        }
        if self.records != Records::Deals {
            parts.push(("records", self.records.id().into()));
        }
        if self.bg {
            parts.push(("bg", "1".into()));
        }
        if let Some(s) = self.sort {
            parts.push(("sort", s.id()));
        }
        for (key, v) in [("sel", &self.sel), ("hts", &self.hts), ("value", &self.value)] {
            if let Some(v) = v {
                parts.push((key, v.clone()));
            }
        }
        for (key, d) in [("date", self.date), ("loaded", self.loaded)] {
            if let Some(d) = d {
                parts.push((key, d.to_string()));
            }
        }
        for (key, v) in [
            ("qty", &self.qty),
            ("content", &self.content),
            ("surcharge", &self.surcharge),
            ("mfn", &self.mfn),
        ] {
            if let Some(v) = v {
                parts.push((key, v.clone()));
            }
        }
        if !self.sq.is_empty() {
            parts.push(("sq", self.sq.clone()));
        }
        if let Some(p) = &self.publisher {
            parts.push(("publisher", p.clone()));
        }
        if let Some(k) = self.skind {
            parts.push(("skind", k.id().into()));
        }
        if self.ssort != SourceSort::default() {
            parts.push(("ssort", self.ssort.id().into()));
        }
        if let Some(n) = self.step {
            parts.push(("step", n.to_string()));
        }
        if self.embed {
            parts.push(("embed", "1".into()));
        }
        if self.hide_tabs {
            parts.push(("tabs", "0".into()));
        }
        if self.lang != Lang::En {
            parts.push(("lang", self.lang.id().into()));
        }
        if self.theme != Theme::Auto {
            parts.push(("theme", self.theme.id().into()));
        }
        if self.digits_eastern {
            parts.push(("digits", "eastern".into()));
        }
        parts
    }

}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(query: &str, expected: AppState) {
        assert_eq!(AppState::parse(query), expected, "query: {query}");
    }

    #[test]
    fn step_is_a_whole_number_from_one() {
        let step = |q: &str| AppState::parse(q).step;
        assert_eq!(step("view=story&step=7"), Some(7));
        // Below the range reads as the first step; beyond u32 as the last there can be.
        assert_eq!((step("step=0"), step("step=99999999999")), (Some(1), Some(u32::MAX)));
        for junk in ["step=", "step=-2", "step=2.5", "step=two", "step=%E2%80%AE3", "step=1e3"] {
            assert_eq!(step(junk), None, "{junk}");
        }
        assert_eq!(AppState { view: View::Story, step: Some(3), ..Default::default() }.to_query(), "view=story&step=3");
    }

    #[test]
    fn defaults_for_empty_and_unknown() {
        check("", AppState::default());
        check("?", AppState::default());
        check("?foo=bar&view=nope&lang=fr&theme=blue&embed=2", AppState::default());
    }

    #[test]
    fn reads_contract_parameters() {
        let s = AppState::parse(
            "?view=timeline&q=copper+ore&mineral=min-copper,min-gold&party=org-fwo&from=2025-04-01&to=2025-12-31&lang=ur&theme=dark&embed=1",
        );
        assert_eq!(s.view, View::Timeline);
        assert_eq!(s.q, "copper ore");
        assert_eq!(s.mineral, ["min-copper", "min-gold"]);
        assert_eq!(s.party, ["org-fwo"]);
        assert_eq!(s.from.map(|d| d.to_string()).as_deref(), Some("2025-04-01"));
        assert_eq!(s.to.map(|d| d.to_string()).as_deref(), Some("2025-12-31"));
        assert_eq!((s.lang, s.theme, s.embed), (Lang::Ur, Theme::Dark, true));
        assert!(!s.hide_tabs);
        let one = AppState::parse("embed=1&tabs=0");
        assert!(one.embed && one.hide_tabs);
        assert_eq!(one.to_query(), "embed=1&tabs=0");
        assert!(!AppState::parse("tabs=1").hide_tabs && AppState::parse("tabs=1").to_query().is_empty());
    }

    #[test]
    fn place_is_a_list_like_mineral() {
        let s = AppState::parse("view=deals&place=place-reko-diq,%3Cscript%3E,place-saindak,place-reko-diq");
        assert_eq!(s.place, ["place-reko-diq", "place-saindak"]);
        assert_eq!(s.to_query(), "place=place-reko-diq,place-saindak");
        assert_eq!(AppState::parse("place=&place=place-gwadar").place, ["place-gwadar"]);
        assert_eq!(AppState::parse("view=timeline&mineral=min-copper&place=place-pasni").to_query(), "view=timeline&mineral=min-copper&place=place-pasni");
    }

    #[test]
    fn drops_invalid_parts_only() {
        let s = AppState::parse("view=calculator&date=2025-02-30&value=%E2%80%AE&hts=2617.10.00&mineral=<script>,min-gold");
        assert_eq!(s.view, View::Calculator);
        assert_eq!(s.date, None);
        assert_eq!(AppState::parse("loaded=2025-04-31").loaded, None);
        assert_eq!(AppState::parse("loaded=2025-04-07").to_query(), "loaded=2025-04-07");
        assert_eq!(s.hts.as_deref(), Some("2617.10.00"));
        assert_eq!(s.mineral, ["min-gold"]);
        // A reversed range is dropped whole.
        let r = AppState::parse("from=2026-01-01&to=2025-01-01");
        assert_eq!((r.from, r.to), (None, None));
        // First valid occurrence wins; an invalid first one does not block a valid second.
        assert_eq!(AppState::parse("view=bad&view=sources&view=timeline").view, View::Sources);
    }

    #[test]
    fn writes_only_non_defaults() {
        assert_eq!(AppState::default().to_query(), "");
        let s = AppState { view: View::Sources, q: "a&b=c".into(), ..Default::default() };
        assert_eq!(s.to_query(), "view=sources&q=a%26b%3Dc");
    }

    #[test]
    fn reads_and_writes_the_sources_parameters() {
        let s = AppState::parse("view=sources&sq=rare+earth&publisher=Profit+%2F+Pakistan+Today&skind=primary&ssort=-date");
        assert_eq!(s.sq, "rare earth");
        assert_eq!(s.publisher.as_deref(), Some("Profit / Pakistan Today"));
        assert_eq!((s.skind, s.ssort), (Some(SourceKind::Primary), SourceSort::Newest));
        assert_eq!(s.to_query(), "view=sources&sq=rare+earth&publisher=Profit+/+Pakistan+Today&skind=primary&ssort=-date");
        assert_eq!(AppState::parse(&s.to_query()), s);
        // Unknown kinds and orders are dropped; the listed order is the default and not written.
        assert_eq!(AppState::parse("skind=blog&ssort=size&publisher=%01&sq=+"), AppState::default());
        assert_eq!(AppState::parse("ssort=listed").to_query(), "");
    }

    #[test]
    fn reads_and_writes_the_background_switch() {
        assert!(!AppState::default().bg);
        let s = AppState::parse("bg=1&sort=-value");
        assert!(s.bg);
        assert_eq!(s.to_query(), "bg=1&sort=-value");
        // Like every flag: 0 is the default (not written), anything else is dropped.
        assert_eq!(AppState::parse("bg=0"), AppState::default());
        assert_eq!(AppState::parse("bg=yes&bg=2"), AppState::default());
        assert!(AppState::parse("bg=nope&bg=1").bg, "the first valid occurrence wins");
    }

    #[test]
    fn sel_query_places_the_record_where_the_address_has_it() {
        let s = AppState::parse("view=deals&q=lithium&sort=-date&sel=old&value=100&lang=ur");
        assert_eq!(s.sel_query().with("deal-1"), "q=lithium&sort=-date&sel=deal-1&value=100&lang=ur");
        assert_eq!(AppState::default().sel_query().with("a b"), "sel=a+b");
        assert_eq!(AppState::parse("lang=ur").sel_query().with("x"), "sel=x&lang=ur");
    }

    proptest! {
        #[test]
        fn parse_is_total_and_round_trips(q in ".{0,300}") {
            let s = AppState::parse(&q);
            prop_assert_eq!(AppState::parse(&s.to_query()), s);
        }

        #[test]
        fn parse_round_trips_structured_queries(
            keys in proptest::collection::vec(
                prop_oneof![Just("view"), Just("q"), Just("mineral"), Just("from"), Just("to"), Just("lang"),
                            Just("value"), Just("hts"), Just("sort"), Just("vmin"), Just("vmax"), Just("sel"), Just("digits"),
                            Just("sq"), Just("publisher"), Just("skind"), Just("ssort"), Just("bg"),
                            Just("date"), Just("loaded"), Just("embed"), Just("tabs"), Just("place"), Just("step")], 0..8),
            vals in proptest::collection::vec("[a-z0-9,%+&=.-]{0,12}|20[0-9]{2}-[01][0-9]-[0-3][0-9]", 0..8),
        ) {
            let q: Vec<String> = keys.iter().zip(vals.iter()).map(|(k, v)| format!("{k}={v}")).collect();
            let s = AppState::parse(&q.join("&"));
            prop_assert_eq!(AppState::parse(&s.to_query()), s);
        }

        #[test]
        fn sel_query_is_the_query_with_that_record(q in ".{0,200}", id in ".{0,16}") {
            let s = AppState::parse(&q);
            let whole = AppState { sel: Some(id.clone()), ..s.clone() }.to_query();
            prop_assert_eq!(s.sel_query().with(&id), whole);
        }
    }
}
