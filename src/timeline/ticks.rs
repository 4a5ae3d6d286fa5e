//! Axis ticks whose unit suits the zoom: years, months or days, spaced so
//! that their labels (whose width the UI estimates per unit) never touch.

use super::scale::Scale;
use crate::data::date::{days_in_month, Day};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Year,
    Month,
    Day,
}

/// One tick; the UI formats `day` for its `unit` (through `i18n::dates`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub day: Day,
    pub x: f64,
    pub unit: Unit,
}

/// Least distance in px between ticks of each unit (label width plus a gap).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TickSpacing {
    pub year: f64,
    pub month: f64,
    pub day: f64,
}

impl TickSpacing {
    /// Widths the view reserves for English tick labels (Urdu month names run wider).
    pub const ENGLISH: TickSpacing = TickSpacing { year: 48.0, month: 112.0, day: 100.0 };
    pub const URDU: TickSpacing = TickSpacing { year: 48.0, month: 120.0, day: 110.0 };
}

/// Candidate steps, finest first: the unit, how many, and the shortest real
/// distance between two ticks of that step in days (February, short months).
const STEPS: [(Unit, u32, f64); 14] = [
    (Unit::Day, 1, 1.0),
    (Unit::Day, 2, 2.0),
    (Unit::Day, 7, 7.0),
    (Unit::Day, 14, 14.0),
    (Unit::Month, 1, 28.0),
    (Unit::Month, 3, 89.0),
    (Unit::Month, 6, 181.0),
    (Unit::Year, 1, 365.0),
    (Unit::Year, 2, 730.0),
    (Unit::Year, 5, 1826.0),
    (Unit::Year, 10, 3652.0),
    (Unit::Year, 20, 7305.0),
    (Unit::Year, 50, 18_262.0),
    (Unit::Year, 100, 36_524.0),
];

/// Most ticks ever returned, whatever the input.
const MAX_TICKS: usize = 400;

/// The ticks of the visible window, at the finest step whose labels fit.
pub fn ticks(scale: &Scale, spacing: &TickSpacing) -> Vec<Tick> {
    let ppd = scale.px_per_day();
    let step = STEPS.iter().find(|(unit, _, min_days)| {
        let need = match unit {
            Unit::Year => spacing.year,
            Unit::Month => spacing.month,
            Unit::Day => spacing.day,
        };
        min_days * ppd >= need
    });
    let &(unit, n, _) = step.unwrap_or(&(Unit::Year, 100, 0.0));
    let (first, last) = (scale.start.ceil() as i64, scale.end().floor() as i64);
    if last < first {
        return Vec::new();
    }
    let from = Day::from_days(first);
    let mut out = Vec::new();
    let mut push = |day: Day| {
        let d = day.to_days();
        if d >= first && d <= last && out.len() < MAX_TICKS {
            out.push(Tick {
                day,
                x: scale.x(d as f64),
                unit,
            });
        }
        d <= last && out.len() < MAX_TICKS
    };
    let n_i = n as i32;
    match unit {
        Unit::Year => {
            let mut y = from.year.div_euclid(n_i) * n_i;
            while Day::new(y, 1, 1).is_some_and(&mut push) {
                y += n_i;
            }
        }
        Unit::Month => {
            let (mut y, mut m) = (from.year, ((i32::from(from.month) - 1) / n_i * n_i + 1) as u8);
            while Day::new(y, m, 1).is_some_and(&mut push) {
                m += n as u8;
                if m > 12 {
                    (y, m) = (y + 1, m - 12);
                }
            }
        }
        Unit::Day => {
            // Within each month: the 1st, then every n days, leaving out a last
            // tick that would crowd the next month's 1st.
            let (mut y, mut m) = (from.year, from.month);
            'months: loop {
                let len = u32::from(days_in_month(y, m));
                let mut d = 1;
                while d + n <= len + 1 {
                    let Some(day) = Day::new(y, m, d as u8) else {
                        break 'months;
                    };
                    if !push(day) {
                        break 'months;
                    }
                    d += n;
                }
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
        }
    }
    out
}
