use super::index::*;
use super::recent::*;
use super::record::days_of;
use super::*;
use crate::data::model::{Confidence, Dataset};
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Records, Sort, SortKey};
use crate::data::date::Day;
use proptest::prelude::*;

fn deals(n: usize, seed: u64) -> (Dataset, Index) {
    let ds = synth::dataset(n, seed);
    let ix = Index::build(&ds, Records::Deals);
    (ds, ix)
}

fn query(ix: &Index, url: &str) -> Results {
    run(ix, &Query::from_state(&AppState::parse(url), ix))
}

/// The ids of the results, in order.
fn ids(ds: &Dataset, ix: &Index, r: &Results) -> Vec<String> {
    r.rows
        .iter()
        .filter_map(|&p| ix.records.get(p as usize))
        .filter_map(|rec| match ix.kind {
            Records::Deals => ds.deals.get(rec.source as usize).map(|d| d.id.clone()),
            Records::Events => ds.events.get(rec.source as usize).map(|e| e.id.clone()),
        })
        .collect()
}

fn check_status(status: &str, bucket: &str) {
    assert_eq!(status_bucket(status), bucket, "{status}");
}

#[test]
fn status_buckets() {
    check_status("non-binding MoU / framework", "non-binding");
    check_status("MoU; no follow-up reported", "non-binding");
    check_status("LOI", "non-binding");
    check_status(
        "reported as \"advanced negotiations\"; outcome unknown",
        "negotiating",
    );
    check_status("exploratory; no purchase confirmed", "negotiating");
    check_status("approved (Dec 2025)", "agreed");
    check_status("contract signed; results not reported", "agreed");
    check_status("funding and offtake reported as in place", "agreed");
    check_status("the initiative includes GSA collaboration", "other");
}

/// The first days of the dated rows of a result, in its order.
fn first_days(ix: &Index, r: &Results) -> Vec<i64> {
    r.rows.iter().filter_map(|&p| ix.records[p as usize].days.map(|d| d.0)).collect()
}

#[test]
fn empty_query_gives_everything_newest_first() {
    let (ds, ix) = deals(50, 7);
    let r = query(&ix, "");
    assert_eq!((r.rows.len(), r.total), (50, 50));
    let days = first_days(&ix, &r);
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "deals default to newest first");
    // Undated deals come last.
    let first_undated = r
        .rows
        .iter()
        .position(|&p| ix.records[p as usize].days.is_none());
    if let Some(i) = first_undated {
        assert!(r.rows[i..]
            .iter()
            .all(|&p| ix.records[p as usize].days.is_none()));
    }
    let ev = Index::build(&ds, Records::Events);
    let r = run(&ev, &Query::from_state(&AppState::default(), &ev));
    let days = first_days(&ev, &r);
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "events default to oldest first");
}

#[test]
fn search_ignores_case_and_accents_and_needs_every_word() {
    let (ds, ix) = deals(200, 1);
    let plain = query(&ix, "q=sao+tome");
    assert!(!plain.rows.is_empty());
    assert_eq!(plain, query(&ix, "q=S%C3%83O+TOM%C3%89"));
    let both = |h: &str| h.contains("sao") && h.contains("tome");
    assert_eq!(
        plain.rows.len(),
        ix.records.iter().filter(|r| both(&r.haystack)).count()
    );
    let d = ds.deal(&ids(&ds, &ix, &plain)[0]).unwrap();
    let names: Vec<&str> = d
        .party_ids
        .iter()
        .map(|p| ds.party(p).unwrap().name.as_str())
        .collect();
    assert!(both(&fold(&format!(
        "{} {} {}",
        d.title,
        d.summary,
        names.join(" ")
    ))));
    // Party names are searchable: every deal of "Party 7 …" is found by its name.
    let name = fold(&ds.party("org-7").unwrap().name);
    let with_party = ix
        .records
        .iter()
        .filter(|r| {
            ds.deals[r.source as usize]
                .party_ids
                .contains(&"org-7".into())
        })
        .count();
    assert!(
        query(&ix, &format!("q={}", name.replace(' ', "+")))
            .rows
            .len()
            >= with_party
    );
    assert!(query(&ix, "q=zzzz-nothing").rows.is_empty());
}

