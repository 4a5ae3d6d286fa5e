//! A coverage-free fuzzer that runs on stable Rust (cargo-fuzz needs nightly,
//! which this project's machines cannot install). It feeds each input path
//! random and mutated inputs, catches panics, and checks each target's
//! invariant. Deterministic for a seed, so a failure can be replayed.
//!
//! `cargo run --profile fuzz -p deal-explorer-fuzz -- [CASES] [SEED]` (`make fuzz`)

use std::panic::{catch_unwind, AssertUnwindSafe};

use deal_explorer::data::load::load_str;
use deal_explorer::state::url::AppState;
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
    let queries = ["view=calculator&hts=2603.00.00&value=1,000,000&date=2025-04-09&qty=10&content=30", "view=timeline&mineral=min-copper&from=2025-01-01&to=2026-01-01&q=mou&sel=x"];

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
            json.run(&text, |t| {
                let _ = load_str(t);
                Ok(())
            });
        }
    }
    let mut failed = false;
    for t in [&url, &numbers, &json] {
        println!("fuzz: {:<48} {:>9} cases, {} failures", t.name, t.cases, t.failures.len());
        for f in t.failures.iter().take(5) {
            println!("  {f}");
        }
        failed |= !t.failures.is_empty();
    }
    println!("fuzz: seed {seed}");
    std::process::exit(i32::from(failed));
}

fn rng_pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items.get(rng.below(items.len())).copied().unwrap_or("")
}
