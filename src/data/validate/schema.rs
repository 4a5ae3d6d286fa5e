//! The shape of `model.rs`, written once as field tables (`SOURCE`, `PARTY`…)
//! that the walker checks.

use super::super::model::{
    Confidence, EventCategory, ExemptionStatus, MeasureBase, MeasureLayer, PartyType, PlaceKind, Precision, ValueBasis,
    DEAL_CATEGORIES, REGION_IDS,
};
/// The kinds of record that have an id, with the top-level key holding them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    Source,
    Party,
    Mineral,
    Product,
    Deal,
    Event,
    Measure,
    Figure,
    Place,
    Story,
}

impl Kind {
    pub(super) const ALL: [Kind; 10] = [
        Kind::Source,
        Kind::Party,
        Kind::Mineral,
        Kind::Product,
        Kind::Deal,
        Kind::Event,
        Kind::Measure,
        Kind::Figure,
        Kind::Place,
        Kind::Story,
    ];

    pub(super) fn key(self) -> &'static str {
        self.names().0
    }

    pub(super) fn noun(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Kind::Source => ("sources", "source"),
            Kind::Party => ("parties", "party"),
            Kind::Mineral => ("minerals", "mineral"),
            Kind::Product => ("products", "product"),
            Kind::Deal => ("deals", "deal"),
            Kind::Event => ("events", "event"),
            Kind::Measure => ("tariff_measures", "tariff measure"),
            Kind::Figure => ("figures", "figure"),
            Kind::Place => ("places", "place"),
            Kind::Story => ("stories", "story"),
        }
    }
}

