//! The shipped dataset (`public/data/deals.json`) deserializes into the typed
//! model, and a few invariants computed from the data itself hold.
//!
//! This is a shape-and-reference check only; the full rules live in the one
//! validator (`data::validate`, run by `cargo run --bin validate-data`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use deal_explorer::data::date::{parse_instant, Day, PartialDate};
use deal_explorer::data::load::load_str;
use deal_explorer::data::model::{Dataset, Dispute, ExemptionStatus, MeasureLayer, MfnRate};

/// One exemption entry reduced to its range and status.
type Span<'a> = (Option<&'a str>, Option<&'a str>, ExemptionStatus);

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/deals.json");

/// Reads and loads the dataset as the app does; the error says what failed.
fn load() -> Result<Dataset, String> {
    let text = std::fs::read_to_string(PATH).map_err(|e| format!("{PATH}: {e}"))?;
    if text.starts_with('\u{feff}') {
        return Err("deals.json must not start with a BOM".into());
    }
    load_str(&text).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        format!("deals.json does not load:\n{}", lines.join("\n"))
    })
}

fn assert_unique<'a>(kind: &str, ids: impl IntoIterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for id in ids {
        assert!(!id.is_empty(), "empty {kind} id");
        assert!(seen.insert(id), "duplicate {kind} id: {id}");
    }
    seen
}

/// Every source key cited anywhere in the dataset, as (where, key).
fn cited_sources(ds: &Dataset) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |owner: String, keys: &[String]| {
        out.extend(keys.iter().map(|k| (owner.clone(), k.clone())));
    };
    fn disputes(owner: &str, ds: &[Dispute], add: &mut dyn FnMut(String, &[String])) {
        for d in ds {
            for v in &d.versions {
                add(format!("{owner} (dispute '{}')", d.topic), &v.sources);
            }
        }
    }
    for p in &ds.parties {
        add(format!("party {}", p.id), &p.sources);
    }
    for m in &ds.minerals {
        add(format!("mineral {}", m.id), &m.sources);
    }
    for p in &ds.products {
        add(format!("product {}", p.id), &p.sources);
    }
    for d in &ds.deals {
        add(format!("deal {}", d.id), &d.sources);
        disputes(&format!("deal {}", d.id), &d.disputes, &mut add);
    }
    for e in &ds.events {
        add(format!("event {}", e.id), &e.sources);
        disputes(&format!("event {}", e.id), &e.disputes, &mut add);
    }
    for t in &ds.tariff_measures {
        add(format!("measure {}", t.id), &t.sources);
        disputes(&format!("measure {}", t.id), &t.disputes, &mut add);
        for x in &t.exemptions {
            add(
                format!("measure {} exemption {}", t.id, x.product_id),
                &x.sources,
            );
        }
        if let Some(r) = &t.refund {
            add(format!("measure {} refund", t.id), &r.sources);
        }
    }
    for f in &ds.figures {
        add(format!("figure {}", f.id), &f.sources);
    }
    for p in &ds.places {
        add(format!("place {}", p.id), &p.sources);
    }
    out
}

#[test]
fn deserializes_into_the_model() {
    let loaded = load();
    assert!(loaded.is_ok(), "{}", loaded.err().unwrap_or_default());
    let ds = loaded.unwrap();
    assert!(!ds.sources.is_empty());
    assert!(!ds.parties.is_empty());
    assert!(!ds.minerals.is_empty());
    assert!(!ds.products.is_empty());
    assert!(!ds.deals.is_empty());
    assert!(!ds.events.is_empty());
    assert!(!ds.tariff_measures.is_empty());
    assert!(
        Day::parse(&ds.meta.as_of).is_some(),
        "meta.as_of is not YYYY-MM-DD"
    );
    for c in &ds.meta.changelog {
        assert!(Day::parse(&c.date).is_some(), "changelog date {}", c.date);
        assert!(!c.changes.is_empty());
    }
}

