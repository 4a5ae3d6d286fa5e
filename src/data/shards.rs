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
use crate::state::vocab::{Lang, Records, View};

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

/// What a [`Set`] holds: shards, or pieces (a shard's layer), each a bit of its own.
pub trait Member: Copy {
    /// Its bit's place, below 64.
    fn place(self) -> u32;
    /// Every one, in order.
    fn every() -> impl Iterator<Item = Self>;
}

impl Member for Shard {
    fn place(self) -> u32 {
        self as u32
    }

    fn every() -> impl Iterator<Item = Shard> {
        Shard::ALL.into_iter()
    }
}

/// A set of shards or of pieces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Set<T>(u64, std::marker::PhantomData<T>);

pub type Shards = Set<Shard>;
pub type Pieces = Set<Piece>;

impl<T: Member> Set<T> {
    pub const NONE: Set<T> = Set(0, std::marker::PhantomData);

    fn bit(member: T) -> u64 {
        1 << member.place()
    }

    fn bits(bits: u64) -> Set<T> {
        Set(bits, std::marker::PhantomData)
    }

    pub fn of(members: &[T]) -> Set<T> {
        Set::bits(members.iter().fold(0, |bits, &m| bits | Set::bit(m)))
    }

    pub fn every() -> Set<T> {
        Set::bits(T::every().fold(0, |bits, m| bits | Set::bit(m)))
    }

    pub fn contains(self, member: T) -> bool {
        self.0 & Set::bit(member) != 0
    }

    pub fn with(self, member: T) -> Set<T> {
        Set::bits(self.0 | Set::bit(member))
    }

    /// Those of `self` not in `have`.
    pub fn without(self, have: Set<T>) -> Set<T> {
        Set::bits(self.0 & !have.0)
    }

    pub fn union(self, other: Set<T>) -> Set<T> {
        Set::bits(self.0 | other.0)
    }

    /// Those of `self` also in `other`.
    pub fn and(self, other: Set<T>) -> Set<T> {
        Set::bits(self.0 & other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = T> {
        T::every().filter(move |&m| self.contains(m))
    }
}

/// The shards a view needs on screen as it opens (its first visit loads these).
pub fn for_view(view: View) -> Shards {
    let own = VIEW_NEEDS.iter().find(|(v, _)| *v == view).map_or(Shard::ALL.as_slice(), |(_, shards)| shards);
    Shards::of(own).with(Shard::Base).with(Shard::Other)
}

/// The shards a state shows: its view's, and what it shows only on demand: the
/// deals view's events (listed, or linked from a deal's panel), the sources of
/// an event the timeline details.
pub fn shards_shown(state: &AppState) -> Shards {
    let shards = for_view(state.view);
    let on_demand = match state.view {
        View::Deals if state.records == Records::Events || state.sel.is_some() => Some(Shard::Events),
        View::Timeline if state.sel.is_some() => Some(Shard::Sources),
        _ => None,
    };
    on_demand.map_or(shards, |shard| shards.with(shard))
}

/// The shards whose details (their `BRIEF` Detail layers) a view shows of an open record:
/// its sources' titles, publishers and addresses; a deal's disputes, status details and notes
/// (the deals view's record panel); an event's description, disputes and
/// confidence note (the deals view's record panel, the timeline's details); a place's
/// description (the map's place details). A party's role and description show in no view
/// but come with the Sources view's English file, which holds every field.
fn opened(view: View) -> Shards {
    match view {
        View::Deals => Shards::of(&[Shard::Sources, Shard::Events, Shard::Deals]),
        View::Timeline => Shards::of(&[Shard::Sources, Shard::Events]),
        View::Map => Shards::of(&[Shard::Sources, Shard::Base]),
        View::Story | View::Calculator => Shards::of(&[Shard::Sources]),
        View::Sources => Shards::every(),
    }
}

/// The Detail layers a state shows: `opened`'s with a record or place open (`sel`) and
/// in the views that show records' details at once (story, calculator, Sources), not in the
/// lists' first paint (the deals view, the timeline, the map); and the events' where the state
/// reads their descriptions: a search (`q`: the index holds them) or the deals view's list of
/// events (its rows quote them); for an Urdu reader, with their Urdu (`Layer::UrduDetail`).
/// The story and the calculator show the sources of their own records only (`Pieces::cited_in`).
fn details_shown(state: &AppState) -> Pieces {
    let shown = shards_shown(state);
    let at_once = match state.view {
        View::Deals | View::Map | View::Timeline if state.sel.is_none() => Pieces::NONE,
        View::Story | View::Calculator => Pieces::cited_in(state.view),
        view => Pieces::details(opened(view).and(shown), state.lang),
    };
    let events_read = !state.q.trim().is_empty() || (state.view == View::Deals && state.records == Records::Events);
    let read = if events_read { Shards::of(&[Shard::Events]) } else { Shards::NONE };
    at_once.union(Pieces::details(read.and(shown), state.lang))
}

/// The files' contents a state needs: the English layer of each shard it shows,
/// the Detail layers of those whose details it shows and, for an Urdu reader, their Urdu layers.
pub fn needed(state: &AppState) -> Pieces {
    Pieces::layers(shards_shown(state), state.lang).union(details_shown(state))
}

/// What a reader's action in a state needs that shows the details of what the
/// state lists (a row's sources, an export, a place on the map): its needs and
/// the Detail layers of what an open record shows there (`opened`).
pub fn with_details(state: &AppState) -> Pieces {
    needed(state).union(Pieces::details(opened(state.view).and(shards_shown(state)), state.lang))
}

/// What a reader's opening of a listed record's sources needs: the state's needs and the sources' Detail layer.
pub fn with_sources(state: &AppState) -> Pieces {
    needed(state).union(Pieces::details(Shards::of(&[Shard::Sources]), state.lang))
}

json_ids! {
    /// A shard's layer, one file each: an English reader (the default) never downloads the Urdu text,
    /// a first paint that shows few fields of a kind not the rest.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Layer {
        /// Everything but the Urdu text (every key not ending in `_ur`) and the details.
        English = "en",
        /// Of a kind with a line in [`BRIEF`], its records' other fields (not Urdu): what shows
        /// only when a reader opens a record's details, its sources or an export. Of the sources,
        /// those no line of [`CITED`] takes.
        Detail = "detail",
        /// The Detail fields of the sources the stories cite ([`CITED`]).
        StorySources = "story",
        /// The Detail fields of the sources the tariff measures, products and figures cite, the stories' aside ([`CITED`]).
        TariffSources = "tariff",
        /// Only the Urdu text (every `*_ur` key) and the objects and arrays that lead to them; of a kind
        /// with a line in [`BRIEF`], the Urdu of its brief fields (`title_ur` with `title`).
        Urdu = "ur",
        /// The Urdu of the Detail layer's fields (`description_ur`, a dispute's), as the Urdu layer holds it.
        UrduDetail = "detail-ur",
    }
}

/// The kinds whose records' English layer keeps only these fields, the rest in their shard's
/// Detail layer: (shard, kind, fields). What the first paint of the lists (the deals view's,
/// the timeline, the map) shows of a record, against its details. Measured (brotli, English,
/// brief + detail against the kind whole): sources 2.0 + 14.6 against 16.0 (the lists show of a
/// source only that a record cites it); events 6.9 + 7.3 against 13.8 (a description, disputes and
/// a confidence note show in an event's details); deals 3.7 + 2.9 against 6.0 (a deal's disputes, status
/// details, date note and confidence note show in its panel); parties 2.2 + 2.4 against 4.5 (their role and
/// description show nowhere but the downloads); places 0.7 + 0.7 against 1.3 (a description
/// shows in a place's details).
pub const BRIEF: &[(Shard, &str, &[&str])] = &[
    (Shard::Base, "parties", &["id", "name", "type", "country", "sources", "confidence"]),
    (Shard::Base, "places", &["id", "name", "kind", "lat", "lon", "precision", "province", "radius_km", "sources", "confidence"]),
    (
        Shard::Deals,
        "deals",
        &["id", "title", "kind", "category", "date", "value", "status", "summary", "party_ids", "mineral_ids", "place_ids", "countries", "sources", "confidence", "background"],
    ),
    (
        Shard::Events,
        "events",
        &["id", "date", "end_date", "date_approx", "title", "category", "deal_id", "mineral_ids", "party_ids", "place_ids", "countries", "sources", "confidence"],
    ),
    (Shard::Sources, "sources", &["id"]),
];

/// The sources' Detail layer cut by the records that cite them, so that a view showing at once the
/// sources of a few kinds of records fetches theirs only: (layer, the view that shows them at first
/// paint, the kinds whose records cite them, at any depth). A source goes to the first line whose kinds
/// cite it, the rest stays in the Detail layer; a view needs its line's layer and those before it.
/// Measured (brotli, each set of sources' details alone): the stories cite 44 of 254 sources, 3.2 KB;
/// the measures, products and figures 142, 8.8; all 254, 14.6.
pub const CITED: &[(Layer, View, &[&str])] = &[
    (Layer::StorySources, View::Story, &["stories"]),
    (Layer::TariffSources, View::Calculator, &["tariff_measures", "products", "figures"]),
];

/// Whether a key holds Urdu text (`title_ur`): the Urdu layer's.
fn is_urdu_key(key: &str) -> bool {
    key.ends_with("_ur")
}

/// What one file of the build holds: a shard's layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Piece {
    pub shard: Shard,
    pub layer: Layer,
}

