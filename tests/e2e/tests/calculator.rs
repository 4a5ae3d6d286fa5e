//! The tariff calculator: the form by role and name, each kind of bad input
//! (alert tied to its field, no result), the URL round trip, the 29% day and
//! the in-transit rules, Section 232 copper on full value, and Eastern
//! Arabic-Indic digits.

use deal_explorer_e2e::fantoccini::elements::Element;
use deal_explorer_e2e::fantoccini::key::Key;
use deal_explorer_e2e::Page;

const TOTAL: &str = "return document.querySelector('output.de-cal__amount')?.textContent || ''";

async fn total(page: &Page) -> String {
    page.js(TOTAL).await.as_str().unwrap_or("").to_string()
}

async fn wait_total(page: &Page, want: &str) -> String {
    page.wait_for(want, &format!("return (document.querySelector('output.de-cal__amount')?.textContent || '').includes({want:?})")).await;
    total(page).await
}

/// Replaces the text of an input as a user would: select all, delete, type.
async fn retype(el: &Element, text: &str) {
    let (ctrl, release, backspace) = (
        char::from(Key::Control),
        char::from(Key::Null),
        char::from(Key::Backspace),
    );
    el.send_keys(&format!("{ctrl}a{release}{backspace}{text}"))
        .await
        .expect("type");
}

