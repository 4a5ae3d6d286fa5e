use super::boundary::{Boundaries, BoundaryError, Region};
use super::label::{place, LabelStyle, Site};
use super::layout::{layout, Layout, MapStyle, PlaceMark};
use super::path::{circle, rings, Shape};
use super::project::Projection;
use super::show::{shown, Shown};
use super::*;
use crate::data::json_text::{parse, std_parse_number};
use crate::state::vocab::Lang;

/// A rough outline of Pakistan (a few vertices), in the boundary file's shape.
fn outline() -> Vec<Vec<[f64; 2]>> {
    vec![vec![
        [61.0, 25.0], [66.5, 25.3], [68.5, 23.7], [71.1, 24.4], [70.0, 28.0], [74.5, 31.0], [75.4, 32.3],
        [74.0, 34.0], [77.8, 35.5], [74.5, 37.0], [71.5, 36.5], [69.3, 31.9], [66.5, 29.9], [62.0, 29.4],
        [61.0, 25.0],
    ]]
}

fn pakistan() -> GeoBox {
    GeoBox::of_rings(&outline()).unwrap()
}

/// Places of the deals' story, at positions near their published ones
/// (a test fixture: the dataset's places carry the sourced coordinates).
fn fixture_places() -> Vec<PlaceMark<'static>> {
    let p = |lon, lat, kind, radius_km, label, priority| PlaceMark {
        at: LonLat { lon, lat },
        shape: Shape::of_kind(kind),
        radius_km,
        label,
        priority,
    };
    vec![
        p(62.05, 29.08, "mine-project", None, "Reko Diq", 9),
        p(61.58, 29.27, "mine-project", None, "Saindak", 5),
        p(63.47, 25.26, "port", None, "Pasni", 6),
        p(62.33, 25.12, "port", None, "Gwadar", 3),
        p(67.01, 24.86, "port", None, "Karachi (Port Qasim)", 4),
        p(73.05, 33.69, "signing-place", None, "Islamabad", 8),
        p(74.0, 35.8, "region", Some(60.0), "Antimony, Gilgit-Baltistan", 2),
        p(64.9, 29.4, "region", Some(80.0), "Chagai district", 1),
        p(66.99, 30.18, "city", None, "Quetta", 1),
    ]
}

const STYLE: MapStyle = MapStyle {
    mark: 7.0,
    min_area: 8.0,
    char_px: 7.5,
    label: LabelStyle { height: 16.0, gap: 3.0 },
};

fn map_at(width: f64) -> Projection {
    Projection::fit(&pakistan(), width, None, 8.0).unwrap()
}

/// Labels inside the map, clear of one another and of every mark but their own area's.
fn assert_clean(l: &Layout, proj: &Projection) {
    let view = proj.viewport();
    for (i, a) in l.labels.iter().enumerate() {
        assert!(view.contains(&a.rect), "label leaves the map: {a:?} in {view:?}");
        for b in l.labels.iter().skip(i + 1) {
            assert!(!a.rect.overlaps(&b.rect), "labels overlap: {a:?} {b:?}");
        }
        for (j, m) in l.marks.iter().enumerate() {
            let r = if m.area { 0.0 } else { STYLE.mark };
            let mark = Rect { x: m.at.x - r, y: m.at.y - r, width: 2.0 * r, height: 2.0 * r };
            if j != a.site || !m.area {
                assert!(!a.rect.overlaps(&mark), "label {a:?} covers mark {j} {m:?}");
            }
        }
    }
}

// ---- projection ----

#[test]
fn projection_round_trips_at_several_widths() {
    for width in [320.0, 600.0, 1000.0] {
        let proj = map_at(width);
        for lon in [60.9, 62.05, 67.0, 73.05, 77.8] {
            for lat in [23.7, 25.1, 29.08, 33.69, 37.0] {
                let back = proj.lon_lat(proj.point(LonLat { lon, lat }));
                assert!((back.lon - lon).abs() < 1e-9 && (back.lat - lat).abs() < 1e-9, "{lon},{lat} -> {back:?}");
            }
        }
        for (x, y) in [(0.0, 0.0), (width / 3.0, 100.0), (width, 250.0)] {
            let p = proj.point(proj.lon_lat(Point { x, y }));
            assert!((p.x - x).abs() < 1e-9 && (p.y - y).abs() < 1e-9);
        }
    }
}

