//! A keyboard-only walkthrough: search, a facet, a timeline event, every
//! calculator field, the embed dialog and the language switch, with no mouse.

use deal_explorer_e2e::{keys, Page};

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_app_works_from_the_keyboard() {
    let page = Page::open("").await;

    // The skip link is the first stop and moves focus to the main region.
    page.press(keys::TAB).await; // body → skip link
    assert_eq!(page.focused().await.1, "Skip to content");

    // Search.
    page.tab_to("searchbox", "Search", 40).await;
    page.press("loan").await;
    page.wait_for("search in URL", "return location.search.includes('q=loan')").await;
    let count = page.wait_for("count", "const s = document.querySelector('.de-main [role=status]'); return s && s.textContent").await;
    assert!(count.as_str().unwrap_or("").starts_with(char::is_numeric), "count: {count}");

    // A facet, toggled with Space.
    page.goto("").await;
    page.tab_to("checkbox", "Copper", 80).await;
    page.press(keys::SPACE).await;
    page.wait_for("mineral facet in URL", "return location.search.includes('mineral=min-copper')").await;

    // A timeline event: the list is one tab stop, arrows move, Enter opens, Escape closes.
    page.goto("view=timeline").await;
    let first = page.wait_for("timeline list", "return document.querySelectorAll('ol[aria-label=\"Timeline events\"] li').length").await;
    assert!(first.as_u64().unwrap_or(0) > 50);
    for _ in 0..60 {
        page.press(keys::TAB).await;
        let inside = page.js("return !!document.activeElement.closest('ol[aria-label=\"Timeline events\"]')").await;
        if inside == true {
            break;
        }
    }
    let before = page.focused().await.1;
    page.press(keys::DOWN).await;
    let after = page.focused().await.1;
    assert_ne!(before, after, "arrow keys move between events");
    page.press(keys::ENTER).await;
    page.wait_for("event selected", "return location.search.includes('sel=')").await;
    page.press(keys::ESCAPE).await;
    page.wait_for("details closed", "return !location.search.includes('sel=')").await;
    let back = page.js("return !!document.activeElement.closest('ol[aria-label=\"Timeline events\"]')").await;
    assert_eq!(back, true, "focus returns to the event");

    // Every calculator field, in order, by Tab.
    page.goto("view=calculator&hts=2611.00.60").await;
    for (role, name) in [("combobox", "Product"), ("textbox", "Customs value (USD)")] {
        page.tab_to(role, name, 60).await;
    }
    let date = page.js("return document.querySelector('input[type=date]').id").await;
    assert!(date.as_str().is_some_and(|s| !s.is_empty()));
    for name in ["Quantity (kg)", "Tungsten content (%)", "Custom surcharge (%)"] {
        page.tab_to("textbox", name, 20).await;
    }

    // The embed dialog: opens on Enter, keeps focus inside, closes on Escape, focus back on the button.
    page.goto("").await;
    page.tab_to("button", "Embed", 40).await;
    page.press(keys::ENTER).await;
    page.wait_for("dialog open", "return document.querySelector('dialog[open]')").await;
    let inside = page.js("return !!document.activeElement.closest('dialog[open]')").await;
    assert_eq!(inside, true, "focus moves into the dialog");
    page.press(keys::ESCAPE).await;
    page.wait_for("dialog closed", "return !document.querySelector('dialog[open]')").await;
    assert_eq!(page.focused().await.1, "Embed");

    // The language switch, by arrow key.
    page.goto("").await;
    page.tab_to("combobox", "Language", 40).await;
    page.press(keys::DOWN).await;
    page.wait_for("Urdu", "return document.documentElement.lang === 'ur' && document.documentElement.dir === 'rtl'").await;
    page.assert_no_console_errors().await;
    page.close().await;
}
