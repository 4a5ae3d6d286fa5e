//! The wasm and the data split per view (issue 17): a first visit to a view
//! fetches its own first-visit bundle (the main wasm and its parts in one file)
//! and data shards and no other view's; moving to another view fetches the parts
//! that view lacks then; a later visit, with the service worker in control, loads
//! the main wasm and the parts as files, not the bundle; after one visit, every view opens
//! from the service worker's cache with the network cut, moving between them in
//! the page; a shard that cannot be downloaded is said in the view, and the rest
//! of the app keeps working.

use deal_explorer_e2e::bench::visible;
use deal_explorer_e2e::parts::{bundle_view, files, first_data, part_views, shard_views, shown, style_view, VIEWS};
use deal_explorer_e2e::{dist, Page, Server};

/// A script: whether `view` has rendered from its parts.
fn rendered(view: &str) -> String {
    format!("return {}", visible(shown(view)))
}

/// The files of the build's top folder this page has fetched so far (file names).
async fn fetched_files(page: &Page) -> Vec<String> {
    let names = page.js("return performance.getEntriesByType('resource').map(e => e.name.split(/[?#]/)[0].split('/').pop())").await;
    names.as_array().map(|a| a.iter().filter_map(|n| n.as_str().map(String::from)).collect()).unwrap_or_default()
}

/// The wasm parts this page has fetched so far (file names).
async fn fetched_parts(page: &Page) -> Vec<String> {
    fetched_files(page).await.into_iter().filter(|n| part_views(n).is_some()).collect()
}

/// The first-visit bundles this page has fetched so far (file names).
async fn fetched_bundles(page: &Page) -> Vec<String> {
    fetched_files(page).await.into_iter().filter(|n| bundle_view(n).is_some()).collect()
}

/// Whether the page has fetched the main wasm as a file of its own.
async fn fetched_main_wasm(page: &Page) -> bool {
    fetched_files(page).await.iter().any(|n| n.starts_with("deal-explorer-") && n.ends_with("_bg.wasm"))
}

