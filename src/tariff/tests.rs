//! Cases written by hand from the legal texts and the published lists, each
//! naming the measure it exercises and the source that settles it, run
//! against the real dataset file; property tests over every product and date.

use super::duty::{estimate, Base, Estimate, Missing, RowKind, Shipment};
use super::money::Cents;
use super::parse::InputError;
use super::regimes::{at_scale, find, regimes, saving, ScaleBase};
use super::*;
use crate::data::model::{Dataset, ExemptionStatus, MeasureLayer};
use proptest::prelude::*;
use std::sync::OnceLock;

fn real() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/deals.json");
        let text = std::fs::read_to_string(path).expect("public/data/deals.json");
        serde_json::from_str(&text).expect("dataset parses")
    })
}

#[test]
fn the_calculator_starts_with_a_deal_minerals_ore() {
    // Copper ores need a metal content; antimony ores (the USSM–FWO deal's mineral) need nothing more.
    let p = default_product(real()).expect("a product");
    assert_eq!(p.hts.as_deref(), Some("2617.10.00"), "{}", p.description);
    assert_eq!(needs(p), Needs::default());
    // Without deals, the first product needing nothing beyond value and date.
    let no_deals = Dataset { deals: Vec::new(), ..real().clone() };
    let p = default_product(&no_deals).expect("a product");
    assert_eq!(p.hts.as_deref(), Some("7401.00.00"), "{}", p.description);
}

const MILLION: Cents = 100_000_000; // $1,000,000 in cents

fn day(s: &str) -> Day {
    Day::parse(s).expect("test date")
}

fn ship(value: Cents, date: &str) -> Shipment {
    Shipment {
        value,
        day: day(date),
        loaded: None,
        grams: None,
        content: None,
        surcharge: None,
        mfn: None,
    }
}

fn run<'a>(ds: &'a Dataset, product: &str, s: &Shipment) -> Estimate<'a> {
    let p = find_product(ds, product).expect("product");
    estimate(ds, p, s).expect("estimate")
}

/// Entered on `date`, loaded on `loaded`.
fn shipped(value: Cents, date: &str, loaded: &str) -> Shipment {
    Shipment {
        loaded: Some(day(loaded)),
        ..ship(value, date)
    }
}

/// The rated country measures charged on an estimate.
fn country_layers<'a>(e: &'a Estimate<'_>) -> Vec<&'a str> {
    e.rows
        .iter()
        .filter_map(|r| r.measure)
        .filter(|m| m.layer == MeasureLayer::Country)
        .map(|m| m.id.as_str())
        .collect()
}

const C: Cents = 1_000_000; // 1% of $1M, in cents

#[test]
fn other_goods_owe_one_answer_on_each_side_of_every_change() {
    // "Other goods" are on none of the exemption lists: the headline rate, one answer.
    // EO 14257 (10% from 2025-04-05), EO 14266 (29% for the entry day of 9 April only),
    // EO 14326 (19% from 2025-08-07, collection stopped 2026-02-24 per CSMS #67834313),
    // Proclamation 11012 (Section 122, 2026-02-24 to 2026-07-23), FR Doc 2026-15181 (from 2026-07-24).
    let cases = [
        ("2025-04-04", 0, None),
        ("2025-04-05", 10 * C, Some("tm-ieepa-baseline-10")),
        ("2025-04-08", 10 * C, Some("tm-ieepa-baseline-10")),
        ("2025-04-09", 29 * C, Some("tm-ieepa-pk-29")),
        ("2025-04-10", 10 * C, Some("tm-ieepa-baseline-10")),
        ("2025-08-06", 10 * C, Some("tm-ieepa-baseline-10")),
        ("2025-08-07", 19 * C, Some("tm-ieepa-pk-19")),
        ("2026-02-23", 19 * C, Some("tm-ieepa-pk-19")),
        ("2026-02-24", 10 * C, Some("tm-sec122")),
        ("2026-07-23", 10 * C, Some("tm-sec122")),
        ("2026-07-24", 10 * C, Some("tm-sec301-forced-labor")),
    ];
    for (date, total, layer) in cases {
        let e = run(real(), "prod-other", &ship(MILLION, date));
        assert_eq!((e.low, e.high), (total, total), "prod-other entered {date}");
        assert_eq!(country_layers(&e), Vec::from_iter(layer), "{date}");
    }
}

