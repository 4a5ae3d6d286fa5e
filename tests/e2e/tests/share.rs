//! Sharing: each view's and each open record's page title, in the page's
//! language, and the "Copy link" button (copied, refused, and inside an embed).

use deal_explorer_e2e::fantoccini::key::Key;
use deal_explorer_e2e::serde_json::Value;
use deal_explorer_e2e::{base_url, Page};

async fn title(page: &Page) -> String {
    page.js("return document.title").await.as_str().unwrap_or("").to_string()
}

async fn wait_title(page: &Page, expected: &str) {
    page.wait_for(&format!("title {expected:?}"), &format!("return document.title === {}", Value::from(expected)))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_view_and_open_record_has_its_own_title() {
    let page = Page::open("mineral=antimony").await;
    wait_title(&page, "Antimony deals — Deal Explorer").await;
    // A record's details: its own title; closed, the view's again.
    let link = page.css(".de-exp__table .de-exp__open").await;
    let record = page.text(&link).await;
    link.send_keys(&Key::Enter.to_string()).await.expect("Enter on the link");
    page.wait_for("dialog", "return document.querySelector('dialog.de-exp__detail[open]')").await;
    wait_title(&page, &format!("{} — Deal Explorer", record.trim())).await;
    // The panel has its own Copy link (the header's is out of reach behind the modal): the record's address.
    stub_clipboard(&page, false).await;
    // (The panel's other copy button is "Cite this".)
    page.js("[...document.querySelectorAll('dialog.de-exp__detail .de-share__copy')].find(b => b.textContent === 'Copy link').click(); return true").await;
    page.wait_for("copied", "return window.__copied").await;
    assert_eq!(page.js("return window.__copied === location.href && location.search.includes('sel=')").await, true);
    page.by_role("button", "Close").await.click().await.expect("close");
    wait_title(&page, "Antimony deals — Deal Explorer").await;
    for (query, expected) in [
        ("view=timeline", "Timeline — Deal Explorer"),
        ("view=calculator", "Calculator — Deal Explorer"),
        ("view=sources", "Sources — Deal Explorer"),
        ("records=events&mineral=min-copper", "Copper events — Deal Explorer"),
        ("view=sources&lang=ur", "ذرائع — سودوں کا ایکسپلورر"),
    ] {
        page.goto(query).await;
        wait_title(&page, expected).await;
    }
    // A view chosen in the app (not loaded) changes the title too.
    page.goto("").await;
    page.by_role("link", "Timeline").await.click().await.expect("Timeline");
    wait_title(&page, "Timeline — Deal Explorer").await;
    assert_eq!(title(&page).await, "Timeline — Deal Explorer");
    page.assert_no_console_errors().await;
    page.close().await;
}

/// Replaces the clipboard's `writeText`: it records the text and resolves, or rejects as a refusing browser does.
async fn stub_clipboard(page: &Page, refuse: bool) {
    page.js(&format!(
        "window.__copied = null; navigator.clipboard.writeText = t => {{ window.__copied = t; \
         return {refuse} ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : Promise.resolve(); }}; return true"
    ))
    .await;
}

async fn status(page: &Page) -> String {
    page.wait_for("a copy status", "return document.querySelector('.de-share__status').textContent").await.as_str().unwrap_or("").to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_link_copies_the_address_by_keyboard_and_says_so() {
    let page = Page::open("view=sources&sq=antimony").await;
    stub_clipboard(&page, false).await;
    let button = page.tab_to("button", "Copy link", 40).await;
    button.send_keys(&Key::Enter.to_string()).await.expect("Enter on Copy link");
    assert_eq!(status(&page).await, "Link copied");
    assert_eq!(page.js("return window.__copied === location.href").await, true);
    assert_eq!(page.js("return document.querySelector('.de-share__status').getAttribute('aria-live')").await, "polite");
    // Refused (permissions policy, a sandbox): the link is shown, focused and selected, and the reader told.
    stub_clipboard(&page, true).await;
    page.by_role("button", "Copy link").await.click().await.expect("Copy link");
    assert_eq!(status(&page).await, "Copying is blocked here: copy the selected link below");
    let field = page.by_role("textbox", "Link").await;
    assert_eq!(field.prop("value").await.ok().flatten(), page.js("return location.href").await.as_str().map(str::to_string));
    assert_eq!(
        page.js("const f = document.activeElement; return f.matches('.de-share__manual input') && f.selectionEnd - f.selectionStart === f.value.length").await,
        true
    );
    let violations = page.axe().await;
    assert!(violations.is_empty(), "axe: {violations:#?}");
    // Urdu: the same button under its Urdu name.
    page.goto("lang=ur").await;
    stub_clipboard(&page, false).await;
    page.by_role("button", "لنک کاپی کریں").await.click().await.expect("Urdu Copy link");
    assert_eq!(status(&page).await, "لنک کاپی ہو گیا");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_embed_copies_the_standalone_link() {
    let page = Page::open("view=sources&skind=primary&embed=1").await;
    stub_clipboard(&page, false).await;
    page.by_role("button", "Copy link").await.click().await.expect("Copy link");
    assert_eq!(status(&page).await, "Link copied");
    let copied = page.js("return window.__copied").await;
    assert_eq!(copied, Value::from(format!("{}?view=sources&skind=primary", base_url())));
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn csv_is_named_after_filter_and_day_with_readable_columns() {
    let page = Page::open("mineral=antimony").await;
    // Records the download's file name and its Blob.
    page.js(
        "window.__downloads = []; const click = HTMLAnchorElement.prototype.click;\
         HTMLAnchorElement.prototype.click = function () { if (this.download) window.__downloads.push(this.download); return click.call(this); };\
         window.__blobs = []; const o = URL.createObjectURL; URL.createObjectURL = b => { window.__blobs.push(b); return o.call(URL, b); }; return true",
    )
    .await;
    page.by_role("button", "Download CSV").await.click().await.expect("Download CSV");
    page.wait_for("a download", "return window.__downloads.length > 0 && window.__blobs.length > 0").await;
    // Today in the reader's time zone, as the browser reckons it.
    let expected = page
        .js("const d = new Date(); const p = n => String(n).padStart(2, '0');\
             return `deals-antimony-${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}.csv`")
        .await;
    assert_eq!(page.js("return window.__downloads[0]").await, expected);
    let csv: Value = page
        .client
        .execute_async("const done = arguments[arguments.length - 1]; window.__blobs[0].text().then(done);", vec![])
        .await
        .expect("read blob");
    let csv = csv.as_str().unwrap_or("").trim_start_matches('\u{feff}').to_string();
    let mut lines = csv.split("\r\n");
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    for column in ["date", "date_precision", "countries", "disputes", "source_outlets", "sources"] {
        assert!(header.contains(&column), "no {column} in {header:?}");
    }
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap_or(usize::MAX);
    // Each row in the browser's own CSV reading: dates ISO, countries by name.
    let rows = page
        .js(&format!(
            "const text = {csv}; const rows = []; let row = [], cell = '', quoted = false;\
             for (let i = 0; i < text.length; i++) {{ const c = text[i];\
               if (quoted) {{ if (c === '\"' && text[i + 1] === '\"') {{ cell += '\"'; i++; }} else if (c === '\"') quoted = false; else cell += c; }}\
               else if (c === '\"') quoted = true; else if (c === ',') {{ row.push(cell); cell = ''; }}\
               else if (c === '\\r' && text[i + 1] === '\\n') {{ row.push(cell); rows.push(row); row = []; cell = ''; i++; }} else cell += c; }}\
             return rows.slice(1);",
            csv = Value::from(csv.as_str())
        ))
        .await;
    let rows = rows.as_array().cloned().unwrap_or_default();
    assert!(!rows.is_empty(), "antimony has deals");
    for row in &rows {
        let get = |name: &str| row[col(name)].as_str().unwrap_or("").to_string();
        let (date, precision) = (get("date"), get("date_precision"));
        assert!(date.is_empty() || (date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-'), "{date}");
        assert!(date.is_empty() == precision.is_empty() && ["", "day", "month", "year"].contains(&precision.as_str()), "{precision}");
        let countries = get("countries");
        assert!(countries.contains("Pakistan") && !countries.split("; ").any(|c| c.len() == 2), "{countries}");
        let (outlets, urls) = (get("source_outlets"), get("sources"));
        assert_eq!(outlets.split("; ").count(), urls.split("; ").count(), "an outlet beside each URL");
        assert!(urls.starts_with("http"), "{urls}");
    }
    page.assert_no_console_errors().await;
    page.close().await;
}

/// The status beside the "Cite this" button (the panel's other status is Copy link's).
const CITE_STATUS: &str = "[...document.querySelectorAll('.de-share')].find(d => /Cite this|حوالہ دیں/.test(d.querySelector('.de-share__copy').textContent))?.querySelector('.de-share__status').textContent";

/// "Cite this" in a deal's panel and an event's details: the plain citation with the dataset
/// version, the record's standalone address (never the embed's) and its sources, copied with
/// one click; refused, it is shown selected; in Urdu its words are Urdu.
#[tokio::test(flavor = "multi_thread")]
async fn cite_this_copies_a_plain_citation_of_the_record() {
    let page = Page::open("sel=deal-ussm-fwo-mou&embed=1").await;
    page.wait_for("dialog", "return document.querySelector('dialog.de-exp__detail[open]')").await;
    stub_clipboard(&page, false).await;
    page.by_role("button", "Cite this").await.click().await.expect("Cite this");
    let copied = page.wait_for("copied", "return window.__copied").await.as_str().unwrap_or("").to_string();
    let base = page.js("return location.origin + location.pathname").await.as_str().unwrap_or("").to_string();
    let first = copied.lines().next().unwrap_or("");
    assert!(first.starts_with("“USSM–FWO memorandum of understanding on critical minerals”. "), "{copied}");
    assert!(first.contains(", dataset version ") && first.contains("(data as of "), "{copied}");
    assert!(first.ends_with(&format!("{base}?sel=deal-ussm-fwo-mou")), "{copied}");
    assert!(!copied.contains("embed=1"), "{copied}");
    assert!(copied.contains("\nSources:\n- APP (Associated Press of Pakistan), “PM, US delegation discuss mining opportunities in Pakistan”, 2025-09-08. https://www.app.com.pk/"), "{copied}");
    page.wait_for("said so", &format!("return {CITE_STATUS} === 'Citation copied'")).await;
    // Refused: the citation is shown in a field, focused and selected.
    stub_clipboard(&page, true).await;
    page.by_role("button", "Cite this").await.click().await.expect("Cite this again");
    let field = page.by_role("textbox", "Citation").await;
    assert_eq!(field.prop("value").await.ok().flatten().as_deref(), Some(copied.as_str()));
    assert_eq!(
        page.js("const f = document.activeElement; return f.matches('.de-share__manual textarea') && f.selectionEnd - f.selectionStart === f.value.length").await,
        true
    );
    // An event in the timeline, in Urdu.
    page.goto("view=timeline&sel=2025-09-08-ussm-fwo-mou-signed&lang=ur").await;
    stub_clipboard(&page, false).await;
    page.by_role("button", "حوالہ دیں").await.click().await.expect("Urdu Cite this");
    let copied = page.wait_for("copied", "return window.__copied").await.as_str().unwrap_or("").to_string();
    assert!(copied.contains("ڈیٹا سیٹ ورژن") && copied.contains("\nماخذ:\n"), "{copied}");
    assert!(copied.lines().next().unwrap_or("").ends_with(&format!("{base}?view=timeline&sel=2025-09-08-ussm-fwo-mou-signed&lang=ur")), "{copied}");
    page.assert_no_console_errors().await;
    page.close().await;
}