impl Piece {
    /// Its name in the page's list and its file's: the shard's id for its English layer, `<shard>-ur` for the Urdu one.
    pub fn id(self) -> String {
        match self.layer {
            Layer::English => self.shard.id().to_string(),
            _ => format!("{}-{}", self.shard.id(), self.layer.id()),
        }
    }

    pub fn from_id(id: &str) -> Option<Piece> {
        match id.split_once('-') {
            Some((shard, layer)) => Some(Piece { shard: Shard::from_id(shard)?, layer: Layer::from_id(layer).filter(|&l| l != Layer::English)? }),
            None => Some(Piece { shard: Shard::from_id(id)?, layer: Layer::English }),
        }
    }

    /// Every piece, shard by shard.
    pub fn all() -> impl Iterator<Item = Piece> {
        Shard::ALL.into_iter().flat_map(|shard| Layer::ALL.into_iter().map(move |layer| Piece { shard, layer }))
    }
}

impl Member for Piece {
    fn place(self) -> u32 {
        self.shard as u32 * Layer::ALL.len() as u32 + self.layer as u32
    }

    fn every() -> impl Iterator<Item = Piece> {
        Piece::all()
    }
}

impl Pieces {
    /// The layers of `shards` a reader of `lang` needs: English always, Urdu for an Urdu reader.
    pub fn layers(shards: Shards, lang: Lang) -> Pieces {
        let layers: &[Layer] = match lang {
            Lang::En => &[Layer::English],
            Lang::Ur => &[Layer::English, Layer::Urdu],
        };
        shards.iter().flat_map(|shard| layers.iter().map(move |&layer| Piece { shard, layer })).fold(Pieces::NONE, Pieces::with)
    }

    /// The Detail layers of `shards` (those with a line in [`BRIEF`]), the sources' in every layer [`CITED`] cuts,
    /// and for an Urdu reader their Urdu.
    pub fn details(shards: Shards, lang: Lang) -> Pieces {
        let cited = CITED.iter().map(|&(layer, _, _)| Piece { shard: Shard::Sources, layer }).filter(|_| shards.contains(Shard::Sources));
        let layers: &[Layer] = match lang {
            Lang::En => &[Layer::Detail],
            Lang::Ur => &[Layer::Detail, Layer::UrduDetail],
        };
        let details = BRIEF.iter().filter(|(shard, _, _)| shards.contains(*shard)).flat_map(|&(shard, _, _)| layers.iter().map(move |&layer| Piece { shard, layer }));
        details.chain(cited).fold(Pieces::NONE, Pieces::with)
    }

    /// The sources' details `view` shows at once of its own records ([`CITED`]: its line's layer and those before it);
    /// none for a view without a line.
    pub fn cited_in(view: View) -> Pieces {
        let upto = CITED.iter().position(|&(_, v, _)| v == view).map_or(0, |at| at + 1);
        CITED.iter().take(upto).map(|&(layer, _, _)| Piece { shard: Shard::Sources, layer }).fold(Pieces::NONE, Pieces::with)
    }

    /// Those of `self` in `layer`.
    pub fn in_layer(self, layer: Layer) -> Pieces {
        self.iter().filter(|p| p.layer == layer).fold(Pieces::NONE, Pieces::with)
    }

    /// Those of `self` that hold Urdu text (the Urdu layers of the brief and of the details).
    pub fn urdu(self) -> Pieces {
        self.in_layer(Layer::Urdu).union(self.in_layer(Layer::UrduDetail))
    }
}

/// A data file of the build: the whole dataset (`data/deals.json`, what the editor
/// edits), its English layer whole (every shard's English layer in one file), or one piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Content {
    Whole,
    English,
    Piece(Piece),
}

impl Content {
    /// Its name in the page's list (the whole file has none: it is always at `data/deals.json`).
    pub fn id(self) -> String {
        match self {
            Content::Whole => "whole".to_string(),
            Content::English => "english".to_string(),
            Content::Piece(piece) => piece.id(),
        }
    }

    /// The pieces it holds, of those the build wrote.
    pub fn holds(self, written: Pieces) -> Pieces {
        match self {
            Content::Whole => written,
            Content::English => written.without(written.urdu()),
            Content::Piece(piece) => Pieces::NONE.with(piece),
        }
    }
}

/// Where a state's files come from: the network, or the service worker's cache,
/// which holds every piece but neither the whole file nor the English one (they
/// repeat the pieces: a reader's browser keeps each byte once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    Network,
    Precache,
}

/// The files to download for `needs` when `have` is in, of the pieces the build
/// wrote, English layers first (a Detail or Urdu layer joins the English one it
/// completes). Files apart lose brotli context, so over the network, where every
/// piece is missing, the whole file; where every one but the Urdu layers is, the
/// English file (the Sources view's first visit; measured in `ARCHITECTURE.md`, Data
/// by language). From the precache, the pieces: they are all there, uncompressed.
pub fn files_for(needs: Pieces, have: Pieces, written: Pieces, via: Via) -> Vec<Content> {
    let missing = needs.without(have).and(written);
    let english = written.without(written.urdu());
    let (first, rest) = match via {
        _ if missing.is_empty() => return Vec::new(),
        Via::Network if missing == written => return vec![Content::Whole],
        Via::Network if english.without(missing).is_empty() => (Some(Content::English), missing.urdu()),
        _ => (None, missing),
    };
    let pieces = Layer::ALL.into_iter().flat_map(|layer| rest.in_layer(layer).iter().map(Content::Piece));
    first.into_iter().chain(pieces).collect()
}

