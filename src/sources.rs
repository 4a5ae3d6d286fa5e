//! The Sources view's list: each source's kind (from its fact-base tag),
//! search with the explorer's folding, filters by publisher and kind, order by
//! date, and the counts the filters show. Pure; the view only renders `run`'s
//! answer.

use crate::data::date::PartialDate;
use crate::data::model::Source;
use crate::explore::fold::{contains, fold};
use crate::explore::order::positions_by;
use crate::explore::terms;
use crate::state::url::AppState;
use crate::state::vocab::{SourceKind, SourceSort};

/// The kind of document a tag names. The dataset's source tags (docs/DATASET.md,
/// "Source"): `official…` is a primary document (government or company text,
/// or a state agency carrying it); `secondary…`, `HTS mirror`, `opinion`,
/// `analysis` and `advocacy` are secondary; `weak…` is weak. An untagged
/// source, or one whose tag only notes what it reports, is a news report.
/// The tag's first word decides (`secondary; reports 15%` is secondary).
pub fn kind_of_tag(tag: Option<&str>) -> SourceKind {
    let first = tag
        .and_then(|t| t.split(|c: char| c.is_whitespace() || matches!(c, ';' | '(' | ',')).find(|w| !w.is_empty()))
        .map(str::to_ascii_lowercase);
    match first.as_deref() {
        Some("official") => SourceKind::Primary,
        Some("weak") => SourceKind::Weak,
        Some("secondary" | "hts" | "opinion" | "analysis" | "advocacy") => SourceKind::Secondary,
        _ => SourceKind::News,
    }
}

/// What the reader asked of the list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceQuery {
    /// Search words, folded (`explore::terms`); every word must occur.
    pub terms: Vec<String>,
    /// A publisher exactly as the dataset writes it.
    pub publisher: Option<String>,
    pub kind: Option<SourceKind>,
    pub sort: SourceSort,
}

impl SourceQuery {
    /// The Sources view's part of the URL state.
    pub fn from_state(s: &AppState) -> SourceQuery {
        SourceQuery { terms: terms(&s.sq), publisher: s.publisher.clone(), kind: s.skind, sort: s.ssort }
    }
}

/// One source, prepared once for searching and sorting.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Position in `Dataset::sources`.
    pub source: usize,
    pub kind: SourceKind,
    /// Title and publisher, folded.
    text: String,
    publisher: String,
    /// Position of the publisher in `SourceIndex::publishers`.
    publisher_at: usize,
}

/// The dataset's sources, prepared for `run`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceIndex {
    pub entries: Vec<Entry>,
    /// Every publisher once, in folded alphabetical order.
    pub publishers: Vec<String>,
    /// Entry positions newest first and oldest first (by the first day a
    /// date covers; equal dates in dataset order; undated last, in dataset order).
    newest: Vec<usize>,
    oldest: Vec<usize>,
}

impl SourceIndex {
    pub fn build(sources: &[Source]) -> SourceIndex {
        // Sorted through the explorer's one sort (`explore::order`): each sort
        // call of its own would be another copy of the sort in the wasm.
        let keyed: Vec<(String, &str)> = sources.iter().map(|s| (fold(&s.publisher), s.publisher.as_str())).collect();
        let by_name = positions_by(keyed.len(), &|a, b| keyed.get(a).cmp(&keyed.get(b)));
        let mut publishers: Vec<String> = by_name.iter().filter_map(|&i| keyed.get(i as usize)).map(|(_, p)| p.to_string()).collect();
        publishers.dedup();
        let entries: Vec<Entry> = sources
            .iter()
            .enumerate()
            .map(|(source, s)| Entry {
                source,
                kind: kind_of_tag(s.tag.as_deref()),
                text: fold(&format!("{} {}", s.title, s.publisher)),
                publisher: s.publisher.clone(),
                publisher_at: publishers.iter().position(|p| *p == s.publisher).unwrap_or(usize::MAX),
            })
            .collect();
        let days: Vec<(usize, i64)> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.date.as_deref().and_then(PartialDate::parse).map(|d| (i, d.first_day.to_days())))
            .collect();
        let undated = sources.iter().enumerate().filter(|(_, s)| s.date.as_deref().and_then(PartialDate::parse).is_none()).map(|(i, _)| i);
        let order = |sign: i64| {
            let day = |k: usize| days.get(k).map(|&(_, d)| sign * d);
            positions_by(days.len(), &|a, b| day(a).cmp(&day(b)))
                .into_iter()
                .filter_map(|k| days.get(k as usize).map(|&(i, _)| i))
                .chain(undated.clone())
                .collect::<Vec<usize>>()
        };
        let (newest, oldest) = (order(-1), order(1));
        SourceIndex { entries, publishers, newest, oldest }
    }
}

