//! The recent-search cache: a keystroke that deletes a letter finds its search
//! there, one that adds a letter scans only what the search before let through.

use std::sync::Arc;

use super::fold;
use super::index::Index;
use super::query::{run_uncached, Query, Results};

/// How many searches `Recent` remembers, and how many whole results: a long
/// word typed and deleted again letter by letter (at 10,000 records, a few
/// hundred kilobytes at most).
pub(super) const RECENT: usize = 16;

/// Recent searches (words, dates, values) of one index and the records each
/// let through, newest first. Typing adds and deletes letters: a search seen
/// a moment ago (a letter deleted, a filter undone) then needs no scan, and a
/// narrower one (a letter added) tests only the records the nearest broader
/// one let through, and only for the words that one does not already imply.
/// The last whole results are kept too: the same query again (a letter
/// typed and deleted, a facet ticked and unticked) is answered at once.
#[derive(Clone, Debug, Default)]
pub struct Recent {
    /// The index the searches were run on: their records are its positions.
    pub(super) index: Option<Arc<Index>>,
    pub(super) searches: Vec<(Query, Arc<[u32]>)>,
    pub(super) results: Vec<(Query, Results)>,
}

impl Recent {
    /// The records `q`'s search, dates and values let through, in index order.
    pub(super) fn base(&mut self, ix: &Index, q: &Query) -> Arc<[u32]> {
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
                        ix.records.get(i as usize).is_some_and(|r| {
                            (q.background || !r.background) && unsure.iter().all(|t| fold::contains(&r.haystack, t))
                        })
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

/// [`run`], remembering searches in `recent` between calls.
/// The results are always exactly `run(ix, q)`: an index other than the one
/// `recent` remembers (rebuilt when more of the dataset arrived, e.g. a
/// language's text) starts the memory afresh.
pub fn run_with(ix: &Arc<Index>, q: &Query, recent: &mut Recent) -> Results {
    if !recent.index.as_ref().is_some_and(|seen| Arc::ptr_eq(seen, ix)) {
        *recent = Recent { index: Some(ix.clone()), ..Recent::default() };
    }
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
