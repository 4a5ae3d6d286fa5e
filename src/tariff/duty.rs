//! The duty on one shipment: one row per layer (MFN, country surcharges,
//! sectoral duties), each with its rate, its base and its sources; the lowest
//! and highest totals where an exemption is unverified; and, when the loading
//! date is not given, what goods still in transit would owe instead.

use super::money::{
    apply_rate, micro_cents, ppm_from_percent, ratio, specific_duty, Cents, MicroCentsPerKg, Ppm,
};
use super::schedule::{
    charge, charged, instant_day, mfn_measure, primary_first, transit_cutoffs, treatment, Outside,
};
use crate::data::date::Day;
use crate::data::model::{
    Dataset, Dispute, Exemption, ExemptionStatus, InTransit, MeasureBase, MeasureLayer, MfnRate,
    Product, RateTier, Refund, Source, TariffMeasure,
};

/// A shipment, already parsed and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Shipment {
    pub value: Cents,
    pub day: Day,
    /// The day the goods were loaded for export, where known (in-transit rules).
    pub loaded: Option<Day>,
    /// Quantity in grams (specific MFN duties).
    pub grams: Option<i64>,
    /// Share of the named metal (specific duties, Section 232 copper content).
    pub content: Option<Ppm>,
    /// A what-if rate replacing the country surcharges.
    pub surcharge: Option<Ppm>,
    /// The user's MFN rate where the dataset does not know it (default 0%).
    pub mfn: Option<Ppm>,
}

/// Which inputs a product needs beyond value and date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Needs {
    pub quantity: bool,
    pub content: bool,
    /// The MFN rate is not in the dataset: the user may enter it.
    pub mfn: bool,
}

pub fn needs(p: &Product) -> Needs {
    let specific = matches!(p.mfn, MfnRate::Specific { .. });
    Needs {
        quantity: specific,
        content: specific || p.section_232_copper,
        mfn: matches!(p.mfn, MfnRate::Unknown),
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rate<'a> {
    AdValorem(Ppm),
    /// Cents per kg of a named metal contained (its name in English and, where
    /// the dataset has it, Urdu).
    Specific {
        rate: MicroCentsPerKg,
        content_of: &'a str,
        content_of_ur: Option<&'a str>,
    },
}

/// What the rate is applied to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    Value(Cents),
    /// The value of the metal content (Section 232 copper).
    ContentValue(Cents),
    /// The value not covered by a sectoral duty the layer does not stack on.
    Rest(Cents),
    /// Grams of the named metal contained (millionths of the gross grams × share).
    ContentMass {
        grams: i64,
        content: Ppm,
    },
    /// A specific duty that waits for the quantity or the metal content: no amount yet.
    Awaiting(Missing),
}

impl Base {
    /// Kilograms of the named metal contained, for a specific duty's base.
    pub fn metal_kg(&self) -> Option<f64> {
        match *self {
            Base::ContentMass { grams, content } => Some(grams as f64 * content as f64 / 1e9),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Mfn,
    Measure,
    /// The user's what-if surcharge.
    Custom,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub kind: RowKind,
    pub measure: Option<&'a TariffMeasure>,
    pub rate: Rate<'a>,
    pub base: Base,
    /// The amount if the layer applies.
    pub full: Cents,
    pub status: ExemptionStatus,
    pub exemption: Option<&'a Exemption>,
    /// The dated or per-product tier the rate comes from.
    pub tier: Option<&'a RateTier>,
    /// Why a measure in force charges nothing on these goods.
    pub outside: Option<Outside<'a>>,
    /// The amounts in the lowest and the highest outcome.
    pub low: Cents,
    pub high: Cents,
}

impl Row<'_> {
    pub fn refund(&self) -> Option<&Refund> {
        self.measure.and_then(|m| m.refund.as_ref())
    }
}

impl<'a> Row<'a> {
    /// The layer's own sources, primary documents first: the product's rate
    /// sources for MFN; the tier's, then the measure's, for a measure.
    pub fn sources(&self, ds: &'a Dataset, p: &'a Product) -> Vec<&'a Source> {
        match (self.kind, self.measure) {
            // A rate the reader entered has no source of ours.
            (RowKind::Mfn, _) if matches!(p.mfn, MfnRate::Unknown) => Vec::new(),
            (RowKind::Mfn, _) => primary_first(ds, &p.sources),
            (_, Some(m)) => primary_first(
                ds,
                self.tier.iter().flat_map(|t| t.sources.iter()).chain(&m.sources),
            ),
            (_, None) => Vec::new(),
        }
    }
}

