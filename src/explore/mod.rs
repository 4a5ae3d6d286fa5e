//! The explorer's engine: filter, search, facet counts and sort over deals or
//! events. Pure and total: no Leptos, no web-sys; ids the dataset does not know
//! are ignored, never an error.
//!
//! `Index::build` flattens one kind of record into `Record`s (folded search
//! text, facet keys as small integer ids, dates as day numbers, values) and
//! precomputes one sort order per key, so `run` is one pass over the records
//! plus one pass over a precomputed order: O(records × active facets).
//!
//! Facets are disjunctive: OR within a facet, AND across facets. The count of
//! an option is the number of results under every OTHER active filter that
//! have that option, i.e. exactly what selecting only that option would give.

pub mod export;
pub mod fold;
pub mod synth;

use std::collections::HashMap;
use std::sync::Arc;

use crate::data::date::PartialDate;
use crate::data::model::{Confidence, Dataset};
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Records, Sort, SortKey, FACETS};

pub use fold::{fold, highlight};

/// Status buckets of deals. The dataset's `status` is free text ("non-binding
/// MoU / framework", "LOI", "approved (Dec 2025)", "reported as advanced
/// negotiations"…), so the facet groups it into four fixed buckets by keyword.
/// Checked in this order: a "non-binding MoU" that was "signed" is still non-binding.
pub const STATUS_BUCKETS: [&str; 4] = ["non-binding", "negotiating", "agreed", "other"];

pub fn status_bucket(status: &str) -> &'static str {
    let s = fold(status);
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&[
        "non-binding",
        "mou",
        "loi",
        "letter of intent",
        "memorandum",
        "framework",
    ]) {
        "non-binding"
    } else if has(&["negotiat", "exploratory", "proposal", "proposed", "talks"]) {
        "negotiating"
    } else if has(&[
        "approved", "signed", "awarded", "in place", "contract", "in force",
    ]) {
        "agreed"
    } else {
        "other"
    }
}

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
    /// Where this record's facet option ids start in `Index::keys`, and
    /// where each facet's ids end, relative to that start.
    key_start: u32,
    ends: [u8; FACETS],
}

/// A precomputed order for one sort key: positions sorted ascending (ties by
/// position), each position's dense rank, and the positions without a key,
/// which always come last whatever the direction.
#[derive(Clone, Debug, Default, PartialEq)]
struct SortOrder {
    order: Vec<u32>,
    rank: Vec<u32>,
    missing: Vec<u32>,
}

impl SortOrder {
    fn new<K>(keys: Vec<Option<K>>, cmp: impl Fn(&K, &K) -> std::cmp::Ordering) -> SortOrder {
        let mut present: Vec<(u32, K)> = Vec::with_capacity(keys.len());
        let mut missing = Vec::new();
        let mut rank = vec![0u32; keys.len()];
        for (i, k) in keys.into_iter().enumerate() {
            match k {
                Some(k) => present.push((i as u32, k)),
                None => missing.push(i as u32),
            }
        }
        // Stable: equal keys keep dataset order.
        present.sort_by(|a, b| cmp(&a.1, &b.1));
        let mut dense = 0u32;
        for j in 0..present.len() {
            if let (Some(prev), Some(cur)) = (
                j.checked_sub(1).and_then(|p| present.get(p)),
                present.get(j),
            ) {
                if cmp(&prev.1, &cur.1) != std::cmp::Ordering::Equal {
                    dense += 1;
                }
            }
            if let Some(slot) = present.get(j).and_then(|(i, _)| rank.get_mut(*i as usize)) {
                *slot = dense;
            }
        }
        SortOrder {
            order: present.into_iter().map(|(i, _)| i).collect(),
            rank,
            missing,
        }
    }

