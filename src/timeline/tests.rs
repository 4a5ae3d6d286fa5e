use proptest::prelude::*;

use super::*;
use crate::data::date::Day;

fn dataset() -> Dataset {
    serde_json::from_str(include_str!("../../public/data/deals.json")).expect("deals.json decodes")
}

fn day(s: &str) -> i64 {
    Day::parse(s).expect("test date").to_days()
}

const STYLE: LabelStyle = LabelStyle {
    rows: 2,
    gap: 8.0,
    offset: 8.0,
};
const SPACING: TickSpacing = TickSpacing {
    year: 44.0,
    month: 110.0,
    day: 95.0,
};

/// Placed labels never overlap: per lane and row, their spans are disjoint with the gap kept.
fn assert_no_overlap(marks: &[Mark], widths: &[f64]) {
    let mut spans: Vec<(u8, u8, f64, f64)> = marks
        .iter()
        .filter_map(|m| Some((m.lane, m.row?, m.label_span(&STYLE, widths[m.item]))))
        .map(|(l, r, (a, b))| (l, r, a, b))
        .collect();
    spans.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
    for w in spans.windows(2) {
        if (w[0].0, w[0].1) == (w[1].0, w[1].1) {
            assert!(w[1].2 >= w[0].3 + STYLE.gap, "overlap: {:?} {:?}", w[0], w[1]);
        }
    }
}

// ---- scale ----

#[test]
fn scale_maps_and_round_trips() {
    let s = Scale::fit(day("2025-01-01"), day("2025-12-31"), 1000.0);
    assert!(s.x(day("2025-01-01") as f64) > 0.0, "padding before the first day");
    assert!(
        s.x(day("2025-12-31") as f64 + 1.0) < 1000.0,
        "padding after the last day"
    );
    assert!(s.x(day("2025-06-01") as f64) < s.x(day("2025-06-02") as f64));
    for x in [0.0, 1.5, 333.3, 999.0] {
        assert!((s.x(s.day_at(x)) - x).abs() < 1e-6);
    }
}

#[test]
fn zoom_keeps_the_pointer_day_and_limits_hold() {
    let s = Scale::fit(day("2020-01-01"), day("2026-01-01"), 800.0);
    let under = s.day_at(200.0);
    let z = s.zoom(4.0, 200.0);
    assert!((z.span - s.span / 4.0).abs() < 1e-6);
    assert!((z.day_at(200.0) - under).abs() < 1e-6);
    // Zooming out past the whole extent stops at it; in, at the minimum span.
    assert_eq!(s.zoom(0.01, 400.0), s);
    assert!(!s.can_zoom_out());
    let deep = (0..40).fold(s, |z, _| z.zoom(2.0, 10.0));
    assert!((deep.span - scale::MIN_SPAN_DAYS).abs() < 1e-9 && !deep.can_zoom_in());
    // Panning never leaves the data.
    let far = z.pan(1e9);
    assert_eq!(far.start, s.limits.0);
    let far = z.pan(-1e9);
    assert!((far.end() - s.limits.1).abs() < 1e-6);
    // Bad input changes nothing.
    for bad in [f64::NAN, f64::INFINITY, 0.0, -2.0] {
        assert_eq!(z.zoom(bad, 10.0), z);
    }
    assert_eq!(z.pan(f64::NAN), z);
}

proptest! {
    #[test]
    fn date_x_round_trips(first in -40_000i64..40_000, len in 0i64..60_000, width in 1.0f64..5000.0,
                          d in -50_000.0f64..150_000.0, factor in 0.05f64..20.0, at in 0.0f64..1.0, dx in -1e5f64..1e5) {
        let s = Scale::fit(first, first + len, width).zoom(factor, at * width).pan(dx);
        prop_assert!((s.day_at(s.x(d)) - d).abs() < 1e-6 * d.abs().max(1.0));
        prop_assert!(s.start >= s.limits.0 - 1e-9 && s.end() <= s.limits.1 + 1e-6);
        prop_assert!(s.shows(first as f64, (first + len) as f64));
    }
}

// ---- ticks ----

fn check_ticks(from: &str, to: &str, width: f64, unit: Unit, first_labels: &[&str]) {
    let s = Scale {
        start: day(from) as f64,
        span: (day(to) - day(from)) as f64,
        width,
        limits: (-1e9, 1e9),
    };
    let t = ticks(&s, &SPACING);
    assert!(t.iter().all(|k| k.unit == unit), "{from}..{to}: {:?}", t.first());
    let got: Vec<String> = t.iter().take(first_labels.len()).map(|k| k.day.to_string()).collect();
    assert_eq!(got, first_labels, "{from}..{to}");
    let need = match unit {
        Unit::Year => SPACING.year,
        Unit::Month => SPACING.month,
        Unit::Day => SPACING.day,
    };
    for w in t.windows(2) {
        assert!(w[1].x - w[0].x >= need - 1e-9, "ticks too close: {:?}", w);
    }
}

