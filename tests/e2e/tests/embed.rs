//! Embedding: the Embed dialog and its snippet, a host page on another origin
//! that pastes the snippet (auto-height, also after switching views), and the
//! sandboxed iframe with storage and service workers blocked.

use deal_explorer_e2e::serde_json::Value;
use deal_explorer_e2e::{base_url, Page};

/// The deployment under its sub-path, as a newsroom would host it.
fn app_url(query: &str) -> String {
    format!("{}news/2026/minerals/?{query}", base_url())
}

/// The same server under another origin (localhost vs 127.0.0.1).
fn host_url() -> String {
    format!("{}__host", base_url().replace("127.0.0.1", "localhost"))
}

/// Gets the snippet the way an editor does: Embed → the "Embed code" textbox.
async fn snippet_for(page: &Page, query: &str) -> String {
    page.goto_url(&app_url(query)).await;
    page.by_role("button", "Embed").await.click().await.expect("click Embed");
    let code = page.by_role("textbox", "Embed code").await;
    code.prop("value").await.ok().flatten().unwrap_or_default()
}

/// Pastes the snippet into the host page (scripts in a contextual fragment run,
/// as they would in the page's HTML) and records every message it receives.
async fn paste_into_host(page: &Page, snippet: &str, sandbox: Option<&str>) {
    page.client.goto(&host_url()).await.expect("open host page");
    let script = format!(
        "window.__msgs = []; window.addEventListener('message', e => window.__msgs.push(e.data));\
         const frag = document.createRange().createContextualFragment({snippet});\
         const sandbox = {sandbox};\
         if (sandbox) frag.querySelector('iframe').setAttribute('sandbox', sandbox);\
         document.getElementById('embed').append(frag); return true;",
        snippet = Value::from(snippet),
        sandbox = sandbox.map_or(Value::Null, Value::from),
    );
    page.js(&script).await;
}

