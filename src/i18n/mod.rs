//! Message catalogues: every interface string, in English and Urdu.
//!
//! One catalogue per part of the interface (`shell`, and one per view), each a
//! struct of `&'static str` fields (and `fn` fields for sentences with numbers)
//! with an `EN` and a `UR` static. Components never hold literal text: they
//! read `catalogue::text(lang).field`. Pure: testable natively.

pub mod calculator;
pub mod embed;
pub mod explorer;
pub mod shell;
pub mod timeline;

pub use crate::state::url::Lang;

/// Picks the catalogue for a language.
pub const fn pick<T>(lang: Lang, en: &'static T, ur: &'static T) -> &'static T {
    match lang {
        Lang::En => en,
        Lang::Ur => ur,
    }
}
