//! The dataset in layers by language (issue 17): an English reader's first
//! visit downloads no Urdu text; an Urdu reader's gets the Urdu layers and shows
//! the records in Urdu; switching language in the page fetches the Urdu layers
//! alone and shows their text without a reload; after one visit, both languages
//! work with the network cut.

use deal_explorer_e2e::bench::visible;
use deal_explorer_e2e::parts::shown;
use deal_explorer_e2e::{repo, Page, Server};
use serde_json::Value;

/// The first listed record's title (table row or card).
const FIRST_TITLE: &str = "(document.querySelector('#de-main th[scope=row] > a, #de-main .de-exp__card h3 > a')?.textContent || '')";

/// The deals' titles in `field` (`title`, `title_ur`), from the dataset the build cut.
fn deal_titles(field: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("public/data/deals.json")).expect("read the dataset");
    let tree: Value = serde_json::from_str(&text).expect("the dataset is JSON");
    let deals = tree.get("deals").and_then(Value::as_array).cloned().unwrap_or_default();
    deals.iter().filter_map(|d| d.get(field).and_then(Value::as_str).map(str::to_string)).collect()
}

/// Waits until the first listed record's title is one of `titles`; returns it.
async fn first_title_among(page: &Page, what: &str, titles: &[String]) -> String {
    let list = serde_json::to_string(titles).expect("titles as JSON");
    page.wait_for(what, &format!("const t = {FIRST_TITLE}; return {list}.includes(t) && t")).await.as_str().unwrap_or_default().to_string()
}

/// The data files among the requests sent since the last call.
async fn data_requested(page: &Page) -> Vec<String> {
    page.requested_urls().await.into_iter().filter(|u| u.contains("/data/")).collect()
}

fn is_urdu_layer(url: &str) -> bool {
    url.split("/data/").nth(1).and_then(|f| f.split('.').next()).is_some_and(|piece| piece.ends_with("-ur"))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_english_visit_fetches_no_urdu_and_switching_fetches_only_the_urdu_layers() {
    let page = Page::new_session_logging_network(1280, 900).await;
    page.goto("view=deals").await;
    let english = first_title_among(&page, "an English title", &deal_titles("title")).await;
    let first = data_requested(&page).await;
    assert!(first.iter().any(|u| u.contains("/data/deals.")), "{first:?}");
    assert!(!first.iter().any(|u| is_urdu_layer(u) || u.ends_with("/data/deals.json")), "an English visit fetched Urdu text: {first:?}");
    // Switching language is a state change that waits for its data, in the same page.
    page.js("window.deLayersMarker = 1; return true").await;
    page.by_role("combobox", "Language").await.select_by_value("ur").await.expect("choose Urdu");
    let urdu = first_title_among(&page, "the Urdu title", &deal_titles("title_ur")).await;
    assert_ne!(urdu, english);
    assert_eq!(page.js("return window.deLayersMarker === 1").await, true, "the page reloaded");
    let switched = data_requested(&page).await;
    assert!(!switched.is_empty() && switched.iter().all(|u| is_urdu_layer(u)), "{switched:?}");
    assert!(switched.iter().any(|u| u.contains("/data/deals-ur.")), "{switched:?}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_urdu_first_visit_reads_the_records_in_urdu() {
    let page = Page::new_session_logging_network(1280, 900).await;
    page.goto("lang=ur&view=deals").await;
    first_title_among(&page, "an Urdu title", &deal_titles("title_ur")).await;
    let data = data_requested(&page).await;
    for piece in ["base-ur", "deals-ur", "deals"] {
        assert!(data.iter().any(|u| u.contains(&format!("/data/{piece}."))), "{piece}: {data:?}");
    }
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_an_english_visit_both_languages_work_offline() {
    let server = Server::start("layers-offline");
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("view=deals")).await;
    first_title_among(&page, "an English title", &deal_titles("title")).await;
    page.wait_for("service worker in control", "return !!navigator.serviceWorker.controller").await;
    server.network(false);
    page.goto_url(&server.url("lang=ur&view=deals")).await;
    first_title_among(&page, "an Urdu title offline", &deal_titles("title_ur")).await;
    // Every view in Urdu (the Sources view takes the whole file) and in English (its English file).
    for query in ["lang=ur&view=timeline", "lang=ur&view=story", "lang=ur&view=sources", "lang=en&view=sources", "lang=en&view=calculator"] {
        let view = query.rsplit('=').next().unwrap_or_default();
        page.goto_url(&server.url(query)).await;
        page.wait_for(query, &format!("return {}", visible(shown(view)))).await;
        assert_eq!(page.js("return !!document.querySelector('.de-panel')").await, false, "{query}");
    }
    server.network(true);
    page.assert_no_console_errors().await;
    page.close().await;
}