/// What a value must be.
#[derive(Clone, Copy)]
pub(super) enum Ty {
    Str,
    Bool,
    /// A finite number ≥ 0; the noun ("amount", "rate") is for messages.
    NonNeg(&'static str),
    /// A finite number of degrees; the noun ("latitude") is for messages.
    Degrees(&'static str),
    /// A record's own id: a non-empty string without spaces, unique across all kinds.
    Id,
    /// The id of a record of this kind.
    Ref(Kind),
    /// A non-empty list of source ids.
    Sources,
    /// One of the listed strings; the noun is for messages.
    Enum(&'static str, &'static [&'static str]),
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DD`.
    Day,
    /// RFC 3339 with an offset.
    Instant,
    /// http(s) URL.
    Url,
    /// ISO 3166 alpha-2.
    Country,
    List(&'static Ty),
    Obj(&'static Rec),
    /// An object whose `kind` field picks its fields (serde's internally tagged
    /// enum; the one such field is `mfn`, whose kinds are `MFN_KIND`).
    Tagged(&'static [(&'static str, &'static Rec)]),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    /// Must be present and not null.
    Req,
    /// `Option<_>`: may be absent or null.
    Opt,
    /// `#[serde(default)]`: may be absent, not null.
    Def,
    /// The Urdu of the field named without `_ur`: as `Opt` (a list: as `Def`), but where the
    /// English has text and the Urdu is absent, null or blank, the walker
    /// records a warning with its path (the app then shows the English).
    Ur,
}
use Need::{Def, Opt, Req, Ur};

/// A field: name, whether it is needed, type.
pub(super) struct F(pub(super) &'static str, pub(super) Need, pub(super) Ty);

/// An object's fields, and a from/until pair that must be in order
/// (`strict`: from < until, else from ≤ until).
pub(super) struct Rec {
    pub(super) fields: &'static [F],
    pub(super) order: Option<(&'static str, &'static str, bool)>,
}

pub(super) const fn rec(fields: &'static [F]) -> Rec {
    Rec {
        fields,
        order: None,
    }
}

pub(super) const CONFIDENCE: Ty = Ty::Enum("confidence", &Confidence::IDS);
pub(super) const TEXTS: Ty = Ty::List(&Ty::Str);
pub(super) const COUNTRIES: Ty = Ty::List(&Ty::Country);
pub(super) const DISPUTES: Ty = Ty::List(&Ty::Obj(&DISPUTE));
pub(super) const PLACE_IDS: Ty = Ty::List(&Ty::Ref(Kind::Place));
pub(super) const MFN_KIND: Ty = Ty::Enum("mfn kind", &["free", "ad_valorem", "specific", "unknown"]);

pub(super) static DATASET: Rec = rec(&[
    F("meta", Req, Ty::Obj(&META)),
    F("sources", Req, Ty::List(&Ty::Obj(&SOURCE))),
    F("parties", Req, Ty::List(&Ty::Obj(&PARTY))),
    F("minerals", Req, Ty::List(&Ty::Obj(&MINERAL))),
    F("products", Req, Ty::List(&Ty::Obj(&PRODUCT))),
    F("deals", Req, Ty::List(&Ty::Obj(&DEAL))),
    F("events", Req, Ty::List(&Ty::Obj(&EVENT))),
    F("tariff_measures", Req, Ty::List(&Ty::Obj(&MEASURE))),
    F("figures", Def, Ty::List(&Ty::Obj(&FIGURE))),
    F("places", Def, Ty::List(&Ty::Obj(&PLACE))),
    F("stories", Def, Ty::List(&Ty::Obj(&STORY))),
]);

pub(super) static META: Rec = rec(&[
    F("title", Req, Ty::Str),
    F("title_ur", Ur, Ty::Str),
    F("as_of", Req, Ty::Day),
    F("version", Req, Ty::Str),
    F("licence", Req, Ty::Str),
    F("licence_url", Opt, Ty::Url),
    F("description", Opt, Ty::Str),
    F("changelog", Req, Ty::List(&Ty::Obj(&CHANGELOG))),
]);

pub(super) static CHANGELOG: Rec = rec(&[
    F("version", Req, Ty::Str),
    F("date", Req, Ty::Day),
    F("changes", Req, TEXTS),
]);

pub(super) static SOURCE: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("title", Req, Ty::Str),
    F("publisher", Req, Ty::Str),
    F("url", Req, Ty::Url),
    F("date", Opt, Ty::Date),
    F("date_approx", Def, Ty::Bool),
    F("tag", Opt, Ty::Str),
]);

pub(super) static PARTY: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("name", Req, Ty::Str),
    F("name_ur", Ur, Ty::Str),
    F("type", Req, Ty::Enum("party type", &PartyType::IDS)),
    F("country", Opt, Ty::Country),
    F("role", Req, Ty::Str),
    F("description", Req, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

pub(super) static MINERAL: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("name", Req, Ty::Str),
    F("name_ur", Ur, Ty::Str),
    F("symbol", Req, Ty::Str),
    F("critical_list", Req, Ty::Str),
    F("critical_list_confidence", Opt, CONFIDENCE),
    F("occurrences", Opt, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

pub(super) static PRODUCT: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("hts", Opt, Ty::Str),
    F("description", Req, Ty::Str),
    F("description_ur", Ur, Ty::Str),
    F("mineral_ids", Def, Ty::List(&Ty::Ref(Kind::Mineral))),
    F(
        "mfn",
        Req,
        Ty::Tagged(&[
            ("free", &MFN_BARE),
            ("ad_valorem", &MFN_AD_VALOREM),
            ("specific", &MFN_SPECIFIC),
            ("unknown", &MFN_BARE),
        ]),
    ),
    F("section_232_copper", Def, Ty::Bool),
    F("notes", Opt, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

pub(super) static MFN_BARE: Rec = rec(&[F("kind", Req, MFN_KIND)]);
pub(super) static MFN_AD_VALOREM: Rec = rec(&[
    F("kind", Req, MFN_KIND),
    F("percent", Req, Ty::NonNeg("rate")),
]);
pub(super) static MFN_SPECIFIC: Rec = rec(&[
    F("kind", Req, MFN_KIND),
    F("cents_per_kg", Req, Ty::NonNeg("rate")),
    F("content_of", Req, Ty::Str),
    F("content_of_ur", Ur, Ty::Str),
]);

pub(super) static DEAL_VALUE: Rec = rec(&[
    F("amount_usd", Opt, Ty::NonNeg("amount")),
    F("basis", Opt, Ty::Enum("value basis", &ValueBasis::IDS)),
    F("meaning", Req, Ty::Str),
    F("meaning_ur", Ur, Ty::Str),
    F("confidence", Req, CONFIDENCE),
    F("confidence_note", Opt, Ty::Str),
    F("confidence_note_ur", Ur, Ty::Str),
]);

pub(super) static DISPUTE: Rec = rec(&[
    F("topic", Req, Ty::Str),
    F("topic_ur", Ur, Ty::Str),
    F("versions", Req, Ty::List(&Ty::Obj(&DISPUTE_VERSION))),
]);
/// A claim, not a record: it may cite no source ("other accounts; not identified").
/// `quote_en`: the claim quotes an English source word for word and stays English.
pub(super) static DISPUTE_VERSION: Rec = rec(&[
    F("claim", Req, Ty::Str),
    F("claim_ur", Ur, Ty::Str),
    F("quote_en", Def, Ty::Bool),
    F("sources", Req, Ty::List(&Ty::Ref(Kind::Source))),
]);

pub(super) static DEAL: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("title", Req, Ty::Str),
    F("title_ur", Ur, Ty::Str),
    F("kind", Req, Ty::Str),
    F("kind_ur", Ur, Ty::Str),
    F("category", Req, Ty::Enum("deal category", DEAL_CATEGORIES)),
    F("date", Opt, Ty::Date),
    F("date_note", Opt, Ty::Str),
    F("date_note_ur", Ur, Ty::Str),
    F("value", Req, Ty::Obj(&DEAL_VALUE)),
    F("status", Req, Ty::Str),
    F("status_ur", Ur, Ty::Str),
    F("status_detail", Def, TEXTS),
    F("status_detail_ur", Ur, TEXTS),
    F("summary", Req, Ty::Str),
    F("summary_ur", Ur, Ty::Str),
    F("party_ids", Req, Ty::List(&Ty::Ref(Kind::Party))),
    F("mineral_ids", Def, Ty::List(&Ty::Ref(Kind::Mineral))),
    F("place_ids", Def, PLACE_IDS),
    F("countries", Def, COUNTRIES),
    F("disputes", Def, DISPUTES),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
    F("confidence_note", Opt, Ty::Str),
    F("confidence_note_ur", Ur, Ty::Str),
    F("background", Def, Ty::Bool),
]);

pub(super) static EVENT: Rec = Rec {
    fields: &[
        F("id", Req, Ty::Id),
        F("date", Req, Ty::Date),
        F("end_date", Opt, Ty::Date),
        F("date_approx", Def, Ty::Bool),
        F("title", Req, Ty::Str),
        F("title_ur", Ur, Ty::Str),
        F(
            "category",
            Req,
            Ty::Enum("event category", &EventCategory::IDS),
        ),
        F("description", Req, Ty::Str),
        F("description_ur", Ur, Ty::Str),
        F("deal_id", Opt, Ty::Ref(Kind::Deal)),
        F("mineral_ids", Def, Ty::List(&Ty::Ref(Kind::Mineral))),
        F("party_ids", Def, Ty::List(&Ty::Ref(Kind::Party))),
        F("place_ids", Def, PLACE_IDS),
        F("countries", Def, COUNTRIES),
        F("disputes", Def, DISPUTES),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
        F("confidence_note", Opt, Ty::Str),
        F("confidence_note_ur", Ur, Ty::Str),
    ],
    order: Some(("date", "end_date", false)),
};

pub(super) static EXEMPTION: Rec = Rec {
    fields: &[
        F("product_id", Req, Ty::Ref(Kind::Product)),
        F(
            "status",
            Req,
            Ty::Enum("exemption status", &ExemptionStatus::IDS),
        ),
        F("from", Opt, Ty::Day),
        F("until", Opt, Ty::Day),
        F("basis", Req, Ty::Str),
        F("basis_ur", Ur, Ty::Str),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
    ],
    order: Some(("from", "until", true)),
};

const BASE: Ty = Ty::Enum("measure base", &MeasureBase::IDS);

static TIER: Rec = Rec {
    fields: &[
        F("from", Opt, Ty::Instant),
        F("until", Opt, Ty::Instant),
        F("product_ids", Def, Ty::List(&Ty::Ref(Kind::Product))),
        F("rate_percent", Req, Ty::NonNeg("rate")),
        F("base", Def, BASE),
        F("min_content_percent", Opt, Ty::NonNeg("share")),
        F("note", Req, Ty::Str),
        F("note_ur", Ur, Ty::Str),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
    ],
    order: Some(("from", "until", true)),
};

static IN_TRANSIT: Rec = Rec {
    fields: &[
        F("loaded_before", Req, Ty::Instant),
        F("entered_before", Req, Ty::Instant),
        F("instead", Opt, Ty::Ref(Kind::Measure)),
        F("heading", Opt, Ty::Str),
        F("vessel_only", Def, Ty::Bool),
        F("note", Req, Ty::Str),
        F("note_ur", Ur, Ty::Str),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
    ],
    order: Some(("loaded_before", "entered_before", true)),
};

pub(super) static REFUND: Rec = rec(&[
    F("status", Req, Ty::Str),
    F("status_ur", Ur, Ty::Str),
    F("sources", Req, Ty::Sources),
]);

pub(super) static MEASURE: Rec = Rec {
    fields: &[
        F("id", Req, Ty::Id),
        F("name", Req, Ty::Str),
        F("name_ur", Ur, Ty::Str),
        F("layer", Req, Ty::Enum("measure layer", &MeasureLayer::IDS)),
        F("instrument", Req, Ty::Str),
        F("rate_percent", Opt, Ty::NonNeg("rate")),
        F("disputes", Def, DISPUTES),
        F("stacking", Req, Ty::Str),
        F("not_on_top_of", Def, Ty::List(&Ty::Ref(Kind::Measure))),
        F("replaces", Def, Ty::List(&Ty::Ref(Kind::Measure))),
        F("in_force_from", Opt, Ty::Instant),
        F("in_force_until", Opt, Ty::Instant),
        F("base", Def, BASE),
        F("tiers", Def, Ty::List(&Ty::Obj(&TIER))),
        F("in_transit", Def, Ty::List(&Ty::Obj(&IN_TRANSIT))),
        F("period_note", Req, Ty::Str),
        F("exemptions", Def, Ty::List(&Ty::Obj(&EXEMPTION))),
        F("exemption_note", Opt, Ty::Str),
        F("refund", Opt, Ty::Obj(&REFUND)),
        F("sources", Req, Ty::Sources),
        F("confidence", Req, CONFIDENCE),
        F("confidence_note", Opt, Ty::Str),
    ],
    order: Some(("in_force_from", "in_force_until", true)),
};

pub(super) static FIGURE: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("metric", Req, Ty::Str),
    F("period", Req, Ty::Str),
    F("value", Req, Ty::Str),
    F("value_usd", Opt, Ty::NonNeg("amount")),
    F("notes", Opt, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

/// Urdu is required here, not a warning: a map label has no room to say
/// "English only". Coordinates, radius and Urdu are checked further by the
/// walker (`Walker::place`).
pub(super) static PLACE: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("name", Req, Ty::Str),
    F("name_ur", Req, Ty::Str),
    F("kind", Req, Ty::Enum("place kind", &PlaceKind::IDS)),
    F("lat", Req, Ty::Degrees("latitude")),
    F("lon", Req, Ty::Degrees("longitude")),
    F("precision", Req, Ty::Enum("precision", &Precision::IDS)),
    F("radius_km", Opt, Ty::NonNeg("radius")),
    F("province", Req, Ty::Enum("province (a region id of boundaries.json)", REGION_IDS)),
    F("description", Req, Ty::Str),
    F("description_ur", Req, Ty::Str),
    F("sources", Req, Ty::Sources),
    F("confidence", Req, CONFIDENCE),
]);

/// A story's Urdu is required (a guided story has no English fallback mid-walk);
/// the walker also holds it non-blank and the steps non-empty (`story_rules`).
pub(super) static STORY: Rec = rec(&[
    F("id", Req, Ty::Id),
    F("title", Req, Ty::Str), F("title_ur", Req, Ty::Str),
    F("steps", Req, Ty::List(&Ty::Obj(&STORY_STEP))),
]);

/// The record fields of a step: exactly one is given (`story_rules`).
pub(super) const STEP_RECORDS: [&str; 3] = ["event_id", "deal_id", "place_id"];

pub(super) static STORY_STEP: Rec = rec(&[
    F("event_id", Opt, Ty::Ref(Kind::Event)),
    F("deal_id", Opt, Ty::Ref(Kind::Deal)),
    F("place_id", Opt, Ty::Ref(Kind::Place)),
    // Each text beside its Urdu.
    F("headline", Req, Ty::Str), F("headline_ur", Req, Ty::Str),
    F("narrative", Req, Ty::Str), F("narrative_ur", Req, Ty::Str),
    F("sources", Req, Ty::Sources),
]);
