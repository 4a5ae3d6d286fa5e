//! Sources view: every source with title, publisher, date and link, and the
//! records that cite it (from the pure `citations` index); searched, filtered
//! and ordered by the pure `crate::sources` from the state in the URL.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::citations::{cited_by, Citation, RecordKind};
use crate::data::model::Source;
use crate::i18n::shell::text;
use crate::i18n::sources::text as stext;
use crate::sources::{kind_of_tag, run, SourceIndex, SourceQuery, SourceResults};
use crate::state::url::AppState;
use crate::state::vocab::{SourceKind, SourceSort, View};
use crate::ui::context::{use_app, AppCtx, CollectAny, show, live, on_click};
use crate::ui::format;
use crate::ui::router::{self, Nav};

/// The view a citing record opens in, where it has one.
fn link_state(base: &AppState, c: &Citation) -> Option<AppState> {
    let view = match c.kind {
        RecordKind::Deal => View::Deals,
        RecordKind::Event => View::Timeline,
        _ => return None,
    };
    Some(AppState { view, sel: Some(c.id.clone()), ..base.cleared_filters() })
}

/// A count in the reader's digits.
fn number(app: AppCtx, n: usize) -> String {
    format::number(app.locale(), n as f64, 0)
}

#[component]
pub fn SourcesView() -> impl IntoView {
    let app = use_app();
    let ds = app.dataset();
    let index = Arc::new(SourceIndex::build(&ds.sources));
    let query = Memo::new(move |_| app.state.with(SourceQuery::from_state));
    let results = {
        let index = index.clone();
        Memo::new(move |_| query.with(|q| run(&index, q)))
    };
    let citations = StoredValue::new(cited_by(&ds));
    let terms = Memo::new(move |_| query.with(|q| q.terms.clone()));
    let count = live(move || {
        results.with(|r| (stext(app.lang.get()).count)(&number(app, r.rows.len()), &number(app, r.total), r.rows.len() == 1))
    });
    let rows = move || results.with(|r| r.rows.clone());
    let sort = Memo::new(move |_| query.with(|q| q.sort));
    let sources = StoredValue::new(ds.clone());
    view! {
        <section class="de-view de-sources" aria-labelledby="de-sources-h">
            <h2 id="de-sources-h">{app.tr(|l| text(l).sources_heading)}</h2>
            <p class="de-muted de-src__intro">{app.tr(|l| text(l).sources_intro)}</p>
            <Toolbar index=index results=results count=count/>
            {show(move || results.with(|r| r.rows.is_empty()), move || view! {
                <div class="de-exp__empty">
                    <p>{app.tr(|l| stext(l).empty)}</p>
                    <button type="button" on:click=on_click(move |_| app.update(Nav::Push, |s| s.clear_source_filters()))>
                        {app.tr(|l| stext(l).clear)}
                    </button>
                </div>
            }.into_any())}
            // Keyed by the source's place in the dataset. The list changes
            // order only with the sort, and a new sort builds it anew, so the
            // keyed list only ever adds and removes rows in place.
            {move || {
                sort.track();
                view! {
                    <ol class="de-source-list">
                        <For each=rows key=|i| *i let:i>
                            {sources.with_value(|ds| ds.sources.get(i).cloned()).map(|s| {
                                let cites = citations.with_value(|c| c.get(&s.id).cloned().unwrap_or_default());
                                source_item(app, s, cites, terms)
                            })}
                        </For>
                    </ol>
                }
            }}
        </section>
    }
}

