//! The app shell: views load with no console errors, navigation by role and
//! name, state in the URL, back/forward, bad parameters ignored.

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
