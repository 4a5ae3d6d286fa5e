//! The hand-written decoder (`data::decode`) against serde's derive, the
//! decode the app used before and still the model's native `Deserialize`:
//! the same `Dataset` for the published data and for every tree the validator
//! passes, round trips of synthetic datasets, and typed problems, never panics.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use deal_explorer::data::decode::decode;
use deal_explorer::data::json::{Json, MAX_DEPTH};
use deal_explorer::data::load::{load_str, load_tree};
use deal_explorer::data::model::Dataset;
use deal_explorer::data::validate::{validate, Problem};
use deal_explorer::explore::synth;

const PUBLISHED: &str = include_str!("../public/data/deals.json");
const MINIMAL: &str = include_str!("data/minimal.json");

fn tree(text: &str) -> Json {
    serde_json::from_str(text).unwrap()
}

/// Through the tree and the hand decoder, skipping the validator.
fn decode_text(text: &str) -> Result<Dataset, Problem> {
    decode(&tree(text))
}

#[test]
fn the_published_dataset_decodes_exactly_as_serde_did() {
    let ours = load_str(PUBLISHED).unwrap();
    let serde: Dataset = serde_json::from_str(PUBLISHED).unwrap();
    assert_eq!(ours, serde);
    let minimal: Dataset = serde_json::from_str(MINIMAL).unwrap();
    assert_eq!(load_str(MINIMAL).unwrap(), minimal);
}

#[test]
fn serialized_datasets_decode_to_themselves() {
    let published = load_str(PUBLISHED).unwrap();
    let minimal = load_str(MINIMAL).unwrap();
    let synthetic = [(0, 1), (1, 2), (25, 3), (400, 4)].map(|(n, seed)| synth::dataset(n, seed));
    for ds in synthetic.iter().chain([&published, &minimal]) {
        // serde writes every None as null and every default in full.
        let text = serde_json::to_string(ds).unwrap();
        assert_eq!(&decode_text(&text).unwrap(), ds);
    }
    // The synthetic data is consistent too, so the whole load path takes it.
    let ds = &synthetic[2];
    assert_eq!(&load_str(&serde_json::to_string(ds).unwrap()).unwrap(), ds);
}

#[test]
fn absent_null_and_defaulted_fields_follow_the_model() {
    let mut t = tree(MINIMAL);
    let Json::Object(fields) = &mut t else { panic!("minimal.json is an object") };
    fields.retain(|(k, _)| k != "figures");
    let ds = load_tree(&t).unwrap();
    assert!(ds.figures.is_empty(), "figures defaults to empty");
    let serde: Dataset = serde_json::from_value(serde_json::from_str::<serde_json::Value>(MINIMAL).map(|mut v| {
        v.as_object_mut().unwrap().remove("figures");
        v
    }).unwrap()).unwrap();
    assert_eq!(ds, serde);

    // src-b has neither date nor tag; prod-gold has no mineral_ids; a null Option is None.
    let minimal = load_str(MINIMAL).unwrap();
    assert_eq!((minimal.sources[1].date.as_deref(), minimal.sources[1].tag.as_deref()), (None, None));
    assert!(minimal.products[2].mineral_ids.is_empty() && !minimal.products[2].section_232_copper);
    let with_null = MINIMAL.replacen("\"tag\": \"official\"", "\"tag\": null", 1);
    assert_ne!(with_null, MINIMAL);
    assert_eq!(decode_text(&with_null).unwrap().sources[0].tag, None);
}

#[test]
fn an_unexpected_tree_is_a_problem_with_its_path() {
    let cases: [(String, &str, &str); 6] = [
        ("[]".into(), "$", "expected an object, found an array"),
        (r#"{"meta": 3}"#.into(), "$.meta", "expected an object, found a number"),
        (
            MINIMAL.replacen("\"meaning\": \"headline\"", "\"meaning\": 7", 1),
            "$.deals[0] (deal-a).value.meaning",
            "expected a string, found a number",
        ),
        (
            MINIMAL.replacen("\"percent\": 1", "\"percent\": \"1\"", 1),
            "$.products[1] (prod-metal).mfn.percent",
            "expected a number, found a string",
        ),
        (
            MINIMAL.replacen("\"type\": \"person\"", "\"type\": \"company\"", 1),
            "$.parties[1] (party-b).type",
            "unknown party type \"company\"",
        ),
        (
            MINIMAL.replacen("\"kind\": \"free\"", "\"kind\": \"gratis\"", 1),
            "$.products[2] (prod-gold).mfn.kind",
            "unknown mfn kind \"gratis\"",
        ),
    ];
    for (text, path, message) in cases {
        assert_ne!(text, MINIMAL, "the replacement applied");
        let problem = decode_text(&text).unwrap_err();
        assert_eq!(problem.path, path, "{problem}");
        assert_eq!(problem.message, format!("does not match the data model: {message}"));
        // The validator saw it first, so the app never shows this decode problem.
        assert!(!validate(&tree(&text)).is_empty());
    }
    let missing = MINIMAL.replacen("\"symbol\": \"Cu\",", "", 1);
    assert_eq!(decode_text(&missing).unwrap_err().to_string(), "$.minerals[0] (copper): does not match the data model: missing required field \"symbol\"");
}

#[test]
fn nesting_serde_json_accepts_is_max_depth() {
    let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    assert!(serde_json::from_str::<Json>(&nested(MAX_DEPTH)).is_ok());
    assert!(serde_json::from_str::<Json>(&nested(MAX_DEPTH + 1)).is_err());
    let problems = load_str(&nested(MAX_DEPTH + 1)).unwrap_err();
    assert!(problems[0].message.contains("nested more than 127 levels"), "{problems:?}");
    assert!(load_str(&nested(MAX_DEPTH)).unwrap_err()[0].message.contains("expected an object"), "parsed, then not a dataset");
}
