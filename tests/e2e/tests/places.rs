//! A record's places in its details: the deals panel and the timeline's
//! details list them; a place's link opens it on the Map, "Deals here" and
//! "Events here" filter the records by it.

use deal_explorer_e2e::Page;

/// The places list of the open details, found by the place's link.
async fn place_link(page: &Page, name: &str) -> deal_explorer_e2e::fantoccini::elements::Element {
    let list = page.css(".de-places").await;
    page.by_role_in(Some(&list), "link", name).await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deals_place_opens_on_the_map() {
    let page = Page::open("sel=deal-exim-reko-diq").await;
    page.wait_for("the panel", "return document.querySelector('dialog.de-exp__detail[open]')").await;
    let item = page.text(&page.css(".de-places li[data-place='place-reko-diq']").await).await;
    assert!(item.contains("Mine project"), "the place's kind: {item}");
    assert!(!item.contains("Approximate"), "Reko Diq's location is exact: {item}");
    place_link(&page, "Reko Diq").await.click().await.expect("follow the place");
    page.wait_query("the map at the place", |q| q.contains("view=map") && q.contains("sel=place-reko-diq")).await;
    page.wait_for("the map", "return document.querySelector('svg[role=img]')?.getAttribute('aria-label')?.startsWith('Map of Pakistan')").await;
    page.wait_for("the place's details", "return document.getElementById('de-map-details-h')?.textContent === 'Reko Diq'").await;
    // The place can be cited like any record, and closing it forgets it in the address (a reload would reopen it).
    let details = page.css(".de-map__details").await;
    page.by_role_in(Some(&details), "button", "Cite this").await;
    page.by_role_in(Some(&details), "button", "Close").await.click().await.expect("close the place");
    page.wait_query("the place closed", |q| q.contains("view=map") && !q.contains("sel=")).await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deals_here_and_events_here_filter_by_the_place() {
    let page = Page::open("sel=deal-pasni-port-proposal").await;
    page.wait_for("the panel", "return document.querySelector('dialog.de-exp__detail[open]')").await;
    let item = page.text(&page.css(".de-places li[data-place='place-pasni']").await).await;
    assert!(item.contains("Port") && item.contains("15 km"), "an approximate place says its area: {item}");
    let list = page.css(".de-places").await;
    page.by_role_in(Some(&list), "link", "Deals here").await.click().await.expect("deals here");
    page.wait_query("deals at Pasni", |q| q.contains("place=place-pasni") && !q.contains("sel=")).await;
    page.by_role("button", "Remove filter: Place: Pasni (proposed port terminal)").await;
    let count = page.wait_for("one deal", "return document.querySelector('.de-exp__count')?.textContent?.startsWith('1 of')").await;
    assert_eq!(count, true);

    page.goto("view=timeline&sel=2025-10-05-officials-deny-pasni-offer&lang=ur").await;
    page.wait_for("the details", "return document.getElementById('de-tl-details-h')").await;
    let list = page.css(".de-places").await;
    page.by_role_in(Some(&list), "link", "پسنی (مجوزہ بندرگاہ ٹرمینل)").await;
    page.by_role_in(Some(&list), "link", "یہاں کے واقعات").await.click().await.expect("events here");
    page.wait_query("events at Pasni", |q| q.contains("view=timeline") && q.contains("place=place-pasni") && q.contains("lang=ur")).await;
    page.wait_for("no event open", "return !document.getElementById('de-tl-details-h')").await;
    page.assert_no_console_errors().await;
    page.close().await;
}