#[test]
fn unknown_ids_and_bad_ranges_are_ignored() {
    let (_, ix) = deals(30, 2);
    assert_eq!(query(&ix, "mineral=min-nope&party=nobody"), query(&ix, ""));
    // Value ranges do not apply to events, which have no values.
    let ds = synth::dataset(30, 2);
    let ev = Index::build(&ds, Records::Events);
    assert_eq!(
        run(&ev, &Query::from_state(&AppState::parse("vmin=1"), &ev))
            .rows
            .len(),
        30
    );
}

#[test]
fn date_range_overlaps_partial_dates() {
    let mut ds = synth::dataset(3, 4);
    ds.deals[0].date = Some("2025".into());
    ds.deals[1].date = Some("2025-09".into());
    ds.deals[2].date = None;
    let ix = Index::build(&ds, Records::Deals);
    let r = query(&ix, "from=2025-09-15&to=2025-09-20&sort=date");
    assert_eq!(ids(&ds, &ix, &r), ["deal-0", "deal-1"]);
    let r = query(&ix, "from=2025-10-01");
    assert_eq!(ids(&ds, &ix, &r), ["deal-0"]);
    assert!(query(&ix, "to=2024-12-31").rows.is_empty());
}

#[test]
fn value_range_and_sort_by_value() {
    let mut ds = synth::dataset(4, 5);
    for (d, v) in ds
        .deals
        .iter_mut()
        .zip([Some(5e8), None, Some(1e6), Some(5e8)])
    {
        d.value.amount_usd = v;
    }
    let ix = Index::build(&ds, Records::Deals);
    assert_eq!(
        ids(&ds, &ix, &query(&ix, "sort=value")),
        ["deal-2", "deal-0", "deal-3", "deal-1"]
    );
    // Stable descending: equal values keep dataset order; missing last.
    assert_eq!(
        ids(&ds, &ix, &query(&ix, "sort=-value")),
        ["deal-0", "deal-3", "deal-2", "deal-1"]
    );
    assert_eq!(
        ids(&ds, &ix, &query(&ix, "vmin=2000000&vmax=500000000")),
        ["deal-0", "deal-3"]
    );
    assert_eq!(ix.value_bounds, Some((1e6, 5e8)));
}

/// Synthetic deals with every `every`-th one marked background.
fn with_background(n: usize, seed: u64, every: usize) -> (Dataset, Index) {
    let mut ds = synth::dataset(n, seed);
    for d in ds.deals.iter_mut().step_by(every) {
        d.background = true;
    }
    let ix = Index::build(&ds, Records::Deals);
    (ds, ix)
}

#[test]
fn background_deals_are_out_of_the_default_list_count_and_facets() {
    let (ds, ix) = with_background(30, 4, 3);
    let background: Vec<String> = ds.deals.iter().filter(|d| d.background).map(|d| d.id.clone()).collect();
    assert_eq!(background.len(), 10);
    let default = query(&ix, "");
    assert_eq!((default.rows.len(), default.total), (20, 20), "the count's total leaves them out too");
    assert!(ids(&ds, &ix, &default).iter().all(|id| !background.contains(id)));
    // Facet counts promise what ticking gives: without background records.
    let in_scope: u32 = (0..ix.options(Facet::Confidence).len()).map(|k| default.count(Facet::Confidence, k)).sum();
    assert_eq!(in_scope, 20);
    // The switch brings them back, in the same order as the rest.
    let all = query(&ix, "bg=1");
    assert_eq!((all.rows.len(), all.total), (30, 30));
    for sort in ["", "&sort=-value", "&sort=title"] {
        let with: Vec<String> = ids(&ds, &ix, &query(&ix, &format!("bg=1{sort}")));
        let without: Vec<String> = with.iter().filter(|id| !background.contains(id)).cloned().collect();
        assert_eq!(ids(&ds, &ix, &query(&ix, sort.trim_start_matches('&'))), without, "{sort}");
    }
    // A search for a background record's own title finds it only with the switch.
    let title = &ds.deals[0].title;
    assert!(query(&ix, &format!("q={title}")).rows.iter().all(|&p| !ix.records[p as usize].background));
    assert!(query(&ix, &format!("q={title}&bg=1")).rows.iter().any(|&p| ix.records[p as usize].background));
    // Events are never background.
    let ev = Index::build(&ds, Records::Events);
    assert_eq!(run(&ev, &Query::from_state(&AppState::default(), &ev)).total, ds.events.len());
}

