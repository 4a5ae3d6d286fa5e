//! Calendar dates without a date library: ISO 8601 days, partial dates
//! (`2025`, `2025-10`) and RFC 3339 instants with an offset.
//!
//! Every parser is total: it returns `None` on anything it does not accept.

use std::fmt;

/// A proleptic Gregorian calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date as the fact base writes it: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub first_day: Day,
    pub precision: Precision,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() != n || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Day {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day { year, month, day })
    }

    /// Strict `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Day> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        Day::new(
            digits(y, 4)? as i32,
            digits(m, 2)? as u8,
            digits(d, 2)? as u8,
        )
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's algorithm.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    pub fn add_days(self, n: i64) -> Day {
        Day::from_days(self.to_days() + n)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        match s.len() {
            4 => Some(PartialDate {
                first_day: Day::new(digits(s, 4)? as i32, 1, 1)?,
                precision: Precision::Year,
            }),
            7 => {
                let (y, m) = s.split_once('-')?;
                Some(PartialDate {
                    first_day: Day::new(digits(y, 4)? as i32, digits(m, 2)? as u8, 1)?,
                    precision: Precision::Month,
                })
            }
            10 => Some(PartialDate {
                first_day: Day::parse(s)?,
                precision: Precision::Day,
            }),
            _ => None,
        }
    }

    /// The last day the date covers (31 December for a year).
    pub fn last_day(self) -> Day {
        let d = self.first_day;
        match self.precision {
            Precision::Day => d,
            Precision::Month => Day {
                day: days_in_month(d.year, d.month),
                ..d
            },
            Precision::Year => Day {
                month: 12,
                day: 31,
                ..d
            },
        }
    }
}

/// An instant as minutes since 1970-01-01T00:00Z.
pub type UtcMinutes = i64;

/// Parses `YYYY-MM-DDTHH:MM[:SS]±HH:MM` (or `Z`) to minutes since the epoch, UTC.
pub fn parse_instant(s: &str) -> Option<UtcMinutes> {
    let (date, rest) = s.split_once('T')?;
    let day = Day::parse(date)?;
    let (time, offset_minutes) = if let Some(t) = rest.strip_suffix('Z') {
        (t, 0)
    } else {
        let sign_at = rest.rfind(['+', '-'])?;
        let (t, off) = rest.split_at(sign_at);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (oh, om) = off.get(1..)?.split_once(':')?;
        let (oh, om) = (digits(oh, 2)? as i64, digits(om, 2)? as i64);
        if oh > 23 || om > 59 {
            return None;
        }
        (t, sign * (oh * 60 + om))
    };
    let mut hms = time.split(':');
    let h = digits(hms.next()?, 2)? as i64;
    let m = digits(hms.next()?, 2)? as i64;
    if let Some(sec) = hms.next() {
        if digits(sec, 2)? > 59 {
            return None;
        }
    }
    if hms.next().is_some() || h > 23 || m > 59 {
        return None;
    }
    Some(day.to_days() * 1440 + h * 60 + m - offset_minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_days() {
        assert_eq!(Day::parse("2025-04-05"), Some(Day { year: 2025, month: 4, day: 5 }));
        for bad in ["2025-02-29", "2025-13-01", "2025-4-5", "2025-04-05x", "", "２０２５-04-05", "2025-00-10", "2024-02-30"] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
        assert!(Day::parse("2024-02-29").is_some());
    }

    #[test]
    fn day_number_round_trips() {
        assert_eq!(Day::parse("1970-01-01").map(Day::to_days), Some(0));
        assert_eq!(Day::parse("2026-02-20").map(Day::to_days), Some(20_504));
        for n in -800_000..800_000i64 {
            if n % 37 == 0 {
                assert_eq!(Day::from_days(n).to_days(), n);
            }
        }
    }

    #[test]
    fn partial_dates() {
        let y = PartialDate::parse("2023").unwrap();
        assert_eq!(y.precision, Precision::Year);
        assert_eq!(y.last_day().to_string(), "2023-12-31");
        let m = PartialDate::parse("2024-02").unwrap();
        assert_eq!(m.last_day().to_string(), "2024-02-29");
        assert_eq!(PartialDate::parse("2024-2"), None);
        assert_eq!(PartialDate::parse("2024-13"), None);
    }

    #[test]
    fn instants_respect_offsets() {
        let edt = parse_instant("2025-04-05T00:01:00-04:00").unwrap();
        let utc = parse_instant("2025-04-05T04:01Z").unwrap();
        assert_eq!(edt, utc);
        let est = parse_instant("2026-02-24T00:00-05:00").unwrap();
        assert_eq!(parse_instant("2026-02-24T00:01-05:00").unwrap() - est, 1);
        for bad in ["2025-04-05", "2025-04-05T24:00-04:00", "2025-04-05T00:01+4:00", "2025-04-05T00:01:00-04:60", "T00:01Z"] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }
}
