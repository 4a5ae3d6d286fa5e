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
async fn the_map_embeds_with_auto_height() {
    let page = Page::new_session(1000, 800).await;
    let snippet = snippet_for(&page, "view=map").await;
    paste_into_host(&page, &snippet, None).await;
    page.client.enter_frame(0).await.expect("enter iframe");
    page.wait_for("map drawn in the iframe", "return !!document.querySelector('svg.de-map__svg .de-map__region')").await;
    assert_eq!(page.js("return !!document.querySelector('.de-header, .de-footer')").await, false);
    page.client.enter_parent_frame().await.expect("leave iframe");
    // The host follows the height the map and its list take once drawn.
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

/// Picks a radio of the embed dialog by its name and returns the code it gives.
async fn choose(page: &Page, radio: &str) -> String {
    page.by_role("radio", radio).await.click().await.unwrap_or_else(|e| panic!("choose {radio}: {e}"));
    let code = page.by_role("textbox", "Embed code").await;
    code.prop("value").await.ok().flatten().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn embed_dialog_offers_tabs_theme_language_and_three_kinds_of_code() {
    let page = Page::new_session(1280, 900).await;
    let first = snippet_for(&page, "view=calculator").await;
    assert!(first.contains("<script>") && !first.contains("tabs=0"), "{first}");
    let only = choose(&page, "This view only").await;
    assert!(only.contains("view=calculator&amp;embed=1&amp;tabs=0\""), "{only}");
    assert!(choose(&page, "Dark").await.contains("theme=dark"));
    let urdu = choose(&page, "Urdu").await;
    assert!(urdu.contains("lang=ur&amp;theme=dark\"") && urdu.contains("title=\"امریکہ"), "{urdu}");
    // For CMSs that strip scripts: the iframe alone, at the calculator's height.
    let fixed = choose(&page, "Pages that remove scripts (fixed height)").await;
    assert!(fixed.starts_with("<iframe ") && fixed.ends_with("</iframe>") && !fixed.contains("<script"), "{fixed}");
    assert!(fixed.contains("height=\"1100\"") && fixed.contains("height: 1100px"), "{fixed}");
    // AMP: one well-formed amp-iframe, as the browser's parser reads it.
    let amp = choose(&page, "AMP pages").await;
    let parsed = page
        .js(&format!(
            "const doc = new DOMParser().parseFromString({amp}, 'text/html'); const all = doc.body.children;\
             const f = all[0]; if (all.length !== 1 || f.localName !== 'amp-iframe') return 'not one amp-iframe';\
             const src = new URL(f.getAttribute('src'));\
             return [src.searchParams.get('embed'), src.searchParams.get('tabs'), f.getAttribute('layout'), f.getAttribute('height'),\
                     f.getAttribute('sandbox'), f.hasAttribute('resizable'), !!f.querySelector(':scope > [overflow]'),\
                     f.querySelector('[overflow]').textContent, !!doc.querySelector('script, iframe')]",
            amp = Value::from(amp.as_str())
        ))
        .await;
    assert_eq!(
        parsed,
        deal_explorer_e2e::serde_json::json!([
            "1", "0", "fixed-height", "1100",
            "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox", true, true, "مزید دکھائیں", false
        ]),
        "{amp}"
    );
    // The hint of each kind says when to use it, as the radio's description.
    let described = page
        .js("const r = [...document.querySelectorAll('input[name=de-emb-kind]')];\
             return r.every(i => (document.getElementById(i.getAttribute('aria-describedby')) || {}).textContent)")
        .await;
    assert_eq!(described, true);
    let violations = page.axe().await;
    assert!(violations.is_empty(), "axe with the options: {violations:#?}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_iframe_alone_works_at_its_fixed_height() {
    let page = Page::new_session(1000, 800).await;
    snippet_for(&page, "view=sources").await;
    let fixed = choose(&page, "Pages that remove scripts (fixed height)").await;
    paste_into_host(&page, &fixed, None).await;
    let height = "return document.querySelector('#embed iframe').getBoundingClientRect().height";
    page.client.enter_frame(0).await.expect("enter iframe");
    page.wait_ready().await;
    page.wait_for("sources listed", "return document.querySelectorAll('li.de-source').length > 3").await;
    // The rest of the view scrolls inside the frame.
    let scrolls = page.js("const r = document.scrollingElement; return r.scrollHeight > r.clientHeight + 100 && getComputedStyle(r).overflowY !== 'hidden'").await;
    assert_eq!(scrolls, true);
    page.client.enter_parent_frame().await.expect("leave iframe");
    // Nothing resizes it: the height stays the one the snippet set.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(page.js(height).await.as_f64(), Some(948.0));
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn opening_a_record_in_an_embed_does_not_scroll_the_host() {
    let page = Page::new_session(1000, 800).await;
    let snippet = snippet_for(&page, "").await;
    paste_into_host(&page, &snippet, None).await;
    // An article: text above and below the embed.
    page.js("const pad = h => Object.assign(document.createElement('div'), { style: `height: ${h}px` });\
             const e = document.getElementById('embed'); e.before(pad(1500)); e.after(pad(3000)); return true")
        .await;
    // Chromium renders an off-screen cross-origin frame lazily (no resize
    // messages until it is in sight), as a reader scrolling down would find it.
    page.js("window.scrollTo(0, document.querySelector('#embed iframe').getBoundingClientRect().top + scrollY - 100); return true").await;
    assert_height_follows_content(&page).await;
    // The reader has scrolled down to the fifth result, 300 px below the top of the window.
    page.client.enter_frame(0).await.expect("enter iframe");
    let fifth = "[...document.querySelectorAll('.de-exp__open')].filter(a => a.offsetParent)[4]";
    let row = page.wait_for("rows", &format!("return {fifth}?.getBoundingClientRect().top")).await;
    page.client.enter_parent_frame().await.expect("leave iframe");
    page.js(&format!("window.scrollTo(0, document.querySelector('#embed iframe').getBoundingClientRect().top + scrollY + {row} - 300); return true")).await;
    let before = page.js("return scrollY").await;
    page.client.enter_frame(0).await.expect("enter iframe");
    // A click as the reader's (not WebDriver's, which scrolls the element into view first).
    page.js(&format!("const a = {fifth}; window.__top = a.getBoundingClientRect().top; a.click(); return true")).await;
    page.wait_for("panel", "return document.querySelector('dialog.de-exp__detail[open]')").await;
    page.wait_for("focus in the panel", "return document.querySelector('dialog.de-exp__detail').contains(document.activeElement)").await;
    // The panel opens beside the row, where the reader is looking.
    let offset = page.js("return Math.abs(document.querySelector('dialog.de-exp__detail').getBoundingClientRect().top - (window.__top - 16))").await;
    assert!(offset.as_f64().is_some_and(|d| d < 2.0), "panel {offset} px from the row");
    page.client.enter_parent_frame().await.expect("leave iframe");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(page.js("return scrollY").await, before, "the host page scrolled");
    // Closing returns focus to the row, still without scrolling the host.
    page.client.enter_frame(0).await.expect("enter iframe");
    page.js("document.querySelector('dialog.de-exp__detail .de-exp__close').click(); return true").await;
    page.wait_for("closed", "return !document.querySelector('dialog.de-exp__detail') && document.activeElement.classList.contains('de-exp__open')").await;
    page.client.enter_parent_frame().await.expect("leave iframe");
    assert_eq!(page.js("return scrollY").await, before, "the host page scrolled on close");
    page.assert_no_console_errors().await;
    page.close().await;
}
