//! Print: every view rendered to PDF (DevTools' Page.printToPDF, as the
//! browser's Print does) and its text extracted with poppler's pdftotext: the
//! deals table without the filters, the whole timeline list (the events folded
//! before 2025 too), an open record's details once with its sources and
//! disputes, the calculator's inputs, result and layers, the story's every step
//! with its sources, and the sources, all there.

use std::io::Write;
use std::process::{Command, Stdio};

use deal_explorer_e2e::serde_json::{json, Value};
use deal_explorer_e2e::Page;

/// Whitespace folded to single spaces (the PDF wraps lines where the page does
/// not), hyphens left out (pdftotext drops one that ends a line).
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace("- ", "").replace('-', "")
}

/// `cmd args` with `input` on its standard input; its standard output.
fn pipe(cmd: &str, args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = Command::new(cmd)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{cmd}: {e} (make browser installs poppler-utils)"));
    // Written from another thread: the child's output would fill its pipe while we still write.
    let writer = child.stdin.take().map(|mut stdin| {
        let input = input.to_vec();
        std::thread::spawn(move || stdin.write_all(&input))
    });
    let out = child.wait_with_output().expect("wait");
    if let Some(w) = writer {
        w.join().expect("writer").expect("write");
    }
    assert!(out.status.success(), "{cmd} failed");
    out.stdout
}

/// The page printed on A4 and read back as text.
async fn printed(page: &Page) -> String {
    let pdf = page.cdp("Page.printToPDF", json!({ "paperWidth": 8.27, "paperHeight": 11.69 })).await;
    let data = pdf["data"].as_str().expect("PDF data");
    let bytes = pipe("base64", &["-d"], data.as_bytes());
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    fold(&String::from_utf8_lossy(&pipe("pdftotext", &["-enc", "UTF-8", "-", "-"], &bytes)))
}

async fn texts(page: &Page, selector: &str) -> Vec<String> {
    let v = page.js(&format!("return [...document.querySelectorAll({selector:?})].map(e => e.innerText)")).await;
    v.as_array().map(|a| a.iter().filter_map(Value::as_str).map(fold).filter(|t| !t.is_empty()).collect()).unwrap_or_default()
}

