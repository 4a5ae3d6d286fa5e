//! From the validated [`Json`] tree to the typed [`Dataset`], written by hand.
//!
//! The one decode path, natively and in the browser. It is not generic over a
//! data format (a serde derive is, once per deserializer), so the wasm carries
//! one small copy. It runs after the validator: anything it rejects, the
//! validator let through, and it is still reported as a [`Problem`] with its
//! path, never a panic. Field rules follow `model.rs`: `Option` fields may be
//! absent or null, defaulted lists and flags may be absent but not null,
//! unknown fields are ignored (the validator reports them).
//!
//! Readers do not return `Result`: a reader that fails records the problem
//! (the first one is kept) and returns a placeholder, and [`decode`] returns
//! the problem instead of the dataset. Straight-line record functions compile
//! to far less code than `?` after every field, each return dropping the
//! fields read so far.

use std::cell::Cell;

use super::json::Json;
use super::model::{
    ChangelogEntry, Confidence, Dataset, Deal, DealValue, Dispute, DisputeVersion, Event,
    EventCategory, Exemption, ExemptionStatus, Figure, InTransit, MeasureBase, MeasureLayer, Meta,
    MfnRate, Mineral, Party, PartyType, Place, PlaceKind, Precision, Product, RateTier, Refund, Source, Story, StoryStep,
    TariffMeasure, ValueBasis,
};
use super::json_text::escaped;
use super::trail::Trail;
use super::validate::{decode_problem, Problem};

/// The typed dataset of a tree, or the first place it does not fit the model.
pub fn decode(tree: &Json) -> Result<Dataset, Problem> {
    let first = Cell::new(None);
    let ds = dataset(&At {
        trail: Trail::root(tree),
        first: &first,
    });
    match first.into_inner() {
        Some(problem) => Err(problem),
        None => Ok(ds),
    }
}

/// What a missing field reads as, after its problem has been recorded.
static MISSING: Json = Json::Null;

/// A node, how it was reached (for the path of a problem), and where the
/// first problem goes.
struct At<'a> {
    trail: Trail<'a, 'a>,
    /// The first problem found anywhere in the tree.
    first: &'a Cell<Option<Problem>>,
}

impl<'a> At<'a> {
    fn node(&self) -> &'a Json {
        self.trail.node
    }

    /// Records a problem here unless an earlier one was recorded.
    fn fail(&self, message: &str) {
        let first = self.first.take();
        self.first
            .set(first.or_else(|| Some(decode_problem(&self.trail.path(), message))));
    }

    fn expected(&self, what: &str) {
        self.fail(&format!(
            "expected {what}, found {}",
            self.node().type_name()
        ));
    }

    // ------------------------------------------------------------ this value

    fn record(&self) {
        if !matches!(self.node(), Json::Object(_)) {
            self.expected("an object");
        }
    }

    fn str(&self) -> &'a str {
        self.node().as_str().unwrap_or_else(|| {
            self.expected("a string");
            ""
        })
    }

    fn string(&self) -> String {
        self.str().to_string()
    }

    fn float(&self) -> f64 {
        self.node().as_f64().unwrap_or_else(|| {
            self.expected("a number");
            0.0
        })
    }

    fn boolean(&self) -> bool {
        match self.node() {
            Json::Bool(b) => *b,
            _ => {
                self.expected("true or false");
                false
            }
        }
    }

    /// One of an enum's ids (`from_id` of a `model.rs` enum).
    fn named<T>(&self, noun: &str, from_id: fn(&str) -> Option<T>, fallback: T) -> T {
        let s = self.str();
        from_id(s).unwrap_or_else(|| {
            self.fail(&format!("unknown {noun} \"{}\"", escaped(s)));
            fallback
        })
    }

    fn list<T>(&self, item: fn(&At) -> T) -> Vec<T> {
        let Json::Array(items) = self.node() else {
            self.expected("an array");
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .map(|(i, node)| {
                item(&At {
                    trail: self.trail.index(node, i),
                    first: self.first,
                })
            })
            .collect()
    }

    // ------------------------------------------------------- fields of a record

    fn field(&'a self, node: &'a Json, key: &'a str) -> At<'a> {
        At {
            trail: self.trail.key(node, key),
            first: self.first,
        }
    }

    /// The field as written, null included.
    fn get(&'a self, key: &'a str) -> Option<At<'a>> {
        self.node().get(key).map(|node| self.field(node, key))
    }

    fn req(&'a self, key: &'a str) -> At<'a> {
        self.get(key).unwrap_or_else(|| {
            self.fail(&format!("missing required field \"{}\"", escaped(key)));
            self.field(&MISSING, key)
        })
    }

    /// An `Option` field: absent and null both mean `None`.
    fn opt<T>(&'a self, key: &'a str, value: fn(&At) -> T) -> Option<T> {
        self.get(key)
            .filter(|at| !matches!(at.node(), Json::Null))
            .map(|at| value(&at))
    }

    /// A list that defaults to empty when absent (null is not absent).
    fn def_list<T>(&'a self, key: &'a str, item: fn(&At) -> T) -> Vec<T> {
        self.get(key).map_or_else(Vec::new, |at| at.list(item))
    }

    fn text(&'a self, key: &'a str) -> String {
        self.req(key).string()
    }

    fn opt_text(&'a self, key: &'a str) -> Option<String> {
        self.opt(key, string)
    }

    /// An Urdu text the model requires: empty where the tree is an English reader's
    /// (`data::shards`: no Urdu layer loaded); the validator, which checks the whole
    /// dataset, still requires it.
    fn urdu_text(&'a self, key: &'a str) -> String {
        self.opt_text(key).unwrap_or_default()
    }

    /// A text the model requires that a record's brief leaves out (`data::shards::BRIEF`:
    /// a source's title, an event's description before their Detail layer is in): empty then;
    /// the validator still requires it.
    fn brief_text(&'a self, key: &'a str) -> String {
        self.urdu_text(key)
    }

    fn texts(&'a self, key: &'a str) -> Vec<String> {
        self.req(key).list(string)
    }

    fn def_texts(&'a self, key: &'a str) -> Vec<String> {
        self.def_list(key, string)
    }

    fn records<T>(&'a self, key: &'a str, item: fn(&At) -> T) -> Vec<T> {
        self.req(key).list(item)
    }

    fn number(&'a self, key: &'a str) -> f64 {
        self.req(key).float()
    }

    fn flag(&'a self, key: &'a str) -> bool {
        self.get(key).is_some_and(|at| at.boolean())
    }

    fn confidence(&'a self, key: &'a str) -> Confidence {
        confidence(&self.req(key))
    }
}

