//! The index: one kind of record flattened for queries (folded search text,
//! facet keys as small integers, day ranges, values) with one precomputed
//! order per sort key.

use super::facets::{status_bucket, Options, STATUS_BUCKETS};
use super::fold::fold;
use super::order::sort_u32;
use super::record::RecordView;
use crate::data::model::{Confidence, Dataset, ValueBasis};
use crate::state::vocab::{Facet, Lang, Records, Sort, SortKey, FACETS};
use std::sync::OnceLock;

/// One deal or event, flattened for filtering.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Position in `Dataset::deals` or `Dataset::events`.
    pub source: u32,
    /// Folded text of titles, summaries, party and mineral names, joined by `\n`.
    pub haystack: String,
    /// First and last day the record's date covers (days since 1970-01-01).
    pub days: Option<(i64, i64)>,
    /// Value in USD (deals with a published figure).
    pub value: Option<f64>,
    /// What kind of money `value` is: values rank only against their own kind.
    pub basis: Option<ValueBasis>,
    /// Not a US–Pakistan deal: shown only when the reader asks for background records.
    pub background: bool,
    /// Where this record's facet option ids start in `Index::keys`, and
    /// where each facet's ids end, relative to that start.
    key_start: u32,
    ends: [u8; FACETS],
}

/// A precomputed order for one sort key: positions sorted ascending (ties by
/// position), each position's dense rank, and the positions without a key,
/// which always come last whatever the direction.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct SortOrder {
    order: Vec<u32>,
    pub(super) rank: Vec<u32>,
    missing: Vec<u32>,
}

impl SortOrder {
    fn new<K>(keys: Vec<Option<K>>, cmp: impl Fn(&K, &K) -> std::cmp::Ordering) -> SortOrder {
        let (mut present, missing): (Vec<u32>, Vec<u32>) = (0..keys.len() as u32).partition(|&i| matches!(keys.get(i as usize), Some(Some(_))));
        let key = |i: u32| keys.get(i as usize).and_then(Option::as_ref);
        let order = |a: u32, b: u32| match (key(a), key(b)) {
            (Some(a), Some(b)) => cmp(a, b),
            _ => std::cmp::Ordering::Equal,
        };
        // Equal keys keep dataset order (`sort_u32` breaks ties by position).
        sort_u32(&mut present, &order);
        let mut rank = vec![0u32; keys.len()];
        let mut dense = 0u32;
        let mut previous = None;
        for &i in &present {
            if previous.is_some_and(|p| order(p, i) != std::cmp::Ordering::Equal) {
                dense += 1;
            }
            if let Some(slot) = rank.get_mut(i as usize) {
                *slot = dense;
            }
            previous = Some(i);
        }
        SortOrder {
            order: present,
            rank,
            missing,
        }
    }

    /// The hits in this order; descending reverses the groups of equal keys
    /// but keeps dataset order inside a group (a stable descending sort).
    pub(super) fn pick(&self, hit: &[bool], descending: bool, out: &mut Vec<u32>) {
        let is_hit = |i: &u32| hit.get(*i as usize).copied().unwrap_or(false);
        if descending {
            let rank_of = |i: &u32| self.rank.get(*i as usize).copied();
            let mut end = self.order.len();
            while end > 0 {
                let group = self.order.get(end - 1).and_then(rank_of);
                let mut start = end - 1;
                while start > 0 && self.order.get(start - 1).and_then(rank_of) == group {
                    start -= 1;
                }
                out.extend(
                    self.order
                        .get(start..end)
                        .unwrap_or(&[])
                        .iter()
                        .filter(|i| is_hit(i)),
                );
                end = start;
            }
        } else {
            out.extend(self.order.iter().filter(|i| is_hit(i)));
        }
        out.extend(self.missing.iter().filter(|i| is_hit(i)));
    }
}