#[tokio::test(flavor = "multi_thread")]
async fn form_controls_are_named_and_the_total_is_live() {
    let page = Page::open("view=calculator&hts=prod-other&value=1000000&date=2025-08-07").await;
    page.by_role("combobox", "Product").await;
    page.by_role("textbox", "Customs value (USD)").await;
    page.by_role("textbox", "Custom surcharge (%)").await;
    let status = page.by_role("status", "Total duty").await;
    // Goods on none of the exemption lists under the 19%: one answer, not two outcomes.
    let text = wait_total(&page, "190,000.00").await;
    assert!(!text.contains("if exempt") && !text.contains('–'), "{text}");
    assert_eq!(page.text(&status).await.trim(), text.trim());
    let label = |id: &str| format!("return document.getElementById('{id}').labels[0].textContent");
    assert_eq!(page.js(&label("de-cal-date")).await.as_str(), Some("Entry date"));
    assert_eq!(page.js(&label("de-cal-loaded")).await.as_str(), Some("Loaded on (optional)"));
    // The breakdown and the regimes chart are there, with their names.
    assert!(
        page.has_role("img", "").await
            || page
                .js("return !!document.querySelector('svg.de-cal__chart[role=img][aria-label]')")
                .await
                .as_bool()
                .unwrap_or(false)
    );
    // A what-if surcharge replaces the country layer.
    let surcharge = page.by_role("textbox", "Custom surcharge (%)").await;
    retype(&surcharge, "50").await;
    wait_total(&page, "500,000.00").await;
    page.wait_query("the surcharge", |q| q.contains("surcharge=50")).await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn each_bad_value_gets_an_alert_tied_to_its_field_and_no_result() {
    let page = Page::open("view=calculator&hts=2617.10.00&date=2026-10-01").await;
    let value = page.by_role("textbox", "Customs value (USD)").await;
    for bad in ["", "-5", "abc", "1,5", "1.005", "2000000000000", "Infinity"] {
        retype(&value, bad).await;
        let alert = page
            .wait_for(
                bad,
                "return document.querySelector('#de-cal-value-error[role=alert]')?.textContent",
            )
            .await;
        let alert = alert.as_str().unwrap_or("");
        assert!(alert.contains("1,000,000,000,000"), "{bad:?}: {alert}");
        let tied = page
            .js("const i = document.getElementById('de-cal-value'); return i.getAttribute('aria-invalid') === 'true' && i.getAttribute('aria-describedby').split(' ').includes('de-cal-value-error')")
            .await;
        assert_eq!(tied.as_bool(), Some(true), "{bad:?}");
        let t = total(&page).await;
        assert!(!t.contains('$'), "{bad:?} still shows a result: {t}");
    }
    // Accepted forms clear the alert.
    for good in ["1000000", "1,000,000", "1000000.50", "۱۰۰۰۰۰۰"] {
        retype(&value, good).await;
        wait_total(&page, "$").await;
        assert_eq!(
            page.js("return !!document.getElementById('de-cal-value-error')")
                .await
                .as_bool(),
            Some(false),
            "{good}"
        );
    }
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn specific_duty_needs_quantity_and_content() {
    // A specific duty never blocks the answer: the surcharge layers and their verdicts show at
    // once, the MFN layer says what it waits for, the content field names its metal, and
    // nothing is an error before the reader has typed.
    let page = Page::open("view=calculator&hts=2611.00.60&date=2025-09-01").await;
    let qty = page.by_role("textbox", "Quantity (kg)").await;
    page.by_role("textbox", "Tungsten content (%)").await;
    let waiting = wait_total(&page, "before the MFN duty").await;
    assert!(waiting.contains("$0.00 so far") && waiting.contains("enter the quantity (kg)"), "{waiting}");
    assert_eq!(page.js("return document.querySelectorAll('[role=alert]').length").await.as_u64(), Some(0));
    let table = page.wait_for("the breakdown", "return document.querySelector('.de-cal__table')?.textContent").await;
    assert!(table.as_str().unwrap_or("").contains("'Reciprocal' tariff 19% (IEEPA, Pakistan)"), "{table}");
    // Products are named by what they are, the code after.
    let option = page.js("return document.querySelector('#de-cal-product option[value=\"2617.10.00\"]').textContent").await;
    assert_eq!(option.as_str(), Some("Antimony ores and concentrates (HTS 2617.10.00)"));
    retype(&qty, "1000").await;
    wait_total(&page, "enter the tungsten content").await;
    page.goto("view=calculator&hts=2611.00.60&date=2025-01-15&qty=1000").await;
    let content = page.by_role("textbox", "Tungsten content (%)").await;
    retype(&content, "65").await;
    // 650 kg of tungsten at 37.5¢/kg = $243.75.
    wait_total(&page, "243.75").await;
    page.wait_query("quantity and content", |q| q.contains("qty=1000") && q.contains("content=65")).await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn url_round_trip_and_history() {
    let page = Page::open("view=calculator").await;
    let first = wait_total(&page, "$").await;
    let product = page.by_role("combobox", "Product").await;
    product
        .select_by_value("7108.12.50")
        .await
        .expect("choose gold");
    page.wait_for(
        "hts in URL",
        "return location.search.includes('hts=7108.12.50')",
    )
    .await;
    let date = page.css("#de-cal-date").await;
    page.js("const d = document.getElementById('de-cal-date'); d.value = '2025-09-07'; d.dispatchEvent(new Event('change', {bubbles: true}));").await;
    let _ = date;
    // Other gold (MFN 4.1%) entered the day before EO 14346 put it on Annex II: + 19%.
    let shown = wait_total(&page, "231,000.00").await;
    let query = page.wait_query("the entry date", |q| q.contains("date=2025-09-07")).await;
    // The same link in a new page gives the same result.
    let other = Page::open(&query).await;
    assert_eq!(wait_total(&other, "231,000.00").await, shown);
    other.close().await;
    // Back undoes the date, then the product.
    page.client.back().await.expect("back");
    page.wait_for("date undone", "return !location.search.includes('date=')")
        .await;
    page.client.back().await.expect("back");
    page.wait_for("product undone", "return !location.search.includes('hts=')")
        .await;
    assert_eq!(wait_total(&page, &first).await, first);
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_29_percent_day_and_urdu() {
    // EO 14266: goods entered at any time on 9 April 2025 owed 29%; goods loaded earlier
    // by vessel and entered by the deadline owed 10% or nothing (CSMS #64680374).
    let page = Page::open("view=calculator&hts=prod-other&value=100&date=2025-04-09").await;
    let text = wait_total(&page, "29.00").await;
    assert!(!text.contains("if exempt"), "{text}");
    let outcomes = page
        .wait_for("in-transit outcomes", "return [...document.querySelectorAll('.de-cal__transit li')].map(li => li.textContent)")
        .await;
    let outcomes: Vec<&str> = outcomes.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    assert_eq!(outcomes.len(), 2, "{outcomes:?}");
    assert!(outcomes[0].contains("Loaded by vessel before 9 April 2025 and on or after 5 April 2025") && outcomes[0].contains("$10.00"), "{outcomes:?}");
    assert!(outcomes[1].contains("before 5 April 2025") && outcomes[1].contains("$0.00") && outcomes[1].contains("9903.01.28"), "{outcomes:?}");
    // With the loading date the answer is one figure, and the address keeps it.
    page.js("const d = document.getElementById('de-cal-loaded'); d.value = '2025-04-07'; d.dispatchEvent(new Event('change', {bubbles: true}));").await;
    wait_total(&page, "$10.00").await;
    page.wait_query("the loading date", |q| q.contains("loaded=2025-04-07")).await;
    assert_eq!(page.js("return document.querySelectorAll('.de-cal__transit li').length").await.as_u64(), Some(0));
    // A loading date after the entry date is an error tied to its field, with no result.
    page.goto("view=calculator&hts=prod-other&value=100&date=2025-04-09&loaded=2025-04-20").await;
    let alert = page.wait_for("loading-date alert", "return document.querySelector('#de-cal-loaded-error[role=alert]')?.textContent").await;
    assert!(alert.as_str().unwrap_or("").contains("on or before the entry date"), "{alert}");
    assert!(!total(&page).await.contains('$'));
    page.goto("view=calculator&hts=2617.10.00&value=%DB%B1%DB%B0%DB%B0&date=2025-08-07&lang=ur")
        .await;
    page.wait_for(
        "Urdu total",
        "return (document.querySelector('output.de-cal__amount')?.textContent || '').length > 0",
    )
    .await;
    let rtl = page.js("return document.documentElement.dir").await;
    assert_eq!(rtl.as_str(), Some("rtl"));
    assert_eq!(
        page.js("return !!document.querySelector('[role=alert]')")
            .await
            .as_bool(),
        Some(false)
    );
    let wide = page
        .js("return document.documentElement.scrollWidth <= window.innerWidth")
        .await;
    assert_eq!(wide.as_bool(), Some(true));
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn section_232_copper_moves_to_the_full_value_on_6_april_2026() {
    // Proclamation 10962: 50% of the copper content, the rest under the country surcharge;
    // the proclamation of 2026-04-02: 50% of the full entered value from 2026-04-06.
    let page = Page::open("view=calculator&hts=prod-copper-semi-finished&value=1000000&content=60&date=2026-04-05").await;
    wait_total(&page, "340,000.00").await;
    let table = "return document.querySelector('.de-cal__table')?.textContent || ''";
    let before = page.js(table).await;
    let before = before.as_str().unwrap_or("");
    assert!(before.contains("copper content value") && before.contains("value not under Section 232"), "{before}");
    page.goto("view=calculator&hts=prod-copper-semi-finished&value=1000000&content=60&date=2026-04-06").await;
    wait_total(&page, "500,000.00").await;
    let after = page.js(table).await;
    assert!(after.as_str().unwrap_or("").contains("$1,000,000.00 (customs value)"), "{after}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn narrow_screen_has_no_sideways_scroll() {
    let page = Page::open_sized(
        "view=calculator&hts=2603.00.00&qty=25000&content=3&date=2026-08-01",
        320,
        800,
    )
    .await;
    wait_total(&page, "12.75").await;
    let fits = page
        .js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        .await;
    assert_eq!(fits.as_bool(), Some(true));
    page.close().await;
}
