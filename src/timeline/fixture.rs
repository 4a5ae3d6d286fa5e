//! The layout inputs the timeline benchmarks time, built once for the native
//! and the Chromium benchmark: synthetic events, their label widths as the
//! view estimates them, and the opening window.

use super::{items, label_width, opening, place, ticks, Item, LabelStyle, Scale, TickSpacing};
use crate::data::model::Event;
use crate::explore::synth;

/// Label length and character width the benchmarks assume (the view's English values).
const LABEL_CHARS: usize = 26;
const CHAR_PX: f64 = 7.0;

pub struct Fixture {
    pub events: Vec<Event>,
    pub items: Vec<Item>,
    pub widths: Vec<f64>,
    /// The opening window at 1,200 px.
    pub fit: Scale,
}

impl Fixture {
    /// `n` synthetic events (seeded); `None` only if there is nothing to lay out.
    pub fn synthetic(n: usize) -> Option<Fixture> {
        let ds = synth::dataset(n, 7);
        let items = items(&ds.events, 0..ds.events.len());
        let widths = items
            .iter()
            .map(|i| ds.events.get(i.event).map_or(0.0, |e| label_width(&e.title, LABEL_CHARS, CHAR_PX)))
            .collect();
        let fit = opening(&items, 1200.0)?;
        Some(Fixture { events: ds.events, items, widths, fit })
    }

    /// Sorting the events into date order and lanes (a count, like `layout`).
    pub fn order(&self) -> usize {
        items(&self.events, 0..self.events.len()).len()
    }

    /// One layout of a window: marks and label rows plus ticks (a count, so nothing is optimised away).
    pub fn layout(&self, s: &Scale) -> usize {
        place(&self.items, &self.widths, s, &LabelStyle::VIEW).len() + ticks(s, &TickSpacing::ENGLISH).len()
    }
}
