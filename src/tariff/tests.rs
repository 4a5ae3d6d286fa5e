//! Cases written by hand from the fact base (§4.2, §6), each naming the
//! measure it exercises, run against the real dataset file; property tests
//! over every product and date.

use super::duty::{estimate, Base, Estimate, Missing, RowKind, Shipment, Timing};
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

const MILLION: Cents = 100_000_000; // $1,000,000 in cents

fn day(s: &str) -> Day {
    Day::parse(s).expect("test date")
}

fn ship(value: Cents, date: &str) -> Shipment {
    Shipment {
        value,
        day: day(date),
        grams: None,
        content: None,
        surcharge: None,
        mfn: None,
    }
}

fn run<'a>(ds: &'a Dataset, product: &str, s: &Shipment) -> Estimate<'a> {
    let p = find_product(ds, product).expect("product");
    estimate(ds, p, s, None).expect("estimate")
}

/// (product, entry date, lowest total, highest total, measure exercised).
fn check(ds: &Dataset, cases: &[(&str, &str, Cents, Cents, &str)]) {
    for &(product, date, low, high, measure) in cases {
        let e = run(ds, product, &ship(MILLION, date));
        assert_eq!(
            (e.low, e.high),
            (low, high),
            "{product} entered {date} ({measure})"
        );
    }
}

#[test]
fn regime_boundaries_day_before_and_day_of() {
    // Antimony ores (2617.10.00): MFN Free; every surcharge unverified, so 0 if exempt.
    let c = 1_000_000; // 1% of $1M, in cents
    check(
        real(),
        &[
            (
                "2617.10.00",
                "2025-04-04",
                0,
                0,
                "before tm-ieepa-baseline-10",
            ),
            (
                "2617.10.00",
                "2025-04-05",
                0,
                10 * c,
                "tm-ieepa-baseline-10 from 2025-04-05 12:01 a.m. EDT",
            ),
            (
                "2617.10.00",
                "2025-04-08",
                0,
                10 * c,
                "tm-ieepa-baseline-10",
            ),
            (
                "2617.10.00",
                "2025-04-09",
                0,
                29 * c,
                "tm-ieepa-pk-29 from 2025-04-09, suspended the same day",
            ),
            (
                "2617.10.00",
                "2025-04-10",
                0,
                10 * c,
                "tm-ieepa-baseline-10 under the pause",
            ),
            (
                "2617.10.00",
                "2025-08-06",
                0,
                10 * c,
                "tm-ieepa-baseline-10 until 2025-08-07 12:01 a.m.",
            ),
            (
                "2617.10.00",
                "2025-08-07",
                0,
                19 * c,
                "tm-ieepa-pk-19 from 2025-08-07",
            ),
            (
                "2617.10.00",
                "2026-02-23",
                0,
                19 * c,
                "tm-ieepa-pk-19 until 2026-02-24 12:00 a.m. EST",
            ),
            (
                "2617.10.00",
                "2026-02-24",
                0,
                10 * c,
                "tm-sec122 from 2026-02-24 12:01 a.m. EST",
            ),
            (
                "2617.10.00",
                "2026-07-23",
                0,
                10 * c,
                "tm-sec122, last day covered",
            ),
            (
                "2617.10.00",
                "2026-07-24",
                0,
                10 * c,
                "tm-sec301-forced-labor from 2026-07-24",
            ),
        ],
    );
    // Which measure, not only how much: the day before and the day of each change.
    for (date, want) in [
        ("2025-08-06", "tm-ieepa-baseline-10"),
        ("2025-08-07", "tm-ieepa-pk-19"),
        ("2026-02-23", "tm-ieepa-pk-19"),
        ("2026-02-24", "tm-sec122"),
        ("2026-07-23", "tm-sec122"),
        ("2026-07-24", "tm-sec301-forced-labor"),
    ] {
        let e = run(real(), "2617.10.00", &ship(MILLION, date));
        let country: Vec<&str> = e
            .rows
            .iter()
            .filter_map(|r| r.measure)
            .filter(|m| m.layer == MeasureLayer::Country)
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(country, [want], "{date}");
    }
}

