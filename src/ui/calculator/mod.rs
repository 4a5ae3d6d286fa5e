//! The tariff calculator view: a form whose every input lives in the URL, and
//! results computed by the pure `tariff` core on each change.

mod chart;
mod form;
mod results;

use leptos::prelude::*;

use crate::i18n::calculator::text;
use crate::state::vocab::Lang;
use crate::ui::context::use_app;
use crate::ui::glossary::glossed;

/// Dataset text in the reader's language: the Urdu where the record has it,
/// else the English marked `lang="en"` so it is read and shaped as English;
/// its glossary terms marked.
pub(super) fn localized(lang: Lang, en: &str, ur: Option<&str>) -> AnyView {
    match crate::i18n::local(lang, en, ur) {
        (text, true) if lang == Lang::Ur => view! { <span lang="en" dir="ltr">{glossed(text)}</span> }.into_any(),
        (text, _) => glossed(text),
    }
}

/// A content metal in the reader's language, as inside a sentence: the Urdu
/// where the data has it, else the English in lower case ("lead", "copper").
pub(super) fn metal_name(lang: Lang, (en, ur): (&str, Option<&str>)) -> String {
    match crate::i18n::local(lang, en, ur) {
        // English metal names are ASCII: Unicode's case table (11.7 KB raw, 3.3 KB
        // brotli) would come with the calculator's part for letters no metal has.
        (text, true) => text.to_ascii_lowercase(),
        (text, false) => text,
    }
}

#[component]
pub fn CalculatorView() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="de-view de-cal" aria-labelledby="de-cal-h">
            <h2 id="de-cal-h">{app.tr(|l| text(l).heading)}</h2>
            <p class="de-muted de-cal__intro">{app.tr(|l| text(l).intro)}" "<crate::ui::glossary::GlossaryButton/></p>
            <div class="de-cal__layout">
                <form::ShipmentForm/>
                <results::Results/>
            </div>
        </section>
    }
}
