//! The one validator of `deals.json`: run on the [`Json`] tree before the
//! typed decode, by the app at start-up, by the tests and by `validate-data`.
//!
//! The shape of `model.rs` is written once below as field tables (`SOURCE`,
//! `PARTY`…); one walker checks every table, so every problem is reported with
//! its path, not only the first. Pure: no serde_json, no web-sys; never panics.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::date::{parse_instant, Day, PartialDate};
use super::json::Json;
use super::model::{
    Confidence, Dataset, EventCategory, ExemptionStatus, MeasureLayer, PartyType, DEAL_CATEGORIES,
};
use super::trail::Trail;

/// One thing wrong with the data, at a JSON path such as
/// `$.deals[3] (deal-ussm-fwo-mou).sources[1]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Problem {}

fn problem(path: &str, message: String) -> Problem {
    Problem {
        path: path.to_string(),
        message,
    }
}

/// The tree passed the validator but the typed decode still failed at `path`.
pub fn decode_problem(path: &str, message: &str) -> Problem {
    problem(path, format!("does not match the data model: {message}"))
}

/// The text is not JSON. A trailing " at line L column C" (serde_json's own
/// wording) is dropped, since the message already says where.
pub fn syntax_problem(message: &str, line: usize, column: usize) -> Problem {
    let suffix = format!(" at line {line} column {column}");
    let message = message.strip_suffix(suffix.as_str()).unwrap_or(message);
    problem(
        "$",
        format!("JSON syntax error at line {line}, column {column}: {message}"),
    )
}

// ---------------------------------------------------------------- the schema

/// The kinds of record that have an id, with the top-level key holding them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    Source,
    Party,
    Mineral,
    Product,
    Deal,
    Event,
    Measure,
    Figure,
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Source,
        Kind::Party,
        Kind::Mineral,
        Kind::Product,
        Kind::Deal,
        Kind::Event,
        Kind::Measure,
        Kind::Figure,
    ];

    fn key(self) -> &'static str {
        self.names().0
    }

    fn noun(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Kind::Source => ("sources", "source"),
            Kind::Party => ("parties", "party"),
            Kind::Mineral => ("minerals", "mineral"),
            Kind::Product => ("products", "product"),
            Kind::Deal => ("deals", "deal"),
            Kind::Event => ("events", "event"),
            Kind::Measure => ("tariff_measures", "tariff measure"),
            Kind::Figure => ("figures", "figure"),
        }
    }
}

