//! Size guard, per part: the release build's main wasm and each view's first
//! load (everything a first visit to that view fetches: page, loader, glue,
//! its first-visit bundle of the main wasm and the view's parts, its data shards), brotli-compressed as `dist/` serves
//! them, stay under their budgets, so no change bloats one unnoticed. (Speed
//! lives in `make bench`, never in tests.)
//!
//! Budgets are today's size plus a little room (issue 17's targets: 160 KB for
//! any view, 140 KB for the deals view). Lower one whenever its part shrinks;
//! never raise one without saying why in the commit.

use deal_explorer_e2e::dist;
use deal_explorer_e2e::parts::{brotli_bytes, files, first_load, part_views, VIEWS};

const KB: u64 = 1024;

/// The main wasm: the shell, data loading, formatting and the framework.
/// Measured 138.0 KB on 2026-12-07 (issue 17's split, with issue 21's glossary);
/// 115.3 KB once the validator and the embed dialog became parts of their own;
/// 116.9 with issue 18's places, place filter and "Cite this", then 122.5 with the
/// data loaded by view (issue 17: the shard list, the loader joining the shards a
/// state needs, the state's wait for them, the failure said in the view).
/// Then 116.7: Debug formatting and the explorer's catalogue out of it, the glossary
/// dialog in the `extras` part, the shell's settings one function (+1.6 for the layers).
/// Then 110.9: short import names, unused exports dropped, one loader wait per step,
/// one failure panel, one effect type for the shell.
/// Then 110.3: the element segments that only write nulls and the unread exports dropped,
/// the read exports one letter (dbc6842).
const MAIN_WASM_BUDGET: u64 = 113 * KB;

/// Each view's first load, measured on 2026-12-07 (issue 17's split, with
/// issue 21's glossary and timeline opening): deals 310.6 KB, timeline 296.3, calculator 293.8,
/// sources 254.9 (one module held every view before, about 355 KB for any;
/// the dataset is 64.5 KB of each). Then deals 315.0 and timeline 303.1: the
/// glossary's term buttons came to the record panel and the timeline's details
/// (their code now in a part those views share with the calculator), and the
/// timeline prints its folded events. Then deals 312.4, timeline 298.1,
/// calculator 288.5, sources 245.8: the validator and the embed dialog left
/// the main module, the boot script lists each view's parts. Then deals
/// 315.4, timeline 301.0, calculator 291.2, sources 248.6: the dataset's places
/// (issue 18) took it from 64.7 to 66.8 KB and the main wasm to 116.1. Then
/// deals 323.4, timeline 304.1 (main wasm 116.9): the place filter (a seventh
/// facet, its group and its removable buttons above the deals) and "Cite this"
/// (the citation text in English and Urdu, the copy button shared with Copy link)
/// in the record panel and the timeline's details. Then issue 18's Story view: deals 330.8,
/// timeline 312.0, story 244.8, calculator 298.4, sources 255.4. The story's 2.0 KB of dataset
/// reach every view; the rest is the split: code the story shares with a view (source links,
/// glossary terms, record links, dates) left that view's parts for parts shared with the story.
/// Then each view its own data shards instead of the whole 68.8 KB (deals 38.2 KB of
/// data, timeline 44.1, story 68.5, calculator 52.4; the Sources view needs every kind
/// and takes the whole file, smaller than the shards together) and the main wasm 122.5:
/// deals 305.7, timeline 292.6, story 249.8, calculator 286.2, sources 260.6.
/// Then issue 18's Map view: map 306.7 (its own part 35.7, the boundary file 3.0), deals 312.9,
/// timeline 301.3, story 254.8, calculator 291.3, sources 263.8 (main wasm 122.7): the code the
/// map shares (explorer engine, formatting, links, width measurement) is cut into finer shared
/// parts (a deals visit fetches 47 parts, each with its own tables and calls through exports).
/// Then a first visit's wasm in one download (the main wasm and the view's parts in one
/// bundle, one compression context): deals 314.5 -> 286.6, timeline 303.0 -> 277.8, map
/// 307.6 -> 287.5, story 253.0 -> 241.9, calculator 289.2 -> 272.2, sources 263.0 -> 253.1.
/// Then the data in layers (an English reader gets no `_ur` text; the deals list and the
/// map only the sources' ids until a reader opens them), no Rust float printing in the
/// views, the deals record panel in a part of its own and a smaller main module (09d8b0c):
/// deals 241.0, timeline 263.1, map 249.6, story 218.6, calculator 259.3, sources 220.4.
/// Then minified JS and short import names, each view's stylesheet with its view, deals,
/// events, parties and places in brief, one sort, no float printing in the views, the
/// download and the timeline's and map's details in parts fetched on use (6ab79a4):
/// deals 210.1, timeline 213.2, map 207.6, story 188.0, calculator 232.6, sources 205.8.
/// Then the sources' details cut by who cites them, the Urdu in brief and detail, the Sources
/// view's, the panel's and the dialogs' stylesheets with their part, 16-hex digests and 8-hex
/// part names, no Unicode case tables or libm in the calculator's and map's parts (dbc6842):
/// deals 207.3, timeline 209.5, map 202.8, story 174.1, calculator 216.2, sources 203.6.
const FIRST_LOAD_BUDGETS: [(&str, u64); 6] = [
    ("deals", 211 * KB),
    ("timeline", 213 * KB),
    ("map", 206 * KB),
    ("story", 178 * KB),
    ("calculator", 220 * KB),
    ("sources", 207 * KB),
];

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[test]
fn the_main_wasm_stays_under_its_budget() {
    let dir = dist();
    let main: Vec<String> = files(&dir).into_iter().filter(|f| f.starts_with("deal-explorer-") && f.ends_with("_bg.wasm")).collect();
    assert_eq!(main.len(), 1, "expected one main wasm in {}: {main:?}", dir.display());
    let bytes = main.first().map(|f| brotli_bytes(&dir, f)).unwrap_or(u64::MAX);
    assert!(bytes <= MAIN_WASM_BUDGET, "the main wasm is {} brotli, over its {} budget", kb(bytes), kb(MAIN_WASM_BUDGET));
}

#[test]
fn each_view_has_its_own_part_and_a_first_load_under_its_budget() {
    let dir = dist();
    let all = files(&dir);
    for (view, budget) in FIRST_LOAD_BUDGETS {
        assert!(VIEWS.contains(&view), "{view}");
        // The split happened: the view has a part no other view loads.
        assert!(
            all.iter().any(|f| part_views(f).is_some_and(|v| v == [view])),
            "no part of {view} alone in {}: is the build split?",
            dir.display()
        );
        let load = first_load(&dir, view);
        let bytes: u64 = load.iter().map(|f| brotli_bytes(&dir, f)).sum();
        assert!(bytes <= budget, "a first visit to {view} fetches {} brotli, over its {} budget: {load:?}", kb(bytes), kb(budget));
    }
}
