//! The dataset in shards by view: a first visit downloads only the kinds of
//! records its view shows, the rest when a reader goes where they are needed.
//!
//! Editors edit and validate the one `deals.json`; the release build validates
//! it whole, then cuts it here (`split`, run by `validate-data --shards`) into
//! one file per [`Shard`]. The app loads the shards a state needs (`needed`)
//! and joins them (`merge`) into one tree for the one decoder (`data::decode`):
//! a shard is never decoded or validated on its own.
//!
//! To place a new top-level kind: one line in [`KINDS`]. A kind missing there
//! goes to [`Shard::Other`], which every state loads, so nothing is ever lost.

use super::json::Json;
use crate::ids::json_ids;
use crate::state::url::AppState;
use crate::state::vocab::{Records, View};

json_ids! {
    /// A part of the dataset, downloaded as one file (`data/<id>.<views>.<hash>.json`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Shard {
        /// What every view shows: the dataset's meta, parties, minerals and places (names of facets).
        Base = "base",
        Deals = "deals",
        Events = "events",
        /// The tariff measures: the calculator's, and the timeline's eras.
        Tariffs = "tariffs",
        /// The calculator's products and figures.
        Products = "products",
        /// The full source records.
        Sources = "sources",
        /// The Story view's stories.
        Stories = "stories",
        /// Kinds `KINDS` does not name yet.
        Other = "other",
    }
}

/// Which shard each top-level kind of `deals.json` goes to: the one table.
/// Measured on 2026-12-07 (brotli, each kind alone): sources 15.9 KB, parties 5.5, minerals 1.5,
/// products 2.4, deals 12.8, events 25.8, tariff_measures 9.4, figures 2.9, meta 1.3.
/// A kind goes where the views that show it already are, so a view's first visit
/// fetches few files and nothing it does not show.
pub const KINDS: &[(&str, Shard)] = &[
    ("meta", Shard::Base),
    ("parties", Shard::Base),
    ("minerals", Shard::Base),
    // The deals view's and the timeline's place filter, the map (2.4 KB).
    ("places", Shard::Base),
    ("deals", Shard::Deals),
    ("events", Shard::Events),
    ("tariff_measures", Shard::Tariffs),
    ("products", Shard::Products),
    ("figures", Shard::Products),
    ("sources", Shard::Sources),
    ("stories", Shard::Stories),
];

/// What each view shows, by shard ([`Shard::Base`] and [`Shard::Other`] always come too).
/// A view missing here (a new one) loads every shard until it gets its line.
const VIEW_NEEDS: &[(View, &[Shard])] = &[
    // The rows' sources and the exports' outlets need the source records.
    (View::Deals, &[Shard::Deals, Shard::Sources]),
    // The eras come from the country-wide tariff measures; sources only in an event's details.
    (View::Timeline, &[Shard::Events, Shard::Tariffs]),
    // The default product is an ore of a deal's mineral; each layer cites its sources.
    (View::Calculator, &[Shard::Deals, Shard::Tariffs, Shard::Products, Shard::Sources]),
    // The citations index lists every kind of record.
    (View::Sources, &Shard::ALL),
    // A place shows when a matching deal or event names it; its details cite its sources.
    (View::Map, &[Shard::Deals, Shard::Events, Shard::Sources]),
    // Each step names a deal, an event or a place and cites its sources.
    (View::Story, &[Shard::Stories, Shard::Deals, Shard::Events, Shard::Sources]),
];

/// The shard a top-level kind goes to.
pub fn shard_of(kind: &str) -> Shard {
    KINDS.iter().find(|(k, _)| *k == kind).map_or(Shard::Other, |&(_, shard)| shard)
}

/// A set of shards.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shards(u16);

impl Shards {
    pub const NONE: Shards = Shards(0);

    fn bit(shard: Shard) -> u16 {
        1 << shard as u16
    }

    pub fn of(shards: &[Shard]) -> Shards {
        Shards(shards.iter().fold(0, |bits, &s| bits | Shards::bit(s)))
    }

