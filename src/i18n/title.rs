//! The page's title (`document.title`) for a state, in its language: the open
//! record's title, else the view, named after the minerals it is filtered to;
//! then the brand ("Antimony deals — Deal Explorer"). Tabs, bookmarks and
//! shared links read it.

use super::{local, shell};
use crate::data::model::{Dataset, Mineral};
use crate::explore::{option_named, RecordView};
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Records, View};

/// The dataset's minerals a state's `mineral` ids name (with or without the
/// `min-` prefix), in the address's order; ids the dataset does not know are left out.
pub fn named_minerals<'a>(ds: &'a Dataset, ids: &[String]) -> Vec<&'a Mineral> {
    ids.iter()
        .filter_map(|id| ds.minerals.iter().find(|m| option_named(Facet::Mineral, &m.id, id)))
        .collect()
}

/// What the page shows, without the brand.
fn subject(ds: &Dataset, state: &AppState) -> String {
    let lang = state.lang;
    let t = shell::text(lang);
    let open = state.sel.as_deref().and_then(|id| RecordView::find(ds, id));
    if let Some(record) = open.filter(|_| matches!(state.view, View::Deals | View::Timeline)) {
        let (en, ur) = record.title();
        return local(lang, en, ur).0;
    }
    // A story step's title is its headline, so a shared link to a step names it.
    if state.view == View::Story {
        let story = crate::story::story_of(ds);
        let step = story.and_then(|s| s.steps.get(crate::story::current(state.step, s.steps.len())? - 1));
        if let Some(step) = step {
            return local(lang, &step.headline, Some(&step.headline_ur)).0;
        }
    }
    let names: Vec<String> = named_minerals(ds, &state.mineral)
        .into_iter()
        .map(|m| local(lang, &m.name, m.name_ur.as_deref()).0)
        .collect();
    // The shell's own names, not the explorer's catalogue: the title is the
    // main module's, and naming that catalogue kept all of it there.
    if names.is_empty() {
        return match (state.view, state.records) {
            (View::Deals, Records::Events) => t.events.to_string(),
            (view, _) => t.view_name(view).to_string(),
        };
    }
    let names = names.join(t.list_separator);
    match (state.view, state.records) {
        (View::Deals, Records::Deals) => (t.deals_of)(&names),
        (View::Deals, Records::Events) => (t.events_of)(&names),
        (View::Timeline, _) => (t.timeline_of)(&names),
        (view, _) => t.view_name(view).to_string(),
    }
}

/// `document.title` for this state.
pub fn document_title(ds: &Dataset, state: &AppState) -> String {
    format!("{} — {}", subject(ds, state), shell::text(state.lang).brand)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::synth;

    fn title(ds: &Dataset, query: &str) -> String {
        document_title(ds, &AppState::parse(query))
    }

    #[test]
    fn views_are_named_in_the_pages_language() {
        let ds = synth::dataset(10, 1);
        assert_eq!(title(&ds, ""), "Deals — Deal Explorer");
        assert_eq!(title(&ds, "records=events"), "Events — Deal Explorer");
        assert_eq!(title(&ds, "view=timeline"), "Timeline — Deal Explorer");
        assert_eq!(title(&ds, "view=calculator&mineral=x"), "Calculator — Deal Explorer");
        assert_eq!(title(&ds, "view=sources"), "Sources — Deal Explorer");
        assert_eq!(title(&ds, "view=sources&lang=ur"), "ذرائع — سودوں کا ایکسپلورر");
    }

    #[test]
    fn a_story_step_is_titled_by_its_headline_clamped_like_the_view() {
        let mut ds = synth::dataset(10, 1);
        assert_eq!(title(&ds, "view=story&step=2"), "Story — Deal Explorer");
        let step = |headline: &str, ur: &str| crate::data::model::StoryStep {
            event_id: Some(ds.events[0].id.clone()),
            deal_id: None,
            place_id: None,
            headline: headline.into(),
            headline_ur: ur.into(),
            narrative: String::new(),
            narrative_ur: String::new(),
            sources: Vec::new(),
        };
        let steps = vec![step("Tariffs announced", "ٹیرف کا اعلان"), step("A deal", "ایک سودا")];
        ds.stories.push(crate::data::model::Story { id: "story-x".into(), title: "X".into(), title_ur: "ایکس".into(), steps });
        assert_eq!(title(&ds, "view=story"), "Tariffs announced — Deal Explorer");
        assert_eq!(title(&ds, "view=story&step=9&lang=ur"), "ایک سودا — سودوں کا ایکسپلورر");
    }

    #[test]
    fn a_mineral_filter_names_the_minerals() {
        let mut ds = synth::dataset(10, 1);
        ds.minerals[0].id = "min-antimony".into();
        ds.minerals[0].name = "Antimony".into();
        ds.minerals[0].name_ur = Some("اینٹیمنی".into());
        ds.minerals[1].name_ur = Some("تانبا".into());
        let second = ds.minerals[1].clone();
        assert_eq!(title(&ds, "mineral=antimony"), "Antimony deals — Deal Explorer");
        assert_eq!(title(&ds, "mineral=min-antimony&records=events"), "Antimony events — Deal Explorer");
        assert_eq!(
            title(&ds, &format!("view=timeline&mineral=min-antimony,{}", second.id)),
            format!("Antimony, {} timeline — Deal Explorer", second.name)
        );
        // Urdu: the last noun bends before the postposition (تانبا → تانبے کے).
        assert_eq!(
            title(&ds, &format!("lang=ur&mineral=antimony,{}", second.id)),
            "اینٹیمنی، تانبے کے سودے — سودوں کا ایکسپلورر"
        );
        // An id the dataset does not know names nothing.
        assert_eq!(title(&ds, "mineral=unobtainium"), "Deals — Deal Explorer");
    }

    #[test]
    fn an_open_record_gives_its_own_title() {
        let mut ds = synth::dataset(10, 1);
        ds.deals[2].title_ur = Some("ایک سودا".into());
        let deal = ds.deals[2].clone();
        let event = ds.events[0].clone();
        assert_eq!(title(&ds, &format!("sel={}&mineral=x", deal.id)), format!("{} — Deal Explorer", deal.title));
        assert_eq!(title(&ds, &format!("sel={}&lang=ur", deal.id)), "ایک سودا — سودوں کا ایکسپلورر");
        assert_eq!(title(&ds, &format!("view=timeline&sel={}", event.id)), format!("{} — Deal Explorer", event.title));
        // A `sel` the dataset does not know, or a view without details, keeps the view's title.
        assert_eq!(title(&ds, "sel=nothing"), "Deals — Deal Explorer");
        assert_eq!(title(&ds, &format!("view=sources&sel={}", deal.id)), "Sources — Deal Explorer");
    }
}