#[test]
fn the_29_percent_applied_to_goods_entered_at_any_time_on_9_april_2025() {
    // EO 14266 sec. 4 and CBP CSMS #64701128 (mondaq-1611232, thompsonhine-2025-04-pause):
    // the suspension took effect for goods entered from 12:01 a.m. EDT on 10 April 2025.
    let e = run(real(), "prod-other", &ship(MILLION, "2025-04-09"));
    assert_eq!((e.low, e.high), (29 * C, 29 * C), "not a range: the whole day owed 29%");
    assert_eq!(country_layers(&e), ["tm-ieepa-pk-29"], "the 29% replaces the 10% baseline");
    let e = run(real(), "prod-other", &ship(MILLION, "2025-04-10"));
    assert_eq!((e.low, e.high), (10 * C, 10 * C));
    // A line on Annex II owed neither (HTSUS note 2(v)(iii)(a) lists 2617.10.00).
    let e = run(real(), "2617.10.00", &ship(MILLION, "2025-04-09"));
    assert_eq!((e.low, e.high), (0, 0));
    assert!(e.outcomes.is_empty(), "in-transit rules change nothing for an exempt line");
}

#[test]
fn goods_in_transit_owe_the_rate_of_their_loading_date() {
    // EO 14257's in-transit rule as CBP applied it (CSMS #64680374, vessel only, deadline moved
    // from 2025-05-27 to 2025-06-16: thompsonhine-cbp-savings, ghy-in-transit-vessel,
    // valexander-in-transit-june16): loaded before 5 April → no reciprocal duty (9903.01.28);
    // loaded from 5 April and before 9 April → the 10% instead of the 29% (9903.01.25).
    let owed = |date: &str, loaded: &str| {
        let e = run(real(), "prod-other", &shipped(MILLION, date, loaded));
        assert!(e.outcomes.is_empty(), "one answer once the loading date is known");
        (e.high, e.transit.map(|t| t.headings).unwrap_or_default())
    };
    assert_eq!(owed("2025-04-09", "2025-04-09"), (29 * C, vec![]));
    assert_eq!(owed("2025-04-09", "2025-04-08"), (10 * C, vec!["9903.01.25"]));
    assert_eq!(owed("2025-04-09", "2025-04-05"), (10 * C, vec!["9903.01.25"]));
    assert_eq!(owed("2025-04-09", "2025-04-04"), (0, vec!["9903.01.28"]), "the chain ends at no duty");
    assert_eq!(owed("2025-06-15", "2025-04-01"), (0, vec!["9903.01.28"]), "entered before 16 June");
    assert_eq!(owed("2025-06-16", "2025-04-01"), (10 * C, vec![]), "the deadline has passed");
    // EO 14326 (govinfo-2025-15010): loaded before 2025-08-07 and entered before 2025-10-05 kept 10%.
    assert_eq!(owed("2025-09-01", "2025-08-06").0, 10 * C);
    assert_eq!(owed("2025-10-05", "2025-08-06").0, 19 * C);
    // Proclamation 11012: loaded before 2026-02-24, entered before 2026-02-28 (intltradeinsights-csms).
    assert_eq!(owed("2026-02-27", "2026-02-20").0, 0);
    assert_eq!(owed("2026-02-28", "2026-02-20").0, 10 * C);

    // Without a loading date the answer is the ordinary one, and each earlier loading date's
    // answer is named with its condition, latest cut-off first.
    let e = run(real(), "prod-other", &ship(MILLION, "2025-04-09"));
    assert_eq!(e.high, 29 * C);
    let conditions: Vec<(String, Option<String>, Cents)> = e
        .outcomes
        .iter()
        .map(|o| (o.loaded_before.to_string(), o.loaded_from.map(|d| d.to_string()), o.high))
        .collect();
    assert_eq!(
        conditions,
        [
            ("2025-04-09".into(), Some("2025-04-05".into()), 10 * C),
            ("2025-04-05".into(), None, 0),
        ]
    );
    assert!(e.outcomes.iter().all(|o| o.change.vessel_only));
    let names = |ms: &[&crate::data::model::TariffMeasure]| ms.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    let changes: Vec<(Vec<String>, Vec<String>)> =
        e.outcomes.iter().map(|o| (names(&o.change.set_aside), names(&o.change.instead))).collect();
    assert_eq!(
        changes,
        [
            (vec!["tm-ieepa-pk-29".to_string()], vec!["tm-ieepa-baseline-10".to_string()]),
            (vec!["tm-ieepa-pk-29".to_string()], vec![]),
        ]
    );
    assert_eq!(e.outcomes.first().and_then(|o| o.change.entered_before).map(|d| d.to_string()).as_deref(), Some("2025-06-16"));
    let e = run(real(), "prod-other", &ship(MILLION, "2025-09-01"));
    assert_eq!(e.outcomes.len(), 1, "only the 19% rule is still open on 1 September");
    assert_eq!(e.outcomes.first().map(|o| (o.loaded_before.to_string(), o.high)), Some(("2025-08-07".into(), 10 * C)));
    assert!(run(real(), "prod-other", &ship(MILLION, "2025-10-05")).outcomes.is_empty());
}

