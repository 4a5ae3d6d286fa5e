//! Two outcomes in words: where an exemption is not verified, the calculator
//! says what is not known (the product, the measure, the day, the reason) and
//! what each case owes, in the total, the layer and the total row; in Urdu the
//! values spliced into the sentence are isolated in `<bdi>` so the sentence's
//! punctuation stays where Urdu puts it.
//!
//! The published dataset leaves no deal line unverified (tariff tests), so the
//! test serves a copy whose Section 122 record for antimony ores is removed.

use deal_explorer_e2e::serde_json::{self, Value};
use deal_explorer_e2e::{repo, Page, Server};

const QUERY: &str = "view=calculator&hts=2617.10.00&value=1000000&date=2026-03-03";

fn unverified_server() -> Server {
    let text = std::fs::read_to_string(repo().join("public/data/deals.json")).expect("the dataset");
    let mut data: Value = serde_json::from_str(&text).expect("JSON");
    let product = data["products"].as_array().and_then(|ps| ps.iter().find(|p| p["hts"] == "2617.10.00")).map(|p| p["id"].clone());
    let product = product.expect("antimony ores");
    let measures = data["tariff_measures"].as_array_mut().expect("measures");
    let sec122 = measures.iter_mut().find(|m| m["id"] == "tm-sec122").expect("Section 122");
    let list = sec122["exemptions"].as_array_mut().expect("exemptions");
    let before = list.len();
    list.retain(|e| e["product_id"] != product);
    assert!(list.len() < before, "the record removed");
    let server = Server::start("plain-unverified");
    server.write("data/deals.json", serde_json::to_string(&data).expect("JSON"));
    server
}

const TOTAL: &str = "return document.querySelector('output.de-cal__amount')?.textContent || ''";

#[tokio::test(flavor = "multi_thread")]
async fn an_unverified_exemption_reads_as_two_outcomes_in_words() {
    let server = unverified_server();
    let page = Page::new_session(1280, 900).await;
    page.goto_url(&server.url(&format!("{QUERY}&lang=en"))).await;
    page.wait_for("the total", "return (document.querySelector('output.de-cal__amount')?.textContent || '').includes('If not')").await;
    let total = page.js(TOTAL).await;
    let total = total.as_str().unwrap_or("");
    for part in [
        "We could not confirm whether Antimony ores",
        "was exempt from Temporary import surcharge 10% (Section 122) on 3 March 2026",
        "our sources do not say whether it is on the exemption list",
        "If it was: $",
        "If not: $",
    ] {
        assert!(total.contains(part), "{part:?} in {total:?}");
    }
    assert!(!total.contains(" – ") && !total.contains("if dutiable"), "{total}");
    // The layer: its two outcomes, and why.
    let table = page.js("return document.querySelector('.de-cal__table').innerText").await;
    let table = table.as_str().unwrap_or("");
    assert!(table.contains("If exempt: $0.00. If not: $100,000.00."), "{table}");
    assert!(table.contains("Not confirmed: our sources do not say whether this product is on the measure's exemption list"), "{table}");
    assert!(table.contains("if exempt from Temporary import surcharge 10% (Section 122)"), "the total row names the measure: {table}");
    page.assert_no_console_errors().await;

    // Urdu: the spliced values are <bdi>, the sentence's own punctuation outside them.
    page.goto_url(&server.url(&format!("{QUERY}&lang=ur"))).await;
    page.wait_for("the Urdu total", "return document.querySelectorAll('output.de-cal__amount bdi').length >= 5").await;
    let runs = page.js("return [...document.querySelectorAll('output.de-cal__amount bdi')].map(b => b.textContent)").await;
    let runs: Vec<&str> = runs.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    assert!(runs.iter().any(|r| r.contains("2026")), "the day: {runs:?}");
    assert!(runs.iter().any(|r| r.contains("سیکشن 122")), "the measure: {runs:?}");
    assert!(runs.iter().all(|r| !r.contains('\u{2068}') && !r.contains('\u{2069}')), "no marks left: {runs:?}");
    let after_last = page
        .js("const ns = [...document.querySelector('output.de-cal__amount').childNodes].filter(n => n.nodeType !== Node.COMMENT_NODE); const l = ns[ns.length - 1]; return l.nodeName + ':' + l.textContent")
        .await;
    assert_eq!(after_last.as_str(), Some("#text:۔"), "the full stop follows the last value, outside it");
    page.close().await;
}
