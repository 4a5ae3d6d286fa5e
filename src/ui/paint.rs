//! Start-up pacing: yields between long steps, waits for a painted frame, and
//! names each step with a user-timing mark. Keeps each task short on slow phones.

use wasm_bindgen::JsCast;

/// Resolves on a later task, so the browser can paint and handle input in
/// between long pieces of start-up work (keeps each task short on slow phones).
pub async fn yield_to_browser() {
    // A promise resolved by setTimeout: gloo-timers' TimeoutFuture does the
    // same through a channel and a waker, 0.4 KB more of wasm.
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves once the browser has painted the next frame (a task after that
/// frame's animation callbacks), or after 100 ms where no frame comes (a
/// hidden page, an offscreen embed), so the work after it never waits long.
/// A plain next task may run before the frame when the frame is not due yet,
/// and then what was just rendered waits for that task to paint.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let on_frame = {
            let (window, resolve) = (window.clone(), resolve.clone());
            wasm_bindgen::closure::Closure::once_into_js(move || {
                let _ = window.set_timeout_with_callback(&resolve);
            })
        };
        let _ = window.request_animation_frame(on_frame.unchecked_ref());
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A flag that turns on once what is rendered now has been painted: for the
/// parts of a view that may come a moment after the rest, so its first render
/// is two shorter tasks and the first part reaches the screen before the second starts.
pub fn after_first_paint() -> leptos::prelude::RwSignal<bool> {
    use leptos::prelude::*;
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        after_paint().await;
        // The view may be gone by now: then there is nothing to show.
        let _ = ready.try_set(true);
    });
    ready
}

/// A user-timing mark (`performance.mark`) at a start-up step, so profiles and
/// the benchmark can tell the steps apart ("de:parsed", "de:view", …).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