/// The data files this page has fetched so far (`data/…`, deduplicated).
async fn fetched_data(page: &Page) -> Vec<String> {
    let names = page
        .js("return [...new Set(performance.getEntriesByType('resource').map(e => e.name.split(/[?#]/)[0]).filter(n => n.includes('/data/')).map(n => 'data/' + n.split('/data/').pop()))]")
        .await;
    names.as_array().map(|a| a.iter().filter_map(|n| n.as_str().map(String::from)).collect()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_visit_fetches_only_its_own_views_bundle() {
    for view in VIEWS {
        // A fresh browser each time: no HTTP cache, no service worker.
        let page = Page::open(&format!("view={view}")).await;
        page.wait_for(view, &rendered(view)).await;
        // Its wasm in one download: its own bundle, no other view's, no part or main wasm beside it.
        let bundles = fetched_bundles(&page).await;
        assert!(bundles.len() == 1 && bundles.iter().all(|b| bundle_view(b) == Some(view)), "{view}: fetched the bundles {bundles:?}");
        let parts = fetched_parts(&page).await;
        assert!(parts.is_empty(), "{view}: fetched parts beside its bundle: {parts:?}");
        assert!(!fetched_main_wasm(&page).await, "{view}: fetched the main wasm beside its bundle");
        // Its data: every shard its first visit needs and no other (the whole file where it needs all).
        let mut data = fetched_data(&page).await;
        data.sort();
        let all = files(&dist());
        assert!(all.iter().any(|f| shard_views(f).is_some()), "no data shard in the build");
        assert_eq!(data, first_data(&all, view), "{view}: the data fetched");
        page.assert_no_console_errors().await;
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unknown_view_downloads_the_deals_views_bundle() {
    let page = Page::open("view=nowhere").await;
    page.wait_for("deals", &rendered("deals")).await;
    let bundles = fetched_bundles(&page).await;
    assert!(bundles.len() == 1 && bundles.iter().all(|b| bundle_view(b) == Some("deals")), "{bundles:?}");
    assert!(fetched_parts(&page).await.is_empty());
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn moving_to_another_view_fetches_that_views_parts() {
    let page = Page::open("view=sources").await;
    page.wait_for("sources", &rendered("sources")).await;
    page.by_role("link", "Calculator").await.click().await.expect("click Calculator");
    page.wait_for("calculator", &rendered("calculator")).await;
    // Only the parts it lacks: its own, none the sources view's bundle brought.
    let parts = fetched_parts(&page).await;
    assert!(parts.iter().any(|p| part_views(p).is_some_and(|v| v == ["calculator"])), "{parts:?}");
    assert!(parts.iter().all(|p| part_views(p).is_some_and(|v| v.contains(&"calculator") && !v.contains(&"sources"))), "{parts:?}");
    assert_eq!(fetched_bundles(&page).await.len(), 1);
    // Back to a view whose part is in: nothing more to fetch.
    let before = parts.len();
    page.client.back().await.expect("back");
    page.wait_for("sources again", &rendered("sources")).await;
    assert_eq!(fetched_parts(&page).await.len(), before);
    page.assert_no_console_errors().await;
    page.close().await;
}

/// A view's own stylesheet (the timeline's, map's, calculator's, story's: files of their own in
/// release builds) arrives with its view: the deals view fetches none; moving to the timeline fetches
/// the timeline's, and the view is styled from the moment it shows (its controls in a flex row).
#[tokio::test(flavor = "multi_thread")]
async fn a_views_stylesheet_arrives_with_the_view() {
    let styles = |files: Vec<String>| files.into_iter().filter(|f| style_view(f).is_some()).collect::<Vec<_>>();
    assert!(files(&dist()).iter().any(|f| style_view(f) == Some("timeline")), "no timeline stylesheet in the build");
    let page = Page::open("view=deals").await;
    page.wait_for("deals", &rendered("deals")).await;
    assert_eq!(styles(fetched_files(&page).await), Vec::<String>::new(), "the deals view fetched a view's stylesheet");
    page.by_role("link", "Timeline").await.click().await.expect("click Timeline");
    let shown = format!(
        "return {} && getComputedStyle(document.querySelector('.de-tl-controls')).display",
        visible(shown("timeline"))
    );
    assert_eq!(page.wait_for("timeline", &shown).await, "flex", "the timeline showed before its stylesheet applied");
    let fetched = styles(fetched_files(&page).await);
    assert!(fetched.len() == 1 && style_view(&fetched[0]) == Some("timeline"), "{fetched:?}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_every_view_opens_offline_in_the_page() {
    let server = Server::start("split-offline");
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("view=deals")).await;
    page.wait_for("deals", &rendered("deals")).await;
    page.wait_for("service worker in control", "return !!navigator.serviceWorker.controller").await;
    // A later visit loads the files the worker precached, not the bundle.
    page.goto_url(&server.url("view=deals")).await;
    page.wait_for("deals again", &rendered("deals")).await;
    assert!(fetched_bundles(&page).await.is_empty(), "a bundle fetched with the worker in control");
    assert!(fetched_main_wasm(&page).await, "the main wasm was not loaded as a file");
    assert!(fetched_parts(&page).await.iter().any(|p| part_views(p).is_some_and(|v| v == ["deals"])));
    // The worker has every part, though this visit fetched only the deals view's.
    server.network(false);
    for (view, name) in [("timeline", "Timeline"), ("map", "Map"), ("story", "Story"), ("calculator", "Calculator"), ("sources", "Sources"), ("deals", "Deals")] {
        page.by_role("link", name).await.click().await.expect("click a view");
        page.wait_for(view, &rendered(view)).await;
    }
    assert!(!page.js("return !!document.querySelector('.de-panel')").await.as_bool().unwrap_or(true));
    server.network(true);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_worker_takes_a_first_visits_files_from_its_bundle() {
    // The main wasm and the deals view's parts exist only in its bundle: the first visit
    // needs no more, and the worker installs (it precaches every file) only by taking them from it.
    let server = Server::start("split-bundle-to-worker");
    let in_bundle: Vec<String> = files(&server.dir)
        .into_iter()
        .filter(|f| (f.starts_with("deal-explorer-") && f.ends_with("_bg.wasm")) || part_views(f).is_some_and(|v| v.contains(&"deals")))
        .collect();
    assert!(in_bundle.len() > 1, "{in_bundle:?}");
    for file in &in_bundle {
        server.remove(file);
    }
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("view=deals")).await;
    page.wait_for("deals", &rendered("deals")).await;
    page.wait_for("service worker in control", "return !!navigator.serviceWorker.controller").await;
    // What it kept from the bundle starts the page again, with the network cut.
    server.network(false);
    page.goto_url(&server.url("view=deals")).await;
    page.wait_for("deals offline", &rendered("deals")).await;
    assert!(fetched_main_wasm(&page).await && fetched_bundles(&page).await.is_empty());
    server.network(true);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_part_that_does_not_download_is_said_and_retried() {
    // A first visit (no service worker yet) to the calculator, its bundle and its own part
    // gone from the server: the boot script falls back to the files, one of which is missing.
    let server = Server::start("split-missing");
    let all = files(&server.dir);
    let own = all.iter().find(|f| part_views(f).is_some_and(|v| v == ["calculator"])).expect("the calculator's own part");
    let bundle = all.iter().find(|f| bundle_view(f) == Some("calculator")).expect("the calculator's bundle");
    let bytes = std::fs::read(server.dir.join(own)).expect("read the part");
    server.remove(own);
    server.remove(bundle);
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("view=calculator")).await;
    // Shown, not only built: the app stays hidden behind the placeholder until the shell's first try is over.
    let alert = page
        .wait_for(
            "the missing part's message",
            "const el = document.querySelector('#de-main [role=alert]'); return el && el.getBoundingClientRect().height > 0 && el.textContent",
        )
        .await;
    assert!(alert.as_str().is_some_and(|t| t.contains("could not be downloaded")), "{alert}");
    // Not the panic panel (which replaces the whole app): the navigation stays around the message.
    assert!(page.has_role("link", "Deals").await);
    // The part is back: Try again shows the view.
    server.write(own, bytes);
    page.by_role("button", "Try again").await.click().await.expect("click Try again");
    page.wait_for("calculator", &rendered("calculator")).await;
    assert!(!page.js("return !!document.querySelector('#de-main [role=alert]')").await.as_bool().unwrap_or(true));
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn moving_to_a_view_fetches_only_the_data_it_lacks() {
    let page = Page::open("view=calculator").await;
    page.wait_for("calculator", &rendered("calculator")).await;
    let before = fetched_data(&page).await;
    page.by_role("link", "Timeline").await.click().await.expect("click Timeline");
    page.wait_for("timeline", &rendered("timeline")).await;
    let after = fetched_data(&page).await;
    let new: Vec<&String> = after.iter().filter(|f| !before.contains(f)).collect();
    // The events, which the calculator had no need of; the measures were in.
    assert_eq!(new.len(), 1, "{before:?} then {after:?}");
    assert!(new.iter().all(|f| f.starts_with("data/events.")), "{new:?}");
    // The deals view's events arrive when it lists them.
    page.by_role("link", "Deals").await.click().await.expect("click Deals");
    page.wait_for("deals", &rendered("deals")).await;
    assert_eq!(fetched_data(&page).await.len(), after.len(), "the deals view's data was all in");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shard_that_cannot_be_downloaded_is_said_in_the_view_and_the_rest_works() {
    let server = Server::start("split-shard-gone");
    // No worker: it would precache every shard, the missing one included (and refuse to install).
    server.remove("sw.js");
    let events = files(&server.dir).into_iter().find(|f| f.starts_with("data/events.")).expect("an events shard");
    server.remove(&events);
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("")).await;
    page.wait_for("deals", &rendered("deals")).await;
    page.by_role("link", "Timeline").await.click().await.expect("click Timeline");
    page.wait_for(
        "the failure, said in the view",
        "return (document.querySelector('#de-main [role=alert]')?.textContent || '').includes('could not be loaded')",
    )
    .await;
    let said = page.js("return document.querySelector('#de-main [role=alert]').textContent").await;
    assert!(said.as_str().is_some_and(|t| t.contains("404") && t.contains("data/events.")), "{said}");
    assert_eq!(page.query().await, "view=timeline");
    // The rest of the app keeps working: another view opens.
    page.by_role("link", "Calculator").await.click().await.expect("click Calculator");
    page.wait_for("calculator", &rendered("calculator")).await;
    assert!(!page.js("return !!document.querySelector('#de-main [role=alert]')").await.as_bool().unwrap_or(true));
    page.close().await;
}
