//! Application state that outlives a view: the URL query string.
pub mod url;
pub mod embed;
