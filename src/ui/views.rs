//! The lazily loaded entries: the one door into code the first paint does not
//! need. With the `split` feature (release builds, `scripts/build-wasm.mjs`)
//! each entry is a `wasm_split` function (what Leptos's `#[lazy]` expands to,
//! in its `fallible` form), so its code moves into a wasm part of its own that
//! the browser fetches on first use; without it (development, tests, clippy)
//! the same functions are plain `async` ones in one module.
//!
//! A part that cannot be fetched (the network went before the service worker
//! had it) is a [`PartMissing`] error the caller shows with a Retry, not a
//! panic: the `fallible` form gives the loader's failure back, and a later call
//! fetches again (the loader keeps only successes).
//!
//! Only code reached solely through an entry leaves the main module: nothing
//! outside this file may name a view's components, the embed dialog or the validator.

use leptos::prelude::*;

use crate::data::json::Json;
use crate::data::validate::Problem;
use crate::state::vocab::View;

use crate::ui::calculator::CalculatorView;
use crate::ui::deals::{write_export, DealsView, Download, RecordPanel};
use crate::ui::embed::EmbedDialog;
use crate::ui::glossary::{GlossaryCtx, GlossaryModal};
use crate::ui::map::{MapView, PlaceDetails};
use crate::ui::sources::SourcesView;
use crate::ui::story::StoryView;
use crate::ui::timeline::{EventDetails, TimelineView};

/// A wasm part that did not arrive; asking again fetches it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// One entry: `fn $name($args) -> Result<$out, PartMissing>`, split off into
/// the part `[$part]` in split builds, async either way.
macro_rules! entry {
    ([$part:ident] $vis:vis fn $name:ident ( $($arg:ident : $ty:ty),* ) -> $out:ty $body:block) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$out, PartMissing> {
            let out: $out = $body;
            Ok(out)
        }
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$out, PartMissing> {
            let out: $out = $body;
            Ok(out)
        }
    };
    ($name:ident, $component:ident) => {
        entry!([$name] fn $name() -> AnyView { view! { <$component/> }.into_any() });
    };
}

entry!(deals, DealsView);
entry!(timeline, TimelineView);
entry!(map, MapView);
entry!(story, StoryView);
entry!(calculator, CalculatorView);
entry!(sources, SourcesView);

async fn render(view: View) -> Result<AnyView, PartMissing> {
    match view {
        View::Deals => deals().await,
        View::Timeline => timeline().await,
        View::Map => map().await,
        View::Story => story().await,
        View::Calculator => calculator().await,
        View::Sources => sources().await,
    }
}

/// What a future gives on its first poll, or `None` if it would wait. A
/// loaded part's entry is ready at once: nothing waits, nothing wakes, and the
/// view renders in the caller's reactive scope as a plain component call would.
fn now<T>(future: impl std::future::Future<Output = Result<T, PartMissing>>) -> Option<T> {
    use std::task::{Context, Poll, Waker};
    match std::pin::pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(result) => result.ok(),
        Poll::Pending => None,
    }
}

/// A view whose part has arrived (`preload`), rendered now; `None` while its
/// part is still on its way.
pub fn render_loaded(view: View) -> Option<AnyView> {
    now(render(view))
}

/// Fetches a view's part without rendering it, so the shell can wait for it
/// before it replaces the placeholder (no empty frame, no layout shift).
pub async fn preload(view: View) -> Result<(), PartMissing> {
    #[cfg(feature = "split")]
    match view {
        View::Deals => __wasm_split_preload_deals().await?,
        View::Timeline => __wasm_split_preload_timeline().await?,
        View::Map => __wasm_split_preload_map().await?,
        View::Story => __wasm_split_preload_story().await?,
        View::Calculator => __wasm_split_preload_calculator().await?,
        View::Sources => __wasm_split_preload_sources().await?,
    }
    #[cfg(not(feature = "split"))]
    let _ = view;
    Ok(())
}

// The embed dialog and the validator share one part, `extras`: wasm-split
// makes a part for every set of entries sharing code, and with a part each
// they made the deals view fetch 22 parts instead of 8 (each request a round
// trip on a slow network; measured below in ARCHITECTURE.md).
entry!([extras] fn embed(open: RwSignal<bool>) -> AnyView { view! { <EmbedDialog open=open/> }.into_any() });

