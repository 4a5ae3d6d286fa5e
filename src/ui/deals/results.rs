//! The results: count (a live region), a table on wide screens and a card list
//! on narrow ones (CSS shows one; the other is display:none), one page at a
//! time with "Show more", and the empty state.

use leptos::prelude::*;

use leptos::tachys::view::any_view::AnyViewState;
use leptos::tachys::view::{Mountable, Render};

use crate::ui::context::{show, CollectAny, live, on_click};

use super::{count_text, marked, use_explorer};
use crate::ui::parts::badge;
use crate::i18n::local;
use crate::data::model::{Confidence, Dataset};
use crate::explore::{Index, RecordView};
use crate::i18n::explorer::text;
use crate::state::url::SelQuery;
use crate::state::vocab::{Lang, Records};
use crate::ui::format::{self, Locale};
use crate::ui::router::{self, Nav};

/// Rows rendered per page: enough to scan, few enough that a keystroke re-renders within a frame.
const PAGE: usize = 50;

/// One result, ready to show.
#[derive(Clone, PartialEq)]
struct Row {
    id: String,
    title: (String, bool),
    snippet: (String, bool),
    date: String,
    parties: String,
    minerals: String,
    /// Deals: the value; events: the category.
    value: String,
    /// Deals: what the value means, and whether it is the English fallback.
    meaning: Option<(String, bool)>,
    /// Deals: the status as worded (and whether English); events: none.
    status: Option<(String, bool)>,
    confidence: Confidence,
    sources: Vec<(String, String)>,
}

/// The first `max` characters, with an ellipsis where cut (the detail panel has the whole text).
fn snippet(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>().trim_end())
    }
}

fn row(ds: &Dataset, ix: &Index, position: u32, locale: Locale) -> Option<Row> {
    let lang = locale.lang;
    let r = RecordView::at(ds, ix.kind, ix.records.get(position as usize)?.source as usize)?;
    let (parties, minerals) = r.names(ds, lang);
    let (title, title_ur) = r.title();
    let (summary, summary_ur) = r.text();
    let (body, en) = local(lang, summary, summary_ur);
    let (value, meaning, status) = match r {
        RecordView::Deal(d) => (
            r.value().map_or_else(|| text(lang).no_value.to_string(), |v| format::usd(locale, v, true)),
            Some({
                let (m, en) = local(lang, &d.value.meaning, d.value.meaning_ur.as_deref());
                (snippet(&m, 90), en)
            }),
            Some(local(lang, &d.status, d.status_ur.as_deref())),
        ),
        RecordView::Event(e) => (crate::i18n::shell::text(lang).category(e.category).to_string(), None, None),
    };
    Some(Row {
        id: r.id().to_string(),
        title: local(lang, title, title_ur),
        snippet: (snippet(&body, 180), en),
        date: format::data_date(locale, r.dates().0),
        parties: parties.join(", "),
        minerals: minerals.join(", "),
        value,
        meaning,
        status,
        confidence: r.confidence(),
        sources: r.sources().iter().filter_map(|id| ds.source(id)).map(|s| (s.title.clone(), s.url.clone())).collect(),
    })
}

/// What every kept row follows as the state changes: the search terms its
/// marks show, and the page's path and query its link carries (built once per
/// change, not once per row). Memos, so a change of facets alone leaves the
/// marks alone.
#[derive(Clone, Copy)]
struct Follow {
    terms: Memo<Vec<String>>,
    links: Memo<(String, SelQuery)>,
}

