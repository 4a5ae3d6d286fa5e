//! The Deals view: search, facets, URL restore, back/forward, both exports,
//! the detail panel by keyboard, and the narrow layout.

use deal_explorer_e2e::fantoccini::key::Key;
use deal_explorer_e2e::serde_json::Value;
use deal_explorer_e2e::Page;

const COUNT: &str = "return document.querySelector('.de-exp__count')?.textContent || ''";

async fn count(page: &Page) -> String {
    page.js(COUNT).await.as_str().unwrap_or("").to_string()
}

/// The leading number of "3 of 14 deals".
fn shown(text: &str) -> usize {
    text.split_whitespace()
        .next()
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or(usize::MAX)
}

async fn wait_count_change(page: &Page, before: &str) -> String {
    page.wait_for(
        "count changes",
        &format!("return document.querySelector('.de-exp__count')?.textContent !== {before:?}"),
    )
    .await;
    count(page).await
}

#[tokio::test(flavor = "multi_thread")]
async fn search_is_case_and_accent_insensitive_and_highlights() {
    let page = Page::open("").await;
    let all = count(&page).await;
    assert!(all.ends_with("deals") && shown(&all) > 0, "{all}");
    let search = page.by_role("searchbox", "Search").await;
    search.send_keys("COPPÉR").await.expect("type");
    let found = wait_count_change(&page, &all).await;
    assert!(shown(&found) < shown(&all) && shown(&found) > 0, "{found}");
    page.wait_query("the search", |q| q == "q=COPP%C3%89R").await;
    assert!(page
        .js("return document.querySelectorAll('.de-exp__table mark').length > 0")
        .await
        .as_bool()
        .unwrap_or(false));
    // The same view from a plain lowercase link.
    page.goto("q=copper").await;
    page.wait_for("results", "return document.querySelector('.de-exp__count')")
        .await;
    assert_eq!(count(&page).await, found);
    page.assert_no_console_errors().await;
    page.close().await;
}

