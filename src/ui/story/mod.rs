//! Story view: the dataset's story one step at a time (the rules, clamping,
//! moves, mirrored keys, swipes and each step's moment, are `crate::story`'s).
//! Every step is in the page, the current one shown: a print lays the whole
//! story out with its sources (style/print.css), and a move only flips classes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::model::{Dataset, Story, StoryStep};
use crate::i18n::local;
use crate::i18n::numbers::Tenths;
use crate::i18n::shell::text as shell;
use crate::i18n::story::text;
use crate::story::{current, key_move, link_of, moments, moved, place_of, record_of, span, story_of, swipe_move, Move, StepLink};
use crate::ui::context::{live, on_click, use_app, AppCtx, CollectAny};
use crate::ui::format::{self, Locale};
use crate::ui::glossary::glossed;
use crate::ui::parts::source_links;
use crate::ui::router::{self, Nav};

/// A step number (from 1) in the reader's digits.
fn number(locale: Locale, n: usize) -> String {
    format::number(locale, n as f64, 0)
}

/// Moves focus to step `n`'s heading, which a screen reader then reads.
fn focus_heading(n: usize) {
    request_animation_frame(move || {
        let h = document().get_element_by_id(&format!("de-story-h-{n}"));
        if let Some(h) = h.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
            crate::ui::web::focus(&h);
        }
    });
}

#[component]
pub fn StoryView() -> impl IntoView {
    let app = use_app();
    let ds = app.dataset();
    let Some(story) = story_of(&ds).cloned() else {
        return view! { <section class="de-view de-story" aria-label=app.tr(|l| shell(l).story)><p>{app.tr(|l| text(l).none)}</p></section> }
            .into_any();
    };
    let len = story.steps.len();
    let at = Memo::new(move |_| app.state.with(|s| current(s.step, len)).unwrap_or(1));
    let locale = Memo::new(move |_| app.locale());
    // After the first render, each new step's heading takes the focus (a move by
    // button, key, swipe or back/forward alike), so it is announced. At first, an
    // address beyond the story, which reads as its last step, is made to say so.
    Effect::new(move |first: Option<()>| {
        let n = at.get();
        if first.is_some() {
            focus_heading(n);
        } else if app.state.with_untracked(|s| s.step.is_some_and(|k| usize::try_from(k).ok() != Some(n))) {
            app.update(Nav::Replace, |s| s.step = u32::try_from(n).ok());
        }
    });
    let go = move |by: Move| {
        let to = moved(at.get_untracked(), by, len);
        app.update(Nav::Push, move |s| s.step = u32::try_from(to).ok());
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        if let Some(by) = key_move(&ev.key(), app.lang.get_untracked().is_rtl()) {
            ev.prevent_default();
            go(by);
        }
    };
    let touch_start = StoredValue::new(None::<(f64, f64)>);
    let point = |ev: &leptos::ev::TouchEvent| ev.changed_touches().get(0).map(|t| (f64::from(t.client_x()), f64::from(t.client_y())));
    let on_touch_start = move |ev: leptos::ev::TouchEvent| touch_start.set_value(point(&ev));
    let on_touch_end = move |ev: leptos::ev::TouchEvent| {
        if let (Some((x0, y0)), Some((x1, y1))) = (touch_start.get_value(), point(&ev)) {
            if let Some(by) = swipe_move(x1 - x0, y1 - y0, app.lang.get_untracked().is_rtl()) {
                go(by);
            }
        }
    };
    let status = live(move || (text(app.lang.get()).status)(&number(locale.get(), at.get()), &number(locale.get(), len)));
    let story = StoredValue::new(story);
    let steps = move || {
        let (ds, locale) = (app.dataset(), locale.get());
        story.with_value(|story| steps_view(app, &ds, story, locale, at))
    };
    let title = move || story.with_value(|s| local(app.lang.get(), &s.title, Some(&s.title_ur)).0);
    view! {
        <section class="de-view de-story" aria-label=app.tr(|l| shell(l).story)
            on:keydown=on_key on:touchstart=on_touch_start on:touchend=on_touch_end>
            <h2 class="de-story__title">{title}</h2>
            <p class="de-muted de-story__intro">{app.tr(|l| text(l).intro)}</p>
            <div class="de-story__nav">
                <button type="button" disabled={move || at.get() <= 1} on:click=on_click(move |_| go(Move::Previous))>
                    {app.tr(|l| text(l).previous)}
                </button>
                <p role="status" class="de-story__status">{status}</p>
                <button type="button" disabled={move || at.get() >= len} on:click=on_click(move |_| go(Move::Next))>
                    {app.tr(|l| text(l).next)}
                </button>
            </div>
            <p class="de-muted de-story__hint">{app.tr(|l| text(l).keys_hint)}</p>
            {steps}
        </section>
    }
    .into_any()
}