    pub fn contains(self, shard: Shard) -> bool {
        self.0 & Shards::bit(shard) != 0
    }

    pub fn with(self, shard: Shard) -> Shards {
        Shards(self.0 | Shards::bit(shard))
    }

    /// Those of `self` not in `have`.
    pub fn without(self, have: Shards) -> Shards {
        Shards(self.0 & !have.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Shard> {
        Shard::ALL.into_iter().filter(move |&s| self.contains(s))
    }
}

/// The shards a view needs on screen as it opens (its first visit loads these).
pub fn for_view(view: View) -> Shards {
    let own = VIEW_NEEDS.iter().find(|(v, _)| *v == view).map_or(Shard::ALL.as_slice(), |(_, shards)| shards);
    Shards::of(own).with(Shard::Base).with(Shard::Other)
}

/// The shards a state needs: its view's, and what it shows only on demand: the
/// deals view's events (listed, or linked from a deal's panel), the sources of
/// an event the timeline details.
pub fn needed(state: &AppState) -> Shards {
    let shards = for_view(state.view);
    let on_demand = match state.view {
        View::Deals if state.records == Records::Events || state.sel.is_some() => Some(Shard::Events),
        View::Timeline if state.sel.is_some() => Some(Shard::Sources),
        _ => None,
    };
    on_demand.map_or(shards, |shard| shards.with(shard))
}

/// The whole dataset's tree cut into shards, each kind into its shard
/// (`shard_of`), in document order; shards with no kind are left out.
/// Anything but an object (which the build's validator has already refused) has none.
pub fn split(whole: &Json) -> Vec<(Shard, Json)> {
    let Json::Object(fields) = whole else { return Vec::new() };
    Shard::ALL
        .into_iter()
        .filter_map(|shard| {
            let kinds: Vec<(String, Json)> = fields.iter().filter(|(k, _)| shard_of(k) == shard).cloned().collect();
            (!kinds.is_empty()).then_some((shard, Json::Object(kinds)))
        })
        .collect()
}

/// Adds a shard's kinds to `tree`, the join of the shards loaded so far (at
/// first an empty object), for the one decoder: the shard's kinds move in (each
/// kind is in one shard, so a kind already there is only a stand-in), and each
/// list kind of `KINDS` still missing stands in as an empty list, so the decoder
/// reads what is there and the views find nothing they did not load. `meta` is
/// never made up: it comes with [`Shard::Base`], which every state loads. Moved,
/// not copied: the trees are the dataset's size.
pub fn merge(tree: &mut Json, shard: Json) {
    if !matches!(tree, Json::Object(_)) {
        *tree = Json::Object(Vec::new());
    }
    let (Json::Object(fields), Json::Object(kinds)) = (tree, shard) else { return };
    for (kind, value) in kinds {
        match fields.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, stand_in)) => *stand_in = value,
            None => fields.push((kind, value)),
        }
    }
    for (kind, _) in KINDS {
        if *kind != "meta" && !fields.iter().any(|(k, _)| k == kind) {
            fields.push(((*kind).to_string(), Json::Array(Vec::new())));
        }
    }
}

/// One shard file of a release build, as the page records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardFile {
    pub shard: Shard,
    /// Relative to the page, under `data/`.
    pub url: String,
    /// The SHA-256 (lowercase hex) of the bytes the build validated as part of the whole.
    pub sha256: String,
}

