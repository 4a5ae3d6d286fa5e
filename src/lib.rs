//! Deal Explorer: everything testable lives here; `main.rs` only mounts the app.
//!
//! The pure core: `data` (model, dates, validator), `state` (URL state),
//! `explore` (filter/search/facets/sort engine), `sources` (the Sources list), `story` (the Story view's rules),
//! `timeline` (layout), `geo` (the map), `tariff` (duty arithmetic), `i18n` (message catalogues). Plain Rust,
//! tested natively. `ui` is the thin Leptos layer, compiled for wasm only.
pub mod bench;
pub mod data;
pub mod explore;
pub mod geo;
pub mod i18n;
mod ids;
pub mod sources;
pub mod state;
pub mod story;
pub mod tariff;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod ui;