#[component]
fn Toolbar(
    index: Arc<SourceIndex>,
    results: Memo<SourceResults>,
    count: impl Fn() -> String + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let t = move || stext(app.lang.get());
    let kind_now = move || app.state.with(|s| s.skind.map_or("", SourceKind::id));
    let publisher_now = move || app.state.with(|s| s.publisher.clone().unwrap_or_default());
    let sort_now = move || app.state.with(|s| s.ssort.id());
    let kinds = move || {
        let all = results.with(|r| r.kind_counts.iter().sum::<usize>());
        let first = view! { <option value="" selected=kind_now().is_empty()>{(t().option)(t().all_kinds, &number(app, all))}</option> };
        let rest = SourceKind::ALL.iter().zip(results.with(|r| r.kind_counts)).map(|(&k, n)| {
            view! { <option value=k.id() selected=kind_now() == k.id()>{(t().option)(t().kind_name(k), &number(app, n))}</option> }
        });
        std::iter::once(first).chain(rest).collect_any()
    };
    let publishers = move || {
        let counts = results.with(|r| r.publisher_counts.clone());
        let all: usize = counts.iter().sum();
        let chosen = publisher_now();
        let first = view! { <option value="" selected=chosen.is_empty()>{(t().option)(t().all_publishers, &number(app, all))}</option> };
        let rest = index.publishers.iter().zip(counts).map(|(p, n)| {
            view! { <option value=p.clone() lang="en" selected=*p == chosen>{(t().option)(p, &number(app, n))}</option> }
        });
        std::iter::once(first).chain(rest).collect_any()
    };
    view! {
        <div class="de-src__toolbar">
            {crate::ui::parts::search_box(crate::ui::parts::SearchField {
                id: "de-src-q",
                class: "de-src__search",
                label: |l| stext(l).search,
                hint: |l| stext(l).search_hint,
                read: |s| &s.sq,
                write: AppState::set_source_search,
            })}
            <div class="de-field">
                <label for="de-src-kind">{app.tr(|l| stext(l).kind)}</label>
                <select id="de-src-kind" prop:value=kind_now on:change=move |ev| {
                    let kind = SourceKind::from_id(&event_target_value(&ev));
                    app.update(Nav::Push, move |s| s.skind = kind);
                }>{kinds}</select>
            </div>
            <div class="de-field">
                <label for="de-src-publisher">{app.tr(|l| stext(l).publisher)}</label>
                <select id="de-src-publisher" prop:value=publisher_now on:change=move |ev| {
                    let publisher = event_target_value(&ev);
                    app.update(Nav::Push, move |s| s.set_publisher(&publisher));
                }>{publishers}</select>
            </div>
            <div class="de-field">
                <label for="de-src-sort">{app.tr(|l| stext(l).sort)}</label>
                <select id="de-src-sort" prop:value=sort_now on:change=move |ev| {
                    let sort = SourceSort::from_id(&event_target_value(&ev)).unwrap_or_default();
                    app.update(Nav::Push, move |s| s.ssort = sort);
                }>
                    {SourceSort::ALL.into_iter().map(|s| view! {
                        <option value=s.id() selected=move || sort_now() == s.id()>{move || t().sort_name(s)}</option>
                    }).collect_any()}
                </select>
            </div>
            <p role="status" class="de-src__count">{count}</p>
        </div>
    }
}

/// One source: its title (search words marked), publisher, date, kind of
/// document, and the records that cite it.
fn source_item(app: AppCtx, s: Source, citations: Vec<Citation>, terms: Memo<Vec<String>>) -> impl IntoView {
    let t = move || text(app.lang.get());
    let (date, approx) = (s.date.clone(), s.date_approx);
    let empty = citations.is_empty();
    let title: Arc<str> = s.title.clone().into();
    let kind = kind_of_tag(s.tag.as_deref());
    let marked = move || terms.with(|t| crate::ui::deals::marked(&title, &crate::explore::highlight(&title, t)));
    view! {
        <li class="de-source" id=format!("src-{}", s.id)>
            <p class="de-source__title">
                <a href=s.url.clone() rel="noopener noreferrer" target="_blank" lang="en">{marked}</a>
            </p>
            <p class="de-source__meta">
                <span lang="en">{s.publisher.clone()}</span>
                " · "
                {live(move || match date.as_deref() {
                    // An inferred date says so, as on the timeline.
                    Some(d) if approx => format!("{} ({})", format::data_date(app.locale(), Some(d)), crate::i18n::timeline::text(app.lang.get()).approx),
                    Some(d) => format::data_date(app.locale(), Some(d)),
                    None => t().date_unknown.to_string(),
                })}
                " · "
                <span class=format!("de-src__kind de-src__kind--{}", kind.id())>{move || stext(app.lang.get()).kind_name(kind)}</span>
            </p>
            <details class="de-source__cited">
                <summary>{app.tr(|l| text(l).cited_by)}" ("{citations.len()}")"</summary>
                {show(move || empty, move || view! {
                    <p class="de-muted">{app.tr(|l| text(l).not_cited)}</p>
                }.into_any())}
                <ul>
                    {citations.clone().into_iter().map(citation_item).collect_any()}
                </ul>
            </details>
        </li>
    }
}

fn citation_item(c: Citation) -> impl IntoView {
    let app = use_app();
    let target = app.state.with_untracked(|s| link_state(s, &c));
    match target {
        Some(target) => {
            let href = router::href_for(&target);
            view! {
                <li lang="en"><a href=href on:click=move |ev: leptos::ev::MouseEvent| {
                    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() { return; }
                    ev.prevent_default();
                    let target = target.clone();
                    app.update(Nav::Push, move |s| *s = AppState { lang: s.lang, theme: s.theme, embed: s.embed, ..target });
                }>{c.title.clone()}</a></li>
            }.into_any()
        }
        None => view! { <li lang="en">{c.title.clone()}</li> }.into_any(),
    }
}
