//! The embed snippet a newsroom pastes into its page, and the addresses of the
//! embedded and full explorer for a state. Pure: the UI passes the page
//! address (`location.origin + location.pathname`) and the current state.

use super::url::AppState;

/// The height the iframe has until the first height message arrives (CSS px).
pub const FALLBACK_HEIGHT: u32 = 720;

/// The id under which Datawrapper-style height messages are sent.
pub const DATAWRAPPER_ID: &str = "deal-explorer";

/// The `type` of our own height message.
pub const HEIGHT_MESSAGE: &str = "deal-explorer:height";

/// The host script. It holds no interpolated value: the iframe is the element
/// just before it, and messages count only from that iframe's window and origin.
/// Heights are capped at 100,000 px against a runaway frame; the full Sources
/// list alone is over 20,000 px.
const HOST_SCRIPT: &str = r#"<script>
(function () {
  var frame = document.currentScript.previousElementSibling;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== frame.contentWindow || event.origin !== new URL(frame.src).origin) return;
    if (!data || data.type !== "deal-explorer:height") return;
    var height = Number(data.height);
    if (height > 0 && height < 100000) frame.style.height = Math.ceil(height) + "px";
  });
})();
</script>"#;

/// Escapes text for a double-quoted HTML attribute value.
pub fn escape_attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn address(page_url: &str, state: &AppState) -> String {
    // Whatever the caller passed, no query or fragment survives from it.
    let base = page_url.split(['?', '#']).next().unwrap_or(page_url);
    let query = state.to_query();
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// The address of this state in embedded mode.
pub fn embed_url(page_url: &str, state: &AppState) -> String {
    address(page_url, &AppState { embed: true, ..state.clone() })
}

/// The address of this state in the full explorer (the embed's "Open full explorer" link).
pub fn full_url(page_url: &str, state: &AppState) -> String {
    address(page_url, &AppState { embed: false, ..state.clone() })
}

/// The iframe plus the auto-height host script for a state.
pub fn embed_snippet(page_url: &str, state: &AppState, title: &str) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"{FALLBACK_HEIGHT}\" \
         style=\"width: 100%; height: {FALLBACK_HEIGHT}px; border: 0;\"></iframe>\n{HOST_SCRIPT}",
        src = escape_attribute(&embed_url(page_url, state)),
        title = escape_attribute(title),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::vocab::{Lang, View};

    const PAGE: &str = "https://example.org/news/2026/minerals/";

    fn check(input: &str, expected: &str) {
        assert_eq!(escape_attribute(input), expected, "input: {input}");
    }

    #[test]
    fn escapes_attribute_values() {
        check("plain", "plain");
        check(r#"a"b"#, "a&quot;b");
        check("<script>&'", "&lt;script&gt;&amp;&#39;");
        check("معاہدے", "معاہدے");
    }

    #[test]
    fn embedded_address_keeps_the_state_and_adds_embed() {
        let state = AppState::parse("view=timeline&sel=ev-1&lang=ur&mineral=min-copper");
        let url = embed_url(PAGE, &state);
        assert!(url.starts_with("https://example.org/news/2026/minerals/?"), "{url}");
        let back = AppState::parse(url.split_once('?').map_or("", |(_, q)| q));
        assert_eq!(back, AppState { embed: true, ..state.clone() });
        assert_eq!((back.view, back.lang, back.sel.as_deref()), (View::Timeline, Lang::Ur, Some("ev-1")));
    }

    #[test]
    fn full_address_drops_embed_and_stray_query() {
        let state = AppState::parse("view=sources&embed=1");
        assert_eq!(full_url(PAGE, &state), format!("{PAGE}?view=sources"));
        assert_eq!(full_url(&format!("{PAGE}?old=1#x"), &AppState::default()), PAGE);
        assert_eq!(embed_url(PAGE, &AppState::default()), format!("{PAGE}?embed=1"));
    }

    #[test]
    fn snippet_is_an_escaped_lazy_iframe_with_a_checking_script() {
        let state = AppState { q: "a\"><script>alert(1)</script>".into(), ..AppState::default() };
        let s = embed_snippet(PAGE, &state, "Deals \"explorer\" <b>");
        assert!(s.starts_with("<iframe src=\"https://example.org/news/2026/minerals/?q="), "{s}");
        assert!(s.contains("embed=1\""), "{s}");
        assert!(s.contains("title=\"Deals &quot;explorer&quot; &lt;b&gt;\""), "{s}");
        assert!(s.contains("loading=\"lazy\"") && s.contains("height: 720px"), "{s}");
        // The only raw "<script" is the host script's own tag.
        assert_eq!(s.matches("<script").count(), 1, "{s}");
        assert!(s.contains("event.origin !== new URL(frame.src).origin"), "{s}");
        assert!(s.contains("event.source !== frame.contentWindow"), "{s}");
        assert!(s.contains(HEIGHT_MESSAGE), "{s}");
    }
}