#[test]
fn the_29_percent_day_shows_both_outcomes() {
    // tm-ieepa-pk-29: in force from 12:01 a.m. on 2025-04-09 until an unknown time that day.
    let e = run(real(), "2617.10.00", &ship(MILLION, "2025-04-09"));
    for id in ["tm-ieepa-pk-29", "tm-ieepa-baseline-10"] {
        assert_eq!(e.row(id).map(|r| r.timing), Some(Timing::PartOfDay), "{id}");
    }
    // With a dutiable product the lower bound is the 10% baseline, the upper the 29%.
    let mut ds = real().clone();
    for m in &mut ds.tariff_measures {
        for x in m
            .exemptions
            .iter_mut()
            .filter(|x| x.product_id == "prod-other")
        {
            x.status = ExemptionStatus::Dutiable;
        }
    }
    check(
        &ds,
        &[(
            "prod-other",
            "2025-04-09",
            10_000_000,
            29_000_000,
            "tm-ieepa-pk-29 replaces tm-ieepa-baseline-10",
        )],
    );
    check(
        &ds,
        &[(
            "prod-other",
            "2025-04-10",
            10_000_000,
            10_000_000,
            "tm-ieepa-baseline-10 (pause)",
        )],
    );
}

#[test]
fn specific_duties_on_metal_content() {
    // tm-mfn, 2603.00.00: 1.7¢/kg of lead content. 25,000 kg at 3% lead = 750 kg → $12.75.
    let s = Shipment {
        grams: Some(25_000_000),
        content: Some(30_000),
        ..ship(MILLION, "2025-09-01")
    };
    let e = run(real(), "2603.00.00", &s);
    assert_eq!(
        (e.low, e.high),
        (1275, 1275),
        "copper concentrate is exempt from tm-ieepa-pk-19"
    );
    assert!(matches!(
        e.rows.first().map(|r| r.base),
        Some(Base::ContentMass {
            grams: 25_000_000,
            content: 30_000
        })
    ));
    // From 2026-07-24 the forced-labor 10% is unverified for it: both outcomes.
    let e = run(
        real(),
        "2603.00.00",
        &Shipment {
            day: day("2026-08-01"),
            ..s.clone()
        },
    );
    assert_eq!((e.low, e.high), (1275, 1275 + 10_000_000));
    // tm-mfn, 2611.00.60: 37.5¢/kg of tungsten: 1,000 kg at 65% = 650 kg → $243.75.
    let s = Shipment {
        grams: Some(1_000_000),
        content: Some(650_000),
        ..ship(0, "2025-01-15")
    };
    assert_eq!(run(real(), "2611.00.60", &s).high, 24_375);
    // Without quantity or content there is no guess.
    let p = find_product(real(), "2611.00.60").expect("product");
    assert_eq!(
        estimate(real(), p, &ship(MILLION, "2025-01-15"), None),
        Err(Missing::Quantity)
    );
}

#[test]
fn section_232_copper_on_copper_content() {
    // tm-sec232-copper: 50% of the copper content from 2025-08-01; IEEPA and Section 122 do not stack on it.
    let s = |date: &str| Shipment {
        content: Some(600_000),
        ..ship(MILLION, date)
    };
    let at = |date: &str| {
        let e = run(real(), "prod-copper-semi-finished", &s(date));
        (e.low, e.high)
    };
    assert_eq!(
        at("2025-07-31"),
        (0, 0),
        "before tm-sec232-copper; exempt from tm-ieepa-baseline-10"
    );
    assert_eq!(
        at("2025-08-01"),
        (30_000_000, 30_000_000),
        "50% of $600,000 copper content"
    );
    assert_eq!(
        at("2026-03-01"),
        (30_000_000, 30_000_000),
        "tm-sec122 exempts Section 232 articles"
    );
    assert_eq!(
        at("2026-08-01"),
        (30_000_000, 30_000_000),
        "tm-sec301-forced-labor exempts them (9903.05.90)"
    );
    // A what-if surcharge is charged on the rest of the value only.
    let e = run(
        real(),
        "prod-copper-semi-finished",
        &Shipment {
            surcharge: Some(100_000),
            ..s("2026-03-01")
        },
    );
    let custom = e
        .rows
        .iter()
        .find(|r| r.kind == RowKind::Custom)
        .expect("custom row");
    assert_eq!(custom.base, Base::Rest(40_000_000));
    assert_eq!(e.high, 30_000_000 + 4_000_000);
    let p = find_product(real(), "prod-copper-semi-finished").expect("product");
    assert_eq!(
        estimate(real(), p, &ship(MILLION, "2025-08-01"), None),
        Err(Missing::Content)
    );
}

