//! The dataset: typed model, date handling, the JSON tree and the one validator.
//! Pure: no Leptos, no web-sys, no js-sys.
pub mod date;
pub mod json;
pub mod json_text;
pub mod model;
pub mod citations;
pub mod validate;
pub mod load;
