//! Deals view: the faceted explorer of deals and events. Thin: every figure
//! comes from `crate::explore` through the memos of `Explorer`.

mod detail;
mod export;
mod facets;
mod results;
mod value;

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::model::{Confidence, Dataset, EventCategory};
use crate::data::shards;
use crate::explore::{default_sort, run_with, Index, Query, Recent, Results};
use crate::i18n::explorer::text;
use crate::i18n::local;
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Lang, Records, Sort, SortKey};
use crate::ui::context::{live, show, use_app, AppCtx, CollectAny, on_click};
use crate::ui::format;
use crate::ui::router::Nav;

/// What the parts of the view share: the two indexes and the derived memos.
#[derive(Clone, Copy)]
pub(crate) struct Explorer {
    pub app: AppCtx,
    pub records: Memo<Records>,
    pub query: Memo<Query>,
    pub results: Memo<Results>,
    /// The record the address named when the view opened, until its panel
    /// opens: that panel is not placed beside a row the reader did not click.
    pub arrived_with: StoredValue<Option<String>>,
}

impl Explorer {
    fn new(app: AppCtx) -> Explorer {
        let records = Memo::new(move |_| app.state.with(|s| s.records));
        let pick = move |r: Records| app.index(r);
        let query = Memo::new(move |_| {
            let ix = pick(records.get());
            app.state.with(|s| Query::from_state(s, &ix))
        });
        // Recent searches of each kind of record: a keystroke that deletes a
        // letter finds its search there, one that adds a letter scans only
        // what the search before let through (`explore::Recent`).
        let recent: StoredValue<[Recent; 2]> = StoredValue::new(Default::default());
        let results = Memo::new(move |_| {
            let kind = records.get();
            let ix = pick(kind);
            let slot = match kind {
                Records::Deals => 0,
                Records::Events => 1,
            };
            query.with(|q| {
                if q.lang == Lang::Ur && q.sort.key == SortKey::Title {
                    format::urdu_title_order(&ix, &app.dataset());
                }
                recent
                    .try_update_value(|r| r.get_mut(slot).map(|recent| run_with(&ix, q, recent)))
                    .flatten()
                    .unwrap_or_else(|| crate::explore::run(&ix, q))
            })
        });
        Explorer {
            app,
            records,
            query,
            results,
            arrived_with: StoredValue::new(app.state.with_untracked(|s| s.sel.clone())),
        }
    }

    /// The index of the records shown (tracked).
    pub fn index(&self) -> Arc<Index> {
        self.app.index(self.records.get())
    }

    pub fn ds(&self) -> Arc<Dataset> {
        self.app.dataset()
    }
}

pub(crate) fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}

/// Text with the search matches (`explore::highlight`'s ranges) wrapped in `<mark>` (never as HTML).
pub(crate) fn marked(text: &str, ranges: &[(usize, usize)]) -> AnyView {
    crate::explore::fold::split_marked(text, ranges)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// The display name of a facet option, and whether it is English dataset text.
pub(crate) fn option_label(
    ds: &Dataset,
    kind: Records,
    facet: Facet,
    id: &str,
    lang: Lang,
) -> (String, bool) {
    let t = text(lang);
    let shell = crate::i18n::shell::text(lang);
    let fixed = |s: Option<&'static str>| {
        (
            s.map_or_else(|| id.to_string(), str::to_string),
            s.is_none(),
        )
    };
    match facet {
        Facet::Mineral => ds.mineral(id).map_or((id.to_string(), true), |m| {
            local(lang, &m.name, m.name_ur.as_deref())
        }),
        Facet::Party => ds.party(id).map_or((id.to_string(), true), |p| {
            local(lang, &p.name, p.name_ur.as_deref())
        }),
        Facet::Country => fixed(t.country(id)),
        Facet::Kind if kind == Records::Events => {
            fixed(EventCategory::from_id(id).map(|c| shell.category(c)))
        }
        Facet::Kind => fixed(t.deal_category(id)),
        Facet::Status => (t.status_bucket(id).to_string(), false),
        Facet::Confidence => fixed(Confidence::from_id(id).map(|c| shell.confidence(c))),
        Facet::Place => crate::explore::place_named(ds, id).map_or((id.to_string(), true), |p| local(lang, &p.name, Some(&p.name_ur))),
    }
}

#[component]
pub fn DealsView() -> impl IntoView {
    let app = use_app();
    let ex = Explorer::new(app);
    provide_context(ex);
    view! {
        <section class="de-view de-exp" aria-labelledby="de-exp-h">
            <h2 id="de-exp-h" class="de-visually-hidden">{app.tr(|l| text(l).heading)}</h2>
            <Toolbar/>
            {show(move || app.state.with(|s| s.place.iter().any(|id| crate::explore::place_named(&app.dataset(), id).is_some())), || view! {
                <crate::ui::parts::ActiveFilters records=Records::Deals only=Some(Facet::Place)/>
            }.into_any())}
            <div class="de-exp__body">
                <facets::Filters/>
                <results::ResultsPane/>
            </div>
            {record_panel(app)}
        </section>
    }
}

pub(crate) use detail::Detail as RecordPanel;
pub(crate) use export::{download as write_export, Download};

/// The record panel (`detail`), in a wasm part of its own (`views::record_panel`)
/// fetched when a record is first selected (`views::on_demand`): a reader who only
/// reads the list never downloads it.
fn record_panel(app: AppCtx) -> AnyView {
    crate::ui::views::on_demand(
        move || app.state.with(|s| s.sel.is_some()),
        crate::ui::views::preload_record_panel,
        crate::ui::views::render_record_panel,
    )
}

