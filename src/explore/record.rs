//! One read-only view over a deal or an event (`RecordView`): what the index,
//! the exports and the deals view's rows and detail panel read. Deals and
//! events are told apart here, once; the rest asks the view.

use crate::data::date::PartialDate;
use crate::data::model::{Confidence, Dataset, Deal, Dispute, Event, ValueBasis};
use crate::i18n::local;
use crate::state::vocab::{Lang, Records};

/// A deal or an event of a dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RecordView<'a> {
    Deal(&'a Deal),
    Event(&'a Event),
}

/// An English text and its Urdu translation, where the dataset has one.
pub type Texts<'a> = (&'a str, Option<&'a str>);

/// Accessors for fields that deals and events both have, under the same name.
macro_rules! same_fields {
    ($($(#[$doc:meta])* $name:ident -> $ty:ty = |$r:ident| $get:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(self) -> $ty {
                match self {
                    RecordView::Deal($r) => $get,
                    RecordView::Event($r) => $get,
                }
            }
        )*
    };
}

impl<'a> RecordView<'a> {
    same_fields! {
        id -> &'a str = |r| &r.id;
        party_ids -> &'a [String] = |r| &r.party_ids;
        mineral_ids -> &'a [String] = |r| &r.mineral_ids;
        place_ids -> &'a [String] = |r| &r.place_ids;
        /// ISO 3166 alpha-2 codes.
        countries -> &'a [String] = |r| &r.countries;
        /// Source ids.
        sources -> &'a [String] = |r| &r.sources;
        disputes -> &'a [Dispute] = |r| &r.disputes;
        confidence -> Confidence = |r| r.confidence;
        /// The per-part wording of the confidence, in English and Urdu.
        confidence_note -> Option<Texts<'a>> = |r| r.confidence_note.as_deref().map(|n| (n, r.confidence_note_ur.as_deref()));
    }

    /// The record at `position` in the dataset's deals or events.
    pub fn at(ds: &'a Dataset, kind: Records, position: usize) -> Option<RecordView<'a>> {
        match kind {
            Records::Deals => ds.deals.get(position).map(RecordView::Deal),
            Records::Events => ds.events.get(position).map(RecordView::Event),
        }
    }

    /// Every deal or every event, in the dataset's order.
    pub fn all(ds: &'a Dataset, kind: Records) -> Box<dyn Iterator<Item = RecordView<'a>> + 'a> {
        match kind {
            Records::Deals => Box::new(ds.deals.iter().map(RecordView::Deal)),
            Records::Events => Box::new(ds.events.iter().map(RecordView::Event)),
        }
    }

    /// The deal or event with this id (ids are unique across both).
    pub fn find(ds: &'a Dataset, id: &str) -> Option<RecordView<'a>> {
        ds.deal(id).map(RecordView::Deal).or_else(|| ds.event(id).map(RecordView::Event))
    }

    pub fn kind(self) -> Records {
        match self {
            RecordView::Deal(_) => Records::Deals,
            RecordView::Event(_) => Records::Events,
        }
    }

    pub fn title(self) -> Texts<'a> {
        match self {
            RecordView::Deal(d) => (&d.title, d.title_ur.as_deref()),
            RecordView::Event(e) => (&e.title, e.title_ur.as_deref()),
        }
    }

    /// A deal's summary or an event's description.
    pub fn text(self) -> Texts<'a> {
        match self {
            RecordView::Deal(d) => (&d.summary, d.summary_ur.as_deref()),
            RecordView::Event(e) => (&e.description, e.description_ur.as_deref()),
        }
    }

    /// The name of `text`'s field in the dataset and the exports.
    pub fn text_field(self) -> &'static str {
        match self {
            RecordView::Deal(_) => "summary",
            RecordView::Event(_) => "description",
        }
    }

    /// First date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a deal may have none) and an event's last.
    pub fn dates(self) -> (Option<&'a str>, Option<&'a str>) {
        match self {
            RecordView::Deal(d) => (d.date.as_deref(), None),
            RecordView::Event(e) => (Some(&e.date), e.end_date.as_deref()),
        }
    }

    /// First and last day the dates cover (days since 1970-01-01); `None` for a bad or missing date.
    pub fn days(self) -> Option<(i64, i64)> {
        let (date, end) = self.dates();
        days_of(date, end)
    }

    /// A deal's published value in USD (finite); events have none.
    pub fn value(self) -> Option<f64> {
        match self {
            RecordView::Deal(d) => d.value.amount_usd.filter(|v| v.is_finite()),
            RecordView::Event(_) => None,
        }
    }

    /// What kind of money a deal's value is, where it has an amount; events have none.
    pub fn value_basis(self) -> Option<ValueBasis> {
        match self {
            RecordView::Deal(d) => d.value.basis.filter(|_| self.value().is_some()),
            RecordView::Event(_) => None,
        }
    }

    /// Not a US–Pakistan deal, kept for context (`Deal::background`); events are never background.
    pub fn is_background(self) -> bool {
        matches!(self, RecordView::Deal(d) if d.background)
    }

    /// The facet bucket: a deal's category, an event's category id.
    pub fn category(self) -> &'a str {
        match self {
            RecordView::Deal(d) => &d.category,
            RecordView::Event(e) => e.category.id(),
        }
    }

    /// The names of the record's parties and of its minerals in `lang`. An id
    /// the dataset does not name is shown as written: nothing listed is dropped.
    pub fn names(self, ds: &Dataset, lang: Lang) -> (Vec<String>, Vec<String>) {
        let parties = self.party_ids().iter().map(|id| {
            ds.party(id).map_or_else(|| id.clone(), |p| local(lang, &p.name, p.name_ur.as_deref()).0)
        });
        let minerals = self.mineral_ids().iter().map(|id| {
            ds.mineral(id).map_or_else(|| id.clone(), |m| local(lang, &m.name, m.name_ur.as_deref()).0)
        });
        (parties.collect(), minerals.collect())
    }

    /// Every text a search looks in: titles and texts in both languages, a
    /// deal's kind and status (English and Urdu), and the English and Urdu names of its parties
    /// and minerals (an id the dataset does not name adds nothing).
    pub fn search_texts(self, ds: &'a Dataset) -> impl Iterator<Item = &'a str> {
        let (title, title_ur) = self.title();
        let (text, text_ur) = self.text();
        let deal_words = match self {
            RecordView::Deal(d) => [Some(d.kind.as_str()), d.kind_ur.as_deref(), Some(d.status.as_str()), d.status_ur.as_deref()],
            RecordView::Event(_) => [None, None, None, None],
        };
        let parties = self.party_ids().iter().filter_map(|id| ds.party(id)).flat_map(|p| [Some(p.name.as_str()), p.name_ur.as_deref()]);
        let minerals = self.mineral_ids().iter().filter_map(|id| ds.mineral(id)).flat_map(|m| [Some(m.name.as_str()), m.name_ur.as_deref()]);
        [Some(title), title_ur, Some(text), text_ur]
            .into_iter()
            .chain(deal_words)
            .chain(parties)
            .chain(minerals)
            .flatten()
    }
}

