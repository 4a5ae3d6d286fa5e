//! The Story view's rules, pure and tested natively: which step an address
//! shows (clamped to the story's length), how a button, a key or a swipe moves
//! it (arrows mirrored in Urdu), what each step is about (its record and date) and where its moment sits on the story's span (the mini timeline).

use crate::data::model::{Dataset, Place, StepRecord, Story, StoryStep};
use crate::explore::RecordView;
use crate::state::url::AppState;
use crate::state::vocab::Records;

/// A move between steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Previous,
    Next,
    First,
    Last,
}

/// The step an address asks for, from 1, clamped to a story of `len` steps;
/// `None` when the story has none.
pub fn current(step: Option<u32>, len: usize) -> Option<usize> {
    let asked = step.map_or(1, |n| usize::try_from(n).unwrap_or(usize::MAX));
    (len > 0).then(|| asked.clamp(1, len))
}

/// The step a move leads to from `from` (from 1) in a story of `len` steps; it
/// stays within the story (Next on the last step stays there).
pub fn moved(from: usize, by: Move, len: usize) -> usize {
    let to = match by {
        Move::Previous => from.saturating_sub(1),
        Move::Next => from.saturating_add(1),
        Move::First => 1,
        Move::Last => len,
    };
    to.clamp(1, len.max(1))
}

/// What a key does: the arrows follow the reading direction (in Urdu, right to
/// left, ArrowLeft is the next step), Home and End go to either end.
pub fn key_move(key: &str, rtl: bool) -> Option<Move> {
    let forward = if rtl { "ArrowLeft" } else { "ArrowRight" };
    let back = if rtl { "ArrowRight" } else { "ArrowLeft" };
    match key {
        k if k == forward => Some(Move::Next),
        k if k == back => Some(Move::Previous),
        "Home" => Some(Move::First),
        "End" => Some(Move::Last),
        _ => None,
    }
}

/// How far (CSS pixels) a finger must travel sideways for a swipe.
pub const SWIPE_MIN: f64 = 48.0;

/// What a swipe does: a mostly sideways stroke of at least `SWIPE_MIN`. Pulling
/// the page toward the reading direction's start brings the next step (a swipe
/// to the left in English, to the right in Urdu); a scroll is no swipe.
pub fn swipe_move(dx: f64, dy: f64, rtl: bool) -> Option<Move> {
    if !(dx.is_finite() && dy.is_finite()) || dx.abs() < SWIPE_MIN || dx.abs() < 2.0 * dy.abs() {
        return None;
    }
    let toward_start = if rtl { dx > 0.0 } else { dx < 0.0 };
    Some(if toward_start { Move::Next } else { Move::Previous })
}

/// The story the Story view tells: the dataset's first.
pub fn story_of(ds: &Dataset) -> Option<&Story> {
    ds.stories.first()
}

/// The deal or event a step is about; `None` for a place (shown by its name).
pub fn record_of<'a>(ds: &'a Dataset, step: &StoryStep) -> Option<RecordView<'a>> {
    match step.record()? {
        StepRecord::Event(id) => ds.event(id).map(RecordView::Event),
        StepRecord::Deal(id) => ds.deal(id).map(RecordView::Deal),
        StepRecord::Place(_) => None,
    }
}

/// The place a step is about, where it names one (its locator is the place's
/// name and province, not a moment).
pub fn place_of<'a>(ds: &'a Dataset, step: &StoryStep) -> Option<&'a Place> {
    match step.record()? {
        StepRecord::Place(id) => ds.place(id),
        _ => None,
    }
}

/// Where a step's link goes: its record in the record's own view, or its place on the Map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepLink {
    Record(Records, String),
    Place(String),
}

impl StepLink {
    /// The address it opens from the reader's state (language, theme, embedding kept).
    pub fn state(&self, from: &AppState) -> AppState {
        match self {
            StepLink::Record(records, id) => from.opening(*records, id),
            StepLink::Place(id) => crate::explore::places::on_map(from, id),
        }
    }
}

/// A step's link, where its record or place exists.
pub fn link_of(ds: &Dataset, step: &StoryStep) -> Option<StepLink> {
    if let Some(r) = record_of(ds, step) {
        return Some(StepLink::Record(r.kind(), r.id().to_string()));
    }
    place_of(ds, step).map(|p| StepLink::Place(p.id.clone()))
}

/// The first and last day the story's dated steps cover.
pub fn span(ds: &Dataset, story: &Story) -> Option<(i64, i64)> {
    let days = story.steps.iter().filter_map(|s| record_of(ds, s)?.days());
    days.fold(None, |acc, (a, b)| match acc {
        None => Some((a, b)),
        Some((lo, hi)) => Some((lo.min(a), hi.max(b))),
    })
}