#[test]
fn exempt_and_unverified_products() {
    // 7108.12.10 gold bullion: exempt from IEEPA and Section 122; unverified for Section 301.
    check(
        real(),
        &[
            (
                "7108.12.10",
                "2025-10-01",
                0,
                0,
                "tm-ieepa-pk-19 exempts bullion",
            ),
            (
                "7108.12.10",
                "2026-03-01",
                0,
                0,
                "tm-sec122 exempts bullion metals",
            ),
            (
                "7108.12.10",
                "2026-08-01",
                0,
                10_000_000,
                "tm-sec301-forced-labor unverified",
            ),
            // 7108.12.50 other gold, MFN 4.1%: unverified before 2025-09-08, exempt from then (EO 14346).
            (
                "7108.12.50",
                "2025-09-07",
                4_100_000,
                4_100_000 + 19_000_000,
                "tm-ieepa-pk-19, unverified",
            ),
            (
                "7108.12.50",
                "2025-09-08",
                4_100_000,
                4_100_000,
                "tm-ieepa-pk-19, exempt from 2025-09-08",
            ),
            // 8101.94.00 unwrought tungsten: MFN 6.6% ad valorem.
            (
                "8101.94.00",
                "2025-01-15",
                6_600_000,
                6_600_000,
                "tm-mfn 6.6%",
            ),
        ],
    );
    let e = run(real(), "7108.12.50", &ship(MILLION, "2025-09-07"));
    let row = e.row("tm-ieepa-pk-19").expect("19% row");
    assert_eq!(
        (row.status, row.low, row.high, row.full),
        (ExemptionStatus::Unverified, 0, 19_000_000, 19_000_000)
    );
}

#[test]
fn unknown_mfn_is_entered_by_the_user() {
    // 7403.11.00: MFN not found; exempt from the forced-labor duty via note 52(b).
    let e = run(
        real(),
        "7403.11.00",
        &Shipment {
            mfn: Some(25_000),
            ..ship(MILLION, "2026-08-01")
        },
    );
    assert!(e.mfn_user);
    assert_eq!((e.low, e.high), (2_500_000, 2_500_000));
    assert_eq!(
        run(real(), "7403.11.00", &ship(MILLION, "2026-08-01")).high,
        0,
        "default 0%"
    );
}

#[test]
fn refunds_notes_and_disputes() {
    let e = run(real(), "2617.10.00", &ship(MILLION, "2025-09-01"));
    assert_eq!(
        e.refundable(),
        (0, 19_000_000),
        "IEEPA duties are being refunded"
    );
    assert_eq!(
        e.notes.len(),
        1,
        "in-transit window of tm-ieepa-pk-19 (entered before 2025-10-05)"
    );
    assert!(run(real(), "2617.10.00", &ship(MILLION, "2025-10-05"))
        .notes
        .is_empty());
    let e = run(real(), "2617.10.00", &ship(MILLION, "2026-02-26"));
    assert_eq!(
        e.notes.len(),
        1,
        "tm-sec122 in-transit relief before 2026-02-28"
    );
    assert!(
        e.disputes.iter().any(|(m, _)| m.id == "tm-sec122"),
        "15% announced, 10% collected"
    );
    assert_eq!(e.refundable(), (0, 0), "Section 122 is not refunded");
    assert!(run(real(), "2617.10.00", &ship(MILLION, "2026-03-01"))
        .notes
        .is_empty());
    assert_eq!(e.effective(), Some((0, 100_000)));
}

