//! The Story view: its steps by keyboard only, buttons, arrow keys (mirrored in
//! Urdu), the address (a step, one beyond the story, junk), back/forward, the
//! link to a step's record, a swipe, embedding with auto-height. Print (every
//! step with its sources) is in print.rs; axe in both languages and schemes,
//! 320 px and offline run with the other views (a11y.rs, offline.rs, split.rs).

use deal_explorer_e2e::serde_json::Value;
use deal_explorer_e2e::{base_url, keys, Page};

const SHOWN: &str = ".de-story__step--on h3";

/// Opens a story address and waits for its step.
async fn open(page: &Page, query: &str) {
    page.goto(query).await;
    page.wait_for("a story step", &format!("return !!document.querySelector({SHOWN:?})")).await;
}

/// The status ("Step N of M") and the shown step's heading.
async fn shown(page: &Page) -> (String, String) {
    let status = page.text(&page.css(".de-story__status").await).await;
    let heading = page.text(&page.css(SHOWN).await).await;
    (status.trim().to_string(), heading.trim().to_string())
}

/// Waits until the status reads `status`.
async fn wait_status(page: &Page, status: &str) {
    page.wait_for(status, &format!("return document.querySelector('.de-story__status')?.textContent === {status:?}")).await;
}

/// The step count of the published story, read from the status.
async fn steps(page: &Page) -> usize {
    let (status, _) = shown(page).await;
    status.rsplit(' ').next().and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("no count in {status:?}"))
}

