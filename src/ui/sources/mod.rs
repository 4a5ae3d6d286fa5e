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
use crate::state::vocab::{Records, SourceKind, SourceSort};
use crate::ui::context::{use_app, AppCtx, CollectAny, show, live, on_click};
use crate::ui::parts::{search_box, select_field, SearchField, SelectField};
use crate::ui::format;
use crate::ui::router::{self, Nav};

/// The view a citing record opens in, where it has one.
fn link_state(base: &AppState, c: &Citation) -> Option<AppState> {
    let records = match c.kind {
        RecordKind::Deal => Records::Deals,
        RecordKind::Event => Records::Events,
        RecordKind::Place => return Some(crate::explore::places::on_map(base, &c.id)),
        _ => return None,
    };
    Some(base.opening(records, &c.id))
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
    // One memo: the list, its counts and the words it marks, from the state.
    let results = {
        let index = index.clone();
        Memo::new(move |_| run(&index, &app.state.with(SourceQuery::from_state)))
    };
    let citations = StoredValue::new(cited_by(&ds));
    let count = live(move || {
        results.with(|r| (stext(app.lang.get()).count)(&number(app, r.rows.len()), &number(app, r.total), r.rows.len() == 1))
    });
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
            // Built anew when the results change (the search marks follow them):
            // one list type for every change, no keyed-list code in the wasm.
            <ol class="de-source-list">
                {move || results.with(|r| sources.with_value(|ds| {
                    r.rows
                        .iter()
                        .filter_map(|&i| ds.sources.get(i))
                        .map(|s| {
                            let cites = citations.with_value(|c| c.get(&s.id).cloned().unwrap_or_default());
                            source_item(app, s.clone(), cites, &r.terms)
                        })
                        .collect_any()
                }))}
            </ol>
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
    let kinds = move || {
        let (t, now) = (t(), app.state.with(|s| s.skind.map_or("", SourceKind::id)));
        let counts = results.with(|r| r.kind_counts);
        let all = ("", t.all_kinds, counts.iter().sum());
        let each = SourceKind::ALL.iter().zip(counts).map(|(&k, n)| (k.id(), t.kind_name(k), n));
        std::iter::once(all).chain(each).map(|(v, name, n)| option(v.to_string(), (t.option)(name, &number(app, n)), v == now, false)).collect()
    };
    let publishers = move || {
        let counts = results.with(|r| r.publisher_counts.clone());
        let chosen = app.state.with(|s| s.publisher.clone().unwrap_or_default());
        let t = t();
        let all = (String::new(), t.all_publishers, counts.iter().sum());
        let each = index.publishers.iter().zip(counts).map(|(p, n)| (p.clone(), p.as_str(), n));
        std::iter::once(all).chain(each).map(|(v, name, n)| option(v.clone(), (t.option)(name, &number(app, n)), v == chosen, !v.is_empty())).collect()
    };
    let sorts = move || {
        let now = app.state.with(|s| s.ssort);
        SourceSort::ALL.into_iter().map(|s| option(s.id().to_string(), t().sort_name(s).to_string(), s == now, false)).collect()
    };
    view! {
        <div class="de-src__toolbar">
            {search_box(SearchField {
                id: "de-src-q",
                class: "de-src__search",
                label: |l| stext(l).search,
                hint: |l| stext(l).search_hint,
                read: |s| &s.sq,
                write: AppState::set_source_search,
            })}
            {select_field(SelectField {
                id: "de-src-kind",
                label: |l| stext(l).kind,
                value: Arc::new(move || app.state.with(|s| s.skind.map_or("", SourceKind::id).to_string())),
                options: Arc::new(kinds),
                choose: AppState::set_source_kind,
            })}
            {select_field(SelectField {
                id: "de-src-publisher",
                label: |l| stext(l).publisher,
                value: Arc::new(move || app.state.with(|s| s.publisher.clone().unwrap_or_default())),
                options: Arc::new(publishers),
                choose: AppState::set_publisher,
            })}
            {select_field(SelectField {
                id: "de-src-sort",
                label: |l| stext(l).sort,
                value: Arc::new(move || app.state.with(|s| s.ssort.id().to_string())),
                options: Arc::new(sorts),
                choose: AppState::set_source_sort,
            })}
            <p role="status" class="de-src__count">{count}</p>
        </div>
    }
}

/// One option of a filter or order (one view type for all three selects).
/// `english`: a publisher's name, English in either language.
fn option(value: String, label: String, selected: bool, english: bool) -> AnyView {
    view! { <option value=value selected=selected lang=english.then_some("en")>{label}</option> }.into_any()
}

/// One source: its title (search words marked), publisher, date, kind of
/// document, and the records that cite it.
fn source_item(app: AppCtx, s: Source, citations: Vec<Citation>, terms: &[String]) -> AnyView {
    let t = move || text(app.lang.get());
    let (date, approx) = (s.date.clone(), s.date_approx);
    let empty = citations.is_empty();
    let kind = kind_of_tag(s.tag.as_deref());
    let marked = crate::ui::deals::marked(&s.title, &crate::explore::highlight(&s.title, terms));
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
    .into_any()
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