/// The files a first visit to `view` fetches in `lang`, of the pieces the build wrote.
pub fn first_files(view: View, lang: Lang, written: Pieces) -> Vec<Content> {
    files_for(needed(&AppState { view, lang, ..AppState::default() }), Pieces::NONE, written, Via::Network)
}

/// A file's name before the build adds its content hash: `<content>.<view>[-<view>…]`,
/// the views whose first visit in English (the default) loads it (the size guard and
/// the tests read them there), or `<content>.later` for a file none loads (an Urdu
/// layer, a view's on-demand shard).
pub fn file_stem(content: Content, written: Pieces) -> String {
    let views: Vec<&str> = View::ALL.into_iter().filter(|&v| first_files(v, Lang::En, written).contains(&content)).map(View::id).collect();
    format!("{}.{}", content.id(), if views.is_empty() { "later".to_string() } else { views.join("-") })
}

/// A tree's English layer: every key ending in `_ur` left out, at every depth.
pub fn english(tree: &Json) -> Json {
    match tree {
        Json::Object(fields) => Json::Object(fields.iter().filter(|(k, _)| !is_urdu_key(k)).map(|(k, v)| (k.clone(), english(v))).collect()),
        Json::Array(items) => Json::Array(items.iter().map(english).collect()),
        other => other.clone(),
    }
}

/// A tree's Urdu layer: only its `_ur` keys (each with its value whole) and the
/// objects and arrays that lead to them, arrays index-aligned (`{}` for an item
/// with no Urdu, none after the last that has some); `None` where it has no Urdu.
pub fn urdu(tree: &Json) -> Option<Json> {
    match tree {
        Json::Object(fields) => {
            let kept: Vec<(String, Json)> = fields
                .iter()
                .filter_map(|(k, v)| if is_urdu_key(k) { Some((k.clone(), v.clone())) } else { urdu(v).map(|v| (k.clone(), v)) })
                .collect();
            (!kept.is_empty()).then_some(Json::Object(kept))
        }
        Json::Array(items) => aligned(items.iter().map(urdu).collect()),
        _ => None,
    }
}

/// A layer's array: each item's part index-aligned (`{}` for an item with none,
/// none after the last that has some); `None` where no item has any.
fn aligned(mut layered: Vec<Option<Json>>) -> Option<Json> {
    while layered.last().is_some_and(Option::is_none) {
        layered.pop();
    }
    (!layered.is_empty()).then(|| Json::Array(layered.into_iter().map(|l| l.unwrap_or(Json::Object(Vec::new()))).collect()))
}

/// A shard's tree cut by [`BRIEF`]: the records of its kind with their brief fields only (and
/// their Urdu), and their other fields (the details, `None` where there are none).
pub fn brief(english: Json, kind: &str, fields: &[&str]) -> (Json, Option<Json>) {
    let kinds = match english {
        Json::Object(kinds) => kinds,
        other => return (other, None),
    };
    let mut detail = None;
    let kinds = kinds
        .into_iter()
        .map(|(k, value)| match value {
            Json::Array(records) if k == kind => {
                let (brief, rest): (Vec<Json>, Vec<Option<Json>>) = records.into_iter().map(|record| match record {
                    Json::Object(f) => {
                        // A field's Urdu (`title_ur`) goes with it.
                        let (keep, other): (Vec<_>, Vec<_>) = f.into_iter().partition(|(name, _)| fields.contains(&name.strip_suffix("_ur").unwrap_or(name)));
                        (Json::Object(keep), (!other.is_empty()).then_some(Json::Object(other)))
                    }
                    other => (other, None),
                }).unzip();
                detail = aligned(rest).map(|records| Json::Object(vec![(k.clone(), records)]));
                (k, Json::Array(brief))
            }
            other => (k, other),
        })
        .collect();
    (Json::Object(kinds), detail)
}

/// Joins `layer` into `tree`, deeply: objects by key, arrays by index, an empty
/// object (an item with nothing in this layer) adding nothing, anything else
/// taking the layer's value. The one join of every file: an Urdu layer into its
/// English one, a shard into those loaded before it. Moved, not copied: the trees are the dataset's size.
pub fn join(tree: &mut Json, layer: Json) {
    match (tree, layer) {
        (Json::Object(fields), Json::Object(more)) => {
            for (key, value) in more {
                match fields.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, there)) => join(there, value),
                    None => fields.push((key, value)),
                }
            }
        }
        (Json::Array(items), Json::Array(more)) => {
            for (at, value) in more.into_iter().enumerate() {
                match items.get_mut(at) {
                    Some(there) => join(there, value),
                    None => items.push(value),
                }
            }
        }
        (_, Json::Object(more)) if more.is_empty() => {}
        (tree, layer) => *tree = layer,
    }
}

/// The whole dataset's tree cut into shards, each kind into its shard
/// (`shard_of`), in document order; shards with no kind are left out.
/// Anything but an object (which the build's validator has already refused) has none.
pub fn split_shards(whole: &Json) -> Vec<(Shard, Json)> {
    let Json::Object(fields) = whole else { return Vec::new() };
    Shard::ALL
        .into_iter()
        .filter_map(|shard| {
            let kinds: Vec<(String, Json)> = fields.iter().filter(|(k, _)| shard_of(k) == shard).cloned().collect();
            (!kinds.is_empty()).then_some((shard, Json::Object(kinds)))
        })
        .collect()
}

/// The whole dataset's tree cut into its pieces: each shard's English layer, its
/// Detail layer where [`BRIEF`] cuts it, and its Urdu layer where it has Urdu.
pub fn split(whole: &Json) -> Vec<(Piece, Json)> {
    split_shards(whole)
        .into_iter()
        .flat_map(|(shard, tree)| {
            let piece = |layer| Piece { shard, layer };
            // Each kind of the shard with a line in BRIEF cut in turn, their details in one tree;
            // then each of the two in its English and Urdu layers.
            let (tree, detail) = BRIEF.iter().filter(|(s, _, _)| *s == shard).fold((tree, None), |(tree, detail), (_, kind, fields)| {
                let (tree, more) = brief(tree, kind, fields);
                (tree, match (detail, more) {
                    (Some(mut detail), Some(more)) => {
                        join(&mut detail, more);
                        Some(detail)
                    }
                    (detail, more) => detail.or(more),
                })
            });
            let brief = english(&tree);
            let urdu = [(Layer::Urdu, urdu(&tree)), (Layer::UrduDetail, detail.as_ref().and_then(urdu))];
            let details = match detail.as_ref().map(english) {
                Some(detail) if shard == Shard::Sources => by_citer(whole, &brief, detail),
                detail => detail.map(|d| vec![(Layer::Detail, d)]).unwrap_or_default(),
            };
            let layers = std::iter::once((Layer::English, brief)).chain(details).chain(urdu.into_iter().filter_map(|(layer, u)| Some((layer, u?))));
            layers.map(|(layer, tree)| (piece(layer), tree)).collect::<Vec<_>>()
        })
        .collect()
}

/// Every source id cited under `tree` (any `sources` list of ids, at any depth), appended to `out`.
fn cited_ids(tree: &Json, out: &mut Vec<String>) {
    match tree {
        Json::Object(fields) => fields.iter().for_each(|(key, value)| match value {
            Json::Array(ids) if key == "sources" => out.extend(ids.iter().filter_map(|id| id.as_str().map(String::from))),
            value => cited_ids(value, out),
        }),
        Json::Array(items) => items.iter().for_each(|item| cited_ids(item, out)),
        _ => {}
    }
}