#[test]
fn section_232_copper_follows_its_base_and_tiers_by_date() {
    // Proclamation 10962 (govinfo-hdoc82): 50% of the copper content from 2025-08-01; the rest of
    // the value pays the country surcharge in force. The proclamation of 2026-04-02
    // (ashurst-232-2026-04, ctp-232-overhaul): from 2026-04-06, 50% of the full entered value for
    // copper articles, 25% for derivatives; 15% or less copper by weight is out of scope.
    let s = |date: &str, content: i64| Shipment {
        content: Some(content),
        ..ship(MILLION, date)
    };
    let at = |product: &str, date: &str, content: i64| {
        let e = run(real(), product, &s(date, content));
        assert!(!e.is_range(), "{product} {date}");
        e.high
    };
    let semi = "prod-copper-semi-finished";
    assert_eq!(at(semi, "2025-07-31", 600_000), 0, "Annex II (copper) before Section 232");
    assert_eq!(at(semi, "2025-08-01", 600_000), 300_000 * 100 + 40_000 * 100, "50% of $600k + 10% of $400k");
    assert_eq!(at(semi, "2025-08-07", 600_000), 300_000 * 100 + 76_000 * 100, "+ 19% of the $400k rest");
    assert_eq!(at(semi, "2026-03-01", 600_000), 300_000 * 100 + 40_000 * 100, "+ Section 122 on the rest");
    assert_eq!(at(semi, "2026-04-05", 600_000), 340_000 * 100);
    assert_eq!(at(semi, "2026-04-06", 600_000), 500_000 * 100, "50% of the full $1,000,000");
    assert_eq!(at(semi, "2026-08-01", 600_000), 500_000 * 100, "forced-labor duty exempts Section 232 articles");
    assert_eq!(at("prod-copper-derivatives", "2026-04-06", 600_000), 250_000 * 100, "25% for derivatives");
    assert_eq!(at("prod-copper-derivatives", "2025-09-01", 600_000), 376_000 * 100, "50% of content before");
    assert_eq!(at(semi, "2026-04-06", 150_000), 100_000 * 100, "15% copper: out of scope, Section 122 on the whole");
    assert_eq!(at(semi, "2026-04-05", 150_000), 75_000 * 100 + 85_000 * 100, "the threshold starts 2026-04-06");

    // The breakdown shows each layer's base: copper content, full value, the rest.
    let e = run(real(), semi, &s("2025-08-07", 600_000));
    assert_eq!(e.row("tm-sec232-copper").map(|r| r.base), Some(Base::ContentValue(60_000_000)));
    assert_eq!(e.row("tm-ieepa-pk-19").map(|r| r.base), Some(Base::Rest(40_000_000)));
    let e = run(real(), semi, &s("2026-04-06", 600_000));
    assert_eq!(e.row("tm-sec232-copper").map(|r| r.base), Some(Base::Value(MILLION)));
    assert_eq!(e.row("tm-sec122").map(|r| (r.base, r.high)), Some((Base::Rest(0), 0)));
    let e = run(real(), semi, &s("2026-04-06", 150_000));
    let row = e.row("tm-sec232-copper").expect("232 row");
    assert!(row.outside.is_some() && row.high == 0, "below the threshold: shown as not covering the goods");

    // A what-if surcharge is charged on the rest of the value only.
    let e = run(real(), semi, &Shipment { surcharge: Some(100_000), ..s("2026-03-01", 600_000) });
    let custom = e.rows.iter().find(|r| r.kind == RowKind::Custom).expect("custom row");
    assert_eq!(custom.base, Base::Rest(40_000_000));
    assert_eq!(e.high, 30_000_000 + 4_000_000);
    let p = find_product(real(), semi).expect("product");
    assert_eq!(estimate(real(), p, &ship(MILLION, "2025-08-01")), Err(Missing::Content));
}

