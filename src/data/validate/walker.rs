//! The walker: checks a tree against the schema's tables, every problem with its path.

use std::collections::{HashMap, HashSet};

use super::super::date::{parse_instant, Day, PartialDate};
use super::super::json::Json;
use super::super::trail::Trail;
use super::super::model::PAKISTAN_BOUNDS;
use crate::geo::LonLat;
use super::schema::{
    Kind, Need::{Opt, Req, Ur}, Rec, Ty, DEAL_VALUE, F, MEASURE, MFN_KIND, PLACE, STEP_RECORDS, STORY, STORY_STEP,
};
use super::{problem, Problem};
pub(super) struct Walker<'a> {
    /// Each id's first record: its kind, the id value (to tell it from later ones) and path.
    first: HashMap<&'a str, (Kind, &'a Json, String)>,
    /// Every (kind, id) defined, for references.
    known: HashSet<(Kind, &'a str)>,
    pub(super) out: Vec<Problem>,
    /// What does not stop the data from loading but a reader misses: an
    /// English text without its Urdu.
    pub(super) warnings: Vec<Problem>,
}

impl<'a> Walker<'a> {
    pub(super) fn new(tree: &'a Json) -> Self {
        let mut w = Walker {
            first: HashMap::new(),
            known: HashSet::new(),
            out: Vec::new(),
            warnings: Vec::new(),
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

    pub(super) fn object(&mut self, at: &Trail, rec: &Rec) {
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
                // An Urdu list, like any defaulted list, may be absent but not null.
                (None, _) | (Some(Json::Null), Opt) => {}
                (Some(Json::Null), Ur) if !matches!(ty, Ty::List(_)) => {}
                (Some(v), _) => self.value(&at.key(v, name), *ty),
            }
            if *need == Ur {
                self.urdu(at, name);
            }
        }
        if let Some((from, until, strict)) = rec.order {
            self.order(at, rec, (from, until, strict));
        }
        if std::ptr::eq(rec, &MEASURE) {
            self.in_transit_targets(at);
        }
        if std::ptr::eq(rec, &DEAL_VALUE) {
            self.amount_has_basis(at);
        }
        if std::ptr::eq(rec, &PLACE) {
            self.place(at);
        }
        if std::ptr::eq(rec, &STORY) || std::ptr::eq(rec, &STORY_STEP) {
            self.story_rules(at, rec);
        }
    }

    /// A place lies on the map, an approximate one has the radius it is drawn
    /// with (an exact one none), and its Urdu is not blank.
    fn place(&mut self, at: &Trail) {
        let node = at.node;
        let number = |key: &str| node.get(key).and_then(Json::as_f64).filter(|n| n.is_finite());
        if let (Some(lat), Some(lon), Some(lat_node)) = (number("lat"), number("lon"), node.get("lat")) {
            if !PAKISTAN_BOUNDS.contains(LonLat { lon, lat }) {
                let b = PAKISTAN_BOUNDS;
                self.report(
                    &at.key(lat_node, "lat"),
                    format!(
                        "lat {}, lon {} lie outside Pakistan's bounding box ({}–{}° N, {}–{}° E, \
                         Azad Kashmir and Gilgit-Baltistan included): are they swapped, or is the place abroad?",
                        num(lat), num(lon), b.south, b.north, b.west, b.east
                    ),
                );
            }
        }
        let radius = node.get("radius_km").filter(|v| !matches!(v, Json::Null));
        match (node.get("precision").and_then(Json::as_str), radius) {
            (Some("approximate"), None) => self.report(
                at,
                "an approximate place needs \"radius_km\", the radius of the area it is drawn as".to_string(),
            ),
            (Some("approximate"), Some(r)) if r.as_f64() == Some(0.0) => self.report(
                &at.key(r, "radius_km"),
                "radius 0: an approximate place is drawn as an area, give its radius in km".to_string(),
            ),
            (Some("exact"), Some(r)) => self.report(
                &at.key(r, "radius_km"),
                "an exact place is drawn as a mark: \"radius_km\" is for \"precision\": \"approximate\"".to_string(),
            ),
            _ => {}
        }
        self.required_urdu(at, &["name_ur", "description_ur"]);
    }

