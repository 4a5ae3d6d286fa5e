//! The dataset's typed model: what `public/data/deals.json` holds once validated.
//!
//! Pure data, no I/O. Field names match the JSON exactly (snake_case), and
//! `public/data/deals.schema.json` describes the same shape for editors.
//! Optional fields are `Option` or default to empty so that a hand-edited file
//! may leave them out; the validator decides what is required.

#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;
use serde::Serialize;

use crate::geo::GeoBox;
use crate::ids::json_ids;

// The app decodes the validated JSON tree by hand (`decode.rs`), so the wasm
// holds no serde deserialization code. `Deserialize` is derived natively only,
// as the independent oracle the decoder is tested against; `Serialize` writes
// datasets for benchmarks and end-to-end fixtures (unused, so linked out, in the wasm).

/// How sure the dataset is of a record (docs/DATASET.md, "Confidence").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Confirmed,
    Reported,
    Disputed,
    Unknown,
}

json_ids!(Confidence {
    Confirmed = "confirmed",
    Reported = "reported",
    Disputed = "disputed",
    Unknown = "unknown",
});

/// The whole dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Dataset {
    pub meta: Meta,
    pub sources: Vec<Source>,
    pub parties: Vec<Party>,
    pub minerals: Vec<Mineral>,
    pub products: Vec<Product>,
    pub deals: Vec<Deal>,
    pub events: Vec<Event>,
    pub tariff_measures: Vec<TariffMeasure>,
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Where the deals and events happen (the Map view); may be absent.
    #[serde(default)]
    pub places: Vec<Place>,
    /// Guided stories (the Story view), each a walk through the dataset's own records.
    #[serde(default)]
    pub stories: Vec<Story>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Meta {
    pub title: String,
    #[serde(default)]
    pub title_ur: Option<String>,
    /// `YYYY-MM-DD`: the date of the newest fact the data reflects.
    pub as_of: String,
    /// Semantic version of the dataset, e.g. `1.0.0`.
    pub version: String,
    /// Licence of the data, e.g. `CC BY 4.0`.
    pub licence: String,
    #[serde(default)]
    pub licence_url: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    pub changelog: Vec<ChangelogEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct ChangelogEntry {
    pub version: String,
    /// `YYYY-MM-DD`
    pub date: String,
    pub changes: Vec<String>,
}

/// One cited document. Records refer to sources by `id`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// http(s) URL, reproduced exactly as published (never "cleaned").
    pub url: String,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent where unknown.
    #[serde(default)]
    pub date: Option<String>,
    /// The publication date is inferred, not stated (fact base "(approx.)").
    #[serde(default)]
    pub date_approx: bool,
    /// Fact base tag: `official`, `secondary`, `opinion`, `analysis`, `advocacy`, `HTS mirror`, `weak`…
    #[serde(default)]
    pub tag: Option<String>,
}

