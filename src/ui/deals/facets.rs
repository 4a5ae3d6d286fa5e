//! The filter panel: one group of checkboxes per facet (with the count each
//! option would give), the date range and, for deals, the value range.

use leptos::prelude::*;

use crate::ui::context::{show, CollectAny, live};

use super::{option_label, use_explorer};
use crate::i18n::explorer::text;
use crate::state::url::AppState;
use crate::state::rules::{End as Bound, Range};
use crate::state::vocab::{Facet, Lang, Records};
use crate::ui::format;
use crate::ui::router::Nav;

#[component]
pub(super) fn Filters() -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    // Open beside the results on wide screens; folded on phones so the results come first.
    // How many filters are on, so a folded panel still says so.
    let active = move || {
        let n = ex.app.state.with(|s| {
            let bounds = [
                s.from.is_some(),
                s.to.is_some(),
                s.vmin.is_some(),
                s.vmax.is_some(),
            ];
            Facet::ALL
                .iter()
                .map(|f| s.selected(*f).len())
                .sum::<usize>()
                + bounds.iter().filter(|b| **b).count()
        });
        (n > 0).then(|| format!(" ({})", format::number(ex.app.locale(), n as f64, 0)))
    };
    let wide = window()
        .match_media("(min-width: 64rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // The groups come once the rest of the view has painted: the results paint
    // first, and no single task of the first render blocks a slow phone for long.
    // (Folded on phones, or beside the results: nothing else moves when they come.)
    let groups_ready = crate::ui::paint::after_first_paint();
    view! {
        <details class="de-exp__filters" open=wide>
            <summary>{app.tr(|l| text(l).filters)}{active}</summary>
            {show(move || groups_ready.get(), move || view! {
                {Facet::ALL.into_iter().map(|facet| view! { <FacetGroup facet=facet/> }).collect_any()}
                <Range dates=true/>
                {show(move || ex.records.get() == Records::Deals, move || view! {
                    <Range dates=false/>
                }.into_any())}
            }.into_any())}
        </details>
    }
}

#[component]
fn FacetGroup(facet: Facet) -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    let t = move || text(app.lang.get());
    let options = move || {
        let ix = ex.index();
        let ds = ex.ds();
        let lang = app.lang.get();
        ix.options(facet)
            .iter()
            .enumerate()
            .map(|(k, id)| (k, id.clone(), option_label(&ds, ix.kind, facet, id, lang)))
            .collect::<Vec<_>>()
    };
    let toggle = move |id: String, on: bool| app.update(Nav::Push, move |s| s.toggle(facet, &id, on));
    view! {
        {show(move || ex.index().has_facet(facet), move || view! {
            <fieldset class="de-exp__facet">
                <legend>{move || t().facet_name(facet)}</legend>
                <ul class="de-exp__options">
                    {move || options().into_iter().map(|(k, id, (label, en))| {
                        let count_id = format!("de-exp-n-{}-{k}", facet.id());
                        let checked_id = id.clone();
                        let checked = move || app.state.with(|s| s.selected(facet).contains(&checked_id));
                        let count = move || ex.results.with(|r| r.count(facet, k));
                        view! {
                            <li>
                                <label class="de-exp__option" class:de-exp__option--zero=move || count() == 0>
                                    <input type="checkbox" prop:checked=checked aria-describedby=count_id.clone()
                                        on:change=move |ev| toggle(id.clone(), event_target_checked(&ev))/>
                                    <span lang=en.then_some("en")>{label}</span>
                                    <span class="de-exp__n" id=count_id aria-hidden="true">
                                        {live(move || format::number(app.locale(), f64::from(count()), 0))}
                                    </span>
                                </label>
                            </li>
                        }
                    }).collect_any()}
                </ul>
            </fieldset>
        }.into_any())}
    }
}

/// One end of a range filter: its input's id and label, and the end of the state's range it sets.
#[derive(Clone, Copy)]
struct End {
    id: &'static str,
    label: fn(Lang) -> &'static str,
    range: Range,
    end: Bound,
}

const DATES: [End; 2] = [
    End { id: "de-exp-from", label: |l| text(l).from, range: Range::Dates, end: Bound::Low },
    End { id: "de-exp-to", label: |l| text(l).to, range: Range::Dates, end: Bound::High },
];

const VALUES: [End; 2] = [
    End { id: "de-exp-vmin", label: |l| text(l).vmin, range: Range::Values, end: Bound::Low },
    End { id: "de-exp-vmax", label: |l| text(l).vmax, range: Range::Values, end: Bound::High },
];

/// The date range and the value range: one component (one view type) for both.
#[component]
fn Range(dates: bool) -> impl IntoView {
    let app = use_explorer().app;
    let (legend, ends): (fn(Lang) -> &'static str, _) = if dates {
        (|l| text(l).dates, DATES)
    } else {
        (|l| text(l).values, VALUES)
    };
    let input = move |end: End| {
        view! {
            <div class="de-field">
                <label for=end.id>{app.tr(end.label)}</label>
                <input id=end.id type=if dates { "date" } else { "number" }
                    inputmode=(!dates).then_some("numeric")
                    min=if dates { "1990-01-01" } else { "0" }
                    max=dates.then_some("2100-12-31") step=(!dates).then_some("1")
                    prop:value=live(move || app.state.with(|s| s.bound_text(end.range, end.end)).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        app.update(Nav::Push, move |s: &mut AppState| s.set_bound(end.range, end.end, &v));
                    }/>
            </div>
        }
    };
    view! {
        <fieldset class="de-exp__facet de-exp__range">
            <legend>{app.tr(legend)}</legend>
            {ends.into_iter().map(input).collect_any()}
        </fieldset>
    }
}
