//! The tariff-impact calculator's core: exact money (`money`), input parsing
//! (`parse`), the dated schedule of measures (`schedule`), the layered duty
//! with its bounds (`duty`) and the side-by-side regimes (`regimes`).
//!
//! Every rate, date and exemption comes from the dataset's `TariffMeasure`s.
//! Pure: no UI, tested natively. `Form::read` turns the URL state into checked
//! inputs; `Form::estimate` prices them; `quote::Quote` holds the priced form,
//! its estimate and regimes as one owned value, so the view prices each change once.

pub mod duty;
pub mod money;
pub mod parse;
pub mod quote;
pub mod regimes;
pub mod schedule;

#[cfg(test)]
mod tests;

use crate::data::date::Day;
use crate::data::model::{Dataset, MfnRate, Product};
use crate::state::url::AppState;
use duty::{needs, Estimate, Missing, Needs, Shipment};
use parse::{InputError, Spec};

/// The customs value used when the URL has none.
pub const DEFAULT_VALUE: &str = "1000000";

/// The calculator's inputs, each as typed with its parse result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Value,
    Loaded,
    Quantity,
    Content,
    Surcharge,
    Mfn,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Form<'a> {
    pub product: &'a Product,
    pub day: Day,
    pub needs: Needs,
    pub value: Result<i64, InputError>,
    /// The loading day, when given; an error when it falls after the entry day.
    pub loaded: Option<Result<Day, InputError>>,
    /// Present when the product needs it (or, for optional fields, when typed).
    pub quantity: Option<Result<i64, InputError>>,
    pub content: Option<Result<i64, InputError>>,
    pub surcharge: Option<Result<i64, InputError>>,
    pub mfn: Option<Result<i64, InputError>>,
}

/// A product by id, exact HTS line, or an HTS prefix that names one line (`2617.10`).
pub fn find_product<'a>(ds: &'a Dataset, key: &str) -> Option<&'a Product> {
    let exact = ds
        .products
        .iter()
        .find(|p| p.id == key || p.hts.as_deref() == Some(key));
    exact.or_else(|| {
        let digits: String = key.chars().filter(char::is_ascii_digit).collect();
        let mut hits = ds.products.iter().filter(|p| {
            !digits.is_empty()
                && p.hts.as_deref().is_some_and(|h| {
                    h.chars()
                        .filter(char::is_ascii_digit)
                        .collect::<String>()
                        .starts_with(&digits)
                })
        });
        match (hits.next(), hits.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    })
}

/// The product the calculator starts with: one a reader would try first, an
/// ore or concentrate (HTS chapter 26) of a mineral some deal names, needing no
/// input beyond value and date, in dataset order; else the first product
/// needing none; else the first.
pub fn default_product(ds: &Dataset) -> Option<&Product> {
    let simple = |p: &&Product| needs(p) == Needs::default();
    let deal_ore = |p: &&Product| {
        p.hts.as_deref().is_some_and(|h| h.starts_with("26"))
            && p.mineral_ids.iter().any(|m| ds.deals.iter().any(|d| d.mineral_ids.contains(m)))
    };
    ds.products
        .iter()
        .find(|p| simple(p) && deal_ore(p))
        .or_else(|| ds.products.iter().find(simple))
        .or_else(|| ds.products.first())
}

/// The metal a product's content field is about, English and Urdu: the metal a
/// specific MFN duty is charged on, or the product's mineral (Section 232 copper).
pub fn content_metal<'a>(ds: &'a Dataset, p: &'a Product) -> Option<(&'a str, Option<&'a str>)> {
    match &p.mfn {
        MfnRate::Specific { content_of, content_of_ur, .. } => Some((content_of.as_str(), content_of_ur.as_deref())),
        _ => p
            .mineral_ids
            .first()
            .and_then(|id| ds.mineral(id))
            .map(|m| (m.name.as_str(), m.name_ur.as_deref())),
    }
}

/// The URL parameter that selects a product: its HTS line, or its id for a product class.
pub fn product_param(p: &Product) -> &str {
    p.hts.as_deref().unwrap_or(&p.id)
}

fn optional(raw: Option<&str>, spec: Spec) -> Option<Result<i64, InputError>> {
    raw.map(|r| parse::parse_fixed(r, spec))
}

/// A field the answer needs, once the reader has typed something in it.
fn given(raw: Option<&str>, spec: Spec) -> Option<Result<i64, InputError>> {
    optional(raw.filter(|t| !t.trim().is_empty()), spec)
}

fn required(raw: Option<&str>, spec: Spec) -> Result<i64, InputError> {
    parse::parse_fixed(raw.unwrap_or(""), spec)
}

impl<'a> Form<'a> {
    /// Reads the calculator inputs from the state; `None` only for a dataset with no products.
    pub fn read(ds: &'a Dataset, s: &AppState) -> Option<Form<'a>> {
        let product = s
            .hts
            .as_deref()
            .and_then(|k| find_product(ds, k))
            .or_else(|| default_product(ds))?;
        let needs = needs(product);
        let day = s
            .date
            .or_else(|| Day::parse(&ds.meta.as_of))
            .unwrap_or(Day {
                year: 2026,
                month: 1,
                day: 1,
            });
        Some(Form {
            product,
            day,
            needs,
            value: required(
                Some(s.value.as_deref().unwrap_or(DEFAULT_VALUE)),
                parse::MONEY,
            ),
            loaded: s
                .loaded
                .map(|l| if l <= day { Ok(l) } else { Err(InputError::AfterEntry) }),
            // Not typed yet is no error: the answer waits for them (a specific duty) or says what it needs.
            quantity: needs
                .quantity
                .then(|| given(s.qty.as_deref(), parse::KILOGRAMS))
                .flatten(),
            content: needs
                .content
                .then(|| given(s.content.as_deref(), parse::CONTENT))
                .flatten(),
            surcharge: optional(
                s.surcharge.as_deref().filter(|t| !t.trim().is_empty()),
                parse::RATE,
            ),
            mfn: if needs.mfn {
                optional(
                    s.mfn.as_deref().filter(|t| !t.trim().is_empty()),
                    parse::RATE,
                )
            } else {
                None
            },
        })
    }

    /// The first error of each field, in form order.
    pub fn errors(&self) -> Vec<(Field, InputError)> {
        let loaded = self.loaded.map(|r| r.map(|_| 0));
        [
            (Field::Value, Some(self.value)),
            (Field::Loaded, loaded),
            (Field::Quantity, self.quantity),
            (Field::Content, self.content),
            (Field::Surcharge, self.surcharge),
            (Field::Mfn, self.mfn),
        ]
        .into_iter()
        .filter_map(|(f, r)| match r {
            Some(Err(e)) => Some((f, e)),
            _ => None,
        })
        .collect()
    }

    /// The checked shipment; `None` while any field is in error.
    pub fn shipment(&self) -> Option<Shipment> {
        let ok = |r: Option<Result<i64, InputError>>| r.and_then(Result::ok);
        if !self.errors().is_empty() {
            return None;
        }
        Some(Shipment {
            value: self.value.ok()?,
            day: self.day,
            loaded: self.loaded.and_then(Result::ok),
            grams: ok(self.quantity),
            content: ok(self.content),
            surcharge: ok(self.surcharge),
            mfn: ok(self.mfn),
        })
    }

    pub fn estimate(&self, ds: &'a Dataset) -> Option<Result<Estimate<'a>, Missing>> {
        self.shipment()
            .map(|s| duty::estimate(ds, self.product, &s))
    }
}