/// Deals or events, ready for queries.
#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub kind: Records,
    pub records: Vec<Record>,
    /// Per facet, the option ids (dataset ids, codes or bucket slugs) in display order.
    pub options: [Vec<String>; FACETS],
    /// Every record's facet option ids, record after record: one contiguous
    /// array keeps the counting loop cache-friendly at 100k records.
    keys: Vec<u16>,
    /// Smallest and largest value, for the value range inputs.
    pub value_bounds: Option<(f64, f64)>,
    by_date: SortOrder,
    /// Values within each kind of figure (`ValueBasis` order), lowest first,
    /// and the same kinds in the same order, highest first: a kind's order
    /// stays put when the direction changes, only the amounts inside turn.
    by_value: SortOrder,
    by_value_desc: SortOrder,
    pub(super) by_title: SortOrder,
    /// The Urdu titles' order, in the language's collation: the browser's
    /// (`Intl.Collator('ur')`) is the one that knows it, so the UI sets it
    /// (`set_urdu_title_order`) the first time a reader sorts by title in Urdu.
    pub(super) by_title_ur: OnceLock<SortOrder>,
}

/// Joins folded pieces of text into one haystack.
fn haystack<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&fold(p));
    }
    out
}

impl Index {
    /// Flattens the dataset's deals or events. Total: a bad date is "no date".
    pub fn build(ds: &Dataset, kind: Records) -> Index {
        let mut opts = Options::default();
        let mut records = Vec::new();
        let mut keys: Vec<[Vec<u16>; FACETS]> = Vec::new();
        let mut titles = Vec::new();
        for (i, r) in RecordView::all(ds, kind).enumerate() {
            titles.push(Some(fold(r.title().0)));
            records.push(Record {
                source: i as u32,
                haystack: haystack(r.search_texts(ds)),
                days: r.days(),
                value: r.value(),
                basis: r.value_basis(),
                background: r.is_background(),
                key_start: 0,
                ends: [0; FACETS],
            });
            let status = match r {
                RecordView::Deal(d) => opts.keys(Facet::Status, [status_bucket(&d.status)]),
                RecordView::Event(_) => Vec::new(),
            };
            keys.push([
                opts.keys(Facet::Mineral, r.mineral_ids().iter().map(String::as_str)),
                opts.keys(Facet::Party, r.party_ids().iter().map(String::as_str)),
                opts.keys(Facet::Country, r.countries().iter().map(String::as_str)),
                opts.keys(Facet::Kind, [r.category()]),
                status,
                opts.keys(Facet::Confidence, [r.confidence().id()]),
                opts.keys(Facet::Place, r.place_ids().iter().map(String::as_str)),
            ]);
        }
        // Display order: minerals and parties as the dataset lists them, fixed
        // orders for buckets and levels, the rest alphabetically.
        let options = opts.finish(&mut keys, |facet, id| {
            let pos = match facet {
                Facet::Mineral => ds.minerals.iter().position(|m| m.id == id),
                Facet::Party => ds.parties.iter().position(|p| p.id == id),
                Facet::Place => ds.places.iter().position(|p| p.id == id),
                Facet::Status => STATUS_BUCKETS.iter().position(|s| *s == id),
                Facet::Confidence => Confidence::ALL.iter().position(|c| c.id() == id),
                Facet::Kind => crate::data::model::EventCategory::ALL
                    .iter()
                    .position(|c| c.id() == id),
                Facet::Country => None,
            };
            (pos.unwrap_or(usize::MAX), id.to_string())
        });
        let mut flat: Vec<u16> = Vec::new();
        for (r, per_facet) in records.iter_mut().zip(keys) {
            r.key_start = flat.len() as u32;
            for (end, keys) in r.ends.iter_mut().zip(per_facet) {
                flat.extend(keys);
                // At most 255 ids per record: more is clipped, never a panic.
                *end = (flat.len() - r.key_start as usize).min(255) as u8;
            }
        }
        let values: Vec<Option<f64>> = records.iter().map(|r| r.value).collect();
        // A value without its kind ranks with no other (the validator asks for one).
        let ranked = |descending: bool| {
            let keys = records.iter().map(|r| r.value.zip(r.basis)).collect();
            SortOrder::new(keys, move |a: &(f64, ValueBasis), b: &(f64, ValueBasis)| {
                let amounts = if descending { b.0.total_cmp(&a.0) } else { a.0.total_cmp(&b.0) };
                a.1.cmp(&b.1).then(amounts)
            })
        };
        let value_bounds = values
            .iter()
            .flatten()
            .fold(None, |acc: Option<(f64, f64)>, &v| {
                Some(acc.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v))))
            });
        Index {
            kind,
            by_date: SortOrder::new(
                records.iter().map(|r| r.days.map(|d| d.0)).collect(),
                i64::cmp,
            ),
            by_value: ranked(false),
            by_value_desc: ranked(true),
            by_title: SortOrder::new(titles, String::cmp),
            by_title_ur: OnceLock::new(),
            records,
            options,
            keys: flat,
            value_bounds,
        }
    }

    /// A record's option ids in one facet (`Facet as usize`).
    pub fn keys(&self, r: &Record, facet: usize) -> &[u16] {
        let start = facet
            .checked_sub(1)
            .and_then(|p| r.ends.get(p))
            .map_or(0, |&e| usize::from(e));
        let end = r
            .ends
            .get(facet)
            .map_or(start, |&e| usize::from(e))
            .max(start);
        let base = r.key_start as usize;
        self.keys.get(base + start..base + end).unwrap_or(&[])
    }

    pub fn options(&self, facet: Facet) -> &[String] {
        self.options.get(facet as usize).map_or(&[], Vec::as_slice)
    }

    /// Whether the facet applies to these records (events have no status).
    pub fn has_facet(&self, facet: Facet) -> bool {
        !self.options(facet).is_empty()
    }

    /// Whether titles have their Urdu order yet (see `set_urdu_title_order`).
    pub fn has_urdu_title_order(&self) -> bool {
        self.by_title_ur.get().is_some()
    }

    /// Orders the records by their Urdu titles with `collate` (the UI passes the
    /// browser's Urdu collation); a record without an Urdu title comes last
    /// either way, as a record without a date or value does. Set once: later
    /// calls change nothing.
    pub fn set_urdu_title_order(&self, ds: &Dataset, collate: impl Fn(&str, &str) -> std::cmp::Ordering) {
        let title_ur = |r: &Record| RecordView::at(ds, self.kind, r.source as usize).and_then(|v| v.title().1);
        let keys = self.records.iter().map(|r| title_ur(r).filter(|t| !t.trim().is_empty())).collect();
        let order = SortOrder::new(keys, |a: &&str, b: &&str| collate(a, b));
        let _ = self.by_title_ur.set(order);
    }

    /// The order for a sort, and whether to read it backwards: titles in Urdu
    /// follow the Urdu order once it is set; values have an order per direction.
    pub(super) fn order(&self, sort: Sort, lang: Lang) -> (&SortOrder, bool) {
        match sort.key {
            SortKey::Date => (&self.by_date, sort.descending),
            SortKey::Value if sort.descending => (&self.by_value_desc, false),
            SortKey::Value => (&self.by_value, false),
            SortKey::Title if lang == Lang::Ur => (self.by_title_ur.get().unwrap_or(&self.by_title), sort.descending),
            SortKey::Title => (&self.by_title, sort.descending),
        }
    }

    /// The records a query can show before any filter: background deals only when asked for.
    pub fn in_scope(&self, background: bool) -> usize {
        self.records.iter().filter(|r| background || !r.background).count()
    }
}

/// The default order: deals newest first (the latest news leads), events
/// oldest first (they read as a chronology).
pub fn default_sort(kind: Records) -> Sort {
    Sort {
        key: SortKey::Date,
        descending: kind == Records::Deals,
    }
}
