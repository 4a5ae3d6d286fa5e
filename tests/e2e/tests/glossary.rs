//! The glossary: a term in running text shows its meaning by keyboard and by
//! tap (as the button's description, for screen readers), Escape
//! hides it, and its link opens the Glossary dialog at the term's entry; the
//! dialog opens from the footer, in Urdu too, from a `#glossary-<id>` address,
//! and passes axe.

use deal_explorer_e2e::{keys, Page};

/// The first term button of that name: (aria-expanded, whether its meaning is shown, its description).
const TERM_STATE: &str = r#"
    const b = [...document.querySelectorAll('button.de-term__btn')].find(b => b.textContent === arguments[0]);
    if (!b) return null;
    const def = document.getElementById(b.getAttribute('aria-controls'));
    const desc = document.getElementById(b.getAttribute('aria-describedby'));
    return [b.getAttribute('aria-expanded'), !!def && def.checkVisibility(), desc ? desc.textContent : ''];
"#;

async fn term_state(page: &Page, name: &str) -> (String, bool, String) {
    let script = TERM_STATE.replace("arguments[0]", &format!("{name:?}"));
    let v = page.wait_for(name, &script).await;
    (
        v[0].as_str().unwrap_or("").to_string(),
        v[1].as_bool().unwrap_or(false),
        v[2].as_str().unwrap_or("").to_string(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn a_term_explains_itself_by_keyboard_and_leads_to_the_glossary() {
    let page = Page::open("view=calculator&hts=prod-other&value=1000000&date=2025-08-07").await;
    page.wait_for("breakdown", "return document.querySelector('button.de-term__btn')").await;
    // Closed, the meaning is not in the page's text (nothing extra to copy or find).
    let (expanded, shown, description) = term_state(&page, "IEEPA").await;
    assert_eq!((expanded.as_str(), shown, description.as_str()), ("false", false, ""));
    let table = page.js("return document.querySelector('.de-cal__table').textContent").await;
    assert!(table.as_str().unwrap_or("").contains("'Reciprocal' tariff 19% (IEEPA, Pakistan)"), "{table}");
    let button = page.tab_to("button", "IEEPA", 80).await;
    page.press(keys::ENTER).await;
    // Open, it shows below the term and is the button's description.
    let (expanded, shown, description) = term_state(&page, "IEEPA").await;
    assert_eq!((expanded.as_str(), shown), ("true", true));
    assert!(description.contains("International Emergency Economic Powers Act"), "{description}");
    // Escape hides it and leaves focus on the term.
    page.press(keys::ESCAPE).await;
    assert!(!term_state(&page, "IEEPA").await.1);
    assert_eq!(page.focused().await.1, "IEEPA");
    // Space shows it again; its link opens the dialog at the term's entry.
    page.press(keys::SPACE).await;
    assert!(term_state(&page, "IEEPA").await.1);
    page.tab_to("button", "In the glossary", 3).await;
    page.press(keys::ENTER).await;
    page.wait_for("dialog", "return document.querySelector('dialog[open].de-gloss')").await;
    page.by_role("dialog", "Glossary").await;
    let at = page.wait_for("entry focused", "return document.activeElement.id === 'glossary-ieepa' && document.activeElement.textContent").await;
    assert_eq!(at.as_str(), Some("the 'reciprocal' tariff (IEEPA)"));
    // Escape closes the dialog only; focus goes back to the link that opened it.
    page.press(keys::ESCAPE).await;
    page.wait_for("dialog closed", "return !document.querySelector('dialog[open]')").await;
    assert_eq!(page.focused().await.1, "In the glossary");
    assert!(term_state(&page, "IEEPA").await.1, "the meaning stays open under the dialog");
    // A tap (a click) closes it.
    button.click().await.expect("tap the term");
    assert!(!term_state(&page, "IEEPA").await.1);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_glossary_opens_from_the_footer_in_urdu_and_from_its_address() {
    let page = Page::open("view=calculator&hts=prod-other&value=1000000&date=2025-08-07&lang=ur").await;
    // An Urdu term, tapped.
    page.wait_for("term", "return document.querySelector('button.de-term__btn')").await;
    let term = page.by_role("button", "آئی ای ای پی اے").await;
    term.click().await.expect("tap");
    let (expanded, shown, meaning) = term_state(&page, "آئی ای ای پی اے").await;
    assert_eq!((expanded.as_str(), shown), ("true", true));
    assert!(meaning.contains("امریکی سپریم کورٹ"), "{meaning}");
    // The footer's Glossary button: every term in Urdu, named, axe-clean.
    let footer = page.css("footer.de-footer").await;
    let open = page.by_role_in(Some(&footer), "button", "اصطلاحات").await;
    open.click().await.expect("open the glossary");
    page.by_role("dialog", "اصطلاحات").await;
    let terms = page.js("return [...document.querySelectorAll('dialog[open] dt')].map(d => d.textContent)").await;
    let terms: Vec<&str> = terms.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    assert_eq!(terms.len(), deal_explorer::i18n::glossary::terms().len(), "{terms:?}");
    assert!(terms.contains(&"جوابی ٹیرف (آئی ای ای پی اے)"), "{terms:?}");
    let violations = page.axe().await;
    assert!(violations.is_empty(), "{violations:#?}");
    page.by_role("button", "بند کریں").await.click().await.expect("close");
    page.wait_for("dialog closed", "return !document.querySelector('dialog[open]')").await;
    // An address naming an entry opens the dialog there.
    page.goto_url(&format!("{}?view=deals&lang=en#glossary-cape", deal_explorer_e2e::base_url())).await;
    let at = page.wait_for("entry focused", "return document.activeElement.id === 'glossary-cape' && document.activeElement.textContent").await;
    assert_eq!(at.as_str(), Some("the refund system (CAPE)"));
    page.assert_no_console_errors().await;
    page.close().await;
}

/// Jargon is explained where it appears, not only in the calculator: an
/// event's text in the timeline's details and in the explorer's record panel
/// marks "Section 232" as a term, which opens its meaning on a tap.
#[tokio::test(flavor = "multi_thread")]
async fn terms_are_marked_in_the_timeline_and_record_details() {
    for (query, container) in [
        ("view=timeline&sel=2025-02-25-us-copper-investigation-opens", ".de-tl-details"),
        ("view=deals&records=events&sel=2025-02-25-us-copper-investigation-opens", "dialog.de-exp__detail"),
    ] {
        let page = Page::open(query).await;
        let script = format!(
            "return [...document.querySelectorAll('{container} button.de-term__btn')].map(b => b.textContent).includes('Section 232')"
        );
        let marked = page.wait_for("term in the details", &script).await;
        assert_eq!(marked.as_bool(), Some(true), "{query}");
        let term = page.by_role_in(Some(&page.css(container).await), "button", "Section 232").await;
        term.click().await.expect("tap the term");
        let (expanded, shown, meaning) = term_state(&page, "Section 232").await;
        assert_eq!((expanded.as_str(), shown), ("true", true), "{query}");
        assert!(!meaning.is_empty(), "{query}: the meaning is the button's description");
        page.assert_no_console_errors().await;
        page.close().await;
    }
}
