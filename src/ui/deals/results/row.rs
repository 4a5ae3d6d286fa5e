//! The row model: one result as the table and the cards show it, in the
//! reader's language and digits.

use crate::data::model::{Confidence, Dataset};
use crate::ui::deals::value::ValueFacts;
use crate::explore::{Index, RecordView};
use crate::i18n::explorer::text;
use crate::i18n::local;
use crate::ui::format::{self, Locale};

/// One result, ready to show.
#[derive(Clone, PartialEq)]
pub(super) struct Row {
    pub(super) id: String,
    pub(super) title: (String, bool),
    pub(super) snippet: (String, bool),
    pub(super) date: String,
    /// The first `PARTIES_SHOWN` parties, and "+N more" where there are others.
    pub(super) parties: String,
    pub(super) more_parties: Option<String>,
    pub(super) minerals: String,
    /// Deals: the value; events: the category.
    pub(super) value: String,
    /// Deals: what the value is, beside the figure.
    pub(super) value_facts: Option<ValueFacts>,
    /// Deals: the status as worded (and whether English); events: none.
    pub(super) status: Option<(String, bool)>,
    pub(super) confidence: Confidence,
    /// The ids of the sources the dataset lists (their titles are the sources' Detail layer).
    pub(super) sources: Vec<String>,
    /// Not a US–Pakistan deal (shown only with the background switch).
    pub(super) background: bool,
}

/// Parties a result names; the detail panel names them all.
const PARTIES_SHOWN: usize = 3;

/// The first `max` characters, with an ellipsis where cut (the detail panel has the whole text).
fn snippet(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>().trim_end())
    }
}

pub(super) fn row(ds: &Dataset, ix: &Index, position: u32, locale: Locale) -> Option<Row> {
    let lang = locale.lang;
    let r = RecordView::at(ds, ix.kind, ix.records.get(position as usize)?.source as usize)?;
    let (parties, minerals) = r.names(ds, lang);
    let more = parties.len().saturating_sub(PARTIES_SHOWN);
    let more_parties = (more > 0).then(|| (text(lang).more_parties)(&format::number(locale, more as f64, 0)));
    let (title, title_ur) = r.title();
    let (summary, summary_ur) = r.text();
    let (body, en) = local(lang, summary, summary_ur);
    let (value, value_facts, status) = match r {
        RecordView::Deal(d) => (
            r.value().map_or_else(|| text(lang).no_value.to_string(), |v| format::usd(locale, v, true)),
            Some(ValueFacts::of(d, lang)),
            Some(local(lang, &d.status, d.status_ur.as_deref())),
        ),
        RecordView::Event(e) => (crate::i18n::shell::text(lang).category(e.category).to_string(), None, None),
    };
    Some(Row {
        id: r.id().to_string(),
        title: local(lang, title, title_ur),
        snippet: (snippet(&body, 180), en),
        date: format::data_date(locale, r.dates().0),
        parties: parties.get(..PARTIES_SHOWN).unwrap_or(&parties).join(", "),
        more_parties,
        minerals: minerals.join(", "),
        value,
        value_facts,
        status,
        confidence: r.confidence(),
        sources: r.sources().iter().filter(|id| ds.source(id).is_some()).cloned().collect(),
        background: r.is_background(),
    })
}
