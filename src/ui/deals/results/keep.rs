//! The kept rows: a keyed list placed by hand, so a row that stays in the
//! results across a keystroke keeps its elements, and a change places the
//! first rows at once and the rest once that has painted.

use leptos::prelude::*;
use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};

use super::row::{row, Row};
use crate::state::url::SelQuery;
use crate::state::vocab::{Lang, Records};
use crate::ui::deals::use_explorer;
use crate::ui::format::Locale;

/// What every kept row follows as the state changes: the search terms its
/// marks show, and the page's path and query its link carries (built once per
/// change, not once per row). Memos, so a change of facets alone leaves the
/// marks alone.
#[derive(Clone, Copy)]
pub(super) struct Follow {
    pub(super) terms: Memo<Vec<String>>,
    pub(super) links: Memo<(String, SelQuery)>,
}

/// A row's own copy of what it follows. `keep_rows` brings it up to date when
/// it places the row, so a change updates the first rows in its own task and
/// the rest once that has painted, as it places new rows.
#[derive(Clone, Copy)]
pub(super) struct RowFollow {
    pub(super) terms: RwSignal<Vec<String>>,
    pub(super) links: RwSignal<(String, SelQuery)>,
}

impl RowFollow {
    fn new(follow: Follow) -> RowFollow {
        RowFollow {
            terms: RwSignal::new(follow.terms.get_untracked()),
            links: RwSignal::new(follow.links.get_untracked()),
        }
    }

    /// Takes the list's terms and links where they differ (a set notifies even when equal).
    fn catch_up(&self, follow: Follow) {
        if follow.terms.with_untracked(|now| self.terms.with_untracked(|mine| mine != now)) {
            self.terms.set(follow.terms.get_untracked());
        }
        if follow.links.with_untracked(|now| self.links.with_untracked(|mine| mine != now)) {
            self.links.set(follow.links.get_untracked());
        }
    }
}

/// What a row's static content depends on: equal keys, equal rows.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Key {
    pub(super) records: Records,
    pub(super) position: u32,
    pub(super) locale: Locale,
}

/// A row on screen: its element, its view state and the owner of its effects.
struct Kept {
    key: Key,
    follow: RowFollow,
    el: web_sys::Element,
    view: AnyViewState,
    owner: Owner,
}

impl Kept {
    fn remove(mut self) {
        self.view.unmount();
        drop(self.view);
        self.owner.cleanup();
    }
}

pub(super) type Build = fn(Row, Lang, RowFollow) -> AnyView;

/// Rows placed in the task that changed the results: more than a screenful
/// of table rows or cards. The rest follow once that has painted (`keep_rows`).
const FIRST: usize = 12;

/// The rows on screen and, between the two steps of a change, the ones set
/// aside to be placed again in the second (detached, their state kept).
#[derive(Default)]
struct Placed {
    shown: Vec<Kept>,
    aside: Vec<Kept>,
}

/// Keeps the rows of `parent` equal to `keys`, in order: a row whose key stays
/// keeps its element (only its marks and link follow the query), new keys are
/// built, the rest removed.
///
/// In two steps: the first `FIRST` rows in the task of the change, the rest
/// after it has painted. A keystroke's frame then lays out and paints about a
/// screenful of rows, not a page of 50; when the next keystroke comes first,
/// the second step gives way to it. A change that keeps every row (a letter
/// added to a word, most often) goes the same way: the first rows' marks and
/// links catch up now, the others' in the second step.
///
/// Leptos's keyed list (tachys 0.2.19) misplaces rows for some removals
/// combined with moves (found replaying its diff on random lists, e.g.
/// [1,0,9,7,6,5,4] → [4,5,9] gives 9,4,5), so this places them itself:
/// walking the new order, each row goes before the first element not yet placed.
pub(super) fn keep_rows(
    parent: Box<dyn Fn() -> Option<web_sys::Element>>,
    keys: Memo<Vec<Key>>,
    follow: Follow,
    build: Build,
) {
    let ex = use_explorer();
    // Rows belong to the list's owner, not to the effect, whose owner is cleaned on every run.
    let owner = Owner::current().unwrap_or_default();
    let placed = StoredValue::new_local(Placed::default());
    let parent = StoredValue::new_local(parent);
    // Places `wanted` (the first rows, or all); rows of `later` not placed now are set aside.
    let place = move |wanted: &[Key], later: &[Key]| {
        let Some(parent) = parent.with_value(|p| p()) else { return };
        placed.update_value(|placed| {
            let mut old: Vec<Kept> = placed.shown.drain(..).chain(placed.aside.drain(..)).collect();
            let mut next = Vec::with_capacity(wanted.len());
            untrack(|| {
                let ds = ex.ds();
                let ix = ex.index();
                for &key in wanted {
                    if let Some(at) = old.iter().position(|k| k.key == key) {
                        let kept = old.swap_remove(at);
                        kept.follow.catch_up(follow);
                        next.push(kept);
                    } else if let Some(r) = row(&ds, &ix, key.position, key.locale) {
                        let row_owner = owner.with(Owner::new);
                        let (view, row_follow) = row_owner.with(|| {
                            let row_follow = RowFollow::new(follow);
                            (build(r, key.locale.lang, row_follow).build(), row_follow)
                        });
                        if let Some(el) = view.elements().into_iter().next() {
                            next.push(Kept { key, follow: row_follow, el, view, owner: row_owner });
                        }
                    }
                }
            });
            for mut kept in old {
                if later.contains(&kept.key) {
                    kept.view.unmount();
                    placed.aside.push(kept);
                } else {
                    kept.remove();
                }
            }
            let mut cursor = parent.first_child();
            for kept in &mut next {
                let node: &web_sys::Node = &kept.el;
                if cursor.as_ref() == Some(node) {
                    cursor = node.next_sibling();
                } else {
                    kept.view.mount(&parent, cursor.as_ref());
                }
            }
            placed.shown = next;
        });
    };
    // The same rows, new terms or links: the first rows catch up now, the rest with the second step.
    let catch_up = move |rows: usize| {
        placed.with_value(|placed| placed.shown.iter().take(rows).for_each(|kept| kept.follow.catch_up(follow)));
    };
    let change = StoredValue::new(0u32);
    Effect::new(move |_| {
        let wanted = keys.get();
        follow.terms.track();
        follow.links.track();
        let now = change.get_value().wrapping_add(1);
        change.set_value(now);
        // Every wanted row already on screen, in order (none waiting for a second step).
        let same_rows = placed.with_value(|p| p.shown.iter().map(|kept| kept.key).eq(wanted.iter().copied()));
        let (first, later) = wanted.split_at(wanted.len().min(FIRST));
        if same_rows {
            catch_up(FIRST);
        } else {
            place(first, later);
        }
        if !later.is_empty() {
            let place = place.clone();
            leptos::task::spawn_local(async move {
                crate::ui::paint::after_paint().await;
                // A newer change places its own rows: this one's are out of date.
                if change.try_get_value() == Some(now) {
                    if same_rows {
                        catch_up(usize::MAX);
                    } else {
                        place(&wanted, &[]);
                    }
                }
            });
        }
    });
}