#[test]
fn exemptions_come_from_the_published_lists_with_their_dates() {
    // Annex II: HTSUS note 2(v)(iii)(a) (usitc-hts-2026r6-note2v) and EO 14346's insertions from
    // 2025-09-08 (wh-eo-14346); the Section 122 annex (yale-s122-exempt); CBP's note 52(b) list
    // (cbp-forced-labor-hts-list). (product, entry date, total, what settles it)
    let cases = [
        ("2617.10.00", "2025-08-10", 0, "Annex II from the start"),
        ("2617.10.00", "2026-03-01", 0, "Section 122 annex"),
        ("2617.10.00", "2026-08-01", 0, "note 52(b)"),
        ("7108.12.50", "2025-09-07", 4_100_000 + 19 * C, "MFN 4.1% + 19%: inserted into Annex II only from 2025-09-08"),
        ("7108.12.50", "2025-09-08", 4_100_000, "Annex II from 2025-09-08"),
        ("2604.00.00", "2025-09-07", 19 * C, "nickel ores: inserted by EO 14346"),
        ("2604.00.00", "2025-09-08", 0, "nickel ores on Annex II"),
        ("8101.94.00", "2025-09-01", 6_600_000 + 19 * C, "unwrought tungsten: on no Annex II list"),
        ("8101.94.00", "2026-03-01", 6_600_000 + 10 * C, "not on the Section 122 annex"),
        ("8101.94.00", "2026-08-01", 6_600_000 + 10 * C, "not on the note 52(b) list"),
        ("7108.12.10", "2025-04-05", 0, "bullion on Annex II from the start"),
    ];
    for (product, date, total, why) in cases {
        let e = run(real(), product, &ship(MILLION, date));
        assert_eq!((e.low, e.high), (total, total), "{product} {date}: {why}");
    }
    let e = run(real(), "7108.12.50", &ship(MILLION, "2025-09-07"));
    let row = e.row("tm-ieepa-pk-19").expect("19% row");
    assert_eq!((row.status, row.high), (ExemptionStatus::Dutiable, 19 * C));
    assert_eq!(row.exemption.map(|x| x.until.as_deref()), Some(Some("2025-09-08")));
}

#[test]
fn no_deal_line_is_left_with_two_outcomes() {
    // Every product line, on every regime's day: one answer (no "if exempt … if dutiable").
    let ds = real();
    let mut ranges = Vec::new();
    for p in &ds.products {
        let s = Shipment { grams: Some(1000), content: Some(500_000), ..ship(MILLION, "2026-10-02") };
        for r in regimes(ds, p, &s) {
            if r.estimate.is_range() {
                ranges.push(format!("{} on {}", p.id, r.day));
            }
        }
    }
    assert_eq!(ranges, Vec::<String>::new());
}

#[test]
fn every_layer_cites_its_own_sources_primary_first() {
    let ds = real();
    let first = |product: &str, date: &str, layer: Option<&str>| {
        let p = find_product(ds, product).expect("product");
        let e = run(ds, product, &Shipment { content: Some(600_000), ..ship(MILLION, date) });
        let row = match layer {
            Some(id) => e.row(id).expect("row").clone(),
            None => e.rows.first().expect("MFN row").clone(),
        };
        row.sources(ds, p).first().map(|s| s.id.clone())
    };
    // The MFN row cites the product's own rate page, not the first MFN source of the dataset.
    assert_eq!(first("2617.10.00", "2025-09-01", None).as_deref(), Some("portoria-2617"));
    assert_eq!(first("8101.94.00", "2025-09-01", None).as_deref(), Some("etoolsage-u-p263"));
    assert_eq!(first("prod-other", "2025-09-01", None), None, "a rate the reader entered has no source of ours");
    // A measure's link goes to its legal instrument before the news of it.
    assert_eq!(first("prod-other", "2025-09-01", Some("tm-ieepa-pk-19")).as_deref(), Some("govinfo-2025-15010"));
    assert_eq!(first("prod-other", "2025-04-09", Some("tm-ieepa-pk-29")).as_deref(), Some("govinfo-2025-06462"));
    assert_eq!(first("prod-copper-semi-finished", "2025-09-01", Some("tm-sec232-copper")).as_deref(), Some("govinfo-hdoc82"));
}

