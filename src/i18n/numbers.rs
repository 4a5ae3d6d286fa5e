//! Numbers, US dollars and percentages for display, in English (en-GB) and
//! Urdu (ur-PK, Western or Eastern Arabic-Indic digits).
//!
//! Pure Rust rather than the browser's `Intl.NumberFormat`, for the reason
//! [`super::dates`] gives: building the first `NumberFormat` loads the browser's
//! locale data, about 20 ms of main-thread time on a desktop and four times that
//! on a throttled phone, in the middle of the first render. The output is
//! Chromium's, character for character, for the styles the app uses: the native
//! tests hold strings taken from Chromium 156, and a wasm-bindgen test compares
//! against the live `Intl.NumberFormat` of the browser it runs in. One style is
//! ours, not `Intl`'s: compact dollars in Urdu, written as Pakistani newspapers
//! write them ("50 کروڑ ڈالر", "166 ارب ڈالر"; `Intl` gives "$50 کروڑ", "$1.66 کھرب").
//!
//! Rounding is as `Intl`'s: half away from zero, applied to the shortest decimal
//! that reads back as the same `f64` (so 1.005 rounds to 1.01, as a reader expects).

use crate::state::vocab::Lang;

use super::dates::with_digits;

/// How numbers are written for one reader: language and digit style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numerals {
    pub lang: Lang,
    /// Eastern Arabic-Indic digits and separators; applies in Urdu only.
    pub eastern: bool,
}

impl Numerals {
    fn eastern(self) -> bool {
        self.eastern && self.lang == Lang::Ur
    }

    /// Decimal point and thousands separator.
    fn separators(self) -> (char, char) {
        if self.eastern() {
            ('\u{066B}', '\u{066C}')
        } else {
            ('.', ',')
        }
    }

    /// The minus sign: Urdu wraps it in left-to-right marks so that "-$3"
    /// keeps its order inside right-to-left text.
    fn minus(self) -> &'static str {
        match self.lang {
            Lang::En => "-",
            Lang::Ur if self.eastern() => "\u{200E}-\u{200E}",
            Lang::Ur => "\u{200E}-",
        }
    }

    /// The words of compact notation: (power of ten divided by, suffix) for a
    /// number of magnitude `mag` (10^mag ≤ n < 10^(mag+1)). Urdu counts in
    /// hazar (10^3), lakh (10^5), crore (10^7) and arab (10^9) up to a trillion,
    /// as the press does (166 ارب, not 1.66 کھرب), then in trillions.
    fn compact_unit(self, mag: i32) -> (i32, &'static str) {
        match self.lang {
            Lang::En => match mag {
                i32::MIN..=2 => (0, ""),
                3..=5 => (3, "k"),
                6..=8 => (6, "m"),
                9..=11 => (9, "bn"),
                _ => (12, "tn"),
            },
            Lang::Ur => match mag {
                i32::MIN..=2 => (0, ""),
                3..=4 => (3, "\u{00A0}ہزار"),
                5..=6 => (5, "\u{00A0}لاکھ"),
                7..=8 => (7, "\u{00A0}کروڑ"),
                9..=11 => (9, "\u{00A0}ارب"),
                _ => (12, "\u{00A0}ٹریلین"),
            },
        }
    }
}

/// A non-negative decimal: 0.d₁d₂d₃… × 10^`point`, no trailing zero digits;
/// zero has no digits.
#[derive(Clone, Debug, PartialEq)]
struct Decimal {
    digits: Vec<u8>,
    point: i32,
}

impl Decimal {
    /// The shortest decimal that reads back as `|x|`; `None` for NaN and infinities.
    fn of(x: f64) -> Option<Decimal> {
        if !x.is_finite() {
            return None;
        }
        Decimal::parse(&shortest(x.abs()))
    }

