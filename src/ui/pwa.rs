//! Offline support at the page's edge: registers the service worker
//! (`sw.js`, written by the post-build hook in release builds only, which also
//! name it in a `<meta name="de-service-worker">` of the page), reports
//! a waiting newer version, and follows the network state.
//!
//! A new version never takes over by itself: its worker waits until the
//! reader presses Reload; then it is told to skip waiting and the page reloads
//! once it controls the page, so old and new files are never mixed.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};

use crate::i18n::embed::text;
use crate::ui::context::{use_app, show, on_click};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// What the shell shows: a waiting update, and whether the network is there.
#[derive(Clone, Copy)]
pub struct Pwa {
    pub update_ready: RwSignal<bool>,
    pub online: RwSignal<bool>,
}

/// Starts everything once per page and provides the handle as context.
pub fn start() -> Pwa {
    let pwa = Pwa { update_ready: RwSignal::new(false), online: RwSignal::new(window().navigator().on_line()) };
    let online = pwa.online;
    std::mem::forget(window_event_listener(leptos::ev::online, move |_| online.set(true)));
    std::mem::forget(window_event_listener(leptos::ev::offline, move |_| online.set(false)));
    // Release builds name their worker in the page (scripts/post-build.mjs).
    let script = document()
        .query_selector("meta[name=de-service-worker]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"));
    if let (Some(container), Some(script)) = (container(), script) {
        spawn_local(register(container, script, pwa.update_ready));
    }
    provide_context(pwa);
    pwa
}

/// `navigator.serviceWorker`, where it exists: it throws in opaque-origin
/// sandboxes and is missing on insecure origins, so read it reflectively.
fn container() -> Option<ServiceWorkerContainer> {
    js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("serviceWorker")).ok()?.dyn_into().ok()
}

/// Whether a service worker controls the page (it answers from its precache).
pub(crate) fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

fn listen(target: &web_sys::EventTarget, event: &'static str, mut handler: impl FnMut() + 'static) {
    // Lives as long as the page.
    gloo_events::EventListener::new(target, event, move |_| handler()).forget();
}

fn is_installed(worker: &ServiceWorker) -> bool {
    js_sys::Reflect::get(worker, &JsValue::from_str("state")).ok().and_then(|s| s.as_string()).as_deref()
        == Some("installed")
}

/// Resolves once the page's own downloads are done (the `load` event; the
/// loader's dataset preload delays it too), so precaching the whole build never
/// competes with the first visit's wasm and data on a slow connection.
async fn page_loaded() {
    if document().ready_state() == "complete" {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let once = web_sys::AddEventListenerOptions::new();
        once.set_once(true);
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options("load", &resolve, &once);
    });
    let _ = JsFuture::from(promise).await;
}

async fn register(container: ServiceWorkerContainer, script: String, update_ready: RwSignal<bool>) {
    page_loaded().await;
    // Relative to the page, so the scope is the deployment's folder. A failure
    // (blocked storage, a host that does not serve it) only costs offline use.
    let Ok(registration) = JsFuture::from(container.register(&script)).await else { return };
    let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
    let controlled = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    // A worker that reaches "installed" while another controls the page is an update.
    let watch = move |worker: ServiceWorker| {
        let (w, controlled) = (worker.clone(), controlled.clone());
        if is_installed(&w) && controlled() {
            update_ready.set(true);
        }
        listen(&worker, "statechange", move || {
            if is_installed(&w) && controlled() {
                update_ready.set(true);
            }
        });
    };
    // The browser may have found the update before this code ran.
    for worker in [registration.waiting(), registration.installing()].into_iter().flatten() {
        watch(worker);
    }
    let reg = registration.clone();
    listen(&registration, "updatefound", move || {
        if let Some(worker) = reg.installing() {
            watch(worker);
        }
    });
    // A tab left open finds a new deployment when the reader comes back to it.
    let reg = registration.clone();
    listen(&document(), "visibilitychange", move || {
        if let (false, Ok(check)) = (document().hidden(), reg.update()) {
            // Offline, the check fails: nothing to report.
            spawn_local(async move { drop(JsFuture::from(check).await) });
        }
    });
    listen(&container, "controllerchange", || {
        if RELOAD_REQUESTED.with(Cell::get) {
            let _ = window().location().reload();
        }
    });
    REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
}

/// Lets the waiting version take over, then reloads (on `controllerchange`).
pub fn apply_update() {
    RELOAD_REQUESTED.with(|r| r.set(true));
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str("SKIP_WAITING"));
    match waiting.map(|w| w.post_message(&message)) {
        Some(Ok(())) => {}
        _ => {
            let _ = window().location().reload();
        }
    }
}

/// The update banner and the offline notice, each a polite live region.
#[component]
pub fn PwaNotices() -> impl IntoView {
    let app = use_app();
    let pwa = use_context::<Pwa>();
    let update_ready = move || pwa.is_some_and(|p| p.update_ready.get());
    let offline = move || pwa.is_some_and(|p| !p.online.get());
    view! {
        <div class="de-pwa" role="status">
            {show(update_ready, move || view! {
                <p class="de-pwa-update">
                    <span>{app.tr(|l| text(l).update_available)}</span>
                    <button type="button" class="de-primary" on:click=on_click(|_| apply_update())>{app.tr(|l| text(l).reload)}</button>
                </p>
            }.into_any())}
            {show(offline, move || view! {
                <p class="de-pwa-offline"><span>{app.tr(|l| text(l).offline)}</span><crate::ui::embed::AsOfBadge/></p>
            }.into_any())}
        </div>
    }
}
