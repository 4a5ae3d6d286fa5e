//! Reading the numbers people type: `1000000`, `1,000,000`, `10,00,000`
//! (South Asian grouping), `1000000.50`, in Western or Eastern Arabic-Indic
//! digits with Arabic separators. Total: every string gives a value or a
//! typed error; never a float, never a panic.

use super::money::{Cents, Ppm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    Negative,
    NotANumber,
    /// Commas in the wrong places (e.g. "1,5", which may mean 1.5 elsewhere).
    Grouping,
    TooManyDecimals,
    TooLarge,
    /// A loading date after the entry date.
    AfterEntry,
}

/// What a field accepts: decimals kept, largest whole value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub decimals: u32,
    pub max: i64,
}

const fn spec(decimals: u32, max: i64) -> Spec {
    Spec { decimals, max }
}

pub const MONEY: Spec = spec(2, 1_000_000_000_000);
pub const KILOGRAMS: Spec = spec(3, 1_000_000_000_000);
pub const CONTENT: Spec = spec(4, 100);
pub const RATE: Spec = spec(4, 1000);

/// Maps one character to an ASCII digit, `,`, `.` or `-`; `None` for anything else.
fn normal_char(c: char) -> Option<char> {
    match c {
        '0'..='9' | ',' | '.' | '-' => Some(c),
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
        '\u{066C}' => Some(','),
        '\u{066B}' => Some('.'),
        '\u{2212}' => Some('-'),
        _ => None,
    }
}

/// Groups after the first are all of 3 digits (1,000,000) or, South Asian
/// style, 2-digit groups then a last group of 3 (10,00,000).
fn grouping_ok(int: &str) -> bool {
    let groups: Vec<&str> = int.split(',').collect();
    let (Some(first), Some(last)) = (groups.first(), groups.last()) else {
        return false;
    };
    let middle = groups.get(1..groups.len().saturating_sub(1)).unwrap_or(&[]);
    let western = (1..=3).contains(&first.len()) && middle.iter().all(|g| g.len() == 3);
    let south_asian = (1..=2).contains(&first.len()) && middle.iter().all(|g| g.len() == 2);
    groups.len() > 1 && last.len() == 3 && (western || south_asian)
}

/// The value × 10^decimals as an integer.
pub fn parse_fixed(raw: &str, spec: Spec) -> Result<i64, InputError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(InputError::Empty);
    }
    let s: String = s
        .chars()
        .map(normal_char)
        .collect::<Option<String>>()
        .ok_or(InputError::NotANumber)?;
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let valid = (!int.is_empty() || !frac.is_empty())
        && !s.contains('-')
        && frac.bytes().all(|b| b.is_ascii_digit())
        && int.bytes().all(|b| b.is_ascii_digit() || b == b',');
    if !valid {
        return Err(InputError::NotANumber);
    }
    if negative {
        return Err(InputError::Negative);
    }
    if int.contains(',') && !grouping_ok(int) {
        return Err(InputError::Grouping);
    }
    if frac.len() > spec.decimals as usize {
        return Err(InputError::TooManyDecimals);
    }
    let digits = int.replace(',', "");
    let digits = digits.trim_start_matches('0');
    if digits.len() > 15 {
        return Err(InputError::TooLarge);
    }
    let scale = 10i64.pow(spec.decimals);
    let whole: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| InputError::NotANumber)?
    };
    let frac_value: i64 = format!("{frac:0<width$}", width = spec.decimals as usize)
        .parse()
        .unwrap_or(0);
    let value = whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(frac_value))
        .ok_or(InputError::TooLarge)?;
    if value > spec.max.saturating_mul(scale) {
        return Err(InputError::TooLarge);
    }
    Ok(value)
}

/// US dollars as cents, at most $1,000,000,000,000.
pub fn money(raw: &str) -> Result<Cents, InputError> {
    parse_fixed(raw, MONEY)
}

/// Kilograms as grams.
pub fn kilograms(raw: &str) -> Result<i64, InputError> {
    parse_fixed(raw, KILOGRAMS)
}

/// A percentage as millionths (4 decimals: 1% = 10_000).
pub fn percent(raw: &str, spec: Spec) -> Result<Ppm, InputError> {
    parse_fixed(raw, spec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use InputError::*;

    fn check(input: &str, expected: Result<i64, InputError>) {
        assert_eq!(money(input), expected, "input: {input:?}");
    }

    #[test]
    fn money_accepts_the_documented_forms() {
        check("1000000", Ok(100_000_000));
        check("1,000,000", Ok(100_000_000));
        check("1000000.50", Ok(100_000_050));
        check("  1000000.5 ", Ok(100_000_050));
        check("10,00,000", Ok(100_000_000)); // lakh grouping
        check("۱۰۰۰۰۰۰", Ok(100_000_000)); // Urdu (extended) digits
        check("١٬٠٠٠٬٠٠٠٫٥٠", Ok(100_000_050)); // Arabic-Indic digits and separators
        check("0", Ok(0));
        check(".5", Ok(50));
        check("1000000000000", Ok(100_000_000_000_000));
    }

    #[test]
    fn money_rejects_with_a_reason() {
        check("", Err(Empty));
        check("   ", Err(Empty));
        check("-5", Err(Negative));
        check("−5", Err(Negative));
        check("abc", Err(NotANumber));
        check("NaN", Err(NotANumber));
        check("inf", Err(NotANumber));
        check("1e5", Err(NotANumber));
        check("1.2.3", Err(NotANumber));
        check("5-", Err(NotANumber));
        check("--5", Err(NotANumber));
        check(".", Err(NotANumber));
        check("$100", Err(NotANumber));
        check("1,5", Err(Grouping));
        check("1,0000", Err(Grouping));
        check(",100", Err(Grouping));
        check("100,", Err(Grouping));
        check("1,,000", Err(Grouping));
        check("1.005", Err(TooManyDecimals));
        check("1000000000000.01", Err(TooLarge));
        check("99999999999999999999999", Err(TooLarge));
    }

    #[test]
    fn percentages_and_quantities() {
        assert_eq!(percent("19", RATE), Ok(190_000));
        assert_eq!(percent("6.6", CONTENT), Ok(66_000));
        assert_eq!(percent("0.0001", CONTENT), Ok(1));
        assert_eq!(percent("100.0001", CONTENT), Err(TooLarge));
        assert_eq!(percent("1000", RATE), Ok(10_000_000));
        assert_eq!(percent("0.00001", RATE), Err(TooManyDecimals));
        assert_eq!(kilograms("25,000.5"), Ok(25_000_500));
    }

    proptest! {
        #[test]
        fn never_panics_and_bounds_hold(s in "\\PC{0,40}") {
            if let Ok(v) = money(&s) {
                prop_assert!((0..=100_000_000_000_000).contains(&v));
            }
        }

        #[test]
        fn number_like_strings_never_panic(s in "[-−0-9,.٫٬۰-۹٠-٩ ]{0,30}") {
            let _ = money(&s);
            let _ = percent(&s, CONTENT);
        }

        #[test]
        fn plain_numbers_round_trip(whole in 0i64..1_000_000_000_000, cents in 0i64..100) {
            prop_assert_eq!(money(&format!("{whole}.{cents:02}")), Ok(whole * 100 + cents));
        }
    }
}
