//! What the timeline opens on: above the list the year chips and the fold of
//! the background events before the story year (the filters that apply are
//! `ui::parts::ActiveFilters`, which the deals view shows too).

use leptos::prelude::*;

use super::use_timeline;
use crate::i18n::timeline::text;
use crate::timeline as tl;
use crate::ui::context::{on_click, CollectAny};
use crate::ui::format;

/// The year chips (each story year's first event; "Before 2025" unfolds the
/// background events and goes to the first) and the fold of the background events.
#[component]
pub fn StoryNav() -> impl IntoView {
    let tl = use_timeline();
    let app = tl.app;
    let year = move |y: i32| format::data_date(app.locale(), Some(&y.to_string()));
    let chips = move || {
        let t = text(app.lang.get());
        let earlier = (tl.story_from.get() > 0).then(|| (t.earlier_years)(&year(tl::STORY_YEAR)));
        let years = tl.items.with(|its| tl::story_years(its));
        earlier
            .map(|label| (label, 0))
            .into_iter()
            .chain(years.into_iter().map(|(y, pos)| (year(y), pos)))
            .map(|(label, pos)| view! {
                <li><button type="button" class="de-tl-chip" on:click=on_click(move |_| tl.jump(pos))>{label}</button></li>
            })
            .collect_any()
    };
    let fold = move || {
        let n = tl.story_from.get();
        (n > 0).then(|| {
            let t = text(app.lang.get());
            let label = if tl.earlier.get() {
                t.hide_earlier.to_string()
            } else {
                (t.show_earlier)(&format::number(app.locale(), n as f64, 0), &year(tl::STORY_YEAR))
            };
            view! {
                <button type="button" class="de-tl-fold" aria-controls="de-tl-list" aria-expanded=move || tl.earlier.get().to_string()
                    on:click=on_click(move |_| tl.earlier.update(|e| *e = !*e))>{label}</button>
            }
        })
    };
    view! {
        <div class="de-tl-story">
            <nav aria-label=app.tr(|l| text(l).years_label)><ul class="de-tl-chips">{chips}</ul></nav>
            {fold}
        </div>
    }
}
