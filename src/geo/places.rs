//! The dataset's places on the map: which show under the URL's filters, what
//! each mark is, and what a place's details list (its records and minerals).

use std::sync::Arc;

use crate::data::model::{Dataset, Deal, Event, Place, Precision};
use crate::explore::{run, Index, Query};
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Lang, Records};

use super::layout::PlaceMark;
use super::path::Shape;
use super::show::{shown, Shown};
use super::LonLat;

/// The filters the map follows (the explorer's `q`, `mineral`, `party`,
/// `from`, `to`), without the rest of the state: the deals' categories or
/// statuses mean nothing to events and the reverse.
pub fn map_filters(state: &AppState) -> AppState {
    AppState {
        q: state.q.clone(),
        mineral: state.mineral.clone(),
        party: state.party.clone(),
        from: state.from,
        to: state.to,
        bg: state.bg,
        ..AppState::default()
    }
}

/// Whether any of the map's filters applies (`place=` aside).
pub fn filtered(state: &AppState) -> bool {
    crate::timeline::filters_apply(&map_filters(state))
}

/// Whether `q` resolved some of the ids `state` selects for `facet` (an index
/// has options only for the minerals and parties its records name).
fn resolves(q: &Query, state: &AppState, facet: Facet) -> bool {
    state.selected(facet).is_empty() || q.selected.get(facet as usize).is_some_and(|k| !k.is_empty())
}

/// The ids of the places `place=` names, by id or without its `place-` prefix
/// (as the explorer reads them); ids no place has are ignored, as every view
/// ignores an id it does not know.
pub fn chosen(ds: &Dataset, state: &AppState) -> Vec<String> {
    let named = |p: &Place| state.place.iter().any(|c| *c == p.id || p.id.strip_prefix("place-") == Some(c.as_str()));
    ds.places.iter().filter(|p| named(p)).map(|p| p.id.clone()).collect()
}

/// Whether the map shows a choice of the places: a filter or `place=` applies.
pub fn narrowed(ds: &Dataset, state: &AppState) -> bool {
    filtered(state) || !chosen(ds, state).is_empty()
}

/// The places the map shows for `state`, `chosen` being `place=`'s known ids (`chosen`). With
/// no filter every deal and event counts (no index is built); with one, the
/// explorer engine decides which records match, so filtering exists once.
/// A mineral or party no deal names lets no deal through (the engine alone
/// would ignore an id its index has no option for), and ids no record of
/// either kind names are ignored, as every view ignores them.
pub fn shown_places(ds: &Dataset, state: &AppState, chosen: &[String], index: impl Fn(Records) -> Arc<Index>) -> Vec<Shown> {
    let ids: Vec<&str> = ds.places.iter().map(|p| p.id.as_str()).collect();
    let all = || ds.deals.iter().map(|d| d.place_ids.as_slice()).chain(ds.events.iter().map(|e| e.place_ids.as_slice()));
    let mut filters = map_filters(state);
    if !filtered(&filters) {
        return shown(&ids, all(), false, chosen);
    }
    let indexes = [(Records::Deals, index(Records::Deals)), (Records::Events, index(Records::Events))];
    let query = |f: &AppState, records: Records, ix: &Index| Query::from_state(&AppState { records, ..f.clone() }, ix);
    for facet in [Facet::Mineral, Facet::Party] {
        if !indexes.iter().any(|(r, ix)| resolves(&query(&filters, *r, ix), &filters, facet)) {
            match facet {
                Facet::Mineral => filters.mineral.clear(),
                _ => filters.party.clear(),
            }
        }
    }
    if !filtered(&filters) {
        return shown(&ids, all(), false, chosen);
    }
    let mut matching: Vec<&[String]> = Vec::new();
    for (records, ix) in &indexes {
        let q = query(&filters, *records, ix);
        if ![Facet::Mineral, Facet::Party].iter().all(|&f| resolves(&q, &filters, f)) {
            continue;
        }
        for source in run(ix, &q).rows.iter().filter_map(|&r| ix.records.get(r as usize)).map(|r| r.source as usize) {
            let ids = match records {
                Records::Deals => ds.deals.get(source).map(|d| d.place_ids.as_slice()),
                Records::Events => ds.events.get(source).map(|e| e.place_ids.as_slice()),
            };
            matching.extend(ids);
        }
    }
    shown(&ids, matching, true, chosen)
}

/// A place's label in the reader's language.
pub fn place_name(p: &Place, lang: Lang) -> &str {
    match lang {
        Lang::Ur if !p.name_ur.trim().is_empty() => &p.name_ur,
        _ => &p.name,
    }
}

/// The marks of the places shown: shape by kind, approximate places as areas,
/// labels in the reader's language, weighed by their matching records.
pub fn marks<'a>(ds: &'a Dataset, shown: &[Shown], lang: Lang) -> Vec<PlaceMark<'a>> {
    shown
        .iter()
        .filter_map(|s| {
            let p = ds.places.get(s.place)?;
            Some(PlaceMark {
                at: LonLat { lon: p.lon, lat: p.lat },
                shape: Shape::of_kind(p.kind.id()),
                radius_km: match p.precision {
                    Precision::Approximate => p.radius_km,
                    Precision::Exact => None,
                },
                label: place_name(p, lang),
                priority: s.records,
            })
        })
        .collect()
}

/// What a place's details list: the deals and events that name it (dataset
/// order) and the minerals they concern (the dataset's mineral order).
pub struct PlaceRecords<'a> {
    pub deals: Vec<&'a Deal>,
    pub events: Vec<&'a Event>,
    pub mineral_ids: Vec<&'a str>,
}

pub fn records_at<'a>(ds: &'a Dataset, place_id: &str) -> PlaceRecords<'a> {
    let names = |ids: &[String]| ids.iter().any(|i| i == place_id);
    let deals: Vec<&Deal> = ds.deals.iter().filter(|d| names(&d.place_ids)).collect();
    let events: Vec<&Event> = ds.events.iter().filter(|e| names(&e.place_ids)).collect();
    let cited = |m: &str| {
        deals.iter().any(|d| d.mineral_ids.iter().any(|i| i == m)) || events.iter().any(|e| e.mineral_ids.iter().any(|i| i == m))
    };
    let mineral_ids = ds.minerals.iter().map(|m| m.id.as_str()).filter(|m| cited(m)).collect();
    PlaceRecords { deals, events, mineral_ids }
}