/// Every step, the current one shown (`de-story__step--on`).
fn steps_view(app: AppCtx, ds: &Dataset, story: &Story, locale: Locale, at: Memo<usize>) -> Vec<AnyView> {
    let moments = moments(ds, story);
    let ends = span(ds, story).map(|(a, b)| {
        let day = |d| format::day(locale, crate::data::date::Day::from_days(d));
        (day(a), day(b))
    });
    story
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| step_view(app, ds, (i + 1, step), locale, (&moments, ends.as_ref()), at))
        .collect_any()
}

/// The moments of every step on the story's span, and the span's ends as text.
type Locator<'a> = (&'a [Option<u16>], Option<&'a (String, String)>);

fn step_view(app: AppCtx, ds: &Dataset, (n, step): (usize, &StoryStep), locale: Locale, (moments, ends): Locator, at: Memo<usize>) -> impl IntoView {
    let (lang, t) = (locale.lang, text(locale.lang));
    let record = record_of(ds, step);
    let date = format::data_date(locale, record.and_then(|r| r.dates().0));
    let headline = local(lang, &step.headline, Some(&step.headline_ur)).0;
    let narrative = local(lang, &step.narrative, Some(&step.narrative_ur)).0;
    // The step's record in its own view; a place's deals, filtered by it.
    let target = link_of(ds, step).map(|to| {
        let label = match &to {
            StepLink::Record(records, _) => t.open_record(*records),
            StepLink::Place(_) => t.open_place,
        };
        (label, to)
    });
    let link = target.map(|(label, to)| {
        let href = app.state.with_untracked(|s| router::href_for(&to.state(s)));
        let open = move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                return;
            }
            ev.prevent_default();
            app.update(Nav::Push, |s| *s = to.state(s));
        };
        view! { <p class="de-story__record"><a href=href on:click=on_click(open)>{label}</a></p> }
    });
    // A place step is located by its place and province, a dated one on the span.
    let place = place_of(ds, step).map(|p| {
        let name = local(lang, &p.name, Some(&p.name_ur)).0;
        let region = crate::i18n::story::region_name(lang, &p.province);
        view! { <p class="de-story__place">{(t.place_locator)(&name, region)}</p> }
    });
    let locator = ends.filter(|_| record.is_some()).map(|(from, to)| {
        let dots = moments.iter().enumerate().filter_map(|(i, at)| Some((i + 1 == n, (*at)?)));
        let dots = dots.map(|(on, at)| {
            let class = if on { "de-story__dot de-story__dot--on" } else { "de-story__dot" };
            view! { <span class=class style=format!("inset-inline-start: {}%", Tenths(f64::from(at) / 10.0))></span> }
        });
        view! {
            <div class="de-story__locator" role="img" aria-label=(t.locator)(&date, from, to)>
                <div class="de-story__track">{dots.collect_any()}</div>
                <div class="de-story__ends" aria-hidden="true"><span>{from.clone()}</span><span>{to.clone()}</span></div>
            </div>
        }
    });
    view! {
        <article class=move || if at.get() == n { "de-story__step de-story__step--on" } else { "de-story__step" } aria-labelledby=format!("de-story-h-{n}")>
            <p class="de-story__printed">{(t.printed_step)(&number(locale, n))}</p>
            {record.is_some().then(|| view! { <p class="de-story__date">{date.clone()}</p> })}
            <h3 id=format!("de-story-h-{n}") tabindex="-1">{headline}</h3>
            <p class="de-story__text">{glossed(narrative)}</p>
            {locator}
            {place}
            {link}
            <h4>{t.step_sources}{crate::ui::parts::in_english_label(lang, true)}</h4>
            {source_links(ds, &step.sources)}
        </article>
    }
}