#[test]
fn specific_duties_on_metal_content() {
    // tm-mfn, 2603.00.00: 1.7¢/kg of lead content (vatcheck-2603). 25,000 kg at 3% lead = 750 kg → $12.75.
    let s = Shipment {
        grams: Some(25_000_000),
        content: Some(30_000),
        ..ship(MILLION, "2025-09-01")
    };
    let e = run(real(), "2603.00.00", &s);
    assert_eq!((e.low, e.high), (1275, 1275), "copper concentrate is on Annex II");
    assert!(matches!(
        e.rows.first().map(|r| r.base),
        Some(Base::ContentMass { grams: 25_000_000, content: 30_000 })
    ));
    assert_eq!(e.rows.first().map(|r| r.base.metal_kg()), Some(Some(750.0)));
    // From 2026-07-24: excluded from the forced-labor duty (CBP's note 52(b) list).
    let e = run(real(), "2603.00.00", &Shipment { day: day("2026-08-01"), ..s.clone() });
    assert_eq!((e.low, e.high), (1275, 1275));
    // tm-mfn, 2611.00.60: 37.5¢/kg of tungsten: 1,000 kg at 65% = 650 kg → $243.75.
    let s = Shipment {
        grams: Some(1_000_000),
        content: Some(650_000),
        ..ship(0, "2025-01-15")
    };
    assert_eq!(run(real(), "2611.00.60", &s).high, 24_375);
    // Without quantity or content the MFN layer waits (no guess) and the surcharges still answer.
    let p = find_product(real(), "2611.00.60").expect("product");
    let e = estimate(real(), p, &ship(MILLION, "2025-09-01")).expect("an answer without quantity");
    assert_eq!(e.pending, Some(Missing::Quantity));
    assert_eq!(e.rows.first().map(|r| (r.base, r.high)), Some((Base::Awaiting(Missing::Quantity), 0)));
    assert_eq!(e.row("tm-ieepa-pk-19").map(|r| r.status), Some(ExemptionStatus::Exempt), "the verdict shows at once");
    let s = Shipment { grams: Some(1_000_000), ..ship(MILLION, "2025-09-01") };
    assert_eq!(estimate(real(), p, &s).map(|e| e.pending), Ok(Some(Missing::Content)));
    // 8101.94.00 is not specific: nothing waits.
    assert_eq!(run(real(), "8101.94.00", &ship(MILLION, "2025-09-01")).pending, None);
}

#[test]
fn unknown_mfn_is_entered_by_the_user() {
    // 7403.11.00: MFN not found; excluded from the forced-labor duty via note 52(b).
    let e = run(real(), "7403.11.00", &Shipment { mfn: Some(25_000), ..ship(MILLION, "2026-08-01") });
    assert!(e.mfn_user);
    assert_eq!((e.low, e.high), (2_500_000, 2_500_000));
    assert_eq!(run(real(), "7403.11.00", &ship(MILLION, "2026-08-01")).high, 0, "default 0%");
}

#[test]
fn refunds_and_disputes() {
    let e = run(real(), "prod-other", &ship(MILLION, "2025-09-01"));
    assert_eq!(e.refundable(), (19 * C, 19 * C), "IEEPA duties are being refunded");
    let e = run(real(), "prod-other", &ship(MILLION, "2026-03-01"));
    assert!(e.disputes.iter().any(|(m, _)| m.id == "tm-sec122"), "15% announced, 10% collected");
    assert_eq!(e.refundable(), (0, 0), "Section 122 is not refunded");
    assert_eq!(e.effective(), Some((100_000, 100_000)));
}

