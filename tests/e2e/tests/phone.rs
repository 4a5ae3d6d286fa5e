//! Phone-first reading: on a 390×844 phone (and a 320×640 one) every view, in
//! English and Urdu, shows its content in the first screen: the chrome above
//! `main` (header, settings, navigation) is at most 170 px tall at 390×844,
//! the view's first record, event, total or source starts at most 520 px down,
//! and nothing scrolls sideways. The settings sit behind one button that works
//! by keyboard and passes axe.

use deal_explorer_e2e::serde_json::Value;
use deal_explorer_e2e::{keys, Page};

/// Where the chrome ends and the view's first content starts (CSS px from the
/// top of the page), and how far the page scrolls sideways.
const MEASURE: &str = "
    const top = (el) => el && el.getClientRects().length ? Math.round(el.getBoundingClientRect().top + scrollY) : null;
    const first = {
      deals: ['.de-exp__cards > li', '.de-exp__table tbody tr'],
      timeline: ['.de-tl-svg', '.de-tl-list li'],
      calculator: ['.de-cal__total'],
      sources: ['.de-source'],
    }[arguments[0]].map((s) => top(document.querySelector(s))).filter((t) => t !== null);
    return {
      chrome: top(document.getElementById('de-main')),
      first: first.length ? Math.min(...first) : null,
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };";

const VIEWS: [&str; 4] = ["deals", "timeline", "calculator", "sources"];