/// The sources' Detail layer (`detail`, index-aligned with `brief`'s sources) cut by who cites them
/// ([`CITED`]): each line's layer where it takes a source, and the Detail layer with the rest.
fn by_citer(whole: &Json, brief: &Json, detail: Json) -> Vec<(Layer, Json)> {
    let ids: Vec<Option<&str>> = brief.get("sources").and_then(Json::as_array).unwrap_or_default().iter().map(|s| s.get("id").and_then(Json::as_str)).collect();
    let Some(Json::Array(records)) = detail.get("sources").cloned() else { return vec![(Layer::Detail, detail)] };
    // Each line's cited ids; a source goes to the first line that cites it, else to Detail.
    let lines: Vec<(Layer, Vec<String>)> = CITED
        .iter()
        .map(|&(layer, _, kinds)| {
            let mut cited = Vec::new();
            kinds.iter().filter_map(|kind| whole.get(kind)).for_each(|tree| cited_ids(tree, &mut cited));
            (layer, cited)
        })
        .collect();
    // Each source's layer, found once.
    let layer_at: Vec<Layer> = (0..records.len())
        .map(|at| {
            let id = ids.get(at).copied().flatten();
            lines.iter().find(|(_, cited)| id.is_some_and(|id| cited.iter().any(|c| c == id))).map_or(Layer::Detail, |(layer, _)| *layer)
        })
        .collect();
    let layers = std::iter::once(Layer::Detail).chain(CITED.iter().map(|&(layer, _, _)| layer));
    layers
        .filter_map(|layer| {
            let mine = records.iter().zip(&layer_at).map(|(r, at)| (*at == layer).then(|| r.clone())).collect();
            aligned(mine).map(|records| (layer, Json::Object(vec![("sources".to_string(), records)])))
        })
        .collect()
}

/// Adds a file's tree (a shard's layer, or several shards') to `tree`, the join
/// of the files loaded so far (at first an empty object), for the one decoder
/// (`join`); then each list kind of `KINDS` still missing stands in as an empty
/// list, so the decoder reads what is there and the views find nothing they did
/// not load (a stand-in is empty, so the kind's English layer joins it whole).
/// `meta` is never made up: it comes with [`Shard::Base`], which every state loads.
pub fn merge(tree: &mut Json, file: Json) {
    if !matches!(tree, Json::Object(_)) {
        *tree = Json::Object(Vec::new());
    }
    join(tree, file);
    let Json::Object(fields) = tree else { return };
    for (kind, _) in KINDS {
        if *kind != "meta" && !fields.iter().any(|(k, _)| k == kind) {
            fields.push(((*kind).to_string(), Json::Array(Vec::new())));
        }
    }
}

/// One data file of a release build, as the page records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardFile {
    pub content: Content,
    /// Relative to the page, under `data/`.
    pub url: String,
    /// The start of the SHA-256 (`load::RECORDED_DIGEST_HEX` lowercase hex digits) of the
    /// bytes the build validated as part of the whole.
    pub sha256: String,
}

/// The release build's files as `<meta name="de-data-shards">` lists them
/// (`scripts/post-build.mjs`): `<piece or english>=<url>#<sha256's start>`, separated by spaces.
/// `None` for anything else (no record: a development build), a URL that
/// leaves `data/` (the app fetches data only from its deployment) or a file
/// named twice or the base shard's English layer left out: the app then loads the whole file.
pub fn parse_manifest(text: &str) -> Option<Vec<ShardFile>> {
    let mut files: Vec<ShardFile> = Vec::new();
    for entry in text.split_whitespace() {
        let (name, rest) = entry.split_once('=')?;
        let (url, sha256) = rest.rsplit_once('#')?;
        let content = if name == Content::English.id() { Content::English } else { Content::Piece(Piece::from_id(name)?) };
        let safe_url = url.strip_prefix("data/").is_some_and(|file| {
            !file.is_empty() && file.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
                && !file.contains("..")
        });
        let hex = sha256.len() == super::load::RECORDED_DIGEST_HEX && sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !safe_url || !hex || files.iter().any(|f| f.content == content) {
            return None;
        }
        files.push(ShardFile { content, url: url.to_string(), sha256: sha256.to_string() });
    }
    let base = Content::Piece(Piece { shard: Shard::Base, layer: Layer::English });
    files.iter().any(|f| f.content == base).then_some(files)
}

/// The manifest's text for these files (the build writes it; `parse_manifest` reads it back).
pub fn manifest(files: &[ShardFile]) -> String {
    files.iter().map(|f| format!("{}={}#{}", f.content.id(), f.url, f.sha256)).collect::<Vec<_>>().join(" ")
}

