//! Size guard: the release wasm, brotli-compressed as `dist/` serves it, stays
//! under its budget, so no change bloats it unnoticed. (Speed lives in
//! `make bench`, never in tests.)

use deal_explorer_e2e::dist;

/// Brotli bytes the release wasm may weigh. The product target (issue 7) is
/// 90 KB; the app measured 223.9 KB (dist's own .br) when this guard was last
/// lowered (298.7 KB when it was set), so the guard holds the line at today's
/// size plus a little room while the target is worked towards. Lower it
/// whenever the wasm shrinks; never raise it without saying why in the commit.
/// Raised 240 → 264 KB on 2026-12-07 for the dated calculator, the searchable
/// Sources view, the phone header and the Urdu fields (261.8 KB measured);
/// splitting the wasm per view (issue 17) replaces it with per-part budgets.
/// Raised 264 → 272 KB for issue 21's sharing (page titles, Copy link, the
/// exports' names and columns): 261.8 → 267.4 KB measured. Raised 272 → 276 KB
/// for issue 21's background deals and figures that say what they are (the
/// switch, the value's kind, confidence and meaning in rows and details, the
/// ranking within a kind): 269.8 → 274.7 KB measured.
/// Raised 276 → 286 KB for issue 21's glossary: its table of 11 terms with
/// their meanings in English and Urdu about 3.9 KB (measured with the table
/// emptied), the term buttons, the dialog and its openers about 4 KB, and room
/// for the two-outcome sentences still to come.
/// Raised 286 → 290 KB for issue 21's timeline opening (the story window and
/// "All years", the fold of the earlier events, the year chips, the active
/// filters): 283.3 → 288.3 KB measured (main 5364c98 and this change).
const WASM_BROTLI_BUDGET: u64 = 290 * 1024;

#[test]
fn release_wasm_stays_under_its_budget() {
    let dir = dist();
    let wasm_br: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (run make dist)", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with("_bg.wasm.br"))
        .collect();
    assert_eq!(wasm_br.len(), 1, "expected one precompressed wasm in {}: {wasm_br:?}", dir.display());
    let bytes = std::fs::metadata(&wasm_br[0]).map(|m| m.len()).unwrap_or(u64::MAX);
    assert!(
        bytes <= WASM_BROTLI_BUDGET,
        "the wasm is {:.1} KB brotli, over its {:.1} KB budget",
        bytes as f64 / 1024.0,
        WASM_BROTLI_BUDGET as f64 / 1024.0
    );
}
