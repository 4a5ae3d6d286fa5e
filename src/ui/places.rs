//! A record's places in its details (the deals panel and the timeline's
//! details share it): each place a link to it on the Map, its kind, and a link
//! to the records at that place. The text comes from `explore::places`.

use leptos::prelude::*;

use crate::data::model::Dataset;
use crate::explore::places::{on_map, record_places, records_at};
use crate::state::vocab::Records;
use crate::ui::context::{on_click, AppCtx, CollectAny};
use crate::ui::router;

/// The list of the places `ids` (the dataset's names), `records` being the
/// kind of record the details show; nothing where the record names none.
pub fn places_list(app: AppCtx, ds: &Dataset, ids: &[String], records: Records) -> Option<AnyView> {
    let lang = app.lang.get();
    let lines = record_places(ds, ids, crate::i18n::map::text(lang), app.locale().numerals());
    let t = crate::i18n::explorer::text(lang);
    let here = match records {
        Records::Deals => t.deals_here,
        Records::Events => t.events_here,
    };
    let base = app.state.get_untracked();
    (!lines.is_empty()).then(|| {
        view! {
            <ul class="de-places">
                {lines.into_iter().map(|line| {
                    let (map, filtered) = (on_map(&base, &line.id), records_at(&base, &line.id, records));
                    let (name, en) = line.name;
                    view! {
                        <li data-place=line.id>
                            <a href=router::href_for(&map) lang=en.then_some("en") on:click=on_click(router::follow(app, map))>{name}</a>
                            " ("{line.detail}") · "
                            <a href=router::href_for(&filtered) on:click=on_click(router::follow(app, filtered))>{here}</a>
                        </li>
                    }
                }).collect_any()}
            </ul>
        }
        .into_any()
    })
}
