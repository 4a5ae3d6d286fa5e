//! The one-line summary of a valid dataset (`validate-data`'s output).

use std::fmt;

use super::super::model::Dataset;
/// How many records of each kind a valid dataset holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub sources: usize,
    pub parties: usize,
    pub minerals: usize,
    pub products: usize,
    pub deals: usize,
    pub events: usize,
    pub tariff_measures: usize,
    pub figures: usize,
    pub places: usize,
    pub stories: usize,
    pub version: String,
    pub as_of: String,
}

impl Summary {
    pub fn of(ds: &Dataset) -> Summary {
        Summary {
            sources: ds.sources.len(),
            parties: ds.parties.len(),
            minerals: ds.minerals.len(),
            products: ds.products.len(),
            deals: ds.deals.len(),
            events: ds.events.len(),
            tariff_measures: ds.tariff_measures.len(),
            figures: ds.figures.len(),
            places: ds.places.len(),
            stories: ds.stories.len(),
            version: ds.meta.version.clone(),
            as_of: ds.meta.as_of.clone(),
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "valid: {} sources, {} parties, {} minerals, {} products, {} deals, {} events, \
             {} tariff measures, {} figures, {} places, {} stories (version {}, as of {})",
            self.sources,
            self.parties,
            self.minerals,
            self.products,
            self.deals,
            self.events,
            self.tariff_measures,
            self.figures,
            self.places,
            self.stories,
            self.version,
            self.as_of
        )
    }
}

/// One line, e.g. "valid: 231 sources, 60 parties, … (version 1.0.0, as of 2026-10-02)".
pub fn summarize(ds: &Dataset) -> String {
    Summary::of(ds).to_string()
}