/// Typing writes the address once it pauses, replacing the entry (no history
/// flood); a step the back button undoes, or hiding the page, writes the waiting
/// text first.
#[tokio::test(flavor = "multi_thread")]
async fn typed_text_reaches_the_address_without_flooding_history() {
    let page = Page::open("").await;
    let before = page.js("return history.length").await;
    let search = page.by_role("searchbox", "Search").await;
    search.send_keys("cop").await.expect("type");
    page.wait_query("the typed text", |q| q == "q=cop").await;
    assert_eq!(page.js("return history.length").await, before, "typing replaced the entry");
    // More text, then at once a facet (a pushed step): the entry left keeps the whole text.
    search.send_keys("per").await.expect("type");
    let group = page.by_role("group", "Minerals").await;
    page.by_role_in(Some(&group), "checkbox", "Copper").await.click().await.expect("tick Copper");
    page.wait_query("the facet", |q| q.contains("mineral=min-copper")).await;
    page.client.back().await.expect("back");
    page.wait_query("the text before the facet", |q| q == "q=copper").await;
    // Hiding the page (a phone switching apps, which may then discard it) writes
    // the waiting text at once, so the restored page keeps it.
    let search = page.by_role("searchbox", "Search").await;
    search.send_keys(" ore").await.expect("type");
    let written = page
        .js("document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); return location.search")
        .await;
    assert_eq!(written, "?q=copper+ore", "hiding the page wrote the typed text");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn facets_filter_count_and_clear_with_back_and_forward() {
    let page = Page::open("").await;
    let all = count(&page).await;
    let group = page.by_role("group", "Minerals").await;
    let copper = page.by_role_in(Some(&group), "checkbox", "Copper").await;
    let promised = page
        .js("return [...document.querySelectorAll('.de-exp__option')].find(l => l.textContent.trim().startsWith('Copper')).querySelector('.de-exp__n').textContent")
        .await;
    copper.click().await.expect("tick Copper");
    let filtered = wait_count_change(&page, &all).await;
    assert_eq!(page.query().await, "mineral=min-copper");
    // The option's count said what ticking it gives.
    assert_eq!(
        promised.as_str().map(|s| s.trim().to_string()),
        Some(shown(&filtered).to_string())
    );
    page.client.back().await.expect("back");
    page.wait_for(
        "unfiltered",
        &format!("return document.querySelector('.de-exp__count').textContent === {all:?}"),
    )
    .await;
    assert_eq!(page.query().await, "");
    page.client.forward().await.expect("forward");
    page.wait_for(
        "filtered again",
        &format!("return document.querySelector('.de-exp__count').textContent === {filtered:?}"),
    )
    .await;
    page.by_role("button", "Clear filters")
        .await
        .click()
        .await
        .expect("clear");
    page.wait_for(
        "cleared",
        &format!("return document.querySelector('.de-exp__count').textContent === {all:?}"),
    )
    .await;
    assert_eq!(page.query().await, "");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_copied_link_restores_the_view_and_bad_parameters_are_ignored() {
    let page = Page::open(
        "records=events&q=reko&sort=title&confidence=confirmed,nonsense&from=2025-01-01&vmin=abc",
    )
    .await;
    let text = count(&page).await;
    assert!(text.ends_with("events"), "{text}");
    let titles = "return [...document.querySelectorAll('.de-exp__table .de-exp__open')].map(a => a.textContent).join('|')";
    let first = page.js(titles).await;
    assert_eq!(
        page.js("return document.querySelector('#de-exp-q').value")
            .await,
        "reko"
    );
    assert_eq!(
        page.js("return document.querySelector('#de-exp-sort').value")
            .await,
        "title"
    );
    page.goto(&page.query().await).await;
    page.wait_for("results", "return document.querySelector('.de-exp__count')")
        .await;
    assert_eq!((count(&page).await, page.js(titles).await), (text, first));
    page.assert_no_console_errors().await;
    page.close().await;
}

/// Captures the next Blob handed to URL.createObjectURL and returns its text.
async fn capture_download(page: &Page, button: &str) -> String {
    page.js("window.__blobs = []; const o = URL.createObjectURL; URL.createObjectURL = b => { window.__blobs.push(b); return o.call(URL, b); }; return true").await;
    page.by_role("button", button)
        .await
        .click()
        .await
        .expect("click download");
    page.wait_for("blob", "return window.__blobs.length > 0")
        .await;
    let v: Value = page
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; window.__blobs[0].text().then(done);",
            vec![],
        )
        .await
        .expect("read blob");
    v.as_str().unwrap_or("").to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn both_exports_hold_the_filtered_records() {
    let page = Page::open("mineral=min-copper").await;
    let n = shown(&count(&page).await);
    let csv = capture_download(&page, "Download CSV").await;
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("id,title,date,"), "{csv}");
    assert!(csv.ends_with("\r\n"));
    let records = csv.split("\r\n").filter(|l| l.starts_with("deal-")).count();
    assert_eq!(records, n, "one CSV line per result");
    let json = capture_download(&page, "Download JSON").await;
    let parsed: Value = deal_explorer_e2e::serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed.as_array().map(Vec::len), Some(n));
    assert!(parsed[0]["minerals"]
        .as_array()
        .is_some_and(|m| m.iter().any(|x| x == "Copper")));
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn detail_panel_opens_and_closes_by_keyboard() {
    let page = Page::open("").await;
    let link = page.css(".de-exp__table .de-exp__open").await;
    let id = link.attr("id").await.ok().flatten().unwrap_or_default();
    link.send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter on the link");
    page.wait_for(
        "dialog",
        "return document.querySelector('dialog.de-exp__detail[open]')",
    )
    .await;
    assert!(page.query().await.starts_with("sel="));
    assert!(page
        .js("return document.querySelector('dialog.de-exp__detail').contains(document.activeElement)")
        .await
        .as_bool()
        .unwrap_or(false));
    assert!(page
        .js("return document.querySelectorAll('dialog.de-exp__detail .de-exp__links a[href^=http]').length > 0")
        .await
        .as_bool()
        .unwrap_or(false));
    page.by_role("button", "Close")
        .await
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("Escape");
    page.wait_for(
        "closed",
        "return !document.querySelector('dialog.de-exp__detail')",
    )
    .await;
    assert_eq!(page.query().await, "");
    page.wait_for(
        "focus back",
        &format!("return document.activeElement.id === {id:?}"),
    )
    .await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn narrow_screens_get_a_list_and_no_sideways_scroll() {
    let page = Page::open_sized("lang=en", 360, 800).await;
    page.by_role("list", "Deals").await;
    assert!(
        !page.has_role("table", "Deals").await,
        "the table is hidden on narrow screens"
    );
    let overflow = page
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        .await;
    assert_eq!(overflow.as_i64(), Some(0));
    page.close().await;
    let wide = Page::open("").await;
    wide.by_role("table", "Deals").await;
    assert!(!wide.has_role("list", "Deals").await);
    wide.close().await;
}

/// The ids of the table's rows, top to bottom.
const ROW_IDS: &str = "return [...document.querySelectorAll('.de-exp__table tbody tr .de-exp__open')].map((a) => a.id)";

async fn row_ids(page: &Page) -> Vec<String> {
    page.js(ROW_IDS)
        .await
        .as_array()
        .map(|ids| ids.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

/// Rows whose element is not the one tagged before the keystrokes (a rebuilt row has no tag).
const REBUILT: &str = "return [...document.querySelectorAll('.de-exp__table tbody tr')].filter((tr) => tr.deTag !== tr.querySelector('.de-exp__open').id).length";

/// Holds when every row's link carries `q` as the search and some row marks `term`.
fn rows_follow(q: &str, term: &str) -> String {
    format!(
        "const rows = [...document.querySelectorAll('.de-exp__table tbody tr')];
        return rows.every((tr) => new URL(tr.querySelector('.de-exp__open').href).searchParams.get('q') === {q:?})
            && rows.some((tr) => [...tr.querySelectorAll('mark')].some((m) => m.textContent.toLowerCase() === {term:?}))"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn rows_kept_across_keystrokes_are_the_same_nodes_and_follow_the_query() {
    let page = Page::open("").await;
    let all = count(&page).await;
    let before = row_ids(&page).await;
    assert!(before.len() > 2, "{before:?}");
    page.js("document.querySelectorAll('.de-exp__table tbody tr').forEach((tr) => { tr.deTag = tr.querySelector('.de-exp__open').id; })")
        .await;
    let search = page.by_role("searchbox", "Search").await;
    search.send_keys("reko").await.expect("type");
    let found = wait_count_change(&page, &all).await;
    let narrowed = row_ids(&page).await;
    assert!(!narrowed.is_empty() && narrowed.len() < before.len(), "{narrowed:?}");
    // The same order as before, less the rows that left.
    let expected: Vec<String> = before.iter().filter(|id| narrowed.contains(id)).cloned().collect();
    assert_eq!(narrowed, expected);
    assert_eq!(page.js(REBUILT).await.as_i64(), Some(0), "rows were rebuilt");
    page.wait_for("marks and links for 'reko'", &rows_follow("reko", "reko")).await;
    // A second term: the kept rows mark it and their links carry the whole query.
    search.send_keys(" diq").await.expect("type");
    page.wait_for("marks and links for 'reko diq'", &rows_follow("reko diq", "diq")).await;
    assert_eq!(count(&page).await, found);
    assert_eq!(page.js(REBUILT).await.as_i64(), Some(0), "rows were rebuilt");
    // Clearing the search brings the others back between the kept ones, in the first order.
    page.by_role("button", "Clear filters").await.click().await.expect("clear");
    page.wait_for("all rows back", &format!("return document.querySelector('.de-exp__count')?.textContent === {all:?}"))
        .await;
    // Rows past the first screenful are placed once the first ones have painted.
    page.wait_for("every row placed", &format!("{}.length === {}", ROW_IDS.replacen("return ", "return (", 1) + ")", before.len()))
        .await;
    assert_eq!(row_ids(&page).await, before);
    let kept = page
        .js("return [...document.querySelectorAll('.de-exp__table tbody tr')].filter((tr) => tr.deTag).map((tr) => tr.deTag)")
        .await;
    assert_eq!(kept.as_array().map(Vec::len), Some(narrowed.len()), "{kept}");
    page.assert_no_console_errors().await;
    page.close().await;
}

/// Types `text` into the search box by script and returns the table's rows
/// (id, marked words, link) in the first animation frame after it (before that
/// frame paints), and once the page is still again.
const FIRST_FRAME_AND_SETTLED: &str = "const done = arguments[arguments.length - 1];
    const ids = () => [...document.querySelectorAll('.de-exp__table tbody tr')].map((tr) => {
      const a = tr.querySelector('.de-exp__open');
      return [a.id, [...tr.querySelectorAll('mark')].map((m) => m.textContent).join('|'), a.getAttribute('href')].join(' ');
    });
    const box = document.querySelector('#de-exp-q');
    box.value = arguments[0];
    box.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => {
      const first = ids();
      setTimeout(() => requestAnimationFrame(() => setTimeout(() => done({ first, settled: ids() }), 300)), 0);
    });";

#[tokio::test(flavor = "multi_thread")]
async fn a_keystroke_paints_the_first_rows_at_once_and_the_rest_right_after() {
    // 400 synthetic deals: results fill a page of 50 rows.
    let server = deal_explorer_e2e::bench::serve_synthetic("explorer-two-steps", 400);
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url("view=deals")).await;
    page.wait_for("50 rows", &format!("{}.length === 50", ROW_IDS.replacen("return ", "return (", 1) + ")")).await;
    // "lithiu" → "lithium" keeps the same rows: only their marks and links change.
    for text in ["l", "li", "lithiu", "lithium", "gold", ""] {
        let got = page.client.execute_async(FIRST_FRAME_AND_SETTLED, vec![deal_explorer_e2e::serde_json::json!(text)]).await.expect("typed");
        let list = |k: &str| -> Vec<String> {
            got.get(k).and_then(|v| v.as_array()).map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
        };
        let (first, settled) = (list("first"), list("settled"));
        let total = shown(&count(&page).await);
        assert_eq!(settled.len(), total.min(50), "{text:?}: a whole page once settled ({total} results)");
        // The first frame already shows the new results' first rows, in order, and no stale row.
        assert!(first.len() >= settled.len().min(12), "{text:?}: only {} rows in the first frame", first.len());
        // Kept rows too: the first ones' marks and links are up to date in that frame.
        let first_rows = &first[..first.len().min(12)];
        assert_eq!(Some(first_rows), settled.get(..first_rows.len()), "{text:?}: the first frame's first rows are the settled page's");
        if text == "lithium" {
            assert_eq!(first.len(), settled.len(), "\"lithiu\" → \"lithium\" should keep every row");
        }
        // Rows set aside are placed again, and rows kept out of the first frame catch up, right after.
        let query = format!("q={text}");
        for row in &settled {
            assert_eq!(row.contains(&query), !text.is_empty(), "{text:?}: a settled row's link does not carry the query: {row}");
        }
    }
    // (No console check: this copy is served without its service worker, whose registration then fails.)
    page.close().await;
}

/// Heights of the table's rows, top to bottom.
const ROW_HEIGHTS: &str = "return [...document.querySelectorAll('.de-exp__table tbody tr')].map((tr) => Math.round(tr.getBoundingClientRect().height))";

#[tokio::test(flavor = "multi_thread")]
async fn rows_out_of_sight_keep_their_height() {
    // Parts of rows out of sight skip layout (content-visibility): a row seen
    // once must keep its height when it leaves the screen, or the page's length
    // changes under the reader's scrolling. 900 px show a few of the 14 rows
    // (background records included: the default list has too few to leave the screen).
    let page = Page::open("view=deals&bg=1").await;
    // The view and its later parts in (the view's wasm part arrives after the chrome).
    page.wait_for("the footer, the last part", "return document.querySelector('.de-footer')").await;
    page.client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             let y = 0;
             const step = () => { window.scrollTo(0, y); y += 300;
               if (y < document.documentElement.scrollHeight) requestAnimationFrame(() => requestAnimationFrame(step));
               else { window.scrollTo(0, 0); requestAnimationFrame(() => requestAnimationFrame(() => done(true))); } };
             step();",
            vec![],
        )
        .await
        .expect("scrolled through");
    let skipped = page.js(ROW_HEIGHTS).await;
    page.js("const s = document.createElement('style'); s.textContent = '.de-exp * { content-visibility: visible !important; }'; document.head.append(s);").await;
    let shown = page.js(ROW_HEIGHTS).await;
    assert!(shown.as_array().is_some_and(|rows| rows.len() > 8), "{shown}");
    assert_eq!(skipped, shown, "row heights with the rows out of sight skipped, and all laid out");
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rows_sources_are_listed_once_its_details_open() {
    let page = Page::open("").await;
    let details = ".de-exp__table tbody tr:first-child details.de-exp__sources";
    let summary = page.css(&format!("{details} > summary")).await;
    let label = page.text(&summary).await;
    let n: usize = label
        .rsplit('(')
        .next()
        .and_then(|s| s.trim_end_matches(')').parse().ok())
        .unwrap_or(0);
    assert!(n > 0, "{label}");
    assert_eq!(
        page.js(&format!("return document.querySelectorAll('{details} a').length")).await.as_i64(),
        Some(0),
        "the list waits until opened"
    );
    // By keyboard, as the native summary allows.
    page.js(&format!("document.querySelector('{details} > summary').focus()")).await;
    page.press(&Key::Enter.to_string()).await;
    page.wait_for(
        "the source links",
        &format!("return document.querySelector('{details}').open && document.querySelectorAll('{details} ul a[href^=http]').length === {n}"),
    )
    .await;
    // Closed again, the list stays for the next opening.
    page.press(&Key::Enter.to_string()).await;
    page.wait_for("closed", &format!("return !document.querySelector('{details}').open")).await;
    assert_eq!(
        page.js(&format!("return document.querySelectorAll('{details} ul a').length")).await.as_i64(),
        Some(n as i64)
    );
    page.assert_no_console_errors().await;
    page.close().await;
}

/// A link from the map: `place=` shows only that place's deals, names the filter above the
/// results as a button that removes it, and ids the dataset does not know are ignored.
#[tokio::test(flavor = "multi_thread")]
async fn a_place_link_filters_the_deals_and_its_filter_removes() {
    let page = Page::open("view=deals&place=place-reko-diq").await;
    page.wait_for("results", "return document.querySelector('.de-exp__count')").await;
    let one = count(&page).await;
    assert_eq!(shown(&one), 1, "{one}");
    assert_eq!(row_ids(&page).await.len(), 1);
    let titles = "return [...document.querySelectorAll('.de-exp__table .de-exp__open')].map(a => a.textContent).join('|')";
    assert!(page.js(titles).await.as_str().unwrap_or("").contains("Reko Diq"));
    // Unknown ids change nothing; beside a known one they are dropped.
    page.goto("view=deals&place=place-nowhere,place-reko-diq").await;
    page.wait_for("results", "return document.querySelector('.de-exp__count')").await;
    assert_eq!(count(&page).await, one);
    page.goto("view=deals&place=place-nowhere").await;
    page.wait_for("results", "return document.querySelector('.de-exp__count')").await;
    let all = count(&page).await;
    assert!(shown(&all) > 1, "{all}");
    assert!(!page.has_role("button", "Remove filter: Place: place-nowhere").await);
    // The filter's button removes it, and the count follows.
    page.goto("view=deals&place=place-reko-diq").await;
    let chip = page.by_role("button", "Remove filter: Place: Reko Diq").await;
    chip.click().await.expect("remove the place");
    page.wait_for("all deals", &format!("return document.querySelector('.de-exp__count').textContent === {all:?}")).await;
    assert_eq!(page.query().await, "");
    page.assert_no_console_errors().await;
    page.close().await;
}
