//! The calculator's answer as one owned value: the checked form, its estimate
//! and the regimes, priced once per change of the inputs and read by every part
//! of the view. The estimate borrows its measures from the dataset, so the quote
//! keeps the dataset's `Arc` beside it (`yoke`); a reactive memo can then hold it.

use std::sync::Arc;

use yoke::{Yoke, Yokeable};

use super::duty::{Estimate, Missing};
use super::regimes::{regimes, Regime};
use super::Form;
use crate::data::model::Dataset;
use crate::state::url::AppState;

/// What the inputs price to, borrowing from the dataset.
#[derive(Yokeable)]
pub struct Priced<'a> {
    pub form: Form<'a>,
    /// `None` while a field is in error; `Missing` while a needed input is not given.
    pub estimate: Option<Result<Estimate<'a>, Missing>>,
    /// The same shipment under each regime; empty unless the estimate is whole.
    pub regimes: Vec<Regime<'a>>,
}

impl<'a> Priced<'a> {
    /// Reads the form and prices it; `None` only for a dataset with no products.
    pub fn read(ds: &'a Dataset, s: &AppState) -> Option<Priced<'a>> {
        let form = Form::read(ds, s)?;
        let estimate = form.estimate(ds);
        let regimes = match (&estimate, form.shipment()) {
            (Some(Ok(_)), Some(shipment)) => regimes(ds, form.product, &shipment),
            _ => Vec::new(),
        };
        Some(Priced { form, estimate, regimes })
    }

    /// The estimate, when every input it needs is given and right.
    pub fn whole(&self) -> Option<&Estimate<'a>> {
        self.estimate.as_ref().and_then(|e| e.as_ref().ok())
    }
}

/// A [`Priced`] that owns the dataset it borrows from.
pub struct Quote(Yoke<Option<Priced<'static>>, Arc<Dataset>>);

impl Quote {
    pub fn read(ds: Arc<Dataset>, s: &AppState) -> Quote {
        Quote(Yoke::attach_to_cart(ds, |ds| Priced::read(ds, s)))
    }

    pub fn get(&self) -> Option<&Priced<'_>> {
        self.0.get().as_ref()
    }

    /// The dataset the quote was priced from.
    pub fn dataset(&self) -> &Dataset {
        self.0.backing_cart()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tariff::duty::estimate;

    fn dataset() -> Arc<Dataset> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/deals.json");
        let text = std::fs::read_to_string(path).expect("public/data/deals.json");
        Arc::new(serde_json::from_str(&text).expect("dataset parses"))
    }

    #[test]
    fn a_quote_holds_the_form_its_estimate_and_regimes() {
        let ds = dataset();
        let state = AppState::parse("view=calculator&hts=2617.10&value=250000&date=2025-08-07");
        let quote = Quote::read(Arc::clone(&ds), &state);
        assert!(std::ptr::eq(quote.dataset(), &*ds), "the quote keeps the dataset it was given");
        let priced = quote.get().expect("a product");
        let form = Form::read(&ds, &state).expect("form");
        let shipment = form.shipment().expect("no error");
        assert_eq!(priced.form, form);
        assert_eq!(priced.whole(), estimate(&ds, form.product, &shipment).ok().as_ref());
        assert_eq!(priced.whole().map(|e| e.value), Some(25_000_000));
        assert_eq!(priced.regimes, regimes(&ds, form.product, &shipment));
        assert!(priced.regimes.len() > 1, "MFN only, then each country regime");
    }

    #[test]
    fn no_regimes_while_the_estimate_is_not_whole() {
        let ds = dataset();
        let wrong = Quote::read(Arc::clone(&ds), &AppState::parse("hts=2617.10&value=-5"));
        let wrong = wrong.get().expect("a product");
        assert_eq!((wrong.estimate.is_none(), wrong.regimes.len()), (true, 0), "a field in error prices nothing");
        // Section 232 copper is charged on the copper content: no answer until it is given.
        let waiting = Quote::read(Arc::clone(&ds), &AppState::parse("hts=prod-copper-semi-finished&date=2025-09-01"));
        let waiting = waiting.get().expect("a product");
        assert_eq!(waiting.estimate, Some(Err(Missing::Content)));
        assert!(waiting.regimes.is_empty());
        let empty = Dataset { products: Vec::new(), ..(*ds).clone() };
        assert!(Quote::read(Arc::new(empty), &AppState::default()).get().is_none(), "no product, no quote");
    }
}
