//! Tariff eras: the periods between the dataset's country-wide measures
//! (`layer: country`) with the surcharge that applied to ordinary Pakistani
//! goods, derived from the measures themselves, never hard-coded.

use crate::data::date::{parse_instant, Day};
use crate::data::model::{MeasureLayer, TariffMeasure};

/// What is special about an era, for its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EraKind {
    Plain,
    /// A measure back in charge after the one replacing it ended (the pause).
    Resumed,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    /// First day (day number); `None` = since before the data.
    pub start: Option<i64>,
    /// First day no longer covered; `None` = still in force.
    pub end: Option<i64>,
    /// The surcharge in percent (sum of the measures in charge).
    pub rate: f64,
    /// The measures in charge: indexes into `Dataset::tariff_measures`.
    pub measures: Vec<usize>,
    pub kind: EraKind,
}

/// The calendar day an instant was written on (its own offset's date), if valid.
fn day_of(instant: &str) -> Option<i64> {
    parse_instant(instant)?;
    Some(Day::parse(instant.get(..10)?)?.to_days())
}

/// A measure's days: `(from, until exclusive)`.
/// `None` when a date is present but unreadable: such a measure is left out.
fn span(m: &TariffMeasure) -> Option<(Option<i64>, Option<i64>)> {
    let from = match &m.in_force_from {
        Some(s) => Some(day_of(s)?),
        None => None,
    };
    let until = match &m.in_force_until {
        Some(s) => Some(day_of(s)?),
        None => None,
    };
    Some((from, until))
}

/// The eras in date order. Gaps with no country measure have no era.
pub fn eras(measures: &[TariffMeasure]) -> Vec<Era> {
    let spans: Vec<(usize, Option<i64>, Option<i64>)> = measures
        .iter()
        .enumerate()
        .filter(|(_, m)| m.layer == MeasureLayer::Country && m.rate_percent.is_some_and(f64::is_finite))
        .filter_map(|(i, m)| span(m).map(|(f, u)| (i, f, u)))
        .filter(|(_, f, u)| match (f, u) {
            (Some(f), Some(u)) => f < u,
            _ => true,
        })
        .collect();
    let bounds = crate::explore::order::sorted_unique(spans.iter().flat_map(|&(_, f, u)| [f, u]).flatten().collect());
    // Segments between consecutive bounds, plus the open ends before and after.
    let starts = std::iter::once(None).chain(bounds.iter().copied().map(Some));
    let ends = bounds.iter().copied().map(Some).chain(std::iter::once(None));
    let mut out: Vec<Era> = Vec::new();
    let mut previous_in_force: Vec<usize> = Vec::new();
    for (start, end) in starts.zip(ends) {
        let covers = |f: Option<i64>, u: Option<i64>| {
            let starts_ok = match (f, start) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(f), Some(s)) => f <= s,
            };
            let ends_ok = match (u, end) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(u), Some(e)) => u >= e,
            };
            starts_ok && ends_ok
        };
        let in_force: Vec<usize> = spans.iter().filter(|s| covers(s.1, s.2)).map(|s| s.0).collect();
        let replaced_by = |i: usize, among: &[usize]| {
            let id = measures.get(i).map(|m| m.id.as_str()).unwrap_or_default();
            among
                .iter()
                .any(|&j| measures.get(j).is_some_and(|m| m.replaces.iter().any(|r| r == id)))
        };
        let charge: Vec<usize> = in_force
            .iter()
            .copied()
            .filter(|&i| !replaced_by(i, &in_force))
            .collect();
        let was_replaced = charge
            .iter()
            .any(|&i| previous_in_force.contains(&i) && replaced_by(i, &previous_in_force));
        previous_in_force = in_force;
        if charge.is_empty() {
            continue;
        }
        let kind = if was_replaced {
            EraKind::Resumed
        } else {
            EraKind::Plain
        };
        // A boundary that changes nothing (another measure's edge) does not split an era.
        if let Some(last) = out.last_mut() {
            if last.measures == charge && last.end == start && kind == EraKind::Plain {
                last.end = end;
                continue;
            }
        }
        let rate = charge.iter().filter_map(|&i| measures.get(i)?.rate_percent).sum();
        out.push(Era {
            start,
            end,
            rate,
            measures: charge,
            kind,
        });
    }
    out
}

/// The era in force on a day, if any.
pub fn era_on(eras: &[Era], day: i64) -> Option<usize> {
    eras.iter()
        .position(|e| e.start.is_none_or(|s| s <= day) && e.end.is_none_or(|u| day < u))
}
