//! The dataset: typed model, date handling, the JSON tree, the one validator
//! and the one decoder.
//! Pure: no Leptos, no web-sys, no js-sys.
pub mod date;
pub mod json;
pub mod json_text;
pub mod model;
pub mod citations;
pub mod validate;
pub mod decode;
mod trail;
pub mod load;
pub mod shards;