/// What a value must be.
#[derive(Clone, Copy)]
enum Ty {
    Str,
    Bool,
    /// A finite number ≥ 0; the noun ("amount", "rate") is for messages.
    NonNeg(&'static str),
    /// A record's own id: a non-empty string without spaces, unique across all kinds.
    Id,
    /// The id of a record of this kind.
    Ref(Kind),
    /// A non-empty list of source ids.
    Sources,
    /// One of the listed strings; the noun is for messages.
    Enum(&'static str, &'static [&'static str]),
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DD`.
    Day,
    /// RFC 3339 with an offset.
    Instant,
    /// http(s) URL.
    Url,
    /// ISO 3166 alpha-2.
    Country,
    List(&'static Ty),
    Obj(&'static Rec),
    /// An object whose `kind` field picks its fields (serde's internally tagged
    /// enum; the one such field is `mfn`, whose kinds are `MFN_KIND`).
    Tagged(&'static [(&'static str, &'static Rec)]),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Must be present and not null.
    Req,
    /// `Option<_>`: may be absent or null.
    Opt,
    /// `#[serde(default)]`: may be absent, not null.
    Def,
}
use Need::{Def, Opt, Req};

/// A field: name, whether it is needed, type.
struct F(&'static str, Need, Ty);

/// An object's fields, and a from/until pair that must be in order
/// (`strict`: from < until, else from ≤ until).
struct Rec {
    fields: &'static [F],
    order: Option<(&'static str, &'static str, bool)>,
}

const fn rec(fields: &'static [F]) -> Rec {
    Rec {
        fields,
        order: None,
    }
}

const CONFIDENCE: Ty = Ty::Enum("confidence", &Confidence::IDS);
const TEXTS: Ty = Ty::List(&Ty::Str);
const COUNTRIES: Ty = Ty::List(&Ty::Country);
const DISPUTES: Ty = Ty::List(&Ty::Obj(&DISPUTE));
const MFN_KIND: Ty = Ty::Enum("mfn kind", &["free", "ad_valorem", "specific", "unknown"]);

static DATASET: Rec = rec(&[
    F("meta", Req, Ty::Obj(&META)),
    F("sources", Req, Ty::List(&Ty::Obj(&SOURCE))),
    F("parties", Req, Ty::List(&Ty::Obj(&PARTY))),
    F("minerals", Req, Ty::List(&Ty::Obj(&MINERAL))),
    F("products", Req, Ty::List(&Ty::Obj(&PRODUCT))),
    F("deals", Req, Ty::List(&Ty::Obj(&DEAL))),
    F("events", Req, Ty::List(&Ty::Obj(&EVENT))),
    F("tariff_measures", Req, Ty::List(&Ty::Obj(&MEASURE))),
    F("figures", Def, Ty::List(&Ty::Obj(&FIGURE))),
]);

static META: Rec = rec(&[
    F("title", Req, Ty::Str),
    F("title_ur", Opt, Ty::Str),
    F("as_of", Req, Ty::Day),
    F("version", Req, Ty::Str),
    F("licence", Req, Ty::Str),
    F("licence_url", Opt, Ty::Url),
    F("description", Opt, Ty::Str),
    F("changelog", Req, Ty::List(&Ty::Obj(&CHANGELOG))),
]);

static CHANGELOG: Rec = rec(&[
    F("version", Req, Ty::Str),
    F("date", Req, Ty::Day),
    F("changes", Req, TEXTS),
]);

static SOURCE: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("title", Req, Ty::Str),
    F("publisher", Req, Ty::Str),
    F("url", Req, Ty::Url),
    F("date", Opt, Ty::Date),
    F("tag", Opt, Ty::Str),
]);

static PARTY: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("name", Req, Ty::Str),
    F("name_ur", Opt, Ty::Str),
    F("type", Req, Ty::Enum("party type", &PartyType::IDS)),
    F("country", Opt, Ty::Country),
    F("role", Req, Ty::Str),
    F("description", Req, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

static MINERAL: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("name", Req, Ty::Str),
    F("name_ur", Opt, Ty::Str),
    F("symbol", Req, Ty::Str),
    F("critical_list", Req, Ty::Str),
    F("critical_list_confidence", Opt, CONFIDENCE),
    F("occurrences", Opt, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

static PRODUCT: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("hts", Opt, Ty::Str),
    F("description", Req, Ty::Str),
    F("description_ur", Opt, Ty::Str),
    F("mineral_ids", Def, Ty::List(&Ty::Ref(Kind::Mineral))),
    F(
        "mfn",
        Req,
        Ty::Tagged(&[
            ("free", &MFN_BARE),
            ("ad_valorem", &MFN_AD_VALOREM),
            ("specific", &MFN_SPECIFIC),
            ("unknown", &MFN_BARE),
        ]),
    ),
    F("section_232_copper", Def, Ty::Bool),
    F("notes", Opt, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

static MFN_BARE: Rec = rec(&[F("kind", Req, MFN_KIND)]);
static MFN_AD_VALOREM: Rec = rec(&[
    F("kind", Req, MFN_KIND),
    F("percent", Req, Ty::NonNeg("rate")),
]);
static MFN_SPECIFIC: Rec = rec(&[
    F("kind", Req, MFN_KIND),
    F("cents_per_kg", Req, Ty::NonNeg("rate")),
    F("content_of", Req, Ty::Str),
]);

static DEAL_VALUE: Rec = rec(&[
    F("amount_usd", Opt, Ty::NonNeg("amount")),
    F("meaning", Req, Ty::Str),
    F("confidence", Req, CONFIDENCE),
]);

static DISPUTE: Rec = rec(&[
    F("topic", Req, Ty::Str),
    F("versions", Req, Ty::List(&Ty::Obj(&DISPUTE_VERSION))),
]);
/// A claim, not a record: it may cite no source ("other accounts; not identified").
static DISPUTE_VERSION: Rec = rec(&[
    F("claim", Req, Ty::Str),
    F("sources", Req, Ty::List(&Ty::Ref(Kind::Source))),
]);

static DEAL: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("title", Req, Ty::Str),
    F("title_ur", Opt, Ty::Str),
    F("kind", Req, Ty::Str),
    F("category", Req, Ty::Enum("deal category", DEAL_CATEGORIES)),
    F("date", Opt, Ty::Date),
    F("date_note", Opt, Ty::Str),
    F("value", Req, Ty::Obj(&DEAL_VALUE)),
    F("status", Req, Ty::Str),
    F("status_detail", Def, TEXTS),
    F("summary", Req, Ty::Str),
    F("summary_ur", Opt, Ty::Str),
    F("party_ids", Req, Ty::List(&Ty::Ref(Kind::Party))),
    F("mineral_ids", Def, Ty::List(&Ty::Ref(Kind::Mineral))),
    F("countries", Def, COUNTRIES),
    F("disputes", Def, DISPUTES),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
    F("confidence_note", Opt, Ty::Str),
]);

static EVENT: Rec = Rec {
    fields: &[
        F("id", Req, Ty::Id),
        F("date", Req, Ty::Date),
        F("end_date", Opt, Ty::Date),
        F("date_approx", Def, Ty::Bool),
        F("title", Req, Ty::Str),
        F("title_ur", Opt, Ty::Str),
        F(
            "category",
            Req,
            Ty::Enum("event category", &EventCategory::IDS),
        ),
        F("description", Req, Ty::Str),
        F("description_ur", Opt, Ty::Str),
        F("deal_id", Opt, Ty::Ref(Kind::Deal)),
        F("mineral_ids", Def, Ty::List(&Ty::Ref(Kind::Mineral))),
        F("party_ids", Def, Ty::List(&Ty::Ref(Kind::Party))),
        F("countries", Def, COUNTRIES),
        F("disputes", Def, DISPUTES),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
        F("confidence_note", Opt, Ty::Str),
    ],
    order: Some(("date", "end_date", false)),
};

static EXEMPTION: Rec = Rec {
    fields: &[
        F("product_id", Req, Ty::Ref(Kind::Product)),
        F(
            "status",
            Req,
            Ty::Enum("exemption status", &ExemptionStatus::IDS),
        ),
        F("from", Opt, Ty::Day),
        F("until", Opt, Ty::Day),
        F("basis", Req, Ty::Str),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
    ],
    order: Some(("from", "until", true)),
};

static REFUND: Rec = rec(&[F("status", Req, Ty::Str), F("sources", Req, Ty::Sources)]);

static MEASURE: Rec = Rec {
    fields: &[
        F("id", Req, Ty::Id),
        F("name", Req, Ty::Str),
        F("name_ur", Opt, Ty::Str),
        F("layer", Req, Ty::Enum("measure layer", &MeasureLayer::IDS)),
        F("instrument", Req, Ty::Str),
        F("rate_percent", Opt, Ty::NonNeg("rate")),
        F("disputes", Def, DISPUTES),
        F("stacking", Req, Ty::Str),
        F("not_on_top_of", Def, Ty::List(&Ty::Ref(Kind::Measure))),
        F("replaces", Def, Ty::List(&Ty::Ref(Kind::Measure))),
        F("in_force_from", Opt, Ty::Instant),
        F("in_force_until", Opt, Ty::Instant),
        F("until_unknown_time_on", Opt, Ty::Day),
        F("period_note", Req, Ty::Str),
        F("exemptions", Def, Ty::List(&Ty::Obj(&EXEMPTION))),
        F("exemption_note", Opt, Ty::Str),
        F("refund", Opt, Ty::Obj(&REFUND)),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
        F("confidence_note", Opt, Ty::Str),
    ],
    order: Some(("in_force_from", "in_force_until", true)),
};

static FIGURE: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("metric", Req, Ty::Str),
    F("period", Req, Ty::Str),
    F("value", Req, Ty::Str),
    F("value_usd", Opt, Ty::NonNeg("amount")),
    F("notes", Opt, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

// ---------------------------------------------------------------- the walker

/// Every problem in the tree, in document order; empty when the tree will
/// decode into a [`Dataset`] that is consistent.
pub fn validate(tree: &Json) -> Vec<Problem> {
    let mut walker = Walker::new(tree);
    walker.object(&Trail::root(tree), &DATASET);
    walker.out
}

struct Walker<'a> {
    /// Each id's first record: its kind, the id value (to tell it from later ones) and path.
    first: HashMap<&'a str, (Kind, &'a Json, String)>,
    /// Every (kind, id) defined, for references.
    known: HashSet<(Kind, &'a str)>,
    out: Vec<Problem>,
}

impl<'a> Walker<'a> {
    fn new(tree: &'a Json) -> Self {
        let mut w = Walker {
            first: HashMap::new(),
            known: HashSet::new(),
            out: Vec::new(),
        };
        for kind in Kind::ALL {
            let records = tree
                .get(kind.key())
                .and_then(Json::as_array)
                .unwrap_or_default();
            for (i, record) in records.iter().enumerate() {
                if let Some(id_value) = record.get("id") {
                    if let Some(id) = id_value.as_str() {
                        w.known.insert((kind, id));
                        let path = format!("$.{}[{i}]", kind.key());
                        w.first.entry(id).or_insert((kind, id_value, path));
                    }
                }
            }
        }
        w
    }

    fn report(&mut self, at: &Trail, message: String) {
        self.out.push(problem(&at.path(), message));
    }

    fn expected(&mut self, at: &Trail, what: &str) {
        let found = at.node;
        let value = match found {
            Json::Null | Json::Array(_) | Json::Object(_) => String::new(),
            Json::String(s) => format!(" {}", quote(s)),
            _ => format!(" {}", found.preview(60)),
        };
        self.report(
            at,
            format!("expected {what}, found {}{value}", found.type_name()),
        );
    }

    fn object(&mut self, at: &Trail, rec: &Rec) {
        let value = at.node;
        let Json::Object(entries) = value else {
            return self.expected(at, "an object");
        };
        let mut seen = HashSet::new();
        for (key, _) in entries {
            if !seen.insert(key.as_str()) {
                self.report(at, format!("duplicate key {}", quote(key)));
            }
            if !rec.fields.iter().any(|f| f.0 == key) {
                let hint = rec
                    .fields
                    .iter()
                    .find(|f| edit_distance(f.0, key) <= 2)
                    .map(|f| format!(", did you mean \"{}\"?", f.0))
                    .unwrap_or_else(|| " (typo?)".to_string());
                self.report(at, format!("unknown field {}{hint}", quote(key)));
            }
        }
        for F(name, need, ty) in rec.fields {
            match (value.get(name), need) {
                (None, Req) => self.report(at, format!("missing required field \"{name}\"")),
                (None, _) | (Some(Json::Null), Opt) => {}
                (Some(v), _) => self.value(&at.key(v, name), *ty),
            }
        }
        if let Some((from, until, strict)) = rec.order {
            self.order(at, rec, (from, until, strict));
        }
    }

    fn value(&mut self, at: &Trail, ty: Ty) {
        let v = at.node;
        match ty {
            Ty::Bool if !matches!(v, Json::Bool(_)) => self.expected(at, "true or false"),
            Ty::Bool => {}
            Ty::NonNeg(noun) => match v {
                Json::Number(n) if !n.is_finite() => {
                    self.report(at, format!("{noun} {} is not a finite number", num(*n)))
                }
                Json::Number(n) if *n < 0.0 => {
                    self.report(at, format!("negative {noun} {} (must be ≥ 0)", num(*n)))
                }
                Json::Number(_) => {}
                _ => self.expected(at, "a number"),
            },
            Ty::List(item) => self.list(at, item),
            Ty::Sources => {
                if v.as_array().is_some_and(<[Json]>::is_empty) {
                    self.report(
                        at,
                        "no sources: every record must cite at least one source".to_string(),
                    );
                }
                self.list(at, &Ty::Ref(Kind::Source));
            }
            Ty::Obj(rec) => self.object(at, rec),
            Ty::Tagged(variants) => self.tagged(at, variants),
            _ => match v.as_str() {
                Some(s) => self.string(s, at, ty),
                None => self.expected(at, "a string"),
            },
        }
    }

    fn list(&mut self, at: &Trail, item: &Ty) {
        match at.node.as_array() {
            Some(items) => {
                for (i, x) in items.iter().enumerate() {
                    self.value(&at.index(x, i), *item);
                }
            }
            None => self.expected(at, "an array"),
        }
    }

    fn tagged(&mut self, at: &Trail, variants: &[(&str, &Rec)]) {
        let v = at.node;
        let tag = v.get("kind");
        match variants
            .iter()
            .find(|(name, _)| tag.and_then(Json::as_str) == Some(*name))
        {
            Some((_, rec)) => self.object(at, rec),
            None => match (v, tag) {
                (Json::Object(_), Some(tag)) => self.value(&at.key(tag, "kind"), MFN_KIND),
                (Json::Object(_), None) => {
                    self.report(at, "missing required field \"kind\"".to_string())
                }
                _ => self.expected(at, "an object"),
            },
        }
    }

    fn string(&mut self, s: &str, at: &Trail, ty: Ty) {
        // Quoted only for a message: most strings are fine, and quoting copies.
        let quoted = || quote(s);
        let message = match ty {
            Ty::Id => self.id_problem(s, at.node),
            Ty::Ref(kind) if !self.known.contains(&(kind, s)) => {
                let other = self
                    .first
                    .get(s)
                    .map(|(k, ..)| format!(" (it is the id of a {})", k.noun()));
                Some(format!(
                    "unknown {} id {}{}",
                    kind.noun(),
                    quoted(),
                    other.unwrap_or_default()
                ))
            }
            Ty::Enum(noun, allowed) if !allowed.contains(&s) => Some(format!(
                "unknown {noun} {} (expected one of: {})",
                quoted(),
                allowed.join(", ")
            )),
            Ty::Date => date_problem(
                s,
                PartialDate::parse(s).is_some(),
                &["9999", "9999-99", "9999-99-99"],
            )
            .map(|m| format!("{m} {} (expected YYYY, YYYY-MM or YYYY-MM-DD)", quoted())),
            Ty::Day => date_problem(s, Day::parse(s).is_some(), &["9999-99-99"])
                .map(|m| format!("{m} {} (expected YYYY-MM-DD)", quoted())),
            Ty::Instant => date_problem(s, parse_instant(s).is_some(), &INSTANT_SHAPES).map(|m| {
                format!(
                    "{m} {} (expected an RFC 3339 instant such as 2025-04-05T00:01:00-04:00)",
                    quoted()
                )
            }),
            Ty::Url if !is_http_url(s) => Some(format!("not an http(s) URL: {}", quoted())),
            Ty::Country if !(s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())) => Some(
                format!("not an ISO 3166 alpha-2 country code: {}", quoted()),
            ),
            _ => None,
        };
        if let Some(message) = message {
            self.report(at, message);
        }
    }

    fn id_problem(&self, s: &str, v: &Json) -> Option<String> {
        if s.is_empty() || s.chars().any(char::is_whitespace) {
            return Some(format!(
                "invalid id {}: ids must be non-empty and without spaces",
                quote(s)
            ));
        }
        let (kind, first, at) = self.first.get(s)?;
        if std::ptr::eq(*first, v) {
            return None;
        }
        Some(format!(
            "duplicate id {}: already the id of the {} at {at}",
            quote(s),
            kind.noun()
        ))
    }

    /// A from value after its until value (both already checked one by one).
    fn order(&mut self, at: &Trail, rec: &Rec, (from, until, strict): (&str, &str, bool)) {
        let ty = rec.fields.iter().find(|f| f.0 == from).map(|f| f.2);
        let until_node = at.node.get(until);
        let (Some(ty), Some(a), Some(b), Some(until_node)) = (
            ty,
            at.node.get(from).and_then(Json::as_str),
            until_node.and_then(Json::as_str),
            until_node,
        ) else {
            return;
        };
        let key = |s: &str, end: bool| -> Option<i64> {
            match ty {
                Ty::Date => PartialDate::parse(s)
                    .map(|d| if end { d.last_day() } else { d.first_day }.to_days()),
                Ty::Day => Day::parse(s).map(Day::to_days),
                _ => parse_instant(s),
            }
        };
        if let (Some(x), Some(y)) = (key(a, false), key(b, true)) {
            if x > y || (strict && x == y) {
                let rule = if strict { "before" } else { "on or before" };
                self.report(
                    &at.key(until_node, until),
                    format!("{from} {} must be {rule} {until} {}", quote(a), quote(b)),
                );
            }
        }
    }
}

const INSTANT_SHAPES: [&str; 6] = [
    "9999-99-99T99:99Z",
    "9999-99-99T99:99+99:99",
    "9999-99-99T99:99-99:99",
    "9999-99-99T99:99:99Z",
    "9999-99-99T99:99:99+99:99",
    "9999-99-99T99:99:99-99:99",
];

/// `None` when `ok`; else "impossible date" when `s` has an accepted shape
/// (every digit written as 9) and "not an ISO date" when it has not.
fn date_problem(s: &str, ok: bool, shapes: &[&str]) -> Option<&'static str> {
    if ok {
        return None;
    }
    let shape: String = s
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    Some(if shapes.contains(&shape.as_str()) {
        "impossible date"
    } else {
        "not an ISO date"
    })
}

/// A number for a message, in exponent form when long (`-1e300`, not 301 digits).
fn num(n: f64) -> String {
    if n.abs() < 1e15 {
        n.to_string()
    } else {
        format!("{n:e}")
    }
}

/// A string for a message: quoted, escaped onto one line, cut at 80 characters.
fn quote(s: &str) -> String {
    let cut: String = s.chars().take(80).collect();
    let more = if cut.len() < s.len() { "…" } else { "" };
    format!("{cut:?}{more}")
}

fn is_http_url(s: &str) -> bool {
    let rest = ["https://", "http://"].iter().find_map(|p| {
        let head = s.get(..p.len()).filter(|head| head.eq_ignore_ascii_case(p));
        head.and_then(|_| s.get(p.len()..))
    });
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Levenshtein distance, for "did you mean" hints on unknown fields.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        let mut next = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX - 1);
            let left = next.last().copied().unwrap_or(usize::MAX - 1);
            next.push((prev + usize::from(ca != *cb)).min(above + 1).min(left + 1));
            prev = above;
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

// ---------------------------------------------------------------- the summary

/// How many records of each kind a valid dataset holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub sources: usize,
    pub parties: usize,
    pub minerals: usize,
    pub products: usize,
    pub deals: usize,
    pub events: usize,
    pub tariff_measures: usize,
    pub figures: usize,
    pub version: String,
    pub as_of: String,
}

