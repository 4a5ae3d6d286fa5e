//! A record's places as its details list them (the deals panel, the
//! timeline's details): each place's name in the reader's language, what kind
//! of place it is and whether its location is approximate, and the addresses
//! its links open: the place on the Map, the records filtered by it.

use crate::data::model::{Dataset, Precision};
use crate::i18n::local;
use crate::i18n::map::MapText;
use crate::i18n::numbers::{plain, Numerals};
use crate::state::url::AppState;
use crate::state::vocab::{Records, View};

/// One place of a record, as its details show it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceLine {
    pub id: String,
    /// The name in the reader's language, and whether it is English.
    pub name: (String, bool),
    /// Its kind, and "approximate" with the area's radius where so.
    pub detail: String,
}

/// The places `ids` name, in the record's order, in `t`'s language; ids the
/// dataset does not know are left out (the validator reports them).
pub fn record_places(ds: &Dataset, ids: &[String], t: &MapText, n: Numerals) -> Vec<PlaceLine> {
    ids.iter()
        .filter_map(|id| ds.place(id))
        .map(|p| {
            let kind = t.kind_name(p.kind);
            let detail = match (p.precision, p.radius_km.and_then(|km| plain(n, km, 0))) {
                (Precision::Approximate, Some(km)) => format!("{kind}{}{}", t.list_separator, (t.approximate)(&km)),
                _ => kind.to_string(),
            };
            PlaceLine { id: p.id.clone(), name: local(n.lang, &p.name, Some(&p.name_ur)), detail }
        })
        .collect()
}

/// The Map view with the place `id` open, the filters cleared.
pub fn on_map(base: &AppState, id: &str) -> AppState {
    AppState { view: View::Map, sel: Some(id.to_string()), ..base.cleared_filters() }
}

/// `records` (deals in the Deals view, events on the timeline) at the place
/// `id`: the filters cleared but `place=`, no record open.
pub fn records_at(base: &AppState, id: &str, records: Records) -> AppState {
    let view = match records {
        Records::Deals => View::Deals,
        Records::Events => View::Timeline,
    };
    AppState { view, records, place: vec![id.to_string()], ..base.cleared_filters() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::vocab::Lang;

    fn dataset() -> Dataset {
        serde_json::from_str(include_str!("../../public/data/deals.json")).expect("deals.json decodes")
    }

    fn numerals(lang: Lang) -> Numerals {
        Numerals { lang, eastern: false }
    }

    fn ids(of: &[&str]) -> Vec<String> {
        of.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_exact_place_says_its_kind_and_an_approximate_one_its_area() {
        let ds = dataset();
        let t = crate::i18n::map::text(Lang::En);
        let lines = record_places(&ds, &ids(&["place-reko-diq", "place-pasni"]), t, numerals(Lang::En));
        let names: Vec<&str> = lines.iter().map(|l| l.name.0.as_str()).collect();
        let reko = ds.place("place-reko-diq").expect("Reko Diq is a place");
        let pasni = ds.place("place-pasni").expect("Pasni is a place");
        assert_eq!(names, [reko.name.as_str(), pasni.name.as_str()], "the record's order");
        assert!(lines.iter().all(|l| l.name.1), "English names are marked English");
        assert_eq!(lines[0].detail, t.kind_name(reko.kind));
        assert!(lines[1].detail.starts_with(t.kind_name(pasni.kind)), "{}", lines[1].detail);
        assert!(lines[1].detail.contains("15 km"), "the area's radius: {}", lines[1].detail);
    }

    #[test]
    fn urdu_names_the_place_in_urdu_and_unknown_ids_are_left_out() {
        let ds = dataset();
        let t = crate::i18n::map::text(Lang::Ur);
        let lines = record_places(&ds, &ids(&["place-nowhere", "place-pasni"]), t, numerals(Lang::Ur));
        let pasni = ds.place("place-pasni").expect("Pasni is a place");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].name, (pasni.name_ur.clone(), false));
        assert!(lines[0].detail.starts_with(t.kind_name(pasni.kind)), "{}", lines[0].detail);
        assert!(lines[0].detail.contains("15"), "{}", lines[0].detail);
        assert!(!lines[0].detail.is_ascii(), "Urdu text: {}", lines[0].detail);
    }

    #[test]
    fn every_place_a_record_names_is_listed() {
        let ds = dataset();
        let t = crate::i18n::map::text(Lang::En);
        let named = ds.deals.iter().map(|d| &d.place_ids).chain(ds.events.iter().map(|e| &e.place_ids));
        for place_ids in named {
            assert_eq!(record_places(&ds, place_ids, t, numerals(Lang::En)).len(), place_ids.len(), "{place_ids:?}");
        }
    }

    #[test]
    fn links_open_the_place_on_the_map_or_its_records_filtered_by_it() {
        let base = AppState::parse("?view=deals&mineral=copper&q=port&sel=deal-exim-reko-diq&lang=ur");
        let map = on_map(&base, "place-reko-diq");
        assert_eq!((map.view, map.sel.as_deref(), map.lang), (View::Map, Some("place-reko-diq"), base.lang));
        assert!(map.mineral.is_empty() && map.q.is_empty() && map.place.is_empty(), "{map:?}");
        let events = records_at(&base, "place-reko-diq", Records::Events);
        assert_eq!((events.view, events.records, events.sel.as_deref()), (View::Timeline, Records::Events, None));
        assert_eq!((events.place, events.mineral.len(), events.lang), (ids(&["place-reko-diq"]), 0, base.lang));
        let deals = AppState::parse(&records_at(&base, "place-reko-diq", Records::Deals).to_query());
        assert_eq!((deals.view, deals.records, deals.place), (View::Deals, Records::Deals, ids(&["place-reko-diq"])));
    }
}