#[test]
fn ids_are_unique_per_kind() {
    let ds = load().unwrap();
    assert_unique("source", ds.sources.iter().map(|x| x.id.as_str()));
    assert_unique("party", ds.parties.iter().map(|x| x.id.as_str()));
    assert_unique("mineral", ds.minerals.iter().map(|x| x.id.as_str()));
    assert_unique("product", ds.products.iter().map(|x| x.id.as_str()));
    assert_unique("deal", ds.deals.iter().map(|x| x.id.as_str()));
    assert_unique("event", ds.events.iter().map(|x| x.id.as_str()));
    assert_unique(
        "tariff measure",
        ds.tariff_measures.iter().map(|x| x.id.as_str()),
    );
    assert_unique("figure", ds.figures.iter().map(|x| x.id.as_str()));
}

#[test]
fn every_cited_source_exists_and_urls_are_http() {
    let ds = load().unwrap();
    let known: HashSet<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
    for (owner, key) in cited_sources(&ds) {
        assert!(
            known.contains(key.as_str()),
            "{owner} cites unknown source {key}"
        );
    }
    for s in &ds.sources {
        assert!(
            s.url.starts_with("https://") || s.url.starts_with("http://"),
            "source {} has a non-http(s) URL: {}",
            s.id,
            s.url
        );
        if let Some(d) = &s.date {
            assert!(PartialDate::parse(d).is_some(), "source {} date {d}", s.id);
        }
    }
}

#[test]
fn every_record_cites_a_source_that_is_not_weak() {
    let ds = load().unwrap();
    let weak: HashSet<&str> = ds
        .sources
        .iter()
        .filter(|s| s.tag.as_deref().is_some_and(|t| t.starts_with("weak")))
        .map(|s| s.id.as_str())
        .collect();
    let check = |what: String, keys: &[String]| {
        assert!(!keys.is_empty(), "{what} cites no source");
        assert!(
            keys.iter().any(|k| !weak.contains(k.as_str())),
            "{what} cites only weak sources"
        );
    };
    ds.parties
        .iter()
        .for_each(|x| check(format!("party {}", x.id), &x.sources));
    ds.minerals
        .iter()
        .for_each(|x| check(format!("mineral {}", x.id), &x.sources));
    ds.products
        .iter()
        .for_each(|x| check(format!("product {}", x.id), &x.sources));
    ds.deals
        .iter()
        .for_each(|x| check(format!("deal {}", x.id), &x.sources));
    ds.events
        .iter()
        .for_each(|x| check(format!("event {}", x.id), &x.sources));
    ds.figures
        .iter()
        .for_each(|x| check(format!("figure {}", x.id), &x.sources));
    for t in &ds.tariff_measures {
        check(format!("measure {}", t.id), &t.sources);
        for x in &t.exemptions {
            check(
                format!("measure {} exemption {}", t.id, x.product_id),
                &x.sources,
            );
        }
    }
}