impl Summary {
    pub fn of(ds: &Dataset) -> Summary {
        Summary {
            sources: ds.sources.len(),
            parties: ds.parties.len(),
            minerals: ds.minerals.len(),
            products: ds.products.len(),
            deals: ds.deals.len(),
            events: ds.events.len(),
            tariff_measures: ds.tariff_measures.len(),
            figures: ds.figures.len(),
            version: ds.meta.version.clone(),
            as_of: ds.meta.as_of.clone(),
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "valid: {} sources, {} parties, {} minerals, {} products, {} deals, {} events, \
             {} tariff measures, {} figures (version {}, as of {})",
            self.sources,
            self.parties,
            self.minerals,
            self.products,
            self.deals,
            self.events,
            self.tariff_measures,
            self.figures,
            self.version,
            self.as_of
        )
    }
}

/// One line, e.g. "valid: 231 sources, 60 parties, … (version 1.0.0, as of 2026-10-02)".
pub fn summarize(ds: &Dataset) -> String {
    Summary::of(ds).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(edit_distance("sorces", "sources"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert!(is_http_url("https://example.org/a?b=1") && is_http_url("HTTP://x.org"));
        for bad in [
            "ftp://x.org",
            "https://",
            "https:///x",
            "http://x .org",
            "x.org",
            "",
            "é",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
        assert_eq!(
            date_problem("2025-02-30", false, &["9999-99-99"]),
            Some("impossible date")
        );
        assert_eq!(
            date_problem("30/02/2025", false, &["9999-99-99"]),
            Some("not an ISO date")
        );
        assert_eq!(quote("a\"b\nc"), r#""a\"b\nc""#);
        assert!(quote(&"x".repeat(100)).ends_with('…'));
        assert_eq!(
            (num(-5.0), num(-1e300)),
            ("-5".to_string(), "-1e300".to_string())
        );
        let p = syntax_problem("trailing comma at line 2 column 3", 2, 3);
        assert_eq!(
            p.message,
            "JSON syntax error at line 2, column 3: trailing comma"
        );
    }

    #[test]
    fn reports_every_problem_of_a_wrong_tree() {
        let tree = Json::Object(vec![
            ("meta".into(), Json::Number(3.0)),
            ("sources".into(), Json::Object(vec![])),
        ]);
        let problems: Vec<String> = validate(&tree).iter().map(Problem::to_string).collect();
        assert!(problems.contains(&"$.meta: expected an object, found a number 3".to_string()));
        assert!(problems.contains(&"$.sources: expected an array, found an object".to_string()));
        assert!(problems.contains(&"$: missing required field \"deals\"".to_string()));
        assert_eq!(problems.len(), 2 + 6, "{problems:#?}");
        assert_eq!(validate(&Json::Null).len(), 1);
    }
}
