//! The explorer in Urdu: dataset texts in Urdu (US institutions marked), the
//! count read in Urdu order for one record and for many, and titles sorted in
//! the Urdu alphabet's order.

use deal_explorer_e2e::Page;

const COUNT: &str = "return document.querySelector('.de-exp__count')?.textContent || ''";

async fn text_of(page: &Page, selector: &str) -> String {
    page.wait_for(selector, &format!("return !!document.querySelector({selector:?})")).await;
    page.js(&format!("return document.querySelector({selector:?}).textContent"))
        .await
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn has_latin_letters(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_alphabetic())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_supreme_court_ruling_names_the_us_court() {
    let page = Page::open("lang=ur&records=events&sel=2026-02-20-supreme-court-strikes-down-ieepa-tariffs").await;
    let title = text_of(&page, "#de-exp-detail-h").await;
    assert!(title.contains("امریکی سپریم کورٹ"), "{title}");
    let lang = page.js("return document.querySelector('#de-exp-detail-h').getAttribute('lang')").await;
    assert!(lang.is_null(), "the title is Urdu, not the English fallback: {lang}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deals_summary_status_and_disputes_read_in_urdu() {
    let page = Page::open("lang=ur&sel=deal-ussm-fwo-mou").await;
    page.wait_for("the detail", "return !!document.querySelector('.de-exp__detail .de-exp__facts')").await;
    // Every fact (date, kind, status, value, what it means) and the summary: Urdu, none marked English.
    let english_marked = page
        .js("return [...document.querySelectorAll('.de-exp__detail [lang=\"en\"]')].filter(e => !e.closest('.de-exp__links')).map(e => e.textContent)")
        .await;
    let quoted: Vec<String> = english_marked
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
        .unwrap_or_default();
    // Only the one claim quoted word for word from an English source stays English, labelled so.
    assert_eq!(quoted, ["A \"$500 million investment deal\""], "{quoted:?}");
    let label = text_of(&page, ".de-exp__dispute .de-muted").await;
    assert_eq!(label, "(انگریزی میں)");
    let status = page
        .js("const dt = [...document.querySelectorAll('.de-exp__facts dt')].find(d => d.textContent === 'حیثیت'); return dt ? dt.nextElementSibling.textContent : ''")
        .await;
    assert_eq!(status.as_str(), Some("قانونی طور پر غیر پابند مفاہمتی یادداشت"), "{status}");
    let summary = page
        .js("const h = [...document.querySelectorAll('.de-exp__detail h3')].find(h => h.textContent === 'خلاصہ'); return h ? h.nextElementSibling.textContent : ''")
        .await;
    let summary = summary.as_str().unwrap_or("");
    assert!(summary.starts_with("یو ایس ایس ایم اور ایف ڈبلیو او") && !has_latin_letters(summary), "{summary}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_count_reads_naturally_for_one_and_for_many() {
    let page = Page::open("lang=ur").await;
    page.wait_for("the count", "return (document.querySelector('.de-exp__count')?.textContent || '').startsWith('کل ')").await;
    let many = page.js(COUNT).await.as_str().unwrap_or("").to_string();
    // "کل 14 میں سے 14 سودے": total first, then those shown, the noun in the plural.
    let words: Vec<&str> = many.split(' ').collect();
    assert_eq!((words.first(), words.get(2), words.get(3), words.last()), (Some(&"کل"), Some(&"میں"), Some(&"سے"), Some(&"سودے")), "{many}");
    // One proposal in the data: the noun in the singular.
    page.goto("lang=ur&kind=proposal").await;
    page.wait_for("one record", "return (document.querySelector('.de-exp__count')?.textContent || '').endsWith(' 1 سودا')").await;
    let one = page.js(COUNT).await.as_str().unwrap_or("").to_string();
    assert_eq!(one.split(' ').nth(1), words.get(1).copied(), "same total: {one} / {many}");
    // The timeline says its count with the same sentence.
    page.goto("lang=ur&view=timeline").await;
    let timeline = page
        .wait_for("the timeline count", "const t = [...document.querySelectorAll('p')].map(p => p.textContent).find(t => t.startsWith('کل ') && t.endsWith(' واقعات')); return t || false")
        .await;
    assert!(timeline.as_str().is_some_and(|t| t.contains(" میں سے ")), "{timeline}");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn title_a_to_z_follows_the_urdu_alphabet() {
    // Background records too (bg=1): the default seven titles are too few to tell the orders apart.
    let page = Page::open("lang=ur&sort=title&bg=1").await;
    let titles = "return [...document.querySelectorAll('.de-exp__table tbody th a')].map(a => a.textContent)";
    // Every row placed: as many as the count says are shown ("کل 14 میں سے 14 سودے").
    page.wait_for("every row", &format!("const t = (() => {{ {titles} }})(); const n = +(document.querySelector('.de-exp__count')?.textContent || '').split(' ')[4]; return n > 10 && t.length === n")).await;
    let shown = page.js(titles).await;
    let expected = page
        .js(&format!("const t = (() => {{ {titles} }})(); return [...t].sort(new Intl.Collator('ur').compare)"))
        .await;
    assert_eq!(shown, expected);
    // Not by chance: code-point order would differ (ٹ، پ، ک، ی sit apart from their letters).
    let by_code_point = page.js(&format!("const t = (() => {{ {titles} }})(); return [...t].sort()")).await;
    assert_ne!(shown, by_code_point, "{shown}");
    let first = shown.get(0).and_then(|v| v.as_str()).unwrap_or("");
    assert!(!has_latin_letters(first), "{first}");
    // Z–A is the reverse.
    page.goto("lang=ur&sort=-title&bg=1").await;
    page.wait_for("reversed", &format!("const t = (() => {{ {titles} }})(); return t.length > 10 && t[0] === {:?}", shown.as_array().and_then(|a| a.last()).and_then(|v| v.as_str()).unwrap_or(""))).await;
    page.assert_no_console_errors().await;
    page.close().await;
}