#[test]
fn ticks_suit_the_zoom() {
    check_ticks(
        "1840-01-01",
        "2027-01-01",
        1000.0,
        Unit::Year,
        &["1840-01-01", "1850-01-01"],
    );
    check_ticks(
        "2020-03-01",
        "2027-01-01",
        1000.0,
        Unit::Year,
        &["2021-01-01", "2022-01-01"],
    );
    check_ticks(
        "2025-01-15",
        "2026-01-01",
        1000.0,
        Unit::Month,
        &["2025-04-01", "2025-07-01", "2025-10-01"],
    );
    check_ticks(
        "2025-03-10",
        "2025-09-01",
        1000.0,
        Unit::Month,
        &["2025-04-01", "2025-05-01"],
    );
    check_ticks(
        "2025-04-03",
        "2025-05-01",
        1000.0,
        Unit::Day,
        &["2025-04-08", "2025-04-15", "2025-04-22", "2025-05-01"],
    );
    check_ticks(
        "2025-04-03",
        "2025-04-17",
        1400.0,
        Unit::Day,
        &["2025-04-03", "2025-04-04"],
    );
}

proptest! {
    #[test]
    fn ticks_are_ordered_spaced_and_in_view(start in -30_000.0f64..30_000.0, span in 14.0f64..70_000.0, width in 200.0f64..4000.0) {
        let s = Scale { start, span, width, limits: (-1e9, 1e9) };
        let t = ticks(&s, &SPACING);
        prop_assert!(t.len() <= 400);
        for k in &t {
            prop_assert!(k.x >= -1e-9 && k.x <= width + 1e-6);
        }
        for w in t.windows(2) {
            prop_assert!(w[1].x - w[0].x >= 43.9, "{:?}", w);
        }
    }
}

// ---- eras ----

#[test]
fn eras_come_from_the_country_measures() {
    let ds = dataset();
    let e = eras(&ds.tariff_measures);
    let rates: Vec<f64> = e.iter().map(|e| e.rate).collect();
    assert_eq!(rates, [10.0, 29.0, 10.0, 19.0, 10.0, 10.0]);
    let kinds: Vec<EraKind> = e.iter().map(|e| e.kind).collect();
    use EraKind::*;
    assert_eq!(kinds, [Plain, Plain, Resumed, Plain, Plain, Plain]);
    let names: Vec<&str> = e
        .iter()
        .map(|e| ds.tariff_measures[e.measures[0]].id.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "tm-ieepa-baseline-10",
            "tm-ieepa-pk-29",
            "tm-ieepa-baseline-10",
            "tm-ieepa-pk-19",
            "tm-sec122",
            "tm-sec301-forced-labor"
        ]
    );
    let bounds: Vec<(Option<i64>, Option<i64>)> = e.iter().map(|e| (e.start, e.end)).collect();
    let d = |s| Some(day(s));
    assert_eq!(
        bounds,
        [
            (d("2025-04-05"), d("2025-04-09")),
            (d("2025-04-09"), d("2025-04-10")),
            (d("2025-04-10"), d("2025-08-07")),
            (d("2025-08-07"), d("2026-02-24")),
            (d("2026-02-24"), d("2026-07-24")),
            (d("2026-07-24"), None),
        ]
    );
    assert_eq!(era_on(&e, day("2025-04-09")), Some(1));
    assert_eq!(era_on(&e, day("2025-01-01")), None);
    assert_eq!(era_on(&e, day("2030-01-01")), Some(5));
}

#[test]
fn eras_skip_unreadable_and_non_country_measures() {
    let mut ms = dataset().tariff_measures;
    for m in ms.iter_mut().filter(|m| m.id == "tm-ieepa-pk-19") {
        m.in_force_from = Some("7 August".into());
    }
    let e = eras(&ms);
    assert!(e.iter().all(|e| e.rate != 19.0));
    assert!(eras(&[]).is_empty());
}

// ---- items, lanes, labels ----

