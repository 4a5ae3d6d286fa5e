//! Start-up data loading in headless Chromium (run by `make bench`, release
//! profile): the published dataset through each step of the app's path —
//! parsing the text into the tree, validation, decoding — and the whole, with
//! the browser's `JSON.parse` alone for comparison; printed for people to read.
//! Asserts no time.
#![cfg(target_arch = "wasm32")]

use deal_explorer::bench::median_ms;
use deal_explorer::data::decode::decode;
use deal_explorer::data::json_text::{self, std_parse_number};
use deal_explorer::data::validate::validate;
use deal_explorer::ui::load;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PUBLISHED: &str = include_str!("../public/data/deals.json");

fn now() -> f64 {
    js_sys::Date::now()
}

#[wasm_bindgen_test]
fn dataset_loading_figures() {
    let tree = json_text::parse(PUBLISHED, std_parse_number).expect("parses");
    // Date.now() has 1 ms steps, so each sample times a batch of 10 calls.
    let time = |f: &mut dyn FnMut() -> usize| median_ms(11, 10, now, f).0;
    let js_parse = time(&mut || js_sys::JSON::parse(PUBLISHED).map_or(0, |v| usize::from(v.is_object())));
    let parse = time(&mut || json_text::parse(PUBLISHED, std_parse_number).map_or(0, |_| 1));
    let check = time(&mut || validate(&tree).len());
    let typed = time(&mut || decode(&tree).map_or(0, |ds| ds.deals.len()));
    let whole = time(&mut || load::parse_and_validate(PUBLISHED).map_or(0, |ds| ds.deals.len()));
    console_log!("published dataset, {} KB: ms per step", PUBLISHED.len() / 1024);
    console_log!("parse to tree | validate | decode | whole load || (the browser's JSON.parse alone)");
    console_log!("{parse:.2} | {check:.2} | {typed:.2} | {whole:.2} || ({js_parse:.2})");
    assert!(load::parse_and_validate(PUBLISHED).is_ok(), "the published dataset loads");
}