/// Where each step's moment (its record's first day) sits on the story's span,
/// in thousandths from its start; `None` for an undated step.
pub fn moments(ds: &Dataset, story: &Story) -> Vec<Option<u16>> {
    let span = span(ds, story);
    story
        .steps
        .iter()
        .map(|s| {
            let (first, _) = record_of(ds, s)?.days()?;
            let (lo, hi) = span?;
            let at = (first - lo).saturating_mul(1000) / (hi - lo).max(1);
            u16::try_from(at.clamp(0, 1000)).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::StoryStep;

    #[test]
    fn the_address_step_is_clamped_to_the_story() {
        assert_eq!(current(None, 16), Some(1));
        assert_eq!(current(Some(5), 16), Some(5));
        assert_eq!(current(Some(99), 16), Some(16));
        assert_eq!(current(Some(u32::MAX), 3), Some(3));
        assert_eq!(current(Some(1), 0), None);
    }

    #[test]
    fn moves_stay_within_the_story() {
        assert_eq!(moved(1, Move::Previous, 16), 1);
        assert_eq!(moved(1, Move::Next, 16), 2);
        assert_eq!(moved(16, Move::Next, 16), 16);
        assert_eq!(moved(7, Move::First, 16), 1);
        assert_eq!(moved(7, Move::Last, 16), 16);
        assert_eq!(moved(usize::MAX, Move::Next, 4), 4);
    }

    #[test]
    fn arrows_follow_the_reading_direction() {
        assert_eq!(key_move("ArrowRight", false), Some(Move::Next));
        assert_eq!(key_move("ArrowLeft", false), Some(Move::Previous));
        assert_eq!(key_move("ArrowLeft", true), Some(Move::Next));
        assert_eq!(key_move("ArrowRight", true), Some(Move::Previous));
        assert_eq!((key_move("Home", true), key_move("End", false)), (Some(Move::First), Some(Move::Last)));
        assert_eq!((key_move("ArrowUp", false), key_move("Enter", true)), (None, None));
    }

    #[test]
    fn swipes_are_sideways_strokes_mirrored_in_urdu() {
        assert_eq!(swipe_move(-80.0, 10.0, false), Some(Move::Next));
        assert_eq!(swipe_move(80.0, 10.0, false), Some(Move::Previous));
        assert_eq!(swipe_move(80.0, 10.0, true), Some(Move::Next));
        assert_eq!(swipe_move(-80.0, -10.0, true), Some(Move::Previous));
        // Too short, or a scroll, or nonsense from the device: no move.
        assert_eq!(swipe_move(-30.0, 0.0, false), None);
        assert_eq!(swipe_move(-80.0, 60.0, false), None);
        assert_eq!(swipe_move(f64::NAN, 0.0, false), None);
    }

    fn published() -> Dataset {
        let text = include_str!("../public/data/deals.json");
        crate::data::load::load_str(text).unwrap_or_else(|p| panic!("{p:?}"))
    }

    #[test]
    fn each_step_has_its_record_and_a_dated_one_a_moment_on_the_span() {
        let ds = published();
        let story = story_of(&ds).expect("a story");
        assert!(story.steps.iter().all(|s| record_of(&ds, s).is_some() != place_of(&ds, s).is_some()));
        let at = moments(&ds, story);
        assert_eq!(at.len(), story.steps.len());
        // A place step has no moment; every other step has one.
        let places: Vec<bool> = story.steps.iter().map(|s| place_of(&ds, s).is_some()).collect();
        assert_eq!(at.iter().map(Option::is_none).collect::<Vec<_>>(), places);
        assert!(places.contains(&true));
        assert_eq!(at.first(), Some(&Some(0)));
        assert_eq!(at.last(), Some(&Some(1000)));
        let known: Vec<u16> = at.iter().flatten().copied().collect();
        assert!(known.windows(2).all(|w| w[0] <= w[1]), "the story runs in date order: {at:?}");
    }

    #[test]
    fn each_step_links_to_its_record_or_its_place_on_the_map() {
        let ds = published();
        let story = story_of(&ds).expect("a story");
        let links: Vec<StepLink> = story.steps.iter().filter_map(|s| link_of(&ds, s)).collect();
        assert_eq!(links.len(), story.steps.len());
        let from = AppState::parse("view=story&step=10&lang=ur");
        let to: Vec<String> = links.iter().map(|l| l.state(&from).to_query()).collect();
        assert_eq!(to.first().map(String::as_str), Some("view=timeline&sel=2025-04-02-reciprocal-tariffs-announced-pakistan-29&lang=ur"));
        let place = to.iter().map(|q| AppState::parse(q)).find(|s| s.view == crate::state::vocab::View::Map).expect("the place step opens the map");
        assert_eq!((place.sel.as_deref(), place.lang), (Some("place-reko-diq"), crate::state::vocab::Lang::Ur), "{to:?}");
        assert!(to.contains(&"sel=deal-exim-reko-diq&lang=ur".to_string()), "{to:?}");
    }

    #[test]
    fn a_step_without_a_record_has_no_moment_and_the_rest_still_place() {
        let mut ds = published();
        let Some(story) = ds.stories.first_mut() else { panic!("a story") };
        story.steps.truncate(2);
        let step = |event: &str| StoryStep {
            event_id: Some(event.into()),
            deal_id: None,
            place_id: None,
            headline: String::new(),
            headline_ur: String::new(),
            narrative: String::new(),
            narrative_ur: String::new(),
            sources: Vec::new(),
        };
        story.steps.push(step("no-such-event"));
        let story = story.clone();
        assert_eq!(moments(&ds, &story), [Some(0), Some(1000), None]);
    }
}