/// A row's own copy of what it follows. `keep_rows` brings it up to date when
/// it places the row, so a change updates the first rows in its own task and
/// the rest once that has painted, as it places new rows.
#[derive(Clone, Copy)]
struct RowFollow {
    terms: RwSignal<Vec<String>>,
    links: RwSignal<(String, SelQuery)>,
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

/// Text with the current terms marked. The matches are a memo of their own:
/// a keystroke that leaves this text's matches as they were (most texts, for
/// most keystrokes) leaves its nodes alone. One closure type for every marked text.
fn marks(text: String, terms: RwSignal<Vec<String>>) -> impl IntoView {
    let text: std::sync::Arc<str> = text.into();
    let ranges = {
        let text = text.clone();
        Memo::new(move |_| terms.with(|t| crate::explore::highlight(&text, t)))
    };
    move || ranges.with(|r| marked(&text, r))
}

/// A link to the record's detail; `place` keeps the ids of the table and the list apart.
/// The address carries the current query, so it follows the state while the row is kept.
fn open_link(row: &Row, place: &'static str, follow: RowFollow) -> impl IntoView {
    let app = use_explorer().app;
    let id = row.id.clone();
    let sel = id.clone();
    let href = live(move || follow.links.with(|(path, query)| router::href_in(path, &query.with(&sel))));
    let (title, en) = row.title.clone();
    view! {
        <a href=href id=format!("de-exp-{place}-{id}") class="de-exp__open" lang=en.then_some("en")
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 { return; }
                ev.prevent_default();
                let id = id.clone();
                app.update(Nav::Push, move |s| s.sel = Some(id));
            }>{marks(title, follow.terms)}</a>
    }
}

/// The sources behind a native details/summary. The list is built when the
/// details is first opened: few readers open it, and 50 rows of links cost
/// hundreds of elements on every new page of results.
fn sources_view(row: &Row, lang: Lang) -> impl IntoView {
    let n = row.sources.len();
    let items = row.sources.clone();
    let opened = RwSignal::new(false);
    view! {
        <details class="de-exp__sources" on:toggle=move |_| {
            if !opened.get_untracked() {
                opened.set(true);
            }
        }>
            <summary>{text(lang).sources}" ("{n}")"</summary>
            {move || opened.get().then(|| view! {
                <ul>
                    {items.iter().map(|(title, url)| view! {
                        <li><a href=url.clone() rel="noopener noreferrer" target="_blank" lang="en">{title.clone()}</a></li>
                    }).collect_any()}
                </ul>
            })}
        </details>
    }
}

fn en_attr(en: bool) -> Option<&'static str> {
    en.then_some("en")
}

fn table_row(row: Row, lang: Lang, follow: RowFollow) -> AnyView {
    let terms = follow.terms;
    let (snip, snip_en) = row.snippet.clone();
    view! {
        <tr>
            <th scope="row">
                {open_link(&row, "t", follow)}
                <p class="de-exp__snippet" lang=en_attr(snip_en)>{marks(snip, terms)}</p>
                {sources_view(&row, lang)}
            </th>
            <td>{row.date.clone()}</td>
            <td>{marks(row.parties.clone(), terms)}</td>
            <td>{marks(row.minerals.clone(), terms)}</td>
            <td>{row.value.clone()}
                {row.meaning.clone().map(|(m, en)| view! { <p class="de-exp__meaning" lang=en_attr(en)>{m}</p> })}
            </td>
            {row.status.clone().map(|(s, en)| view! { <td lang=en_attr(en)>{s}</td> })}
            <td>{badge(lang, row.confidence)}</td>
        </tr>
    }
    .into_any()
}

fn card(row: Row, lang: Lang, follow: RowFollow) -> AnyView {
    let terms = follow.terms;
    let t = text(lang);
    let (snip, snip_en) = row.snippet.clone();
    let line = |label: &'static str, value: String| {
        (!value.is_empty()).then(|| view! { <p><span class="de-exp__label">{label}": "</span>{marks(value, terms)}</p> })
    };
    view! {
        <li class="de-exp__card">
            <h3>{open_link(&row, "l", follow)}</h3>
            <p class="de-exp__meta">{row.date.clone()}" · "{row.value.clone()}" "{badge(lang, row.confidence)}</p>
            {row.meaning.clone().map(|(m, en)| view! { <p class="de-exp__meaning" lang=en_attr(en)>{m}</p> })}
            {row.status.clone().map(|(s, en)| view! { <p><span class="de-exp__label">{t.status}": "</span><span lang=en_attr(en)>{s}</span></p> })}
            {line(t.parties, row.parties.clone())}
            {line(t.minerals, row.minerals.clone())}
            <p class="de-exp__snippet" lang=en_attr(snip_en)>{marks(snip, terms)}</p>
            {sources_view(&row, lang)}
        </li>
    }
    .into_any()
}

