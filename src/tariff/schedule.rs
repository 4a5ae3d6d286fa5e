//! Which measures are charged on goods entered on a day (and loaded on
//! another), at which rate and on which base, read from the dataset's
//! instants, tiers and in-transit rules: no rate or date is written here.
//!
//! An entry on day D is taken as made after 12:01 a.m. Eastern on D (noon EST
//! is used), so a measure starting at 12:01 a.m. on D applies to it. Goods
//! loaded on day L count as loaded after 12:01 a.m. on L.

use super::money::{ppm_from_percent, Ppm};
use crate::data::date::{parse_instant, Day, UtcMinutes};
use crate::data::model::{
    Dataset, Exemption, ExemptionStatus, InTransit, MeasureBase, MeasureLayer, RateTier, Source,
    TariffMeasure,
};

/// Noon Eastern Standard Time on `day`, in UTC minutes.
pub fn entry_instant(day: Day) -> UtcMinutes {
    day.to_days() * 1440 + (12 + 5) * 60
}

/// The first day of an RFC 3339 instant, as written (local date).
pub fn instant_day(s: &str) -> Option<Day> {
    s.get(..10).and_then(Day::parse)
}

/// Whether the instant span `[from, until)` covers `t`; an absent bound is open.
/// Unreadable instants cover nothing (the validator reports them).
fn span_covers(from: Option<&str>, until: Option<&str>, t: UtcMinutes) -> bool {
    let started = from.is_none_or(|s| parse_instant(s).is_some_and(|f| f <= t));
    let ended = until.is_some_and(|s| parse_instant(s).is_none_or(|u| u <= t));
    started && !ended
}

/// Whether `m` is in force for goods entered on `day`.
pub fn in_force(m: &TariffMeasure, day: Day) -> bool {
    span_covers(
        m.in_force_from.as_deref(),
        m.in_force_until.as_deref(),
        entry_instant(day),
    )
}

/// A measure that adds a rate on top of MFN (a rate of its own or dated tiers).
pub fn is_rated(m: &TariffMeasure) -> bool {
    m.layer != MeasureLayer::Mfn && (m.rate_percent.is_some() || !m.tiers.is_empty())
}

/// Puts measures in the order rows are shown in (`order_key`), equal ones as
/// given, through the explorer's one sort (`explore::order`: no copy of its own).
fn in_order(measures: &mut Vec<&TariffMeasure>) {
    let key = |i: usize| measures.get(i).map(|m| order_key(m));
    let order = crate::explore::order::positions_by(measures.len(), &|a, b| key(a).cmp(&key(b)));
    let sorted = order.into_iter().filter_map(|i| measures.get(i as usize).copied()).collect();
    *measures = sorted;
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

/// Whether an in-transit rule covers goods entered on `day` and loaded on `loaded`.
fn rule_applies(rule: &InTransit, day: Day, loaded: Day) -> bool {
    parse_instant(&rule.entered_before).is_some_and(|e| entry_instant(day) < e)
        && instant_day(&rule.loaded_before).is_some_and(|cut| loaded < cut)
}

/// The surcharges owed on one entry, and the in-transit rules that changed them.
#[derive(Clone, Debug, PartialEq)]
pub struct Charged<'a> {
    /// Rated country and sectoral measures, in layer order.
    pub measures: Vec<&'a TariffMeasure>,
    /// Each rule that applied, with the measure it set aside.
    pub transit: Vec<(&'a TariffMeasure, &'a InTransit)>,
}