async fn measure(page: &Page, view: &str) -> (i64, i64, i64) {
    let ready = format!(
        "return !!document.querySelector({:?})",
        match view {
            "deals" => ".de-exp__cards > li, .de-exp__table tbody tr",
            "timeline" => ".de-tl-svg",
            "calculator" => ".de-cal__total",
            _ => ".de-source",
        }
    );
    page.wait_for("the view's first content", &ready).await;
    // The footer comes last: by then every part of the first render is in.
    page.wait_for("the footer", "return document.querySelector('.de-footer')").await;
    let m = page
        .client
        .execute(MEASURE, vec![Value::from(view)])
        .await
        .unwrap_or_else(|e| panic!("measure failed: {e}"));
    let n = |k: &str| m.get(k).and_then(Value::as_i64).unwrap_or(i64::MAX);
    (n("chrome"), n("first"), n("sideways"))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_starts_in_the_first_screen_of_a_phone() {
    let mut failures = Vec::new();
    for (width, height) in [(390, 844), (320, 640)] {
        let page = Page::new_session(width, height).await;
        for lang in ["en", "ur"] {
            for view in VIEWS {
                page.goto(&format!("view={view}&lang={lang}")).await;
                let (chrome, first, sideways) = measure(&page, view).await;
                eprintln!("{width}×{height} {lang} {view}: chrome {chrome} px, first content at {first} px, sideways {sideways} px");
                if sideways != 0 {
                    failures.push(format!("{width}×{height} ?view={view}&lang={lang}: scrolls sideways by {sideways} px"));
                }
                if (width, height) == (390, 844) {
                    if chrome > 170 {
                        failures.push(format!("390×844 ?view={view}&lang={lang}: chrome {chrome} px > 170"));
                    }
                    if first > 520 {
                        failures.push(format!("390×844 ?view={view}&lang={lang}: first content at {first} px > 520"));
                    }
                } else if first > i64::from(height) {
                    failures.push(format!("{width}×{height} ?view={view}&lang={lang}: first content at {first} px, below the screen"));
                }
            }
        }
        page.assert_no_console_errors().await;
        page.close().await;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_settings_open_by_keyboard_close_on_escape_and_pass_axe() {
    for lang in ["en", "ur"] {
        let page = Page::open_sized(&format!("lang={lang}"), 390, 844).await;
        let (settings, language) = if lang == "en" { ("Settings", "Language") } else { ("ترتیبات", "زبان") };
        // Closed: the controls are out of sight and out of the tab order.
        assert!(!page.has_role("combobox", language).await, "the language switch hides behind the button");
        let button = page.tab_to("button", settings, 10).await;
        assert_eq!(button.attr("aria-expanded").await.ok().flatten().as_deref(), Some("false"));
        let controls = button.attr("aria-controls").await.ok().flatten().unwrap_or_default();
        assert!(
            page.js(&format!("return !!document.getElementById({controls:?})")).await.as_bool().unwrap_or(false),
            "aria-controls names the panel"
        );
        page.press(keys::ENTER).await;
        page.wait_for("the settings open", "return document.querySelector('[aria-expanded=true]')").await;
        // The controls keep their names; the first is the next stop after the button.
        page.press(keys::TAB).await;
        assert_eq!(page.focused().await, ("combobox".to_string(), language.to_string()));
        let violations = page.axe().await;
        assert!(violations.is_empty(), "axe with the settings open ({lang}): {violations:#?}");
        let chrome = page.js("return Math.round(document.getElementById('de-main').getBoundingClientRect().top)").await;
        eprintln!("390×844 {lang}: chrome with the settings open {chrome} px");
        page.press(keys::ESCAPE).await;
        page.wait_for("the settings closed", "return !document.querySelector('[aria-expanded=true]')").await;
        assert_eq!(page.focused().await.1, settings, "focus returns to the button");
        assert!(!page.has_role("combobox", language).await);
        // Space toggles too, and the Embed dialog opens from inside the panel;
        // Escape there closes the dialog only.
        page.press(keys::SPACE).await;
        let mut on_embed = false;
        for _ in 0..10 {
            page.press(keys::TAB).await;
            if page.js("return document.activeElement.classList.contains('de-emb-open')").await == true {
                on_embed = true;
                break;
            }
        }
        assert!(on_embed, "Tab reaches the Embed button inside the open settings ({lang})");
        let embed = page.focused().await.1;
        page.press(keys::ENTER).await;
        page.wait_for("dialog open", "return document.querySelector('dialog[open]')").await;
        page.press(keys::ESCAPE).await;
        page.wait_for("dialog closed", "return !document.querySelector('dialog[open]')").await;
        assert_eq!(page.focused().await.1, embed, "focus back on Embed, the settings still open");
        assert!(page.js("return !!document.querySelector('[aria-expanded=true]')").await.as_bool().unwrap_or(false));
        page.assert_no_console_errors().await;
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_views_stay_one_row_marking_the_current_one() {
    for (width, lang) in [(390, "en"), (320, "ur")] {
        let page = Page::open_sized(&format!("view=sources&lang={lang}"), width, 640).await;
        let rows = page
            .js("const tops = [...document.querySelectorAll('.de-nav li')].map((li) => Math.round(li.getBoundingClientRect().top)); return new Set(tops).size")
            .await;
        assert_eq!(rows, 1, "the views in one row at {width} px ({lang})");
        let current = page.js("return [...document.querySelectorAll('.de-nav a[aria-current=page]')].map((a) => new URL(a.href).search)").await;
        assert_eq!(current, deal_explorer_e2e::serde_json::json!(["?view=sources".to_string() + if lang == "ur" { "&lang=ur" } else { "" }]));
        page.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn embedded_pages_keep_no_header() {
    let page = Page::open_sized("embed=1&view=sources", 390, 844).await;
    page.wait_for("sources", "return document.querySelector('.de-source')").await;
    assert_eq!(page.js("return !!document.querySelector('.de-header, .de-settings__toggle')").await, false);
    page.close().await;
}

/// The first parties of a result's row, then "+N more" (the details name all);
/// long titles wrap inside the table at tablet and laptop widths.
#[tokio::test(flavor = "multi_thread")]
async fn dense_rows_name_three_parties_and_count_the_rest() {
    const MORE: &str = "const a = [...document.querySelectorAll('.de-exp__open')].find((a) => a.textContent.startsWith('USSM–FWO memorandum'));
        const row = a && a.closest('tr, li');
        if (!row) return null;
        const cell = row.querySelector('.de-exp__more-n').parentElement;
        return [cell.textContent, row.querySelector('.de-exp__more-n').textContent];";
    for (width, height) in [(1280, 900), (800, 900), (390, 844)] {
        // Every record (bg=1), background ones too: five rows name more than three parties.
        let page = Page::open_sized("bg=1", width, height).await;
        page.wait_for("the rows", "return document.querySelectorAll('.de-exp__more-n').length >= 5").await;
        let found = page.js(MORE).await;
        let (cell, more) = (found[0].as_str().unwrap_or(""), found[1].as_str().unwrap_or(""));
        assert_eq!(more, "+6 more", "nine parties: three named, six counted ({width} px)");
        // Three parties (the third's name holds a comma of its own), then the count.
        assert!(cell.ends_with("Missouri Cobalt LLC, Frontier Works Organisation (FWO), Government of Pakistan, Prime Minister's Office +6 more"), "{cell:?}");
        let sideways = page.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
        assert_eq!(sideways.as_i64(), Some(0), "no sideways scroll at {width} px");
        if width > 768 {
            let fits = page
                .js("const t = document.querySelector('.de-exp__table'); return t.scrollWidth <= t.parentElement.clientWidth")
                .await;
            assert_eq!(fits, true, "the table fits its column at {width} px");
        }
        page.close().await;
    }
    // The details name all nine.
    let page = Page::open("sel=deal-ussm-fwo-mou").await;
    let parties = page
        .wait_for(
            "the details",
            "const dt = [...document.querySelectorAll('dialog[open] dt')].find((d) => d.textContent === 'Parties'); return dt && dt.nextElementSibling.textContent",
        )
        .await;
    // Nine names (one of them holds a comma of its own).
    assert_eq!(parties.as_str().map(|p| p.split(", ").count()), Some(10), "{parties}");
    page.close().await;
}

/// On a phone the calculator's total sits above its fields and stays in sight
/// while the reader types further down; it starts with a deal mineral's ore.
#[tokio::test(flavor = "multi_thread")]
async fn the_total_stays_in_sight_while_typing() {
    for lang in ["en", "ur"] {
        let page = Page::open_sized(&format!("view=calculator&lang={lang}"), 390, 844).await;
        page.wait_for("the total", "return document.querySelector('.de-cal__total')").await;
        let product = page.js("return document.getElementById('de-cal-product')?.value || document.querySelector('.de-cal__form select').value").await;
        assert_eq!(product, "2617.10.00", "the first product offered is antimony ore ({lang})");
        // Type in the last field, scrolled into view: the total is on screen and above it.
        let last = page.js("const f = [...document.querySelectorAll('.de-cal__form input')].pop(); f.focus(); f.scrollIntoView({ block: 'end' }); return true").await;
        assert_eq!(last, true);
        page.press("12").await;
        let seen = page
            .js("const t = document.querySelector('.de-cal__total').getBoundingClientRect();
                 const f = document.activeElement.getBoundingClientRect();
                 return [Math.round(t.top), Math.round(t.bottom), Math.round(f.top), Math.round(f.bottom), innerHeight, scrollY]")
            .await;
        let n = |i: usize| seen[i].as_i64().unwrap_or(-1);
        assert!(n(5) > 0, "the page scrolled ({lang}): {seen}");
        assert!(n(0) >= 0 && n(1) <= n(4), "the total is on screen ({lang}): {seen}");
        assert!(n(1) <= n(2) && n(3) <= n(4), "the focused field is below the total and on screen ({lang}): {seen}");
        page.assert_no_console_errors().await;
        page.close().await;
    }
}