/// The release build's shards as `<meta name="de-data-shards">` lists them
/// (`scripts/post-build.mjs`): `<shard>=<url>#<sha256>`, separated by spaces.
/// `None` for anything else (no record: a development build), a URL that
/// leaves `data/` (the app fetches data only from its deployment) or a shard
/// named twice or left out while the whole has it: the app then loads the whole file.
pub fn parse_manifest(text: &str) -> Option<Vec<ShardFile>> {
    let mut files: Vec<ShardFile> = Vec::new();
    for entry in text.split_whitespace() {
        let (name, rest) = entry.split_once('=')?;
        let (url, sha256) = rest.rsplit_once('#')?;
        let shard = Shard::from_id(name)?;
        let safe_url = url.strip_prefix("data/").is_some_and(|file| {
            !file.is_empty() && file.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
                && !file.contains("..")
        });
        let hex = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !safe_url || !hex || files.iter().any(|f| f.shard == shard) {
            return None;
        }
        files.push(ShardFile { shard, url: url.to_string(), sha256: sha256.to_string() });
    }
    (!files.is_empty() && files.iter().any(|f| f.shard == Shard::Base)).then_some(files)
}

/// The manifest's text for these files (the build writes it; `parse_manifest` reads it back).
pub fn manifest(files: &[ShardFile]) -> String {
    files.iter().map(|f| format!("{}={}#{}", f.shard.id(), f.url, f.sha256)).collect::<Vec<_>>().join(" ")
}

/// The views whose first visit loads `shard` (in `View::ALL`'s order).
pub fn first_visits(shard: Shard) -> Vec<View> {
    View::ALL.into_iter().filter(|&v| for_view(v).contains(shard)).collect()
}