#[test]
fn fitted_box_fills_the_width_inside_the_padding() {
    let b = pakistan();
    for width in [320.0, 600.0, 1000.0] {
        let proj = Projection::fit(&b, width, None, 8.0).unwrap();
        let nw = proj.point(LonLat { lon: b.west, lat: b.north });
        let se = proj.point(LonLat { lon: b.east, lat: b.south });
        assert!((nw.x - 8.0).abs() < 1e-9 && (se.x - (width - 8.0)).abs() < 1e-9);
        assert!((nw.y - 8.0).abs() < 1e-9 && (se.y - (proj.height - 8.0)).abs() < 1e-9);
        // North is up, east is right; a degree of longitude is shorter than one of latitude.
        assert!(nw.y < se.y && nw.x < se.x);
        let east = proj.point(LonLat { lon: 68.0, lat: 30.0 }).x - proj.point(LonLat { lon: 67.0, lat: 30.0 }).x;
        let north = proj.point(LonLat { lon: 67.0, lat: 30.0 }).y - proj.point(LonLat { lon: 67.0, lat: 31.0 }).y;
        assert!(east < north && east > 0.8 * north, "east {east} north {north}");
    }
}

#[test]
fn a_fixed_height_fits_the_box_both_ways_and_centres_it() {
    // A tall, narrow box in a wide, low viewport: the height decides.
    let tall = GeoBox { west: 70.0, south: 28.0, east: 71.0, north: 34.0 };
    let proj = Projection::fit(&tall, 600.0, Some(300.0), 10.0).unwrap();
    assert_eq!(proj.height, 300.0);
    let nw = proj.point(LonLat { lon: tall.west, lat: tall.north });
    let se = proj.point(LonLat { lon: tall.east, lat: tall.south });
    assert!((nw.y - 10.0).abs() < 1e-9 && (se.y - 290.0).abs() < 1e-9);
    assert!(((nw.x + se.x) / 2.0 - 300.0).abs() < 1e-9, "centred across");
    // A wide, low box in a tall viewport: the width decides, the box is centred down.
    let wide = GeoBox { west: 60.0, south: 30.0, east: 70.0, north: 31.0 };
    let proj = Projection::fit(&wide, 600.0, Some(500.0), 10.0).unwrap();
    assert_eq!(proj.height, 500.0);
    let nw = proj.point(LonLat { lon: wide.west, lat: wide.north });
    let se = proj.point(LonLat { lon: wide.east, lat: wide.south });
    assert!((nw.x - 10.0).abs() < 1e-9 && (se.x - 590.0).abs() < 1e-9);
    assert!(((nw.y + se.y) / 2.0 - 250.0).abs() < 1e-9, "centred down");
    assert_eq!(Projection::fit(&wide, 600.0, Some(15.0), 10.0), None);
}

#[test]
fn fit_refuses_empty_boxes_and_tiny_viewports() {
    let point = GeoBox { west: 67.0, south: 30.0, east: 67.0, north: 30.0 };
    assert_eq!(Projection::fit(&point, 600.0, None, 8.0), None);
    assert_eq!(Projection::fit(&pakistan(), 16.0, None, 8.0), None);
    let nan = GeoBox { west: f64::NAN, ..pakistan() };
    assert_eq!(Projection::fit(&nan, 600.0, None, 8.0), None);
}

#[test]
fn kilometres_follow_the_latitude_scale() {
    let proj = map_at(1000.0);
    let one_degree = proj.point(LonLat { lon: 67.0, lat: 30.0 }).y - proj.point(LonLat { lon: 67.0, lat: 31.0 }).y;
    assert!((proj.km(project::KM_PER_DEGREE) - one_degree).abs() < 1e-9);
    assert!((proj.km(50.0) * 2.0 - proj.km(100.0)).abs() < 1e-9);
}

// ---- path data ----

/// The numbers of a path's data, pairwise.
fn points(d: &str) -> Vec<(f64, f64)> {
    let nums: Vec<f64> = d
        .split(|c: char| c.is_ascii_alphabetic() || c == ' ')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    nums.chunks(2).map(|c| (c[0], c[1])).collect()
}