fn missing<'a>(pdf: &str, wanted: &'a [String]) -> Vec<&'a String> {
    wanted.iter().filter(|w| !pdf.contains(w.as_str())).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_prints_with_all_its_content() {
    let page = Page::new_session(1280, 900).await;

    // The deals: every row's title, its columns, no filter panel.
    page.goto("view=deals&lang=en").await;
    page.wait_for("rows", "return document.querySelectorAll('.de-exp__table tbody tr').length > 0").await;
    let titles = texts(&page, ".de-exp__table tbody .de-exp__open").await;
    // A filter option reads "Copper 5": name and count, a text only the filter panel has.
    let options = texts(&page, ".de-exp__option").await;
    assert!(!titles.is_empty() && options.len() > 5, "{options:?}");
    let pdf = printed(&page).await;
    assert_eq!(missing(&pdf, &titles), Vec::<&String>::new(), "{pdf}");
    let printed_options: Vec<&String> = options.iter().filter(|o| pdf.contains(o.as_str())).collect();
    assert!(printed_options.is_empty(), "the filter panel printed: {printed_options:?}");

    // The timeline: every event of the list, not the scroll box's window, the
    // background events folded on screen (before 2025) too; the fold is back after.
    page.goto("view=timeline&lang=en").await;
    page.wait_for("list", "return document.querySelectorAll('.de-tl-list li').length > 50").await;
    let folded = "return document.querySelector('.de-tl-fold')?.getAttribute('aria-expanded')";
    let shown = texts(&page, ".de-tl-list .de-tl-title").await;
    page.js("document.querySelector('.de-tl-fold').click()").await;
    page.wait_for("unfolded", &format!("{folded} === 'true'")).await;
    let events = texts(&page, ".de-tl-list .de-tl-title").await;
    let early = texts(&page, ".de-tl-list li:has(time[datetime^='2024']) .de-tl-title").await;
    page.js("document.querySelector('.de-tl-fold').click()").await;
    page.wait_for("folded", &format!("{folded} === 'false'")).await;
    assert!(!early.is_empty() && events.len() > shown.len(), "{early:?} {} {}", events.len(), shown.len());
    let pdf = printed(&page).await;
    assert_eq!(missing(&pdf, &events), Vec::<&String>::new(), "{pdf}");
    page.wait_for("folded again", &format!("{folded} === 'false'")).await;
    assert_eq!(texts(&page, ".de-tl-list .de-tl-title").await, shown);

    // An open record: its details once, with sources and disputes; the list behind it not printed.
    page.goto("view=deals&lang=en&sel=deal-ussm-fwo-mou").await;
    page.wait_for("details", "return document.querySelector('dialog.de-exp__detail[open] .de-exp__dispute')").await;
    let heading = texts(&page, "#de-exp-detail-h").await;
    let disputes = texts(&page, "dialog[open] .de-exp__dispute h4, dialog[open] .de-exp__dispute h3").await;
    let sources = texts(&page, "dialog[open] .de-exp__links a").await;
    assert!(heading.len() == 1 && !disputes.is_empty() && sources.len() > 3, "{heading:?} {disputes:?} {sources:?}");
    let others = texts(&page, ".de-exp__table tbody .de-exp__open").await;
    let pdf = printed(&page).await;
    assert_eq!(pdf.matches(heading[0].as_str()).count(), 1, "the title once: {pdf}");
    assert_eq!(missing(&pdf, &disputes), Vec::<&String>::new(), "{pdf}");
    assert_eq!(missing(&pdf, &sources), Vec::<&String>::new(), "{pdf}");
    let behind: Vec<&String> = others.iter().filter(|t| **t != heading[0] && pdf.contains(t.as_str())).collect();
    assert!(behind.is_empty(), "the list behind printed: {behind:?}");

    // The calculator: inputs, the result, every layer.
    page.goto("view=calculator&lang=en&hts=prod-other&value=1000000&date=2025-08-07").await;
    page.wait_for("result", "return (document.querySelector('output.de-cal__amount')?.textContent || '').includes('190,000.00')").await;
    let labels = texts(&page, ".de-cal__form label").await;
    let layers = texts(&page, ".de-cal__table tbody th").await;
    let pdf = printed(&page).await;
    for want in ["Customs value (USD)", "Entry date", "1,000,000", "Total duty", "$190,000.00", "Duty by layer"] {
        assert!(pdf.contains(want), "{want:?} in {pdf}");
    }
    assert!(labels.len() > 3 && layers.len() > 1, "{labels:?} {layers:?}");
    // A table cell's lines come out in the page's reading order: each layer's words are there.
    let words: Vec<String> = layers.iter().flat_map(|l| l.split(' ').map(str::to_string)).filter(|w| w.len() > 2).collect();
    assert_eq!(missing(&pdf, &words), Vec::<&String>::new(), "{pdf}");

    // The map: the picture's caption and every place of the list, no zoom buttons.
    page.goto("view=map&lang=en").await;
    page.wait_for("map", "return !!document.querySelector('.de-map__svg .de-map__region') && document.querySelectorAll('.de-map__name').length > 0").await;
    let places = texts(&page, ".de-map__name").await;
    let pdf = printed(&page).await;
    assert_eq!(missing(&pdf, &places), Vec::<&String>::new(), "{pdf}");
    assert!(pdf.contains("Natural Earth"), "the caption's source: {pdf}");
    assert!(!pdf.contains("All of Pakistan"), "the zoom buttons printed");

    // The story: every step with its sources, not only the one on screen; no step buttons.
    page.goto("view=story&lang=en&step=3").await;
    page.wait_for("story", "return !!document.querySelector('.de-story__step--on h3')").await;
    let headlines = texts(&page, ".de-story__step h3").await;
    let sources = texts(&page, ".de-story__step .de-exp__links a").await;
    assert!(headlines.len() >= 10 && sources.len() > headlines.len(), "{headlines:?} {sources:?}");
    let pdf = printed(&page).await;
    assert_eq!(missing(&pdf, &headlines), Vec::<&String>::new(), "{pdf}");
    assert_eq!(missing(&pdf, &sources), Vec::<&String>::new(), "{pdf}");
    assert!(!pdf.contains("Previous") && !pdf.contains("Step 3 of"), "the step controls printed: {pdf}");

    // The sources: every one listed.
    page.goto("view=sources&lang=en").await;
    page.wait_for("sources", "return document.querySelectorAll('.de-source').length > 100").await;
    let sources = texts(&page, ".de-source__title").await;
    let pdf = printed(&page).await;
    assert_eq!(missing(&pdf, &sources), Vec::<&String>::new(), "{pdf}");
    assert!(!pdf.contains("Search sources"), "the search box printed");

    page.close().await;
}
