//! The results: count (a live region), a table on wide screens and a card list
//! on narrow ones (CSS shows one; the other is display:none), one page at a
//! time with "Show more", and the empty state.

use leptos::prelude::*;

use crate::ui::context::{show, CollectAny, live, on_click};

use super::{badge, count_text, marked, use_explorer};
use crate::i18n::local;
use crate::data::model::{Confidence, Dataset};
use crate::explore::Index;
use crate::i18n::explorer::text;
use crate::state::url::{AppState, Lang, Records};
use crate::ui::format::{self, Locale};
use crate::ui::router::{self, Nav};

/// Rows rendered per page: enough to scan, few enough that a keystroke re-renders within a frame.
const PAGE: usize = 50;

/// One result, ready to show.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: (String, bool),
    snippet: (String, bool),
    date: String,
    parties: String,
    minerals: String,
    /// Deals: the value; events: the category.
    value: String,
    meaning: Option<String>,
    /// Deals: the status as worded; events: none.
    status: Option<String>,
    confidence: Confidence,
    sources: Vec<(String, String)>,
}

/// The first `max` characters, with an ellipsis where cut (the detail panel has the whole text).
fn snippet(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>().trim_end())
    }
}

fn row(ds: &Dataset, ix: &Index, position: u32, lang: Lang, locale: Locale) -> Option<Row> {
    let t = text(lang);
    let source = ix.records.get(position as usize)?.source as usize;
    let names = |parties: &[String], minerals: &[String]| {
        let p: Vec<String> = parties
            .iter()
            .filter_map(|id| ds.party(id))
            .map(|p| local(lang, &p.name, p.name_ur.as_deref()).0)
            .collect();
        let m: Vec<String> = minerals
            .iter()
            .filter_map(|id| ds.mineral(id))
            .map(|m| local(lang, &m.name, m.name_ur.as_deref()).0)
            .collect();
        (p.join(", "), m.join(", "))
    };
    let sources = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| ds.source(id))
            .map(|s| (s.title.clone(), s.url.clone()))
            .collect()
    };
    match ix.kind {
        Records::Deals => {
            let d = ds.deals.get(source)?;
            let (parties, minerals) = names(&d.party_ids, &d.mineral_ids);
            Some(Row {
                id: d.id.clone(),
                title: local(lang, &d.title, d.title_ur.as_deref()),
                snippet: {
                    let (s, en) = local(lang, &d.summary, d.summary_ur.as_deref());
                    (snippet(&s, 180), en)
                },
                date: format::data_date(locale, d.date.as_deref()),
                parties,
                minerals,
                value: d
                    .value
                    .amount_usd
                    .map_or_else(|| t.no_value.to_string(), |v| format::usd(locale, v, true)),
                meaning: Some(snippet(&d.value.meaning, 90)),
                status: Some(d.status.clone()),
                confidence: d.confidence,
                sources: sources(&d.sources),
            })
        }
        Records::Events => {
            let e = ds.events.get(source)?;
            let (parties, minerals) = names(&e.party_ids, &e.mineral_ids);
            Some(Row {
                id: e.id.clone(),
                title: local(lang, &e.title, e.title_ur.as_deref()),
                snippet: {
                    let (s, en) = local(lang, &e.description, e.description_ur.as_deref());
                    (snippet(&s, 180), en)
                },
                date: format::data_date(locale, Some(&e.date)),
                parties,
                minerals,
                value: crate::i18n::shell::text(lang)
                    .category(e.category)
                    .to_string(),
                meaning: None,
                status: None,
                confidence: e.confidence,
                sources: sources(&e.sources),
            })
        }
    }
}

/// A link to the record's detail; `place` keeps the ids of the table and the list apart.
fn open_link(row: &Row, place: &'static str, terms: &[String]) -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    let id = row.id.clone();
    let href = app.state.with_untracked(|s| {
        router::href_for(&AppState {
            sel: Some(id.clone()),
            ..s.clone()
        })
    });
    let (title, en) = row.title.clone();
    view! {
        <a href=href id=format!("de-exp-{place}-{id}") class="de-exp__open" lang=en.then_some("en")
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 { return; }
                ev.prevent_default();
                let id = id.clone();
                app.update(Nav::Push, move |s| s.sel = Some(id));
            }>{marked(&title, terms)}</a>
    }
}

fn sources_view(row: &Row) -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    let n = row.sources.len();
    let items = row.sources.clone();
    view! {
        <details class="de-exp__sources">
            <summary>{app.tr(|l| text(l).sources)}" ("{n}")"</summary>
            <ul>
                {items.into_iter().map(|(title, url)| view! {
                    <li><a href=url rel="noopener noreferrer" target="_blank" lang="en">{title}</a></li>
                }).collect_any()}
            </ul>
        </details>
    }
}

fn en_attr(en: bool) -> Option<&'static str> {
    en.then_some("en")
}

fn table_row(row: Row, lang: Lang, terms: &[String]) -> impl IntoView {
    let (snip, snip_en) = row.snippet.clone();
    view! {
        <tr>
            <th scope="row">
                {open_link(&row, "t", terms)}
                <p class="de-exp__snippet" lang=en_attr(snip_en)>{marked(&snip, terms)}</p>
                {sources_view(&row)}
            </th>
            <td>{row.date.clone()}</td>
            <td>{marked(&row.parties, terms)}</td>
            <td>{marked(&row.minerals, terms)}</td>
            <td>{row.value.clone()}
                {row.meaning.clone().map(|m| view! { <p class="de-exp__meaning" lang="en">{m}</p> })}
            </td>
            {row.status.clone().map(|s| view! { <td lang="en">{s}</td> })}
            <td>{badge(lang, row.confidence)}</td>
        </tr>
    }
}

