//! What every view reads: the URL state signal and the validated dataset.
//!
//! Views get one `Copy` handle through context (`use_app()`), read memos derived
//! from the pure core, and change state only through `AppCtx::update`, which
//! also keeps the browser history in step.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::model::Dataset;
use crate::data::shards;
use crate::explore::Index;
use crate::state::url::AppState;
use crate::state::vocab::{Lang, Records};
use crate::ui::format::Locale;
use crate::ui::load::{self, LoadState};
use crate::ui::router::{self, Nav};

#[derive(Clone, Copy)]
pub struct AppCtx {
    /// The state the URL holds. Write it through `update`.
    pub state: RwSignal<AppState>,
    /// The dataset, validated before any view mounts: the records every state
    /// so far has needed (the shards by view grow it; `arrive`).
    pub data: StoredValue<Arc<Dataset>>,
    /// The interface language (a memo so that views re-render only when it changes).
    pub lang: Memo<Lang>,
    /// The explorer's indexes of deals and events, each built on first use and
    /// shared by the views that filter them (deals view, timeline).
    indexes: StoredValue<[Option<Arc<Index>>; 2]>,
    /// Why the data the state needs could not be loaded (`arrive`): shown in
    /// place of the view, while the rest of the app keeps working.
    pub data_failure: RwSignal<Option<LoadState>>,
}

impl AppCtx {
    /// `lang` is the memo of `state`'s language that the app root already keeps.
    pub fn new(state: RwSignal<AppState>, lang: Memo<Lang>, data: Arc<Dataset>) -> AppCtx {
        AppCtx {
            state,
            data: StoredValue::new(data),
            lang,
            indexes: StoredValue::new([None, None]),
            data_failure: RwSignal::new(None),
        }
    }

    /// Language and digit style for numbers and dates (tracked).
    pub fn locale(&self) -> Locale {
        self.state.with(|s| Locale { lang: s.lang, eastern_digits: s.digits_eastern })
    }

    /// A fixed interface string that follows the language: `app.tr(|l| text(l).heading)`.
    /// Every label in the app is this one closure type, so the renderer's generic
    /// code is compiled once for all of them instead of once per `move ||` label.
    pub fn tr(
        &self,
        pick: fn(Lang) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || pick(lang.get())
    }

    /// The dataset (cheap: an `Arc` clone).
    pub fn dataset(&self) -> Arc<Dataset> {
        self.data.get_value()
    }

    /// The index of deals or events, built the first time a view asks: a reader
    /// of the deals never pays for the events' (nine times as many records).
    pub fn index(&self, records: Records) -> Arc<Index> {
        let slot = usize::from(records == Records::Events);
        if let Some(ix) = self.indexes.with_value(|all| all.get(slot).cloned().flatten()) {
            return ix;
        }
        let ix = Arc::new(Index::build(&self.dataset(), records));
        self.indexes.update_value(|all| {
            if let Some(place) = all.get_mut(slot) {
                *place = Some(ix.clone());
            }
        });
        ix
    }

    /// Changes the state and records it in the history: `Nav::Push` for a step
    /// the back button should undo (a filter, a view), `Nav::Replace` for
    /// keystrokes that should not flood the history.
    pub fn update(&self, nav: Nav, change: impl FnOnce(&mut AppState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next != self.state.get_untracked() {
            self.arrive(next, Some(nav));
        }
    }

    /// Moves to `next` (writing the address where `nav` says how) once the
    /// data it needs is in (`data::shards::needed`): at once when it is, else
    /// after its shards arrive, the view's wasm parts downloading beside them.
    /// So no view ever renders a state whose records are not loaded, and the
    /// dataset only grows (what a view has read stays true). A later change
    /// overtakes one still waiting; a download that fails shows in the view.
    pub fn arrive(&self, next: AppState, nav: Option<Nav>) {
        let needs = shards::needed(&next);
        let ticket = load::ticket();
        let app = *self;
        let enter = move |next: AppState| {
            if let Some(nav) = nav {
                router::write_url(&next, nav);
            }
            app.state.set(next);
        };
        if load::has(needs) {
            if self.data_failure.with_untracked(Option::is_some) {
                self.data_failure.set(None);
            }
            enter(next);
            return;
        }
        let view = next.view;
        // A part that does not arrive is said by the shell, which asks for it again.
        leptos::task::spawn_local(async move {
            let _ = crate::ui::views::preload(view).await;
        });
        leptos::task::spawn_local(async move {
            let outcome = load::ensure(needs).await;
            // What arrived is kept even by an overtaken change: the loader counts it as in.
            if let Some(LoadState::Ready(data)) = &outcome {
                app.grow(data.clone());
            }
            if !load::is_latest(ticket) {
                return;
            }
            let failure = outcome.filter(|o| !matches!(o, LoadState::Ready(_)));
            if failure.is_some() || app.data_failure.with_untracked(Option::is_some) {
                app.data_failure.set(failure);
            }
            enter(next);
        });
    }
}

impl AppCtx {
    /// The dataset with what has arrived. The indexes are built anew on next use:
    /// a language's layer adds the search text of its records.
    fn grow(&self, data: Arc<Dataset>) {
        self.data.set_value(data);
        self.indexes.set_value([None, None]);
    }

