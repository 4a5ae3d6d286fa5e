//! Numbers and money for display through the browser's `Intl` (no formatting
//! crate in the wasm); dates through the pure [`crate::i18n::dates`]. Never
//! returns "NaN" or "undefined": a value that cannot be shown becomes "—".

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::data::date::{Day, PartialDate};
use crate::i18n::dates::{self, DateStyle};
use crate::state::url::Lang;

/// Shown where a value is missing or not finite.
pub const NO_VALUE: &str = "—";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    /// Eastern Arabic-Indic digits (Urdu only).
    pub eastern_digits: bool,
}

impl Locale {
    /// BCP 47 tag for `Intl`.
    pub fn tag(self) -> &'static str {
        match (self.lang, self.eastern_digits) {
            (Lang::En, _) => "en-GB",
            (Lang::Ur, false) => "ur-PK-u-nu-latn",
            (Lang::Ur, true) => "ur-PK-u-nu-arabext",
        }
    }
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// Intl formatters are costly to build (a list of 50 rows used to build
/// hundreds per keystroke): one per locale and option set, kept for the page's life.
fn formatter(locale: Locale, opts: &[(&str, JsValue)]) -> JsValue {
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<String, JsValue>> = Default::default();
    }
    let mut key = locale.tag().to_string();
    for (k, v) in opts {
        key.push_str(&format!("|{k}={}", v.as_string().or_else(|| v.as_f64().map(|n| n.to_string())).unwrap_or_default()));
    }
    CACHE.with(|cache| {
        cache
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| {
                let locales = Array::of1(&locale.tag().into());
                js_sys::Intl::NumberFormat::new(&locales, &options(opts)).into()
            })
            .clone()
    })
}

fn call_format(formatter: &JsValue, arg: &JsValue) -> Option<String> {
    let f: Function = Reflect::get(formatter, &JsValue::from_str("format")).ok()?.into();
    f.call1(formatter, arg).ok()?.as_string()
}

fn number_with(locale: Locale, x: f64, opts: &[(&str, JsValue)]) -> String {
    if !x.is_finite() {
        return NO_VALUE.to_string();
    }
    call_format(&formatter(locale, opts), &JsValue::from_f64(x)).unwrap_or_else(|| NO_VALUE.to_string())
}

/// A plain number with at most `max_fraction` decimals.
pub fn number(locale: Locale, x: f64, max_fraction: u8) -> String {
    number_with(locale, x, &[("maximumFractionDigits", f64::from(max_fraction).into())])
}

/// US dollars; `compact` gives "$500 million" for headline figures.
pub fn usd(locale: Locale, x: f64, compact: bool) -> String {
    let mut opts = vec![
        ("style", JsValue::from_str("currency")),
        ("currency", "USD".into()),
        ("currencyDisplay", "narrowSymbol".into()),
    ];
    if compact {
        opts.push(("notation", "compact".into()));
        opts.push(("compactDisplay", "long".into()));
        opts.push(("maximumFractionDigits", 2.0.into()));
    } else {
        opts.push(("maximumFractionDigits", 0.0.into()));
    }
    number_with(locale, x, &opts)
}

/// An exact amount in integer cents, shown with two decimals.
pub fn usd_cents(locale: Locale, cents: i64) -> String {
    // i64 cents up to 1e14 are exact in f64; amounts are capped far below that.
    number_with(
        locale,
        cents as f64 / 100.0,
        &[
            ("style", "currency".into()),
            ("currency", "USD".into()),
            ("currencyDisplay", "narrowSymbol".into()),
            ("minimumFractionDigits", 2.0.into()),
            ("maximumFractionDigits", 2.0.into()),
        ],
    )
}

/// A percentage given in percent units (19.0 → "19%").
pub fn percent(locale: Locale, pct: f64) -> String {
    number_with(
        locale,
        pct / 100.0,
        &[("style", "percent".into()), ("maximumFractionDigits", 2.0.into())],
    )
}

/// A day, "8 September 2025".
pub fn day(locale: Locale, d: Day) -> String {
    dates::format_day(locale.lang, locale.eastern_digits, d, DateStyle::Long)
}

/// A short day for dense places, "8 Sept 2025".
pub fn day_short(locale: Locale, d: Day) -> String {
    dates::format_day(locale.lang, locale.eastern_digits, d, DateStyle::Short)
}

/// A date as precise as the data: "2025", "October 2025" or "8 September 2025".
pub fn partial_date(locale: Locale, d: PartialDate) -> String {
    dates::format_partial(locale.lang, locale.eastern_digits, d)
}

/// A dataset date string (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) for display; "—" if absent.
pub fn data_date(locale: Locale, s: Option<&str>) -> String {
    match s.and_then(PartialDate::parse) {
        Some(d) => partial_date(locale, d),
        None => NO_VALUE.to_string(),
    }
}
