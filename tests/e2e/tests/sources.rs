//! The Sources view: search with the explorer's folding, filters by kind and
//! publisher with counts that say what choosing them gives, order by date,
//! all in the URL (a copied link restores it, back and forward step through
//! it), bad parameters ignored, and an empty state that clears itself.

use deal_explorer_e2e::serde_json::Value;
use deal_explorer_e2e::Page;

const COUNT: &str = "return document.querySelector('.de-src__count')?.textContent || ''";

async fn count(page: &Page) -> String {
    page.wait_for("the count", COUNT).await.as_str().unwrap_or("").to_string()
}

/// The leading number of "12 of 230 sources".
fn shown(text: &str) -> usize {
    text.split_whitespace().next().and_then(|n| n.replace(',', "").parse().ok()).unwrap_or(usize::MAX)
}

async fn wait_count_change(page: &Page, before: &str) -> String {
    page.wait_for("count changes", &format!("return document.querySelector('.de-src__count')?.textContent !== {before:?}")).await;
    count(page).await
}

/// The number of list entries shown.
async fn entries(page: &Page) -> usize {
    page.js("return document.querySelectorAll('.de-source').length").await.as_u64().unwrap_or(0) as usize
}

#[tokio::test(flavor = "multi_thread")]
async fn search_folds_marks_and_lives_in_the_address() {
    let page = Page::open("view=sources").await;
    let all = count(&page).await;
    assert!(all.ends_with("sources") && shown(&all) > 200, "{all}");
    assert_eq!(entries(&page).await, shown(&all));
    let search = page.by_role("searchbox", "Search sources").await;
    search.send_keys("DAWN").await.expect("type");
    let found = wait_count_change(&page, &all).await;
    assert!(shown(&found) > 0 && shown(&found) < shown(&all), "{found}");
    page.wait_query("the search", |q| q == "view=sources&sq=DAWN").await;
    assert_eq!(entries(&page).await, shown(&found));
    // Every entry shown names Dawn in its title or publisher, whatever the case.
    let all_match = page
        .js("return [...document.querySelectorAll('.de-source')].every((li) => /dawn/i.test(li.querySelector('.de-source__title').textContent + li.querySelector('.de-source__meta').textContent))")
        .await;
    assert_eq!(all_match, true);
    assert!(page.js("return document.querySelectorAll('.de-source__title mark').length > 0").await.as_bool().unwrap_or(false));
    // Accents fold as in the explorer: "négocios" finds "Negócios".
    page.goto("view=sources&sq=NEGOCIOS").await;
    assert_eq!(shown(&count(&page).await), 1);
    // The same list from a link.
    page.goto("view=sources&sq=dawn").await;
    assert_eq!(count(&page).await, found);
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn kind_and_publisher_filter_with_honest_counts_and_history() {
    let page = Page::open("view=sources").await;
    let all = count(&page).await;
    let kind = page.by_role("combobox", "Kind").await;
    let promised = page.js("return document.querySelector('#de-src-kind option[value=primary]').textContent").await;
    kind.select_by_value("primary").await.expect("choose primary documents");
    let primary = wait_count_change(&page, &all).await;
    assert_eq!(page.query().await, "view=sources&skind=primary");
    // The option said what choosing it gives: "Primary documents (N)".
    assert!(promised.as_str().is_some_and(|p| p.ends_with(&format!("({})", shown(&primary)))), "{promised} vs {primary}");
    let labels = page.js("return [...document.querySelectorAll('.de-src__kind')].map((k) => k.textContent)").await;
    assert!(labels.as_array().is_some_and(|l| !l.is_empty() && l.iter().all(|k| k == "Primary documents")), "{labels}");

    // Publisher, on top of the kind: every entry shown is that publisher's.
    let publisher = page.by_role("combobox", "Publisher").await;
    publisher.select_by_value("Federal Register via govinfo.gov (EO 14266)").await.expect("choose a publisher");
    let one = wait_count_change(&page, &primary).await;
    assert_eq!(shown(&one), 1);
    assert_eq!(page.query().await, "view=sources&publisher=Federal+Register+via+govinfo.gov+%28EO+14266%29&skind=primary");

    // Back and forward step through the choices.
    page.client.back().await.expect("back");
    page.wait_for("primary again", &format!("return document.querySelector('.de-src__count').textContent === {primary:?}")).await;
    assert_eq!(page.query().await, "view=sources&skind=primary");
    page.client.back().await.expect("back");
    page.wait_for("all again", &format!("return document.querySelector('.de-src__count').textContent === {all:?}")).await;
    assert_eq!(page.js("return document.getElementById('de-src-kind').value").await, "");
    page.client.forward().await.expect("forward");
    page.wait_for("primary again", &format!("return document.querySelector('.de-src__count').textContent === {primary:?}")).await;
    assert_eq!(page.js("return document.getElementById('de-src-kind').value").await, "primary");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn newest_first_puts_undated_sources_last() {
    let page = Page::open("view=sources").await;
    count(&page).await;
    page.by_role("combobox", "Sort by").await.select_by_value("-date").await.expect("newest first");
    page.wait_query("the order", |q| q == "view=sources&ssort=-date").await;
    // Each entry's date as written in the dataset, read from its id's source in the JSON.
    let dates: Value = page
        .client
        .execute_async(
            "const done = arguments[0];
             fetch('data/deals.json').then((r) => r.json()).then((d) => {
               const by = new Map(d.sources.map((s) => [s.id, s.date || null]));
               done([...document.querySelectorAll('.de-source')].map((li) => by.get(li.id.replace(/^src-/, ''))));
             });",
            vec![],
        )
        .await
        .expect("dates");
    let dates: Vec<Option<String>> = dates.as_array().map(|a| a.iter().map(|d| d.as_str().map(str::to_string)).collect()).unwrap_or_default();
    assert!(dates.len() > 200);
    let dated: Vec<&String> = dates.iter().map_while(|d| d.as_ref()).collect();
    assert!(dates.iter().skip(dated.len()).all(Option::is_none), "undated sources come last");
    // Partial dates sort by their first day: compare on the common prefix.
    for pair in dated.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let n = a.len().min(b.len());
        assert!(a[..n] >= b[..n], "{a} before {b}");
    }
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_parameters_are_ignored_and_an_empty_list_clears() {
    let page = Page::open("view=sources&skind=blog&ssort=size&publisher=%01").await;
    let all = count(&page).await;
    assert!(shown(&all) > 200, "{all}");
    page.goto("view=sources&sq=zzzz-no-such-source&skind=weak&ssort=-date").await;
    assert_eq!(shown(&count(&page).await), 0);
    page.by_role("button", "Clear filters").await.click().await.expect("clear");
    page.wait_query("filters cleared, order kept", |q| q == "view=sources&ssort=-date").await;
    page.wait_for("all again", &format!("return document.querySelector('.de-src__count').textContent === {all:?}")).await;
    assert_eq!(page.js("return document.getElementById('de-src-q').value").await, "");
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn urdu_labels_and_counts() {
    let page = Page::open("view=sources&lang=ur&skind=news").await;
    let said = count(&page).await;
    assert!(said.contains("ذرائع"), "{said}");
    page.by_role("combobox", "قسم").await;
    page.by_role("searchbox", "ذرائع میں تلاش").await;
    page.assert_no_console_errors().await;
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_inferred_date_says_it_is_approximate() {
    // zameen-us-buyers: the fact base gives "2025-12 (approx.)"; the Dawn report beside it has a stated date.
    let page = Page::open("view=sources&sq=US+buyers+target").await;
    let meta = page
        .wait_for("the entry", "return document.querySelector('#src-zameen-us-buyers .de-source__meta')?.textContent")
        .await;
    assert!(meta.as_str().unwrap_or("").contains("December 2025 (approximate date)"), "{meta}");
    page.goto("view=sources&sq=dawn").await;
    let stated = page.wait_for("Dawn entries", "return [...document.querySelectorAll('.de-source__meta')].map((m) => m.textContent).join('|')").await;
    assert!(!stated.as_str().unwrap_or("approximate").contains("approximate"), "{stated}");
    page.close().await;
}