    /// A non-negative decimal as Rust's `{:e}` ("1.2345e4") or JavaScript's
    /// `String(x)` ("12345", "0.00012", "1e+21") write it.
    fn parse(text: &str) -> Option<Decimal> {
        let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
        let exponent: i32 = exponent.parse().ok()?;
        let (int, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if !int.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits = int.bytes().chain(fraction.bytes()).map(|b| b - b'0').collect();
        let point = i32::try_from(int.len()).ok()?.checked_add(exponent)?;
        let mut d = Decimal { digits, point };
        d.trim_leading();
        d.trim();
        Some(d)
    }

    /// Drops leading zero digits (the point moves with them).
    fn trim_leading(&mut self) {
        let zeros = self.digits.iter().take_while(|&&d| d == 0).count();
        self.digits.drain(..zeros);
        self.point -= i32::try_from(zeros).unwrap_or(0);
    }

    fn trim(&mut self) {
        while self.digits.last() == Some(&0) {
            self.digits.pop();
        }
        if self.digits.is_empty() {
            self.point = 0;
        }
    }

    /// The power of ten of the leading digit; `None` for zero.
    fn magnitude(&self) -> Option<i32> {
        (!self.digits.is_empty()).then(|| self.point - 1)
    }

    /// Divided by 10^`power` (exact: the point moves).
    fn shifted(&self, power: i32) -> Decimal {
        let mut d = self.clone();
        if !d.digits.is_empty() {
            d.point -= power;
        }
        d
    }

    /// Rounded half away from zero to `fraction` digits after the point.
    fn rounded(&self, fraction: i32) -> Decimal {
        let mut d = self.clone();
        let keep = d.point.saturating_add(fraction);
        let Ok(keep) = usize::try_from(keep) else {
            // Below a tenth of the last kept place: rounds to zero.
            return Decimal { digits: Vec::new(), point: 0 };
        };
        if keep >= d.digits.len() {
            return d;
        }
        let up = d.digits.get(keep).is_some_and(|&digit| digit >= 5);
        d.digits.truncate(keep);
        if up {
            // Carry from the last kept digit; past the first, a new leading 1.
            let mut carried = false;
            for digit in d.digits.iter_mut().rev() {
                if *digit == 9 {
                    *digit = 0;
                } else {
                    *digit += 1;
                    carried = true;
                    break;
                }
            }
            if !carried {
                d.digits.insert(0, 1);
                d.point += 1;
            }
        }
        d.trim();
        d
    }

    /// Written out with Western digits: the integer part grouped in threes
    /// (when it has at least `group_from` digits), at least `min_fraction` decimals.
    fn write(&self, n: Numerals, min_fraction: usize, group_from: usize) -> String {
        let (point_char, group_char) = n.separators();
        let digit = |i: i32| {
            usize::try_from(i)
                .ok()
                .and_then(|i| self.digits.get(i))
                .map_or('0', |&d| char::from(b'0' + d))
        };
        let int: String = if self.point <= 0 {
            "0".to_string()
        } else {
            (0..self.point).map(digit).collect()
        };
        let mut out = String::new();
        let len = int.chars().count();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && len >= group_from && (len - i).is_multiple_of(3) {
                out.push(group_char);
            }
            out.push(c);
        }
        let written = i32::try_from(self.digits.len()).unwrap_or(i32::MAX);
        let fraction_len = usize::try_from(written - self.point).unwrap_or(0).max(min_fraction);
        if fraction_len > 0 {
            out.push(point_char);
            out.extend((self.point..).take(fraction_len).map(digit));
        }
        with_digits(&out, n.eastern())
    }
}

