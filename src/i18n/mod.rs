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
pub mod cite;
pub mod dates;
pub mod embed;
pub mod numbers;
pub mod explorer;
pub mod glossary;
pub mod map;
pub mod shell;
pub mod sources;
pub mod story;
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
/// A value spliced into an Urdu sentence, isolated from it (U+2068 … U+2069, the
/// plain-text `<bdi>`): an English name, a code or a figure keeps its own order,
/// and the sentence's punctuation stays where Urdu puts it.
pub fn isolate(value: &str) -> String {
    format!("\u{2068}{value}\u{2069}")
}

/// A text cut into its runs, each with whether it is isolated (`isolate`), for
/// the UI to render the isolated ones as `<bdi>`. Nested isolates count as one.
pub fn isolated_runs(text: &str) -> Vec<(bool, &str)> {
    let mut runs = Vec::new();
    let (mut depth, mut start) = (0u32, 0);
    for (i, c) in text.char_indices().filter(|(_, c)| matches!(c, '\u{2068}' | '\u{2069}')) {
        if let Some(run) = text.get(start..i).filter(|r| !r.is_empty()) {
            runs.push((depth > 0, run));
        }
        depth = if c == '\u{2068}' { depth + 1 } else { depth.saturating_sub(1) };
        start = i + c.len_utf8();
    }
    if let Some(run) = text.get(start..).filter(|r| !r.is_empty()) {
        runs.push((depth > 0, run));
    }
    runs
}

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
    fn isolated_values_come_back_as_runs() {
        let text = format!("اگر {} سے مستثنیٰ ہو تو {}۔", isolate("Section 122 surcharge 10%"), isolate("$0.00"));
        assert_eq!(
            isolated_runs(&text),
            vec![(false, "اگر "), (true, "Section 122 surcharge 10%"), (false, " سے مستثنیٰ ہو تو "), (true, "$0.00"), (false, "۔")]
        );
        assert_eq!(isolated_runs("plain"), vec![(false, "plain")]);
        assert_eq!(isolated_runs(""), Vec::<(bool, &str)>::new());
        // Unpaired or nested marks never lose text.
        assert_eq!(isolated_runs("a\u{2069}b\u{2068}c\u{2068}d\u{2069}e"), vec![(false, "a"), (false, "b"), (true, "c"), (true, "d"), (true, "e")]);
    }

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
