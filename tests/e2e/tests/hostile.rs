//! Hostile links: script payloads in every parameter, huge values, broken
//! percent-encoding, impossible dates, reversed ranges, repeated parameters.
//! Every one must show the app, run no injected script, and log no error.

use deal_explorer_e2e::Page;

const PARAMS: &[&str] = &[
    "view", "q", "mineral", "party", "country", "kind", "status", "confidence", "from", "to", "vmin", "vmax",
    "records", "sort", "sel", "hts", "value", "date", "qty", "content", "surcharge", "mfn", "embed", "lang",
    "theme", "digits",
];

/// Payloads that would set `window.__pwned` if any text reached the DOM as HTML or script.
const PAYLOADS: &[&str] = &[
    "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
    "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
    "%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D1%3E",
    "javascript%3Awindow.__pwned%3D1",
];

fn hostile_queries() -> Vec<String> {
    let mut out = Vec::new();
    for (i, p) in PARAMS.iter().enumerate() {
        let payload = PAYLOADS.get(i % PAYLOADS.len()).copied().unwrap_or_default();
        out.push(format!("{p}={payload}"));
        out.push(format!("view=timeline&{p}={payload}"));
        out.push(format!("view=calculator&{p}={payload}"));
        out.push(format!("view=sources&{p}={}", "x".repeat(5000)));
    }
    out.extend(
        [
            "q=%", "q=%E0%A4%A", "q=%FF%FE%00", "mineral=%2C%2C%2C", "from=2025-02-30", "to=9999-99-99",
            "from=2026-01-01&to=2025-01-01", "vmin=5&vmax=1", "vmin=-1", "vmax=1e309", "value=NaN",
            "value=Infinity", "value=-5", "value=1e13", "date=0000-00-00", "date=2025-13-01",
            "view=deals&view=sources&view=timeline", "lang=ur&lang=en&lang=fr", "sel=does-not-exist",
            "view=timeline&sel=..%2F..%2Fetc%2Fpasswd", "hts=9999.99.99", "view=calculator&hts=%3Cb%3E",
            "records=events&sort=-nope", "sort=%00", "embed=1&embed=0", "theme=dark&theme=%3Cx%3E",
            "q=%F0%9F%92%A5%F0%9F%92%A5", "q=%D8%A7%D8%B1%D8%AF%D9%88", "&&&&", "=&=&=", "view", "%",
            "mineral=min-copper,min-copper,min-copper", "party=",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hundred_hostile_links_show_the_app_and_run_nothing() {
    let queries = hostile_queries();
    assert!(queries.len() >= 100, "only {} hostile links", queries.len());
    let page = Page::new_session(1000, 800).await;
    for q in &queries {
        page.goto(q).await;
        page.wait_for(&format!("app for {q}"), "return document.querySelector('#de-main')").await;
        let pwned = page.js("return !!window.__pwned").await;
        assert_eq!(pwned, false, "script ran for ?{q}");
        let errors = page.console_errors().await;
        assert!(errors.is_empty(), "console errors for ?{q}: {errors:#?}");
    }
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn works_with_storage_blocked() {
    let page = Page::new_session(1000, 800).await;
    page.before_each_document(
        "for (const k of ['localStorage','sessionStorage']) Object.defineProperty(window, k, { get() { throw new DOMException('blocked', 'SecurityError'); } });",
    )
    .await;
    page.goto("lang=ur").await;
    page.wait_for("app", "return document.querySelector('#de-main')").await;
    assert_eq!(page.js("return document.documentElement.dir").await, "rtl");
    page.by_role("combobox", "زبان").await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_webassembly_the_placeholder_explains_and_links_the_data() {
    let page = Page::new_session(1000, 800).await;
    page.before_each_document("delete window.WebAssembly;").await;
    page.client.goto(&deal_explorer_e2e::base_url()).await.expect("open");
    let alert = page
        .wait_for("failure message", "const a = document.querySelector('.de-placeholder [role=alert]'); return a && a.textContent")
        .await;
    assert!(alert.as_str().unwrap_or("").contains("WebAssembly is not available"), "{alert}");
    let href = page.js("return document.querySelector('.de-placeholder [role=alert] a').getAttribute('href')").await;
    assert_eq!(href, "data/deals.json");
    page.close().await;
}
