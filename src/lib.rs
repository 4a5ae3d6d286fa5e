//! Deal Explorer: everything testable lives here; `main.rs` only mounts the app.
pub mod data;
pub mod state;
