//! The Timeline view: date order and key dates, zoom buttons, the keyboard
//! path through the list and details, the filter link, the narrow layout.

use deal_explorer_e2e::Page;

const ITEMS: &str = "document.querySelectorAll('ol[aria-label=\"Timeline events\"] > li')";

/// The list item with this accessible name, checked as Chromium computes role and name
/// (found by attribute first: asking the role of every item is slow over WebDriver).
async fn item(page: &Page, name: &str) -> deal_explorer_e2e::fantoccini::elements::Element {
    let el = page
        .css(&format!(
            "ol[aria-label=\"Timeline events\"] > li[aria-label=\"{name}\"]"
        ))
        .await;
    assert_eq!(page.role(&el).await, "listitem");
    assert_eq!(page.label(&el).await, name);
    el
}

async fn open(page: &Page, query: &str) {
    page.goto(query).await;
    page.wait_for("timeline list", &format!("return {ITEMS}.length > 0"))
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn events_are_in_date_order_with_the_key_dates() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=timeline").await;
    let list = page.by_role("list", "Timeline events").await;
    assert_eq!(page.role(&list).await, "list");
    // Dates of the items, as the data writes them, are non-decreasing.
    let dates = page
        .js(&format!(
            "return [...{ITEMS}].map(li => li.querySelector('time').getAttribute('datetime').padEnd(10, '-00'))"
        ))
        .await;
    let dates: Vec<String> = dates
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    assert!(dates.len() > 100);
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "not in date order");
    for name in [
        "8 September 2025: USSM–FWO MoU signed",
        "2 October 2025: First sample shipment delivered to USSM",
        "20 February 2026: Supreme Court strikes down IEEPA tariffs",
    ] {
        let item = item(&page, name).await;
        assert!(item.attr("tabindex").await.unwrap().is_some(), "{name} is focusable");
    }
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn zoom_buttons_change_the_window_and_reset_restores_it() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=timeline").await;
    let span = || async {
        page.js("return Number(document.querySelector('.de-tl-svg').dataset.span)")
            .await
            .as_f64()
            .unwrap()
    };
    page.wait_for(
        "chart sized",
        "return Number(document.querySelector('.de-tl-svg')?.dataset.span) > 0",
    )
    .await;
    let start = span().await;
    page.by_role("button", "Zoom in").await.click().await.unwrap();
    let zoomed = span().await;
    assert!((zoomed - start / 2.0).abs() <= 1.0, "{start} → {zoomed}");
    page.by_role("button", "Zoom out").await.click().await.unwrap();
    page.by_role("button", "Zoom out").await.click().await.unwrap();
    assert!(span().await > start);
    page.by_role("button", "Reset zoom").await.click().await.unwrap();
    assert_eq!(span().await, start);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_moves_opens_and_closes() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=timeline").await;
    page.js(&format!("{ITEMS}[0].focus()")).await;
    page.js("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowDown', bubbles: true}))")
        .await;
    let second = page
        .js(&format!(
            "return document.activeElement === {ITEMS}[1] && {ITEMS}[1].tabIndex === 0"
        ))
        .await;
    assert_eq!(second, true, "ArrowDown moves focus and the tab stop");
    let id = page
        .js("return document.activeElement.id.replace('de-tl-ev-', '')")
        .await;
    page.js("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))")
        .await;
    page.wait_for(
        "details open",
        "return document.activeElement && document.activeElement.id === 'de-tl-details-h'",
    )
    .await;
    assert!(page.query().await.contains(&format!("sel={}", id.as_str().unwrap())));
    page.by_role("button", "Close").await;
    page.js("document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))")
        .await;
    page.wait_for(
        "focus back on the item",
        &format!("return !document.querySelector('.de-tl-details') && document.activeElement === {ITEMS}[1]"),
    )
    .await;
    assert!(!page.query().await.contains("sel="));
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tapping_a_mark_in_the_chart_opens_that_event() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=timeline").await;
    // The tenth mark: any but the first, so a handler that always opened the first would fail.
    let mark = page.css(".de-tl-svg .de-tl-mark:nth-of-type(10) path").await;
    mark.click().await.expect("click the mark");
    page.wait_for("details open", "return document.querySelector('.de-tl-details')").await;
    assert!(page.query().await.contains("sel="), "{}", page.query().await);
    let hot = page.js("return [...document.querySelectorAll('.de-tl-svg .de-tl-mark')].findIndex((g) => g.classList.contains('de-tl-hot'))").await;
    let tenth = page.js("return [...document.querySelectorAll('.de-tl-svg .de-tl-mark')].indexOf(document.querySelector('.de-tl-svg .de-tl-mark:nth-of-type(10)'))").await;
    assert_eq!(hot, tenth, "the mark tapped is the one selected");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_filter_link_shows_only_matching_events() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=timeline&mineral=min-antimony").await;
    let n = page.js(&format!("return {ITEMS}.length")).await.as_u64().unwrap();
    let status = page
        .js("return document.querySelector('.de-tl-count').textContent")
        .await;
    assert!(status.as_str().unwrap().starts_with(&format!("{n} of ")), "{status}");
    assert!(n > 0 && n < 60);
    item(&page, "2 October 2025: First sample shipment delivered to USSM").await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn narrow_screens_get_a_vertical_list_without_sideways_scroll() {
    let page = Page::new_session(360, 800).await;
    open(&page, "view=timeline&sel=2025-09-08-ussm-fwo-mou-signed").await;
    let chart_shown = page
        .js("return getComputedStyle(document.querySelector('.de-tl-chart')).display")
        .await;
    assert_eq!(chart_shown, "none");
    let overflow = page
        .js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        .await;
    assert_eq!(overflow.as_i64(), Some(0));
    // The eras are in the list too.
    assert!(
        page.js("return document.querySelectorAll('.de-tl-eramark').length")
            .await
            .as_u64()
            .unwrap()
            >= 5
    );
    page.close().await;
}
