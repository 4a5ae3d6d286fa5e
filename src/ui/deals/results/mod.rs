//! The results: count (a live region), a table on wide screens and a card list
//! on narrow ones (CSS shows one; the other is display:none), one page at a
//! time with "Show more", and the empty state.

mod keep;
mod row;

use leptos::prelude::*;

use keep::{keep_rows, Follow, Key, RowFollow};
use row::Row;

use crate::data::shards;
use crate::ui::context::{show, use_app, CollectAny, live, on_click};

use super::{count_text, marked, use_explorer};
use crate::ui::parts::{badge, el};
use crate::i18n::explorer::text;
use crate::state::vocab::{Lang, Records};
use crate::ui::router::{self, Nav};

/// Rows rendered per page: enough to scan, few enough that a keystroke re-renders within a frame.
const PAGE: usize = 50;

/// Text with the current terms marked. The matches are a memo of their own:
/// a keystroke that leaves this text's matches as they were (most texts, for
/// most keystrokes) leaves its nodes alone. One closure type for every marked text.
fn marks(text: String, terms: RwSignal<Vec<String>>) -> impl IntoView {
    let text: std::sync::Arc<str> = text.into();
    let ranges = {
        let text = text.clone();
        Memo::new(move |_| terms.with(|t| crate::explore::highlight(&text, t)))
    };
    move || ranges.with(|r| marked(&text, r))
}

/// A link to the record's detail; `place` keeps the ids of the table and the list apart.
/// The address carries the current query, so it follows the state while the row is kept.
fn open_link(row: &Row, place: &'static str, follow: RowFollow) -> impl IntoView {
    let app = use_explorer().app;
    let id = row.id.clone();
    let sel = id.clone();
    let href = live(move || follow.links.with(|(path, query)| router::href_in(path, &query.with(&sel))));
    let (title, en) = row.title.clone();
    view! {
        <a href=href id=format!("de-exp-{place}-{id}") class="de-exp__open" lang=en.then_some("en")
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 { return; }
                ev.prevent_default();
                let id = id.clone();
                app.update(Nav::Push, move |s| s.sel = Some(id));
            }>{marks(title, follow.terms)}</a>
    }
}

/// The sources behind a native details/summary. The list is built when the
/// details is first opened: few readers open it, and 50 rows of links cost
/// hundreds of elements on every new page of results. Their titles and
/// addresses are the sources' Detail layer (`data::shards::BRIEF`): the list
/// shows once it is in.
fn sources_view(row: &Row, lang: Lang) -> impl IntoView {
    let app = use_app();
    let n = row.sources.len();
    let ids = row.sources.clone();
    let opened = RwSignal::new(false);
    view! {
        <details class="de-exp__sources" on:toggle=move |_| {
            if !opened.get_untracked() {
                app.after_data(shards::with_sources(&app.state.get_untracked()), move || opened.set(true));
            }
        }>
            <summary>{text(lang).sources}" ("{n}")"</summary>
            {move || opened.get().then(|| {
                let ds = app.dataset();
                view! {
                    <ul>
                        {ids.iter().filter_map(|id| ds.source(id)).map(|s| view! {
                            <li><a href=s.url.clone() rel="noopener noreferrer" target="_blank" lang="en">{s.title.clone()}</a></li>
                        }).collect_any()}
                    </ul>
                }
            })}
        </details>
    }
}

fn en_attr(en: bool) -> Option<&'static str> {
    en.then_some("en")
}

/// " +2 more" after a row's first parties, or nothing.
fn more_parties(row: &Row) -> AnyView {
    match row.more_parties.clone() {
        Some(more) => vec![" ".into_any(), el("span", Some("de-exp__more-n"), None, vec![more.into_any()])].into_any(),
        None => ().into_any(),
    }
}

/// A deal's figure with its kind, confidence and meaning; an event's category.
fn value_cell(row: &Row, lang: Lang) -> AnyView {
    match row.value_facts.clone() {
        Some(facts) => facts.view(row.value.clone(), lang),
        None => row.value.clone().into_any(),
    }
}

/// The record's link, and "Background" after the title of a record that is not a US–Pakistan deal.
fn title(row: &Row, place: &'static str, follow: RowFollow, lang: Lang) -> Vec<AnyView> {
    let mut title = vec![open_link(row, place, follow).into_any()];
    if row.background {
        title.push(" ".into_any());
        title.push(el("span", Some("de-badge de-badge--background"), None, vec![text(lang).background.into_any()]));
    }
    title
}

/// The summary's first words, with the search marks.
fn snippet(row: &Row, terms: RwSignal<Vec<String>>) -> AnyView {
    let (snip, en) = row.snippet.clone();
    el("p", Some("de-exp__snippet"), en_attr(en), vec![marks(snip, terms).into_any()])
}