#[test]
fn values_rank_only_within_their_kind() {
    use crate::data::model::ValueBasis::{self, Announced, Estimate, Loan, Purchase};
    let mut ds = synth::dataset(7, 5);
    let figures: [(Option<f64>, Option<ValueBasis>); 7] = [
        (Some(1.2e9), Some(Estimate)),
        (Some(5e8), Some(Announced)),
        (Some(2e6), Some(Purchase)),
        (Some(1.25e9), Some(Loan)),
        (None, None),
        (Some(9e8), Some(Announced)),
        // An amount of no stated kind ranks with no other: it comes with the records without a value.
        (Some(3e9), None),
    ];
    for (d, (amount, basis)) in ds.deals.iter_mut().zip(figures) {
        d.value.amount_usd = amount;
        d.value.basis = basis;
    }
    let ix = Index::build(&ds, Records::Deals);
    // Kinds in their fixed order (firmest first) whichever the direction; amounts turn inside a kind.
    assert_eq!(
        ids(&ds, &ix, &query(&ix, "sort=-value")),
        ["deal-3", "deal-2", "deal-5", "deal-1", "deal-0", "deal-4", "deal-6"]
    );
    assert_eq!(
        ids(&ds, &ix, &query(&ix, "sort=value")),
        ["deal-3", "deal-2", "deal-1", "deal-5", "deal-0", "deal-4", "deal-6"]
    );
    // The $1.2bn estimate never outranks the $500m announced figure, nor the $3bn of no kind the loan.
    let order = ids(&ds, &ix, &query(&ix, "sort=-value"));
    let at = |id: &str| order.iter().position(|x| x == id);
    assert!(at("deal-1") < at("deal-0") && at("deal-3") < at("deal-6"));
}

#[test]
fn sort_by_title_folds_accents() {
    let mut ds = synth::dataset(3, 6);
    for (d, t) in ds.deals.iter_mut().zip(["beta", "Álpha", "alpha"]) {
        d.title = t.into();
    }
    let ix = Index::build(&ds, Records::Deals);
    assert_eq!(
        ids(&ds, &ix, &query(&ix, "sort=title")),
        ["deal-1", "deal-2", "deal-0"]
    );
    assert_eq!(
        ids(&ds, &ix, &query(&ix, "sort=-title")),
        ["deal-0", "deal-1", "deal-2"]
    );
}

#[test]
fn titles_sort_by_their_urdu_in_urdu_once_the_order_is_given() {
    let mut ds = synth::dataset(4, 6);
    // The order is the collation's business: here a stand-in reverses code points.
    for (d, (en, ur)) in ds.deals.iter_mut().zip([("a", Some("ب")), ("b", Some("ا")), ("c", None), ("d", Some("پ"))]) {
        d.title = en.into();
        d.title_ur = ur.map(String::from);
    }
    let ix = Index::build(&ds, Records::Deals);
    let english = ["deal-0", "deal-1", "deal-2", "deal-3"];
    assert_eq!(ids(&ds, &ix, &query(&ix, "sort=title&lang=ur")), english, "no Urdu order yet: the English one");
    ix.set_urdu_title_order(&ds, |a, b| b.cmp(a));
    assert!(ix.has_urdu_title_order());
    // پ, ب, ا by the given collation, then the record without an Urdu title.
    assert_eq!(ids(&ds, &ix, &query(&ix, "sort=title&lang=ur")), ["deal-3", "deal-0", "deal-1", "deal-2"]);
    assert_eq!(ids(&ds, &ix, &query(&ix, "sort=-title&lang=ur")), ["deal-1", "deal-0", "deal-3", "deal-2"], "no Urdu title: last either way");
    assert_eq!(ids(&ds, &ix, &query(&ix, "sort=title")), english, "English keeps its order");
    // Set once: a second order changes nothing.
    ix.set_urdu_title_order(&ds, |a, b| a.cmp(b));
    assert_eq!(ids(&ds, &ix, &query(&ix, "sort=title&lang=ur")), ["deal-3", "deal-0", "deal-1", "deal-2"]);
}