#[test]
fn regimes_side_by_side_and_at_scale() {
    let p = find_product(real(), "prod-other").expect("product");
    let rs = regimes(real(), p, &ship(MILLION, "2026-10-02"));
    let ids: Vec<&str> = rs.iter().map(|r| r.measure.map_or("mfn-only", |m| m.id.as_str())).collect();
    assert_eq!(
        ids,
        ["mfn-only", "tm-ieepa-baseline-10", "tm-ieepa-pk-29", "tm-ieepa-pk-19", "tm-sec122", "tm-sec301-forced-labor"]
    );
    let totals: Vec<(Cents, Cents)> = rs.iter().map(|r| (r.estimate.low, r.estimate.high)).collect();
    // On 9 April 2025 the baseline regime is priced on its own first day, not on the 29% day.
    let on_29 = regimes(real(), p, &ship(MILLION, "2025-04-09"));
    assert_eq!(find(&on_29, "tm-ieepa-baseline-10").map(|r| (r.day, r.estimate.high)), Some((day("2025-04-05"), 10 * C)));
    assert_eq!(find(&on_29, "tm-ieepa-pk-29").map(|r| r.day), Some(day("2025-04-09")));
    assert_eq!(
        totals,
        [(0, 0), (10 * C, 10 * C), (29 * C, 29 * C), (19 * C, 19 * C), (10 * C, 10 * C), (10 * C, 10 * C)]
    );
    let (r29, r19) = (find(&rs, "tm-ieepa-pk-29").expect("29"), find(&rs, "tm-ieepa-pk-19").expect("19"));
    assert_eq!(saving(r29, r19), (10 * C, 10 * C), "the 19% saves 10 points over the 29%");
    // The user's date is used for the regime it falls in.
    let rs = regimes(real(), p, &ship(MILLION, "2025-10-01"));
    assert_eq!(find(&rs, "tm-ieepa-pk-19").map(|r| r.day), Some(day("2025-10-01")));
    let scale = at_scale(real(), &rs);
    let first = scale.iter().find(|s| s.base == ScaleBase::FirstPhase).expect("$500M");
    assert_eq!(first.amount, 50_000_000_000);
    assert_eq!(first.duties.get(2), Some(&14_500_000_000), "29% of $500M = $145M");
    let exports = scale.iter().find(|s| s.base == ScaleBase::Exports2024).expect("$5.1bn");
    assert_eq!(exports.duties.get(3), Some(&96_900_000_000), "19% of $5.1bn = $969M");
}

#[test]
fn form_reads_the_url_state() {
    let ds = real();
    let f = Form::read(ds, &AppState::parse("view=calculator")).expect("form");
    assert_eq!(f.value, Ok(MILLION));
    assert_eq!(f.day, day("2026-10-02"), "defaults to the data's as-of date");
    assert_eq!(f.loaded, None);
    let f = Form::read(ds, &AppState::parse("hts=2617.10&value=1%2C000%2C000.50&date=2025-08-07")).expect("form");
    assert_eq!((f.product.id.as_str(), f.value), ("hts-2617-10-00", Ok(MILLION + 50)));
    assert_eq!(find_product(ds, "2611.00").map(|p| p.id.as_str()), None, "ambiguous prefix");
    let f = Form::read(ds, &AppState::parse("hts=2611.00.60&value=-5&surcharge=abc&date=2025-04-09&loaded=2025-04-10&content=x")).expect("form");
    assert_eq!(
        f.errors(),
        [
            (Field::Value, InputError::Negative),
            (Field::Loaded, InputError::AfterEntry),
            (Field::Content, InputError::NotANumber),
            (Field::Surcharge, InputError::NotANumber)
        ],
        "a field not typed yet is no error; one typed wrong is"
    );
    assert_eq!(f.estimate(ds), None, "no result while a field is wrong");
    let f = Form::read(ds, &AppState::parse("hts=2611.00.60&qty=1000&content=65&date=2025-01-15")).expect("form");
    assert_eq!(f.estimate(ds).and_then(Result::ok).map(|e| e.high), Some(24_375));
    // The loading date reaches the engine: 10% instead of 29% for goods loaded on 7 April.
    let f = Form::read(ds, &AppState::parse("hts=prod-other&date=2025-04-09&loaded=2025-04-07")).expect("form");
    assert_eq!(f.estimate(ds).and_then(Result::ok).map(|e| e.high), Some(10 * C));
    assert_eq!(product_param(find_product(ds, "prod-other").expect("other")), "prod-other");
}