    /// Runs `then` once what `needs` names is in, at once when it is: for a reader's
    /// action that shows more of what the state lists (`data::shards::with_details`:
    /// a row's sources, an export). A download that fails shows in the view, as `arrive`'s.
    pub fn after_data(&self, needs: shards::Pieces, then: impl FnOnce() + 'static) {
        if load::has(needs) {
            then();
            return;
        }
        let app = *self;
        leptos::task::spawn_local(async move {
            match load::ensure(needs).await {
                Some(LoadState::Ready(data)) => {
                    app.grow(data);
                    then();
                }
                None => then(),
                Some(failure) => app.data_failure.set(Some(failure)),
            }
        });
    }
}

/// `.collect_any()`: views as `Vec<AnyView>`, where `.collect_view()` gives a `Vec<T>`.
/// Leptos compiles a list's build and diffing code once per item type; with every list
/// of one type that code exists once (measured: 288.1 -> 274.5 KB brotli for the app).
pub trait CollectAny: Iterator + Sized
where
    Self::Item: IntoAny,
{
    fn collect_any(self) -> Vec<AnyView> {
        self.map(IntoAny::into_any).collect()
    }
}

impl<I: Iterator> CollectAny for I where I::Item: IntoAny {}

/// `<Show>` without its generics: `view()` while `when()` holds (the condition memoised,
/// so the view is rebuilt only when it flips). `<Show>` keeps its children's type and is
/// compiled once per use; this is one type for every use.
pub fn show(
    when: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    show_erased(Arc::new(when), Arc::new(view))
}

type Cond = Arc<dyn Fn() -> bool + Send + Sync>;
type Build = Arc<dyn Fn() -> AnyView + Send + Sync>;

fn show_erased(when: Cond, view: Build) -> impl IntoView {
    let on = Memo::new(move |_| when());
    move || on.get().then(|| view())
}

/// `Effect::new(move |_| ...)` for an effect that keeps no value: `effect(move || ...)`. Like
/// `show`, one closure type for every use, so the framework's effect code is compiled once
/// rather than once per closure (wasm size).
pub fn effect(run: impl Fn() + 'static) {
    effect_erased(Box::new(run));
}

fn effect_erased(run: Box<dyn Fn()>) {
    Effect::new(move |_| run());
}

/// A value that follows signals, as a child or an attribute: `live(move || ...)`. Like `tr`,
/// one closure type for every use with one value type (text, a fixed string, a view), so
/// tachys' reactive code is compiled once per value type rather than once per closure.
pub fn live<T: 'static>(
    value: impl Fn() -> T + Send + Sync + 'static,
) -> impl Fn() -> T + Clone + Send + Sync + 'static {
    live_erased(Arc::new(value))
}

fn live_erased<T: 'static>(
    value: Arc<dyn Fn() -> T + Send + Sync>,
) -> impl Fn() -> T + Clone + Send + Sync + 'static {
    move || value()
}

/// A click handler: `on:click=on_click(move |_| ...)`. One handler type for every
/// click, so tachys' listener code is compiled once rather than once per closure.
pub fn on_click(
    handler: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    on_click_erased(Box::new(handler))
}

fn on_click_erased(
    handler: Box<dyn Fn(leptos::ev::MouseEvent)>,
) -> impl FnMut(leptos::ev::MouseEvent) + 'static {
    move |ev| handler(ev)
}

/// The app handle. Only call inside the app's component tree.
pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}