// Readers of one value, as `fn` items for lists and optional fields.

fn string(at: &At) -> String {
    at.string()
}

fn float(at: &At) -> f64 {
    at.float()
}

fn confidence(at: &At) -> Confidence {
    at.named("confidence", Confidence::from_id, Confidence::Unknown)
}

fn disputes(at: &At) -> Vec<Dispute> {
    at.def_list("disputes", dispute)
}

// ------------------------------------------------------------------ records

fn dataset(at: &At) -> Dataset {
    at.record();
    Dataset {
        meta: meta(&at.req("meta")),
        sources: at.records("sources", source),
        parties: at.records("parties", party),
        minerals: at.records("minerals", mineral),
        products: at.records("products", product),
        deals: at.records("deals", deal),
        events: at.records("events", event),
        tariff_measures: at.records("tariff_measures", measure),
        figures: at.def_list("figures", figure),
        places: at.def_list("places", place),
        stories: at.def_list("stories", story),
    }
}

fn meta(at: &At) -> Meta {
    at.record();
    Meta {
        title: at.text("title"),
        title_ur: at.opt_text("title_ur"),
        as_of: at.text("as_of"),
        version: at.text("version"),
        licence: at.text("licence"),
        licence_url: at.opt_text("licence_url"),
        description: at.opt_text("description"),
        changelog: at.records("changelog", changelog_entry),
    }
}

fn changelog_entry(at: &At) -> ChangelogEntry {
    at.record();
    ChangelogEntry {
        version: at.text("version"),
        date: at.text("date"),
        changes: at.texts("changes"),
    }
}

fn source(at: &At) -> Source {
    at.record();
    Source {
        id: at.text("id"),
        title: at.brief_text("title"),
        publisher: at.brief_text("publisher"),
        url: at.brief_text("url"),
        date: at.opt_text("date"),
        date_approx: at.flag("date_approx"),
        tag: at.opt_text("tag"),
    }
}

