//! What the timeline opens on: the explorer's filters that apply (each one
//! removable, and all at once), and above the list the year chips and the
//! fold of the background events before the story year.

use leptos::prelude::*;

use super::use_timeline;
use crate::i18n::timeline::text;
use crate::state::vocab::Records;
use crate::timeline::{self as tl, ActiveFilter};
use crate::ui::context::{on_click, CollectAny};
use crate::ui::format;
use crate::ui::router::Nav;

/// The filters that apply to the events, each a button that removes it, and "Clear filters".
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let tl = use_timeline();
    let app = tl.app;
    let chips = move || {
        let (lang, locale, ds) = (app.lang.get(), app.locale(), app.dataset());
        let (t, ex) = (text(lang), crate::i18n::explorer::text(lang));
        app.state.with(tl::active_filters).into_iter().map(|filter| {
            let (what, en) = match &filter {
                ActiveFilter::Option(facet, id) => {
                    let (name, en) = crate::ui::deals::option_label(&ds, Records::Events, *facet, id, lang);
                    (format!("{}: {name}", ex.facet_name(*facet)), en)
                }
                ActiveFilter::Search(q) => (format!("{}: {q}", t.search_filter), false),
                ActiveFilter::From(d) => ((t.from_filter)(&format::day(locale, *d)), false),
                ActiveFilter::To(d) => ((t.to_filter)(&format::day(locale, *d)), false),
            };
            let name = format!("{}: {what}", t.remove_filter);
            view! {
                <li><button type="button" class="de-tl-chip" aria-label=name
                    on:click=on_click(move |_| { let f = filter.clone(); app.update(Nav::Push, move |s| f.remove(s)) })>
                    <span lang=en.then_some("en")>{what}</span>" "<span aria-hidden="true">"×"</span>
                </button></li>
            }
        }).collect_any()
    };
    view! {
        <div class="de-tl-filters">
            <ul class="de-tl-chips" aria-label=app.tr(|l| text(l).filters_label)>{chips}</ul>
            <button type="button" on:click=on_click(move |_| app.update(Nav::Push, |s| *s = s.cleared_filters()))>
                {app.tr(|l| text(l).clear_filters)}
            </button>
        </div>
    }
}

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