#[test]
fn facet_counts_and_options() {
    let (_, ix) = deals(100, 9);
    assert_eq!(
        ix.options(Facet::Status),
        &STATUS_BUCKETS[..],
        "all buckets occur, in fixed order"
    );
    assert_eq!(
        ix.options(Facet::Mineral).first().map(String::as_str),
        Some("min-0"),
        "dataset order"
    );
    let r = query(&ix, "");
    // With no filter, a confidence count is the number of records at that level.
    let total: u32 = (0..ix.options(Facet::Confidence).len())
        .map(|k| r.count(Facet::Confidence, k))
        .sum();
    assert_eq!(total, 100);
    let events = Index::build(&synth::dataset(10, 9), Records::Events);
    assert!(!events.has_facet(Facet::Status));
    assert_eq!(
        events.options(Facet::Kind).first().map(String::as_str),
        Some("deal")
    );
}

#[test]
fn days_of_ranges() {
    let d = |s: &str| Day::parse(s).unwrap().to_days();
    assert_eq!(
        days_of(Some("2025-02"), None),
        Some((d("2025-02-01"), d("2025-02-28")))
    );
    assert_eq!(
        days_of(Some("2025-02-03"), Some("2025-03")),
        Some((d("2025-02-03"), d("2025-03-31")))
    );
    assert_eq!(days_of(Some("bad"), None), None);
}

/// A random query over the synthetic data: a few facet selections, maybe a word, maybe a range.
fn arb_state() -> impl Strategy<Value = AppState> {
    (
        proptest::collection::vec(0usize..15, 0..3),
        proptest::collection::vec(0usize..40, 0..3),
        proptest::collection::vec(0usize..7, 0..3),
        proptest::collection::vec(0usize..4, 0..3),
        prop_oneof![
            Just(""),
            Just("gold"),
            Just("sao"),
            Just("reko diq"),
            Just("müller")
        ],
        proptest::option::of(2020i32..2027),
        0usize..6,
        proptest::bool::ANY,
    )
        .prop_map(|(m, p, k, c, q, year, sort, bg)| {
            let kinds = crate::data::model::DEAL_CATEGORIES;
            AppState {
                mineral: m.iter().map(|i| format!("min-{i}")).collect(),
                party: p.iter().map(|i| format!("org-{i}")).collect(),
                kind: k.iter().map(|&i| kinds[i].to_string()).collect(),
                confidence: c
                    .iter()
                    .map(|&i| Confidence::ALL[i].id().to_string())
                    .collect(),
                q: q.to_string(),
                from: year.and_then(|y| Day::new(y, 1, 1)),
                sort: Sort::parse(["date", "-date", "value", "-value", "title", "-title"][sort]),
                bg,
                ..AppState::default()
            }
        })
}

fn set(r: &Results) -> std::collections::BTreeSet<u32> {
    r.rows.iter().copied().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn facet_counts_equal_selecting_the_option(state in arb_state(), seed in 0u64..4) {
        let (_, ix) = with_background(120, seed, 5);
        let r = run(&ix, &Query::from_state(&state, &ix));
        for facet in Facet::ALL {
            for (k, id) in ix.options(facet).iter().enumerate() {
                let mut only = state.clone();
                for other in state.selected(facet) {
                    only.toggle(facet, other, false);
                }
                only.toggle(facet, id, true);
                let expected = run(&ix, &Query::from_state(&only, &ix)).rows.len() as u32;
                prop_assert_eq!(r.count(facet, k), expected, "{:?} {}", facet, id);
            }
        }
    }

    #[test]
    fn filters_commute_as_intersections(a in arb_state(), b in arb_state()) {
        let (_, ix) = with_background(120, 1, 5);
        // Mineral filter of `a` combined with the party filter and search of `b`, background as `a` says.
        let both = AppState { mineral: a.mineral.clone(), party: b.party.clone(), q: b.q.clone(), bg: a.bg, ..AppState::default() };
        let only_a = AppState { mineral: a.mineral.clone(), bg: a.bg, ..AppState::default() };
        let only_b = AppState { party: b.party.clone(), q: b.q.clone(), bg: a.bg, ..AppState::default() };
        let q = |s: &AppState| set(&run(&ix, &Query::from_state(s, &ix)));
        let expected: std::collections::BTreeSet<u32> = q(&only_a).intersection(&q(&only_b)).copied().collect();
        prop_assert_eq!(q(&both), expected);
    }

    #[test]
    fn clearing_restores_everything(state in arb_state()) {
        let (_, ix) = with_background(80, 2, 4);
        let cleared = state.cleared_filters();
        let r = run(&ix, &Query::from_state(&cleared, &ix));
        // Everything in scope: the switch is kept, background records only with it.
        let in_scope = ix.records.iter().filter(|rec| state.bg || !rec.background).count();
        prop_assert_eq!((r.rows.len(), r.total), (in_scope, in_scope));
        prop_assert_eq!(set(&r).len(), in_scope);
    }

    #[test]
    fn rows_are_sorted_stably(state in arb_state()) {
        let (_, ix) = deals(150, 3);
        let q = Query::from_state(&state, &ix);
        let r = run(&ix, &q);
        let key = |p: u32| -> Option<f64> {
            let rec = &ix.records[p as usize];
            match q.sort.key {
                SortKey::Date => rec.days.map(|d| d.0 as f64),
                SortKey::Value => rec.value,
                SortKey::Title => Some(ix.by_title.rank[p as usize] as f64),
            }
        };
        for w in r.rows.windows(2) {
            let (a, b) = (key(w[0]), key(w[1]));
            match (a, b) {
                (Some(a), Some(b)) => {
                    let ordered = if q.sort.descending { a >= b } else { a <= b };
                    prop_assert!(ordered);
                    if a == b { prop_assert!(w[0] < w[1], "ties keep dataset order"); }
                }
                (None, Some(_)) => prop_assert!(false, "missing keys come last"),
                (Some(_), None) => {}
                (None, None) => prop_assert!(w[0] < w[1]),
            }
        }
    }
}

