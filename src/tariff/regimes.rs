//! The same shipment under each tariff regime of 2025–26, and the headline
//! rates applied to deal-scale sums (static arithmetic: no change in trade).

use super::duty::{estimate, Estimate, Shipment};
use super::money::{apply_rate, cents_from_usd, ppm_from_percent, Cents, Ppm};
use super::schedule::{charged, country_measures, instant_day};
use crate::data::model::{Dataset, Product, TariffMeasure};

/// The deal whose first phase is priced "at deal scale", and the trade figure.
pub const FIRST_PHASE_DEAL: &str = "deal-ussm-fwo-mou";
pub const EXPORTS_FIGURE: &str = "fig-us-imports-from-pk-2024";
/// The seed story: the cut from the 29% country rate to 19%.
pub const SEED_FROM: &str = "tm-ieepa-pk-29";
pub const SEED_TO: &str = "tm-ieepa-pk-19";

/// What the 19% saved over the 29% on this shipment (low, high), where both regimes exist.
pub fn seed_saving(regimes: &[Regime<'_>]) -> Option<(Cents, Cents)> {
    Some(saving(find(regimes, SEED_FROM)?, find(regimes, SEED_TO)?))
}

/// The measures the seed saving's two outcomes depend on: those not verified in either regime, once each.
pub fn seed_unverified<'a>(regimes: &[Regime<'a>]) -> Vec<&'a TariffMeasure> {
    let mut out: Vec<&'a TariffMeasure> = Vec::new();
    for r in [SEED_FROM, SEED_TO].into_iter().filter_map(|id| find(regimes, id)) {
        for m in r.estimate.unverified() {
            if !out.iter().any(|o| o.id == m.id) {
                out.push(m);
            }
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
pub struct Regime<'a> {
    /// The country surcharge that defines the regime; `None` = MFN only (before any surcharge).
    pub measure: Option<&'a TariffMeasure>,
    /// The entry day the shipment is priced at: the user's day when it falls in
    /// the regime, otherwise the regime's first day.
    pub day: crate::data::date::Day,
    pub estimate: Estimate<'a>,
}

impl Regime<'_> {
    /// The regime's headline surcharge rate (0 for MFN only).
    pub fn headline(&self) -> Ppm {
        self.measure
            .and_then(|m| m.rate_percent)
            .and_then(ppm_from_percent)
            .unwrap_or(0)
    }
}

/// One regime per rated country measure, in order, after an "MFN only" regime
/// on the day before the first. A measure whose start day cannot be read is skipped.
pub fn regimes<'a>(ds: &'a Dataset, p: &'a Product, s: &Shipment) -> Vec<Regime<'a>> {
    let measures = country_measures(ds);
    // Each regime prices the goods as loaded in it: no in-transit rule from another.
    let base = Shipment {
        surcharge: None,
        loaded: None,
        ..s.clone()
    };
    let price = |measure: Option<&'a TariffMeasure>, day| {
        let shipment = Shipment { day, ..base.clone() };
        estimate(ds, p, &shipment).ok().map(|estimate| Regime { measure, day, estimate })
    };
    let before = measures
        .first()
        .and_then(|m| m.in_force_from.as_deref())
        .and_then(instant_day)
        .and_then(|first| price(None, first.add_days(-1)));
    let charged_now = charged(ds, s.day, None).measures;
    let each = measures.iter().filter_map(|&m| {
        let start = m.in_force_from.as_deref().and_then(instant_day)?;
        // The user's day, where this regime is the one charged then (the 10% baseline is
        // in force but replaced on 9 April 2025); otherwise the regime's first day.
        let now = charged_now.iter().any(|x| std::ptr::eq(*x, m));
        price(Some(m), if now { s.day } else { start })
    });
    before.into_iter().chain(each).collect()
}

/// What moving from one regime to another saves (low, high); positive = less duty.
pub fn saving(from: &Regime<'_>, to: &Regime<'_>) -> (Cents, Cents) {
    (
        from.estimate.low - to.estimate.low,
        from.estimate.high - to.estimate.high,
    )
}

/// The regime defined by a measure id.
pub fn find<'r, 'a>(regimes: &'r [Regime<'a>], measure_id: &str) -> Option<&'r Regime<'a>> {
    regimes
        .iter()
        .find(|r| r.measure.is_some_and(|m| m.id == measure_id))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleBase {
    FirstPhase,
    Exports2024,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub base: ScaleBase,
    pub amount: Cents,
    /// Additional duty at each regime's headline rate, in `regimes` order.
    pub duties: Vec<Cents>,
}

/// The headline rates applied to the deal's first phase and to the 2024
/// exports, where the dataset has those figures.
pub fn at_scale(ds: &Dataset, regimes: &[Regime<'_>]) -> Vec<Scale> {
    let first_phase = ds.deal(FIRST_PHASE_DEAL).and_then(|d| d.value.amount_usd);
    let exports = ds
        .figures
        .iter()
        .find(|f| f.id == EXPORTS_FIGURE)
        .and_then(|f| f.value_usd);
    [
        (ScaleBase::FirstPhase, first_phase),
        (ScaleBase::Exports2024, exports),
    ]
    .into_iter()
    .filter_map(|(base, usd)| {
        let amount = cents_from_usd(usd?)?;
        Some(Scale {
            base,
            amount,
            duties: regimes
                .iter()
                .map(|r| apply_rate(amount, r.headline()))
                .collect(),
        })
    })
    .collect()
}
