//! Message catalogues: every interface string, in English and Urdu.
//!
//! One catalogue per part of the interface (`shell`, and one per view): a
//! struct declared with [`catalogue!`] (text fields, and `fn` fields for
//! sentences with numbers) with an `EN` and a `UR` static. Components never
//! hold literal text: they read `catalogue::text(lang).field`. Pure: testable natively.

/// Declares a catalogue's struct and its `text(lang)`, which picks the
/// module's `EN` or `UR` static. A field given by name alone is a
/// `&'static str`; any other type is written after a colon:
///
/// ```ignore
/// catalogue! {
///     pub struct ShareText {
///         copy_link,
///         /// "Copied 3 rows"
///         copied_rows: fn(&str) -> String,
///     }
/// }
/// ```
macro_rules! catalogue {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident $(: $ty:ty)? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $( $(#[$field_meta])* pub $field: catalogue!(@type $($ty)?), )*
        }

        pub fn text(lang: $crate::i18n::Lang) -> &'static $name {
            match lang {
                $crate::i18n::Lang::En => &EN,
                $crate::i18n::Lang::Ur => &UR,
            }
        }
    };
    (@type) => { &'static str };
    (@type $ty:ty) => { $ty };
}

pub mod calculator;
pub mod dates;
pub mod embed;
pub mod numbers;
pub mod explorer;
pub mod glossary;
pub mod shell;
pub mod sources;
pub mod timeline;
pub mod title;

pub use crate::state::vocab::Lang;

/// A dataset string in the reader's language: the Urdu where the record has a
/// non-blank one, else the English, with `true` when it fell back to English
/// (the UI then marks it `lang="en"` so it is read and shaped as English).
pub fn local(lang: Lang, en: &str, ur: Option<&str>) -> (String, bool) {
    match (lang, ur) {
        (Lang::Ur, Some(ur)) if !ur.trim().is_empty() => (ur.to_string(), false),
        _ => (en.to_string(), true),
    }
}

/// An Urdu noun in the oblique case, as it stands before a postposition
/// (کا، کی، پر، میں): a masculine noun ending in ا or ہ takes ے (تانبا → تانبے کی،
/// سیسہ → سیسے کی); others keep their form (ٹنگسٹن کی، چاندی کی). In a phrase the
/// last word is the head noun (خام لوہا → خام لوہے). Enough for the metal names
/// the templates splice in; the dataset test checks each one.
pub fn oblique(noun: &str) -> String {
    let (head, last) = noun.rsplit_once(' ').map_or(("", noun), |(h, l)| (h, l));
    match last.strip_suffix('ا').or_else(|| last.strip_suffix('ہ')) {
        Some(stem) if !stem.is_empty() => {
            let sep = if head.is_empty() { "" } else { " " };
            format!("{head}{sep}{stem}ے")
        }
        _ => noun.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oblique_case_of_metal_names() {
        assert_eq!(oblique("تانبا"), "تانبے");
        assert_eq!(oblique("سونا"), "سونے");
        assert_eq!(oblique("سیسہ"), "سیسے");
        assert_eq!(oblique("ٹنگسٹن"), "ٹنگسٹن");
        assert_eq!(oblique("چاندی"), "چاندی");
        assert_eq!(oblique("خام لوہا"), "خام لوہے");
        assert_eq!(oblique("نایاب زمینی عناصر"), "نایاب زمینی عناصر");
    }

    #[test]
    fn urdu_where_present_else_marked_english() {
        assert_eq!(local(Lang::Ur, "Copper", Some("تانبا")), ("تانبا".to_string(), false));
        assert_eq!(local(Lang::Ur, "Copper", Some("  ")), ("Copper".to_string(), true));
        assert_eq!(local(Lang::Ur, "Copper", None), ("Copper".to_string(), true));
        assert_eq!(local(Lang::En, "Copper", Some("تانبا")), ("Copper".to_string(), true));
    }
}