#[test]
fn every_dataset_product_prices_on_every_regime_day() {
    let ds = real();
    for p in &ds.products {
        let s = Shipment { grams: Some(1000), content: Some(500_000), ..ship(MILLION, "2026-10-02") };
        assert_eq!(regimes(ds, p, &s).len(), 6, "{}", p.id);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn duty_is_non_negative_monotonic_and_the_sum_of_its_layers(
        product in 0usize..64,
        a in 0i64..=100_000_000_000_000,
        b in 0i64..=100_000_000_000_000,
        days in 0i64..730,
        grams in proptest::option::of(0i64..=1_000_000_000_000_000),
        content in proptest::option::of(0i64..=1_000_000),
        surcharge in proptest::option::of(0i64..=10_000_000),
        mfn in proptest::option::of(0i64..=10_000_000),
        loaded_back in proptest::option::of(0i64..120),
    ) {
        let ds = real();
        let p = ds.products.get(product % ds.products.len()).expect("product");
        let d = day("2025-01-01").add_days(days);
        let loaded = loaded_back.map(|n| d.add_days(-n));
        let s = |value| Shipment { value, day: d, loaded, grams, content, surcharge, mfn };
        let (lo, hi) = (a.min(b), a.max(b));
        if let (Ok(x), Ok(y)) = (estimate(ds, p, &s(lo)), estimate(ds, p, &s(hi))) {
            for e in [&x, &y] {
                prop_assert!(e.low >= 0 && e.low <= e.high);
                prop_assert!(e.outcomes.iter().all(|o| o.low >= 0 && o.low <= o.high && o.loaded_from.is_none_or(|f| f < o.loaded_before)));
                prop_assert!(loaded.is_none() || e.outcomes.is_empty());
                prop_assert!(e.rows.iter().all(|r| r.low >= 0 && r.low <= r.high && r.high <= r.full.max(0)));
                prop_assert_eq!(e.low, e.rows.iter().map(|r| r.low).sum::<Cents>());
                prop_assert_eq!(e.high, e.rows.iter().map(|r| r.high).sum::<Cents>());
            }
            prop_assert!(x.low <= y.low && x.high <= y.high);
        }
    }

    #[test]
    fn any_url_input_gives_a_form_and_never_panics(
        hts in "\\PC{0,20}", value in "\\PC{0,30}", qty in "\\PC{0,20}", content in "\\PC{0,12}", extra in "\\PC{0,12}",
    ) {
        let ds = real();
        for key in ["2603.00.00", "2611.00.60", "prod-copper-semi-finished", "7403.11.00", hts.as_str()] {
            let st = AppState {
                hts: Some(key.to_string()),
                value: Some(value.clone()),
                qty: Some(qty.clone()),
                content: Some(content.clone()),
                surcharge: Some(extra.clone()),
                mfn: Some(extra.clone()),
                ..AppState::default()
            };
            let f = Form::read(ds, &st).expect("form");
            let result = f.estimate(ds);
            prop_assert_eq!(result.is_none(), !f.errors().is_empty());
            if let Some(sh) = f.shipment() {
                let _ = regimes(ds, f.product, &sh);
            }
        }
    }
}

#[test]
fn two_outcomes_name_the_measures_not_verified() {
    // Take away the Section 122 record of antimony ores: its exemption is then not known.
    let mut ds = real().clone();
    let product = find_product(&ds, "2617.10.00").map(|p| p.id.clone()).expect("antimony ores");
    for m in ds.tariff_measures.iter_mut().filter(|m| m.id == "tm-sec122") {
        m.exemptions.retain(|e| e.product_id != product);
    }
    let e = run(&ds, "2617.10.00", &ship(MILLION, "2026-03-03"));
    assert!(e.is_range());
    assert_eq!(e.unverified().iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), ["tm-sec122"]);
    assert_eq!((e.low, e.high), (e.low, e.low + 10 * C), "10% of $1,000,000 if not exempt");
    // Every regime whose estimate has two outcomes names what they depend on; the seed saving too.
    let rs = regimes(&ds, find_product(&ds, "2617.10.00").expect("product"), &ship(MILLION, "2026-03-03"));
    for r in &rs {
        assert_eq!(r.estimate.is_range(), !r.estimate.unverified().is_empty(), "{:?}", r.day);
    }
    assert!(super::regimes::seed_unverified(&rs).is_empty(), "Section 122 is not in force in the 29% or 19% regimes");
    // Where all is verified, nothing is named.
    assert!(run(real(), "2617.10.00", &ship(MILLION, "2026-03-03")).unverified().is_empty());
}
