//! The dataset in layers by language and by field (issue 17): an English
//! reader's first visit downloads no Urdu text; an Urdu reader's gets the Urdu
//! layers and shows the records in Urdu; switching language in the page fetches
//! the Urdu layers (and the deals' details) and shows their text without a reload; the deals list
//! fetches the sources' details only when a reader opens a row's sources or a
//! deal; the timeline lists events in brief and fetches their details when one
//! opens; the story and the calculator fetch the details of the sources they show, not the others'; after one
//! visit, both languages work with the network cut.

use deal_explorer_e2e::bench::visible;
use deal_explorer_e2e::parts::shown;
use deal_explorer_e2e::{repo, Page, Server};
use serde_json::Value;

/// The first listed record's title (table row or card).
const FIRST_TITLE: &str = "(document.querySelector('#de-main th[scope=row] > a, #de-main .de-exp__card h3 > a')?.textContent || '')";

/// The records' texts in `field` (`title`, `title_ur`) of a `kind` (`deals`, `sources`), from the dataset the build cut.
fn texts(kind: &str, field: &str) -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("public/data/deals.json")).expect("read the dataset");
    let tree: Value = serde_json::from_str(&text).expect("the dataset is JSON");
    let records = tree.get(kind).and_then(Value::as_array).cloned().unwrap_or_default();
    records.iter().filter_map(|d| d.get(field).and_then(Value::as_str).map(str::to_string)).collect()
}