/// What in-transit rules change against the ordinary entry, as a reader needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct TransitChange<'a> {
    /// The rules that applied, each with the measure it set aside.
    pub rules: Vec<(&'a TariffMeasure, &'a InTransit)>,
    /// Surcharges the ordinary entry owes that these goods do not.
    pub set_aside: Vec<&'a TariffMeasure>,
    /// Surcharges these goods owe instead (none: no surcharge of that kind).
    pub instead: Vec<&'a TariffMeasure>,
    /// The HTSUS headings the entry is declared under (of the rules that decide the outcome).
    pub headings: Vec<&'a str>,
    /// A rule covers goods carried by vessel only.
    pub vessel_only: bool,
    /// The earliest entry deadline among the rules.
    pub entered_before: Option<Day>,
}

impl<'a> TransitChange<'a> {
    fn new(
        rules: Vec<(&'a TariffMeasure, &'a InTransit)>,
        ordinary: &[&'a TariffMeasure],
        charged: &[&'a TariffMeasure],
    ) -> Self {
        // The same records by address: comparing whole measures would compile their deep equality.
        let among = |list: &[&TariffMeasure], m: &TariffMeasure| list.iter().any(|x| std::ptr::eq(*x, m));
        let set_aside = ordinary.iter().copied().filter(|m| !among(charged, m)).collect();
        let instead = charged.iter().copied().filter(|m| !among(ordinary, m)).collect();
        // A rule whose replacement was itself set aside (a chain) does not decide the heading.
        let headings = rules
            .iter()
            .filter(|(_, r)| r.instead.as_deref().is_none_or(|id| charged.iter().any(|m| m.id == id)))
            .filter_map(|(_, r)| r.heading.as_deref())
            .collect();
        Self {
            set_aside,
            instead,
            headings,
            vessel_only: rules.iter().any(|(_, r)| r.vessel_only),
            entered_before: rules.iter().filter_map(|(_, r)| instant_day(&r.entered_before)).min(),
            rules,
        }
    }
}

/// What the same entry would owe if the goods had been loaded earlier and
/// were still in transit (named as a condition when no loading date is given).
#[derive(Clone, Debug, PartialEq)]
pub struct TransitOutcome<'a> {
    /// Goods loaded before this day…
    pub loaded_before: Day,
    /// …and on or after this one, where an earlier cut-off changes the answer again.
    pub loaded_from: Option<Day>,
    pub change: TransitChange<'a>,
    pub low: Cents,
    pub high: Cents,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Estimate<'a> {
    pub rows: Vec<Row<'a>>,
    pub value: Cents,
    /// Lowest total: every unverified exemption holds.
    pub low: Cents,
    /// Highest total: every unverified layer is dutiable.
    pub high: Cents,
    /// The MFN rate was entered by the user (the dataset does not know it).
    pub mfn_user: bool,
    /// The MFN layer waits for this input: the totals leave it out until then.
    pub pending: Option<Missing>,
    /// With a loading date that puts the goods in transit: what that changed.
    pub transit: Option<TransitChange<'a>>,
    /// Without one: what goods loaded earlier would owe, latest cut-off first.
    pub outcomes: Vec<TransitOutcome<'a>>,
    /// Disputed rates of layers in force (shown; computed with the dataset's rate).
    pub disputes: Vec<(&'a TariffMeasure, &'a Dispute)>,
}

impl<'a> Estimate<'a> {
    /// The measures whose exemption for the goods is not verified: what the two outcomes depend on.
    pub fn unverified(&self) -> Vec<&'a TariffMeasure> {
        self.rows
            .iter()
            .filter(|r| r.status == ExemptionStatus::Unverified)
            .filter_map(|r| r.measure)
            .collect()
    }
}

impl Estimate<'_> {
    pub fn is_range(&self) -> bool {
        self.low != self.high
    }
    /// Duty of layers whose measures are being refunded (low, high).
    pub fn refundable(&self) -> (Cents, Cents) {
        self.rows
            .iter()
            .filter(|r| r.refund().is_some())
            .fold((0, 0), |(l, h), r| (l + r.low, h + r.high))
    }
    /// Total duty over customs value (low, high); `None` for a zero value.
    pub fn effective(&self) -> Option<(Ppm, Ppm)> {
        Some((ratio(self.low, self.value)?, ratio(self.high, self.value)?))
    }
    /// The row of a measure, if it is a layer.
    pub fn row(&self, measure_id: &str) -> Option<&Row<'_>> {
        self.rows
            .iter()
            .find(|r| r.measure.is_some_and(|m| m.id == measure_id))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Quantity,
    Content,
}

