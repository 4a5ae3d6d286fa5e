//! Static deployment and offline use: the build under a sub-path with the
//! headers of `_headers` (no CSP violation, no missing file, installable),
//! offline reloads of every view after one visit, and a newer build that waits
//! for the reader's Reload and then replaces the old one whole.
//!
//! The offline and update tests run their own `serve-dist` on a free port over
//! a private copy of `dist/`: they cut its network and change its files.

use std::path::Path;
use std::process::Command;

use deal_explorer_e2e::serde_json::{json, Value};
use deal_explorer_e2e::{base_url, dist, http_get, Page, Server, PREFIX};
const VIEWS: [&str; 5] = ["deals", "timeline", "story", "calculator", "sources"];

/// The first 16 hex digits of a file's SHA-256, as post-build.mjs writes them.
fn content_hash(path: &Path) -> String {
    let out = Command::new("sha256sum").arg(path).output().expect("sha256sum");
    String::from_utf8_lossy(&out.stdout).get(..16).unwrap_or_default().to_string()
}

/// What a promise the page makes settles to (a failure as its message).
async fn settled(page: &Page, promise: &str) -> Value {
    let script = format!("const done = arguments[arguments.length - 1]; ({promise}).then(done, (e) => done(String(e)));");
    page.client.execute_async(&script, vec![]).await.expect(promise)
}

async fn cache_names(page: &Page) -> Value {
    settled(page, "caches.keys()").await
}

async fn wait_until_controlled(page: &Page) {
    page.wait_for("service worker in control", "return !!navigator.serviceWorker.controller").await;
}

async fn assert_app_works(page: &Page, what: &str) {
    page.wait_ready().await;
    let ok = page.js("return !!document.querySelector('#de-main') && !document.querySelector('.de-panel')").await;
    assert_eq!(ok, true, "{what}: the app did not start");
}

#[tokio::test(flavor = "multi_thread")]
async fn subpath_build_meets_its_own_headers() {
    // Headers of the deployment, as a static host applies them from _headers.
    let port = base_url().trim_end_matches('/').rsplit(':').next().and_then(|p| p.parse().ok()).unwrap_or(8181);
    let head = http_get(port, PREFIX);
    let head = head.split("\r\n\r\n").next().unwrap_or("").to_ascii_lowercase();
    let csp = head.lines().find_map(|l| l.strip_prefix("content-security-policy: ")).unwrap_or_default().to_string();
    let script_src = csp.split(';').find(|d| d.trim().starts_with("script-src")).unwrap_or_default();
    assert!(
        !script_src.is_empty() && !script_src.contains("unsafe-inline") && !script_src.contains("'unsafe-eval'"),
        "{csp}"
    );
    assert!(csp.contains("frame-ancestors"), "{csp}");
    assert!(head.contains("x-content-type-options: nosniff") && head.contains("referrer-policy:"), "{head}");

    // Precompressed copies beside every text, wasm and bundle file; relative URLs only.
    for entry in std::fs::read_dir(dist()).expect("dist").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if [".html", ".js", ".css", ".wasm", ".bin", ".webmanifest"].iter().any(|e| name.ends_with(e)) {
            for ext in ["br", "gz"] {
                assert!(dist().join(format!("{name}.{ext}")).is_file(), "{name}.{ext} missing");
            }
        }
    }
    let index = std::fs::read_to_string(dist().join("index.html")).expect("index.html");
    assert!(!index.contains("src=\"/") && !index.contains("href=\"/"), "absolute URL in index.html");

    let page = Page::new_session(1280, 900).await;
    page.before_each_document(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
    )
    .await;
    for view in VIEWS {
        page.goto_url(&format!("{}news/2026/minerals/?view={view}", base_url())).await;
        assert_app_works(&page, view).await;
        assert_eq!(page.js("return window.__csp").await, json!([]), "CSP violations in {view}");
        let bad = page
            .js("return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400 || !e.name.startsWith(location.origin)).map(e => e.name)")
            .await;
        assert_eq!(bad, json!([]), "missing or third-party files in {view}");
        assert_eq!(page.js("return document.cookie").await, "");
    }
    // Installable: Chromium finds a valid manifest with usable icons.
    let errors = page.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(errors.get("installabilityErrors").cloned().unwrap_or(Value::Null), json!([]), "{errors}");
    page.assert_no_console_errors().await;
    page.close().await;
}

/// Whether `data/deals.json` as the page fetches it (through the service worker) holds the
/// dataset the build cut, compared in the page (one JSON number parser for both; keys in any order).
async fn dataset_through_the_worker_is_whole(page: &Page) -> Value {
    let text = std::fs::read_to_string(deal_explorer_e2e::repo().join("public/data/deals.json")).expect("the dataset");
    let script = "const [want, done] = arguments;
        const sorted = (v) => Array.isArray(v) ? v.map(sorted) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v;
        fetch('data/deals.json').then((r) => r.json()).then((got) => done(JSON.stringify(sorted(got)) === JSON.stringify(sorted(JSON.parse(want)))), (e) => done(String(e)));";
    page.client.execute_async(script, vec![Value::String(text)]).await.expect("fetch the dataset")
}