/// What is charged on goods entered on `day` and loaded on `loaded`; `None`
/// means loaded on or after every in-transit cut-off (the ordinary case).
/// A rule sets its measure aside and brings in the measure it names instead,
/// whose own rules then apply; `replaces` is applied last.
pub fn charged(ds: &Dataset, day: Day, loaded: Option<Day>) -> Charged<'_> {
    let mut queue: Vec<&TariffMeasure> = ds
        .tariff_measures
        .iter()
        .filter(|m| is_rated(m) && in_force(m, day))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    let mut active: Vec<&TariffMeasure> = Vec::new();
    let mut transit = Vec::new();
    // First in, first out: the rules come out in the dataset's order, then along each chain.
    let mut next = 0;
    while let Some(m) = queue.get(next).copied() {
        next += 1;
        if seen.contains(&m.id.as_str()) {
            continue;
        }
        seen.push(&m.id);
        let rule = loaded.and_then(|l| m.in_transit.iter().find(|r| rule_applies(r, day, l)));
        match rule {
            Some(rule) => {
                transit.push((m, rule));
                queue.extend(rule.instead.as_deref().and_then(|id| ds.measure(id)));
            }
            None => active.push(m),
        }
    }
    let mut measures: Vec<&TariffMeasure> = active
        .iter()
        .copied()
        .filter(|m| !active.iter().any(|other| other.replaces.contains(&m.id)))
        .collect();
    in_order(&mut measures);
    Charged { measures, transit }
}

/// The loading days before which what is owed on `day` may change: the
/// cut-offs of the in-transit rules still open for entry that day, latest first.
pub fn transit_cutoffs(ds: &Dataset, day: Day) -> Vec<Day> {
    let cuts: Vec<i64> = ds
        .tariff_measures
        .iter()
        .filter(|m| is_rated(m))
        .flat_map(|m| m.in_transit.iter())
        .filter(|r| parse_instant(&r.entered_before).is_some_and(|e| entry_instant(day) < e))
        .filter_map(|r| instant_day(&r.loaded_before))
        .filter(|cut| *cut <= day)
        .map(Day::to_days)
        .collect();
    crate::explore::order::sorted_unique(cuts).into_iter().rev().map(Day::from_days).collect()
}

/// The rate a measure charges on a product entered on `day`, and its base.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Charge<'a> {
    pub percent: f64,
    pub base: MeasureBase,
    /// The tier it comes from, if the measure has tiers.
    pub tier: Option<&'a RateTier>,
}

/// Why a measure in force charges nothing on a product.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outside<'a> {
    /// The goods hold at most the tier's minimum metal share by weight.
    BelowContent(&'a RateTier),
}

/// The first tier covering the entry and the product, else the measure's own rate.
/// `content` is the metal share by weight, where known.
pub fn charge<'a>(
    m: &'a TariffMeasure,
    product_id: &str,
    day: Day,
    content: Option<Ppm>,
) -> Option<Result<Charge<'a>, Outside<'a>>> {
    let t = entry_instant(day);
    let tier = m.tiers.iter().find(|tier| {
        span_covers(tier.from.as_deref(), tier.until.as_deref(), t)
            && (tier.product_ids.is_empty() || tier.product_ids.iter().any(|p| p == product_id))
    });
    match tier {
        Some(tier) => {
            let below = tier
                .min_content_percent
                .and_then(ppm_from_percent)
                .zip(content)
                .is_some_and(|(min, c)| c <= min);
            Some(if below {
                Err(Outside::BelowContent(tier))
            } else {
                Ok(Charge {
                    percent: tier.rate_percent,
                    base: tier.base,
                    tier: Some(tier),
                })
            })
        }
        None => m.rate_percent.map(|percent| {
            Ok(Charge {
                percent,
                base: m.base,
                tier: None,
            })
        }),
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
        .filter(|m| m.layer == MeasureLayer::Country && is_rated(m))
        .collect();
    in_order(&mut v);
    v
}

/// Sources by id, primary documents first (the legal text before the news of it),
/// each once, in their order otherwise. Unknown ids are left out.
pub fn primary_first<'a, 'i>(
    ds: &'a Dataset,
    ids: impl IntoIterator<Item = &'i String>,
) -> Vec<&'a Source> {
    let mut all: Vec<&Source> = Vec::new();
    for s in ids.into_iter().filter_map(|id| ds.source(id)) {
        if !all.iter().any(|o| o.id == s.id) {
            all.push(s);
        }
    }
    let (mut out, rest): (Vec<&Source>, Vec<&Source>) = all.into_iter().partition(|s| s.is_primary());
    out.extend(rest);
    out
}
