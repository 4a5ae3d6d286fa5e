//! Each view's entry: the one door into a view's code. With the `split`
//! feature (release builds, `scripts/build-wasm.mjs`) each entry is a Leptos
//! `#[lazy]` function, so its view's code moves into a wasm part of its own that
//! the browser fetches on first use; without it (development, tests, clippy)
//! the same functions are plain `async` ones in one module.
//!
//! Only code reached solely through an entry leaves the main module: nothing
//! outside a view's folder may name its components.

use leptos::prelude::*;

use crate::state::vocab::View;

use crate::ui::calculator::CalculatorView;
use crate::ui::deals::DealsView;
use crate::ui::sources::SourcesView;
use crate::ui::timeline::TimelineView;

/// One entry: a lazy function (split builds) rendering one view's component.
macro_rules! entry {
    ($name:ident, $component:ident) => {
        #[cfg_attr(feature = "split", lazy)]
        async fn $name() -> AnyView {
            view! { <$component/> }.into_any()
        }
    };
}

entry!(deals, DealsView);
entry!(timeline, TimelineView);
entry!(calculator, CalculatorView);
entry!(sources, SourcesView);

async fn render(view: View) -> AnyView {
    match view {
        View::Deals => deals().await,
        View::Timeline => timeline().await,
        View::Calculator => calculator().await,
        View::Sources => sources().await,
    }
}

/// A view whose part has arrived (`preload`), rendered now, in the caller's
/// reactive scope as a plain component call would be; `None` while its part
/// is still on its way.
pub fn render_loaded(view: View) -> Option<AnyView> {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    // A loaded part's entry is ready on its first poll: nothing waits, nothing wakes.
    match std::pin::pin!(render(view)).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(view) => Some(view),
        Poll::Pending => None,
    }
}

/// Fetches a view's part without rendering it, so the shell can wait for it
/// before it replaces the placeholder (no empty frame, no layout shift).
pub async fn preload(view: View) {
    #[cfg(feature = "split")]
    match view {
        View::Deals => __preload_deals().await,
        View::Timeline => __preload_timeline().await,
        View::Calculator => __preload_calculator().await,
        View::Sources => __preload_sources().await,
    }
    #[cfg(not(feature = "split"))]
    let _ = view;
}