#[test]
fn rings_become_closed_paths_inside_the_map() {
    for width in [320.0, 1000.0] {
        let proj = map_at(width);
        let d = rings(&proj, &outline());
        assert!(d.starts_with('M') && d.ends_with('Z') && d.matches('M').count() == 1);
        // The closing vertex repeats the first: `Z` draws that edge.
        assert_eq!(d.matches('L').count(), outline()[0].len() - 2);
        for (x, y) in points(&d) {
            assert!((0.0..=width).contains(&x) && (0.0..=proj.height).contains(&y), "{x},{y}");
            assert_eq!((x * 10.0).round(), x * 10.0, "one decimal");
        }
    }
}

#[test]
fn vertices_closer_than_the_rounding_collapse_and_slivers_vanish() {
    let proj = map_at(320.0);
    let dense = vec![vec![[70.0, 30.0], [70.0001, 30.0001], [71.0, 30.0], [71.0, 31.0], [70.0, 30.0]]];
    assert_eq!(rings(&proj, &dense).matches('L').count(), 2);
    let sliver = vec![vec![[70.0, 30.0], [70.0001, 30.0], [70.0002, 30.0]]];
    assert_eq!(rings(&proj, &sliver), "");
    assert_eq!(rings(&proj, &[outline()[0].clone(), sliver[0].clone()]), rings(&proj, &outline()));
}

#[test]
fn each_kind_has_its_own_shape() {
    let kinds = ["deposit", "mine-project", "port", "city", "signing-place", "region"];
    let shapes: Vec<Shape> = kinds.iter().map(|k| Shape::of_kind(k)).collect();
    for (i, a) in shapes.iter().enumerate() {
        assert!(!shapes.iter().skip(i + 1).any(|b| b == a), "{} shares its shape", kinds[i]);
    }
    let c = Point { x: 50.0, y: 50.0 };
    let corners = |s: Shape| points(&s.path(c, 6.0)).len();
    assert_eq!((corners(Shape::Triangle), corners(Shape::Square), corners(Shape::Star)), (3, 4, 10));
    for s in Shape::ALL {
        for (x, y) in points(&s.path(c, 6.0)).into_iter().filter(|_| s != Shape::Circle) {
            assert!(((x - 50.0).hypot(y - 50.0) - 6.0).abs() < 0.2 || s == Shape::Star);
        }
    }
    assert_eq!(circle(c, 6.0), "M44 50a6 6 0 1 0 12 0a6 6 0 1 0 -12 0Z");
}

// ---- labels ----

#[test]
fn labels_never_overlap_nor_leave_the_map_at_several_widths() {
    let places = fixture_places();
    for width in [320.0, 420.0, 600.0, 800.0, 1000.0] {
        for rtl in [false, true] {
            let proj = map_at(width);
            let l = layout(&places, &proj, &STYLE, rtl);
            assert_eq!(l.marks.len(), places.len(), "every place is on the whole map");
            assert_clean(&l, &proj);
            assert!(!l.labels.is_empty());
        }
    }
}

#[test]
fn more_room_places_more_labels_and_priority_wins_a_crowd() {
    let places = fixture_places();
    let narrow = layout(&places, &map_at(320.0), &STYLE, false).labels.len();
    let wide = layout(&places, &map_at(1000.0), &STYLE, false).labels.len();
    assert!(wide >= narrow && wide == places.len(), "{narrow} at 320 px, {wide} of {} at 1000 px", places.len());
    // Three marks on one spot: only room around it for a few; the heaviest is labelled first.
    let site = |priority| Site {
        at: Point { x: 100.0, y: 50.0 },
        mark: 5.0,
        reach: 5.0,
        width: 150.0,
        priority,
        area: false,
    };
    let bounds = Rect { x: 0.0, y: 0.0, width: 200.0, height: 100.0 };
    let style = LabelStyle { height: 16.0, gap: 2.0 };
    let placed = place(&[site(1), site(7), site(3)], &bounds, &style, false);
    assert_eq!(placed.first().map(|l| l.site), Some(1));
    for (i, a) in placed.iter().enumerate() {
        assert!(bounds.contains(&a.rect));
        assert!(placed.iter().skip(i + 1).all(|b| !a.rect.overlaps(&b.rect)));
    }
    assert!(placed.len() < 3, "a crowd cannot all be labelled: {placed:?}");
}