    /// The hits in this order; descending reverses the groups of equal keys
    /// but keeps dataset order inside a group (a stable descending sort).
    fn pick(&self, hit: &[bool], descending: bool, out: &mut Vec<u32>) {
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
    by_value: SortOrder,
    by_title: SortOrder,
}

/// Interns option ids per facet while records are flattened.
#[derive(Default)]
struct Options {
    ids: [Vec<String>; FACETS],
    lookup: [HashMap<String, u16>; FACETS],
}

impl Options {
    fn key(&mut self, facet: Facet, id: &str) -> Option<u16> {
        let f = facet as usize;
        let (ids, lookup) = (self.ids.get_mut(f)?, self.lookup.get_mut(f)?);
        if let Some(&k) = lookup.get(id) {
            return Some(k);
        }
        let k = u16::try_from(ids.len()).ok()?;
        ids.push(id.to_string());
        lookup.insert(id.to_string(), k);
        Some(k)
    }

    fn keys<'a>(&mut self, facet: Facet, ids: impl IntoIterator<Item = &'a str>) -> Vec<u16> {
        let mut out: Vec<u16> = ids
            .into_iter()
            .filter_map(|id| self.key(facet, id))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Orders each facet's options for display (`order` gives a sort key per id)
    /// and renumbers the records' keys to match.
    fn finish(
        self,
        records: &mut [[Vec<u16>; FACETS]],
        order: impl Fn(Facet, &str) -> (usize, String),
    ) -> [Vec<String>; FACETS] {
        let mut out: [Vec<String>; FACETS] = Default::default();
        for facet in Facet::ALL {
            let f = facet as usize;
            let ids = self.ids.get(f).cloned().unwrap_or_default();
            let mut sorted: Vec<(usize, String)> = ids.into_iter().enumerate().collect();
            sorted.sort_by_cached_key(|(_, id)| order(facet, id));
            let mut renumber = vec![0u16; sorted.len()];
            for (new, (old, _)) in sorted.iter().enumerate() {
                if let Some(slot) = renumber.get_mut(*old) {
                    *slot = new as u16;
                }
            }
            for r in records.iter_mut() {
                if let Some(keys) = r.get_mut(f) {
                    keys.iter_mut()
                        .for_each(|k| *k = renumber.get(*k as usize).copied().unwrap_or(*k));
                    keys.sort_unstable();
                }
            }
            if let Some(slot) = out.get_mut(f) {
                *slot = sorted.into_iter().map(|(_, id)| id).collect();
            }
        }
        out
    }
}

fn days_of(date: Option<&str>, end: Option<&str>) -> Option<(i64, i64)> {
    let start = PartialDate::parse(date?)?;
    let last = end.and_then(PartialDate::parse).unwrap_or(start).last_day();
    Some((
        start.first_day.to_days(),
        last.to_days().max(start.first_day.to_days()),
    ))
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

/// The names (English and Urdu) of the parties and minerals with these ids.
fn names<'a>(
    ds: &'a Dataset,
    parties: &'a [String],
    minerals: &'a [String],
) -> impl Iterator<Item = &'a str> {
    let p = parties
        .iter()
        .filter_map(|id| ds.party(id))
        .flat_map(|p| [Some(p.name.as_str()), p.name_ur.as_deref()]);
    let m = minerals
        .iter()
        .filter_map(|id| ds.mineral(id))
        .flat_map(|m| [Some(m.name.as_str()), m.name_ur.as_deref()]);
    p.chain(m).flatten()
}