#[test]
fn minerals_and_parties_may_be_named_without_their_prefix() {
    let (ds, ix) = deals(300, 7);
    for (bare, full) in [("mineral=3", "mineral=min-3"), ("party=2", "party=org-2"), ("mineral=3&party=2", "mineral=min-3&party=org-2")] {
        let (bare_ids, full_ids) = (ids(&ds, &ix, &query(&ix, bare)), ids(&ds, &ix, &query(&ix, full)));
        assert_eq!(bare_ids, full_ids, "{bare}");
    }
    // The shorthand narrows the results, and applies only to minerals and parties.
    let (narrowed, all) = (query(&ix, "mineral=3"), query(&ix, ""));
    assert!(narrowed.rows.len() < all.rows.len(), "{} of {}", narrowed.rows.len(), all.rows.len());
    assert_eq!(query(&ix, "kind=binding").rows.len(), all.rows.len());
}

/// Search texts a reader types on the way to "reko diq", and back.
const TYPING: [&str; 9] = ["", "r", "re", "rek", "reko", "reko d", "reko diq", "e", "gold"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Remembered searches give exactly a fresh run, whatever came before and
    /// in what order (narrower, wider, the same again, unrelated; other facets
    /// or dates), and the memory stays bounded.
    #[test]
    fn run_with_recent_searches_equals_run(
        states in proptest::collection::vec(arb_state(), 1..6),
        typed in proptest::collection::vec(proptest::sample::select(TYPING.to_vec()), 1..24),
        seed in 0u64..4,
    ) {
        let ix = std::sync::Arc::new(with_background(150, seed, 6).1);
        let mut recent = Recent::default();
        for (step, text) in typed.iter().enumerate() {
            let base = states.get(step % states.len()).cloned().unwrap_or_default();
            // Mostly the same filters with letters typed and deleted; now and then other filters.
            let state = if seed % 2 == 0 || step % 5 != 4 { AppState { q: text.to_string(), ..base } } else { base };
            let q = Query::from_state(&state, &ix);
            prop_assert_eq!(run_with(&ix, &q, &mut recent), run(&ix, &q), "step {} {:?}", step, state.q);
        }
        prop_assert!(recent.searches.len() <= RECENT && recent.results.len() <= RECENT);
    }
}

/// A search remembered on one index is not an answer on another: when more of
/// the dataset arrives (a language's text, more records) the index is rebuilt,
/// and the same query then finds what the new records hold.
#[test]
fn remembered_searches_follow_a_rebuilt_index() {
    use std::sync::Arc;
    let (mut ds, ix) = deals(40, 3);
    let ix = Arc::new(ix);
    let mut recent = Recent::default();
    let q = |ix: &Index| Query::from_state(&AppState::parse("q=zzqx"), ix);
    assert!(run_with(&ix, &q(&ix), &mut recent).rows.is_empty(), "no record holds the word yet");
    if let Some(first) = ds.deals.first_mut() {
        first.title = format!("{} zzqx", first.title);
    }
    let rebuilt = Arc::new(Index::build(&ds, Records::Deals));
    assert_eq!(run_with(&rebuilt, &q(&rebuilt), &mut recent), run(&rebuilt, &q(&rebuilt)));
    assert_eq!(run_with(&rebuilt, &q(&rebuilt), &mut recent).rows.len(), 1, "the new text is searched, not the remembered answer");
}

