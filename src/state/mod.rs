//! Application state that outlives a view: the shared vocabulary (`vocab`),
//! the URL query string (`url`, `percent`), what each field accepts (`fields`),
//! how readers' actions change the state (`rules`), and the embed snippet.
pub mod embed;
pub mod fields;
pub mod percent;
pub mod rules;
pub mod url;
pub mod vocab;