fn party(at: &At) -> Party {
    at.record();
    Party {
        id: at.text("id"),
        name: at.text("name"),
        name_ur: at.opt_text("name_ur"),
        party_type: at
            .req("type")
            .named("party type", PartyType::from_id, PartyType::Organisation),
        country: at.opt_text("country"),
        role: at.brief_text("role"),
        description: at.brief_text("description"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

fn mineral(at: &At) -> Mineral {
    at.record();
    Mineral {
        id: at.text("id"),
        name: at.text("name"),
        name_ur: at.opt_text("name_ur"),
        symbol: at.text("symbol"),
        critical_list: at.text("critical_list"),
        critical_list_confidence: at.opt("critical_list_confidence", confidence),
        occurrences: at.opt_text("occurrences"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

fn product(at: &At) -> Product {
    at.record();
    Product {
        id: at.text("id"),
        hts: at.opt_text("hts"),
        description: at.text("description"),
        description_ur: at.opt_text("description_ur"),
        mineral_ids: at.def_texts("mineral_ids"),
        mfn: mfn(&at.req("mfn")),
        section_232_copper: at.flag("section_232_copper"),
        notes: at.opt_text("notes"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

/// Tagged by its `kind` field (serde's internally tagged enum); fields other
/// than the kind's own are ignored.
fn mfn(at: &At) -> MfnRate {
    at.record();
    let kind = at.req("kind");
    match kind.str() {
        "free" => MfnRate::Free,
        "ad_valorem" => MfnRate::AdValorem {
            percent: at.number("percent"),
        },
        "specific" => MfnRate::Specific {
            cents_per_kg: at.number("cents_per_kg"),
            content_of: at.text("content_of"),
            content_of_ur: at.opt_text("content_of_ur"),
        },
        "unknown" => MfnRate::Unknown,
        other => {
            kind.fail(&format!("unknown mfn kind \"{}\"", escaped(other)));
            MfnRate::Unknown
        }
    }
}

fn deal_value(at: &At) -> DealValue {
    at.record();
    DealValue {
        amount_usd: at.opt("amount_usd", float),
        basis: at.opt("basis", |v| v.named("value basis", ValueBasis::from_id, ValueBasis::Announced)),
        meaning: at.text("meaning"),
        meaning_ur: at.opt_text("meaning_ur"),
        confidence: at.confidence("confidence"),
        confidence_note: at.opt_text("confidence_note"),
        confidence_note_ur: at.opt_text("confidence_note_ur"),
    }
}

fn dispute(at: &At) -> Dispute {
    at.record();
    Dispute {
        topic: at.text("topic"),
        topic_ur: at.opt_text("topic_ur"),
        versions: at.records("versions", dispute_version),
    }
}

fn dispute_version(at: &At) -> DisputeVersion {
    at.record();
    DisputeVersion {
        claim: at.text("claim"),
        claim_ur: at.opt_text("claim_ur"),
        quote_en: at.flag("quote_en"),
        sources: at.texts("sources"),
    }
}

fn deal(at: &At) -> Deal {
    at.record();
    Deal {
        id: at.text("id"),
        title: at.text("title"),
        title_ur: at.opt_text("title_ur"),
        kind: at.text("kind"),
        kind_ur: at.opt_text("kind_ur"),
        category: at.text("category"),
        date: at.opt_text("date"),
        date_note: at.opt_text("date_note"),
        date_note_ur: at.opt_text("date_note_ur"),
        value: deal_value(&at.req("value")),
        status: at.text("status"),
        status_ur: at.opt_text("status_ur"),
        status_detail: at.def_texts("status_detail"),
        status_detail_ur: at.def_texts("status_detail_ur"),
        summary: at.text("summary"),
        summary_ur: at.opt_text("summary_ur"),
        party_ids: at.texts("party_ids"),
        mineral_ids: at.def_texts("mineral_ids"),
        place_ids: at.def_texts("place_ids"),
        countries: at.def_texts("countries"),
        disputes: disputes(at),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
        confidence_note: at.opt_text("confidence_note"),
        confidence_note_ur: at.opt_text("confidence_note_ur"),
        background: at.flag("background"),
    }
}

fn event(at: &At) -> Event {
    at.record();
    Event {
        id: at.text("id"),
        date: at.text("date"),
        end_date: at.opt_text("end_date"),
        date_approx: at.flag("date_approx"),
        title: at.text("title"),
        title_ur: at.opt_text("title_ur"),
        category: at.req("category").named(
            "event category",
            EventCategory::from_id,
            EventCategory::Context,
        ),
        description: at.brief_text("description"),
        description_ur: at.opt_text("description_ur"),
        deal_id: at.opt_text("deal_id"),
        mineral_ids: at.def_texts("mineral_ids"),
        party_ids: at.def_texts("party_ids"),
        place_ids: at.def_texts("place_ids"),
        countries: at.def_texts("countries"),
        disputes: disputes(at),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
        confidence_note: at.opt_text("confidence_note"),
        confidence_note_ur: at.opt_text("confidence_note_ur"),
    }
}

fn exemption(at: &At) -> Exemption {
    at.record();
    Exemption {
        product_id: at.text("product_id"),
        status: at.req("status").named(
            "exemption status",
            ExemptionStatus::from_id,
            ExemptionStatus::Unverified,
        ),
        from: at.opt_text("from"),
        until: at.opt_text("until"),
        basis: at.text("basis"),
        basis_ur: at.opt_text("basis_ur"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

fn base(at: &At) -> MeasureBase {
    at.opt("base", |v| {
        v.named("measure base", MeasureBase::from_id, MeasureBase::CustomsValue)
    })
    .unwrap_or_default()
}

fn tier(at: &At) -> RateTier {
    at.record();
    RateTier {
        from: at.opt_text("from"),
        until: at.opt_text("until"),
        product_ids: at.def_texts("product_ids"),
        rate_percent: float(&at.req("rate_percent")),
        base: base(at),
        min_content_percent: at.opt("min_content_percent", float),
        note: at.text("note"),
        note_ur: at.opt_text("note_ur"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

fn in_transit(at: &At) -> InTransit {
    at.record();
    InTransit {
        loaded_before: at.text("loaded_before"),
        entered_before: at.text("entered_before"),
        instead: at.opt_text("instead"),
        heading: at.opt_text("heading"),
        vessel_only: at.flag("vessel_only"),
        note: at.text("note"),
        note_ur: at.opt_text("note_ur"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

fn refund(at: &At) -> Refund {
    at.record();
    Refund {
        status: at.text("status"),
        status_ur: at.opt_text("status_ur"),
        sources: at.texts("sources"),
    }
}

fn measure(at: &At) -> TariffMeasure {
    at.record();
    TariffMeasure {
        id: at.text("id"),
        name: at.text("name"),
        name_ur: at.opt_text("name_ur"),
        layer: at.req("layer").named(
            "measure layer",
            MeasureLayer::from_id,
            MeasureLayer::Country,
        ),
        instrument: at.text("instrument"),
        rate_percent: at.opt("rate_percent", float),
        disputes: disputes(at),
        stacking: at.text("stacking"),
        not_on_top_of: at.def_texts("not_on_top_of"),
        replaces: at.def_texts("replaces"),
        in_force_from: at.opt_text("in_force_from"),
        in_force_until: at.opt_text("in_force_until"),
        base: base(at),
        tiers: at.def_list("tiers", tier),
        in_transit: at.def_list("in_transit", in_transit),
        period_note: at.text("period_note"),
        exemptions: at.def_list("exemptions", exemption),
        exemption_note: at.opt_text("exemption_note"),
        refund: at.opt("refund", refund),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
        confidence_note: at.opt_text("confidence_note"),
    }
}

fn figure(at: &At) -> Figure {
    at.record();
    Figure {
        id: at.text("id"),
        metric: at.text("metric"),
        period: at.text("period"),
        value: at.text("value"),
        value_usd: at.opt("value_usd", float),
        notes: at.opt_text("notes"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

fn place(at: &At) -> Place {
    at.record();
    Place {
        id: at.text("id"),
        name: at.text("name"),
        name_ur: at.urdu_text("name_ur"),
        kind: at.req("kind").named("place kind", PlaceKind::from_id, PlaceKind::Region),
        lat: at.number("lat"),
        lon: at.number("lon"),
        precision: at
            .req("precision")
            .named("precision", Precision::from_id, Precision::Approximate),
        radius_km: at.opt("radius_km", float),
        province: at.text("province"),
        description: at.brief_text("description"),
        description_ur: at.urdu_text("description_ur"),
        sources: at.texts("sources"),
        confidence: at.confidence("confidence"),
    }
}

fn story(at: &At) -> Story {
    at.record();
    Story {
        id: at.text("id"),
        title: at.text("title"),
        title_ur: at.urdu_text("title_ur"),
        steps: at.records("steps", story_step),
    }
}

fn story_step(at: &At) -> StoryStep {
    at.record();
    StoryStep {
        event_id: at.opt_text("event_id"),
        deal_id: at.opt_text("deal_id"),
        place_id: at.opt_text("place_id"),
        headline: at.text("headline"),
        headline_ur: at.urdu_text("headline_ur"),
        narrative: at.text("narrative"),
        narrative_ur: at.urdu_text("narrative_ur"),
        sources: at.texts("sources"),
    }
}
