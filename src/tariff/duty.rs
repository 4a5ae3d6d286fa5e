//! The duty on one shipment: one row per layer (MFN, country surcharges,
//! sectoral duties), and the lowest and highest totals where something is not
//! known (an unverified exemption, a measure that ended at an unknown time).

use super::money::{
    apply_rate, micro_cents, ppm_from_percent, ratio, specific_duty, Cents, MicroCentsPerKg, Ppm,
};
use super::schedule::{alternatives, in_transit_note, mfn_measure, treatment};
use crate::data::date::Day;
use crate::data::model::{
    Dataset, Dispute, Exemption, ExemptionStatus, MfnRate, Product, Refund, TariffMeasure,
};

/// A shipment, already parsed and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Shipment {
    pub value: Cents,
    pub day: Day,
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
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    Mfn,
    Measure,
    /// The user's what-if surcharge.
    Custom,
}

/// Whether the layer is certain to be in force for the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    Certain,
    /// In force for only one of the two outcomes of the entry day.
    PartOfDay,
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
    pub timing: Timing,
    /// The amounts in the lowest and the highest outcome.
    pub low: Cents,
    pub high: Cents,
}

impl Row<'_> {
    pub fn refund(&self) -> Option<&Refund> {
        self.measure.and_then(|m| m.refund.as_ref())
    }
    fn key(&self) -> &str {
        self.measure.map_or(
            if self.kind == RowKind::Custom {
                ""
            } else {
                "mfn"
            },
            |m| m.id.as_str(),
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Estimate<'a> {
    pub rows: Vec<Row<'a>>,
    pub value: Cents,
    /// Lowest total: every unverified exemption holds, the cheaper reading of the day.
    pub low: Cents,
    /// Highest total: every unverified layer is dutiable, the dearer reading.
    pub high: Cents,
    /// The MFN rate was entered by the user (the dataset does not know it).
    pub mfn_user: bool,
    /// Period notes for in-transit windows the entry date falls in.
    pub notes: Vec<&'a str>,
    /// Disputed rates of layers in force (shown; computed with the dataset's rate).
    pub disputes: Vec<(&'a TariffMeasure, &'a Dispute)>,
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

/// The MFN row, or what is missing to compute it.
fn mfn_row<'a>(ds: &'a Dataset, p: &'a Product, s: &Shipment) -> Result<Row<'a>, Missing> {
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
            let grams = s.grams.ok_or(Missing::Quantity)?;
            let content = s.content.ok_or(Missing::Content)?;
            let r = micro_cents(*cents_per_kg).unwrap_or(0);
            (
                Rate::Specific {
                    rate: r,
                    content_of,
                    content_of_ur: content_of_ur.as_deref(),
                },
                Base::ContentMass { grams, content },
                specific_duty(grams, content, r),
            )
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
    Ok(Row {
        kind: RowKind::Mfn,
        measure: mfn_measure(ds),
        rate,
        base,
        full,
        status,
        exemption: None,
        timing: Timing::Certain,
        low: full,
        high: full,
    })
}

fn layer_row<'a>(
    kind: RowKind,
    measure: Option<&'a TariffMeasure>,
    rate: Ppm,
    base: Base,
    status: (ExemptionStatus, Option<&'a Exemption>),
) -> Row<'a> {
    let amount = match base {
        Base::Value(c) | Base::ContentValue(c) | Base::Rest(c) => c,
        Base::ContentMass { .. } => 0,
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
        timing: Timing::Certain,
        low,
        high,
    }
}

/// The rows for one set of measures in force.
fn rows_for<'a>(
    p: &Product,
    s: &Shipment,
    mfn: &Row<'a>,
    active: &[&'a TariffMeasure],
) -> Vec<Row<'a>> {
    let mut rows = vec![mfn.clone()];
    let mut sectoral: Vec<Row<'a>> = Vec::new();
    for m in active
        .iter()
        .filter(|m| m.layer == crate::data::model::MeasureLayer::Sectoral)
    {
        let rate = m.rate_percent.and_then(ppm_from_percent).unwrap_or(0);
        let base = if p.section_232_copper {
            Base::ContentValue(apply_rate(s.value, s.content.unwrap_or(0)))
        } else {
            Base::Value(s.value)
        };
        sectoral.push(layer_row(
            RowKind::Measure,
            Some(m),
            rate,
            base,
            treatment(m, &p.id, s.day),
        ));
    }
    // A country layer does not stack on a sectoral duty that applies: it is charged on the rest.
    let country_base = |not_on_top_of: &[String]| {
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
        if covered > 0 {
            Base::Rest((s.value - covered).max(0))
        } else {
            Base::Value(s.value)
        }
    };
    if let Some(rate) = s.surcharge {
        let all_sectoral: Vec<String> = sectoral
            .iter()
            .filter_map(|r| r.measure.map(|m| m.id.clone()))
            .collect();
        rows.push(layer_row(
            RowKind::Custom,
            None,
            rate,
            country_base(&all_sectoral),
            (ExemptionStatus::Dutiable, None),
        ));
    } else {
        for m in active
            .iter()
            .filter(|m| m.layer == crate::data::model::MeasureLayer::Country)
        {
            let rate = m.rate_percent.and_then(ppm_from_percent).unwrap_or(0);
            rows.push(layer_row(
                RowKind::Measure,
                Some(m),
                rate,
                country_base(&m.not_on_top_of),
                treatment(m, &p.id, s.day),
            ));
        }
    }
    rows.extend(sectoral);
    rows
}