impl Index {
    /// Flattens the dataset's deals or events. Total: a bad date is "no date".
    pub fn build(ds: &Dataset, kind: Records) -> Index {
        let mut opts = Options::default();
        let mut records = Vec::new();
        let mut keys: Vec<[Vec<u16>; FACETS]> = Vec::new();
        let mut titles = Vec::new();
        match kind {
            Records::Deals => {
                for (i, d) in ds.deals.iter().enumerate() {
                    let text = [
                        Some(d.title.as_str()),
                        d.title_ur.as_deref(),
                        Some(&d.summary),
                        d.summary_ur.as_deref(),
                    ];
                    let text = text
                        .into_iter()
                        .flatten()
                        .chain([d.kind.as_str(), d.status.as_str()]);
                    titles.push(Some(fold(&d.title)));
                    records.push(Record {
                        source: i as u32,
                        haystack: haystack(text.chain(names(ds, &d.party_ids, &d.mineral_ids))),
                        days: days_of(d.date.as_deref(), None),
                        value: d.value.amount_usd.filter(|v| v.is_finite()),
                        key_start: 0,
                        ends: [0; FACETS],
                    });
                    keys.push([
                        opts.keys(Facet::Mineral, d.mineral_ids.iter().map(String::as_str)),
                        opts.keys(Facet::Party, d.party_ids.iter().map(String::as_str)),
                        opts.keys(Facet::Country, d.countries.iter().map(String::as_str)),
                        opts.keys(Facet::Kind, [d.category.as_str()]),
                        opts.keys(Facet::Status, [status_bucket(&d.status)]),
                        opts.keys(Facet::Confidence, [d.confidence.id()]),
                    ]);
                }
            }
            Records::Events => {
                for (i, e) in ds.events.iter().enumerate() {
                    let text = [
                        Some(e.title.as_str()),
                        e.title_ur.as_deref(),
                        Some(&e.description),
                        e.description_ur.as_deref(),
                    ];
                    titles.push(Some(fold(&e.title)));
                    records.push(Record {
                        source: i as u32,
                        haystack: haystack(text.into_iter().flatten().chain(names(
                            ds,
                            &e.party_ids,
                            &e.mineral_ids,
                        ))),
                        days: days_of(Some(&e.date), e.end_date.as_deref()),
                        value: None,
                        key_start: 0,
                        ends: [0; FACETS],
                    });
                    keys.push([
                        opts.keys(Facet::Mineral, e.mineral_ids.iter().map(String::as_str)),
                        opts.keys(Facet::Party, e.party_ids.iter().map(String::as_str)),
                        opts.keys(Facet::Country, e.countries.iter().map(String::as_str)),
                        opts.keys(Facet::Kind, [e.category.id()]),
                        Vec::new(),
                        opts.keys(Facet::Confidence, [e.confidence.id()]),
                    ]);
                }
            }
        }
        // Display order: minerals and parties as the dataset lists them, fixed
        // orders for buckets and levels, the rest alphabetically.
        let options = opts.finish(&mut keys, |facet, id| {
            let pos = match facet {
                Facet::Mineral => ds.minerals.iter().position(|m| m.id == id),
                Facet::Party => ds.parties.iter().position(|p| p.id == id),
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
            by_value: SortOrder::new(values, f64::total_cmp),
            by_title: SortOrder::new(titles, String::cmp),
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

    fn order(&self, key: SortKey) -> &SortOrder {
        match key {
            SortKey::Date => &self.by_date,
            SortKey::Value => &self.by_value,
            SortKey::Title => &self.by_title,
        }
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

/// A query against one index: the URL state with ids resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Folded search words; a record must contain every one.
    pub terms: Vec<String>,
    /// Per facet, the selected option ids (empty = facet not active).
    pub selected: [Vec<u16>; FACETS],
    /// Inclusive day range; a record matches if its dates overlap it.
    pub from: Option<i64>,
    pub to: Option<i64>,
    /// Inclusive value range in USD; records without a value never match it.
    pub vmin: Option<f64>,
    pub vmax: Option<f64>,
    pub sort: Sort,
}

/// Splits search text into folded words.
pub fn terms(q: &str) -> Vec<String> {
    fold(q).split_whitespace().map(str::to_string).collect()
}

/// Whether a URL id names a facet option: exactly, or without its `min-`/`org-`/`person-` prefix.
fn option_named(facet: Facet, option: &str, id: &str) -> bool {
    option == id
        || (matches!(facet, Facet::Mineral | Facet::Party)
            && option.split_once('-').is_some_and(|(_, bare)| bare == id))
}

impl Query {
    /// Reads the state; ids not among the index's options are ignored.
    /// Ids the dataset does not know are ignored; minerals and parties may be
    /// named without their type prefix (`mineral=antimony` for `min-antimony`),
    /// as links written by hand (and ui-contract.md's example) do.
    pub fn from_state(s: &AppState, ix: &Index) -> Query {
        let mut selected: [Vec<u16>; FACETS] = Default::default();
        for facet in Facet::ALL {
            let options = ix.options(facet);
            let keys = s
                .selected(facet)
                .iter()
                .filter_map(|id| options.iter().position(|o| option_named(facet, o, id)))
                .map(|k| k as u16);
            if let Some(slot) = selected.get_mut(facet as usize) {
                *slot = keys.collect();
            }
        }
        let values = ix.kind == Records::Deals;
        Query {
            terms: terms(&s.q),
            selected,
            from: s.from.map(|d| d.to_days()),
            to: s.to.map(|d| d.to_days()),
            vmin: s.vmin.filter(|_| values).map(|v| v as f64),
            vmax: s.vmax.filter(|_| values).map(|v| v as f64),
            sort: s.sort.unwrap_or(default_sort(ix.kind)),
        }
    }

    /// Whether every record this query's search, dates and values let through
    /// was let through by `before` too: the same dates and values, and each of
    /// `before`'s words inside one of these (typing "lithi" → "lithium").
    pub fn narrows(&self, before: &Query) -> bool {
        self.from == before.from
            && self.to == before.to
            && self.vmin == before.vmin
            && self.vmax == before.vmax
            && before.terms.iter().all(|old| self.terms.iter().any(|new| new.contains(old.as_str())))
    }

    /// Search, dates and values: the filters that are not facets.
    fn base_match(&self, r: &Record) -> bool {
        let dates_ok = match (self.from, self.to, r.days) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some((first, last))) => {
                from.is_none_or(|f| last >= f) && to.is_none_or(|t| first <= t)
            }
        };
        let values_ok = match (self.vmin, self.vmax, r.value) {
            (None, None, _) => true,
            (_, _, None) => false,
            (lo, hi, Some(v)) => lo.is_none_or(|lo| v >= lo) && hi.is_none_or(|hi| v <= hi),
        };
        dates_ok && values_ok && self.terms.iter().all(|t| fold::contains(&r.haystack, t))
    }
}

/// What a query gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Matching record positions in `Index::records`, sorted.
    pub rows: Vec<u32>,
    /// Records in the index.
    pub total: usize,
    /// Per facet, per option: results under the other active filters with that option.
    pub facet_counts: [Vec<u32>; FACETS],
}

impl Results {
    pub fn count(&self, facet: Facet, option: usize) -> u32 {
        self.facet_counts
            .get(facet as usize)
            .and_then(|c| c.get(option))
            .copied()
            .unwrap_or(0)
    }
}

fn bump(counts: &mut [Vec<u32>; FACETS], facet: usize, keys: &[u16]) {
    if let Some(c) = counts.get_mut(facet) {
        for &k in keys {
            if let Some(n) = c.get_mut(k as usize) {
                *n += 1;
            }
        }
    }
}

/// Filters, counts and sorts in one pass over the records.
pub fn run(ix: &Index, q: &Query) -> Results {
    run_with(ix, q, &mut Recent::default())
}

/// How many searches `Recent` remembers, and how many whole results: a long
/// word typed and deleted again letter by letter (at 10,000 records, a few
/// hundred kilobytes at most).
const RECENT: usize = 16;

/// Recent searches (words, dates, values) of one index and the records each
/// let through, newest first. Typing adds and deletes letters: a search seen
/// a moment ago (a letter deleted, a filter undone) then needs no scan, and a
/// narrower one (a letter added) tests only the records the nearest broader
/// one let through, and only for the words that one does not already imply.
/// The last whole results are kept too: the same query again (a letter
/// typed and deleted, a facet ticked and unticked) is answered at once.
#[derive(Clone, Debug, Default)]
pub struct Recent {
    searches: Vec<(Query, Arc<[u32]>)>,
    results: Vec<(Query, Results)>,
}

impl Recent {
    /// The records `q`'s search, dates and values let through, in index order.
    fn base(&mut self, ix: &Index, q: &Query) -> Arc<[u32]> {
        let nearest = self
            .searches
            .iter()
            .enumerate()
            .filter(|(_, (seen, _))| q.narrows(seen))
            .min_by_key(|(_, (_, base))| base.len())
            .map(|(at, _)| at);
        let base: Arc<[u32]> = match nearest.map(|at| self.searches.remove(at)) {
            // Each narrows the other: the same records (e.g. "reko" typed again).
            Some((seen, base)) if seen.narrows(q) => {
                self.searches.insert(0, (seen, base.clone()));
                return base;
            }
            Some((seen, base)) => {
                let unsure: Vec<&str> = q
                    .terms
                    .iter()
                    .filter(|t| !seen.terms.iter().any(|old| old.contains(t.as_str())))
                    .map(String::as_str)
                    .collect();
                let narrowed = base
                    .iter()
                    .copied()
                    .filter(|&i| {
                        ix.records
                            .get(i as usize)
                            .is_some_and(|r| unsure.iter().all(|t| fold::contains(&r.haystack, t)))
                    })
                    .collect();
                self.searches.insert(0, (seen, base));
                narrowed
            }
            None => (0..ix.records.len() as u32)
                .filter(|&i| ix.records.get(i as usize).is_some_and(|r| q.base_match(r)))
                .collect(),
        };
        self.searches.insert(0, (q.clone(), base.clone()));
        self.searches.truncate(RECENT);
        base
    }
}

/// [`run`], remembering searches in `recent` (one per index) between calls.
/// The results are always exactly `run(ix, q)`.
pub fn run_with(ix: &Index, q: &Query, recent: &mut Recent) -> Results {
    if let Some(at) = recent.results.iter().position(|(seen, _)| seen == q) {
        let hit = recent.results.remove(at);
        let results = hit.1.clone();
        recent.results.insert(0, hit);
        return results;
    }
    let results = run_uncached(ix, q, recent);
    recent.results.insert(0, (q.clone(), results.clone()));
    recent.results.truncate(RECENT);
    results
}

/// [`run_with`] once the whole results were not remembered.
fn run_uncached(ix: &Index, q: &Query, recent: &mut Recent) -> Results {
    // Active facets as membership masks, for O(1) option checks.
    let active: Vec<(usize, Vec<bool>)> = q
        .selected
        .iter()
        .enumerate()
        .filter(|(_, sel)| !sel.is_empty())
        .map(|(f, sel)| {
            let mut mask = vec![false; ix.options.get(f).map_or(0, Vec::len)];
            sel.iter()
                .for_each(|&k| mask.get_mut(k as usize).into_iter().for_each(|m| *m = true));
            (f, mask)
        })
        .collect();
    let mut counts: [Vec<u32>; FACETS] = Default::default();
    for (c, o) in counts.iter_mut().zip(ix.options.iter()) {
        *c = vec![0; o.len()];
    }
    let mut hit = vec![false; ix.records.len()];
    for &i in recent.base(ix, q).iter() {
        let Some(r) = ix.records.get(i as usize) else { continue };
        let mut failed = None;
        let mut fails = 0;
        for (f, mask) in &active {
            if !ix
                .keys(r, *f)
                .iter()
                .any(|&k| mask.get(k as usize).copied().unwrap_or(false))
            {
                fails += 1;
                failed = Some(*f);
                if fails > 1 {
                    break;
                }
            }
        }
        match (fails, failed) {
            (0, _) => {
                if let Some(h) = hit.get_mut(i as usize) {
                    *h = true;
                }
                for f in 0..FACETS {
                    bump(&mut counts, f, ix.keys(r, f));
                }
            }
            // Fails only facet f: it would match were one of its own options selected.
            (1, Some(f)) => bump(&mut counts, f, ix.keys(r, f)),
            _ => {}
        }
    }
    let mut rows = Vec::new();
    ix.order(q.sort.key)
        .pick(&hit, q.sort.descending, &mut rows);
    Results {
        rows,
        total: ix.records.len(),
        facet_counts: counts,
    }
}

#[cfg(test)]
mod tests;