/// The list for a query, with the counts each filter's options would give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceResults {
    /// Positions in `Dataset::sources`, in the order asked for.
    pub rows: Vec<usize>,
    /// The search words the list marks (the query's).
    pub terms: Vec<String>,
    /// How many sources there are in all.
    pub total: usize,
    /// For each kind (`SourceKind::ALL` order): the sources of that kind that
    /// the other filters (search, publisher) let through.
    pub kind_counts: [usize; 4],
    /// For each publisher (`SourceIndex::publishers` order): the sources of that
    /// publisher that the search and the kind filter let through.
    pub publisher_counts: Vec<usize>,
}

/// Filters, orders and counts. Undated sources come last in either date order;
/// equal dates keep the dataset's order.
pub fn run(index: &SourceIndex, query: &SourceQuery) -> SourceResults {
    let mut shown = vec![false; index.entries.len()];
    let mut kind_counts = [0usize; 4];
    let mut publisher_counts = vec![0usize; index.publishers.len()];
    for e in &index.entries {
        if !query.terms.iter().all(|t| contains(&e.text, t)) {
            continue;
        }
        let publisher_ok = query.publisher.as_deref().is_none_or(|p| p == e.publisher);
        let kind_ok = query.kind.is_none_or(|k| k == e.kind);
        if publisher_ok {
            if let Some(n) = kind_counts.get_mut(e.kind as usize) {
                *n += 1;
            }
        }
        if kind_ok {
            if let Some(n) = publisher_counts.get_mut(e.publisher_at) {
                *n += 1;
            }
        }
        if let Some(slot) = shown.get_mut(e.source) {
            *slot = publisher_ok && kind_ok;
        }
    }
    let listed: Vec<usize>;
    let order = match query.sort {
        SourceSort::Listed => {
            listed = (0..index.entries.len()).collect();
            &listed
        }
        SourceSort::Newest => &index.newest,
        SourceSort::Oldest => &index.oldest,
    };
    SourceResults {
        rows: order.iter().copied().filter(|&i| shown.get(i).copied().unwrap_or(false)).collect(),
        terms: query.terms.clone(),
        total: index.entries.len(),
        kind_counts,
        publisher_counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, title: &str, publisher: &str, date: Option<&str>, tag: Option<&str>) -> Source {
        Source {
            id: id.into(),
            title: title.into(),
            publisher: publisher.into(),
            url: format!("https://example.org/{id}"),
            date: date.map(str::to_string),
            date_approx: false,
            tag: tag.map(str::to_string),
        }
    }

    fn sample() -> Vec<Source> {
        vec![
            source("a", "Pakistan signs MoU", "Dawn", Some("2025-09-08"), None),
            source("b", "Executive Order 14257", "Federal Register", Some("2025-04-15"), Some("official")),
            source("c", "Copy of a Dawn story", "tnewsquill (blog copy)", Some("2025-09"), Some("secondary (mirror)")),
            source("d", "Rare earths shipped", "Dawn", None, Some("reports 15% (see §8)")),
            source("e", "Automated alert", "GitHub issue", Some("2026-08-13"), Some("weak (claims conflict)")),
            source("f", "Étude des métaux", "Jornal de Negócios", Some("2025"), Some("HTS mirror")),
        ]
    }

    fn ids(sources: &[Source], r: &SourceResults) -> Vec<String> {
        r.rows.iter().filter_map(|&i| sources.get(i)).map(|s| s.id.clone()).collect()
    }

    fn check(query: SourceQuery, expected: &[&str]) {
        let sources = sample();
        let r = run(&SourceIndex::build(&sources), &query);
        assert_eq!(ids(&sources, &r), expected, "{query:?}");
        assert_eq!(r.total, sources.len());
    }

    #[test]
    fn kinds_follow_the_tags_first_word() {
        for (tag, kind) in [
            (None, SourceKind::News),
            (Some("official"), SourceKind::Primary),
            (Some("official (cited, text not reviewed)"), SourceKind::Primary),
            (Some("secondary; reports 15% (see §8)"), SourceKind::Secondary),
            (Some("HTS mirror"), SourceKind::Secondary),
            (Some("opinion"), SourceKind::Secondary),
            (Some("analysis"), SourceKind::Secondary),
            (Some("advocacy"), SourceKind::Secondary),
            (Some("weak (claims conflict with better sources)"), SourceKind::Weak),
            (Some("reports a 15% rate for India (see §8)"), SourceKind::News),
            (Some("carries US Embassy statement"), SourceKind::News),
            (Some(""), SourceKind::News),
        ] {
            assert_eq!(kind_of_tag(tag), kind, "{tag:?}");
        }
    }

    #[test]
    fn search_folds_and_needs_every_word() {
        let terms = |q: &str| SourceQuery { terms: crate::explore::terms(q), ..Default::default() };
        check(terms("dawn"), &["a", "c", "d"]);
        check(terms("DAWN story"), &["c"]);
        check(terms("etude negocios"), &["f"]);
        check(terms("nothing-like-this"), &[]);
        check(terms(""), &["a", "b", "c", "d", "e", "f"]);
    }

    #[test]
    fn filters_combine_and_counts_are_disjunctive() {
        let sources = sample();
        let index = SourceIndex::build(&sources);
        let q = SourceQuery { publisher: Some("Dawn".into()), ..Default::default() };
        let r = run(&index, &q);
        assert_eq!(ids(&sources, &r), ["a", "d"]);
        // Kinds counted among Dawn's sources; publishers counted across all kinds.
        assert_eq!(r.kind_counts, [0, 2, 0, 0]);
        let dawn = index.publishers.iter().position(|p| p == "Dawn").unwrap();
        assert_eq!(r.publisher_counts[dawn], 2);
        assert_eq!(r.publisher_counts.iter().sum::<usize>(), 6);

        let q = SourceQuery { kind: Some(SourceKind::News), ..q };
        assert_eq!(ids(&sources, &run(&index, &q)), ["a", "d"]);
        let q = SourceQuery { kind: Some(SourceKind::Primary), ..q };
        let r = run(&index, &q);
        assert!(r.rows.is_empty());
        // Publishers now counted among primary documents only.
        assert_eq!(r.publisher_counts.iter().sum::<usize>(), 1);
        assert_eq!(r.kind_counts, [0, 2, 0, 0], "the kind filter does not narrow its own counts");
        // An unknown publisher lets nothing through, and says so with zero rows.
        check(SourceQuery { publisher: Some("Nobody".into()), ..Default::default() }, &[]);
    }

    #[test]
    fn publishers_are_listed_once_in_folded_order() {
        let index = SourceIndex::build(&sample());
        assert_eq!(index.publishers, ["Dawn", "Federal Register", "GitHub issue", "Jornal de Negócios", "tnewsquill (blog copy)"]);
    }

    #[test]
    fn date_orders_put_undated_last_and_keep_ties_stable() {
        check(SourceQuery { sort: SourceSort::Newest, ..Default::default() }, &["e", "a", "c", "b", "f", "d"]);
        check(SourceQuery { sort: SourceSort::Oldest, ..Default::default() }, &["f", "b", "c", "a", "e", "d"]);
        check(SourceQuery::default(), &["a", "b", "c", "d", "e", "f"]);
    }
}
