//! The validator against a corpus of broken datasets (`tests/data/broken/`,
//! each one change away from `tests/data/minimal.json`), the real dataset,
//! the `validate-data` CLI, and property tests that it never panics.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

use deal_explorer::data::json::Json;
use deal_explorer::data::decode::decode;
use deal_explorer::data::load::{load_str, load_tree};
use deal_explorer::data::model::Dataset;
use deal_explorer::data::validate::{decode_problem, summarize, syntax_problem, validate, Problem};
use proptest::prelude::*;

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file)
}

fn problems_of(file: &str) -> Vec<Problem> {
    let path = data(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    load_str(&text).err().unwrap_or_default()
}

/// `file` yields, for each `(path, message)` pair, a problem whose path and
/// message contain them; with no pairs, the file must be valid.
fn check(file: &str, expected: &[(&str, &str)]) -> Result<(), String> {
    let problems = problems_of(file);
    let listing = problems
        .iter()
        .map(|p| format!("\n    {p}"))
        .collect::<String>();
    if expected.is_empty() && !problems.is_empty() {
        return Err(format!("{file}: expected valid, got:{listing}"));
    }
    if !expected.is_empty() && problems.is_empty() {
        return Err(format!("{file}: expected problems, got none"));
    }
    for (path, message) in expected {
        if !problems
            .iter()
            .any(|p| p.path.contains(path) && p.message.contains(message))
        {
            return Err(format!(
                "{file}: no problem at {path:?} saying {message:?}; got:{listing}"
            ));
        }
    }
    Ok(())
}

/// Each broken file, with what it must report. Every file in `broken/` must be listed.
#[rustfmt::skip]
const CASES: &[(&str, &[(&str, &str)])] = &[
    ("syntax-error.json", &[("$", "JSON syntax error at line 6, column 5: expected ',' or '}' after a field, found '\"'")]),
    ("syntax-trailing-comma.json", &[("$", "JSON syntax error at line 9")]),
    ("empty.json", &[("$", "JSON syntax error at line 1")]),
    ("not-an-object.json", &[("$", "expected an object, found an array")]),
    ("wrong-type.json", &[("$.deals[0] (deal-a).title", "expected a string, found a number 42")]),
    ("wrong-type-list.json", &[("$.deals[0] (deal-a).party_ids", "expected an array, found a string \"party-a\"")]),
    ("wrong-type-object.json", &[("$.deals[0] (deal-a).value", "expected an object, found a string")]),
    ("wrong-type-bool.json", &[("(2025-10-shipment).date_approx", "expected true or false, found a string \"yes\"")]),
    ("wrong-type-null.json", &[("$.minerals[0] (copper).symbol", "expected a string, found null")]),
    ("wrong-type-number-as-string.json", &[("(tm-baseline).rate_percent", "expected a number, found a string \"10\"")]),
    ("missing-field.json", &[("$.sources[1] (src-b)", "missing required field \"url\"")]),
    ("missing-top-level.json", &[("$", "missing required field \"tariff_measures\"")]),
    ("missing-mfn-field.json", &[("$.products[1] (prod-metal).mfn", "missing required field \"percent\"")]),
    ("duplicate-id.json", &[("$.figures[1] (fig-exports).id", "duplicate id \"fig-exports\": already the id of the figure at $.figures[0]")]),
    ("duplicate-id-across-kinds.json", &[("$.figures[1] (copper).id", "already the id of the mineral at $.minerals[0]")]),
    ("duplicate-key.json", &[("$.deals[0] (deal-a)", "duplicate key \"title\"")]),
    ("invalid-id.json", &[("$.parties[1]", "invalid id \"party b\""), ("party_ids[1]", "unknown party id \"party-b\"")]),
    ("dangling-source.json", &[("$.deals[0] (deal-a).sources[1]", "unknown source id \"dawn-999\"")]),
    ("dangling-party.json", &[("$.deals[0] (deal-a).party_ids[1]", "unknown party id \"party-zzz\"")]),
    ("dangling-mineral.json", &[("$.products[0] (prod-ore).mineral_ids[0]", "unknown mineral id \"kopper\"")]),
    ("dangling-deal.json", &[("$.events[0] (2025-09-08-deal-a-signed).deal_id", "unknown deal id \"deal-zzz\"")]),
    ("dangling-product.json", &[("(tm-reciprocal).exemptions[0].product_id", "unknown product id \"prod-zzz\"")]),
    ("dangling-measure.json", &[("(tm-reciprocal).not_on_top_of[0]", "unknown tariff measure id \"tm-zzz\"")]),
    ("dangling-replaces.json", &[("(tm-reciprocal).replaces[0]", "unknown tariff measure id \"copper\" (it is the id of a mineral)")]),
    ("dangling-dispute-source.json", &[("(deal-a).disputes[0].versions[1].sources[0]", "unknown source id \"src-zzz\"")]),
    ("dangling-refund-source.json", &[("(tm-reciprocal).refund.sources[0]", "unknown source id \"src-zzz\"")]),
    ("impossible-date.json", &[("$.events[0] (2025-09-08-deal-a-signed).date", "impossible date \"2025-02-30\"")]),
    ("impossible-day.json", &[("$.meta.changelog[0].date", "impossible date \"2026-13-01\"")]),
    ("impossible-instant.json", &[("(tm-baseline).in_force_from", "impossible date \"2025-04-05T24:01:00-04:00\"")]),
    ("non-iso-date.json", &[("$.sources[0] (src-a).date", "not an ISO date \"08/09/2025\"")]),
    ("non-iso-day.json", &[("$.meta.as_of", "not an ISO date \"24 Feb 2026\" (expected YYYY-MM-DD)")]),
    ("non-iso-exemption-day.json", &[("exemptions[0].from", "not an ISO date \"2025-08\"")]),
    ("non-iso-instant.json", &[("(tm-baseline).in_force_until", "not an ISO date \"2025-08-07\"")]),
    ("non-iso-in-transit-instant.json", &[("(tm-reciprocal).in_transit[0].loaded_before", "expected an RFC 3339 instant")]),
    ("in-transit-instead-itself.json", &[("(tm-reciprocal).in_transit[0].instead", "a measure cannot replace itself")]),
    ("in-transit-entered-before-loaded.json", &[("(tm-reciprocal).in_transit[0].entered_before", "must be before entered_before")]),
    ("tier-unknown-product.json", &[("(tm-reciprocal).tiers[0].product_ids[0]", "unknown product id \"prod-nowhere\"")]),
    ("tier-unknown-base.json", &[("(tm-reciprocal).tiers[0].base", "unknown measure base \"copper\"")]),
    ("from-after-until.json", &[("(2025-10-shipment).end_date", "date \"2025-10\" must be on or before end_date \"2025-09\"")]),
    ("from-equals-until-measure.json", &[("(tm-baseline).in_force_until", "must be before in_force_until")]),
    ("from-after-until-exemption.json", &[("exemptions[0].until", "from \"2025-08-07\" must be before until \"2025-08-01\"")]),
    ("negative-value.json", &[("$.deals[0] (deal-a).value.amount_usd", "negative amount -5")]),
    ("value-without-basis.json", &[("$.deals[0] (deal-a).value", "an amount needs its \"basis\", what kind of money it is (loan, funding, investment, purchase, announced, credit_offer, estimate)")]),
    ("value-unknown-basis.json", &[("$.deals[0] (deal-a).value.basis", "unknown value basis \"pledge\"")]),
    ("background-not-a-flag.json", &[("$.deals[0] (deal-a).background", "expected true or false")]),
    ("negative-value-figure.json", &[("(fig-exports).value_usd", "negative amount -2100000000")]),
    ("negative-rate.json", &[("(tm-baseline).rate_percent", "negative rate -10")]),
    ("negative-rate-mfn-percent.json", &[("(prod-metal).mfn.percent", "negative rate -1")]),
    ("negative-rate-mfn-specific.json", &[("(prod-ore).mfn.cents_per_kg", "negative rate -1.7")]),
    ("no-sources.json", &[("$.parties[0] (party-a).sources", "no sources")]),
    ("no-sources-deal.json", &[("$.deals[0] (deal-a).sources", "no sources")]),
    ("no-sources-exemption.json", &[("exemptions[0].sources", "no sources")]),
    ("no-sources-refund.json", &[("(tm-reciprocal).refund.sources", "no sources")]),
    ("non-http-url.json", &[("$.sources[0] (src-a).url", "not an http(s) URL: \"ftp://example.org/a\"")]),
    ("non-http-url-relative.json", &[("$.sources[1] (src-b).url", "not an http(s) URL: \"example.org/b\"")]),
    ("non-http-licence-url.json", &[("$.meta.licence_url", "not an http(s) URL")]),
    ("unknown-confidence.json", &[("$.deals[0] (deal-a).confidence", "unknown confidence \"confirmd\"")]),
    ("unknown-party-type.json", &[("(party-a).type", "unknown party type \"company\"")]),
    ("unknown-event-category.json", &[("(2025-09-08-deal-a-signed).category", "unknown event category \"trade\"")]),
    ("unknown-measure-layer.json", &[("(tm-copper).layer", "unknown measure layer \"global\"")]),
    ("unknown-exemption-status.json", &[("exemptions[0].status", "unknown exemption status \"free\"")]),
    ("unknown-mfn-kind.json", &[("(prod-gold).mfn.kind", "unknown mfn kind \"percent\"")]),
    ("unknown-deal-category.json", &[("(deal-a).category", "unknown deal category \"agreement\"")]),
    ("unknown-field.json", &[("$.deals[0] (deal-a)", "unknown field \"sorces\", did you mean \"sources\"?")]),
    ("unknown-top-level-field.json", &[("$", "unknown field \"figure\"")]),
    ("invalid-country.json", &[("(party-a).country", "not an ISO 3166 alpha-2 country code: \"USA\"")]),
    ("dangling-place.json", &[("$.deals[0] (deal-a).place_ids[1]", "unknown place id \"place-zzz\"")]),
    ("place-outside-pakistan.json", &[("$.places[0] (place-a).lat", "lat 62.43, lon 28.97 lie outside Pakistan's bounding box (23.6–37.1° N, 60.8–77.1° E")]),
    ("place-missing-urdu.json", &[("$.places[0] (place-a)", "missing required field \"name_ur\"")]),
    ("place-blank-urdu.json", &[("$.places[1] (place-b).description_ur", "no Urdu for \"description\"")]),
    ("place-approximate-without-radius.json", &[("$.places[1] (place-b)", "an approximate place needs \"radius_km\"")]),
    ("place-exact-with-radius.json", &[("$.places[0] (place-a).radius_km", "an exact place is drawn as a mark")]),
    ("place-unknown-province.json", &[("$.places[0] (place-a).province", "unknown province (a region id of boundaries.json) \"kashmir\" (expected one of: balochistan,")]),
    ("place-unknown-kind.json", &[("$.places[0] (place-a).kind", "unknown place kind \"mine\"")]),
    ("story-dangling-event.json", &[("$.stories[0] (story-a).steps[0].event_id", "unknown event id \"2025-09-09-nothing\"")]),
    ("story-dangling-deal.json", &[("(story-a).steps[1].deal_id", "unknown deal id \"src-a\" (it is the id of a source)")]),
    ("story-two-records.json", &[("(story-a).steps[0]", "a step names exactly one record (event_id, deal_id, place_id); this one names 2")]),
    ("story-no-record.json", &[("(story-a).steps[1]", "a step names exactly one record (event_id, deal_id, place_id); this one names 0")]),
    ("story-missing-urdu.json", &[("(story-a).steps[0]", "missing required field \"narrative_ur\"")]),
    ("story-blank-urdu.json", &[("$.stories[0] (story-a).title_ur", "no Urdu for \"title\": \"title_ur\" is blank")]),
    ("story-unknown-source.json", &[("(story-a).steps[1].sources[1]", "unknown source id \"src-zzz\"")]),
    ("story-no-sources.json", &[("(story-a).steps[1].sources", "no sources")]),
    ("story-duplicate-id.json", &[("$.stories[0] (deal-a).id", "duplicate id \"deal-a\": already the id of the deal at $.deals[0]")]),
    ("story-dangling-place.json", &[("(story-a).steps[2].place_id", "unknown place id \"place-nowhere\"")]),
    ("story-empty-steps.json", &[("$.stories[0] (story-a)", "a story needs at least one step")]),
    ("several-problems.json", SEVERAL),
];

#[rustfmt::skip]
const SEVERAL: &[(&str, &str)] = &[
    ("$.sources[1] (src-b).url", "not an http(s) URL: \"mailto:x@example.org\""),
    ("$.parties[1] (party-b).confidence", "unknown confidence \"sure\""),
    ("$.minerals[0] (copper)", "missing required field \"symbol\""),
    ("$.deals[0] (deal-a).sources[1]", "unknown source id \"dawn-999\""),
    ("$.events[0] (2025-09-08-deal-a-signed).date", "impossible date \"2025-02-30\""),
    ("$.tariff_measures[0] (tm-baseline).rate_percent", "negative rate -10"),
];

fn broken_files() -> Vec<String> {
    let dir = data("broken");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

#[test]
fn minimal_dataset_is_valid() {
    check("minimal.json", &[]).unwrap();
    let ds = load_str(&std::fs::read_to_string(data("minimal.json")).unwrap()).unwrap();
    assert_eq!(
        summarize(&ds),
        "valid: 2 sources, 2 parties, 1 minerals, 4 products, 1 deals, 2 events, 4 tariff measures, \
         1 figures, 2 places, 1 stories (version 0.0.1, as of 2026-02-24)"
    );
}

#[test]
fn every_broken_file_reports_its_problem() {
    let files = broken_files();
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(file, expected)| check(&format!("broken/{file}"), expected).err())
        .chain(
            files
                .iter()
                .filter(|f| !CASES.iter().any(|(c, _)| c == f))
                .map(|f| format!("{f}: not in CASES")),
        )
        .chain(
            CASES
                .iter()
                .filter(|(c, _)| !files.iter().any(|f| f == c))
                .map(|(c, _)| format!("{c}: no such file")),
        )
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn one_change_gives_one_problem_and_several_give_all() {
    let exceptions = ["invalid-id.json"]; // an invalid id also leaves its references dangling
    for (file, _) in CASES
        .iter()
        .filter(|(f, _)| !exceptions.contains(f) && *f != "several-problems.json")
    {
        let problems = problems_of(&format!("broken/{file}"));
        assert_eq!(problems.len(), 1, "{file}: {problems:#?}");
    }
    assert_eq!(
        problems_of("broken/several-problems.json").len(),
        SEVERAL.len()
    );
}

#[test]
fn the_published_dataset_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/deals.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read the published dataset: {e}", path.display()));
    match load_str(&text) {
        Ok(ds) => println!("{}", summarize(&ds)),
        Err(problems) => panic!(
            "public/data/deals.json has {} problem(s):\n{}",
            problems.len(),
            problems
                .iter()
                .map(|p| format!("  {p}\n"))
                .collect::<String>()
        ),
    }
}

#[test]
fn problems_render_as_path_then_message() {
    let p = Problem {
        path: "$.deals[3] (deal-x).sources[1]".into(),
        message: "unknown source id \"dawn-999\"".into(),
    };
    assert_eq!(
        p.to_string(),
        "$.deals[3] (deal-x).sources[1]: unknown source id \"dawn-999\""
    );
    assert_eq!(
        syntax_problem("EOF while parsing", 3, 7).to_string(),
        "$: JSON syntax error at line 3, column 7: EOF while parsing"
    );
    assert_eq!(
        decode_problem("$.meta", "missing required field \"x\"").to_string(),
        "$.meta: does not match the data model: missing required field \"x\""
    );
}

#[test]
fn load_tree_decodes_only_a_clean_tree() {
    let minimal = minimal_tree();
    assert_eq!(load_tree(&minimal).unwrap(), decode(&minimal).unwrap());
    // A tree with problems gives the validator's problems, not the decoder's first one.
    let mut broken = minimal.clone();
    delete(&mut broken, &[Step::Key("meta".into()), Step::Key("title".into())]);
    delete(&mut broken, &[Step::Key("sources".into()), Step::Index(1), Step::Key("url".into())]);
    let problems = load_tree(&broken).unwrap_err();
    assert_eq!(problems, validate(&broken));
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

// ------------------------------------------------------------------ the CLI

fn cli(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_validate-data"))
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

#[test]
fn cli_exit_codes_and_one_line_per_problem() {
    let minimal = data("minimal.json");
    let (code, out, _) = cli(&[minimal.as_os_str()]);
    assert_eq!(code, 0, "{out}");
    // The minimal file has no Urdu: a warning per English text, with its path, then the summary.
    let (warnings, rest): (Vec<&str>, Vec<&str>) = out.lines().partition(|l| l.contains(": warning: "));
    assert_eq!(rest.len(), 1, "{out}");
    assert!(out.contains(": valid: 2 sources"), "{out}");
    assert!(
        warnings.iter().any(|w| w.ends_with(r#"warning: $.deals[0] (deal-a): no Urdu for "summary": add "summary_ur""#)),
        "{out}"
    );

    for file in broken_files() {
        let path = data("broken").join(&file);
        let (code, out, err) = cli(&[path.as_os_str()]);
        assert_eq!(code, 1, "{file}: {out}{err}");
        assert_eq!(
            out.lines().count(),
            problems_of(&format!("broken/{file}")).len(),
            "{file}: {out}"
        );
        let prefix = format!("{}: $", path.display());
        assert!(out.lines().all(|l| l.starts_with(&prefix)), "{file}: {out}");
    }
}

#[test]
fn cli_cannot_read_exits_2() {
    let (code, _, err) = cli(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"), "{err}");

    let missing = data("no-such-file.json");
    let (code, _, err) = cli(&[missing.as_os_str()]);
    assert_eq!((code, err.contains("not found")), (2, true), "{err}");

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let latin1 = dir.join("validator-latin1.json");
    std::fs::write(&latin1, b"{\"meta\": \"caf\xe9\"}").unwrap();
    let (code, _, err) = cli(&[latin1.as_os_str()]);
    assert_eq!((code, err.contains("not UTF-8")), (2, true), "{err}");

    let (code, _, err) = cli(&[dir.as_os_str()]);
    assert_eq!(code, 2, "a directory: {err}");

    let minimal = data("minimal.json");
    let (code, _, _) = cli(&[minimal.as_os_str(), minimal.as_os_str()]);
    assert_eq!(code, 2, "two arguments");
}

// ------------------------------------------------------------------ properties

fn minimal_tree() -> Json {
    serde_json::from_str(&std::fs::read_to_string(data("minimal.json")).unwrap()).unwrap()
}

/// Keys and strings that steer random trees into the validator's deeper paths.
const WORDS: &[&str] = &[
    "meta",
    "sources",
    "parties",
    "minerals",
    "products",
    "deals",
    "events",
    "tariff_measures",
    "figures",
    "id",
    "title",
    "date",
    "end_date",
    "kind",
    "mfn",
    "percent",
    "cents_per_kg",
    "value",
    "amount_usd",
    "exemptions",
    "from",
    "until",
    "in_force_from",
    "in_force_until",
    "disputes",
    "versions",
    "refund",
    "changelog",
    "url",
    "confidence",
    "party_ids",
    "mineral_ids",
    "deal_id",
    "product_id",
    "replaces",
    "src-a",
    "copper",
    "deal-a",
    "prod-ore",
    "tm-copper",
    "party-a",
    "ad_valorem",
    "specific",
    "free",
    "2025-02-30",
    "2025-10",
    "2025-04-05T00:01:00-04:00",
    "https://x.org",
    "confirmed",
    "",
    "é",
    "\n",
];

fn arb_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn arb_json() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<f64>().prop_map(Json::Number),
        prop_oneof![Just(-1.0), Just(0.0), Just(f64::NAN), Just(f64::INFINITY)]
            .prop_map(Json::Number),
        arb_string().prop_map(Json::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            proptest::collection::vec((arb_string(), inner), 0..8).prop_map(Json::Object),
        ]
    })
}

/// Where a node sits: object keys and array indices from the root.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn all_paths(tree: &Json) -> Vec<Vec<Step>> {
    fn walk(node: &Json, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(at.clone());
        match node {
            Json::Object(fields) => {
                for (k, v) in fields {
                    at.push(Step::Key(k.clone()));
                    walk(v, at, out);
                    at.pop();
                }
            }
            Json::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    at.push(Step::Index(i));
                    walk(v, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(tree, &mut Vec::new(), &mut out);
    out
}

fn node_mut<'a>(tree: &'a mut Json, path: &[Step]) -> Option<&'a mut Json> {
    path.iter().try_fold(tree, |node, step| match (node, step) {
        (Json::Object(fields), Step::Key(k)) => {
            fields.iter_mut().find(|(key, _)| key == k).map(|(_, v)| v)
        }
        (Json::Array(items), Step::Index(i)) => items.get_mut(*i),
        _ => None,
    })
}

/// Deletes the node at `path` (a field or an array item); the root cannot be deleted.
fn delete(tree: &mut Json, path: &[Step]) {
    let Some((last, parent)) = path.split_last() else {
        return;
    };
    match (node_mut(tree, parent), last) {
        (Some(Json::Object(fields)), Step::Key(k)) => fields.retain(|(key, _)| key != k),
        (Some(Json::Array(items)), Step::Index(i)) if *i < items.len() => {
            items.remove(*i);
        }
        _ => {}
    }
}

fn same_type(a: &Json, b: &Json) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn finite(j: &Json) -> bool {
    match j {
        Json::Number(n) => n.is_finite(),
        Json::Array(items) => items.iter().all(finite),
        Json::Object(fields) => fields.iter().all(|(_, v)| finite(v)),
        _ => true,
    }
}

proptest! {
    #[test]
    fn load_str_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_str(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn load_str_never_panics_on_damaged_text(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6)) {
        let mut bytes = std::fs::read(data("minimal.json")).unwrap();
        for (at, byte, how) in edits {
            let i = at.index(bytes.len());
            match how {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        let _ = load_str(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn validate_and_decode_never_panic_on_any_tree(tree in arb_json()) {
        let _ = validate(&tree);
        let _ = decode(&tree);
        let dataset_shaped = Json::Object(vec![("deals".into(), Json::Array(vec![tree.clone()])), ("meta".into(), tree)]);
        let _ = validate(&dataset_shaped);
        let _ = decode(&dataset_shaped);
    }

    /// Deleting a node or replacing it by a random value never panics; a value
    /// of another type always yields a problem; whatever the decoder rejects,
    /// the validator has reported first; and on every tree the validator passes,
    /// the decoder agrees with serde's derive (the decode the app used before).
    #[test]
    fn mutations_of_the_minimal_dataset(picks in proptest::collection::vec((any::<prop::sample::Index>(), proptest::option::of(arb_json())), 1..4)) {
        let mut tree = minimal_tree();
        let mut retyped = false; // by the last mutation (an earlier one may be deleted again)
        for (pick, replacement) in picks {
            let paths = all_paths(&tree);
            let path = pick.get(&paths).clone();
            match replacement {
                None => {
                    retyped = false;
                    delete(&mut tree, &path);
                }
                Some(value) => {
                    retyped = false;
                    if let Some(node) = node_mut(&mut tree, &path) {
                        retyped = !same_type(node, &value) && value != Json::Null;
                        *node = value;
                    }
                }
            }
        }
        let problems = validate(&tree);
        if retyped {
            prop_assert!(!problems.is_empty(), "a value changed type but no problem was reported");
        }
        let decoded = decode(&tree);
        if let Err(e) = &decoded {
            prop_assert!(!problems.is_empty(), "the decoder failed ({e}) but the validator passed it");
        }
        if finite(&tree) {
            let oracle = serde_json::to_value(&tree).and_then(serde_json::from_value::<Dataset>);
            if let Err(e) = &oracle {
                prop_assert!(!problems.is_empty(), "serde's decode failed ({e}) but the validator passed it");
            }
            if let (true, Ok(ours), Ok(serde)) = (problems.is_empty(), &decoded, &oracle) {
                prop_assert_eq!(ours, serde);
            }
        }
    }
}