#[test]
fn urdu_labels_prefer_the_left_of_their_mark() {
    let site = Site { at: Point { x: 100.0, y: 50.0 }, mark: 5.0, reach: 5.0, width: 40.0, priority: 1, area: false };
    let bounds = Rect { x: 0.0, y: 0.0, width: 200.0, height: 100.0 };
    let style = LabelStyle { height: 16.0, gap: 2.0 };
    let ltr = place(&[site], &bounds, &style, false);
    let rtl = place(&[site], &bounds, &style, true);
    assert!(ltr[0].rect.x > 100.0 && rtl[0].rect.right() < 100.0);
    // At the map's left edge the Urdu label goes right instead.
    let edge = Site { at: Point { x: 20.0, ..site.at }, ..site };
    assert!(place(&[edge], &bounds, &style, true)[0].rect.x > 20.0);
}

#[test]
fn zooming_to_a_region_drops_the_places_outside_it() {
    let places = fixture_places();
    let balochistan = GeoBox { west: 60.8, south: 24.8, east: 70.3, north: 32.2 };
    let whole = map_at(600.0);
    let proj = Projection::fit(&balochistan, 600.0, Some(whole.height), 8.0).unwrap();
    assert_eq!(proj.height, whole.height, "the zoom keeps the frame");
    let l = layout(&places, &proj, &STYLE, false);
    let labels: Vec<&str> = l.marks.iter().map(|m| places[m.place].label).collect();
    assert!(labels.contains(&"Reko Diq") && !labels.contains(&"Islamabad"), "{labels:?}");
    assert_clean(&l, &proj);
}

// ---- which places show ----

#[test]
fn filters_drop_places_without_matching_records() {
    let ids = ["place-a", "place-b", "place-c"];
    let records: Vec<Vec<String>> = vec![vec!["place-a".into()], vec!["place-a".into(), "place-c".into()], vec![]];
    let all = || records.iter().map(Vec::as_slice);
    // No filter: every place, weighted by its records.
    assert_eq!(
        shown(&ids, all(), false, &[]),
        vec![Shown { place: 0, records: 2 }, Shown { place: 1, records: 0 }, Shown { place: 2, records: 1 }]
    );
    // A filter: only places some matching record names.
    let first = || records.iter().take(1).map(Vec::as_slice);
    assert_eq!(shown(&ids, first(), true, &[]), vec![Shown { place: 0, records: 1 }]);
    // place=: only the places chosen, with or without records.
    assert_eq!(shown(&ids, all(), false, &["place-b".into()]), vec![Shown { place: 1, records: 0 }]);
    assert_eq!(shown(&ids, first(), true, &["place-c".into()]), vec![]);
    // An id no place has counts nowhere.
    assert_eq!(shown(&ids, [&["place-x".to_string()][..]], true, &[]), vec![]);
}

// ---- the boundary file ----

fn boundary_tree(text: &str) -> crate::data::json::Json {
    parse(text, std_parse_number).unwrap()
}

#[test]
fn boundary_file_reads_regions_and_skips_broken_ones() {
    let b = Boundaries::read(&boundary_tree(
        r#"{"source": "Natural Earth", "source_url": "https://example.org", "version": "5.1.1",
        "licence": "public domain", "simplified": 0.01, "regions": [
          {"id": "sindh", "name": "Sindh", "name_ur": "سندھ", "disputed": false,
           "rings": [[[66.5, 25.3], [68.5, 23.7], [71.1, 24.4], [70.0, 28.0], [66.5, 25.3]]]},
          {"id": "gilgit-baltistan", "name": "Gilgit-Baltistan", "name_ur": "گلگت بلتستان", "disputed": true,
           "rings": [[[74.0, 34.0], [77.8, 35.5], [74.5, 37.0], [74.0, 34.0]]]},
          {"id": "broken", "rings": [[[74.0, "north"]]]},
          {"id": "off-earth", "rings": [[[274.0, 34.0], [77.8, 35.5], [74.5, 37.0]]]}
        ]}"#,
    ))
    .unwrap();
    assert_eq!(b.regions.len(), 2);
    assert_eq!(b.skipped, 2);
    assert_eq!((b.source.as_str(), b.version.as_str()), ("Natural Earth", "5.1.1"));
    let gb = b.region("gilgit-baltistan").unwrap();
    assert!(gb.disputed && !b.region("sindh").unwrap().disputed);
    assert_eq!(gb.bounds, GeoBox { west: 74.0, south: 34.0, east: 77.8, north: 37.0 });
    assert_eq!(b.bounds(), Some(GeoBox { west: 66.5, south: 23.7, east: 77.8, north: 37.0 }));
    assert_eq!((gb.name_in(Lang::En), gb.name_in(Lang::Ur)), ("Gilgit-Baltistan", "گلگت بلتستان"));
    let blank = Region { name_ur: "  ".into(), ..gb.clone() };
    assert_eq!(blank.name_in(Lang::Ur), "Gilgit-Baltistan", "no Urdu name: the English one");
}

