//! A coverage-free fuzzer that runs on stable Rust (cargo-fuzz needs nightly,
//! which this project's machines cannot install). It feeds each input path
//! random and mutated inputs, catches panics, and checks each target's
//! invariant. Deterministic for a seed, so a failure can be replayed.
//!
//! `cargo run --profile fuzz -p deal-explorer-fuzz -- [CASES] [SEED]` (`make fuzz`)

use std::panic::{catch_unwind, AssertUnwindSafe};

use deal_explorer::data::decode::decode;
use deal_explorer::data::json::Json;
use deal_explorer::data::load::load_str;
use deal_explorer::data::model::Dataset;
use deal_explorer::data::validate::validate;
use deal_explorer::state::url::AppState;
use deal_explorer::data::date::Day;
use deal_explorer::explore::export::file_name;
use deal_explorer::explore::Index;
use deal_explorer::i18n::title::document_title;
use deal_explorer::state::embed::{canonical_url, snippet, EmbedOptions, SnippetKind};
use deal_explorer::state::vocab::Records;

/// The page address the shared addresses are built under.
const PAGE: &str = "https://example.org/news/2026/minerals/";
use deal_explorer::tariff::parse::{self, CONTENT, RATE};
use deal_explorer::tariff::Form;

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
}

/// Characters that matter to the parsers, plus a few hostile ones.
const ALPHABET: &[&str] = &[
    "0", "1", "9", ",", ".", "-", "+", "%", "=", "&", "?", "#", " ", "e", "E", "x", "a", "/", ":", "<", ">", "\"",
    "'", "\\", "\u{0660}", "\u{06F5}", "\u{066B}", "\u{066C}", "\u{2212}", "\u{FFFD}", "\u{202E}", "😀", "\0", "\n",
    "%2C", "%FF", "%E2%80", "view", "q", "mineral", "from", "to", "value", "date", "2025-04-09", "min-copper",
    "{", "}", "[", "]", "null", "true", "1e309", "NaN",
];

fn random_text(rng: &mut Rng, max: usize) -> String {
    (0..rng.below(max)).map(|_| rng.pick(ALPHABET)).collect()
}

/// Flips, deletes, duplicates or splices bytes of a seed text.
fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..=rng.below(8) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        match rng.below(5) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => {
                bytes.remove(at);
            }
            2 => bytes.truncate(at),
            3 => {
                let insert = rng.pick(ALPHABET).as_bytes().to_vec();
                bytes.splice(at..at, insert);
            }
            _ => {
                let end = (at + rng.below(64)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, chunk);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Leaves a mutated tree may get: each JSON type, and strings the dataset uses
/// (enum ids, record ids, dates) so that some mutations stay valid.
fn random_leaf(rng: &mut Rng) -> Json {
    const WORDS: &[&str] = &[
        "free", "ad_valorem", "specific", "unknown", "confirmed", "disputed", "person", "organisation", "deal",
        "shipment", "exempt", "dutiable", "country", "sectoral", "mfn", "mou", "copper", "src-a", "src-b", "party-a",
        "deal-a", "prod-ore", "tm-copper", "2025", "2025-10", "2025-02-30", "2025-08-07T00:01-04:00", "US", "x", "",
    ];
    match rng.below(7) {
        0 => Json::Null,
        1 => Json::Bool(rng.below(2) == 0),
        2 => Json::Number([-1.0, 0.0, 1.5, 7.0, 1e300][rng.below(5)]),
        3 => Json::Array(Vec::new()),
        4 => Json::Object(Vec::new()),
        _ => Json::String(rng_pick(rng, WORDS).to_string()),
    }
}

fn size(node: &Json) -> usize {
    1 + match node {
        Json::Array(items) => items.iter().map(size).sum(),
        Json::Object(fields) => fields.iter().map(|(_, v)| size(v)).sum(),
        _ => 0,
    }
}

/// The node `n` places after `node` in document order (`n` counts down).
fn nth<'a>(node: &'a mut Json, n: &mut usize) -> Option<&'a mut Json> {
    if *n == 0 {
        return Some(node);
    }
    *n -= 1;
    match node {
        Json::Array(items) => items.iter_mut().find_map(|x| nth(x, n)),
        Json::Object(fields) => fields.iter_mut().find_map(|(_, x)| nth(x, n)),
        _ => None,
    }
}

/// Replaces a node by a leaf, deletes or copies a child, or adds a field.
fn mutate_tree(rng: &mut Rng, tree: &mut Json) {
    for _ in 0..=rng.below(3) {
        let mut n = rng.below(size(tree));
        let Some(node) = nth(tree, &mut n) else { continue };
        let how = rng.below(4);
        match node {
            Json::Array(items) if how > 0 && !items.is_empty() => {
                let at = rng.below(items.len());
                if how == 1 {
                    items.remove(at);
                } else {
                    items.push(items[at].clone());
                }
            }
            Json::Object(fields) if how > 0 && !fields.is_empty() => {
                let at = rng.below(fields.len());
                if how == 1 {
                    fields.remove(at);
                } else {
                    fields.push((fields[at].0.clone(), random_leaf(rng)));
                }
            }
            _ => *node = random_leaf(rng),
        }
    }
}

/// The decoder's invariants on one tree: no panic (counted by the caller), and
/// a tree the validator passes decodes, exactly as serde's derive decodes it.
/// (Trees with problems are not compared: serde's map keeps a duplicate key's
/// last value, the tree its first.)
fn check_tree(tree: &Json) -> Result<(), String> {
    let clean = validate(tree).is_empty();
    let ours = decode(tree);
    if clean && ours.is_err() {
        return Err(format!("the validator passed it but the decoder failed: {:?}", ours.err()));
    }
    let oracle = serde_json::to_value(tree).and_then(serde_json::from_value::<Dataset>);
    match (&ours, &oracle) {
        _ if !clean => Ok(()),
        (Ok(a), Ok(b)) if a != b => Err("the decoder and serde's derive disagree".into()),
        (_, Err(e)) => Err(format!("the validator passed it but serde's derive failed: {e}")),
        _ => Ok(()),
    }
}

