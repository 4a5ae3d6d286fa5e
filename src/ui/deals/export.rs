//! The results as a file (CSV or JSON; `explore::export` writes them). Only
//! `views::export_results` calls this, so its code is in the `extras` part,
//! fetched on the first click of a Download button.

use std::sync::Arc;

use crate::data::model::Dataset;
use crate::explore::{export, Index};
use crate::state::url::AppState;

/// What a download writes: the results shown (positions in `ix`) under `state`.
pub(crate) struct Download {
    pub ds: Arc<Dataset>,
    pub ix: Arc<Index>,
    pub positions: Vec<u32>,
    pub state: AppState,
    pub json: bool,
}

pub(crate) fn download(d: Download) {
    let Download { ds, ix, positions, state, json } = d;
    let rows = export::rows(&ds, &ix, &positions);
    let extension = if json { "json" } else { "csv" };
    let name = export::file_name(&ds, &ix, &state, crate::ui::web::today(), extension);
    if json {
        crate::ui::web::download(&name, "application/json", &export::json(&rows));
    } else {
        // The byte-order mark lets spreadsheet programs read the UTF-8 (Urdu, accents).
        crate::ui::web::download(&name, "text/csv;charset=utf-8", &format!("\u{FEFF}{}", export::csv(&rows, ix.kind)));
    }
}