#[test]
fn regimes_side_by_side_and_at_scale() {
    let p = find_product(real(), "2617.10.00").expect("product");
    let rs = regimes(real(), p, &ship(MILLION, "2026-10-02"));
    let ids: Vec<&str> = rs
        .iter()
        .map(|r| r.measure.map_or("mfn-only", |m| m.id.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            "mfn-only",
            "tm-ieepa-baseline-10",
            "tm-ieepa-pk-29",
            "tm-ieepa-pk-19",
            "tm-sec122",
            "tm-sec301-forced-labor"
        ]
    );
    let highs: Vec<Cents> = rs.iter().map(|r| r.estimate.high).collect();
    assert_eq!(
        highs,
        [0, 10_000_000, 29_000_000, 19_000_000, 10_000_000, 10_000_000]
    );
    let (r29, r19) = (
        find(&rs, "tm-ieepa-pk-29").expect("29"),
        find(&rs, "tm-ieepa-pk-19").expect("19"),
    );
    assert_eq!(
        saving(r29, r19),
        (0, 10_000_000),
        "the 19% saves 10 points over the 29%"
    );
    // The user's date is used for the regime it falls in.
    let rs = regimes(real(), p, &ship(MILLION, "2025-10-01"));
    assert_eq!(
        find(&rs, "tm-ieepa-pk-19").map(|r| r.day),
        Some(day("2025-10-01"))
    );
    let scale = at_scale(real(), &rs);
    let first = scale
        .iter()
        .find(|s| s.base == ScaleBase::FirstPhase)
        .expect("$500M");
    assert_eq!(first.amount, 50_000_000_000);
    assert_eq!(
        first.duties.get(2),
        Some(&14_500_000_000),
        "29% of $500M = $145M"
    );
    let exports = scale
        .iter()
        .find(|s| s.base == ScaleBase::Exports2024)
        .expect("$5.1bn");
    assert_eq!(
        exports.duties.get(3),
        Some(&96_900_000_000),
        "19% of $5.1bn = $969M"
    );
}

#[test]
fn form_reads_the_url_state() {
    let ds = real();
    let f = Form::read(ds, &AppState::parse("view=calculator")).expect("form");
    assert_eq!(f.value, Ok(MILLION));
    assert_eq!(
        f.day,
        day("2026-10-02"),
        "defaults to the data's as-of date"
    );
    assert_eq!(f.needs, duty::Needs::default());
    let f = Form::read(
        ds,
        &AppState::parse("hts=2617.10&value=1%2C000%2C000.50&date=2025-08-07"),
    )
    .expect("form");
    assert_eq!(
        (f.product.id.as_str(), f.value),
        ("hts-2617-10-00", Ok(MILLION + 50))
    );
    assert_eq!(
        find_product(ds, "2611.00").map(|p| p.id.as_str()),
        None,
        "ambiguous prefix"
    );
    let f = Form::read(
        ds,
        &AppState::parse("hts=2611.00.60&value=-5&surcharge=abc"),
    )
    .expect("form");
    assert_eq!(
        f.errors(),
        [
            (Field::Value, InputError::Negative),
            (Field::Quantity, InputError::Empty),
            (Field::Content, InputError::Empty),
            (Field::Surcharge, InputError::NotANumber)
        ]
    );
    assert_eq!(f.estimate(ds), None, "no result while a field is wrong");
    let f = Form::read(
        ds,
        &AppState::parse("hts=2611.00.60&qty=1000&content=65&date=2025-01-15"),
    )
    .expect("form");
    assert_eq!(
        f.estimate(ds).and_then(Result::ok).map(|e| e.high),
        Some(24_375)
    );
    assert_eq!(
        product_param(find_product(ds, "prod-other").expect("other")),
        "prod-other"
    );
}

#[test]
fn every_dataset_product_prices_on_every_regime_day() {
    let ds = real();
    for p in &ds.products {
        let s = Shipment {
            grams: Some(1000),
            content: Some(500_000),
            ..ship(MILLION, "2026-10-02")
        };
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
    ) {
        let ds = real();
        let p = ds.products.get(product % ds.products.len()).expect("product");
        let d = day("2025-01-01").add_days(days);
        let s = |value| Shipment { value, day: d, grams, content, surcharge, mfn };
        let (lo, hi) = (a.min(b), a.max(b));
        if let (Ok(x), Ok(y)) = (estimate(ds, p, &s(lo), None), estimate(ds, p, &s(hi), None)) {
            for e in [&x, &y] {
                prop_assert!(e.low >= 0 && e.low <= e.high);
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