fn card(row: Row, lang: Lang, terms: &[String]) -> impl IntoView {
    let t = text(lang);
    let (snip, snip_en) = row.snippet.clone();
    let line = |label: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <p><span class="de-exp__label">{label}": "</span>{marked(&value, terms)}</p> })
    };
    view! {
        <li class="de-exp__card">
            <h3>{open_link(&row, "l", terms)}</h3>
            <p class="de-exp__meta">{row.date.clone()}" · "{row.value.clone()}" "{badge(lang, row.confidence)}</p>
            {row.meaning.clone().map(|m| view! { <p class="de-exp__meaning" lang="en">{m}</p> })}
            {row.status.clone().map(|s| view! { <p><span class="de-exp__label">{t.status}": "</span><span lang="en">{s}</span></p> })}
            {line(t.parties, row.parties.clone())}
            {line(t.minerals, row.minerals.clone())}
            <p class="de-exp__snippet" lang=en_attr(snip_en)>{marked(&snip, terms)}</p>
            {sources_view(&row)}
        </li>
    }
}

/// The width below which results are cards, as in style/explorer.css.
const NARROW: &str = "(max-width: 47.99rem)";

/// Whether the card layout applies, following the viewport (or the embed's iframe) as it changes.
fn narrow_screen() -> RwSignal<bool> {
    let narrow = RwSignal::new(false);
    if let Some(mql) = window().match_media(NARROW).ok().flatten() {
        narrow.set(mql.matches());
        let follow = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
            // The view may be gone by now: then there is nothing to update.
            let _ = narrow.try_set(e.matches());
        });
        use wasm_bindgen::JsCast;
        let _ = mql.add_event_listener_with_callback("change", follow.as_ref().unchecked_ref());
        follow.forget();
    }
    narrow
}

#[component]
pub(super) fn ResultsPane() -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    let t = move || text(app.lang.get());
    let limit = RwSignal::new(PAGE);
    // A new query starts again at the first page. Set only on a change: a set
    // notifies the rows memo's readers even when the value is equal.
    Effect::new(move |_| {
        ex.query.track();
        if limit.get_untracked() != PAGE {
            limit.set(PAGE);
        }
    });
    let shown = move || ex.results.with(|r| r.rows.len());
    let status = live(move || {
        ex.results
            .with(|r| count_text(app, r.rows.len(), r.total, ex.records.get()))
    });
    let rows = Memo::new(move |_| {
        let ix = ex.index();
        let ds = ex.ds();
        let (lang, locale) = (app.lang.get(), app.locale());
        ex.results.with(|r| {
            r.rows
                .iter()
                .take(limit.get())
                .filter_map(|&p| row(&ds, &ix, p, lang, locale))
                .collect::<Vec<_>>()
        })
    });
    let terms = move || ex.query.with(|q| q.terms.clone());
    let name = move || t().records_name(ex.records.get());
    // Build only the layout the screen shows: rebuilding both on every
    // keystroke doubled the work (CSS still hides the other as a fallback).
    let narrow = narrow_screen();
    let deals = move || ex.records.get() == Records::Deals;
    view! {
        <div class="de-exp__results">
            <p role="status" class="de-exp__count">{status}</p>
            {show(move || shown() == 0, move || view! {
                <div class="de-exp__empty">
                    <p><strong>{app.tr(|l| text(l).empty_title)}</strong></p>
                    <p>{app.tr(|l| text(l).empty_hint)}</p>
                </div>
            }.into_any())}
            {show(move || shown() != 0, move || view! {
                {show(move || !narrow.get(), move || view! {
                <table class="de-exp__table" aria-label=name>
                    <thead>
                        <tr>
                            <th scope="col">{app.tr(|l| text(l).col_title)}</th>
                            <th scope="col">{app.tr(|l| text(l).col_date)}</th>
                            <th scope="col">{app.tr(|l| text(l).parties)}</th>
                            <th scope="col">{app.tr(|l| text(l).minerals)}</th>
                            <th scope="col">{move || if deals() { t().col_value } else { t().kind }}</th>
                            {show(deals, move || view! { <th scope="col">{app.tr(|l| text(l).status)}</th> }.into_any())}
                            <th scope="col">{app.tr(|l| text(l).confidence)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let (lang, terms) = (app.lang.get(), terms());
                            rows.get().iter().map(|r| table_row(r.clone(), lang, &terms)).collect_any()
                        }}
                    </tbody>
                </table>
                }.into_any())}
                {show(move || narrow.get(), move || view! {
                <ul class="de-exp__cards" aria-label=name>
                    {move || {
                        let (lang, terms) = (app.lang.get(), terms());
                        rows.get().iter().map(|r| card(r.clone(), lang, &terms)).collect_any()
                    }}
                </ul>
                }.into_any())}
            }.into_any())}
            {show(move || shown() > limit.get(), move || view! {
                <button type="button" class="de-exp__more" on:click=on_click(move |_| limit.update(|l| *l += PAGE))>
                    {app.tr(|l| text(l).show_more)}
                </button>
            }.into_any())}
        </div>
    }
}