#[test]
fn references_between_records_resolve() {
    let ds = load().unwrap();
    let parties: HashSet<&str> = ds.parties.iter().map(|x| x.id.as_str()).collect();
    let minerals: HashSet<&str> = ds.minerals.iter().map(|x| x.id.as_str()).collect();
    let products: HashSet<&str> = ds.products.iter().map(|x| x.id.as_str()).collect();
    let deals: HashSet<&str> = ds.deals.iter().map(|x| x.id.as_str()).collect();
    let measures: HashSet<&str> = ds.tariff_measures.iter().map(|x| x.id.as_str()).collect();
    let country_ok = |c: &str| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());

    for p in &ds.parties {
        if let Some(c) = &p.country {
            assert!(country_ok(c), "party {} country {c}", p.id);
        }
    }
    for p in &ds.products {
        for m in &p.mineral_ids {
            assert!(
                minerals.contains(m.as_str()),
                "product {} -> mineral {m}",
                p.id
            );
        }
    }
    for d in &ds.deals {
        assert!(!d.party_ids.is_empty(), "deal {} has no party", d.id);
        for p in &d.party_ids {
            assert!(parties.contains(p.as_str()), "deal {} -> party {p}", d.id);
        }
        for m in &d.mineral_ids {
            assert!(
                minerals.contains(m.as_str()),
                "deal {} -> mineral {m}",
                d.id
            );
        }
        for c in &d.countries {
            assert!(country_ok(c), "deal {} country {c}", d.id);
        }
        if let Some(date) = &d.date {
            assert!(
                PartialDate::parse(date).is_some(),
                "deal {} date {date}",
                d.id
            );
        }
        assert!(
            deal_explorer::data::model::DEAL_CATEGORIES
            .contains(&d.category.as_str()),
            "deal {} category {}",
            d.id,
            d.category
        );
        if let Some(v) = d.value.amount_usd {
            assert!(
                v.is_finite() && v > 0.0 && v.fract() == 0.0,
                "deal {} amount {v}",
                d.id
            );
        }
    }
    for e in &ds.events {
        if let Some(deal) = &e.deal_id {
            assert!(
                deals.contains(deal.as_str()),
                "event {} -> deal {deal}",
                e.id
            );
        }
        for p in &e.party_ids {
            assert!(parties.contains(p.as_str()), "event {} -> party {p}", e.id);
        }
        for m in &e.mineral_ids {
            assert!(
                minerals.contains(m.as_str()),
                "event {} -> mineral {m}",
                e.id
            );
        }
        for c in &e.countries {
            assert!(country_ok(c), "event {} country {c}", e.id);
        }
    }
    for t in &ds.tariff_measures {
        for id in t.not_on_top_of.iter().chain(&t.replaces) {
            assert!(
                measures.contains(id.as_str()),
                "measure {} -> measure {id}",
                t.id
            );
            assert_ne!(id, &t.id, "measure {} refers to itself", t.id);
        }
        for x in &t.exemptions {
            assert!(
                products.contains(x.product_id.as_str()),
                "measure {} -> product {}",
                t.id,
                x.product_id
            );
        }
    }
}

#[test]
fn event_dates_parse_and_ranges_are_ordered() {
    let ds = load().unwrap();
    for e in &ds.events {
        let start = PartialDate::parse(&e.date);
        assert!(start.is_some(), "event {} date {:?}", e.id, e.date);
        assert!(
            e.id.starts_with(&e.date),
            "event id {} does not start with its date {}",
            e.id,
            e.date
        );
        if let Some(end) = &e.end_date {
            let end = PartialDate::parse(end);
            assert!(end.is_some(), "event {} end_date {:?}", e.id, e.end_date);
            assert!(
                start.unwrap().first_day <= end.unwrap().last_day(),
                "event {} ends before it starts",
                e.id
            );
        }
    }
}

#[test]
fn tariff_instants_parse_and_periods_are_ordered() {
    let ds = load().unwrap();
    for t in &ds.tariff_measures {
        let from = t.in_force_from.as_deref().map(|s| (s, parse_instant(s)));
        let until = t.in_force_until.as_deref().map(|s| (s, parse_instant(s)));
        if let Some((s, parsed)) = from {
            assert!(parsed.is_some(), "measure {} in_force_from {s}", t.id);
        }
        if let Some((s, parsed)) = until {
            assert!(parsed.is_some(), "measure {} in_force_until {s}", t.id);
        }
        if let (Some((_, Some(a))), Some((_, Some(b)))) = (from, until) {
            assert!(a < b, "measure {} ends before it starts", t.id);
        }
        for r in &t.in_transit {
            let (loaded, entered) = (parse_instant(&r.loaded_before), parse_instant(&r.entered_before));
            assert!(loaded.is_some() && entered.is_some(), "measure {} in-transit instants", t.id);
            assert!(loaded < entered, "measure {}: loaded before {} is not before entered before {}", t.id, r.loaded_before, r.entered_before);
            if let Some(other) = &r.instead {
                assert!(other != &t.id && ds.measure(other).is_some(), "measure {} in transit: instead {other}", t.id);
            }
        }
        for tier in &t.tiers {
            assert!(tier.rate_percent.is_finite() && tier.rate_percent >= 0.0, "measure {} tier rate", t.id);
            for p in &tier.product_ids {
                assert!(ds.product(p).is_some(), "measure {} tier product {p}", t.id);
            }
        }
        match t.layer {
            MeasureLayer::Mfn => assert!(
                t.rate_percent.is_none(),
                "the MFN layer has per-product rates"
            ),
            _ => {
                if let Some(r) = t.rate_percent {
                    assert!(
                        r.is_finite() && r > 0.0 && r <= 100.0,
                        "measure {} rate {r}",
                        t.id
                    );
                }
            }
        }
        for x in &t.exemptions {
            for d in x.from.iter().chain(&x.until) {
                assert!(
                    Day::parse(d).is_some(),
                    "measure {} exemption {} date {d}",
                    t.id,
                    x.product_id
                );
            }
            if let (Some(a), Some(b)) = (&x.from, &x.until) {
                assert!(a < b, "measure {} exemption {} range", t.id, x.product_id);
            }
        }
    }
}

