//! A deal's figure with what it is, where it stands: its kind, its own
//! confidence and its meaning in full, in the rows, the cards and the details.

use leptos::prelude::*;

use crate::data::model::{Confidence, Deal};
use crate::explore::RecordView;
use crate::i18n::explorer::text;
use crate::i18n::local;
use crate::state::vocab::Lang;
use crate::ui::parts::badge;

/// What a figure is, in the reader's language (each text with whether it is the English fallback).
#[derive(Clone, PartialEq)]
pub(crate) struct ValueFacts {
    /// The kind of money (`ValueBasis`), where the deal has an amount.
    pub(crate) kind: Option<&'static str>,
    pub(crate) confidence: Confidence,
    pub(crate) confidence_note: Option<(String, bool)>,
    pub(crate) meaning: (String, bool),
}

impl ValueFacts {
    pub(crate) fn of(d: &Deal, lang: Lang) -> ValueFacts {
        let v = &d.value;
        ValueFacts {
            kind: RecordView::Deal(d).value_basis().map(|b| text(lang).value_basis(b)),
            confidence: v.confidence,
            confidence_note: v.confidence_note.as_deref().map(|n| local(lang, n, v.confidence_note_ur.as_deref())),
            meaning: local(lang, &v.meaning, v.meaning_ur.as_deref()),
        }
    }

    /// The detail panel's facts: the figure with its kind, its confidence with the note, its meaning.
    pub(crate) fn facts(self, figure: String, lang: Lang) -> [(&'static str, (String, bool)); 3] {
        let t = text(lang);
        let figure = match self.kind {
            Some(kind) => format!("{figure} · {kind}"),
            None => figure,
        };
        let level = crate::i18n::shell::text(lang).confidence(self.confidence);
        let confidence = match self.confidence_note {
            Some((note, en)) => (format!("{level}: {note}"), en),
            None => (level.to_string(), false),
        };
        [(t.col_value, (figure, false)), (t.value_confidence, confidence), (t.value_meaning, self.meaning)]
    }

    /// The figure, its kind and its confidence badge with the note (where there is a
    /// figure), then its meaning in full.
    pub(crate) fn view(self, figure: String, lang: Lang) -> AnyView {
        let en = |en: bool| en.then_some("en");
        let (meaning, meaning_en) = self.meaning;
        view! {
            <p class="de-exp__value">
                <span class="de-exp__figure">{figure}</span>
                // A figure's kind and confidence; without a figure the meaning says why there is none.
                {self.kind.map(|k| view! {
                    " · "<span class="de-exp__basis">{k}</span>
                    " "<span class="de-muted">{text(lang).value_confidence}": "</span>{badge(lang, self.confidence)}
                    {self.confidence_note.map(|(n, note_en)| view! { " "<span class="de-muted" lang=en(note_en)>{n}</span> })}
                })}
            </p>
            <p class="de-exp__meaning" lang=en(meaning_en)>{meaning}</p>
        }
        .into_any()
    }
}