impl Source {
    /// A primary document (the legal text, an agency's own release): listed before secondary sources.
    pub fn is_primary(&self) -> bool {
        self.tag.as_deref().is_some_and(|t| t.starts_with("official"))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum PartyType {
    Organisation,
    Person,
}

json_ids!(PartyType {
    Organisation = "organisation",
    Person = "person",
});

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Party {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_ur: Option<String>,
    #[serde(rename = "type")]
    pub party_type: PartyType,
    /// ISO 3166 alpha-2 code; absent where the sources do not say.
    #[serde(default)]
    pub country: Option<String>,
    /// Free text from the fact base, e.g. "private company", "minister".
    pub role: String,
    pub description: String,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Mineral {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_ur: Option<String>,
    pub symbol: String,
    /// Status on the US critical-minerals list, as worded in the fact base.
    pub critical_list: String,
    #[serde(default)]
    pub critical_list_confidence: Option<Confidence>,
    /// Where it occurs in Pakistan, and other notes.
    #[serde(default)]
    pub occurrences: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// How a most-favoured-nation (column 1 general) duty is expressed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MfnRate {
    /// 0%.
    Free,
    /// A percentage of the customs value.
    AdValorem { percent: f64 },
    /// US cents per kilogram of a named metal contained in the goods; the
    /// metal's name in English and in Urdu (the calculator's sentence splices it in).
    Specific {
        cents_per_kg: f64,
        content_of: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        content_of_ur: Option<String>,
    },
    /// Not found in the sources: the user must supply it (default 0%).
    Unknown,
}

/// A tariff line (or, where `hts` is absent, a product class such as
/// "Other goods") the calculator can price.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Product {
    pub id: String,
    /// HTS code as written in the schedule, e.g. `2603.00.00`; absent for product classes.
    #[serde(default)]
    pub hts: Option<String>,
    pub description: String,
    #[serde(default)]
    pub description_ur: Option<String>,
    #[serde(default)]
    pub mineral_ids: Vec<String>,
    pub mfn: MfnRate,
    /// Section 232 copper applies to this product's copper content.
    #[serde(default)]
    pub section_232_copper: bool,
    #[serde(default)]
    pub notes: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

json_ids! {
    /// What kind of money a deal's figure is: an approved loan, funding raised or
    /// committed by investors, a project's total investment, a (reported) purchase
    /// price, a headline figure announced but not committed, credit offered (a
    /// letter of interest) but not approved, or a cost estimate. Figures of
    /// different kinds are never ranked or summed together; this order, firmest
    /// first, is the order the kinds take in the value sort.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
    #[serde(rename_all = "snake_case")]
    pub enum ValueBasis {
        Loan = "loan", Funding = "funding", Investment = "investment", Purchase = "purchase",
        Announced = "announced", CreditOffer = "credit_offer", Estimate = "estimate",
    }
}

/// A money amount as stated: USD and what the figure means.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct DealValue {
    /// Whole US dollars; absent where no figure is published.
    #[serde(default)]
    pub amount_usd: Option<f64>,
    /// What kind of money the amount is; required with an amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<ValueBasis>,
    /// What the figure means (headline, loan, cost estimate…), or why there is none.
    pub meaning: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meaning_ur: Option<String>,
    pub confidence: Confidence,
    /// Where parts differ: "confirmed (announced figure); unknown (what it commits)".
    #[serde(default)]
    pub confidence_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_ur: Option<String>,
}

/// Both sides of a disputed fact, each with its sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Dispute {
    /// What is disputed, e.g. "signing date".
    pub topic: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic_ur: Option<String>,
    pub versions: Vec<DisputeVersion>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct DisputeVersion {
    pub claim: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_ur: Option<String>,
    /// The claim quotes an English source word for word: it stays English
    /// (marked so, and labelled as such in Urdu) and needs no `claim_ur`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quote_en: bool,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Deal {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_ur: Option<String>,
    /// Free text, e.g. "memorandum of understanding (non-binding)".
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_ur: Option<String>,
    /// Facet bucket for `kind`: `mou`, `trade`, `finance`, `investment`, `contract`, `framework`, `proposal`.
    pub category: String,
    /// Signing or announcement date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent if none.
    #[serde(default)]
    pub date: Option<String>,
    /// What the date means ("signed", "announced", "approved"…).
    #[serde(default)]
    pub date_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note_ur: Option<String>,
    pub value: DealValue,
    /// Short status for display and facets, e.g. "non-binding MoU".
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_ur: Option<String>,
    #[serde(default)]
    pub status_detail: Vec<String>,
    /// `status_detail` in Urdu, item by item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_detail_ur: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub summary_ur: Option<String>,
    pub party_ids: Vec<String>,
    #[serde(default)]
    pub mineral_ids: Vec<String>,
    /// The places the deal concerns (`Place::id`); may be empty.
    #[serde(default)]
    pub place_ids: Vec<String>,
    /// ISO 3166 alpha-2 codes of the countries involved.
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    /// The per-part wording of the fact base, e.g. "confirmed (signing); unknown (value)".
    #[serde(default)]
    pub confidence_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_ur: Option<String>,
    /// Not a US–Pakistan deal, kept for context (the Lobito concession, USSM's
    /// own funding…): left out of the default deal list, count and value sort.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub background: bool,
}

/// The facet buckets of `Deal::category`.
pub const DEAL_CATEGORIES: &[&str] = &["mou", "trade", "finance", "investment", "contract", "partnership", "framework", "proposal"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum EventCategory {
    Deal,
    Tariff,
    Shipment,
    Politics,
    Finance,
    Legal,
    Context,
}

json_ids!(EventCategory {
    Deal = "deal",
    Tariff = "tariff",
    Shipment = "shipment",
    Politics = "politics",
    Finance = "finance",
    Legal = "legal",
    Context = "context",
});

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Event {
    /// Derived from date and title, e.g. `2025-09-08-ussm-fwo-mou-signed`.
    pub id: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Last day of a range, same formats; absent for a single date.
    #[serde(default)]
    pub end_date: Option<String>,
    /// The date is inferred ("approx.") or is a publication date ("pub.").
    #[serde(default)]
    pub date_approx: bool,
    pub title: String,
    #[serde(default)]
    pub title_ur: Option<String>,
    pub category: EventCategory,
    pub description: String,
    #[serde(default)]
    pub description_ur: Option<String>,
    #[serde(default)]
    pub deal_id: Option<String>,
    #[serde(default)]
    pub mineral_ids: Vec<String>,
    #[serde(default)]
    pub party_ids: Vec<String>,
    /// The places the event happened at or concerns (`Place::id`); may be empty.
    #[serde(default)]
    pub place_ids: Vec<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub confidence_note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence_note_ur: Option<String>,
}

/// Which layer of the duty a measure adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum MeasureLayer {
    /// The column 1 general rate (rates per product, see `Product::mfn`).
    Mfn,
    /// A surcharge on all Pakistani goods: IEEPA, Section 122, Section 301.
    Country,
    /// A product-specific measure such as Section 232 copper.
    Sectoral,
}

json_ids!(MeasureLayer {
    Mfn = "mfn",
    Country = "country",
    Sectoral = "sectoral",
});

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum ExemptionStatus {
    Exempt,
    Dutiable,
    Unverified,
}

json_ids!(ExemptionStatus {
    Exempt = "exempt",
    Dutiable = "dutiable",
    Unverified = "unverified",
});

/// What a measure's rate is charged on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "snake_case")]
pub enum MeasureBase {
    /// The whole customs (entered) value.
    #[default]
    CustomsValue,
    /// The value of the named metal the goods contain (Section 232 copper before 2026-04-06).
    MetalContent,
}

json_ids!(MeasureBase {
    CustomsValue = "customs_value",
    MetalContent = "metal_content",
});

/// One dated rate of a measure whose rate or base changed over time or differs by product.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct RateTier {
    /// RFC 3339 instant the tier starts (inclusive); absent = from the measure's start.
    #[serde(default)]
    pub from: Option<String>,
    /// RFC 3339 instant the tier ends (exclusive); absent = open.
    #[serde(default)]
    pub until: Option<String>,
    /// The products the tier is for; empty = every product the measure covers.
    #[serde(default)]
    pub product_ids: Vec<String>,
    pub rate_percent: f64,
    #[serde(default)]
    pub base: MeasureBase,
    /// Goods whose metal share by weight is at most this percent are outside the measure.
    #[serde(default)]
    pub min_content_percent: Option<f64>,
    /// What the tier is, as the legal text words it.
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ur: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// An in-transit rule: goods loaded before one instant and entered before another
/// owe another measure instead of this one (or neither, when `instead` is absent).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct InTransit {
    /// RFC 3339 instant: goods loaded before it.
    pub loaded_before: String,
    /// RFC 3339 instant: goods entered before it.
    pub entered_before: String,
    /// The measure owed instead; absent = no duty of this kind.
    #[serde(default)]
    pub instead: Option<String>,
    /// The HTSUS heading the entry is declared under (e.g. `9903.01.28`).
    #[serde(default)]
    pub heading: Option<String>,
    /// The rule covers goods carried by vessel only.
    #[serde(default)]
    pub vessel_only: bool,
    /// The rule as the legal text or CBP words it.
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ur: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// How one product is treated by one measure, optionally only within a date range.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Exemption {
    pub product_id: String,
    pub status: ExemptionStatus,
    /// `YYYY-MM-DD`: first entry date this status holds for (inclusive); absent = whole measure.
    #[serde(default)]
    pub from: Option<String>,
    /// `YYYY-MM-DD`: first entry date it no longer holds for (exclusive).
    #[serde(default)]
    pub until: Option<String>,
    /// How the status was established ("confirmed at category level: bullion").
    pub basis: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_ur: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// The refund position of a measure whose duties are being returned.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Refund {
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_ur: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct TariffMeasure {
    pub id: String,
    /// Short display name, plain name first, e.g. "'Reciprocal' tariff 19% (IEEPA, Pakistan)".
    pub name: String,
    #[serde(default)]
    pub name_ur: Option<String>,
    pub layer: MeasureLayer,
    /// The legal instrument as worded in the fact base.
    pub instrument: String,
    /// Ad valorem percent; absent for `mfn` (per product) and for measures with no tariff.
    #[serde(default)]
    pub rate_percent: Option<f64>,
    /// Rates reported but not implemented, kept with their sources (e.g. Section 122 at 15%).
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// How it stacks, as the fact base states it.
    pub stacking: String,
    /// Measures whose goods this one does not apply to (e.g. `tm-sec232-copper`).
    #[serde(default)]
    pub not_on_top_of: Vec<String>,
    /// Measures this one replaces while both are in force (the 29% replaces the 10% baseline).
    #[serde(default)]
    pub replaces: Vec<String>,
    /// RFC 3339 instant with offset, e.g. `2025-04-05T00:01:00-04:00`; absent = before 2025.
    #[serde(default)]
    pub in_force_from: Option<String>,
    /// RFC 3339 instant (exclusive) with offset; absent = still in force.
    #[serde(default)]
    pub in_force_until: Option<String>,
    /// What the rate is charged on (when no tier says otherwise).
    #[serde(default)]
    pub base: MeasureBase,
    /// Dated or per-product rates; the first that covers the entry and product applies.
    #[serde(default)]
    pub tiers: Vec<RateTier>,
    /// In-transit rules: goods loaded before a date owe another measure, or none.
    #[serde(default)]
    pub in_transit: Vec<InTransit>,
    /// The wording of the fact base for the period, in-transit rules and so on.
    pub period_note: String,
    #[serde(default)]
    pub exemptions: Vec<Exemption>,
    /// Wording of the exemption categories (Annex II, note 52(b)…).
    #[serde(default)]
    pub exemption_note: Option<String>,
    #[serde(default)]
    pub refund: Option<Refund>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub confidence_note: Option<String>,
}

/// A statistic from the fact base (trade figures, project figures).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Figure {
    pub id: String,
    pub metric: String,
    pub period: String,
    /// As worded, e.g. "$5.1bn (+4.9% y/y)".
    pub value: String,
    /// Machine-readable USD value where the figure is one amount.
    #[serde(default)]
    pub value_usd: Option<f64>,
    #[serde(default)]
    pub notes: Option<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

json_ids! {
    /// What a place is; the Map view marks each kind by its shape.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
    #[serde(rename_all = "kebab-case")]
    pub enum PlaceKind {
        Deposit = "deposit",
        MineProject = "mine-project",
        Port = "port",
        City = "city",
        SigningPlace = "signing-place",
        Region = "region",
    }
}

json_ids! {
    /// Whether a place's coordinates are its own (a mark) or the centre of an
    /// area it lies somewhere in (drawn as an area of `radius_km`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
    #[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
    #[serde(rename_all = "snake_case")]
    pub enum Precision {
        Exact = "exact",
        Approximate = "approximate",
    }
}

/// The region ids of `public/data/boundaries.json` (Natural Earth admin-1,
/// Pakistan): a place's `province` is one of them. A native test holds the
/// boundary file to this list.
pub const REGION_IDS: &[&str] = &[
    "balochistan",
    "khyber-pakhtunkhwa",
    "punjab",
    "sindh",
    "islamabad",
    "gilgit-baltistan",
    "azad-kashmir",
];

/// Pakistan with the areas it administers in Kashmir (Azad Kashmir,
/// Gilgit-Baltistan): the extent of the boundary file (Natural Earth admin-1:
/// 60.84–77.05° E, 23.70–37.05° N) rounded outwards to 0.1°. Every place lies
/// inside it (the validator checks).
pub const PAKISTAN_BOUNDS: GeoBox = GeoBox {
    west: 60.8,
    south: 23.6,
    east: 77.1,
    north: 37.1,
};

/// A place deals and events refer to (`place_ids`), with sourced coordinates.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Place {
    /// `place-…`, e.g. `place-reko-diq`.
    pub id: String,
    pub name: String,
    pub name_ur: String,
    pub kind: PlaceKind,
    /// WGS84 degrees.
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
    /// The area's radius where `precision` is approximate (required then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub radius_km: Option<f64>,
    /// One of `REGION_IDS`.
    pub province: String,
    pub description: String,
    pub description_ur: String,
    /// The coordinates' sources first, then those of what the place is.
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// A guided story: steps in reading order, each on one record of the dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Story {
    pub id: String,
    pub title: String,
    pub title_ur: String,
    pub steps: Vec<StoryStep>,
}

/// One step of a story. It names exactly one record (a deal, an event or a
/// place; the validator holds it to one) and tells its part in a reader's words.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct StoryStep {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_id: Option<String>,
    pub headline: String,
    pub headline_ur: String,
    pub narrative: String,
    pub narrative_ur: String,
    pub sources: Vec<String>,
}

/// The record a story step is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepRecord<'a> {
    Event(&'a str),
    Deal(&'a str),
    Place(&'a str),
}

impl StoryStep {
    /// The record this step names (the event first, should a hand-edited step name more than one).
    pub fn record(&self) -> Option<StepRecord<'_>> {
        let event = self.event_id.as_deref().map(StepRecord::Event);
        let deal = self.deal_id.as_deref().map(StepRecord::Deal);
        event.or(deal).or_else(|| self.place_id.as_deref().map(StepRecord::Place))
    }
}

impl Dataset {
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }
    pub fn mineral(&self, id: &str) -> Option<&Mineral> {
        self.minerals.iter().find(|m| m.id == id)
    }
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }
    pub fn deal(&self, id: &str) -> Option<&Deal> {
        self.deals.iter().find(|d| d.id == id)
    }
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
    pub fn measure(&self, id: &str) -> Option<&TariffMeasure> {
        self.tariff_measures.iter().find(|m| m.id == id)
    }
}
