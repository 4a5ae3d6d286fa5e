//! Facet options: deal status buckets, the interning of option ids while an
//! index is built, and how a URL id names an option.

use std::collections::HashMap;

use super::fold::fold;
use super::order::{positions_by, sort_u16};
use crate::state::vocab::{Facet, FACETS};

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

/// Interns option ids per facet while records are flattened.
#[derive(Default)]
pub(super) struct Options {
    ids: [Vec<String>; FACETS],
    lookup: [HashMap<String, u16>; FACETS],
}

impl Options {
    pub(super) fn key(&mut self, facet: Facet, id: &str) -> Option<u16> {
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

    pub(super) fn keys<'a>(&mut self, facet: Facet, ids: impl IntoIterator<Item = &'a str>) -> Vec<u16> {
        let mut out: Vec<u16> = ids
            .into_iter()
            .filter_map(|id| self.key(facet, id))
            .collect();
        sort_u16(&mut out);
        out.dedup();
        out
    }

    /// Orders each facet's options for display (`order` gives a sort key per id)
    /// and renumbers the records' keys to match.
    pub(super) fn finish(
        self,
        records: &mut [[Vec<u16>; FACETS]],
        order: impl Fn(Facet, &str) -> (usize, String),
    ) -> [Vec<String>; FACETS] {
        let mut out: [Vec<String>; FACETS] = Default::default();
        for facet in Facet::ALL {
            let f = facet as usize;
            let ids = self.ids.get(f).cloned().unwrap_or_default();
            let display: Vec<(usize, String)> = ids.iter().map(|id| order(facet, id)).collect();
            let sorted = positions_by(ids.len(), &|a, b| display.get(a).cmp(&display.get(b)));
            let mut renumber = vec![0u16; sorted.len()];
            for (new, old) in sorted.iter().enumerate() {
                if let Some(slot) = renumber.get_mut(*old as usize) {
                    *slot = new as u16;
                }
            }
            for r in records.iter_mut() {
                if let Some(keys) = r.get_mut(f) {
                    keys.iter_mut()
                        .for_each(|k| *k = renumber.get(*k as usize).copied().unwrap_or(*k));
                    sort_u16(keys);
                }
            }
            if let Some(slot) = out.get_mut(f) {
                *slot = sorted.iter().filter_map(|old| ids.get(*old as usize).cloned()).collect();
            }
        }
        out
    }
}

/// The place a `place=` id names (`place-reko-diq`, or `reko-diq` without its prefix).
pub fn place_named<'a>(ds: &'a crate::data::model::Dataset, id: &str) -> Option<&'a crate::data::model::Place> {
    ds.places.iter().find(|p| option_named(Facet::Place, &p.id, id))
}

/// Whether a URL id names a facet option: exactly, or without its `min-`/`org-`/`person-`/`place-` prefix.
pub(crate) fn option_named(facet: Facet, option: &str, id: &str) -> bool {
    option == id
        || (matches!(facet, Facet::Mineral | Facet::Party | Facet::Place)
            && option.split_once('-').is_some_and(|(_, bare)| bare == id))
}