#[test]
fn a_boundary_file_of_the_wrong_shape_is_a_typed_error() {
    assert_eq!(Boundaries::read(&boundary_tree("[1, 2]")), Err(BoundaryError::Shape));
    assert_eq!(Boundaries::read(&boundary_tree(r#"{"regions": 3}"#)), Err(BoundaryError::Shape));
    assert_eq!(Boundaries::read(&boundary_tree(r#"{"regions": [{"id": "x"}]}"#)), Err(BoundaryError::NoRegions));
}

// ---- the dataset's places ----

mod real {
    use std::sync::Arc;

    use super::super::places::{chosen, filtered, marks, narrowed, records_at, shown_places};
    use super::*;
    use crate::data::model::{Dataset, Precision};
    use crate::explore::Index;
    use crate::state::url::AppState;
    use crate::state::vocab::{Lang, Records};

    fn dataset() -> Dataset {
        serde_json::from_str(include_str!("../../public/data/deals.json")).expect("deals.json decodes")
    }

    fn index(ds: &Dataset) -> impl Fn(Records) -> Arc<Index> + '_ {
        move |r| Arc::new(Index::build(ds, r))
    }

    fn boundaries() -> Boundaries {
        let text = include_str!("../../public/data/boundaries.json");
        Boundaries::read(&parse(text, std_parse_number).unwrap()).unwrap()
    }

    /// The whole map: the boundary file's extent.
    fn places_box(_: &Dataset) -> GeoBox {
        boundaries().bounds().unwrap()
    }

    #[test]
    fn the_boundary_file_reads_whole_and_draws_inside_the_map() {
        let b = boundaries();
        assert_eq!(b.skipped, 0);
        assert!(b.regions.len() >= 7 && b.regions.iter().any(|r| r.disputed));
        assert!(!b.source.is_empty() && !b.licence.is_empty() && !b.version.is_empty());
        for width in [320.0, 1000.0] {
            let proj = Projection::fit(&b.bounds().unwrap(), width, None, 8.0).unwrap();
            for r in &b.regions {
                let d = rings(&proj, &r.rings);
                assert!(d.starts_with('M') && d.ends_with('Z'), "{}", r.id);
                assert!(points(&d).iter().all(|&(x, y)| (7.9..=width - 7.9).contains(&x) && (7.9..=proj.height - 7.9).contains(&y)), "{}", r.id);
            }
        }
    }

    #[test]
    fn the_real_places_labels_never_overlap_at_several_widths_in_both_languages() {
        let ds = dataset();
        assert!(ds.places.len() >= 5, "{} places", ds.places.len());
        let all = shown_places(&ds, &AppState::default(), &[], index(&ds));
        assert_eq!(all.len(), ds.places.len(), "unfiltered, every place shows");
        for lang in [Lang::En, Lang::Ur] {
            let places = marks(&ds, &all, lang);
            for width in [320.0, 600.0, 1000.0] {
                let proj = Projection::fit(&places_box(&ds), width, None, 8.0).unwrap();
                let style = if lang.is_rtl() { MapStyle::UR } else { MapStyle::EN };
                assert_eq!(style.mark, STYLE.mark, "assert_clean's mark size");
                let l = layout(&places, &proj, &style, lang.is_rtl());
                assert_eq!(l.marks.len(), places.len());
                assert_clean(&l, &proj);
                assert!(!l.labels.is_empty(), "{lang:?} at {width}");
            }
        }
    }

    #[test]
    fn approximate_places_are_areas_and_exact_ones_marks_by_kind() {
        let ds = dataset();
        let all = shown_places(&ds, &AppState::default(), &[], index(&ds));
        let places = marks(&ds, &all, Lang::En);
        let proj = Projection::fit(&places_box(&ds), 1000.0, None, 8.0).unwrap();
        let l = layout(&places, &proj, &STYLE, false);
        for m in &l.marks {
            let p = &ds.places[all[m.place].place];
            assert_eq!(m.area, p.precision == Precision::Approximate, "{}", p.id);
            if m.area {
                let r = proj.km(p.radius_km.unwrap()).max(STYLE.min_area);
                assert_eq!(m.path, circle(m.at, r), "{}", p.id);
            } else {
                assert_eq!(m.path, Shape::of_kind(p.kind.id()).path(m.at, STYLE.mark), "{}", p.id);
            }
        }
        assert!(l.marks.iter().any(|m| m.area) && l.marks.iter().any(|m| !m.area));
    }

    #[test]
    fn filters_keep_only_places_a_matching_record_names() {
        let ds = dataset();
        let everything = shown_places(&ds, &AppState::default(), &[], index(&ds)).len();
        let mut fewer = false;
        // Minerals no record names are not options of the engine's facet: it ignores them.
        let named = |m: &str| ds.deals.iter().map(|d| &d.mineral_ids).chain(ds.events.iter().map(|e| &e.mineral_ids)).any(|ids| ids.iter().any(|i| i == m));
        for m in ds.minerals.iter().filter(|m| named(&m.id)) {
            let state = AppState { mineral: vec![m.id.clone()], ..AppState::default() };
            assert!(filtered(&state));
            let shown = shown_places(&ds, &state, &[], index(&ds));
            for s in &shown {
                let place = &ds.places[s.place];
                let at = records_at(&ds, &place.id);
                assert!(at.mineral_ids.contains(&m.id.as_str()), "{} shows for {} without a record of it", place.id, m.id);
                assert!(s.records > 0);
            }
            fewer |= shown.len() < everything;
        }
        assert!(fewer, "some mineral leaves some place out");
        // A mineral no record names is ignored, as every view ignores it.
        let unknown = AppState { mineral: vec!["min-unobtainium".into()], ..AppState::default() };
        assert_eq!(shown_places(&ds, &unknown, &[], index(&ds)).len(), everything);
        // A search no record matches leaves no place.
        let nothing = AppState { q: "zzzz-no-such-words".into(), ..AppState::default() };
        assert!(shown_places(&ds, &nothing, &[], index(&ds)).is_empty());
        // The calculator's inputs and the deals' own facets are not the map's filters.
        let other = AppState { status: vec!["signed".into()], hts: Some("2603.00".into()), ..AppState::default() };
        assert!(!filtered(&other));
        // place= chooses among the places; an id no place has is ignored.
        let unknown = AppState { place: vec!["place-nowhere".into()], ..AppState::default() };
        assert!(chosen(&ds, &unknown).is_empty() && !narrowed(&ds, &unknown));
        let known = AppState { place: vec!["place-nowhere".into(), ds.places[1].id.clone()], ..AppState::default() };
        assert_eq!(chosen(&ds, &known), vec![ds.places[1].id.clone()]);
        let bare = ds.places[2].id.strip_prefix("place-").unwrap().to_string();
        assert_eq!(chosen(&ds, &AppState { place: vec![bare], ..AppState::default() }), vec![ds.places[2].id.clone()]);
        assert!(narrowed(&ds, &known));
        let first = ds.places[0].id.clone();
        let chosen = shown_places(&ds, &AppState::default(), &[first], index(&ds));
        assert_eq!(chosen.iter().map(|s| s.place).collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn a_places_details_list_the_records_that_name_it() {
        let ds = dataset();
        let mut some = false;
        for p in &ds.places {
            let at = records_at(&ds, &p.id);
            assert!(at.deals.iter().all(|d| d.place_ids.contains(&p.id)));
            assert!(at.events.iter().all(|e| e.place_ids.contains(&p.id)));
            let named = ds.deals.iter().filter(|d| d.place_ids.contains(&p.id)).count()
                + ds.events.iter().filter(|e| e.place_ids.contains(&p.id)).count();
            assert_eq!(at.deals.len() + at.events.len(), named);
            some |= named > 0;
        }
        assert!(some);
    }
}