#[test]
fn items_follow_date_order_with_ranges_and_approximations() {
    let ds = dataset();
    let all = items(&ds.events, 0..ds.events.len());
    assert_eq!(all.len(), ds.events.len(), "every event has a readable date");
    assert!(all.windows(2).all(|w| w[0].start <= w[1].start));
    let find = |id: &str| all.iter().find(|i| ds.events[i.event].id == id).copied().unwrap();
    let mou = find("2025-09-08-ussm-fwo-mou-signed");
    assert_eq!(
        (mou.start, mou.end, mou.approx, mou.lane),
        (day("2025-09-08"), day("2025-09-08"), false, 0)
    );
    let month = find("2025-10-antimony-test-sample-supplied");
    assert!(month.approx && month.is_range() && month.end == day("2025-10-31"));
    let range = find("2025-09-07-ussm-and-mota-engil-delegation-in-pakistan");
    assert_eq!(range.end, day("2025-09-09"));
    assert_eq!(all.first().map(|i| ds.events[i.event].date.as_str()), Some("1844"));
}

#[test]
fn the_filter_link_selects_matching_events_in_date_order() {
    let ds = dataset();
    let ix = event_index(&ds);
    let state = AppState::parse("view=timeline&mineral=min-antimony&sort=-value");
    let got = filtered(&ds, &ix, &state);
    assert!(!got.is_empty() && got.len() < ds.events.len());
    assert!(got
        .iter()
        .all(|i| ds.events[i.event].mineral_ids.iter().any(|m| m == "min-antimony")));
    assert!(got.windows(2).all(|w| w[0].start <= w[1].start));
    let ranged = filtered(&ds, &ix, &AppState::parse("from=2026-01-01&to=2026-01-31"));
    assert!(ranged
        .iter()
        .all(|i| i.end >= day("2026-01-01") && i.start <= day("2026-01-31")));
    assert_eq!(filtered(&ds, &ix, &AppState::default()).len(), ds.events.len());
}

proptest! {
    /// Skipping the index when no filter applies changes nothing: the same
    /// events in the same order as the engine gives, filtered or not.
    #[test]
    fn the_index_is_only_a_shortcut(
        q in prop::sample::select(vec!["", " ", "copper", "zzz", "tariff court"]),
        mineral in prop::sample::select(vec!["", "min-antimony", "min-bogus"]),
        from in prop::sample::select(vec!["", "2025-01-01", "2026-01-01"]),
        synthetic in any::<bool>(),
    ) {
        let ds = if synthetic { crate::explore::synth::dataset(300, 3) } else { dataset() };
        let state = AppState::parse(&format!("q={q}&mineral={mineral}&from={from}"));
        let ix = event_index(&ds);
        let mut asked = false;
        let lazy = filtered_with(&ds, &state, || { asked = true; std::sync::Arc::new(event_index(&ds)) });
        prop_assert_eq!(lazy, filtered(&ds, &ix, &state));
        prop_assert_eq!(asked, filters_apply(&state));
    }
}

#[test]
fn without_filters_no_index_is_needed() {
    assert!(!filters_apply(&AppState::parse("view=timeline&sort=-value&lang=ur")));
    assert!(filters_apply(&AppState::parse("q=copper")));
    assert!(filters_apply(&AppState::parse("party=p-usa")));
    assert!(filters_apply(&AppState::parse("to=2025-12-31")));
}

#[test]
fn real_dataset_labels_never_overlap_at_any_zoom() {
    let ds = dataset();
    let all = items(&ds.events, 0..ds.events.len());
    let widths: Vec<f64> = all
        .iter()
        .map(|i| label_width(&ds.events[i.event].title, 28, 7.0))
        .collect();
    for width in [320.0, 800.0, 1400.0] {
        let mut s = opening(&all, width).unwrap();
        for step in 0..12 {
            let marks = place(&all, &widths, &s, &STYLE);
            assert_no_overlap(&marks, &widths);
            if step == 6 {
                assert!(marks.iter().any(|m| m.row.is_some()), "some labels at {width}px");
            }
            s = s.zoom(1.6, width * 0.7);
        }
    }
    let opening = opening(&all, 1000.0).unwrap();
    assert!(
        opening.start > day("2022-01-01") as f64 - 200.0,
        "opening skips the 19th century"
    );
    let last = ds.events.iter().filter(|e| e.date.len() == 10).map(|e| day(&e.date)).max().unwrap();
    assert!(opening.end() > last as f64, "opening reaches the newest event");
}

#[test]
fn elision_keeps_labels_within_their_width() {
    assert_eq!(elide("Short", 10), "Short");
    assert_eq!(elide("A rather long event title", 10), "A rather…");
    assert!(elide("A rather long event title", 10).chars().count() <= 10);
    assert_eq!(label_width("abcdef", 4, 7.0), 28.0);
}

