//! Synthetic datasets for the benchmark and the property tests: deterministic
//! (seeded), shaped like the real data (a few dozen parties and minerals, a
//! handful of categories, partial dates, some values missing). Not real facts.

use crate::data::model::*;

/// A small xorshift generator: enough for test data, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }
    /// 0–2 distinct ids out of `n`, formatted with `prefix`.
    fn ids(&mut self, prefix: &str, n: usize, most: usize) -> Vec<String> {
        let mut out: Vec<String> = (0..self.below(most + 1))
            .map(|_| format!("{prefix}-{}", self.below(n)))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

const WORDS: &[&str] = &[
    "copper",
    "gold",
    "antimony",
    "Reko Diq",
    "Balochistan",
    "São Tomé",
    "refinery",
    "export",
    "Chagai",
    "Saindak",
    "tungsten",
    "rare earths",
    "logistics",
    "Karachi",
    "Gwadar",
    "offtake",
    "loan",
    "Müller",
    "lithium",
];
use crate::data::model::DEAL_CATEGORIES as CATEGORIES;
const STATUSES: &[&str] = &[
    "non-binding MoU",
    "LOI",
    "advanced negotiations",
    "approved (Dec 2025)",
    "contract signed",
    "unknown",
];
const COUNTRIES: &[&str] = &["PK", "US", "CN", "SA", "PT", "GB"];
const PARTIES: usize = 40;
const MINERALS: usize = 15;

fn sentence(rng: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn date(rng: &mut Rng) -> String {
    let (y, m, d) = (2020 + rng.below(7), 1 + rng.below(12), 1 + rng.below(28));
    match rng.below(10) {
        0 => format!("{y}"),
        1 => format!("{y}-{m:02}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    }
}

fn confidence(rng: &mut Rng) -> Confidence {
    Confidence::ALL
        .get(rng.below(4))
        .copied()
        .unwrap_or(Confidence::Unknown)
}

/// `n` deals and `n` events, the same for the same seed.
pub fn dataset(n: usize, seed: u64) -> Dataset {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let parties = (0..PARTIES)
        .map(|i| Party {
            id: format!("org-{i}"),
            name: format!("Party {i} {}", rng.pick(WORDS)),
            name_ur: None,
            party_type: PartyType::Organisation,
            country: Some(rng.pick(COUNTRIES).to_string()),
            role: "company".into(),
            description: String::new(),
            sources: vec!["src-0".into()],
            confidence: Confidence::Confirmed,
        })
        .collect();
    let minerals = (0..MINERALS)
        .map(|i| Mineral {
            id: format!("min-{i}"),
            name: format!("Mineral {i}"),
            name_ur: None,
            symbol: format!("M{i}"),
            critical_list: "unknown".into(),
            critical_list_confidence: None,
            occurrences: None,
            sources: vec!["src-0".into()],
            confidence: Confidence::Confirmed,
        })
        .collect();
    let deals = (0..n)
        .map(|i| Deal {
            id: format!("deal-{i}"),
            title: format!("{} deal {i}", sentence(&mut rng, 3)),
            title_ur: None,
            kind: "memorandum of understanding".into(),
            kind_ur: None,
            category: rng.pick(CATEGORIES).into(),
            date: (rng.below(20) > 0).then(|| date(&mut rng)),
            date_note: None,
            date_note_ur: None,
            value: DealValue {
                amount_usd: (rng.below(3) > 0).then(|| (1 + rng.below(2000)) as f64 * 1e6),
                // One kind of figure: every synthetic amount ranks against every other.
                basis: Some(ValueBasis::Announced),
                meaning: "headline figure".into(),
                meaning_ur: None,
                confidence: confidence(&mut rng),
                confidence_note: None,
                confidence_note_ur: None,
            },
            status: rng.pick(STATUSES).into(),
            status_ur: None,
            status_detail: Vec::new(),
            status_detail_ur: Vec::new(),
            summary: sentence(&mut rng, 25),
            summary_ur: None,
            party_ids: rng.ids("org", PARTIES, 3),
            mineral_ids: rng.ids("min", MINERALS, 3),
            place_ids: Vec::new(),
            countries: vec![rng.pick(COUNTRIES).into(), "PK".into()],
            disputes: Vec::new(),
            sources: vec!["src-0".into()],
            confidence: confidence(&mut rng),
            confidence_note: None,
            confidence_note_ur: None,
            background: false,
        })
        .collect();
    let events = (0..n)
        .map(|i| Event {
            id: format!("event-{i}"),
            date: date(&mut rng),
            end_date: None,
            date_approx: false,
            title: format!("{} event {i}", sentence(&mut rng, 3)),
            title_ur: None,
            category: EventCategory::ALL
                .get(rng.below(7))
                .copied()
                .unwrap_or(EventCategory::Context),
            description: sentence(&mut rng, 20),
            description_ur: None,
            deal_id: (rng.below(2) == 0).then(|| format!("deal-{}", rng.below(n))),
            mineral_ids: rng.ids("min", MINERALS, 2),
            party_ids: rng.ids("org", PARTIES, 2),
            place_ids: Vec::new(),
            countries: vec![rng.pick(COUNTRIES).into()],
            disputes: Vec::new(),
            sources: vec!["src-0".into()],
            confidence: confidence(&mut rng),
            confidence_note: None,
            confidence_note_ur: None,
        })
        .collect();
    Dataset {
        meta: Meta {
            title: "Synthetic".into(),
            title_ur: None,
            as_of: "2026-01-01".into(),
            version: "0.0.0".into(),
            licence: "CC0".into(),
            licence_url: None,
            description: None,
            changelog: Vec::new(),
        },
        sources: vec![Source {
            id: "src-0".into(),
            title: "Synthetic source".into(),
            publisher: "Nobody".into(),
            url: "https://example.org/".into(),
            date: None,
            date_approx: false,
            tag: None,
        }],
        parties,
        minerals,
        products: Vec::new(),
        deals,
        events,
        tariff_measures: Vec::new(),
        figures: Vec::new(),
        places: Vec::new(),
        stories: Vec::new(),
    }
}
