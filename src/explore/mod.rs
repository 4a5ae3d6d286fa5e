//! The explorer's engine: filter, search, facet counts and sort over deals or
//! events. Pure and total: no Leptos, no web-sys; ids the dataset does not know
//! are ignored, never an error.
//!
//! `Index::build` flattens one kind of record into `Record`s (folded search
//! text, facet keys as small integer ids, dates as day numbers, values) and
//! precomputes one sort order per key, so `run` is one pass over the records
//! plus one pass over a precomputed order: O(records × active facets).
//!
//! Facets are disjunctive: OR within a facet, AND across facets. The count of
//! an option is the number of results under every OTHER active filter that
//! have that option, i.e. exactly what selecting only that option would give.
//!
//! `facets.rs`: status buckets, option interning, URL ids naming options;
//! `index.rs`: `Index`; `query.rs`: `Query`, `run`; `recent.rs`: `Recent`, `run_with`.

pub mod export;
mod facets;
pub mod fold;
mod index;
pub mod order;
pub mod places;
mod query;
mod recent;
mod record;
pub mod synth;

pub use facets::{place_named, status_bucket, STATUS_BUCKETS};
pub(crate) use facets::option_named;
pub use fold::{fold, highlight};
pub use index::{default_sort, Index, Record};
pub use query::{run, terms, Query, Results};
pub use recent::{run_with, Recent};
pub use record::RecordView;

#[cfg(test)]
mod tests;