#[component]
fn Toolbar() -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    let t = move || text(app.lang.get());
    // Back/forward or "Clear filters" change the text; typing never gets overwritten.
    let sorts = move || {
        let keys: &[SortKey] = match ex.records.get() {
            Records::Deals => &[SortKey::Date, SortKey::Value, SortKey::Title],
            Records::Events => &[SortKey::Date, SortKey::Title],
        };
        keys.iter()
            .flat_map(|&key| [true, false].map(|descending| Sort { key, descending }))
            .collect::<Vec<_>>()
    };
    let current_sort = move || {
        app.state
            .with(|s| s.sort.unwrap_or(default_sort(s.records)).id())
    };
    let deals = move || ex.records.get() == Records::Deals;
    let by_value = move || deals() && app.state.with(|s| s.sort.is_some_and(|o| o.key == SortKey::Value));
    // The sources' outlets and addresses are their Detail layer: written once it is in. The
    // writing is in the `extras` part (`views::export_results`), fetched on the first click.
    let missing = RwSignal::new(false);
    let export = move |json: bool| {
        app.after_data(shards::with_details(&app.state.get_untracked()), move || {
            let download = Download {
                ds: ex.ds(),
                ix: untrack(|| ex.index()),
                positions: ex.results.with_untracked(|r| r.rows.clone()),
                state: app.state.get_untracked(),
                json,
            };
            leptos::task::spawn_local(async move {
                missing.set(crate::ui::views::export_results(download).await.is_err());
            });
        })
    };
    view! {
        <div class="de-exp__toolbar">
            <fieldset class="de-exp__records">
                <legend>{app.tr(|l| text(l).records)}</legend>
                {[Records::Deals, Records::Events].into_iter().map(|r| view! {
                    <label class="de-exp__radio">
                        <input type="radio" name="de-exp-records" value=r.id()
                            prop:checked=move || ex.records.get() == r
                            on:change=move |_| app.update(Nav::Push, move |s| s.set_records(r))/>
                        {move || t().records_name(r)}
                    </label>
                }).collect_any()}
            </fieldset>
            <div class="de-field de-exp__sort">
                <label for="de-exp-sort">{app.tr(|l| text(l).sort)}</label>
                <select id="de-exp-sort" aria-describedby=move || by_value().then_some("de-exp-sort-note") prop:value=current_sort on:change=move |ev| {
                    let chosen = Sort::parse(&event_target_value(&ev));
                    app.update(Nav::Push, move |s| s.sort = chosen.filter(|c| *c != default_sort(s.records)));
                }>
                    {move || sorts().into_iter().map(|s| view! {
                        <option value=s.id() selected=s.id() == current_sort()>{t().sort_name(s)}</option>
                    }).collect_any()}
                </select>
                {show(by_value, move || view! {
                    <p id="de-exp-sort-note" class="de-muted de-exp__sort-note">{app.tr(|l| text(l).value_sort_note)}</p>
                }.into_any())}
            </div>
            {crate::ui::parts::search_box(crate::ui::parts::SearchField {
                id: "de-exp-q",
                class: "de-exp__search",
                label: |l| text(l).search,
                hint: |l| text(l).search_hint,
                read: |s| &s.q,
                write: AppState::set_search,
            })}
            <div class="de-exp__actions">
                <button type="button" on:click=on_click(move |_| app.update(Nav::Push, |s| *s = s.cleared_filters()))>
                    {app.tr(|l| text(l).clear)}
                </button>
                <button type="button" on:click=on_click(move |_| export(false))>{app.tr(|l| text(l).download_csv)}</button>
                <button type="button" on:click=on_click(move |_| export(true))>{app.tr(|l| text(l).download_json)}</button>
                {show(move || missing.get(), move || view! {
                    <span role="status">{app.tr(|l| crate::i18n::shell::text(l).part_missing)}</span>
                }.into_any())}
            </div>
        </div>
    }
}

/// The switch that brings in background records (not US–Pakistan deals), beside
/// the count it changes; described by how many records it adds. Deals only.
pub(crate) fn background_switch(ex: Explorer) -> AnyView {
    let app = ex.app;
    let hint = live(move || {
        let ix = ex.index();
        let n = ix.in_scope(true) - ix.in_scope(false);
        (text(app.lang.get()).background_hint)(&format::number(app.locale(), n as f64, 0))
    });
    show(move || ex.records.get() == Records::Deals, move || view! {
        <span class="de-exp__scope">
            <label class="de-exp__radio">
                <input type="checkbox" id="de-exp-bg" aria-describedby="de-exp-bg-hint"
                    prop:checked=move || app.state.with(|st| st.bg)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        app.update(Nav::Push, move |st| st.bg = on);
                    }/>
                {app.tr(|l| text(l).background_switch)}
            </label>
            <span id="de-exp-bg-hint" class="de-muted de-exp__scope-hint">{hint.clone()}</span>
        </span>
    }.into_any()).into_any()
}

/// The results count sentence, numbers in the reader's digits.
pub(crate) fn count_text(app: AppCtx, shown: usize, total: usize, r: Records) -> String {
    let locale = app.locale();
    (text(app.lang.get()).count)(
        &format::number(locale, shown as f64, 0),
        &format::number(locale, total as f64, 0),
        shown == 1,
        r,
    )
}
