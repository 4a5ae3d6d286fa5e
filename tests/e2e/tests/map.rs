//! The Map view (issue 18): the SVG named "Map of Pakistan …" with its caption,
//! the list "Places" by keyboard only (one tab stop, arrows, Enter opens a
//! place's details, links into the Deals and Timeline views), the URL's filters
//! applied to the map, zoom to a province and back, Urdu (labels in Urdu, the
//! page right to left, the map not mirrored), axe in both languages and
//! themes, a 320 px phone without sideways scroll.

use deal_explorer_e2e::{keys, Page};

/// Waits until the map is drawn (the boundaries arrived) and the list is there.
async fn wait_map(page: &Page) {
    page.wait_for("map drawn", "return !!document.querySelector('svg.de-map__svg .de-map__region') && document.querySelectorAll('.de-map__list li').length > 0").await;
}

/// The names of the list's places, in order.
async fn list_names(page: &Page) -> Vec<String> {
    let names = page.js("return [...document.querySelectorAll('.de-map__list li')].map(li => li.getAttribute('aria-label'))").await;
    names.as_array().map(|a| a.iter().filter_map(|n| n.as_str().map(String::from)).collect()).unwrap_or_default()
}

async fn count(page: &Page, selector: &str) -> u64 {
    page.js(&format!("return document.querySelectorAll('{selector}').length")).await.as_u64().unwrap_or(0)
}