#[test]
fn typing_more_letters_narrows_and_deleting_does_not() {
    let (_, ix) = deals(50, 1);
    let q = |text: &str, from: &str| Query::from_state(&AppState::parse(&format!("q={text}&from={from}")), &ix);
    assert!(q("lithium", "").narrows(&q("lithi", "")));
    assert!(q("reko diq", "").narrows(&q("reko", "")));
    assert!(q("diq reko", "").narrows(&q("rek", "")));
    assert!(q("gold", "").narrows(&q("", "")));
    assert!(!q("lithi", "").narrows(&q("lithium", "")));
    assert!(!q("gold", "").narrows(&q("copper", "")));
    assert!(!q("lithium", "2025-01-01").narrows(&q("lithi", "")), "other dates: look at every record");
    // What is remembered: every record a search lets through, once per search.
    let mut recent = Recent::default();
    assert_eq!(recent.base(&ix, &q("", "")).len(), ix.records.len());
    let lithi = recent.base(&ix, &q("lithi", ""));
    recent.base(&ix, &q("lithium", ""));
    assert_eq!(recent.base(&ix, &q("lithi", "")), lithi, "a letter deleted: the same records");
    assert_eq!(recent.searches.len(), 3, "a search seen again is not remembered twice");
    assert_eq!(recent.searches.first().map(|(s, _)| s.terms.clone()), Some(vec!["lithi".to_string()]), "newest first");
}


/// `place=` filters deals and events to those naming the place (in the real dataset), counts
/// follow the other filters, a bare id works, and ids the dataset does not know change nothing.
#[test]
fn place_filters_deals_and_events() {
    let ds: Dataset = serde_json::from_str(include_str!("../../public/data/deals.json")).expect("deals.json decodes");
    let (deals, events) = (Index::build(&ds, Records::Deals), Index::build(&ds, Records::Events));
    let reko = query(&deals, "place=place-reko-diq");
    assert_eq!(ids(&ds, &deals, &reko), ["deal-exim-reko-diq"]);
    // Manara's stake talks are a background record (not a US–Pakistan deal).
    let with_background = query(&deals, "place=place-reko-diq&bg=1");
    assert_eq!(ids(&ds, &deals, &with_background), ["deal-manara-reko-diq-stake", "deal-exim-reko-diq"]);
    assert_eq!(ids(&ds, &deals, &query(&deals, "place=reko-diq")), ids(&ds, &deals, &reko));
    let all = query(&deals, "");
    assert_eq!(query(&deals, "place=place-nowhere").rows, all.rows);
    assert_eq!(query(&deals, "place=place-nowhere,place-reko-diq").rows, reko.rows);
    // Counts: each place's option counts what selecting it alone would show.
    let k = deals.options(Facet::Place).iter().position(|o| o == "place-reko-diq").expect("an option");
    assert_eq!(all.count(Facet::Place, k), 1);
    let with_antimony = query(&deals, "place=place-reko-diq&mineral=min-antimony");
    assert_eq!(with_antimony.rows.len(), 0);
    let saindak = ids(&ds, &events, &query(&events, "records=events&place=place-saindak"));
    assert_eq!(saindak, ["1961-saindak-deposit-discovered", "1990-saindak-production-begins", "2005-12-saindaks-first-blister-copper-export"]);
    // Places no deal names are not deal options; the events know them.
    assert!(!deals.options(Facet::Place).iter().any(|o| o == "place-saindak"));
    assert!(events.options(Facet::Place).iter().any(|o| o == "place-saindak"));
}

#[test]
fn a_place_id_names_a_place_with_or_without_its_prefix() {
    let ds: Dataset = serde_json::from_str(include_str!("../../public/data/deals.json")).expect("deals.json decodes");
    assert_eq!(place_named(&ds, "place-reko-diq").map(|p| p.name.as_str()), Some("Reko Diq"));
    assert_eq!(place_named(&ds, "reko-diq").map(|p| p.id.as_str()), Some("place-reko-diq"));
    assert!(place_named(&ds, "place-nowhere").is_none() && place_named(&ds, "").is_none());
}