fn random_items(seed: &[(i64, i64, u8)]) -> Vec<Item> {
    let mut v: Vec<Item> = seed
        .iter()
        .enumerate()
        .map(|(i, &(start, len, lane))| Item {
            event: i,
            start,
            end: start + len,
            lane: lane % LANES as u8,
            precision: crate::data::date::Precision::Day,
            approx: false,
        })
        .collect();
    v.sort_by_key(|i| i.start);
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn random_thousand_events_labels_never_overlap(
        seed in prop::collection::vec((18_000i64..21_000, prop_oneof![Just(0i64), 0i64..40], 0u8..7), 1000),
        chars in prop::collection::vec(1usize..60, 1000),
        width in 320.0f64..2000.0, zoom in 0.5f64..200.0, at in 0.0f64..1.0,
    ) {
        let all = random_items(&seed);
        let widths: Vec<f64> = chars.iter().map(|&c| c.min(28) as f64 * 7.0).collect();
        let s = opening(&all, width).unwrap().zoom(zoom, at * width);
        let marks = place(&all, &widths, &s, &STYLE);
        assert_no_overlap(&marks, &widths);
        prop_assert!(marks.iter().all(|m| s.shows(all[m.item].start as f64, all[m.item].end as f64)));
        prop_assert!(marks.windows(2).all(|w| w[0].x <= w[1].x));
    }
}

#[test]
fn the_chart_opens_on_the_story_with_the_background_years_one_step_away() {
    let ds = dataset();
    let all = items(&ds.events, 0..ds.events.len());
    let from = story_from(&all);
    assert!(from > 0 && from < all.len(), "the data has background and story events");
    assert!(all[..from].iter().all(|i| i.start < story_start()) && all[from..].iter().all(|i| i.start >= story_start()));
    let (first, last) = extent(&all).unwrap();
    for width in [320.0, 1000.0] {
        let open = opening(&all, width).unwrap();
        // From the start of 2025 (less a little padding) to past the last event.
        assert!(open.start <= story_start() as f64 && open.start > story_start() as f64 - 40.0, "{open:?}");
        assert!(open.end() > last as f64);
        assert!(!open.shows(first as f64, first as f64), "the oldest years wait");
        // "All years" shows every event; zooming out from the opening gets there too.
        let all_years = whole(&all, width).unwrap();
        assert!(all_years.shows(first as f64, first as f64) && all_years.end() > last as f64);
        let mut out = open;
        for _ in 0..8 {
            out = out.zoom(0.5, width / 2.0);
        }
        assert_eq!((out.start, out.span), (all_years.start, all_years.span));
    }
    // A filter that leaves only background events opens on them.
    let old: Vec<Item> = all[..from].to_vec();
    let open = opening(&old, 800.0).unwrap();
    assert!(open.shows(old[old.len() / 10].start as f64, old.last().unwrap().end as f64));
    assert_eq!(story_from(&old), old.len());
}

#[test]
fn year_chips_point_at_each_story_years_first_event() {
    let ds = dataset();
    let all = items(&ds.events, 0..ds.events.len());
    let years = story_years(&all);
    assert_eq!(years.first().map(|y| (y.0, y.1)), Some((STORY_YEAR, story_from(&all))));
    for (year, pos) in &years {
        assert_eq!(Day::from_days(all[*pos].start).year, *year);
        assert!(*pos == 0 || Day::from_days(all[pos - 1].start).year < *year, "{year}: the first of its year");
    }
    assert!(years.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(story_years(&all[..story_from(&all)]).is_empty());
}

#[test]
fn active_filters_are_listed_and_each_removes_alone() {
    let s = AppState::parse("view=timeline&q=reko&kind=tariff,legal&from=2025-04-01&sort=title&place=place-reko-diq");
    let active = active_filters(&s);
    assert_eq!(active.len(), 5);
    assert_eq!(active[1], ActiveFilter::Option(Facet::Kind, "tariff".into()));
    assert_eq!(active[3], ActiveFilter::Option(Facet::Place, "place-reko-diq".into()));
    for filter in &active {
        let mut without = s.clone();
        filter.remove(&mut without);
        let left = active_filters(&without);
        assert_eq!(left.len(), 4, "{filter:?}");
        assert!(!left.contains(filter));
        assert_eq!((without.view, without.sort), (s.view, s.sort), "only the filter goes");
    }
    assert!(active_filters(&AppState::parse("view=timeline&lang=ur&bg=1")).is_empty());
}

proptest! {
    #[test]
    fn active_filters_exist_exactly_when_filters_apply(q in ".{0,120}") {
        let s = AppState::parse(&q);
        prop_assert_eq!(active_filters(&s).is_empty(), !filters_apply(&s));
        let mut cleared = s.clone();
        for f in active_filters(&s) {
            f.remove(&mut cleared);
        }
        prop_assert!(!filters_apply(&cleared));
    }
}