pub(super) fn days_of(date: Option<&str>, end: Option<&str>) -> Option<(i64, i64)> {
    let start = PartialDate::parse(date?)?;
    let last = end.and_then(PartialDate::parse).unwrap_or(start).last_day();
    Some((start.first_day.to_days(), last.to_days().max(start.first_day.to_days())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::synth;

    #[test]
    fn names_keep_an_id_the_dataset_does_not_name() {
        let ds = synth::dataset(20, 1);
        let mut deal = ds.deals[0].clone();
        let known = ds.parties[0].clone();
        deal.party_ids = vec![known.id.clone(), "org-nobody".into()];
        deal.mineral_ids = vec!["min-unobtainium".into()];
        let (parties, minerals) = RecordView::Deal(&deal).names(&ds, Lang::En);
        assert_eq!(parties, [known.name.clone(), "org-nobody".to_string()]);
        assert_eq!(minerals, ["min-unobtainium"]);
        // The search adds nothing for an unknown id (there is no name to find).
        let texts: Vec<&str> = RecordView::Deal(&deal).search_texts(&ds).collect();
        assert!(texts.contains(&known.name.as_str()) && !texts.iter().any(|t| t.contains("nobody")));
    }

    #[test]
    fn deals_and_events_are_found_and_told_apart() {
        let ds = synth::dataset(20, 1);
        for kind in [Records::Deals, Records::Events] {
            for (i, r) in RecordView::all(&ds, kind).enumerate() {
                assert_eq!(RecordView::at(&ds, kind, i), Some(r));
                assert_eq!(RecordView::find(&ds, r.id()), Some(r));
                assert_eq!(r.kind(), kind);
            }
        }
        let e = RecordView::Event(&ds.events[0]);
        assert_eq!((e.value(), e.text_field()), (None, "description"));
        assert_eq!(RecordView::at(&ds, Records::Deals, ds.deals.len()), None);
    }
}