#[test]
fn exemptions_cover_every_product_without_overlap() {
    let ds = load().unwrap();
    for t in ds
        .tariff_measures
        .iter()
        .filter(|t| !t.exemptions.is_empty())
    {
        let mut per_product: HashMap<&str, Vec<Span>> = HashMap::new();
        for x in &t.exemptions {
            per_product.entry(x.product_id.as_str()).or_default().push((
                x.from.as_deref(),
                x.until.as_deref(),
                x.status,
            ));
        }
        for p in &ds.products {
            let entries = per_product.get(p.id.as_str());
            assert!(
                entries.is_some(),
                "measure {} says nothing about product {}",
                t.id,
                p.id
            );
            let mut ranges = entries.unwrap().clone();
            // Sort by start ("" = open start) and check each range starts where the last one ended.
            ranges.sort_by_key(|r| r.0.unwrap_or(""));
            for w in ranges.windows(2) {
                assert_eq!(
                    w[0].1, w[1].0,
                    "measure {} product {}: ranges overlap or leave a gap",
                    t.id, p.id
                );
            }
            assert!(
                ranges.first().unwrap().0.is_none(),
                "measure {} product {}: no status before the first range",
                t.id,
                p.id
            );
            assert!(
                ranges.last().unwrap().1.is_none(),
                "measure {} product {}: no status after the last range",
                t.id,
                p.id
            );
        }
    }
}

#[test]
fn products_and_values_are_sane() {
    let ds = load().unwrap();
    for p in &ds.products {
        match &p.mfn {
            MfnRate::AdValorem { percent } => {
                assert!(percent.is_finite() && *percent >= 0.0, "product {}", p.id)
            }
            MfnRate::Specific {
                cents_per_kg,
                content_of,
                ..
            } => {
                assert!(
                    cents_per_kg.is_finite() && *cents_per_kg > 0.0,
                    "product {}",
                    p.id
                );
                assert!(!content_of.is_empty(), "product {}", p.id);
            }
            MfnRate::Free | MfnRate::Unknown => {}
        }
    }
    for f in &ds.figures {
        if let Some(v) = f.value_usd {
            assert!(v.is_finite() && v > 0.0, "figure {} value_usd {v}", f.id);
        }
    }
}

/// Every place is where some deal or event happens (a place no record names would be a
/// mark with nothing behind it), and the places the story names are there.
#[test]
fn places_are_named_by_records() {
    let ds = load().unwrap();
    let deal_places = ds.deals.iter().flat_map(|d| &d.place_ids);
    let named: HashSet<&String> = deal_places.chain(ds.events.iter().flat_map(|e| &e.place_ids)).collect();
    for p in &ds.places {
        assert!(named.contains(&p.id), "place {} is named by no deal or event", p.id);
    }
    for id in ["place-reko-diq", "place-saindak", "place-pasni", "place-gwadar", "place-port-qasim", "place-pm-house-islamabad"] {
        assert!(ds.place(id).is_some(), "{id} missing");
    }
    let exim = ds.deals.iter().find(|d| d.id == "deal-exim-reko-diq").unwrap();
    assert_eq!(exim.place_ids, ["place-reko-diq"]);
}

