//! Small view pieces that more than one view shows.

use leptos::prelude::*;

use crate::data::model::Confidence;
use crate::state::vocab::Lang;

/// A confidence badge: a shape and a word, never colour alone.
pub fn badge(lang: Lang, c: Confidence) -> impl IntoView {
    view! { <span class=format!("de-badge de-badge--{}", c.id())>{crate::i18n::shell::text(lang).confidence(c)}</span> }
}

/// "(انگریزی میں)" after text an Urdu reader sees in English on purpose (a
/// word-for-word quotation, the titles of English sources); nothing in English.
pub fn in_english_label(lang: Lang, quoted: bool) -> Option<impl IntoView> {
    (quoted && lang == Lang::Ur).then(|| view! { " "<span class="de-muted">{crate::i18n::shell::text(lang).english_only}</span> })
}
