//! Deals that are deals: records that are not US–Pakistan deals stay out of
//! the default list and count until the reader's switch (`bg=1`) shows them,
//! marked as background; a figure says what kind of money it is, with its own
//! confidence and meaning, and the value sort ranks only figures of one kind.

use deal_explorer_e2e::serde_json::Value;
use deal_explorer_e2e::{keys, repo, Page};



/// The bundled dataset's deals, read as the editor wrote them.
fn deals() -> Vec<Value> {
    let text = std::fs::read_to_string(repo().join("public/data/deals.json")).expect("the dataset");
    let data: Value = deal_explorer_e2e::serde_json::from_str(&text).expect("JSON");
    data["deals"].as_array().cloned().unwrap_or_default()
}

fn is_background(d: &Value) -> bool {
    d["background"].as_bool() == Some(true)
}

/// The table's row titles, top to bottom.
const TITLES: &str = "return [...document.querySelectorAll('.de-exp__table tbody .de-exp__open')].map((a) => a.textContent)";

async fn wait_count(page: &Page, want: &str) {
    page.wait_for(want, &format!("return (document.querySelector('.de-exp__count')?.textContent || '') === {want:?}")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn background_deals_are_out_of_the_default_count_until_the_switch_shows_them() {
    let all = deals();
    let background: Vec<&Value> = all.iter().filter(|d| is_background(d)).collect();
    let (total, deals_only) = (all.len(), all.len() - background.len());
    assert!(!background.is_empty() && deals_only > 0);
    let page = Page::open("").await;
    wait_count(&page, &format!("{deals_only} of {deals_only} deals")).await;
    let titles = page.js(TITLES).await;
    for d in &background {
        let title = d["title"].as_str().unwrap_or("");
        assert!(!titles.as_array().is_some_and(|t| t.iter().any(|x| x == title)), "{title} is not in the default list");
    }
    // The switch, by keyboard, named; the address says it.
    let switch = page.tab_to("checkbox", "Background records", 200).await;
    let hint = page.js("return document.getElementById('de-exp-bg-hint').textContent").await;
    assert_eq!(hint.as_str(), Some(format!("{} records that are not US–Pakistan deals, kept for context", background.len()).as_str()));
    page.press(keys::SPACE).await;
    page.wait_query("the switch", |q| q == "bg=1").await;
    wait_count(&page, &format!("{total} of {total} deals")).await;
    assert_eq!(switch.prop("checked").await.ok().flatten().as_deref(), Some("true"));
    // Each background record is there, marked in its row.
    let marked = page
        .js("return [...document.querySelectorAll('.de-exp__table tbody tr')].filter((tr) => tr.querySelector('.de-badge--background')?.textContent === 'Background').map((tr) => tr.querySelector('.de-exp__open').textContent)")
        .await;
    let mut expected: Vec<&str> = background.iter().filter_map(|d| d["title"].as_str()).collect();
    let mut got: Vec<&str> = marked.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, expected);
    // Back: the default again.
    page.client.back().await.expect("back");
    wait_count(&page, &format!("{deals_only} of {deals_only} deals")).await;
    // A background record opened from a link says so in its details, switch or not.
    let lobito = background.iter().find(|d| d["id"] == "deal-mota-engil-lobito").expect("the Lobito concession is background");
    page.goto(&format!("sel={}", lobito["id"].as_str().unwrap_or(""))).await;
    let note = page.wait_for("the details", "return document.querySelector('dialog[open] .de-exp__background')?.textContent || false").await;
    assert_eq!(note.as_str(), Some("Background Not a US–Pakistan deal, kept for context."));
    // A bad flag is ignored like any bad parameter; the switch in Urdu has its Urdu name.
    page.goto("bg=yes").await;
    wait_count(&page, &format!("{deals_only} of {deals_only} deals")).await;
    page.goto("bg=1&lang=ur").await;
    assert!(page.has_role("checkbox", "پس منظر کے اندراج").await);
    page.wait_for("every record", &format!("return (document.querySelector('.de-exp__count')?.textContent || '').startsWith('کل {total} ')")).await;
    page.assert_no_console_errors().await;
    page.close().await;
}

/// The kinds of figure as the rows name them, in the order the value sort keeps them.
const KINDS: [&str; 7] = [
    "Loan",
    "Funding raised",
    "Total investment",
    "Purchase price",
    "Announced figure, not committed",
    "Credit offered, not approved",
    "Cost estimate",
];

#[tokio::test(flavor = "multi_thread")]
async fn the_value_sort_ranks_only_figures_of_one_kind_and_each_figure_says_what_it_is() {
    let page = Page::open("bg=1&sort=-value").await;
    page.wait_for("the rows", "return document.querySelectorAll('.de-exp__table tbody tr').length > 10").await;
    // The sort says how it ranks, and the select points to that note.
    let note = page.js("const s = document.getElementById('de-exp-sort'); return document.getElementById(s.getAttribute('aria-describedby'))?.textContent || ''").await;
    assert!(note.as_str().is_some_and(|n| n.starts_with("Figures of different kinds are not ranked against each other")), "{note}");
    // Rows with a figure: [kind, amount in dollars] top to bottom.
    let rows = page
        .js("return [...document.querySelectorAll('.de-exp__table tbody tr')].filter((tr) => tr.querySelector('.de-exp__basis')).map((tr) => [tr.querySelector('.de-exp__basis').textContent, tr.querySelector('.de-exp__open').textContent])")
        .await;
    let rows = rows.as_array().cloned().unwrap_or_default();
    let by_title = |title: &str| deals().into_iter().find(|d| d["title"] == title);
    let amounts: Vec<(usize, f64)> = rows
        .iter()
        .map(|r| {
            let kind = KINDS.iter().position(|k| r[0] == *k).unwrap_or_else(|| panic!("unknown kind {r}"));
            let amount = by_title(r[1].as_str().unwrap_or("")).and_then(|d| d["value"]["amount_usd"].as_f64()).unwrap_or(f64::NAN);
            (kind, amount)
        })
        .collect();
    assert_eq!(amounts.len(), deals().iter().filter(|d| d["value"]["amount_usd"].is_number()).count());
    // Kinds in their order; amounts fall only within a kind.
    for w in amounts.windows(2) {
        assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 >= w[1].1), "{w:?}");
    }
    // Not the order of amounts alone (the bundled figures mix kinds).
    let mut plain = amounts.clone();
    plain.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert_ne!(plain, amounts);
    // A row's figure carries its own confidence and its meaning in full.
    let first = page
        .js("const tr = document.querySelector('.de-exp__table tbody tr'); return [tr.querySelector('.de-exp__open').textContent, tr.querySelector('.de-exp__value .de-badge').textContent, tr.querySelector('.de-exp__meaning').textContent]")
        .await;
    let deal = by_title(first[0].as_str().unwrap_or("")).expect("the first row's deal");
    let level = deal["value"]["confidence"].as_str().unwrap_or("");
    assert_eq!(first[1].as_str().map(str::to_lowercase).as_deref(), Some(level));
    assert_eq!(first[2], deal["value"]["meaning"]);
    // The details say the same beside the figure.
    page.goto(&format!("sel={}", deal["id"].as_str().unwrap_or(""))).await;
    let facts = page
        .wait_for("the details", "const d = document.querySelector('dialog[open] dl'); return d && [...d.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])")
        .await;
    let fact = |name: &str| facts.as_array().and_then(|f| f.iter().find(|x| x[0] == name)).map(|x| x[1].clone());
    let kind = rows.first().and_then(|r| r[0].as_str()).unwrap_or("?");
    assert!(fact("Value").and_then(|v| v.as_str().map(|v| v.ends_with(&format!(" · {kind}")))).unwrap_or(false), "{facts}");
    assert_eq!(fact("What the value means"), Some(deal["value"]["meaning"].clone()));
    assert!(fact("Confidence in the figure").is_some(), "{facts}");
    page.assert_no_console_errors().await;
    page.close().await;
}