fn table_row(row: Row, lang: Lang, follow: RowFollow) -> AnyView {
    let terms = follow.terms;
    let td = |children: Vec<AnyView>| el("td", None, None, children);
    let mut head = title(&row, "t", follow, lang);
    head.extend([snippet(&row, terms), sources_view(&row, lang).into_any()]);
    let mut cells = vec![
        leptos::html::th().scope("row").child(head).into_any(),
        td(vec![row.date.clone().into_any()]),
        td(vec![marks(row.parties.clone(), terms).into_any(), more_parties(&row)]),
        td(vec![marks(row.minerals.clone(), terms).into_any()]),
        td(vec![value_cell(&row, lang)]),
    ];
    if let Some((status, en)) = row.status.clone() {
        cells.push(el("td", None, en_attr(en), vec![status.into_any()]));
    }
    cells.push(td(vec![badge(lang, row.confidence).into_any()]));
    el("tr", None, None, cells)
}

fn card(row: Row, lang: Lang, follow: RowFollow) -> AnyView {
    let terms = follow.terms;
    let t = text(lang);
    let label = |label: &'static str| el("span", Some("de-exp__label"), None, vec![label.into_any(), ": ".into_any()]);
    let mut items = vec![
        el("h3", None, None, title(&row, "l", follow, lang)),
        el("p", Some("de-exp__meta"), None, vec![row.date.clone().into_any(), " ".into_any(), badge(lang, row.confidence).into_any()]),
        value_cell(&row, lang),
    ];
    if let Some((status, en)) = row.status.clone() {
        items.push(el("p", None, None, vec![label(t.status), el("span", None, en_attr(en), vec![status.into_any()])]));
    }
    for (name, value, more) in [(t.parties, row.parties.clone(), true), (t.minerals, row.minerals.clone(), false)] {
        if !value.is_empty() {
            let more = if more { more_parties(&row) } else { ().into_any() };
            items.push(el("p", None, None, vec![label(name), marks(value, terms).into_any(), more]));
        }
    }
    items.extend([snippet(&row, terms), sources_view(&row, lang).into_any()]);
    el("li", Some("de-exp__card"), None, items)
}

/// The width below which results are cards, as in style/explorer.css.
const NARROW: &str = "(max-width: 47.99rem)";

#[component]
pub(super) fn ResultsPane() -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    let t = move || text(app.lang.get());
    let limit = RwSignal::new(PAGE);
    // A new query starts again at the first page. Set only on a change: a set
    // notifies the keys memo's readers even when the value is equal.
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
    // The rows shown as keys; a keystroke that keeps the same records changes nothing here.
    let keys = Memo::new(move |_| {
        let (records, locale) = (ex.records.get(), app.locale());
        ex.results.with(|r| {
            r.rows
                .iter()
                .take(limit.get())
                .map(|&position| Key { records, position, locale })
                .collect::<Vec<_>>()
        })
    });
    let follow = Follow {
        terms: Memo::new(move |_| ex.query.with(|q| q.terms.clone())),
        links: Memo::new(move |_| app.state.with(|s| (router::page_path(), s.sel_query()))),
    };
    let name = move || t().records_name(ex.records.get());
    // Build only the layout the screen shows: rebuilding both on every
    // keystroke doubled the work (CSS still hides the other as a fallback).
    let narrow = crate::ui::web::media_query(NARROW);
    let deals = move || ex.records.get() == Records::Deals;
    view! {
        <div class="de-exp__results">
            <div class="de-exp__head">
                <p role="status" class="de-exp__count">{status}</p>
                {super::background_switch(ex)}
            </div>
            {show(move || shown() == 0, move || el("div", Some("de-exp__empty"), None, vec![
                el("p", None, None, vec![el("strong", None, None, vec![app.tr(|l| text(l).empty_title).into_any()])]),
                el("p", None, None, vec![app.tr(|l| text(l).empty_hint).into_any()]),
            ]))}
            {show(move || shown() != 0, move || view! {
                {show(move || !narrow.get(), move || {
                let body = NodeRef::<leptos::html::Tbody>::new();
                keep_rows(Box::new(move || body.get().map(Into::into)), keys, follow, table_row);
                view! {
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
                    <tbody node_ref=body></tbody>
                </table>
                }.into_any()})}
                {show(move || narrow.get(), move || {
                let list = NodeRef::<leptos::html::Ul>::new();
                keep_rows(Box::new(move || list.get().map(Into::into)), keys, follow, card);
                view! { <ul class="de-exp__cards" aria-label=name node_ref=list></ul> }.into_any()
                })}
            }.into_any())}
            {show(move || shown() > limit.get(), move || view! {
                <button type="button" class="de-exp__more" on:click=on_click(move |_| limit.update(|l| *l += PAGE))>
                    {app.tr(|l| text(l).show_more)}
                </button>
            }.into_any())}
        </div>
    }
}
