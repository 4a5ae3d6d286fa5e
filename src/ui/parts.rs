//! Small view pieces that more than one view shows.

use leptos::prelude::*;

use crate::data::model::Confidence;
use crate::state::vocab::Lang;

/// A confidence badge: a shape and a word, never colour alone.
pub fn badge(lang: Lang, c: Confidence) -> impl IntoView {
    view! { <span class=format!("de-badge de-badge--{}", c.id())>{crate::i18n::shell::text(lang).confidence(c)}</span> }
}