/// The MFN row; a specific duty without its quantity or content waits for them
/// (no amount) rather than holding up the other layers.
fn mfn_row<'a>(ds: &'a Dataset, p: &'a Product, s: &Shipment) -> Row<'a> {
    let (rate, base, full) = match &p.mfn {
        MfnRate::Free => (Rate::AdValorem(0), Base::Value(s.value), 0),
        MfnRate::AdValorem { percent } => {
            let r = ppm_from_percent(*percent).unwrap_or(0);
            (
                Rate::AdValorem(r),
                Base::Value(s.value),
                apply_rate(s.value, r),
            )
        }
        MfnRate::Specific {
            cents_per_kg,
            content_of,
            content_of_ur,
        } => {
            let r = micro_cents(*cents_per_kg).unwrap_or(0);
            let rate = Rate::Specific {
                rate: r,
                content_of,
                content_of_ur: content_of_ur.as_deref(),
            };
            match (s.grams, s.content) {
                (Some(grams), Some(content)) => (
                    rate,
                    Base::ContentMass { grams, content },
                    specific_duty(grams, content, r),
                ),
                (None, _) => (rate, Base::Awaiting(Missing::Quantity), 0),
                (Some(_), None) => (rate, Base::Awaiting(Missing::Content), 0),
            }
        }
        MfnRate::Unknown => {
            let r = s.mfn.unwrap_or(0);
            (
                Rate::AdValorem(r),
                Base::Value(s.value),
                apply_rate(s.value, r),
            )
        }
    };
    let status = ExemptionStatus::Dutiable;
    Row {
        kind: RowKind::Mfn,
        measure: mfn_measure(ds),
        rate,
        base,
        full,
        status,
        exemption: None,
        tier: None,
        outside: None,
        low: full,
        high: full,
    }
}

/// One surcharge layer: its amount if it applies, and the lowest and highest by its status.
fn layer_row<'a>(
    kind: RowKind,
    measure: Option<&'a TariffMeasure>,
    rate: Ppm,
    base: Base,
    status: (ExemptionStatus, Option<&'a Exemption>),
    tier: Option<&'a RateTier>,
) -> Row<'a> {
    let amount = match base {
        Base::Value(c) | Base::ContentValue(c) | Base::Rest(c) => c,
        Base::ContentMass { .. } | Base::Awaiting(_) => 0,
    };
    let full = apply_rate(amount, rate);
    let (low, high) = match status.0 {
        ExemptionStatus::Exempt => (0, 0),
        ExemptionStatus::Dutiable => (full, full),
        ExemptionStatus::Unverified => (0, full),
    };
    Row {
        kind,
        measure,
        rate: Rate::AdValorem(rate),
        base,
        full,
        status: status.0,
        exemption: status.1,
        tier,
        outside: None,
        low,
        high,
    }
}

/// A measure's row for a product, at the rate and on the base its tiers give;
/// `rest` is the base of a layer charged on the part outside other measures.
fn measure_row<'a>(p: &Product, s: &Shipment, m: &'a TariffMeasure, rest: Option<Cents>) -> Option<Row<'a>> {
    let status = treatment(m, &p.id, s.day);
    match charge(m, &p.id, s.day, s.content)? {
        Ok(c) => {
            let base = match (rest, c.base) {
                (Some(r), _) => Base::Rest(r),
                (None, MeasureBase::CustomsValue) => Base::Value(s.value),
                (None, MeasureBase::MetalContent) => {
                    Base::ContentValue(apply_rate(s.value, s.content.unwrap_or(0)))
                }
            };
            let rate = ppm_from_percent(c.percent).unwrap_or(0);
            Some(layer_row(RowKind::Measure, Some(m), rate, base, status, c.tier))
        }
        Err(outside) => {
            let Outside::BelowContent(tier) = outside;
            let rate = ppm_from_percent(tier.rate_percent).unwrap_or(0);
            let exempt = (ExemptionStatus::Exempt, status.1);
            Some(Row {
                outside: Some(outside),
                ..layer_row(RowKind::Measure, Some(m), rate, Base::Value(s.value), exempt, Some(tier))
            })
        }
    }
}