/// What a row's static content depends on: equal keys, equal rows.
#[derive(Clone, Copy, PartialEq)]
struct Key {
    records: Records,
    position: u32,
    locale: Locale,
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

type Build = fn(Row, Lang, RowFollow) -> AnyView;

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
fn keep_rows(
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

/// The width below which results are cards, as in style/explorer.css.
const NARROW: &str = "(max-width: 47.99rem)";

#[component]
pub(super) fn ResultsPane() -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    let t = move || text(app.lang.get());
    let limit = RwSignal::new(PAGE);
    // A new query starts again at the first page. Set only on a change: a set
    // notifies the keys memo's readers even when the value is equal.
    Effect::new(move |_| {
        ex.query.track();
        if limit.get_untracked() != PAGE {
            limit.set(PAGE);
        }
    });
    let shown = move || ex.results.with(|r| r.rows.len());
    let status = live(move || {
        ex.results
            .with(|r| count_text(app, r.rows.len(), r.total, ex.records.get()))
    });
    // The rows shown as keys; a keystroke that keeps the same records changes nothing here.
    let keys = Memo::new(move |_| {
        let (records, locale) = (ex.records.get(), app.locale());
        ex.results.with(|r| {
            r.rows
                .iter()
                .take(limit.get())
                .map(|&position| Key { records, position, locale })
                .collect::<Vec<_>>()
        })
    });
    let follow = Follow {
        terms: Memo::new(move |_| ex.query.with(|q| q.terms.clone())),
        links: Memo::new(move |_| app.state.with(|s| (router::page_path(), s.sel_query()))),
    };
    let name = move || t().records_name(ex.records.get());
    // Build only the layout the screen shows: rebuilding both on every
    // keystroke doubled the work (CSS still hides the other as a fallback).
    let narrow = crate::ui::web::media_query(NARROW);
    let deals = move || ex.records.get() == Records::Deals;
    view! {
        <div class="de-exp__results">
            <p role="status" class="de-exp__count">{status}</p>
            {show(move || shown() == 0, move || view! {
                <div class="de-exp__empty">
                    <p><strong>{app.tr(|l| text(l).empty_title)}</strong></p>
                    <p>{app.tr(|l| text(l).empty_hint)}</p>
                </div>
            }.into_any())}
            {show(move || shown() != 0, move || view! {
                {show(move || !narrow.get(), move || {
                let body = NodeRef::<leptos::html::Tbody>::new();
                keep_rows(Box::new(move || body.get().map(Into::into)), keys, follow, table_row);
                view! {
                <table class="de-exp__table" aria-label=name>
                    <thead>
                        <tr>
                            <th scope="col">{app.tr(|l| text(l).col_title)}</th>
                            <th scope="col">{app.tr(|l| text(l).col_date)}</th>
                            <th scope="col">{app.tr(|l| text(l).parties)}</th>
                            <th scope="col">{app.tr(|l| text(l).minerals)}</th>
                            <th scope="col">{move || if deals() { t().col_value } else { t().kind }}</th>
                            {show(deals, move || view! { <th scope="col">{app.tr(|l| text(l).status)}</th> }.into_any())}
                            <th scope="col">{app.tr(|l| text(l).confidence)}</th>
                        </tr>
                    </thead>
                    <tbody node_ref=body></tbody>
                </table>
                }.into_any()})}
                {show(move || narrow.get(), move || {
                let list = NodeRef::<leptos::html::Ul>::new();
                keep_rows(Box::new(move || list.get().map(Into::into)), keys, follow, card);
                view! { <ul class="de-exp__cards" aria-label=name node_ref=list></ul> }.into_any()
                })}
            }.into_any())}
            {show(move || shown() > limit.get(), move || view! {
                <button type="button" class="de-exp__more" on:click=on_click(move |_| limit.update(|l| *l += PAGE))>
                    {app.tr(|l| text(l).show_more)}
                </button>
            }.into_any())}
        </div>
    }
}
