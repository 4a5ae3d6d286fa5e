//! Map view: Pakistan's provinces and territories drawn from the boundary file,
//! the dataset's places as marks by kind (approximate ones as areas), labels
//! placed without overlaps, zoom to a province and back; and the map's text
//! alternative, the list "Places" (one tab stop, arrows move, Enter opens a
//! place's details). Everything drawn comes from `crate::geo`; the explorer's
//! filters in the URL decide which places show (`geo::places::shown_places`).

mod boundary;
mod details;
mod drawing;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::geo::places::{chosen, narrowed, place_name, shown_places};
use crate::geo::show::Shown;
use crate::i18n::map::text;
use crate::ui::context::{live, on_click, show, use_app, AppCtx, CollectAny};
use crate::ui::format;
use crate::ui::router::Nav;

use boundary::{boundaries, Loaded};

/// Whether the map shows a choice of the places (`geo::places::narrowed`).
fn any_filter(s: &crate::state::url::AppState) -> bool {
    narrowed(&use_app().dataset(), s)
}

/// What the view's parts share: the places shown, the one open, the list's
/// tab stop and the province zoomed to (transient: none of it is in the URL).
#[derive(Clone, Copy)]
struct MapCtx {
    app: AppCtx,
    shown: Memo<Vec<Shown>>,
    /// The open place (index into the dataset's places).
    open: RwSignal<Option<usize>>,
    /// The list's tab stop (position in `shown`).
    active: RwSignal<usize>,
    zoom: RwSignal<Option<String>>,
    boundaries: RwSignal<Option<Loaded>>,
}

pub(crate) use details::PlaceDetails;

fn use_map() -> MapCtx {
    expect_context::<MapCtx>()
}

/// The DOM id of a place's list item.
fn item_id(place_id: &str) -> String {
    format!("de-map-place-{place_id}")
}

fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        crate::ui::web::focus(&el);
    }
}

impl MapCtx {
    /// Opens a place's details and moves focus to them, once its sources' titles
    /// are in (their Detail layer, `data::shards::BRIEF`: the map's first paint has none)
    /// and the details' own part (`views::place_details`, fetched on the first open).
    fn open_place(&self, place: usize) {
        let open = self.open;
        self.app.after_data(crate::data::shards::with_details(&self.app.state.get_untracked()), move || {
            leptos::task::spawn_local(async move {
                if crate::ui::views::preload_place_details().await.is_ok() {
                    open.set(Some(place));
                    request_animation_frame(|| focus_id("de-map-details-h"));
                }
            });
        });
    }

