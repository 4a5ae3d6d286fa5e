//! Which measures are in force for goods entered on a day, read from the
//! dataset's instants: no rate or date is written here.
//!
//! An entry on day D is taken as made after 12:01 a.m. Eastern on D (noon EST
//! is used), so a measure starting at 12:01 a.m. on D applies to it.

use crate::data::date::{parse_instant, Day, UtcMinutes};
use crate::data::model::{Dataset, Exemption, ExemptionStatus, MeasureLayer, TariffMeasure};

/// Noon Eastern Standard Time on `day`, in UTC minutes.
pub fn entry_instant(day: Day) -> UtcMinutes {
    day.to_days() * 1440 + (12 + 5) * 60
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InForce {
    Yes,
    No,
    /// It ended at an unknown time on this very day: both outcomes are possible.
    PartOfDay,
}

/// The first day of an RFC 3339 instant, as written (local date).
pub fn instant_day(s: &str) -> Option<Day> {
    s.get(..10).and_then(Day::parse)
}

/// Whether `m` applies to goods entered on `day`. Unreadable instants count as
/// "not in force" (the validator reports them).
pub fn in_force(m: &TariffMeasure, day: Day) -> InForce {
    let t = entry_instant(day);
    let started = match m.in_force_from.as_deref() {
        None => true,
        Some(s) => parse_instant(s).is_some_and(|from| from <= t),
    };
    let ended = match m.in_force_until.as_deref() {
        None => false,
        Some(s) => parse_instant(s).is_none_or(|until| until <= t),
    };
    let unknown_end = m.until_unknown_time_on.as_deref().and_then(Day::parse);
    match (started && !ended, unknown_end) {
        (false, _) => InForce::No,
        (true, Some(end)) if day > end => InForce::No,
        (true, Some(end)) if day == end => InForce::PartOfDay,
        (true, _) => InForce::Yes,
    }
}

/// Layer order, then start instant: the order rows are shown in.
fn order_key(m: &TariffMeasure) -> (u8, UtcMinutes) {
    let layer = match m.layer {
        MeasureLayer::Mfn => 0,
        MeasureLayer::Country => 1,
        MeasureLayer::Sectoral => 2,
    };
    (
        layer,
        m.in_force_from
            .as_deref()
            .and_then(parse_instant)
            .unwrap_or(UtcMinutes::MIN),
    )
}

/// The rated surcharges (country and sectoral) in force on `day`, as one set,
/// or two when a measure ended at an unknown time that day: with it, and
/// without it. `replaces` is applied within each set.
pub fn alternatives(ds: &Dataset, day: Day) -> Vec<Vec<&TariffMeasure>> {
    let mut rated: Vec<(&TariffMeasure, InForce)> = ds
        .tariff_measures
        .iter()
        .filter(|m| m.layer != MeasureLayer::Mfn && m.rate_percent.is_some())
        .map(|m| (m, in_force(m, day)))
        .filter(|(_, f)| *f != InForce::No)
        .collect();
    rated.sort_by_key(|(m, _)| order_key(m));
    let uncertain = rated.iter().any(|(_, f)| *f == InForce::PartOfDay);
    let set = |keep_uncertain: bool| -> Vec<&TariffMeasure> {
        let active: Vec<&TariffMeasure> = rated
            .iter()
            .filter(|(_, f)| keep_uncertain || *f == InForce::Yes)
            .map(|(m, _)| *m)
            .collect();
        active
            .iter()
            .copied()
            .filter(|m| !active.iter().any(|other| other.replaces.contains(&m.id)))
            .collect()
    };
    if uncertain {
        vec![set(true), set(false)]
    } else {
        vec![set(true)]
    }
}

/// How `m` treats a product on `day`: the first exemption record whose dates
/// cover the day. A measure with no record for the product: a country-wide
/// surcharge is unverified (never assumed either way); a sectoral measure
/// does not cover products it does not name.
pub fn treatment<'a>(
    m: &'a TariffMeasure,
    product_id: &str,
    day: Day,
) -> (ExemptionStatus, Option<&'a Exemption>) {
    let covers = |e: &&Exemption| {
        e.product_id == product_id
            && e.from
                .as_deref()
                .and_then(Day::parse)
                .is_none_or(|f| f <= day)
            && e.until
                .as_deref()
                .and_then(Day::parse)
                .is_none_or(|u| day < u)
    };
    match m.exemptions.iter().find(covers) {
        Some(e) => (e.status, Some(e)),
        None if m.layer == MeasureLayer::Sectoral => (ExemptionStatus::Exempt, None),
        None => (ExemptionStatus::Unverified, None),
    }
}

/// The measure's period note when `day` falls in an in-transit window that the
/// note states as "… entered before YYYY-MM-DD …", counted from its start.
pub fn in_transit_note(m: &TariffMeasure, day: Day) -> Option<&str> {
    if in_force(m, day) == InForce::No {
        return None;
    }
    let note = m.period_note.as_str();
    let at = note.find("entered before ")? + "entered before ".len();
    let until = note.get(at..at + 10).and_then(Day::parse)?;
    let start = m.in_force_from.as_deref().and_then(instant_day)?;
    (start <= day && day < until).then_some(note)
}

/// The MFN measure of the dataset (layer `mfn`), for its instrument and sources.
pub fn mfn_measure(ds: &Dataset) -> Option<&TariffMeasure> {
    ds.tariff_measures
        .iter()
        .find(|m| m.layer == MeasureLayer::Mfn)
}

/// Rated country measures in start order: the regimes of the period.
pub fn country_measures(ds: &Dataset) -> Vec<&TariffMeasure> {
    let mut v: Vec<&TariffMeasure> = ds
        .tariff_measures
        .iter()
        .filter(|m| m.layer == MeasureLayer::Country && m.rate_percent.is_some())
        .collect();
    v.sort_by_key(|m| order_key(m));
    v
}