/// The rows for the measures charged on the entry: MFN, country layers (on the
/// part outside any sectoral duty they do not stack on), sectoral duties.
fn rows_for<'a>(p: &Product, s: &Shipment, mfn: &Row<'a>, charged: &[&'a TariffMeasure]) -> Vec<Row<'a>> {
    let of_layer = |layer: MeasureLayer| charged.iter().copied().filter(move |m| m.layer == layer);
    let sectoral: Vec<Row<'a>> = of_layer(MeasureLayer::Sectoral)
        .filter_map(|m| measure_row(p, s, m, None))
        .collect();
    // The value a dutiable sectoral duty already covers, among the measures listed.
    let rest = |not_on_top_of: &[String]| -> Option<Cents> {
        let covered: Cents = sectoral
            .iter()
            .filter(|r| {
                r.status == ExemptionStatus::Dutiable
                    && r.measure.is_some_and(|m| not_on_top_of.contains(&m.id))
            })
            .map(|r| match r.base {
                Base::ContentValue(c) | Base::Value(c) => c,
                _ => 0,
            })
            .sum();
        (covered > 0).then(|| (s.value - covered).max(0))
    };
    let mut rows = vec![mfn.clone()];
    if let Some(rate) = s.surcharge {
        let all_sectoral: Vec<String> = sectoral
            .iter()
            .filter_map(|r| r.measure.map(|m| m.id.clone()))
            .collect();
        let base = rest(&all_sectoral).map_or(Base::Value(s.value), Base::Rest);
        let dutiable = (ExemptionStatus::Dutiable, None);
        rows.push(layer_row(RowKind::Custom, None, rate, base, dutiable, None));
    } else {
        rows.extend(
            of_layer(MeasureLayer::Country).filter_map(|m| measure_row(p, s, m, rest(&m.not_on_top_of))),
        );
    }
    rows.extend(sectoral);
    rows
}

fn sums(rows: &[Row<'_>]) -> (Cents, Cents) {
    rows.iter()
        .fold((0, 0), |(l, h), r| (l + r.low, h + r.high))
}

/// What earlier loading dates would owe on the same entry: one outcome each
/// time the total changes. Each cut-off's day before stands for everything
/// loaded down to the next cut-off; a cut-off that changes no amount (an
/// exempt product) adds nothing.
fn outcomes<'a>(
    ds: &'a Dataset,
    p: &Product,
    s: &Shipment,
    mfn: &Row<'a>,
    ordinary: &[&'a TariffMeasure],
    totals: (Cents, Cents),
) -> Vec<TransitOutcome<'a>> {
    let cuts = transit_cutoffs(ds, s.day);
    let mut out: Vec<TransitOutcome<'a>> = Vec::new();
    let mut previous = totals;
    for (i, cut) in cuts.iter().enumerate() {
        let next = cuts.get(i + 1).copied();
        let c = charged(ds, s.day, Some(cut.add_days(-1)));
        let totals = sums(&rows_for(p, s, mfn, &c.measures));
        if totals == previous {
            if let Some(last) = out.last_mut() {
                last.loaded_from = next;
            }
            continue;
        }
        previous = totals;
        out.push(TransitOutcome {
            loaded_before: *cut,
            loaded_from: next,
            change: TransitChange::new(c.transit, ordinary, &c.measures),
            low: totals.0,
            high: totals.1,
        });
    }
    out
}

/// The duty on a shipment of product `p`.
pub fn estimate<'a>(ds: &'a Dataset, p: &'a Product, s: &Shipment) -> Result<Estimate<'a>, Missing> {
    if p.section_232_copper && s.content.is_none() {
        return Err(Missing::Content);
    }
    let mfn = mfn_row(ds, p, s);
    let pending = match mfn.base {
        Base::Awaiting(m) => Some(m),
        _ => None,
    };
    let c = charged(ds, s.day, s.loaded);
    let rows = rows_for(p, s, &mfn, &c.measures);
    let (low, high) = sums(&rows);
    let (outcomes, transit) = match s.loaded {
        None => (outcomes(ds, p, s, &mfn, &c.measures, (low, high)), None),
        Some(_) if c.transit.is_empty() => (Vec::new(), None),
        Some(_) => {
            let ordinary = charged(ds, s.day, None).measures;
            (Vec::new(), Some(TransitChange::new(c.transit, &ordinary, &c.measures)))
        }
    };
    Ok(Estimate {
        pending,
        value: s.value,
        low,
        high,
        mfn_user: matches!(p.mfn, MfnRate::Unknown),
        transit,
        outcomes,
        disputes: c
            .measures
            .iter()
            .filter(|m| s.surcharge.is_none() || m.layer != MeasureLayer::Country)
            .flat_map(|m| m.disputes.iter().map(move |d| (*m, d)))
            .collect(),
        rows,
    })
}