/// The pieces these files of the build hold one by one.
pub fn written(files: &[ShardFile]) -> Pieces {
    files.iter().filter_map(|f| match f.content {
        Content::Piece(piece) => Some(piece),
        _ => None,
    }).fold(Pieces::NONE, Pieces::with)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::json_text;
    use crate::data::load::load_tree;
    use proptest::prelude::*;

    fn whole() -> Json {
        json_text::parse(include_str!("../../public/data/deals.json"), json_text::std_parse_number).unwrap()
    }

    /// The tree with every object's keys in one order: JSON objects have none,
    /// and a joined layer's keys come after its English ones.
    fn normal(tree: &Json) -> Json {
        match tree {
            Json::Object(fields) => {
                let mut fields: Vec<(String, Json)> = fields.iter().map(|(k, v)| (k.clone(), normal(v))).collect();
                fields.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(fields)
            }
            Json::Array(items) => Json::Array(items.iter().map(normal).collect()),
            other => other.clone(),
        }
    }

    /// Every key of a tree, at every depth.
    fn keys(tree: &Json, out: &mut Vec<String>) {
        match tree {
            Json::Object(fields) => fields.iter().for_each(|(k, v)| {
                out.push(k.clone());
                keys(v, out);
            }),
            Json::Array(items) => items.iter().for_each(|v| keys(v, out)),
            _ => {}
        }
    }

    /// Whether a layer holds nothing but `_ur` keys (with anything under them) and
    /// the objects and arrays that lead to them, `{}` standing for an item with none.
    fn only_urdu_paths(tree: &Json) -> bool {
        match tree {
            Json::Object(fields) => fields.iter().all(|(k, v)| is_urdu_key(k) || (matches!(v, Json::Object(_) | Json::Array(_)) && only_urdu_paths(v))),
            Json::Array(items) => items.iter().all(|v| matches!(v, Json::Object(_) | Json::Array(_)) && only_urdu_paths(v)),
            _ => false,
        }
    }

    fn pieces_joined(pieces: Vec<(Piece, Json)>) -> Json {
        let mut tree = Json::Null;
        // English layers before the Urdu ones they complete, shards in any order.
        for layer in Layer::ALL {
            for (_, piece) in pieces.iter().rev().filter(|(p, _)| p.layer == layer) {
                merge(&mut tree, piece.clone());
            }
        }
        tree
    }

    #[test]
    fn the_pieces_joined_are_the_whole_dataset() {
        let whole = whole();
        let shards = split_shards(&whole);
        // Every kind in exactly one shard: nothing lost, nothing twice.
        let Json::Object(kinds) = &whole else { panic!("not an object") };
        for (kind, value) in kinds {
            let holders: Vec<Shard> = shards.iter().filter(|(_, t)| t.get(kind).is_some()).map(|(s, _)| *s).collect();
            assert_eq!(holders, [shard_of(kind)], "{kind}");
            assert_eq!(shards.iter().find_map(|(_, t)| t.get(kind)), Some(value), "{kind}");
        }
        let pieces = split(&whole);
        // The dataset has Urdu in most shards, none in the sources.
        let urdu: Vec<Shard> = pieces.iter().filter(|(p, _)| p.layer == Layer::Urdu).map(|(p, _)| p.shard).collect();
        assert!(urdu.contains(&Shard::Deals) && urdu.contains(&Shard::Base) && !urdu.contains(&Shard::Sources), "{urdu:?}");
        let joined = pieces_joined(pieces);
        assert_eq!(normal(&joined), normal(&whole));
        // Decoded by the one decoder, the same dataset.
        assert_eq!(load_tree(&joined), load_tree(&whole));
        assert!(load_tree(&whole).is_ok());
    }

    #[test]
    fn the_english_layers_hold_no_urdu_and_the_urdu_layers_nothing_else() {
        for (piece, tree) in split(&whole()) {
            let mut all = Vec::new();
            keys(&tree, &mut all);
            match piece.layer {
                Layer::English => assert!(all.iter().all(|k| !is_urdu_key(k)), "{piece:?}"),
                Layer::Urdu | Layer::UrduDetail => assert!(only_urdu_paths(&tree) && all.iter().any(|k| is_urdu_key(k)), "{piece:?}"),
                // The fields BRIEF leaves out of the records' English layer: never an id, never Urdu.
                layer => {
                    let field = match (piece.shard, layer) {
                        (Shard::Sources, _) => "title",
                        (Shard::Events, Layer::Detail) => "description",
                        (Shard::Base, Layer::Detail) => "role",
                        (Shard::Deals, Layer::Detail) => "status_detail",
                        other => panic!("a detail layer of {other:?}"),
                    };
                    assert!(all.iter().any(|k| k == field) && !all.iter().any(|k| k == "id" || k == "name" || is_urdu_key(k)), "{all:?}");
                }
            }
        }
    }

    #[test]
    fn an_english_reader_decodes_the_english_layers_with_english_text_only() {
        let full = load_tree(&whole()).unwrap();
        let mut tree = Json::Null;
        for (_, piece) in split(&whole()).into_iter().filter(|(p, _)| p.layer == Layer::English) {
            merge(&mut tree, piece);
        }
        let ds = crate::data::decode::decode(&tree).unwrap();
        assert_eq!(ds.deals.len(), full.deals.len());
        assert!(ds.deals.iter().zip(&full.deals).all(|(d, f)| d.title == f.title && d.title_ur.is_none()));
        assert!(full.deals.iter().any(|d| d.title_ur.is_some()));
        // Of the sources, the ids (a record's count of sources); their details with the Detail layer.
        assert!(ds.sources.iter().zip(&full.sources).all(|(s, f)| s.id == f.id && s.title.is_empty() && s.url.is_empty()));
        assert_eq!(ds.sources.len(), full.sources.len());
        // Of the events, parties and places what the lists show: no description, no role.
        assert!(ds.events.iter().zip(&full.events).all(|(e, f)| e.title == f.title && e.date == f.date && e.sources == f.sources && e.description.is_empty() && e.disputes.is_empty()));
        assert!(ds.parties.iter().zip(&full.parties).all(|(p, f)| p.name == f.name && p.role.is_empty() && p.description.is_empty()));
        assert!(ds.places.iter().zip(&full.places).all(|(p, f)| p.name == f.name && p.lat == f.lat && p.description.is_empty()));
        assert!(full.events.iter().all(|e| !e.description.is_empty()) && full.events.iter().any(|e| !e.disputes.is_empty()));
        // Of the deals what their rows show: no disputes, no status details.
        assert!(ds.deals.iter().zip(&full.deals).all(|(d, f)| d.summary == f.summary && d.date == f.date && d.disputes.is_empty() && d.status_detail.is_empty()));
        assert!(full.deals.iter().any(|d| !d.disputes.is_empty()) && full.deals.iter().any(|d| !d.status_detail.is_empty()));
        // The sources' details in three layers: each cut by who cites them joins the rest.
        for (piece, detail) in split(&whole()).into_iter().filter(|(p, _)| !matches!(p.layer, Layer::English | Layer::Urdu | Layer::UrduDetail)) {
            merge(&mut tree, detail);
            let ds = crate::data::decode::decode(&tree).unwrap();
            assert_eq!(ds.sources == full.sources, piece.layer == Layer::TariffSources, "{piece:?}");
        }
        let ds = crate::data::decode::decode(&tree).unwrap();
        assert_eq!(ds.sources, full.sources);
        assert!(ds.events.iter().zip(&full.events).all(|(e, f)| e.description == f.description && e.confidence_note == f.confidence_note
            && e.disputes.iter().map(|d| &d.topic).eq(f.disputes.iter().map(|d| &d.topic))));
        assert!(ds.parties.iter().zip(&full.parties).all(|(p, f)| p.role == f.role && p.description == f.description));
        assert!(ds.places.iter().zip(&full.places).all(|(p, f)| p.description == f.description));
        assert!(ds.deals.iter().zip(&full.deals).all(|(d, f)| d.status_detail == f.status_detail && d.date_note == f.date_note
            && d.disputes.iter().map(|x| &x.topic).eq(f.disputes.iter().map(|x| &x.topic))));
    }

    #[test]
    fn the_urdu_goes_with_the_field_it_translates_brief_or_detail() {
        let pieces = split(&whole());
        let keys_of = |shard, layer| {
            let mut all = Vec::new();
            pieces.iter().filter(|(p, _)| *p == Piece { shard, layer }).for_each(|(_, t)| keys(t, &mut all));
            all
        };
        // An event's title in Urdu with its brief, its description's and disputes' Urdu with its details.
        let (brief, detail) = (keys_of(Shard::Events, Layer::Urdu), keys_of(Shard::Events, Layer::UrduDetail));
        assert!(brief.iter().any(|k| k == "title_ur") && !brief.iter().any(|k| k == "description_ur" || k == "disputes"), "{brief:?}");
        assert!(detail.iter().any(|k| k == "description_ur") && detail.iter().any(|k| k == "disputes") && !detail.iter().any(|k| k == "title_ur"), "{detail:?}");
        let deals = keys_of(Shard::Deals, Layer::Urdu);
        assert!(deals.iter().any(|k| k == "summary_ur") && !deals.iter().any(|k| k == "disputes"), "{deals:?}");
        // A kind BRIEF does not cut keeps all its Urdu in one layer; the sources have none.
        assert!(keys_of(Shard::Stories, Layer::UrduDetail).is_empty() && !keys_of(Shard::Stories, Layer::Urdu).is_empty());
        assert!(keys_of(Shard::Sources, Layer::Urdu).is_empty() && keys_of(Shard::Sources, Layer::UrduDetail).is_empty());
    }

    #[test]
    fn the_sources_details_are_cut_by_the_records_that_cite_them() {
        let whole = whole();
        let pieces = split(&whole);
        let ids: Vec<String> = whole.get("sources").and_then(Json::as_array).unwrap().iter().map(|s| s.get("id").and_then(Json::as_str).unwrap().to_string()).collect();
        // The ids whose details a layer of the sources holds (an item with fields at their index).
        let held = |layer| -> std::collections::BTreeSet<String> {
            let (_, tree) = pieces.iter().find(|(p, _)| *p == Piece { shard: Shard::Sources, layer }).unwrap();
            let items = tree.get("sources").and_then(Json::as_array).unwrap();
            items.iter().zip(&ids).filter(|(item, _)| !matches!(item, Json::Object(f) if f.is_empty())).map(|(_, id)| id.clone()).collect()
        };
        let cited = |kinds: &[&str]| -> std::collections::BTreeSet<String> {
            let mut out = Vec::new();
            kinds.iter().filter_map(|k| whole.get(k)).for_each(|t| cited_ids(t, &mut out));
            out.into_iter().filter(|id| ids.contains(id)).collect()
        };
        let story = cited(&["stories"]);
        let tariff: std::collections::BTreeSet<String> = cited(&["tariff_measures", "products", "figures"]).difference(&story).cloned().collect();
        // A measure's tier, exemption or dispute cites at any depth; the story and the calculator share some.
        assert!(story.len() > 20 && tariff.len() > 50 && cited(&["tariff_measures"]).intersection(&story).count() > 0);
        assert_eq!(held(Layer::StorySources), story);
        assert_eq!(held(Layer::TariffSources), tariff);
        let rest = held(Layer::Detail);
        assert!(rest.is_disjoint(&story) && rest.is_disjoint(&tariff) && rest.len() + story.len() + tariff.len() == ids.len());
    }

    #[test]
    fn what_any_state_needs_decodes() {
        let pieces = split(&whole());
        for view in View::ALL {
            for lang in Lang::ALL {
                for (sel, q, records) in [(None, "", Records::Deals), (Some("x"), "", Records::Deals), (None, "lithium", Records::Events)] {
                    let state = AppState { view, lang, sel: sel.map(String::from), q: q.into(), records, ..AppState::default() };
                    let needs = needed(&state);
                    let mut tree = Json::Null;
                    for layer in Layer::ALL {
                        for (_, piece) in pieces.iter().filter(|(p, _)| p.layer == layer && needs.contains(*p)) {
                            merge(&mut tree, piece.clone());
                        }
                    }
                    assert!(crate::data::decode::decode(&tree).is_ok(), "{state:?}");
                }
            }
        }
    }

    #[test]
    fn the_lists_take_the_events_brief_and_a_search_or_the_events_list_their_details() {
        let events = Piece { shard: Shard::Events, layer: Layer::English };
        let detail = Piece { shard: Shard::Events, layer: Layer::Detail };
        let base_detail = Piece { shard: Shard::Base, layer: Layer::Detail };
        for view in [View::Timeline, View::Map] {
            let mut state = AppState { view, ..AppState::default() };
            assert!(needed(&state).contains(events) && !needed(&state).contains(detail) && !needed(&state).contains(base_detail), "{view:?}");
            // A search reads the descriptions (the index holds them); a blank one does not.
            state.q = "  ".into();
            assert!(!needed(&state).contains(detail), "{view:?}");
            state.q = "lithium".into();
            assert!(needed(&state).contains(detail) && !needed(&state).contains(base_detail), "{view:?}");
        }
        // The deals view's list shows deals in brief; a deal's panel and an export take their details.
        let deals_detail = Piece { shard: Shard::Deals, layer: Layer::Detail };
        let list = AppState::default();
        assert!(!needed(&list).contains(deals_detail) && with_details(&list).contains(deals_detail));
        // A row's sources: the sources' details alone.
        assert_eq!(with_sources(&list).without(needed(&list)), Pieces::details(Shards::of(&[Shard::Sources]), Lang::En));
        assert!(needed(&AppState { sel: Some("x".into()), ..AppState::default() }).contains(deals_detail));
        assert!(!needed(&AppState { q: "lithium".into(), ..AppState::default() }).contains(deals_detail));
        // The deals view's list of events quotes their descriptions; its list of deals shows no event.
        let mut state = AppState { records: Records::Events, ..AppState::default() };
        assert!(needed(&state).contains(detail) && !needed(&state).contains(base_detail));
        state.records = Records::Deals;
        state.q = "lithium".into();
        assert!(!needed(&state).contains(events) && !needed(&state).contains(detail));
        // A story's steps and the calculator show sources (those of their own records), not an event's description nor a place's.
        for view in [View::Story, View::Calculator] {
            let needs = needed(&AppState { view, ..AppState::default() });
            assert!(needs.contains(Piece { shard: Shard::Sources, layer: Layer::StorySources }) && !needs.contains(detail) && !needs.contains(base_detail), "{view:?}");
        }
        // The timeline's details of an event show its description, not a place's; the map's of a place the reverse.
        let open = |view| needed(&AppState { view, sel: Some("x".into()), ..AppState::default() });
        assert!(open(View::Timeline).contains(detail) && !open(View::Timeline).contains(base_detail));
        assert!(!open(View::Map).contains(detail) && open(View::Map).contains(base_detail));
        assert!(!with_details(&AppState { view: View::Map, ..AppState::default() }).contains(detail));
    }

    /// Trees whose keys are few (so that objects share them) and some Urdu.
    fn tree() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            (-1e6f64..1e6).prop_map(Json::Number),
            "[a-z]{0,4}".prop_map(Json::String),
        ];
        let key = prop::sample::select(vec!["id", "title", "title_ur", "steps", "note_ur", "x", "_ur", "ur", "a_urx"]);
        leaf.prop_recursive(5, 64, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::vec((key.clone(), inner), 0..6).prop_map(|fields| {
                    let mut unique: Vec<(String, Json)> = Vec::new();
                    for (k, v) in fields {
                        if !unique.iter().any(|(u, _)| u == k) {
                            unique.push((k.to_string(), v));
                        }
                    }
                    Json::Object(unique)
                }),
            ]
        })
    }

    proptest! {
        /// Any kind's records are their brief joined with their details.
        #[test]
        fn any_records_are_their_brief_and_details_joined(records in prop::collection::vec(tree(), 0..8)) {
            let english = english(&Json::Object(vec![("steps".into(), Json::Array(records)), ("x".into(), Json::Null)]));
            let (mut joined, detail) = brief(english.clone(), "steps", &["id", "title"]);
            let mut kept = Vec::new();
            if let Some(Json::Array(items)) = joined.get("steps") {
                for item in items {
                    if let Json::Object(fields) = item {
                        kept.extend(fields.iter().map(|(k, _)| k.clone()));
                    }
                }
            }
            prop_assert!(kept.iter().all(|k| k == "id" || k == "title"), "{:?}", kept);
            if let Some(detail) = detail {
                prop_assert!(detail.get("steps").is_some() && detail.get("x").is_none());
                join(&mut joined, detail);
            }
            prop_assert_eq!(normal(&joined), normal(&english));
        }

        /// Any tree is its English layer joined with its Urdu one; the English
        /// layer holds no `_ur` key, the Urdu layer nothing but them and their paths.
        #[test]
        fn any_tree_is_its_layers_joined(x in tree()) {
            let mut joined = english(&x);
            let mut all = Vec::new();
            keys(&joined, &mut all);
            prop_assert!(all.iter().all(|k| !is_urdu_key(k)));
            if let Some(urdu) = urdu(&x) {
                prop_assert!(only_urdu_paths(&urdu), "{:?}", urdu);
                join(&mut joined, urdu);
            }
            prop_assert_eq!(normal(&joined), normal(&x));
        }
    }

    #[test]
    fn an_unknown_kind_goes_to_other_which_every_state_loads() {
        let mut whole = whole();
        if let Json::Object(fields) = &mut whole {
            fields.push(("a_kind_not_in_the_table".into(), Json::Array(vec![Json::String("x".into())])));
        }
        let pieces = split(&whole);
        let other: Vec<&Json> = pieces.iter().filter(|(p, _)| p.shard == Shard::Other).map(|(_, t)| t).collect();
        assert_eq!(other.len(), 1);
        assert!(other[0].get("a_kind_not_in_the_table").is_some());
        for view in View::ALL {
            assert!(for_view(view).contains(Shard::Other) && for_view(view).contains(Shard::Base), "{view:?}");
        }
        assert_eq!(normal(&pieces_joined(pieces)), normal(&whole));
    }

    #[test]
    fn each_view_needs_what_it_shows_and_the_deals_view_events_on_demand() {
        let only = |view| for_view(view).iter().filter(|s| !matches!(s, Shard::Base | Shard::Other)).collect::<Vec<_>>();
        assert_eq!(only(View::Deals), [Shard::Deals, Shard::Sources]);
        assert_eq!(only(View::Timeline), [Shard::Events, Shard::Tariffs]);
        assert_eq!(only(View::Sources).len(), 6);
        assert_eq!(only(View::Map), [Shard::Deals, Shard::Events, Shard::Sources]);
        let mut state = AppState::default();
        assert!(!shards_shown(&state).contains(Shard::Events));
        state.records = Records::Events;
        assert!(shards_shown(&state).contains(Shard::Events));
        state.records = Records::Deals;
        state.sel = Some("deal-x".into());
        assert!(shards_shown(&state).contains(Shard::Events));
        state.view = View::Timeline;
        assert!(shards_shown(&state).contains(Shard::Sources));
        state.sel = None;
        assert!(!shards_shown(&state).contains(Shard::Sources));
    }

    #[test]
    fn the_sources_details_come_with_a_records_details_and_where_a_view_shows_them() {
        let detail = Piece { shard: Shard::Sources, layer: Layer::Detail };
        let brief = Piece { shard: Shard::Sources, layer: Layer::English };
        let mut state = AppState::default();
        // The deals view's list and the map show of the sources only that records cite them.
        for view in [View::Deals, View::Map] {
            state.view = view;
            assert!(needed(&state).contains(brief) && !needed(&state).contains(detail), "{view:?}");
            // A reader's action on the list (a row's sources, an export) brings them.
            // A row's sources or an export on the deals view show no place's description; a place's details do.
            let base = Piece { shard: Shard::Base, layer: Layer::Detail };
            assert!(with_details(&state).contains(detail) && with_details(&state).contains(base) == (view == View::Map), "{view:?}");
            let more = with_details(&state).without(needed(&state));
            assert!(more.iter().all(|p| !matches!(p.layer, Layer::English | Layer::Urdu | Layer::UrduDetail)), "{view:?}: {more:?}");
            state.sel = Some("x".into());
            assert!(needed(&state).contains(detail), "{view:?} with a record open");
            state.sel = None;
        }
        assert!(needed(&AppState { view: View::Sources, ..AppState::default() }).contains(detail));
        // The story and the calculator show the sources of their own records: the story's steps', and the
        // calculator's measures', products' and figures' (with those the story also cites).
        let cited = |view| needed(&AppState { view, ..AppState::default() }).and(Pieces::details(Shards::of(&[Shard::Sources]), Lang::En));
        let story = Piece { shard: Shard::Sources, layer: Layer::StorySources };
        let tariff = Piece { shard: Shard::Sources, layer: Layer::TariffSources };
        assert_eq!(cited(View::Story), Pieces::NONE.with(story));
        assert_eq!(cited(View::Calculator), Pieces::NONE.with(story).with(tariff));
        assert_eq!(with_sources(&AppState::default()).and(Pieces::details(Shards::of(&[Shard::Sources]), Lang::En)), Pieces::NONE.with(detail).with(story).with(tariff));
        state.view = View::Timeline;
        assert!(!needed(&state).contains(brief) && !needed(&state).contains(detail));
        state.sel = Some("e".into());
        assert!(needed(&state).contains(brief) && needed(&state).contains(detail));
    }

    #[test]
    fn an_english_reader_needs_no_urdu_layer_and_an_urdu_reader_both() {
        let mut state = AppState { view: View::Deals, ..AppState::default() };
        let english = needed(&state);
        assert_eq!(english.urdu(), Pieces::NONE);
        assert_eq!(english.iter().map(|p| p.shard).collect::<Vec<_>>(), shards_shown(&state).iter().collect::<Vec<_>>());
        state.lang = Lang::Ur;
        let urdu = needed(&state);
        // Every Urdu layer with the English one it completes; switching language needs the Urdu layers only
        // (the list shows no detail, in either language).
        assert_eq!(urdu.in_layer(Layer::English), english);
        assert_eq!(urdu.without(english), urdu.in_layer(Layer::Urdu));
        assert_eq!(urdu.in_layer(Layer::Urdu).iter().map(|p| p.shard).collect::<Vec<_>>(), english.iter().map(|p| p.shard).collect::<Vec<_>>());
        // A deal's panel: its details, and in Urdu their Urdu too.
        state.sel = Some("x".into());
        assert!(needed(&state).contains(Piece { shard: Shard::Deals, layer: Layer::UrduDetail }));
        state.lang = Lang::En;
        assert!(needed(&state).in_layer(Layer::UrduDetail).is_empty() && needed(&state).contains(Piece { shard: Shard::Deals, layer: Layer::Detail }));
        for view in View::ALL {
            for lang in Lang::ALL {
                for sel in [None, Some("x".to_string())] {
                    let needs = needed(&AppState { view, lang, sel, ..AppState::default() });
                    assert!(needs.in_layer(Layer::Urdu).iter().all(|p| needs.contains(Piece { layer: Layer::English, ..p })));
                    assert!(needs.in_layer(Layer::UrduDetail).iter().all(|p| needs.contains(Piece { layer: Layer::Detail, ..p })));
                    let urdu_details = if lang == Lang::Ur { needs.in_layer(Layer::Detail).iter().filter(|p| p.shard != Shard::Sources).count() } else { 0 };
                    assert_eq!(needs.in_layer(Layer::UrduDetail).iter().filter(|p| p.shard != Shard::Sources).count(), urdu_details, "{view:?} {lang:?}");
                }
            }
        }
    }

    fn written_of(whole: &Json) -> Pieces {
        split(whole).into_iter().fold(Pieces::NONE, |set, (p, _)| set.with(p))
    }

    #[test]
    fn files_are_the_missing_pieces_the_english_file_or_the_whole() {
        let written = written_of(&whole());
        let piece = |shard, layer| Content::Piece(Piece { shard, layer });
        // An English first visit of the deals view: its shards' English layers, no Urdu.
        assert_eq!(first_files(View::Deals, Lang::En, written), [
            piece(Shard::Base, Layer::English), piece(Shard::Deals, Layer::English), piece(Shard::Sources, Layer::English)]);
        // In Urdu, the Urdu layers after (the sources have no Urdu: no file), no detail.
        assert_eq!(first_files(View::Deals, Lang::Ur, written), [
            piece(Shard::Base, Layer::English), piece(Shard::Deals, Layer::English), piece(Shard::Sources, Layer::English),
            piece(Shard::Base, Layer::Urdu), piece(Shard::Deals, Layer::Urdu)]);
        // The calculator shows the details of its records' sources at once, not the others'.
        let calculator = first_files(View::Calculator, Lang::En, written);
        assert!(calculator.contains(&piece(Shard::Sources, Layer::TariffSources)) && !calculator.contains(&piece(Shard::Sources, Layer::Detail)));
        // The Sources view needs every shard: the English file, or in Urdu the whole file.
        assert_eq!(first_files(View::Sources, Lang::En, written), [Content::English]);
        assert_eq!(first_files(View::Sources, Lang::Ur, written), [Content::Whole]);
        // Switching to Urdu later fetches the Urdu layers only.
        let english_deals = Pieces::layers(for_view(View::Deals), Lang::En);
        assert_eq!(files_for(Pieces::layers(for_view(View::Deals), Lang::Ur), english_deals, written, Via::Network), [
            piece(Shard::Base, Layer::Urdu), piece(Shard::Deals, Layer::Urdu)]);
        // The Sources view after the deals view: the pieces it lacks, not the whole again.
        let lacking = files_for(needed(&AppState { view: View::Sources, ..AppState::default() }), english_deals, written, Via::Network);
        assert!(lacking.iter().all(|c| matches!(c, Content::Piece(p) if p.layer != Layer::Urdu && !english_deals.contains(*p))), "{lacking:?}");
        assert_eq!(lacking.len(), written.without(written.urdu()).without(english_deals).iter().count());
        // Nothing missing, nothing to fetch; a piece not written counts as in.
        for via in [Via::Network, Via::Precache] {
            assert!(files_for(english_deals, english_deals, written, via).is_empty());
            assert!(files_for(Pieces::NONE.with(Piece { shard: Shard::Other, layer: Layer::Urdu }), Pieces::NONE, written, via).is_empty());
        }
    }

    #[test]
    fn from_the_precache_every_file_is_a_piece_english_layers_first() {
        let written = written_of(&whole());
        for view in View::ALL {
            for lang in Lang::ALL {
                let needs = needed(&AppState { view, lang, ..AppState::default() });
                let files = files_for(needs, Pieces::NONE, written, Via::Precache);
                let pieces: Vec<Piece> = files.iter().filter_map(|c| match c {
                    Content::Piece(p) => Some(*p),
                    _ => None,
                }).collect();
                // Neither the whole file nor the English one (the service worker keeps neither), nothing lost, nothing twice.
                assert_eq!(pieces.len(), files.len(), "{view:?} {lang:?}: {files:?}");
                assert_eq!(pieces.iter().fold(Pieces::NONE, |set, &p| set.with(p)), needs.and(written), "{view:?} {lang:?}");
                assert_eq!(pieces.iter().copied().collect::<std::collections::HashSet<_>>().len(), pieces.len());
                let layers: Vec<usize> = pieces.iter().map(|p| p.layer as usize).collect();
                assert!(layers.windows(2).all(|w| w[0] <= w[1]), "{view:?} {lang:?}: {pieces:?}");
            }
        }
        // The Sources view's first visit over the network takes the English file, from the precache its pieces.
        let sources = needed(&AppState { view: View::Sources, ..AppState::default() });
        assert_eq!(files_for(sources, Pieces::NONE, written, Via::Network), [Content::English]);
        assert!(files_for(sources, Pieces::NONE, written, Via::Precache).len() > 1);
    }

    #[test]
    fn file_names_say_which_english_first_visits_load_them() {
        let written = written_of(&whole());
        let piece = |shard, layer| Content::Piece(Piece { shard, layer });
        assert_eq!(file_stem(piece(Shard::Base, Layer::English), written), "base.deals-timeline-map-story-calculator");
        assert_eq!(file_stem(piece(Shard::Tariffs, Layer::English), written), "tariffs.timeline-calculator");
        assert_eq!(file_stem(piece(Shard::Sources, Layer::English), written), "sources.deals-map-story-calculator");
        assert_eq!(file_stem(piece(Shard::Deals, Layer::Urdu), written), "deals-ur.later");
        assert_eq!(file_stem(piece(Shard::Sources, Layer::Detail), written), "sources-detail.later");
        assert_eq!(file_stem(piece(Shard::Sources, Layer::StorySources), written), "sources-story.story-calculator");
        assert_eq!(file_stem(piece(Shard::Sources, Layer::TariffSources), written), "sources-tariff.calculator");
        assert_eq!(file_stem(piece(Shard::Events, Layer::Detail), written), "events-detail.later");
        assert_eq!(file_stem(piece(Shard::Base, Layer::Detail), written), "base-detail.later");
        assert_eq!(file_stem(Content::English, written), "english.sources");
    }

    #[test]
    fn piece_sets_add_and_subtract() {
        let base = Piece { shard: Shard::Base, layer: Layer::English };
        let deals_ur = Piece { shard: Shard::Deals, layer: Layer::Urdu };
        let a = Pieces::NONE.with(base).with(deals_ur);
        assert_eq!(a.without(Pieces::NONE.with(deals_ur)), Pieces::NONE.with(base));
        assert!(a.without(a).is_empty() && Pieces::NONE.is_empty());
        assert_eq!(a.in_layer(Layer::Urdu).iter().collect::<Vec<_>>(), [deals_ur]);
        assert_eq!(a.and(Pieces::NONE.with(base)), Pieces::NONE.with(base));
        assert_eq!(Pieces::every().iter().count(), Shard::ALL.len() * Layer::ALL.len());
        for p in Piece::all() {
            assert_eq!(Piece::from_id(&p.id()), Some(p));
        }
        assert_eq!(Piece::from_id("sources-detail"), Some(Piece { shard: Shard::Sources, layer: Layer::Detail }));
        for bad in ["", "nope", "deals-en", "deals-", "-ur", "deals-ur-ur"] {
            assert_eq!(Piece::from_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_manifest_reads_back_and_refuses_what_it_should() {
        let sha = "ab".repeat(8);
        let base = Content::Piece(Piece { shard: Shard::Base, layer: Layer::English });
        let files = vec![
            ShardFile { content: base, url: "data/base.deals.0123456789abcdef.json".into(), sha256: sha.clone() },
            ShardFile { content: Content::Piece(Piece { shard: Shard::Events, layer: Layer::Urdu }), url: "data/events-ur.later.0123456789abcdef.json".into(), sha256: sha.clone() },
            ShardFile { content: Content::English, url: "data/english.sources.0123456789abcdef.json".into(), sha256: sha.clone() },
        ];
        assert_eq!(parse_manifest(&manifest(&files)), Some(files.clone()));
        assert_eq!(written(&files), Pieces::NONE.with(Piece { shard: Shard::Base, layer: Layer::English }).with(Piece { shard: Shard::Events, layer: Layer::Urdu }));
        for bad in [
            String::new(),
            format!("base=https://evil.example/x.json#{sha}"),
            format!("base=data/../x.json#{sha}"),
            format!("base=data/x.json#{}", &sha[1..]),
            format!("base=data/x.json#{}", "ab".repeat(32)),
            format!("base=data/x.json#{}", sha.to_uppercase()),
            format!("nope=data/x.json#{sha}"),
            format!("base=data/x.json#{sha} base=data/y.json#{sha}"),
            format!("deals=data/x.json#{sha}"),
            format!("base-ur=data/x.json#{sha}"),
            format!("whole=data/x.json#{sha} base=data/y.json#{sha}"),
            format!("base=data/x.json{sha}"),
            format!("base=data/#{sha}"),
        ] {
            assert_eq!(parse_manifest(&bad), None, "{bad}");
        }
    }
}
