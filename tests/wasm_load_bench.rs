//! Start-up data loading in headless Chromium (run by `make bench`, release
//! profile): the published dataset through each step of the app's path —
//! `JSON.parse`, conversion to the tree, validation, decoding — and the whole,
//! printed for people to read. Asserts no time.
#![cfg(target_arch = "wasm32")]

use deal_explorer::bench::median_ms;
use deal_explorer::data::decode::decode;
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
    let value = js_sys::JSON::parse(PUBLISHED).expect("parses");
    let tree = load::to_tree(&value).expect("converts");
    // Date.now() has 1 ms steps, so each sample times a batch of 10 calls.
    let time = |f: &mut dyn FnMut() -> usize| median_ms(11, 10, now, f).0;
    let parse = time(&mut || js_sys::JSON::parse(PUBLISHED).map_or(0, |v| usize::from(v.is_object())));
    let convert = time(&mut || load::to_tree(&value).map_or(0, |_| 1));
    let check = time(&mut || validate(&tree).len());
    let typed = time(&mut || decode(&tree).map_or(0, |ds| ds.deals.len()));
    let whole = time(&mut || load::parse_and_validate(PUBLISHED).map_or(0, |ds| ds.deals.len()));
    console_log!("published dataset, {} KB: ms per step", PUBLISHED.len() / 1024);
    console_log!("JSON.parse | convert to tree | validate | decode | whole load");
    console_log!("{parse:.2} | {convert:.2} | {check:.2} | {typed:.2} | {whole:.2}");
    assert!(load::parse_and_validate(PUBLISHED).is_ok(), "the published dataset loads");
}