/// The shortest text that reads back as `x` (both forms have the same digits).
/// In the wasm, the engine's own `Number.prototype.toString`: Rust's float
/// formatting (`core::num::flt2dec`) weighed 7.9 KB brotli in every view's parts.
#[cfg(target_arch = "wasm32")]
fn shortest(x: f64) -> String {
    js_sys::Number::from(x).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

#[cfg(not(target_arch = "wasm32"))]
fn shortest(x: f64) -> String {
    format!("{x:e}")
}

/// Regular grouping: "1,234". Compact notation groups from five digits: "$1000tn".
const GROUP_FROM: usize = 4;
const COMPACT_GROUP_FROM: usize = 5;

fn signed(n: Numerals, negative: bool, body: String) -> String {
    if negative {
        format!("{}{body}", n.minus())
    } else {
        body
    }
}

/// A number with at most `max_fraction` decimals: "1,234.5". `None` if not finite.
pub fn plain(n: Numerals, x: f64, max_fraction: u8) -> Option<String> {
    let d = Decimal::of(x)?.rounded(i32::from(max_fraction));
    Some(signed(n, x.is_sign_negative(), d.write(n, 0, GROUP_FROM)))
}

/// `x` in full as plain decimal text, the shortest that reads back ("1.5",
/// "0.0000001", "-2"): what Rust's `{x}` writes, without Rust's float printing
/// in the wasm (for data files, not readers). `None` if not finite.
pub fn decimal(x: f64) -> Option<String> {
    let n = Numerals { lang: Lang::En, eastern: false };
    Some(signed(n, x.is_sign_negative(), Decimal::of(x)?.write(n, 0, usize::MAX)))
}

/// A drawing coordinate to the nearest tenth, written as `{}` writes that
/// tenth ("12.3", "12", "-0.5"): for SVG attributes and path data, by integer
/// arithmetic, so no part carries Rust's float printing (`core::num::flt2dec`,
/// about 8 KB brotli) and a path of thousands of points makes no engine calls.
/// A tie lands where `(x * 10).round()` puts it (away from zero), at most a
/// tenth of a unit from `{:.1}`'s choice; not finite writes "0".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tenths(pub f64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Coordinates are far inside i64 (`as` would saturate).
        let tenths = if self.0.is_finite() { (self.0 * 10.0).round() as i64 } else { 0 };
        let (sign, abs) = (if tenths < 0 { "-" } else { "" }, tenths.unsigned_abs());
        match abs % 10 {
            0 => write!(f, "{sign}{}", abs / 10),
            digit => write!(f, "{sign}{}.{digit}", abs / 10),
        }
    }
}

/// A percentage given in percent units, at most two decimals: 19.5 → "19.5%".
pub fn percent(n: Numerals, pct: f64) -> Option<String> {
    plain(n, pct, 2).map(|s| s + "%")
}

/// Whole US dollars, "$1,234,568"; or with `compact`, a headline figure of at
/// most two decimals in the reader's units: "$1.25bn", "12.5 کروڑ ڈالر".
pub fn usd(n: Numerals, x: f64, compact: bool) -> Option<String> {
    let exact = Decimal::of(x)?;
    let body = if compact {
        let unit = |d: &Decimal| n.compact_unit(d.magnitude().unwrap_or(0));
        let (power, _) = unit(&exact);
        let mut rounded = exact.shifted(power).rounded(2);
        // Rounding up can cross into the next unit (999,999 → "$1m", not "$1000k").
        let (after, suffix) = unit(&rounded.shifted(-power));
        if after != power {
            rounded = exact.shifted(after).rounded(2);
        }
        let figure = rounded.write(n, 0, COMPACT_GROUP_FROM);
        match n.lang {
            Lang::En => format!("${figure}{suffix}"),
            Lang::Ur => format!("{figure}{suffix}\u{00A0}ڈالر"),
        }
    } else {
        format!("${}", exact.rounded(0).write(n, 0, GROUP_FROM))
    };
    Some(signed(n, x.is_sign_negative(), body))
}

