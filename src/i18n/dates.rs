//! Calendar dates for display, in English (en-GB style) and Urdu.
//!
//! Pure Rust rather than the browser's `Intl.DateTimeFormat`: the strings are
//! the same ("8 September 2025", "8 ستمبر، 2025"), but building the first
//! `DateTimeFormat` loads the browser's locale data and cost tens of
//! milliseconds of main-thread time at start-up on a throttled phone.
//! The digits follow the reader's choice (Western, or Eastern Arabic-Indic in Urdu).

use crate::data::date::{Day, PartialDate, Precision};
use crate::state::vocab::Lang;

/// How much of a day to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// "8 September 2025"
    Long,
    /// "8 Sept 2025", for dense places (Urdu has no short month names).
    Short,
    /// "September 2025"
    MonthYear,
    /// "2025"
    Year,
}

const MONTHS_EN: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];
/// en-GB's abbreviations (note "Sept").
const MONTHS_EN_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const MONTHS_UR: [&str; 12] = [
    "جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست", "ستمبر", "اکتوبر", "نومبر", "دسمبر",
];

/// Western digits to Eastern Arabic-Indic (۰–۹) when `eastern`; other characters unchanged.
pub fn with_digits(s: &str, eastern: bool) -> String {
    if !eastern {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x06F0 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A day in the reader's language. Months outside 1–12 cannot come from
/// [`Day::new`]; should one appear, the ISO form is shown rather than a wrong name.
pub fn format_day(lang: Lang, eastern_digits: bool, day: Day, style: DateStyle) -> String {
    let Some(index) = usize::from(day.month).checked_sub(1).filter(|&i| i < 12) else {
        return with_digits(&day.to_string(), eastern_digits && lang == Lang::Ur);
    };
    let pick = |names: &[&'static str; 12]| names.get(index).copied().unwrap_or_default();
    let (d, y) = (day.day, day.year);
    let text = match (lang, style) {
        (_, DateStyle::Year) => y.to_string(),
        (Lang::En, DateStyle::Long) => format!("{d} {} {y}", pick(&MONTHS_EN)),
        (Lang::En, DateStyle::Short) => format!("{d} {} {y}", pick(&MONTHS_EN_SHORT)),
        (Lang::En, DateStyle::MonthYear) => format!("{} {y}", pick(&MONTHS_EN)),
        (Lang::Ur, DateStyle::Long | DateStyle::Short) => format!("{d} {}، {y}", pick(&MONTHS_UR)),
        (Lang::Ur, DateStyle::MonthYear) => format!("{} {y}", pick(&MONTHS_UR)),
    };
    with_digits(&text, eastern_digits && lang == Lang::Ur)
}

/// A date as precise as the data: "2025", "October 2025" or "8 September 2025".
pub fn format_partial(lang: Lang, eastern_digits: bool, date: PartialDate) -> String {
    let style = match date.precision {
        Precision::Day => DateStyle::Long,
        Precision::Month => DateStyle::MonthYear,
        Precision::Year => DateStyle::Year,
    };
    format_day(lang, eastern_digits, date.first_day, style)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Day {
        Day::new(y, m, d).expect("valid day")
    }

    // Expected strings are what Chromium's Intl.DateTimeFormat gives for en-GB
    // and ur-PK (-u-nu-latn / -u-nu-arabext), which this module replaces.
    #[test]
    fn english_matches_en_gb() {
        let d = day(2025, 9, 8);
        assert_eq!(format_day(Lang::En, false, d, DateStyle::Long), "8 September 2025");
        assert_eq!(format_day(Lang::En, false, d, DateStyle::Short), "8 Sept 2025");
        assert_eq!(format_day(Lang::En, false, d, DateStyle::MonthYear), "September 2025");
        assert_eq!(format_day(Lang::En, false, d, DateStyle::Year), "2025");
        assert_eq!(format_day(Lang::En, false, day(2026, 5, 31), DateStyle::Short), "31 May 2026");
        // The digit choice is an Urdu setting only.
        assert_eq!(format_day(Lang::En, true, d, DateStyle::Long), "8 September 2025");
    }

    #[test]
    fn urdu_matches_ur_pk_in_both_digit_systems() {
        let d = day(2025, 9, 8);
        assert_eq!(format_day(Lang::Ur, false, d, DateStyle::Long), "8 ستمبر، 2025");
        assert_eq!(format_day(Lang::Ur, false, d, DateStyle::Short), "8 ستمبر، 2025");
        assert_eq!(format_day(Lang::Ur, false, d, DateStyle::MonthYear), "ستمبر 2025");
        assert_eq!(format_day(Lang::Ur, true, d, DateStyle::Long), "۸ ستمبر، ۲۰۲۵");
        assert_eq!(format_day(Lang::Ur, true, d, DateStyle::Year), "۲۰۲۵");
    }

    #[test]
    fn every_month_has_its_own_name_in_both_languages() {
        for lang in [Lang::En, Lang::Ur] {
            let names: std::collections::HashSet<String> =
                (1..=12).map(|m| format_day(lang, false, day(2025, m, 1), DateStyle::MonthYear)).collect();
            assert_eq!(names.len(), 12, "{lang:?}");
        }
    }

    #[test]
    fn partial_dates_show_only_what_is_known() {
        let parse = |s| PartialDate::parse(s).expect("valid partial date");
        assert_eq!(format_partial(Lang::En, false, parse("2025")), "2025");
        assert_eq!(format_partial(Lang::En, false, parse("2025-10")), "October 2025");
        assert_eq!(format_partial(Lang::En, false, parse("2025-10-02")), "2 October 2025");
        assert_eq!(format_partial(Lang::Ur, true, parse("2025-10")), "اکتوبر ۲۰۲۵");
    }

    #[test]
    fn only_ascii_digits_change() {
        assert_eq!(with_digits("a1-2.3 ٤", true), "a۱-۲.۳ ٤");
        assert_eq!(with_digits("19%", false), "19%");
    }
}
