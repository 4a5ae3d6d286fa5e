//! The app shell: views load with no console errors, navigation by role and
//! name, state in the URL, back/forward, bad parameters ignored, a first
//! render in parts that shifts nothing.

use deal_explorer_e2e::Page;

#[tokio::test(flavor = "multi_thread")]
async fn deals_and_sources_views_load_without_console_errors() {
    let page = Page::open("").await;
    page.by_role("link", "Deals").await;
    let sources = page.by_role("link", "Sources").await;
    assert_eq!(page.js("return document.querySelectorAll('h1').length").await, 1, "exactly one h1");
    sources.click().await.expect("click Sources");
    page.wait_for("sources list", "return document.querySelectorAll('.de-source').length > 20").await;
    assert_eq!(page.query().await, "view=sources");
    // Every source has a link to an http(s) URL.
    let non_http = page.js("return [...document.querySelectorAll('.de-source__title a')].filter(a => !/^https?:/.test(a.href)).length").await;
    assert_eq!(non_http, 0);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_shipped_dataset_is_validated_at_build_not_again_in_the_browser() {
    let page = Page::open("view=timeline").await;
    page.wait_for("the timeline", "return document.querySelector('.de-tl-svg .de-tl-mark')").await;
    let recorded = page.js("return document.querySelector('meta[name=de-data-validated]')?.content").await;
    assert_eq!(recorded.as_str().map(str::len), Some(16), "the page records the start of the validated dataset's SHA-256: {recorded}");
    assert_eq!(page.js(deal_explorer_e2e::VALIDATION_MARKS).await, deal_explorer_e2e::serde_json::json!([0, 1]), "validator run, skipped");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn back_and_forward_follow_the_views() {
    let page = Page::open("view=sources").await;
    page.wait_for("sources", "return document.querySelector('.de-source')").await;
    page.by_role("link", "Deals").await.click().await.expect("click Deals");
    page.wait_for("deals view", "return !document.querySelector('.de-source')").await;
    assert_eq!(page.query().await, "");
    page.client.back().await.expect("back");
    page.wait_for("sources again", "return document.querySelector('.de-source')").await;
    assert_eq!(page.query().await, "view=sources");
    page.client.forward().await.expect("forward");
    page.wait_for("deals again", "return !document.querySelector('.de-source')").await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_parameters_are_ignored() {
    let page = Page::open("view=nope&lang=xx&theme=<b>&from=2025-99-99&embed=maybe&zzz=1").await;
    // Falls back to the default view, English, automatic theme.
    assert!(page.has_role("link", "Deals").await);
    assert_eq!(page.js("return document.documentElement.lang").await, "en");
    assert_eq!(page.js("return document.querySelector('.de-app').dataset.theme").await, "auto");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn urdu_sets_the_document_direction() {
    let page = Page::open("lang=ur&view=sources").await;
    assert_eq!(page.js("return document.documentElement.lang").await, "ur");
    assert_eq!(page.js("return document.documentElement.dir").await, "rtl");
    page.by_role("link", "ذرائع").await;
    page.assert_no_console_errors().await;
    page.close().await;
}

/// The first render comes in several tasks (the chrome, the view, then the deals
/// view's filter groups or the timeline's list, then the footer). Nothing that
/// was painted may move when a later part arrives. Checked frame by frame (the
/// Layout Instability API reports nothing under chromedriver): each part's
/// place on the page, from the frame it first shows, on a 4× throttled CPU
/// where the tasks are far apart, wide and narrow.
#[tokio::test(flavor = "multi_thread")]
async fn first_render_in_parts_moves_nothing() {
    for (query, width, height) in [("view=deals", 1280, 900), ("view=deals", 412, 823), ("view=timeline", 1280, 900), ("view=timeline", 360, 800)] {
        let page = Page::new_session(width, height).await;
        deal_explorer_e2e::bench::throttle_cpu(&page, 4.0).await;
        page.before_each_document(
            "window.__moved = []; const seen = new Map();
             const parts = ['.de-header', '.de-nav', '.de-exp__toolbar', '.de-exp__results', '.de-tl-count', '.de-tl-svg', '.de-tl-list', '.de-footer'];
             const tick = () => {
               for (const sel of parts) {
                 const el = document.querySelector(sel);
                 if (!el || !el.getClientRects().length) continue;
                 const top = Math.round(el.getBoundingClientRect().top + scrollY);
                 if (!seen.has(sel)) seen.set(sel, top);
                 else if (seen.get(sel) !== top) { window.__moved.push(sel + ' ' + seen.get(sel) + ' → ' + top); seen.set(sel, top); }
               }
               requestAnimationFrame(tick);
             };
             requestAnimationFrame(tick);",
        )
        .await;
        page.goto(query).await;
        page.wait_for("the footer, the last part", "return document.querySelector('.de-footer')").await;
        // Two more frames, for a move that the footer's arrival would cause.
        page.client
            .execute_async("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", vec![])
            .await
            .expect("frames");
        let moved = page.js("return window.__moved").await;
        assert_eq!(moved, deal_explorer_e2e::serde_json::json!([]), "parts moved on ?{query} at {width}×{height}");
        page.close().await;
    }
}
