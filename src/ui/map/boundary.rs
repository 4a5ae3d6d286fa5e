//! The boundary file, fetched by this view only (relative to the page, so it
//! works under any sub-path; the service worker precaches it with every file
//! of the build, so the map opens offline after one visit), read once per page.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::data::json_text;
use crate::geo::boundary::{Boundaries, BoundaryError};

pub const BOUNDARIES_URL: &str = "data/boundaries.json";

/// Why the map has no boundaries; the view says so and keeps the list.
#[derive(Clone, Debug, PartialEq)]
pub enum MapLoadError {
    /// Not fetched: offline on a first visit, or the server's status.
    Unreachable(String),
    /// Fetched, but not JSON (the parser's line and column).
    Syntax(String),
    /// JSON, but not a boundary file.
    Shape(BoundaryError),
}

impl MapLoadError {
    /// The technical detail shown inside the catalogue's sentence.
    pub fn detail(&self) -> String {
        match self {
            MapLoadError::Unreachable(why) | MapLoadError::Syntax(why) => why.clone(),
            MapLoadError::Shape(BoundaryError::Shape) => format!("{BOUNDARIES_URL}: regions"),
            MapLoadError::Shape(BoundaryError::NoRegions) => format!("{BOUNDARIES_URL}: 0 regions"),
        }
    }
}

pub type Loaded = Result<Arc<Boundaries>, MapLoadError>;

thread_local! {
    static READ: RefCell<Option<Arc<Boundaries>>> = const { RefCell::new(None) };
}

fn unreachable(e: JsValue) -> MapLoadError {
    let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string());
    MapLoadError::Unreachable(message.unwrap_or_else(|| BOUNDARIES_URL.to_string()))
}

async fn fetch() -> Loaded {
    let window = web_sys::window().ok_or_else(|| MapLoadError::Unreachable(BOUNDARIES_URL.to_string()))?;
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str(BOUNDARIES_URL)).await.map_err(unreachable)?.dyn_into().map_err(unreachable)?;
    if !response.ok() {
        return Err(MapLoadError::Unreachable(format!("HTTP {} for {BOUNDARIES_URL}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(unreachable)?).await.map_err(unreachable)?.as_string().unwrap_or_default();
    let tree = json_text::parse(&text, crate::ui::load::engine_number).map_err(|e| MapLoadError::Syntax(format!("{BOUNDARIES_URL} {}:{}: {}", e.line, e.column, e.message)))?;
    Boundaries::read(&tree).map(Arc::new).map_err(MapLoadError::Shape)
}

/// The boundaries: `None` while on their way; read once, kept for the page's life.
pub fn boundaries() -> RwSignal<Option<Loaded>> {
    let read = READ.with(|r| r.borrow().clone());
    let out = RwSignal::new(read.clone().map(Ok));
    if read.is_none() {
        spawn_local(async move {
            let loaded = fetch().await;
            if let Ok(b) = &loaded {
                READ.with(|r| *r.borrow_mut() = Some(b.clone()));
            }
            out.try_set(Some(loaded));
        });
    }
    out
}
