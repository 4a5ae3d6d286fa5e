//! Link previews: the Open Graph and Twitter card tags and the canonical link
//! of the built page, the preview image they name (a 1200×630 PNG), the
//! canonical following the state shown, and the absolute addresses a build
//! for a known site (DE_SITE_URL) writes.

use deal_explorer_e2e::serde_json::{json, Value};
use deal_explorer_e2e::{base_url, dist, repo, Page};

/// Every preview tag of the page as the browser reads it: name → content.
const TAGS: &str = "const out = {}; for (const m of document.querySelectorAll('meta[property^=\"og:\"], meta[name^=\"twitter:\"]')) \
                    out[m.getAttribute('property') || m.getAttribute('name')] = m.getAttribute('content'); return out";

#[tokio::test(flavor = "multi_thread")]
async fn the_page_carries_open_graph_and_twitter_tags_and_its_image() {
    let page = Page::open("").await;
    let tags = page.js(TAGS).await;
    for key in ["og:title", "og:description", "og:url", "og:image", "og:image:alt", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"] {
        assert!(tags[key].as_str().is_some_and(|v| v.trim().len() > 1), "{key} missing or empty: {tags}");
    }
    assert_eq!(
        [&tags["og:type"], &tags["twitter:card"], &tags["og:image:width"], &tags["og:image:height"], &tags["og:image:type"]],
        [&json!("website"), &json!("summary_large_image"), &json!("1200"), &json!("630"), &json!("image/png")]
    );
    assert_eq!(tags["og:image"], tags["twitter:image"]);
    // The image is served from the build and is what the tags say: a 1200×630 PNG.
    let image: Value = page
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const src = new URL(document.querySelector('meta[property=\"og:image\"]').content, document.baseURI);\
             fetch(src).then(r => r.blob().then(b => createImageBitmap(b).then(i => done([r.status, b.type, i.width, i.height]))))\
               .catch(e => done(String(e)));",
            vec![],
        )
        .await
        .expect("fetch the preview image");
    assert_eq!(image, json!([200, "image/png", 1200, 630]));
    // One canonical link, on the page's own address.
    let canonical = "const l = document.querySelectorAll('link[rel=canonical]'); return l.length === 1 && l[0].href";
    assert_eq!(page.js(canonical).await, Value::from(base_url()));
    page.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_canonical_link_follows_what_is_shown() {
    let page = Page::open("mineral=antimony&theme=dark&digits=eastern").await;
    let href = "return document.querySelector('link[rel=canonical]').href";
    page.wait_for("canonical", &format!("{href} === {}", Value::from(format!("{}?mineral=antimony", base_url())))).await;
    page.by_role("link", "Sources").await.click().await.expect("Sources");
    page.wait_for("canonical of Sources", &format!("{href} === {}", Value::from(format!("{}?view=sources&mineral=antimony", base_url())))).await;
    // Embedded, the canonical address is the standalone explorer's.
    page.goto("view=timeline&embed=1&tabs=0&lang=ur").await;
    page.wait_for("canonical of the embed", &format!("{href} === {}", Value::from(format!("{}?view=timeline&lang=ur", base_url())))).await;
    page.assert_no_console_errors().await;
    page.close().await;
}

/// The build's own rewriting (scripts/site-url.mjs, run by the post-build hook
/// when DE_SITE_URL is set) applied to the built page.
#[test]
fn a_build_for_a_known_site_writes_absolute_preview_addresses() {
    let html = std::fs::read_to_string(dist().join("index.html")).expect("dist/index.html (run make dist)");
    let script = format!(
        "import {{ absoluteLinks, siteUrl }} from {module};\
         const html = absoluteLinks({html}, siteUrl('https://example.org/news/minerals'));\
         const tags = [...html.matchAll(/<(meta|link)\\b[^>]*>/g)].map(m => m[0]);\
         const pick = (re) => tags.filter(t => re.test(t)).map(t => (t.match(/(?:content|href)=\"([^\"]*)\"/) || [])[1]);\
         console.log(JSON.stringify([pick(/canonical/), pick(/og:url/), pick(/og:image\"/), pick(/twitter:image\"/), pick(/og:title/)]));",
        module = Value::from(format!("file://{}", repo().join("scripts/site-url.mjs").display())),
        html = Value::from(html),
    );
    let out = std::process::Command::new("node").args(["--input-type=module", "-e", &script]).output().expect("run node");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Value = deal_explorer_e2e::serde_json::from_slice(&out.stdout).expect("JSON from node");
    let site = "https://example.org/news/minerals/";
    let image = format!("{site}preview.png");
    assert_eq!(got[0], json!([site]));
    assert_eq!(got[1], json!([site]));
    assert_eq!(got[2], json!([image]));
    assert_eq!(got[3], json!([image]));
    // Other tags are left as they were (relative text stays text).
    assert!(got[4][0].as_str().is_none_or(|t| !t.starts_with("http")), "{got}");
}