    /// Urdu that is required (no English fallback) is not blank either.
    fn required_urdu(&mut self, at: &Trail, keys: &[&str]) {
        for urdu in keys {
            if let Some(v) = at.node.get(urdu).filter(|v| v.as_str().is_some_and(|s| s.trim().is_empty())) {
                let english = urdu.trim_end_matches("_ur");
                self.report(&at.key(v, urdu), format!("no Urdu for \"{english}\": \"{urdu}\" is blank"));
            }
        }
    }

    /// A story has steps; a step names exactly one record; its Urdu is required
    /// (a story has no English fallback mid-walk).
    fn story_rules(&mut self, at: &Trail, rec: &Rec) {
        let node = at.node;
        let urdu: Vec<&str> = rec.fields.iter().map(|f| f.0).filter(|f| f.ends_with("_ur")).collect();
        self.required_urdu(at, &urdu);
        if std::ptr::eq(rec, &STORY) {
            if node.get("steps").and_then(Json::as_array).is_some_and(<[Json]>::is_empty) {
                self.report(at, "a story needs at least one step".to_string());
            }
            return;
        }
        let named = STEP_RECORDS
            .iter()
            .filter(|key| node.get(key).is_some_and(|v| !matches!(v, Json::Null)))
            .count();
        if named != 1 {
            let keys = STEP_RECORDS.join(", ");
            self.report(at, format!("a step names exactly one record ({keys}); this one names {named}"));
        }
    }

    /// An amount says what kind of money it is, so that figures of different
    /// kinds are never ranked or summed as if alike.
    fn amount_has_basis(&mut self, at: &Trail) {
        let given = |key: &str| at.node.get(key).is_some_and(|v| !matches!(v, Json::Null));
        if given("amount_usd") && !given("basis") {
            let kinds = super::super::model::ValueBasis::IDS.join(", ");
            self.report(at, format!("an amount needs its \"basis\", what kind of money it is ({kinds})"));
        }
    }

    /// An in-transit rule names another measure to charge instead, never its own.
    fn in_transit_targets(&mut self, at: &Trail) {
        let own = at.node.get("id").and_then(Json::as_str);
        let Some(node) = at.node.get("in_transit") else {
            return;
        };
        let Some(rules) = node.as_array() else {
            return;
        };
        let list = at.key(node, "in_transit");
        for (i, rule) in rules.iter().enumerate() {
            if let (Some(id), Some(target)) = (own, rule.get("instead")) {
                if target.as_str() == Some(id) {
                    let here = list.index(rule, i);
                    self.report(
                        &here.key(target, "instead"),
                        format!("instead {}: a measure cannot replace itself", quote(id)),
                    );
                }
            }
        }
    }

    /// Warns where the English of `urdu` (its name without `_ur`) has text and
    /// the Urdu has none, or fewer items; a claim marked `quote_en` stays English.
    fn urdu(&mut self, at: &Trail, urdu: &str) {
        let english = urdu.strip_suffix("_ur").unwrap_or(urdu);
        let count = |v: Option<&Json>| match v {
            Some(Json::String(s)) => usize::from(!s.trim().is_empty()),
            Some(Json::Array(items)) => items
                .iter()
                .filter(|x| x.as_str().is_some_and(|s| !s.trim().is_empty()))
                .count(),
            _ => 0,
        };
        let node = at.node;
        let (en, ur) = (count(node.get(english)), count(node.get(urdu)));
        if en > ur && !matches!(node.get("quote_en"), Some(Json::Bool(true))) {
            let message = if ur == 0 {
                let quote = if english == "claim" { ", or \"quote_en\": true for a claim quoted word for word from English" } else { "" };
                format!("no Urdu for \"{english}\": add \"{urdu}\"{quote}")
            } else {
                format!("\"{urdu}\" has {ur} item(s) for the {en} of \"{english}\"")
            };
            self.warnings.push(problem(&at.path(), message));
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
            Ty::Degrees(noun) => match v {
                Json::Number(n) if !n.is_finite() => {
                    self.report(at, format!("{noun} {} is not a finite number", num(*n)))
                }
                Json::Number(_) => {}
                _ => self.expected(at, "a number of degrees"),
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
    }
}
