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
    // The tenth mark in the window and on top (the chart opens on 2025–26; earlier marks lie outside it):
    // any but the first, so a handler that always opened the first would fail.
    page.js("const box = document.querySelector('.de-tl-svg').getBoundingClientRect();
        const seen = [...document.querySelectorAll('.de-tl-svg .de-tl-mark')].filter((g) => {
          const r = g.querySelector('path').getBoundingClientRect();
          return r.left >= box.left && r.right <= box.right && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === g.querySelector('path');
        });
        seen[9].setAttribute('data-pick', '')").await;
    let tenth = page.js("return document.querySelector('.de-tl-svg .de-tl-mark[data-pick]').closest('[data-event]').dataset.event").await;
    let mark = page.css(".de-tl-svg .de-tl-mark[data-pick] path").await;
    mark.click().await.expect("click the mark");
    page.wait_for("details open", "return document.querySelector('.de-tl-details')").await;
    assert!(page.query().await.contains("sel="), "{}", page.query().await);
    // The marks are drawn again on selection: compare events, not elements.
    let hot = page.js("return document.querySelector('.de-tl-svg .de-tl-hot')?.closest('[data-event]')?.dataset.event ?? null").await;
    assert_eq!(hot, tenth, "the mark tapped is the one selected");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_filter_link_shows_only_matching_events() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=timeline&mineral=min-antimony").await;
    // The count covers the events before 2025 too, which the list folds: unfold them first.
    if page.js("return !!document.querySelector('.de-tl-fold')").await == true {
        page.js("document.querySelector('.de-tl-fold').click()").await;
        page.wait_for("unfolded", "return document.querySelector('.de-tl-fold').getAttribute('aria-expanded') === 'true'").await;
    }
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

/// The dataset's event dates, as written (YYYY, YYYY-MM or YYYY-MM-DD).
fn event_dates() -> Vec<String> {
    let text = std::fs::read_to_string(deal_explorer_e2e::repo().join("public/data/deals.json")).expect("the dataset");
    let data: deal_explorer_e2e::serde_json::Value = deal_explorer_e2e::serde_json::from_str(&text).expect("JSON");
    data["events"].as_array().map(|es| es.iter().filter_map(|e| e["date"].as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn days(date: &str) -> i64 {
    // Days since 1970-01-01 of a date's first day (a civil-from-days inverse; years from 1600 on).
    let mut parts = date.split('-').map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (parts.next().unwrap_or(1970), parts.next().unwrap_or(1), parts.next().unwrap_or(1));
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d - 719469
}

#[tokio::test(flavor = "multi_thread")]
async fn the_chart_opens_on_2025_26_and_every_year_is_one_step_away() {
    let dates = event_dates();
    let first = dates.iter().map(|d| days(d)).min().unwrap();
    let last = dates.iter().map(|d| days(d)).max().unwrap();
    let story = last - days("2025-01-01");
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=timeline").await;
    let span = || async { page.js("return Number(document.querySelector('.de-tl-svg').dataset.span)").await.as_f64().unwrap() };
    page.wait_for("chart sized", "return Number(document.querySelector('.de-tl-svg')?.dataset.span) > 0").await;
    let opening = span().await;
    assert!(opening >= story as f64 && opening < story as f64 * 1.15, "opens on 2025–26: {opening} days for {story}");
    // The background years: one button away, and zooming out still reaches them.
    assert_eq!(page.js("return document.querySelectorAll('.de-tl-controls button[aria-disabled=true]').length").await.as_u64(), Some(0));
    page.by_role("button", "All years").await.click().await.unwrap();
    assert!(span().await >= (last - first) as f64, "every year");
    page.by_role("button", "Reset zoom").await.click().await.unwrap();
    assert_eq!(span().await, opening);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_phone_the_list_opens_at_2025_with_earlier_events_folded_and_year_chips() {
    let dates = event_dates();
    let earlier = dates.iter().filter(|d| d.as_str() < "2025").count();
    let page = Page::new_session(390, 844).await;
    open(&page, "view=timeline").await;
    // The first event shown is the first of 2025; the earlier ones wait behind one control.
    let first = page.js(&format!("return {ITEMS}[0].querySelector('time').getAttribute('datetime')")).await;
    assert!(first.as_str().is_some_and(|d| d.starts_with("2025")), "{first}");
    assert_eq!(page.js(&format!("return {ITEMS}.length")).await.as_u64(), Some((dates.len() - earlier) as u64));
    let fold = page.by_role("button", &format!("Show {earlier} earlier events (before 2025)")).await;
    assert_eq!(fold.attr("aria-expanded").await.ok().flatten().as_deref(), Some("false"));
    // Year chips jump to the first event of their year, by keyboard.
    let years = page.by_role("navigation", "Jump to a year").await;
    let chip = page.by_role_in(Some(&years), "button", "2026").await;
    chip.send_keys(deal_explorer_e2e::keys::ENTER).await.unwrap();
    let focused = page.wait_for("the first 2026 event focused", "const a = document.activeElement; return a && a.matches('.de-tl-item') && a.getAttribute('aria-label')").await;
    let first_2026 = dates.iter().filter(|d| d.starts_with("2026")).min().unwrap().clone();
    let at = page.js("return document.activeElement.querySelector('time').getAttribute('datetime')").await;
    assert_eq!(at.as_str(), Some(first_2026.as_str()), "{focused}");
    assert_eq!(page.js("return document.activeElement.tabIndex").await.as_i64(), Some(0), "the list's tab stop moved with it");
    // "Before 2025" unfolds the background events and goes to the first.
    page.by_role_in(Some(&years), "button", "Before 2025").await.click().await.unwrap();
    page.wait_for("every event", &format!("return {ITEMS}.length === {}", dates.len())).await;
    let oldest = page.wait_for("the oldest focused", &format!("return document.activeElement === {ITEMS}[0] && document.activeElement.querySelector('time').getAttribute('datetime')")).await;
    assert_eq!(oldest.as_str().map(|d| d < "2025"), Some(true), "{oldest}");
    assert_eq!(page.by_role("button", "Hide the earlier events").await.attr("aria-expanded").await.ok().flatten().as_deref(), Some("true"));
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_kind_filter_shows_as_active_and_clears() {
    let page = Page::new_session(390, 844).await;
    open(&page, "view=timeline&kind=tariff").await;
    let intro = page.js("return document.querySelector('.de-tl-intro').textContent").await;
    assert!(intro.as_str().is_some_and(|t| t.starts_with("Filtered:")), "{intro}");
    let filters = page.by_role("list", "Active filters").await;
    let remove = page.by_role_in(Some(&filters), "button", "Remove filter: Kind: Tariff").await;
    let count = page.js("return document.querySelector('.de-tl-count').textContent").await;
    assert!(count.as_str().is_some_and(|c| !c.starts_with("130 ")), "{count}");
    remove.click().await.unwrap();
    page.wait_query("the filter removed", |q| q == "view=timeline").await;
    page.wait_for("unfiltered", "return document.querySelector('.de-tl-intro').textContent.startsWith('Every event') && !document.querySelector('.de-tl-filters')").await;
    // Several filters: Clear filters takes them all, and Back brings them back.
    page.goto("view=timeline&kind=tariff,legal&q=section").await;
    page.wait_for("filters", "return document.querySelectorAll('.de-tl-filters li').length === 3").await;
    page.by_role("button", "Clear filters").await.click().await.unwrap();
    page.wait_query("cleared", |q| q == "view=timeline").await;
    page.client.back().await.unwrap();
    page.wait_for("back", "return document.querySelectorAll('.de-tl-filters li').length === 3").await;
    // In Urdu, the same.
    page.goto("view=timeline&kind=tariff&lang=ur").await;
    page.by_role("list", "لاگو فلٹر").await;
    page.assert_no_console_errors().await;
    page.close().await;
}