/// An exact amount in integer cents, with two decimals: "$1,234,567.89".
pub fn usd_cents(n: Numerals, cents: i64) -> String {
    let magnitude = cents.unsigned_abs();
    // Built from the integer's own digits: exact at any size, no float.
    let mut digits: Vec<u8> = magnitude.to_string().bytes().map(|b| b - b'0').collect();
    while digits.len() < 3 {
        digits.insert(0, 0);
    }
    let point = i32::try_from(digits.len()).map_or(0, |len| len - 2);
    let mut d = Decimal { digits, point };
    d.trim_leading();
    d.trim();
    signed(n, cents < 0, format!("${}", d.write(n, 2, GROUP_FROM)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Numerals = Numerals { lang: Lang::En, eastern: false };
    const UR: Numerals = Numerals { lang: Lang::Ur, eastern: false };
    const UR_EASTERN: Numerals = Numerals { lang: Lang::Ur, eastern: true };

    /// Expected strings are Chromium 156's `Intl.NumberFormat` output for
    /// en-GB, ur-PK-u-nu-latn and ur-PK-u-nu-arabext, with the options that
    /// `ui::format` used to pass it.
    fn check(f: impl Fn(Numerals, f64) -> Option<String>, cases: &[(f64, [&str; 3])]) {
        for (x, want) in cases {
            for (n, want) in [EN, UR, UR_EASTERN].into_iter().zip(want) {
                assert_eq!(f(n, *x).as_deref(), Some(*want), "{x} in {n:?}");
            }
        }
    }

    #[test]
    fn plain_numbers_round_half_away_from_zero_and_group_in_threes() {
        check(
            |n, x| plain(n, x, 0),
            &[
                (0.0, ["0", "0", "۰"]),
                (-0.0, ["-0", "\u{200E}-0", "\u{200E}-\u{200E}۰"]),
                (999.0, ["999", "999", "۹۹۹"]),
                (1234.0, ["1,234", "1,234", "۱٬۲۳۴"]),
                (2025.0, ["2,025", "2,025", "۲٬۰۲۵"]),
                (1_234_567.0, ["1,234,567", "1,234,567", "۱٬۲۳۴٬۵۶۷"]),
                (0.5, ["1", "1", "۱"]),
                (2.5, ["3", "3", "۳"]),
                (-2.5, ["-3", "\u{200E}-3", "\u{200E}-\u{200E}۳"]),
                (1e21, ["1,000,000,000,000,000,000,000", "1,000,000,000,000,000,000,000", "۱٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰٬۰۰۰"]),
            ],
        );
        check(
            |n, x| plain(n, x, 3),
            &[
                (0.1, ["0.1", "0.1", "۰٫۱"]),
                (0.0005, ["0.001", "0.001", "۰٫۰۰۱"]),
                (0.0004, ["0", "0", "۰"]),
                (1234.5678, ["1,234.568", "1,234.568", "۱٬۲۳۴٫۵۶۸"]),
                (1.0005, ["1.001", "1.001", "۱٫۰۰۱"]),
                (10_000.25, ["10,000.25", "10,000.25", "۱۰٬۰۰۰٫۲۵"]),
                (0.1 + 0.2, ["0.3", "0.3", "۰٫۳"]),
            ],
        );
    }

    #[test]
    fn tenths_drop_a_whole_tenth_and_write_no_nan() {
        let written: Vec<String> = [12.34, 12.96, 398.0, -0.04, -2.55, f64::NAN, f64::INFINITY].map(|x| Tenths(x).to_string()).into();
        assert_eq!(written, ["12.3", "13", "398", "0", "-2.6", "0", "0"]);
    }

    #[test]
    fn percentages_keep_two_decimals() {
        check(
            percent,
            &[
                (19.0, ["19%", "19%", "۱۹%"]),
                (25.5, ["25.5%", "25.5%", "۲۵٫۵%"]),
                (12.345, ["12.35%", "12.35%", "۱۲٫۳۵%"]),
                (0.005, ["0.01%", "0.01%", "۰٫۰۱%"]),
                (1234.56, ["1,234.56%", "1,234.56%", "۱٬۲۳۴٫۵۶%"]),
                (-10.0, ["-10%", "\u{200E}-10%", "\u{200E}-\u{200E}۱۰%"]),
            ],
        );
    }

    #[test]
    fn whole_dollars() {
        check(
            |n, x| usd(n, x, false),
            &[
                (0.0, ["$0", "$0", "$۰"]),
                (1_234_567.5, ["$1,234,568", "$1,234,568", "$۱٬۲۳۴٬۵۶۸"]),
                (-3.0, ["-$3", "\u{200E}-$3", "\u{200E}-\u{200E}$۳"]),
                (0.5, ["$1", "$1", "$۱"]),
            ],
        );
    }

    #[test]
    fn compact_dollars_use_each_languages_units() {
        let nb = |s: &str| s.replace(' ', "\u{00A0}");
        let cases: Vec<(f64, [String; 3])> = [
            (0.0, ["$0", "0 ڈالر", "۰ ڈالر"]),
            (12.0, ["$12", "12 ڈالر", "۱۲ ڈالر"]),
            (1.005, ["$1.01", "1.01 ڈالر", "۱٫۰۱ ڈالر"]),
            (0.004, ["$0", "0 ڈالر", "۰ ڈالر"]),
            (1000.0, ["$1k", "1 ہزار ڈالر", "۱ ہزار ڈالر"]),
            (12_345.0, ["$12.35k", "12.35 ہزار ڈالر", "۱۲٫۳۵ ہزار ڈالر"]),
            (99_999.0, ["$100k", "1 لاکھ ڈالر", "۱ لاکھ ڈالر"]),
            (123_456.0, ["$123.46k", "1.23 لاکھ ڈالر", "۱٫۲۳ لاکھ ڈالر"]),
            (999_999.0, ["$1m", "10 لاکھ ڈالر", "۱۰ لاکھ ڈالر"]),
            (999.995, ["$1k", "1 ہزار ڈالر", "۱ ہزار ڈالر"]),
            (45e6, ["$45m", "4.5 کروڑ ڈالر", "۴٫۵ کروڑ ڈالر"]),
            (99_994_999.0, ["$99.99m", "10 کروڑ ڈالر", "۱۰ کروڑ ڈالر"]),
            (500e6, ["$500m", "50 کروڑ ڈالر", "۵۰ کروڑ ڈالر"]),
            (1.25e9, ["$1.25bn", "1.25 ارب ڈالر", "۱٫۲۵ ارب ڈالر"]),
            (1e11, ["$100bn", "100 ارب ڈالر", "۱۰۰ ارب ڈالر"]),
            (166e9, ["$166bn", "166 ارب ڈالر", "۱۶۶ ارب ڈالر"]),
            (999_995e6, ["$1tn", "1 ٹریلین ڈالر", "۱ ٹریلین ڈالر"]),
            (2e12, ["$2tn", "2 ٹریلین ڈالر", "۲ ٹریلین ڈالر"]),
            (9.999e12, ["$10tn", "10 ٹریلین ڈالر", "۱۰ ٹریلین ڈالر"]),
            (1e15, ["$1000tn", "1000 ٹریلین ڈالر", "۱۰۰۰ ٹریلین ڈالر"]),
            (1e16, ["$10,000tn", "10,000 ٹریلین ڈالر", "۱۰٬۰۰۰ ٹریلین ڈالر"]),
            (-5e6, ["-$5m", "\u{200E}-50 لاکھ ڈالر", "\u{200E}-\u{200E}۵۰ لاکھ ڈالر"]),
            (-0.001, ["-$0", "\u{200E}-0 ڈالر", "\u{200E}-\u{200E}۰ ڈالر"]),
        ]
        .into_iter()
        .map(|(x, want)| (x, want.map(nb)))
        .collect();
        for (x, want) in &cases {
            for (n, want) in [EN, UR, UR_EASTERN].into_iter().zip(want) {
                assert_eq!(usd(n, *x, true).as_deref(), Some(want.as_str()), "{x} in {n:?}");
            }
        }
    }

    #[test]
    fn exact_cents_at_any_size() {
        assert_eq!(usd_cents(EN, 123_456_789), "$1,234,567.89");
        assert_eq!(usd_cents(EN, 0), "$0.00");
        assert_eq!(usd_cents(EN, 5), "$0.05");
        assert_eq!(usd_cents(EN, -346), "-$3.46");
        assert_eq!(usd_cents(UR_EASTERN, 123_456_750), "$۱٬۲۳۴٬۵۶۷٫۵۰");
        assert_eq!(usd_cents(UR, -346), "\u{200E}-$3.46");
        // Past f64's exact integers, still every digit.
        assert_eq!(usd_cents(EN, i64::MIN), "-$92,233,720,368,547,758.08");
    }

    #[test]
    fn javascripts_shortest_form_reads_as_rusts() {
        // What `String(x)` gives in a browser, and the number it writes.
        let cases = [
            ("0", 0.0),
            ("12345", 12345.0),
            ("123.45", 123.45),
            ("0.000123", 0.000123),
            ("1.5e-7", 1.5e-7),
            ("1e+21", 1e21),
            ("1.7976931348623157e+308", f64::MAX),
            ("5e-324", 5e-324),
        ];
        for (js, x) in cases {
            assert_eq!(Decimal::parse(js), Decimal::parse(&format!("{x:e}")), "{js}");
        }
        assert_eq!(Decimal::parse("0.000123"), Some(Decimal { digits: vec![1, 2, 3], point: -3 }));
        assert_eq!(Decimal::parse("1e+21"), Some(Decimal { digits: vec![1], point: 22 }));
        assert_eq!(Decimal::parse("NaN"), None);
        assert_eq!(Decimal::parse("1.5e+x"), None);
    }

    #[test]
    fn what_is_not_a_number_is_not_shown() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(plain(EN, x, 2), None);
            assert_eq!(usd(UR, x, true), None);
            assert_eq!(percent(UR_EASTERN, x), None);
        }
    }

    #[test]
    fn western_digits_in_english_whatever_the_setting() {
        let n = Numerals { lang: Lang::En, eastern: true };
        assert_eq!(plain(n, 1234.5, 1).as_deref(), Some("1,234.5"));
    }

    proptest::proptest! {
        /// Whatever the double, the text reads back as it rounded to the places shown.
        #[test]
        fn plain_reads_back_within_half_a_last_place(x in -1e15f64..1e15, places in 0u8..5) {
            let text = plain(EN, x, places).unwrap_or_default();
            let back: f64 = text.replace(',', "").parse().unwrap_or(f64::NAN);
            let half = 0.5 * 10f64.powi(-i32::from(places));
            proptest::prop_assert!((back - x).abs() <= half * (1.0 + 1e-9) + x.abs() * 1e-15, "{x} → {text}");
            let eastern = plain(UR_EASTERN, x, places).unwrap_or_default();
            proptest::prop_assert!(!eastern.chars().any(|c| c.is_ascii_digit()), "{eastern}");
        }

        #[test]
        fn tenths_write_what_rust_writes_of_the_rounded_tenth(x in -1.0e6..1.0e6f64) {
            let rounded = (x * 10.0).round() / 10.0;
            // `{}` of -0.0 is "-0": the same coordinate.
            let want = if rounded == 0.0 { "0".to_string() } else { format!("{rounded}") };
            proptest::prop_assert_eq!(Tenths(x).to_string(), want);
        }

        #[test]
        fn decimal_writes_what_rust_writes(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            proptest::prop_assert_eq!(decimal(x), Some(format!("{x}")));
        }

        #[test]
        fn compact_never_panics_and_always_has_a_figure(x in proptest::num::f64::ANY) {
            for n in [EN, UR, UR_EASTERN] {
                if let Some(s) = usd(n, x, true) {
                    proptest::prop_assert!((s.contains('$') || s.ends_with("ڈالر")) && s.chars().any(|c| c.is_numeric()), "{s}");
                }
            }
        }
    }
}