fn deal_titles(field: &str) -> Vec<String> {
    texts("deals", field)
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

/// A first visit to `query` in a fresh browser, once its first listed record's title
/// is one of `titles`: the page and the data files it fetched.
async fn first_visit(query: &str, titles: &[String]) -> (Page, Vec<String>) {
    let page = Page::new_session_logging_network(1280, 900).await;
    page.goto(query).await;
    first_title_among(&page, query, titles).await;
    let data = data_requested(&page).await;
    (page, data)
}

fn is_urdu_layer(url: &str) -> bool {
    url.split("/data/").nth(1).and_then(|f| f.split('.').next()).is_some_and(|piece| piece.ends_with("-ur"))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_english_visit_fetches_no_urdu_and_switching_fetches_only_the_urdu_layers() {
    let (page, first) = first_visit("view=deals", &deal_titles("title")).await;
    let english = page.js(&format!("return {FIRST_TITLE}")).await;
    assert!(first.iter().any(|u| u.contains("/data/deals.")), "{first:?}");
    assert!(!first.iter().any(|u| is_urdu_layer(u) || u.ends_with("/data/deals.json")), "an English visit fetched Urdu text: {first:?}");
    assert!(!first.iter().any(|u| u.contains("/data/sources-detail.")), "the list fetched the sources' details: {first:?}");
    // Switching language is a state change that waits for its data, in the same page.
    page.js("window.deLayersMarker = 1; return true").await;
    page.by_role("combobox", "Language").await.select_by_value("ur").await.expect("choose Urdu");
    let urdu = first_title_among(&page, "the Urdu title", &deal_titles("title_ur")).await;
    assert_ne!(english.as_str(), Some(urdu.as_str()));
    assert_eq!(page.js("return window.deLayersMarker === 1").await, true, "the page reloaded");
    let switched = data_requested(&page).await;
    // The Urdu layers, and the deals' details (their Urdu layer holds their disputes' Urdu, read beside the English).
    assert!(!switched.is_empty() && switched.iter().all(|u| is_urdu_layer(u) || u.contains("/data/deals-detail.")), "{switched:?}");
    assert!(switched.iter().any(|u| u.contains("/data/deals-ur.")), "{switched:?}");
    page.assert_no_console_errors().await;
    page.close().await;
}

/// The open sources list's first link: its text and address, once both are there.
const OPEN_SOURCE: &str = "const a = document.querySelector('#de-main .de-exp__sources[open] li a'); return a && a.textContent.trim() && a.href.startsWith('http') && [a.textContent, a.href]";

#[tokio::test(flavor = "multi_thread")]
async fn the_deals_list_fetches_the_sources_details_when_a_reader_opens_them() {
    let (page, first) = first_visit("view=deals", &deal_titles("title")).await;
    assert!(first.iter().any(|u| u.contains("/data/sources.")), "{first:?}");
    assert!(!first.iter().any(|u| u.contains("/data/sources-detail.")), "{first:?}");
    // A row's sources: their titles and addresses arrive with the sources' Detail layer.
    page.js("document.querySelector('#de-main .de-exp__sources summary').click(); return true").await;
    let link = page.wait_for("a source's title and address", OPEN_SOURCE).await;
    let opened = data_requested(&page).await;
    // The sources' Detail layer, in its three pieces (cut by who cites them), and nothing else.
    assert_eq!(opened.len(), 3, "{opened:?}");
    assert!(opened.iter().all(|u| ["detail", "story", "tariff"].iter().any(|l| u.contains(&format!("/data/sources-{l}.")))), "{opened:?}");
    let titles = texts("sources", "title");
    assert!(link.get(0).and_then(Value::as_str).is_some_and(|t| titles.iter().any(|s| s == t)), "{link}");
    page.assert_no_console_errors().await;
    page.close().await;
}

/// Every shown source link of `selector` (`a`): its text or title, and its address, once they are there.
fn source_links(selector: &str) -> String {
    format!("const a = [...document.querySelectorAll('{selector}')]; return a.length > 0 && a.every((a) => (a.title || a.textContent).trim() && a.href.startsWith('http')) && a.length")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_story_and_the_calculator_fetch_the_details_of_their_own_sources_only() {
    for (view, links, own, not) in [
        ("story", ".de-story__step .de-exp__links a", &["sources-story"][..], &["sources-tariff", "sources-detail"][..]),
        ("calculator", "a.de-cal__source", &["sources-story", "sources-tariff"][..], &["sources-detail"][..]),
    ] {
        let page = Page::new_session_logging_network(1280, 900).await;
        page.goto(&format!("view={view}")).await;
        page.wait_for(view, &format!("return {}", visible(shown(view)))).await;
        // Each source the view shows has its title and address.
        page.wait_for("the sources' titles and addresses", &source_links(links)).await;
        let data = data_requested(&page).await;
        assert!(own.iter().all(|p| data.iter().any(|u| u.contains(&format!("/data/{p}.")))), "{view}: {data:?}");
        assert!(!not.iter().any(|p| data.iter().any(|u| u.contains(&format!("/data/{p}.")))), "{view}: {data:?}");
        page.assert_no_console_errors().await;
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_urdu_first_visit_reads_the_records_in_urdu() {
    let (page, data) = first_visit("lang=ur&view=deals", &deal_titles("title_ur")).await;
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
    // Every view in Urdu and in English: the Sources view, which over the network takes the whole
    // file or the English one, takes the precached pieces (the worker keeps neither file).
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

#[tokio::test(flavor = "multi_thread")]
async fn the_timeline_lists_events_in_brief_and_an_opened_event_brings_its_description() {
    let page = Page::new_session_logging_network(1280, 900).await;
    page.goto("view=timeline").await;
    page.wait_for("the timeline's events", &format!("return {}", visible(shown("timeline")))).await;
    let first = data_requested(&page).await;
    assert!(first.iter().any(|u| u.contains("/data/events.")), "{first:?}");
    assert!(!first.iter().any(|u| u.contains("-detail.")), "the timeline's first paint fetched details: {first:?}");
    // Opening an event (Enter on the list's first) fetches the events' and the sources' details.
    let items = "document.querySelectorAll('ol[aria-label=\"Timeline events\"] > li')";
    page.js(&format!("{items}[0].focus(); document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {{key: 'Enter', bubbles: true}})); return true")).await;
    let starts: Vec<String> = texts("events", "description").iter().map(|d| d.chars().take(40).collect()).collect();
    let list = serde_json::to_string(&starts).expect("JSON");
    page.wait_for(
        "the event's description",
        &format!("const p = [...document.querySelectorAll('.de-tl-details p')].map((p) => p.textContent); return {list}.some((d) => p.some((t) => t.startsWith(d)))"),
    )
    .await;
    let opened = data_requested(&page).await;
    assert!(opened.iter().any(|u| u.contains("/data/events-detail.")), "{opened:?}");
    assert!(!opened.iter().any(|u| u.contains("/data/base-detail.")), "{opened:?}");
    page.assert_no_console_errors().await;
    page.close().await;
}