struct Target {
    name: &'static str,
    cases: u64,
    failures: Vec<String>,
}

impl Target {
    fn run(&mut self, input: &str, check: impl FnOnce(&str) -> Result<(), String>) {
        self.cases += 1;
        match catch_unwind(AssertUnwindSafe(|| check(input))) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => self.failures.push(format!("{why}: {input:?}")),
            Err(_) => self.failures.push(format!("panic: {input:?}")),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let cases: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0x5EED) | 1;
    let dataset_text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/deals.json")).unwrap_or_default();
    let Ok(dataset) = load_str(&dataset_text) else {
        eprintln!("fuzz: the bundled dataset does not load; run validate-data");
        std::process::exit(2);
    };
    std::panic::set_hook(Box::new(|_| {})); // panics are counted, not printed
    let mut rng = Rng(seed);
    let mut url = Target { name: "url-state (parse, round trip, calculator form)", cases: 0, failures: vec![] };
    let mut numbers = Target { name: "calculator numbers", cases: 0, failures: vec![] };
    let mut json = Target { name: "dataset loading + validator", cases: 0, failures: vec![] };
    let mut trees = Target { name: "dataset decoding (tree mutations vs serde)", cases: 0, failures: vec![] };
    let mut clean_trees = 0; // how often the serde comparison ran
    let minimal_text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/minimal.json")).unwrap_or_default();
    let Ok(minimal) = serde_json::from_str::<Json>(&minimal_text) else {
        eprintln!("fuzz: tests/data/minimal.json does not parse");
        std::process::exit(2);
    };
    let queries = [
        "view=calculator&hts=2603.00.00&value=1,000,000&date=2025-04-09&qty=10&content=30",
        "view=timeline&mineral=min-copper&from=2025-01-01&to=2026-01-01&q=mou&sel=x",
        "mineral=antimony,copper&country=PK&q=%3C%2Fiframe%3E&records=events&embed=1&tabs=0&lang=ur&theme=dark",
    ];
    let (deals, events) = (Index::build(&dataset, Records::Deals), Index::build(&dataset, Records::Events));

    for i in 0..cases {
        let q = if i % 2 == 0 {
            random_text(&mut rng, 40)
        } else {
            let seed_query = rng_pick(&mut rng, &queries);
            mutate(&mut rng, seed_query)
        };
        url.run(&q, |q| {
            let state = AppState::parse(q);
            if AppState::parse(&state.to_query()) != state {
                return Err("state -> URL -> state changed the state".into());
            }
            if let Some(form) = Form::read(&dataset, &state) {
                let _ = form.errors();
                let _ = form.estimate(&dataset);
            }
            // What is shared: the title, the canonical address, the snippets and the export's file name.
            let _ = document_title(&dataset, &state);
            let _ = canonical_url(PAGE, &state);
            let options = EmbedOptions::of(&state);
            for kind in [SnippetKind::FixedHeight, SnippetKind::Amp] {
                if snippet(kind, PAGE, &state, options, &state.q, &state.q).contains("<script") {
                    return Err("a script-free snippet holds a script".into());
                }
            }
            let index = if state.records == Records::Events { &events } else { &deals };
            let name = file_name(&dataset, index, &state, Day::from_days(20_429), "csv");
            if name.chars().any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')) {
                return Err(format!("an export file name a file system refuses: {name:?}"));
            }
            Ok(())
        });
        let n = random_text(&mut rng, 16);
        numbers.run(&n, |n| {
            for result in [parse::money(n).map(|v| v as i128), parse::kilograms(n).map(i128::from), parse::percent(n, CONTENT).map(i128::from), parse::percent(n, RATE).map(i128::from)] {
                if matches!(result, Ok(v) if v < 0) {
                    return Err("negative amount accepted".into());
                }
            }
            Ok(())
        });
        if i % 20 == 0 {
            let text = if i % 40 == 0 { random_text(&mut rng, 200) } else { mutate(&mut rng, &dataset_text) };
            json.run(&text, |t| match (load_str(t), serde_json::from_str::<Dataset>(t)) {
                (Ok(ours), Ok(serde)) if ours != serde => Err("loaded differently from serde's derive".into()),
                (Ok(_), Err(e)) => Err(format!("loaded, but serde's derive failed: {e}")),
                _ => Ok(()),
            });
        }
        if i % 10 == 0 {
            let mut tree = minimal.clone();
            mutate_tree(&mut rng, &mut tree);
            let input = serde_json::to_string(&tree).unwrap_or_default();
            clean_trees += usize::from(validate(&tree).is_empty());
            trees.run(&input, |_| check_tree(&tree));
        }
    }
    let mut failed = false;
    for t in [&url, &numbers, &json, &trees] {
        println!("fuzz: {:<48} {:>9} cases, {} failures", t.name, t.cases, t.failures.len());
        for f in t.failures.iter().take(5) {
            println!("  {f}");
        }
        failed |= !t.failures.is_empty();
    }
    println!("fuzz: {clean_trees} of the mutated trees were valid and compared with serde's derive");
    println!("fuzz: seed {seed}");
    std::process::exit(i32::from(failed));
}

fn rng_pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items.get(rng.below(items.len())).copied().unwrap_or("")
}
