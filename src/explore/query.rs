//! Queries: the URL state resolved against an index, and `run`, which filters,
//! counts facet options (OR within a facet, AND across) and sorts in one pass.

use super::facets::option_named;
use super::fold::{self, fold};
use super::index::{default_sort, Index, Record};
use super::recent::Recent;
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Lang, Records, Sort, SortKey, FACETS};

/// A query against one index: the URL state with ids resolved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Whether background records (not US–Pakistan deals) are in scope.
    pub background: bool,
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
    /// The reader's language: titles sort by their Urdu in Urdu.
    pub lang: Lang,
}

/// Splits search text into folded words.
pub fn terms(q: &str) -> Vec<String> {
    fold(q).split_whitespace().map(str::to_string).collect()
}

impl Query {
    /// Reads the state; ids not among the index's options are ignored.
    /// Ids the dataset does not know are ignored; minerals and parties may be
    /// named without their type prefix (`mineral=antimony` for `min-antimony`),
    /// as links written by hand do (docs/UI-CONTRACT.md).
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
        let sort = s.sort.unwrap_or(default_sort(ix.kind));
        Query {
            terms: terms(&s.q),
            selected,
            from: s.from.map(|d| d.to_days()),
            to: s.to.map(|d| d.to_days()),
            vmin: s.vmin.filter(|_| values).map(|v| v as f64),
            vmax: s.vmax.filter(|_| values).map(|v| v as f64),
            sort,
            background: s.bg,
            // Only a title sort depends on the language: other queries stay
            // equal across a language switch (and keep their remembered results).
            lang: if sort.key == SortKey::Title { s.lang } else { Lang::default() },
        }
    }

    /// Whether every record this query's search, dates and values let through
    /// was let through by `before` too: the same dates and values, and each of
    /// `before`'s words inside one of these (typing "lithi" → "lithium").
    pub fn narrows(&self, before: &Query) -> bool {
        self.from == before.from
            && self.to == before.to
            && (before.background || !self.background)
            && self.vmin == before.vmin
            && self.vmax == before.vmax
            && before.terms.iter().all(|old| self.terms.iter().any(|new| new.contains(old.as_str())))
    }

    /// Scope, search, dates and values: the filters that are not facets.
    pub(super) fn base_match(&self, r: &Record) -> bool {
        if r.background && !self.background {
            return false;
        }
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
    /// Records in scope: the index's, less background deals unless asked for.
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
    run_uncached(ix, q, &mut Recent::default())
}

/// [`super::run_with`] once the whole results were not remembered.
pub(super) fn run_uncached(ix: &Index, q: &Query, recent: &mut Recent) -> Results {
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
    let (order, backwards) = ix.order(q.sort, q.lang);
    order.pick(&hit, backwards, &mut rows);
    Results {
        rows,
        total: ix.in_scope(q.background),
        facet_counts: counts,
    }
}
