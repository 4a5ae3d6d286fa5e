//! Urdu that every reader can read: where the system has no Urdu-capable font
//! (Debian's Chromium here has none), the app's own Naskh subset draws every
//! Urdu letter and digit; English pages never download it.

use deal_explorer_e2e::serde_json::{json, Value};
use deal_explorer_e2e::Page;

const FONT_FILE: &str = "fonts/noto-naskh-arabic-arabic-400-normal.woff2";

/// Every letter of the Urdu alphabet, the Urdu forms of hamza and yeh, and
/// the Eastern Arabic-Indic digits: no spaces, which come from another font.
const URDU: &str = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےۓآۂۃ۰۱۲۳۴۵۶۷۸۹";

/// The fonts Chromium drew a node's text with (DevTools' "Rendered fonts").
async fn rendered_fonts(page: &Page, selector: &str) -> Vec<Value> {
    page.cdp("DOM.enable", json!({})).await;
    page.cdp("CSS.enable", json!({})).await;
    let root = page.cdp("DOM.getDocument", json!({})).await;
    let root = root.pointer("/root/nodeId").cloned().unwrap_or(Value::Null);
    let node = page.cdp("DOM.querySelector", json!({ "nodeId": root, "selector": selector })).await;
    let node = node.get("nodeId").cloned().unwrap_or(Value::Null);
    let fonts = page.cdp("CSS.getPlatformFontsForNode", json!({ "nodeId": node })).await;
    fonts.get("fonts").and_then(Value::as_array).cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn urdu_letters_are_drawn_by_the_web_font_and_english_pages_never_fetch_it() {
    let page = Page::new_session_logging_network(1200, 900).await;
    page.goto("").await;
    page.wait_for("the deals view", "return document.querySelector('#de-main table, #de-main .de-exp__list')").await;
    let english = page.requested_urls().await;
    assert!(!english.iter().any(|u| u.contains("fonts/")), "an English page fetched a font: {english:?}");

    page.goto("lang=ur").await;
    // A run of every Urdu letter inside the Urdu app, in the app's own font stack.
    page.js(&format!(
        "const s = document.createElement('span'); s.id = 'de-test-urdu'; s.textContent = '{URDU}'; \
         document.querySelector('#de-main').append(s);"
    ))
    .await;
    page.wait_for(
        "the Urdu web font",
        "return [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'DE Naskh' && f.status === 'loaded')",
    )
    .await;
    let urls = page.requested_urls().await;
    assert!(urls.iter().any(|u| u.ends_with(FONT_FILE)), "the Urdu page did not fetch {FONT_FILE}: {urls:?}");
    // Reported once the run has been laid out with the loaded font.
    let mut fonts = Vec::new();
    for _ in 0..50 {
        fonts = rendered_fonts(&page, "#de-test-urdu").await;
        if !fonts.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!fonts.is_empty(), "no rendered fonts reported");
    // Every glyph from the web font: none from a system font that may lack it (boxes).
    for f in &fonts {
        assert_eq!(f.get("isCustomFont"), Some(&json!(true)), "Urdu letters drawn by a system font: {fonts:?}");
        let family = f.get("familyName").and_then(Value::as_str).unwrap_or("");
        assert!(family.contains("Naskh"), "Urdu letters drawn by {family}: {fonts:?}");
    }
    let glyphs: u64 = fonts.iter().filter_map(|f| f.get("glyphCount").and_then(Value::as_u64)).sum();
    assert!(glyphs > 0, "no glyphs drawn: {fonts:?}");
    page.assert_no_console_errors().await;
    page.close().await;
}