    /// Closes the details and gives focus back to the place's list item; an
    /// address that opened the place (`sel`) forgets it, so a reload does not reopen it.
    fn close(&self) {
        let back = self.open.get_untracked().and_then(|p| self.app.dataset().places.get(p).map(|p| item_id(&p.id)));
        self.open.set(None);
        if self.app.state.with_untracked(|s| s.sel.is_some()) {
            self.app.update(Nav::Replace, |s| s.sel = None);
        }
        if let Some(id) = back {
            request_animation_frame(move || focus_id(&id));
        }
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let app = use_app();
    let shown = Memo::new(move |_| {
        let ds = app.dataset();
        app.state.with(|s| shown_places(&ds, s, &chosen(&ds, s), |r| app.index(r)))
    });
    let map = MapCtx {
        app,
        shown,
        open: RwSignal::new(None),
        active: RwSignal::new(0),
        zoom: RwSignal::new(None),
        boundaries: boundaries(),
    };
    provide_context(map);
    // An address naming a place (`sel`: a record's places and the Sources view link so) opens it.
    let named = Memo::new(move |_| {
        let ds = app.dataset();
        app.state.with(|s| s.sel.as_deref().and_then(|id| ds.places.iter().position(|p| p.id == id)))
    });
    Effect::new(move |_| {
        if let Some(place) = named.get() {
            map.open_place(place);
        }
    });
    // A place the filters drop closes; the tab stop stays among the places shown.
    Effect::new(move |_| {
        let places: Vec<usize> = shown.with(|s| s.iter().map(|s| s.place).collect());
        if map.open.get_untracked().is_some_and(|p| !places.contains(&p)) {
            map.open.set(None);
        }
        map.active.update(|a| *a = (*a).min(places.len().saturating_sub(1)));
    });
    let count = live(move || {
        let (total, n) = (app.dataset().places.len(), shown.with(Vec::len));
        let locale = app.locale();
        let is_filtered = app.state.with(any_filter);
        (text(app.lang.get()).count)(&format::number(locale, n as f64, 0), &format::number(locale, total as f64, 0), is_filtered)
    });
    view! {
        <section class="de-view de-map" aria-labelledby="de-map-h">
            <h2 id="de-map-h">{app.tr(|l| text(l).heading)}</h2>
            <p class="de-muted de-map__intro">{app.tr(|l| text(l).intro)}</p>
            <div class="de-map__status">
                <p role="status">{count}</p>
                {show(move || app.state.with(any_filter), move || view! {
                    <button type="button" on:click=on_click(move |_| app.update(Nav::Push, |s| *s = s.cleared_filters()))>
                        {app.tr(|l| crate::i18n::explorer::text(l).clear)}
                    </button>
                }.into_any())}
            </div>
            <div class="de-map__body">
                <drawing::MapFigure/>
                <div class="de-map__side">
                    <PlaceList/>
                    {crate::ui::views::on_demand(move || map.open.get().is_some(), crate::ui::views::preload_place_details, crate::ui::views::render_place_details)}
                </div>
            </div>
        </section>
    }
}

/// The map's text alternative: one tab stop (roving tabindex); arrow keys, Home
/// and End move; Enter or Space opens the place's details, Escape closes them.
#[component]
fn PlaceList() -> impl IntoView {
    let map = use_map();
    let app = map.app;
    let on_key = move |ev: leptos::ev::KeyboardEvent, pos: usize, place: usize| {
        let last = map.shown.with_untracked(Vec::len).saturating_sub(1);
        // The list runs down the page in both languages; left and right follow the reading direction.
        let forward = if app.lang.get_untracked().is_rtl() { "ArrowLeft" } else { "ArrowRight" };
        let to = match ev.key().as_str() {
            "ArrowDown" => pos + 1,
            k if k == forward => pos + 1,
            "ArrowUp" | "ArrowLeft" | "ArrowRight" => pos.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            "Enter" | " " => {
                ev.prevent_default();
                map.open_place(place);
                return;
            }
            "Escape" if map.open.get_untracked().is_some() => return map.close(),
            _ => return,
        };
        ev.prevent_default();
        let to = to.min(last);
        map.active.set(to);
        if let Some(id) = map.shown.with_untracked(|s| s.get(to).and_then(|s| app.dataset().places.get(s.place).map(|p| item_id(&p.id)))) {
            focus_id(&id);
        }
    };
    let rows = move || {
        let (lang, ds) = (app.lang.get(), app.dataset());
        let t = text(lang);
        let open = map.open.get();
        map.shown.with(|shown| {
            shown
                .iter()
                .enumerate()
                .filter_map(|(pos, s)| {
                    let p = ds.places.get(s.place)?;
                    let (name, kind) = (place_name(p, lang).to_string(), t.kind_name(p.kind));
                    let place = s.place;
                    let label = format!("{name}, {kind}");
                    Some(view! {
                        <li id=item_id(&p.id) class="de-map__item" class:de-map__item--open=open == Some(place)
                            tabindex=move || if map.active.get() == pos { "0" } else { "-1" }
                            aria-label=label aria-current=(open == Some(place)).then_some("true")
                            on:keydown=move |ev| on_key(ev, pos, place)
                            on:click=on_click(move |_| { map.active.set(pos); map.open_place(place); })
                            on:focus=move |_| if map.active.get_untracked() != pos { map.active.set(pos) }>
                            {drawing::glyph(p.kind, p.precision)}
                            <span class="de-map__name">{name}</span>
                            <span class="de-muted de-map__kind">{kind}</span>
                        </li>
                    })
                })
                .collect_any()
        })
    };
    view! {
        <h3 id="de-map-places-h">{app.tr(|l| text(l).places)}</h3>
        <p id="de-map-hint" class="de-muted de-map__hint">{app.tr(|l| text(l).list_hint)}</p>
        {show(move || map.shown.with(Vec::is_empty), move || view! { <p>{app.tr(|l| text(l).none_match)}</p> }.into_any())}
        <ul class="de-map__list" aria-labelledby="de-map-places-h" aria-describedby="de-map-hint">{rows}</ul>
    }
}