/// The focused element is the shown step's heading.
async fn assert_heading_focused(page: &Page) {
    page.wait_for("the step's heading focused", &format!("return document.activeElement === document.querySelector({SHOWN:?})")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn buttons_keys_and_the_address_move_between_steps() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=story").await;
    let region = page.by_role("region", "Story").await;
    assert_eq!(page.role(&region).await, "region");
    assert_eq!(page.role(&page.css(".de-story__status").await).await, "status");
    let n = steps(&page).await;
    assert!(n >= 10, "{n} steps");
    let (status, first) = shown(&page).await;
    assert_eq!(status, format!("Step 1 of {n}"));
    assert!(first.contains("29%"), "{first}");
    // One step shown at a time.
    assert_eq!(page.js("return [...document.querySelectorAll('.de-story__step')].filter(s => s.offsetParent).length").await, 1);

    // Previous is disabled on the first step; Next moves on and into the address.
    let disabled = "return [...document.querySelectorAll('.de-story__nav button')].map(b => b.disabled)";
    assert_eq!(page.js(disabled).await, deal_explorer_e2e::serde_json::json!([true, false]));
    page.by_role("button", "Next").await.click().await.unwrap();
    wait_status(&page, &format!("Step 2 of {n}")).await;
    page.wait_query("step=2", |q| q.contains("step=2")).await;
    assert_heading_focused(&page).await;

    // The arrow keys from the heading: right is next, left is previous, End and Home.
    page.press(keys::RIGHT).await;
    wait_status(&page, &format!("Step 3 of {n}")).await;
    page.press(keys::LEFT).await;
    page.press(keys::LEFT).await;
    wait_status(&page, &format!("Step 1 of {n}")).await;
    page.press(keys::END).await;
    wait_status(&page, &format!("Step {n} of {n}")).await;
    assert_eq!(page.js(disabled).await, deal_explorer_e2e::serde_json::json!([false, true]));
    page.press(keys::HOME).await;
    wait_status(&page, &format!("Step 1 of {n}")).await;

    // Back and forward walk the steps the reader took.
    page.client.back().await.unwrap();
    wait_status(&page, &format!("Step {n} of {n}")).await;
    page.client.back().await.unwrap();
    wait_status(&page, &format!("Step 1 of {n}")).await;
    page.client.forward().await.unwrap();
    wait_status(&page, &format!("Step {n} of {n}")).await;

    // An address beyond the story shows its last step and says so; junk shows the first.
    open(&page, "view=story&step=999").await;
    wait_status(&page, &format!("Step {n} of {n}")).await;
    page.wait_query("clamped step", |q| q.contains(&format!("step={n}"))).await;
    for junk in ["step=abc", "step=-3", "step=2.5", "step=%3Cb%3E"] {
        open(&page, &format!("view=story&{junk}")).await;
        assert_eq!(shown(&page).await.0, format!("Step 1 of {n}"), "{junk}");
    }
    open(&page, "view=story&step=0").await;
    assert_eq!(shown(&page).await.0, format!("Step 1 of {n}"));
    // The place step: its place and province instead of a moment, and a link to the place on the map.
    open(&page, "view=story&step=10").await;
    let place = page.js("const s = document.querySelector('.de-story__step--on'); return [s.querySelector('.de-story__place')?.textContent, s.querySelector('.de-story__locator') === null, s.querySelector('.de-story__record a')?.getAttribute('href')]").await;
    assert_eq!(place[0], "Where: Reko Diq, Balochistan", "{place}");
    assert_eq!(place[1], true, "{place}");
    assert!(place[2].as_str().is_some_and(|h| h.contains("view=map") && h.contains("sel=place-reko-diq")), "{place}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn keyboard_only_reaches_the_steps_and_the_record() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=story&step=4").await;
    let (_, heading) = shown(&page).await;
    assert!(heading.contains("19%"), "{heading}");
    // Tab from the page's start to Next, press it: the new step's heading has the focus.
    page.tab_to("button", "Next", 40).await;
    page.press(keys::ENTER).await;
    assert_heading_focused(&page).await;
    let n = steps(&page).await;
    assert_eq!(shown(&page).await.0, format!("Step 5 of {n}"));
    // The step's link opens its record in its own view: the USSM–FWO deal in the deals list.
    page.tab_to("link", "This deal in the deals list", 40).await;
    page.press(keys::ENTER).await;
    page.wait_query("the deal opened", |q| q.contains("sel=deal-ussm-fwo-mou") && !q.contains("view=")).await;
    page.wait_for("the deal's panel", "return !!document.querySelector('dialog.de-exp__detail[open]')").await;
    page.client.back().await.unwrap();
    page.wait_for("the story again", &format!("return !!document.querySelector({SHOWN:?})")).await;
    assert_eq!(shown(&page).await.0, format!("Step 5 of {n}"));
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn urdu_mirrors_the_arrow_keys_and_shows_urdu_text() {
    let page = Page::new_session(1200, 900).await;
    open(&page, "view=story&lang=ur&step=3").await;
    let region = page.by_role("region", "کہانی").await;
    assert_eq!(page.role(&region).await, "region");
    assert_eq!(page.js("return document.documentElement.dir").await, "rtl");
    let (status, heading) = shown(&page).await;
    assert!(status.contains("مرحلہ 3"), "{status}");
    assert!(heading.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{heading}");
    page.css(SHOWN).await.click().await.unwrap();
    // Right to left: ArrowLeft goes on, ArrowRight goes back.
    page.press(keys::LEFT).await;
    page.wait_query("step 4", |q| q.contains("step=4")).await;
    page.press(keys::RIGHT).await;
    page.press(keys::RIGHT).await;
    page.wait_query("step 2", |q| q.contains("step=2")).await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_swipe_moves_a_step() {
    let page = Page::new_session(400, 800).await;
    open(&page, "view=story&step=2").await;
    // A finger moving 120 px to the left, as DevTools' touch emulation sends it.
    let touch = |kind: &str, x: f64| {
        format!(
            "const el = document.querySelector('.de-story'); const t = new Touch({{identifier: 1, target: el, clientX: {x}, clientY: 300}});\
             el.dispatchEvent(new TouchEvent({kind:?}, {{bubbles: true, touches: [], changedTouches: [t]}})); return true;"
        )
    };
    page.js(&touch("touchstart", 300.0)).await;
    page.js(&touch("touchend", 180.0)).await;
    page.wait_query("step 3", |q| q.contains("step=3")).await;
    // A mostly vertical stroke is a scroll, not a swipe.
    page.js(&touch("touchstart", 300.0)).await;
    page.js(&touch("touchend", 290.0)).await;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(page.query().await.contains("step=3"));
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_newsroom_embeds_any_step_and_the_frame_follows_its_height() {
    let page = Page::new_session(1280, 900).await;
    let app = |q: &str| format!("{}news/2026/minerals/?{q}", base_url());
    page.goto_url(&app("view=story&step=7")).await;
    page.wait_for("a story step", &format!("return !!document.querySelector({SHOWN:?})")).await;
    page.by_role("button", "Embed").await.click().await.expect("click Embed");
    let code = page.by_role("textbox", "Embed code").await;
    let code = code.prop("value").await.ok().flatten().unwrap_or_default();
    assert!(code.contains("view=story&amp;step=7&amp;embed=1"), "{code}");
    // Pasted into a page of another origin: the step is there, the frame as tall as it.
    let host = format!("{}__host", base_url().replace("127.0.0.1", "localhost"));
    page.client.goto(&host).await.expect("host page");
    let paste = format!(
        "const frag = document.createRange().createContextualFragment({code}); document.getElementById('embed').append(frag); return true;",
        code = Value::from(code.as_str())
    );
    page.js(&paste).await;
    let mut matched = false;
    for _ in 0..150 {
        let outer = page.js("return document.querySelector('#embed iframe')?.getBoundingClientRect().height || 0").await;
        page.client.enter_frame(0).await.expect("enter iframe");
        let inner = page.js("return document.documentElement.getBoundingClientRect().height").await;
        let status = page.js("return document.querySelector('.de-story__status')?.textContent || ''").await;
        page.client.enter_parent_frame().await.expect("leave iframe");
        let (outer, inner) = (outer.as_f64().unwrap_or(0.0), inner.as_f64().unwrap_or(-100.0));
        if status.as_str().is_some_and(|s| s.starts_with("Step 7 of")) && inner > 200.0 && (outer - inner).abs() <= 4.0 {
            matched = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(matched, "the embedded story's frame never took its step's height");
    page.close().await;
}