/// The boundary file (`scripts/make-boundaries.mjs`' output) has the regions `REGION_IDS` names,
/// in that order, the Kashmir regions marked disputed, and every place lies inside the rings of
/// the province it names.
#[test]
fn boundary_file_holds_every_place_in_its_province() {
    use deal_explorer::data::json_text::{parse, std_parse_number};
    use deal_explorer::data::model::REGION_IDS;
    use deal_explorer::geo::boundary::Boundaries;

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/boundaries.json");
    let text = std::fs::read_to_string(path).unwrap();
    let b = Boundaries::read(&parse(&text, std_parse_number).unwrap()).unwrap();
    assert_eq!(b.skipped, 0);
    let ids: Vec<&str> = b.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, REGION_IDS);
    let disputed: Vec<&str> = b.regions.iter().filter(|r| r.disputed).map(|r| r.id.as_str()).collect();
    assert_eq!(disputed, ["gilgit-baltistan", "azad-kashmir"]);
    // Even-odd rule over every ring of the region.
    let inside = |rings: &[Vec<[f64; 2]>], x: f64, y: f64| {
        let crossings = rings
            .iter()
            .flat_map(|ring| ring.iter().zip(ring.iter().cycle().skip(1)))
            .filter(|([x1, y1], [x2, y2])| (y1 > &y) != (y2 > &y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1))
            .count();
        crossings % 2 == 1
    };
    let ds = load().unwrap();
    for p in &ds.places {
        let region = b.region(&p.province).unwrap();
        assert!(inside(&region.rings, p.lon, p.lat), "{} ({}, {}) is not inside {}", p.id, p.lat, p.lon, p.province);
    }
    assert!(!inside(&b.region("punjab").unwrap().rings, 62.43, 28.97), "Reko Diq is not in Punjab");
    // The story's place steps name regions without the file: the same names.
    let names: Vec<(&str, &str, &str)> = b.regions.iter().map(|r| (r.id.as_str(), r.name.as_str(), r.name_ur.as_str())).collect();
    assert_eq!(names, deal_explorer::i18n::story::REGION_NAMES);
}

/// A story step tells what its record says: it cites some of the record's own
/// sources (never a source the record does not), at least one not weak; the
/// published story walks the deal from the tariffs of April 2025 onward.
#[test]
fn story_steps_cite_their_records_sources() {
    let ds = load().unwrap();
    let weak: HashSet<&str> =
        ds.sources.iter().filter(|s| s.tag.as_deref().is_some_and(|t| t.starts_with("weak"))).map(|s| s.id.as_str()).collect();
    let story = ds.stories.first().expect("the dataset holds a story");
    assert!(story.steps.len() >= 10, "{} steps", story.steps.len());
    for (i, step) in ds.stories.iter().flat_map(|s| s.steps.iter()).enumerate() {
        let own: &[String] = match (&step.event_id, &step.deal_id, &step.place_id) {
            (Some(e), None, None) => &ds.event(e).unwrap_or_else(|| panic!("step {i}: event {e}")).sources,
            (None, Some(d), None) => &ds.deal(d).unwrap_or_else(|| panic!("step {i}: deal {d}")).sources,
            (None, None, Some(p)) => &ds.place(p).unwrap_or_else(|| panic!("step {i}: place {p}")).sources,
            other => panic!("step {i} names {other:?}"),
        };
        assert!(step.sources.iter().all(|s| own.contains(s)), "step {i} ({}) cites a source its record does not", step.headline);
        assert!(step.sources.iter().any(|s| !weak.contains(s.as_str())), "step {i} cites only weak sources");
    }
    let first = story.steps.first().and_then(|s| s.event_id.as_deref());
    assert_eq!(first, Some("2025-04-02-reciprocal-tariffs-announced-pakistan-29"));
}