/// A shard's file name before the build adds its content hash: `<shard>.<view>[-<view>…]`,
/// the views whose first visit loads it (the size guard and the tests read them there).
pub fn file_stem(shard: Shard) -> String {
    let views: Vec<&str> = first_visits(shard).into_iter().map(View::id).collect();
    format!("{}.{}", shard.id(), views.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::json_text;
    use crate::data::load::load_tree;

    fn whole() -> Json {
        json_text::parse(include_str!("../../public/data/deals.json"), json_text::std_parse_number).unwrap()
    }

    fn sorted(tree: &Json) -> Vec<(String, Json)> {
        let Json::Object(fields) = tree else { panic!("not an object") };
        let mut fields = fields.clone();
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        fields
    }

    #[test]
    fn the_shards_merged_are_the_whole_dataset() {
        let whole = whole();
        let shards = split(&whole);
        // Every kind in exactly one shard: nothing lost, nothing twice.
        let Json::Object(kinds) = &whole else { panic!("not an object") };
        for (kind, value) in kinds {
            let holders: Vec<Shard> = shards.iter().filter(|(_, t)| t.get(kind).is_some()).map(|(s, _)| *s).collect();
            assert_eq!(holders, [shard_of(kind)], "{kind}");
            assert_eq!(shards.iter().find_map(|(_, t)| t.get(kind)), Some(value), "{kind}");
        }
        let count: usize = shards.iter().map(|(_, t)| sorted(t).len()).sum();
        assert_eq!(count, kinds.len());
        // In any order of arrival.
        let mut merged = Json::Object(Vec::new());
        for (_, shard) in shards.into_iter().rev() {
            merge(&mut merged, shard);
        }
        assert_eq!(sorted(&merged), sorted(&whole));
        // Decoded by the one decoder, the same dataset.
        assert_eq!(load_tree(&merged), load_tree(&whole));
        assert!(load_tree(&whole).is_ok());
    }

    #[test]
    fn a_view_decodes_from_its_own_shards_with_nothing_of_the_others() {
        let shards = split(&whole());
        let full = load_tree(&whole()).unwrap();
        let deals = for_view(View::Deals);
        let mut tree = Json::Null;
        for (_, shard) in shards.into_iter().filter(|(s, _)| deals.contains(*s)) {
            merge(&mut tree, shard);
        }
        let ds = crate::data::decode::decode(&tree).unwrap();
        assert_eq!((ds.deals.len(), ds.sources.len(), ds.parties.len()), (full.deals.len(), full.sources.len(), full.parties.len()));
        assert!(ds.events.is_empty() && ds.tariff_measures.is_empty() && ds.products.is_empty());
        assert_eq!(ds.meta, full.meta);
    }

    #[test]
    fn an_unknown_kind_goes_to_other_which_every_state_loads() {
        let mut whole = whole();
        if let Json::Object(fields) = &mut whole {
            fields.push(("a_kind_not_in_the_table".into(), Json::Array(vec![Json::String("x".into())])));
        }
        let shards = split(&whole);
        let other: Vec<&Json> = shards.iter().filter(|(s, _)| *s == Shard::Other).map(|(_, t)| t).collect();
        assert_eq!(other.len(), 1);
        assert!(other[0].get("a_kind_not_in_the_table").is_some());
        for view in View::ALL {
            assert!(for_view(view).contains(Shard::Other) && for_view(view).contains(Shard::Base), "{view:?}");
        }
        let mut merged = Json::Null;
        shards.into_iter().for_each(|(_, shard)| merge(&mut merged, shard));
        assert_eq!(sorted(&merged), sorted(&whole));
    }

    #[test]
    fn each_view_needs_what_it_shows_and_the_deals_view_events_on_demand() {
        let only = |view| for_view(view).iter().filter(|s| !matches!(s, Shard::Base | Shard::Other)).collect::<Vec<_>>();
        assert_eq!(only(View::Deals), [Shard::Deals, Shard::Sources]);
        assert_eq!(only(View::Timeline), [Shard::Events, Shard::Tariffs]);
        assert_eq!(only(View::Sources).len(), 6);
        let mut state = AppState::default();
        assert!(!needed(&state).contains(Shard::Events));
        state.records = Records::Events;
        assert!(needed(&state).contains(Shard::Events));
        state.records = Records::Deals;
        state.sel = Some("deal-x".into());
        assert!(needed(&state).contains(Shard::Events));
        state.view = View::Timeline;
        assert!(needed(&state).contains(Shard::Sources));
        state.sel = None;
        assert!(!needed(&state).contains(Shard::Sources));
        assert_eq!(first_visits(Shard::Base), View::ALL);
        assert_eq!(first_visits(Shard::Events), [View::Timeline, View::Map, View::Story, View::Sources]);
        assert_eq!(only(View::Map), [Shard::Deals, Shard::Events, Shard::Sources]);
        assert_eq!(file_stem(Shard::Tariffs), "tariffs.timeline-calculator-sources");
        assert_eq!(file_stem(Shard::Sources), "sources.deals-map-story-calculator-sources");
    }

    #[test]
    fn shard_sets_add_and_subtract() {
        let a = Shards::of(&[Shard::Base, Shard::Deals]);
        assert_eq!(a.without(Shards::of(&[Shard::Deals])), Shards::of(&[Shard::Base]));
        assert!(a.without(a).is_empty());
        assert_eq!(a.with(Shard::Events).iter().collect::<Vec<_>>(), [Shard::Base, Shard::Deals, Shard::Events]);
        assert!(Shards::NONE.is_empty());
    }

    #[test]
    fn the_manifest_reads_back_and_refuses_what_it_should() {
        let sha = "ab".repeat(32);
        let files = vec![
            ShardFile { shard: Shard::Base, url: "data/base.deals.0123456789abcdef.json".into(), sha256: sha.clone() },
            ShardFile { shard: Shard::Events, url: "data/events.timeline.0123456789abcdef.json".into(), sha256: sha.clone() },
        ];
        assert_eq!(parse_manifest(&manifest(&files)), Some(files));
        for bad in [
            String::new(),
            format!("base=https://evil.example/x.json#{sha}"),
            format!("base=data/../x.json#{sha}"),
            format!("base=data/x.json#{}", &sha[1..]),
            format!("base=data/x.json#{}", sha.to_uppercase()),
            format!("nope=data/x.json#{sha}"),
            format!("base=data/x.json#{sha} base=data/y.json#{sha}"),
            format!("deals=data/x.json#{sha}"),
            format!("base=data/x.json{sha}"),
            format!("base=data/#{sha}"),
        ] {
            assert_eq!(parse_manifest(&bad), None, "{bad}");
        }
    }
}