fn sums(rows: &[Row<'_>]) -> (Cents, Cents) {
    rows.iter()
        .fold((0, 0), |(l, h), r| (l + r.low, h + r.high))
}

/// The duty on a shipment of product `p`. `pin`: keep only the reading of the
/// day in which this measure is in force (for the side-by-side regimes).
pub fn estimate<'a>(
    ds: &'a Dataset,
    p: &'a Product,
    s: &Shipment,
    pin: Option<&str>,
) -> Result<Estimate<'a>, Missing> {
    if p.section_232_copper && s.content.is_none() {
        return Err(Missing::Content);
    }
    let mfn = mfn_row(ds, p, s)?;
    let mut alts = alternatives(ds, s.day);
    if let Some(pin) = pin {
        if alts.iter().any(|a| a.iter().any(|m| m.id == pin)) {
            alts.retain(|a| a.iter().any(|m| m.id == pin));
        }
    }
    let sets: Vec<Vec<Row<'a>>> = alts.iter().map(|a| rows_for(p, s, &mfn, a)).collect();
    let totals: Vec<(Cents, Cents)> = sets.iter().map(|r| sums(r)).collect();
    let low_at = (0..sets.len())
        .min_by_key(|&i| totals.get(i).map_or(0, |t| t.0))
        .unwrap_or(0);
    let high_at = (0..sets.len())
        .max_by_key(|&i| totals.get(i).map_or(0, |t| t.1))
        .unwrap_or(0);
    // Merge: one row per layer seen in any reading; amounts from the lowest and highest readings.
    let mut rows: Vec<Row<'a>> = Vec::new();
    for set in &sets {
        for r in set {
            if rows.iter().any(|x| x.key() == r.key()) {
                continue;
            }
            let amount_in = |i: usize, pick: fn(&Row<'a>) -> Cents| {
                sets.get(i)
                    .and_then(|s| s.iter().find(|x| x.key() == r.key()))
                    .map_or(0, pick)
            };
            let everywhere = sets.iter().all(|s| s.iter().any(|x| x.key() == r.key()));
            rows.push(Row {
                low: amount_in(low_at, |x| x.low),
                high: amount_in(high_at, |x| x.high),
                timing: if everywhere {
                    Timing::Certain
                } else {
                    Timing::PartOfDay
                },
                ..r.clone()
            });
        }
    }
    let (low, high) = (sums(&rows).0, sums(&rows).1);
    let layers: Vec<&TariffMeasure> = rows.iter().filter_map(|r| r.measure).collect();
    Ok(Estimate {
        value: s.value,
        low,
        high,
        mfn_user: matches!(p.mfn, MfnRate::Unknown),
        notes: layers
            .iter()
            .filter_map(|m| in_transit_note(m, s.day))
            .collect(),
        disputes: layers
            .iter()
            .filter(|m| {
                s.surcharge.is_none() || m.layer != crate::data::model::MeasureLayer::Country
            })
            .flat_map(|m| m.disputes.iter().map(move |d| (*m, d)))
            .collect(),
        rows,
    })
}
