//! The app's state as it lives in the URL query string (ui-contract.md).
//!
//! `AppState::parse` is total: every input gives a valid state and invalid
//! parts are dropped. `to_query` writes only non-default values, so that
//! `parse(to_query(s)) == s` for every state `parse` can produce.
//! Checking ids against the dataset is not done here (the state stays pure
//! and dataset-free); views ignore ids the dataset does not know.

use crate::data::date::Day;

/// Which view is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Deals,
    Timeline,
    Calculator,
    Sources,
}

impl View {
    pub const ALL: [View; 4] = [View::Deals, View::Timeline, View::Calculator, View::Sources];

    pub fn id(self) -> &'static str {
        match self {
            View::Deals => "deals",
            View::Timeline => "timeline",
            View::Calculator => "calculator",
            View::Sources => "sources",
        }
    }

    pub fn from_id(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == s)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Ur,
}

impl Lang {
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ur => "ur",
        }
    }
    pub fn from_id(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "ur" => Some(Lang::Ur),
            _ => None,
        }
    }
    pub fn is_rtl(self) -> bool {
        self == Lang::Ur
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn id(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn from_id(s: &str) -> Option<Theme> {
        match s {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Which records the explorer lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Records {
    #[default]
    Deals,
    Events,
}

impl Records {
    pub fn id(self) -> &'static str {
        match self {
            Records::Deals => "deals",
            Records::Events => "events",
        }
    }
    pub fn from_id(s: &str) -> Option<Records> {
        match s {
            "deals" => Some(Records::Deals),
            "events" => Some(Records::Events),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Date,
    Value,
    Title,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// `date`, `-date`, `value`, `-value`, `title`, `-title`.
    pub fn parse(s: &str) -> Option<Sort> {
        let (descending, key) = match s.strip_prefix('-') {
            Some(k) => (true, k),
            None => (false, s),
        };
        let key = match key {
            "date" => SortKey::Date,
            "value" => SortKey::Value,
            "title" => SortKey::Title,
            _ => return None,
        };
        Some(Sort { key, descending })
    }

    pub fn id(self) -> String {
        let key = match self.key {
            SortKey::Date => "date",
            SortKey::Value => "value",
            SortKey::Title => "title",
        };
        if self.descending {
            format!("-{key}")
        } else {
            key.to_string()
        }
    }
}

/// Longest text accepted for free-text and id parameters; longer values are dropped.
pub const MAX_TEXT_LEN: usize = 200;
/// Most ids accepted in one list parameter.
pub const MAX_LIST_LEN: usize = 50;

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
    pub qty: Option<String>,
    pub content: Option<String>,
    pub surcharge: Option<String>,
    pub mfn: Option<String>,
    pub embed: bool,
    pub lang: Lang,
    pub theme: Theme,
    /// Eastern Arabic-Indic digits in Urdu.
    pub digits_eastern: bool,
}

/// Decodes `application/x-www-form-urlencoded` text. Invalid percent escapes
/// are kept literally; invalid UTF-8 is replaced, never an error.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) if hex.is_some_and(|h| h.bytes().all(|c| c.is_ascii_hexdigit())) => {
                        out.push(v);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `key=value` pairs, values percent-encoded, joined by `&`.
fn join_query(parts: &[(&str, String)]) -> String {
    parts
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
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

/// Percent-encodes everything but unreserved characters and a few safe ones
/// that keep links readable (`,` between ids, `:` and `/`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' | b':' | b'/' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// An id as the dataset writes them: ASCII letters, digits, `-`, `_`, `.`.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_TEXT_LEN
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn id_list(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split(',').map(str::trim) {
        if is_id(part) && !out.iter().any(|x| x == part) && out.len() < MAX_LIST_LEN {
            out.push(part.to_string());
        }
    }
    out
}

/// Free text: control characters removed, length capped, trimmed.
fn clean_text(value: &str) -> Option<String> {
    let t: String = value.chars().filter(|c| !c.is_control()).collect();
    let t = t.trim();
    (!t.is_empty() && t.chars().count() <= MAX_TEXT_LEN).then(|| t.to_string())
}

/// Text for a number field: digits (any script), separators and signs only.
fn number_text(value: &str) -> Option<String> {
    clean_text(value).filter(|t| t.chars().count() <= 40)
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
        fn set_list(slot: &mut Vec<String>, v: Vec<String>) -> bool {
            let ok = !v.is_empty();
            if ok {
                *slot = v;
            }
            ok
        }
        fn set_opt<T>(slot: &mut Option<T>, v: Option<T>) -> bool {
            let ok = v.is_some();
            if ok {
                *slot = v;
            }
            ok
        }
        match key {
            "view" => set(&mut self.view, View::from_id(value)),
            "q" => set(&mut self.q, clean_text(value)),
            "mineral" => set_list(&mut self.mineral, id_list(value)),
            "party" => set_list(&mut self.party, id_list(value)),
            "country" => set_list(&mut self.country, id_list(value)),
            "kind" => set_list(&mut self.kind, id_list(value)),
            "status" => set_list(&mut self.status, id_list(value)),
            "confidence" => set_list(&mut self.confidence, id_list(value)),
            "from" => set_opt(&mut self.from, Day::parse(value)),
            "to" => set_opt(&mut self.to, Day::parse(value)),
            "vmin" => set_opt(&mut self.vmin, parse_whole(value)),
            "vmax" => set_opt(&mut self.vmax, parse_whole(value)),
            "records" => set(&mut self.records, Records::from_id(value)),
            "sort" => set_opt(&mut self.sort, Sort::parse(value)),
            "sel" => set_opt(&mut self.sel, Some(value.to_string()).filter(|v| is_id(v))),
            "hts" => set_opt(&mut self.hts, Some(value.to_string()).filter(|v| is_id(v))),
            "value" => set_opt(&mut self.value, number_text(value)),
            "date" => set_opt(&mut self.date, Day::parse(value)),
            "qty" => set_opt(&mut self.qty, number_text(value)),
            "content" => set_opt(&mut self.content, number_text(value)),
            "surcharge" => set_opt(&mut self.surcharge, number_text(value)),
            "mfn" => set_opt(&mut self.mfn, number_text(value)),
            "embed" => set(&mut self.embed, parse_flag(value)),
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
        for (key, list) in [
            ("mineral", &self.mineral),
            ("party", &self.party),
            ("country", &self.country),
            ("kind", &self.kind),
            ("status", &self.status),
            ("confidence", &self.confidence),
        ] {
            if !list.is_empty() {
                parts.push((key, list.join(",")));
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
        if let Some(s) = self.sort {
            parts.push(("sort", s.id()));
        }
        for (key, v) in [("sel", &self.sel), ("hts", &self.hts), ("value", &self.value)] {
            if let Some(v) = v {
                parts.push((key, v.clone()));
            }
        }
        if let Some(d) = self.date {
            parts.push(("date", d.to_string()));
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
        if self.embed {
            parts.push(("embed", "1".into()));
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

    /// The filters of the explorer and timeline reset; view, language, theme,
    /// embed and calculator inputs kept.
    pub fn cleared_filters(&self) -> AppState {
        AppState {
            view: self.view,
            records: self.records,
            sort: self.sort,
            hts: self.hts.clone(),
            value: self.value.clone(),
            date: self.date,
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

fn parse_flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

fn parse_whole(value: &str) -> Option<u64> {
    (!value.is_empty() && value.len() <= 15 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(query: &str, expected: AppState) {
        assert_eq!(AppState::parse(query), expected, "query: {query}");
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
    }

    #[test]
    fn drops_invalid_parts_only() {
        let s = AppState::parse("view=calculator&date=2025-02-30&value=%E2%80%AE&hts=2617.10.00&mineral=<script>,min-gold");
        assert_eq!(s.view, View::Calculator);
        assert_eq!(s.date, None);
        assert_eq!(s.hts.as_deref(), Some("2617.10.00"));
        assert_eq!(s.mineral, ["min-gold"]);
        // A reversed range is dropped whole.
        let r = AppState::parse("from=2026-01-01&to=2025-01-01");
        assert_eq!((r.from, r.to), (None, None));
        // First valid occurrence wins; an invalid first one does not block a valid second.
        assert_eq!(AppState::parse("view=bad&view=sources&view=timeline").view, View::Sources);
    }

    #[test]
    fn decoding_never_fails() {
        assert_eq!(decode_component("a%2Cb+c"), "a,b c");
        assert_eq!(decode_component("%"), "%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
        assert_eq!(decode_component("%+1"), "% 1");
    }

    #[test]
    fn writes_only_non_defaults() {
        assert_eq!(AppState::default().to_query(), "");
        let s = AppState { view: View::Sources, q: "a&b=c".into(), ..Default::default() };
        assert_eq!(s.to_query(), "view=sources&q=a%26b%3Dc");
    }

    #[test]
    fn sel_query_places_the_record_where_the_address_has_it() {
        let s = AppState::parse("view=deals&q=lithium&sort=-date&sel=old&value=100&lang=ur");
        assert_eq!(s.sel_query().with("deal-1"), "q=lithium&sort=-date&sel=deal-1&value=100&lang=ur");
        assert_eq!(AppState::default().sel_query().with("a b"), "sel=a+b");
        assert_eq!(AppState::parse("lang=ur").sel_query().with("x"), "sel=x&lang=ur");
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
        fn parse_is_total_and_round_trips(q in ".{0,300}") {
            let s = AppState::parse(&q);
            prop_assert_eq!(AppState::parse(&s.to_query()), s);
        }

        #[test]
        fn parse_round_trips_structured_queries(
            keys in proptest::collection::vec(
                prop_oneof![Just("view"), Just("q"), Just("mineral"), Just("from"), Just("to"), Just("lang"),
                            Just("value"), Just("hts"), Just("sort"), Just("vmin"), Just("vmax"), Just("sel"), Just("digits")], 0..8),
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