/// Fetches the embed dialog's part (the header's Embed button waits for it).
pub async fn preload_embed_dialog() -> Result<(), PartMissing> {
    #[cfg(feature = "split")]
    __wasm_split_preload_embed().await?;
    Ok(())
}

/// The embed dialog, once its part is in (`preload_embed_dialog`), open while `open` is.
pub fn render_embed_dialog(open: RwSignal<bool>) -> Option<AnyView> {
    now(embed(open))
}

// The Glossary dialog and its table of terms: the footer, a term's "In the
// glossary" or a `#glossary-<id>` address open it (`ui::glossary`).
entry!([extras] fn glossary_dialog(g: GlossaryCtx) -> AnyView { view! { <GlossaryModal g/> }.into_any() });

/// Fetches the Glossary dialog's part (opening it waits for it).
pub async fn preload_glossary_dialog() -> Result<(), PartMissing> {
    #[cfg(feature = "split")]
    __wasm_split_preload_glossary_dialog().await?;
    Ok(())
}

/// The Glossary dialog, once its part is in (`preload_glossary_dialog`).
pub fn render_glossary_dialog(g: GlossaryCtx) -> Option<AnyView> {
    now(glossary_dialog(g))
}

// The validator: every problem in the tree. The release build validated the
// published bytes, so a reader fetches it only for a dataset edited after the
// build (`ui::load`).
entry!([extras] pub fn validate(tree: &Json) -> Vec<Problem> { crate::data::validate::validate(tree) });

// The deals view's record panel (part `panel`): shown only once a reader opens a record (or
// an address names one), so a first visit to the list does not fetch it.
entry!([panel] fn record_panel() -> AnyView { view! { <RecordPanel/> }.into_any() });

/// Fetches the deals view's record panel.
pub async fn preload_record_panel() -> Result<(), PartMissing> {
    #[cfg(feature = "split")]
    __wasm_split_preload_record_panel().await?;
    Ok(())
}

/// The deals view's record panel, once its part is in (`preload_record_panel`),
/// rendered in the caller's scope (it reads the deals view's context).
pub fn render_record_panel() -> Option<AnyView> {
    now(record_panel())
}

// The deals view's download of its results (CSV, JSON): the writing and the
// file, in the rare actions' part (`extras`), fetched on the first click.
entry!([extras] pub(crate) fn export_results(download: Download) -> () { write_export(download) });

/// A part that only a reader's action needs: fetched the first time `wanted`
/// holds, then `render` draws it in the caller's scope (it may read the
/// caller's context); nothing until it has arrived. A part that does not arrive
/// is asked for again on the next change of what `wanted` reads.
pub fn on_demand<F>(wanted: impl Fn() -> bool + 'static, preload: fn() -> F, render: fn() -> Option<AnyView>) -> AnyView
where
    F: std::future::Future<Output = Result<(), PartMissing>> + 'static,
{
    let ready = RwSignal::new(false);
    let asking = StoredValue::new(false);
    Effect::new(move |_| {
        if !wanted() || ready.get_untracked() || asking.get_value() {
            return;
        }
        asking.set_value(true);
        leptos::task::spawn_local(async move {
            let arrived = preload().await.is_ok();
            asking.set_value(false);
            ready.set(arrived);
        });
    });
    (move || ready.get().then(render).flatten()).into_any()
}

// The timeline's event details (part `event`): shown once a reader opens an event
// (or an address names one), so the chart and list do not wait for them.
entry!([event] fn event_details() -> AnyView { view! { <EventDetails/> }.into_any() });

/// Fetches the timeline's event details.
pub async fn preload_event_details() -> Result<(), PartMissing> {
    #[cfg(feature = "split")]
    __wasm_split_preload_event_details().await?;
    Ok(())
}

/// The timeline's event details, once their part is in (`preload_event_details`).
pub fn render_event_details() -> Option<AnyView> {
    now(event_details())
}

// The map's place details (part `place`): shown once a reader opens a place.
entry!([place] fn place_details() -> AnyView { view! { <PlaceDetails/> }.into_any() });

/// Fetches the map's place details.
pub async fn preload_place_details() -> Result<(), PartMissing> {
    #[cfg(feature = "split")]
    __wasm_split_preload_place_details().await?;
    Ok(())
}

/// The map's place details, once their part is in (`preload_place_details`).
pub fn render_place_details() -> Option<AnyView> {
    now(place_details())
}