/// Presses Tab until focus is inside the list "Places" (at most `max` times).
async fn tab_into_list(page: &Page, max: usize) {
    for _ in 0..max {
        page.press(keys::TAB).await;
        if page.js("return !!document.activeElement.closest('.de-map__list')").await == true {
            return;
        }
    }
    panic!("Tab never reached the list of places");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_is_an_image_named_map_of_pakistan_with_its_source_and_convention() {
    let page = Page::open("view=map").await;
    wait_map(&page).await;
    let svg = page.css("svg.de-map__svg").await;
    assert_eq!(svg.attr("role").await.ok().flatten().as_deref(), Some("img"));
    let name = page.label(&svg).await;
    assert!(name.starts_with("Map of Pakistan"), "{name}");
    // Every place of the list is a mark on the map, and some have labels.
    let places = list_names(&page).await;
    assert!(places.len() >= 5, "{places:?}");
    assert_eq!(count(&page, ".de-map__marks path").await, places.len() as u64);
    assert!(count(&page, ".de-map__label").await > 0);
    // Disputed areas are hatched, and the caption says whose boundaries and which convention.
    assert!(count(&page, ".de-map__hatch").await > 0, "no hatched (disputed) region");
    let caption = page.text(&page.css(".de-map__caption").await).await;
    assert!(caption.contains("Natural Earth") && caption.contains("disputed") && caption.contains("Kashmir"), "{caption}");
    // No label box overlaps another, and none leaves the map.
    let clean = page
        .js("const svg = document.querySelector('.de-map__svg').getBoundingClientRect();\
             const r = [...document.querySelectorAll('.de-map__label')].map(t => t.getBoundingClientRect());\
             const inside = r.every(b => b.left >= svg.left - 1 && b.right <= svg.right + 1 && b.top >= svg.top - 1 && b.bottom <= svg.bottom + 1);\
             const apart = r.every((a, i) => r.every((b, j) => i >= j || a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top));\
             return inside && apart")
        .await;
    assert_eq!(clean, true, "labels overlap or leave the map as drawn");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_list_of_places_works_by_keyboard_only() {
    let page = Page::open("view=map").await;
    wait_map(&page).await;
    let names = list_names(&page).await;
    tab_into_list(&page, 60).await;
    // One tab stop: the first place; its name says its kind.
    let (role, first) = page.focused().await;
    assert_eq!(role, "listitem");
    assert_eq!(Some(&first), names.first());
    assert!(first.contains(", "), "name and kind: {first}");
    assert_eq!(count(&page, ".de-map__list li[tabindex=\"0\"]").await, 1);
    page.press(keys::DOWN).await;
    assert_eq!(Some(&page.focused().await.1), names.get(1), "ArrowDown moves to the next place");
    page.press(keys::END).await;
    assert_eq!(Some(&page.focused().await.1), names.last(), "End moves to the last place");
    page.press(keys::HOME).await;
    assert_eq!(Some(&page.focused().await.1), names.first(), "Home moves to the first");
    // Enter opens the details; focus moves to their heading.
    page.press(keys::ENTER).await;
    page.wait_for("details open", "return document.activeElement && document.activeElement.id === 'de-map-details-h'").await;
    let heading = page.text(&page.css("#de-map-details-h").await).await;
    assert!(first.starts_with(&heading), "{heading} vs {first}");
    let details = page.text(&page.css(".de-map__details").await).await;
    for part in ["Kind", "Location", "Deals", "Events", "Minerals", "Sources"] {
        assert!(details.contains(part), "{part} missing from {details}");
    }
    // The place is marked on the map.
    assert_eq!(count(&page, ".de-map__mark--open").await, 1);
    // Escape closes them and gives focus back to the place.
    page.press(keys::ESCAPE).await;
    page.wait_for("details closed", "return !document.querySelector('.de-map__details')").await;
    assert_eq!(page.focused().await.1, first);
    // Open again, Tab to one of its deals and follow it: the Deals view with that deal open.
    page.press(keys::ENTER).await;
    page.wait_for("details open", "return document.activeElement && document.activeElement.id === 'de-map-details-h'").await;
    let mut on_deal = false;
    for _ in 0..30 {
        page.press(keys::TAB).await;
        if page.js("return document.activeElement.matches('.de-map__details a[href*=\"sel=deal-\"]')").await == true {
            on_deal = true;
            break;
        }
    }
    assert!(on_deal, "Tab never reached a deal's link in the details of {first}");
    page.press(keys::ENTER).await;
    let q = page.wait_query("a deal open in the Deals view", |q| q.contains("sel=deal-") && !q.contains("view=map")).await;
    page.wait_for("deal details", "return !!document.querySelector('dialog.de-exp__detail[open]')").await;
    assert!(!q.contains("embed"), "{q}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_urls_filters_apply_to_the_map() {
    let page = Page::open("view=map").await;
    wait_map(&page).await;
    let all = list_names(&page).await;
    // A mineral: only places some antimony record names; the status says how many of how many.
    page.goto("view=map&mineral=antimony").await;
    wait_map(&page).await;
    let antimony = list_names(&page).await;
    assert!(!antimony.is_empty() && antimony.len() < all.len(), "{antimony:?} of {all:?}");
    assert!(antimony.iter().all(|a| all.contains(a)));
    assert_eq!(count(&page, ".de-map__marks path").await, antimony.len() as u64, "the map drops what the list drops");
    let status = page.text(&page.css(".de-map [role=status]").await).await;
    assert!(status.starts_with(&format!("{} of {}", antimony.len(), all.len())), "{status}");
    // Clear filters brings every place back.
    page.by_role("button", "Clear filters").await.click().await.expect("click Clear filters");
    page.wait_for("all places", &format!("return document.querySelectorAll('.de-map__list li').length === {}", all.len())).await;
    // A search no record matches: no place, and the list says so.
    page.goto("view=map&q=zzzz-nothing").await;
    page.wait_for("no places", "return document.querySelectorAll('.de-map__list li').length === 0 && document.querySelector('.de-map__side').textContent.includes('No place matches')").await;
    // Dates: a window before every record that names a place leaves none either; invalid values are ignored.
    page.goto("view=map&to=1950-01-01").await;
    page.wait_for("no places before 1950", "return document.querySelectorAll('.de-map__list li').length === 0").await;
    page.goto("view=map&mineral=no-such&from=garbage").await;
    wait_map(&page).await;
    assert_eq!(list_names(&page).await, all);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn zoom_to_a_province_and_back() {
    let page = Page::open("view=map").await;
    wait_map(&page).await;
    let whole = count(&page, ".de-map__marks path").await;
    let height = page.js("return document.querySelector('.de-map__svg').getBoundingClientRect().height").await;
    page.by_role("button", "Balochistan").await.click().await.expect("zoom to Balochistan");
    page.wait_for("zoomed", &format!("return document.querySelectorAll('.de-map__marks path').length < {whole}")).await;
    let pressed = page.by_role("button", "Balochistan").await;
    assert_eq!(pressed.attr("aria-pressed").await.ok().flatten().as_deref(), Some("true"));
    // The map keeps its size: nothing below it moves.
    assert_eq!(page.js("return document.querySelector('.de-map__svg').getBoundingClientRect().height").await, height);
    // By keyboard back to the whole country.
    page.by_role("button", "All of Pakistan").await;
    page.tab_to("button", "All of Pakistan", 40).await;
    page.press(keys::ENTER).await;
    page.wait_for("whole country", &format!("return document.querySelectorAll('.de-map__marks path').length === {whole}")).await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn in_urdu_labels_are_urdu_the_page_runs_right_to_left_and_the_map_is_not_mirrored() {
    let page = Page::open("view=map&lang=ur").await;
    wait_map(&page).await;
    assert_eq!(page.js("return document.documentElement.dir").await, "rtl");
    let svg = page.css("svg.de-map__svg").await;
    let name = page.label(&svg).await;
    assert!(name.starts_with("پاکستان کا نقشہ"), "{name}");
    let labels = page.js("return [...document.querySelectorAll('.de-map__label')].map(t => t.textContent)").await;
    let labels: Vec<String> = labels.as_array().map(|a| a.iter().filter_map(|t| t.as_str().map(String::from)).collect()).unwrap_or_default();
    assert!(!labels.is_empty());
    for l in &labels {
        assert!(l.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "a label not in Urdu: {l}");
    }
    // Not mirrored: no transform, left-to-right coordinates, and the west (Balochistan) is on the left.
    let mirrored = page.js("const s = getComputedStyle(document.querySelector('.de-map__svg')); return s.transform !== 'none' || s.direction !== 'ltr'").await;
    assert_eq!(mirrored, false);
    let list = list_names(&page).await;
    assert!(list.iter().all(|n| n.contains('،') || n.contains(", ")), "{list:?}");
    page.by_role("button", "پورا پاکستان").await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_on_the_map_in_either_language_or_scheme() {
    let page = Page::new_session(1200, 900).await;
    let mut failures = Vec::new();
    for lang in ["en", "ur"] {
        for theme in ["light", "dark"] {
            let query = format!("view=map&lang={lang}&theme={theme}");
            page.goto(&query).await;
            wait_map(&page).await;
            // With a place's details open too.
            page.css(".de-map__list li").await.click().await.expect("open a place");
            page.wait_for("details", "return !!document.querySelector('.de-map__details')").await;
            for v in page.axe().await {
                failures.push(format!("?{query}: {v}"));
            }
        }
    }
    assert!(failures.is_empty(), "axe violations:\n{}", failures.join("\n"));
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_320_px_phone_fits_the_map_and_the_list_follows_it() {
    for lang in ["en", "ur"] {
        let page = Page::open_sized(&format!("view=map&lang={lang}"), 320, 700).await;
        wait_map(&page).await;
        let overflow = page.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
        assert_eq!(overflow.as_i64(), Some(0), "sideways scroll at 320 px ({lang})");
        let fits = page
            .js("const m = document.querySelector('.de-map__svg').getBoundingClientRect();                 const l = document.querySelector('.de-map__list').getBoundingClientRect();                 return m.right <= document.documentElement.clientWidth && m.left >= 0 && l.top >= m.bottom")
            .await;
        assert_eq!(fits, true, "the map fits the width and the list comes after it ({lang})");
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_place_opens_its_records_in_deals_and_timeline_filtered_by_place() {
    // place= in the address chooses the places the map shows.
    let page = Page::open("view=map&place=place-reko-diq").await;
    wait_map(&page).await;
    let only = list_names(&page).await;
    assert_eq!(only.len(), 1, "{only:?}");
    assert!(only[0].starts_with("Reko Diq"), "{only:?}");
    let status = page.text(&page.css(".de-map [role=status]").await).await;
    assert!(status.starts_with("1 of "), "{status}");
    // By keyboard: the list, Enter, then the details' link to the place's deals.
    tab_into_list(&page, 60).await;
    page.press(keys::ENTER).await;
    page.wait_for("details open", "return document.activeElement && document.activeElement.id === 'de-map-details-h'").await;
    page.tab_to("link", "Its deals", 40).await;
    page.press(keys::ENTER).await;
    let q = page.wait_query("the deals filtered by the place", |q| q.contains("place=place-reko-diq") && !q.contains("view=")).await;
    assert!(!q.contains("sel="), "{q}");
    page.wait_for("deals listed", "const s = document.querySelector('.de-exp__count'); return s && /^[0-9]/.test(s.textContent)").await;
    // Back on the map, the same place's events on the timeline.
    page.client.back().await.expect("back");
    wait_map(&page).await;
    page.css(".de-map__list li").await.click().await.expect("open the place");
    page.by_role("link", "Its events on the timeline").await.click().await.expect("click the timeline link");
    page.wait_query("the timeline filtered by the place", |q| q.contains("view=timeline") && q.contains("place=place-reko-diq")).await;
    // An unknown place id is ignored: every place shows.
    page.goto("view=map&place=place-nowhere").await;
    wait_map(&page).await;
    assert!(list_names(&page).await.len() > 1);
    page.assert_no_console_errors().await;
    page.close().await;
}
