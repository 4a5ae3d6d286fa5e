//! axe-core finds no WCAG 2.2 A/AA violation on any view, in both languages
//! and both colour schemes.

use deal_explorer_e2e::Page;

#[tokio::test(flavor = "multi_thread")]
async fn no_axe_violations_on_any_view_language_or_scheme() {
    let page = Page::new_session(1200, 900).await;
    let mut failures = Vec::new();
    for view in ["deals", "timeline", "story", "calculator", "sources"] {
        for lang in ["en", "ur"] {
            for theme in ["light", "dark"] {
                let query = format!("view={view}&lang={lang}&theme={theme}");
                page.goto(&query).await;
                page.wait_for("view rendered", "return document.querySelector('#de-main') && document.querySelector('#de-main').children.length > 0").await;
                // Let lazy parts (counts, charts) settle.
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                for v in page.axe().await {
                    failures.push(format!("?{query}: {v}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "axe violations:\n{}", failures.join("\n"));
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn narrow_screens_have_no_sideways_scroll() {
    let page = Page::new_session(320, 700).await;
    for view in ["deals", "timeline", "story", "calculator", "sources"] {
        for lang in ["en", "ur"] {
            page.goto(&format!("view={view}&lang={lang}")).await;
            page.wait_for("view rendered", "return document.querySelector('#de-main') && document.querySelector('#de-main').children.length > 0").await;
            let overflow = page.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
            assert_eq!(overflow.as_i64(), Some(0), "sideways scroll on ?view={view}&lang={lang} at 320 px");
        }
    }
    page.close().await;
}