/// A displayed link by its text. Inside a cross-origin iframe chromedriver
/// computes no role or accessible name, so `Page::by_role` cannot be used there.
async fn link_in_frame(page: &Page, text: &str) -> deal_explorer_e2e::fantoccini::elements::Element {
    for _ in 0..150 {
        for el in page.all("a[href]").await {
            if el.is_displayed().await.unwrap_or(false) && page.text(&el).await.trim() == text {
                return el;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no link {text:?} in the iframe");
}

/// Waits until the iframe's height on the host matches the embedded document's height.
async fn assert_height_follows_content(page: &Page) {
    let mut last = (0.0, 0.0);
    for _ in 0..100 {
        let outer = page.js("return document.querySelector('#embed iframe').getBoundingClientRect().height").await;
        page.client.enter_frame(0).await.expect("enter iframe");
        let inner = page.js("return document.documentElement.getBoundingClientRect().height").await;
        page.client.enter_parent_frame().await.expect("leave iframe");
        last = (outer.as_f64().unwrap_or(0.0), inner.as_f64().unwrap_or(-100.0));
        if (last.0 - last.1).abs() <= 4.0 && last.1 > 100.0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("iframe height {} never matched its content height {}", last.0, last.1);
}

#[tokio::test(flavor = "multi_thread")]
async fn embed_dialog_gives_an_escaped_snippet_and_returns_focus() {
    let page = Page::new_session(1280, 900).await;
    let code = snippet_for(&page, "view=sources&q=a%22b%3Cc").await;
    // Attribute values are HTML-escaped: `&` between parameters becomes `&amp;`.
    let src = format!("<iframe src=\"{}", app_url("view=sources&q=a%22b%3Cc&embed=1").replace('&', "&amp;"));
    assert!(code.starts_with(&src), "snippet: {code}");
    assert!(code.contains("loading=\"lazy\"") && code.contains("title=\""), "snippet: {code}");
    assert!(code.contains("event.origin !== new URL(frame.src).origin"), "snippet: {code}");
    page.by_role("dialog", "Embed this view").await;
    let violations = page.axe().await;
    assert!(violations.is_empty(), "axe with the dialog open: {violations:#?}");
    // Copy: the clipboard may be blocked in headless Chromium; then the text is selected and the reader told.
    page.by_role("button", "Copy").await.click().await.expect("click Copy");
    let said = page
        .wait_for("copy status", "const t = document.querySelector('.de-emb-status').textContent; return t && t")
        .await;
    assert!(said == "Copied" || said == "Press Ctrl+C to copy", "status: {said}");
    let selected = page.js("const c = document.querySelector('.de-emb-code'); return c.selectionEnd - c.selectionStart === c.value.length").await;
    assert_eq!(selected, true);
    // Escape closes the modal and focus goes back to the Embed button.
    page.client.active_element().await.expect("focus").send_keys("\u{E00C}").await.expect("Escape");
    page.wait_for("dialog closed", "return !document.querySelector('dialog[open]')").await;
    assert_eq!(page.js("return document.activeElement.textContent").await, "Embed");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn host_page_on_another_origin_resizes_the_iframe() {
    let page = Page::new_session(1000, 800).await;
    let snippet = snippet_for(&page, "view=sources&theme=dark").await;
    paste_into_host(&page, &snippet, None).await;
    assert_height_follows_content(&page).await;
    // The three dialects arrived: ours, Datawrapper's and AMP's.
    let kinds = page
        .js("return [window.__msgs.some(m => m && m.type === 'deal-explorer:height' && m.height > 0),\
                 window.__msgs.some(m => m && m['datawrapper-height'] && m['datawrapper-height']['deal-explorer'] > 0),\
                 window.__msgs.some(m => m && m.sentinel === 'amp' && m.type === 'embed-size' && m.height > 0)]")
        .await;
    assert_eq!(kinds, deal_explorer_e2e::serde_json::json!([true, true, true]));

    page.client.enter_frame(0).await.expect("enter iframe");
    page.wait_ready().await;
    // Embedded: no site header or footer; the theme is honoured; the bar links to the full explorer.
    assert_eq!(page.js("return !!document.querySelector('.de-header, .de-footer')").await, false);
    assert_eq!(page.js("return document.querySelector('#de-main').closest('.de-app').dataset.theme").await, "dark");
    let full = link_in_frame(&page, "Open full explorer").await;
    let href = full.attr("href").await.ok().flatten().unwrap_or_default();
    assert_eq!(href, app_url("view=sources&theme=dark"));
    assert_eq!(full.attr("target").await.ok().flatten().as_deref(), Some("_blank"));
    assert!(page
        .js("return document.querySelector('.de-emb-asof').textContent")
        .await
        .as_str()
        .unwrap_or("")
        .starts_with("Data as of"));
    assert_eq!(page.js("return document.cookie").await, "");
    // Switching views inside the iframe: the host follows the new height.
    link_in_frame(&page, "Deals").await.click().await.expect("click Deals");
    page.wait_for("deals view", "return !new URLSearchParams(location.search).has('view')").await;
    page.client.enter_parent_frame().await.expect("leave iframe");
    assert_height_follows_content(&page).await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sandboxed_iframe_works_with_storage_and_workers_blocked() {
    let page = Page::new_session(1000, 800).await;
    let snippet = snippet_for(&page, "view=sources").await;
    // As in a strict sandbox or with third-party storage blocked: touching storage or workers throws.
    page.before_each_document(
        "if (window !== window.top) {\
           const blocked = { get() { throw new DOMException('blocked', 'SecurityError'); } };\
           Object.defineProperty(window, 'localStorage', blocked);\
           Object.defineProperty(Navigator.prototype, 'serviceWorker', blocked);\
         }",
    )
    .await;
    paste_into_host(&page, &snippet, Some("allow-scripts allow-same-origin allow-popups")).await;
    assert_height_follows_content(&page).await;
    page.client.enter_frame(0).await.expect("enter iframe");
    page.wait_ready().await;
    assert_eq!(
        page.js("return !!document.querySelector('#de-main') && !document.querySelector('.de-panel')").await,
        true
    );
    link_in_frame(&page, "Open full explorer").await;
    page.client.enter_parent_frame().await.expect("leave iframe");
    page.assert_no_console_errors().await;
    page.close().await;
}