/// A deployment of its own, visited once in a fresh browser until its worker is in control, then cut off.
async fn offline_after_one_visit(name: &str) -> (Server, Page) {
    let server = Server::start(name);
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("")).await;
    assert_app_works(&page, "first visit").await;
    wait_until_controlled(&page).await;
    server.network(false);
    (server, page)
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_reloads_offline_after_one_visit() {
    let (server, page) = offline_after_one_visit("offline").await;
    for view in VIEWS {
        page.goto_url(&server.url(&format!("view={view}"))).await;
        assert_app_works(&page, &format!("offline {view}")).await;
    }
    // The worker keeps each byte once: the data's pieces, not the whole file nor the English one
    // they repeat; the dataset's download still gives the whole dataset, joined from the pieces.
    let cached = settled(&page, "caches.keys().then((k) => caches.open(k[0])).then((c) => c.keys()).then((r) => r.map((q) => q.url))").await;
    let cached: Vec<&str> = cached.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    assert!(cached.iter().any(|u| u.contains("/data/sources-detail.")), "{cached:?}");
    assert!(!cached.iter().any(|u| u.ends_with("/data/deals.json") || u.contains("/data/english.")), "{cached:?}");
    assert_eq!(dataset_through_the_worker_is_whole(&page).await, true, "the dataset offline");
    // The browser itself offline: the notice says so, with the data's date.
    page.cdp("Network.enable", json!({})).await;
    page.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    page.goto_url(&server.url("view=sources")).await;
    let notice = page
        .wait_for("offline notice", "const p = document.querySelector('.de-pwa-offline'); return p && p.textContent")
        .await;
    assert!(notice.as_str().unwrap_or("").starts_with("Offline — showing saved data"), "{notice}");
    page.cdp(
        "Network.emulateNetworkConditions",
        json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
    )
    .await;
    server.network(true);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_version_waits_for_reload_then_replaces_the_old_whole() {
    let server = Server::start("update");
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("view=sources")).await;
    wait_until_controlled(&page).await;
    let old = cache_names(&page).await;
    assert_eq!(old.as_array().map(Vec::len), Some(1), "{old}");

    // Deploy a newer build: a changed page, and a worker listing its new hash and version.
    let index = server.dir.join("index.html");
    let old_hash = content_hash(&index);
    let html = std::fs::read_to_string(&index).expect("index.html");
    server.write("index.html", html.replace("</head>", "<meta name=\"de-build\" content=\"next\"></head>"));
    let new_hash = content_hash(&index);
    let sw_path = server.dir.join("sw.js");
    let sw = std::fs::read_to_string(&sw_path).expect("sw.js");
    // The version names the cache (`deal-explorer-<version>`); the worker ships minified.
    let version = old[0].as_str().and_then(|n| n.strip_prefix("deal-explorer-")).unwrap_or_default().to_string();
    assert!(version.len() == 16 && sw.contains(&version), "version {version} not in sw.js");
    let sw = sw.replace(&old_hash, &new_hash).replace(&version, "next0000000000000");
    server.write("sw.js", sw);

    // The next visit finds it; the page keeps showing the old version and offers to reload.
    page.goto_url(&server.url("view=sources")).await;
    let reload = page.by_role("button", "Reload").await;
    assert_eq!(
        page.js("return !!document.querySelector('meta[name=de-build]')").await,
        false,
        "old page replaced early"
    );
    reload.click().await.expect("click Reload");
    page.wait_for(
        "the new page",
        "return !!document.querySelector('meta[name=de-build]') && !!document.querySelector('#de-main')",
    )
    .await;
    assert_eq!(page.query().await, "view=sources");
    page.wait_for(
        "only the new cache",
        "return caches.keys().then(k => k.length === 1 && k[0] === 'deal-explorer-next0000000000000')",
    )
    .await;
    assert!(!page.has_role("button", "Reload").await);
    // And the new version works offline too.
    server.network(false);
    page.goto_url(&server.url("view=deals")).await;
    assert_app_works(&page, "new version offline").await;
    assert_eq!(page.js("return !!document.querySelector('meta[name=de-build]')").await, true);
    server.network(true);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dataset_link_downloads_the_whole_dataset_offline() {
    let (server, page) = offline_after_one_visit("download").await;
    page.goto_url(&server.url("view=timeline")).await;
    assert_app_works(&page, "offline").await;
    let downloads = std::env::temp_dir().join(format!("de-downloads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).expect("a downloads folder");
    page.cdp("Page.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": downloads })).await;
    page.by_role("link", "Download the dataset (JSON)").await.click().await.expect("click the link");
    let file = downloads.join("deals.json");
    let mut text = String::new();
    for _ in 0..100 {
        text = std::fs::read_to_string(&file).unwrap_or_default();
        if deal_explorer_e2e::serde_json::from_str::<Value>(&text).is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let names: Vec<String> = std::fs::read_dir(&downloads).map(|d| d.flatten().map(|e| e.file_name().to_string_lossy().to_string()).collect()).unwrap_or_default();
    assert!(text.len() > 100_000, "nothing downloaded offline: {names:?}");
    let _ = std::fs::remove_dir_all(&downloads);
    server.network(true);
    page.close().await;
}
