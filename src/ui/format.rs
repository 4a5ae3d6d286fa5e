//! Numbers, money and dates for display, through the pure
//! [`crate::i18n::numbers`] and [`crate::i18n::dates`] (no formatting crate and
//! no `Intl` on the page's path: see those modules for why). Never returns
//! "NaN" or "undefined": a value that cannot be shown becomes "—".

use crate::data::date::{Day, PartialDate};
use crate::i18n::dates::{self, DateStyle};
use crate::i18n::numbers::{self, Numerals};
use crate::state::vocab::Lang;

/// Shown where a value is missing or not finite.
pub const NO_VALUE: &str = "—";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale {
    pub lang: Lang,
    /// Eastern Arabic-Indic digits (Urdu only).
    pub eastern_digits: bool,
}

impl Locale {
    pub fn numerals(self) -> Numerals {
        Numerals { lang: self.lang, eastern: self.eastern_digits }
    }
}

fn or_dash(s: Option<String>) -> String {
    s.unwrap_or_else(|| NO_VALUE.to_string())
}

/// A plain number with at most `max_fraction` decimals.
pub fn number(locale: Locale, x: f64, max_fraction: u8) -> String {
    or_dash(numbers::plain(locale.numerals(), x, max_fraction))
}

/// US dollars; `compact` gives "$500m" for headline figures.
pub fn usd(locale: Locale, x: f64, compact: bool) -> String {
    or_dash(numbers::usd(locale.numerals(), x, compact))
}

/// An exact amount in integer cents, shown with two decimals.
pub fn usd_cents(locale: Locale, cents: i64) -> String {
    numbers::usd_cents(locale.numerals(), cents)
}

/// A percentage given in percent units (19.0 → "19%").
pub fn percent(locale: Locale, pct: f64) -> String {
    or_dash(numbers::percent(locale.numerals(), pct))
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

/// Gives the index its Urdu title order, from the browser's Urdu collation
/// (`Intl.Collator('ur')`: the alphabet's order, not code points', which put
/// ٹ، پ، چ، ک، گ، ی and ے out of place). Built only when a reader first sorts
/// by title in Urdu, so no one else pays for the collator.
pub fn urdu_title_order(ix: &crate::explore::Index, ds: &crate::data::model::Dataset) {
    if ix.has_urdu_title_order() {
        return;
    }
    let collator = js_sys::Intl::Collator::new(&js_sys::Array::of1(&"ur".into()), &js_sys::Object::new());
    let compare = collator.compare();
    ix.set_urdu_title_order(ds, |a, b| {
        let sign = compare
            .call2(&collator, &a.into(), &b.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        sign.partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
    });
}
