//! The embed snippets a newsroom pastes into its page, and the addresses of the
//! embedded and full explorer for a state. Pure: the UI passes the page
//! address (`location.origin + location.pathname`) and the current state.
//!
//! Three kinds of snippet: the iframe with a host script that resizes it to its
//! content (any page that keeps a `<script>`), the iframe alone at a fixed
//! height per view (CMSs that strip scripts; it scrolls inside), and AMP's
//! `<amp-iframe>` (resized by AMP from the app's `embed-size` message).

use super::url::AppState;
use super::vocab::{Lang, Theme, View};

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

/// The canonical address of a state under `base` (the page's canonical link,
/// which a build may set to the public site): the standalone explorer with what
/// it shows (view, filters, record, language), not how (theme, digits, embedding).
pub fn canonical_url(base: &str, state: &AppState) -> String {
    let shown = AppState { theme: Theme::Auto, digits_eastern: false, hide_tabs: false, ..state.clone() };
    full_url(base, &shown)
}

/// A lazy, borderless, full-width iframe of an address at a height.
fn iframe(src: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"{height}\" \
         style=\"width: 100%; height: {height}px; border: 0;\"></iframe>",
        src = escape_attribute(src),
        title = escape_attribute(title),
    )
}

/// The iframe plus the auto-height host script for a state.
pub fn embed_snippet(page_url: &str, state: &AppState, title: &str) -> String {
    format!("{}\n{HOST_SCRIPT}", iframe(&embed_url(page_url, state), title, FALLBACK_HEIGHT))
}

/// Which snippet: resized by its script, the iframe alone at a fixed height, or AMP's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetKind {
    AutoHeight,
    FixedHeight,
    Amp,
}

impl SnippetKind {
    pub const ALL: [SnippetKind; 3] = [SnippetKind::AutoHeight, SnippetKind::FixedHeight, SnippetKind::Amp];
}

/// What the embed dialog lets an editor choose besides the snippet's kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EmbedOptions {
    /// The tabs to the other views, or the one view only.
    pub tabs: bool,
    pub theme: Theme,
    pub lang: Lang,
}

impl EmbedOptions {
    /// The options a state shows with: its tabs, theme and language.
    pub fn of(state: &AppState) -> EmbedOptions {
        EmbedOptions { tabs: !state.hide_tabs, theme: state.theme, lang: state.lang }
    }

    /// The state the embed opens on: this one, with the chosen options.
    pub fn apply(self, state: &AppState) -> AppState {
        AppState { hide_tabs: !self.tabs, theme: self.theme, lang: self.lang, ..state.clone() }
    }
}

/// The tabs' row (CSS px, with its margins) that a fixed height adds for it:
/// measured 42–47 px with the view embedded 700–1000 px wide.
const TABS_HEIGHT: u32 = 48;

/// The fixed height (CSS px) of an iframe that cannot resize itself: the view's
/// controls and its first results in an article column 700–1000 px wide (the
/// embed scrolls inside for the rest). Measured there, without tabs: the third
/// deal ends at 800–850 px, the timeline's chart at 670–685, the calculator's
/// breakdown at 910 (1,000 wide; 1,330 at 700), the third source at 430–550, a story step with its sources at about 650.
pub fn fixed_height(view: View, tabs: bool) -> u32 {
    let content = match view {
        View::Deals => 900,
        View::Timeline => 760,
        View::Map => 1000,
        View::Story => 700,
        View::Calculator => 1100,
        View::Sources => 900,
    };
    content + if tabs { TABS_HEIGHT } else { 0 }
}

/// AMP's `<amp-iframe>`: a fixed-height box AMP resizes on the app's
/// `embed-size` message (`resizable`, with the `overflow` button AMP requires),
/// sandboxed to what the app needs (scripts, its own origin's data, and links
/// that open the full explorer in a new, unsandboxed tab). AMP wants an `https`
/// address on another origin than the article's.
fn amp_snippet(src: &str, title: &str, height: u32, show_more: &str) -> String {
    format!(
        "<amp-iframe src=\"{src}\" title=\"{title}\" layout=\"fixed-height\" height=\"{height}\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" frameborder=\"0\" resizable>\n\
         <button overflow type=\"button\">{show_more}</button>\n</amp-iframe>",
        src = escape_attribute(src),
        title = escape_attribute(title),
        show_more = escape_text(show_more),
    )
}

/// Escapes text for an HTML text node.
fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A snippet of a kind for a state with the editor's options. `title` names
/// the iframe for screen readers; `show_more` is AMP's button for a taller frame.
pub fn snippet(kind: SnippetKind, page_url: &str, state: &AppState, options: EmbedOptions, title: &str, show_more: &str) -> String {
    let state = options.apply(state);
    let height = fixed_height(state.view, options.tabs);
    match kind {
        SnippetKind::AutoHeight => embed_snippet(page_url, &state, title),
        SnippetKind::FixedHeight => iframe(&embed_url(page_url, &state), title, height),
        SnippetKind::Amp => amp_snippet(&embed_url(page_url, &state), title, height, show_more),
    }
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
        // A newsroom embeds a story at the step it shows.
        let story = AppState::parse("view=story&step=7");
        assert_eq!(embed_url(PAGE, &story), format!("{PAGE}?view=story&step=7&embed=1"));
    }

    #[test]
    fn full_address_drops_embed_and_stray_query() {
        let state = AppState::parse("view=sources&embed=1");
        assert_eq!(full_url(PAGE, &state), format!("{PAGE}?view=sources"));
        assert_eq!(full_url(&format!("{PAGE}?old=1#x"), &AppState::default()), PAGE);
        assert_eq!(embed_url(PAGE, &AppState::default()), format!("{PAGE}?embed=1"));
    }

    fn options(tabs: bool, theme: Theme, lang: Lang) -> EmbedOptions {
        EmbedOptions { tabs, theme, lang }
    }

    /// The `src` of a snippet's frame, unescaped, read back as a state.
    fn framed_state(snippet: &str) -> AppState {
        let src = snippet.split("src=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap_or("");
        let query = src.replace("&amp;", "&");
        AppState::parse(query.split_once('?').map_or("", |(_, q)| q))
    }

    #[test]
    fn canonical_addresses_keep_what_is_shown_not_how() {
        let state = AppState::parse("view=timeline&sel=ev-1&lang=ur&theme=dark&digits=eastern&embed=1&tabs=0");
        assert_eq!(canonical_url(&format!("{PAGE}?old=1"), &state), format!("{PAGE}?view=timeline&sel=ev-1&lang=ur"));
        assert_eq!(canonical_url(PAGE, &AppState::default()), PAGE);
    }

    #[test]
    fn options_set_tabs_theme_and_language_of_the_embed_only() {
        let state = AppState::parse("view=timeline&mineral=min-copper&theme=light");
        let chosen = options(false, Theme::Dark, Lang::Ur);
        for kind in SnippetKind::ALL {
            let s = snippet(kind, PAGE, &state, chosen, "T", "More");
            let framed = framed_state(&s);
            assert_eq!(framed, AppState { embed: true, hide_tabs: true, theme: Theme::Dark, lang: Lang::Ur, ..state.clone() }, "{kind:?}: {s}");
        }
        assert_eq!(EmbedOptions::of(&state), options(true, Theme::Light, Lang::En));
        assert_eq!(EmbedOptions::of(&state).apply(&state), state);
    }

    #[test]
    fn the_fixed_snippet_has_no_script_and_its_views_height() {
        let state = AppState::parse("view=calculator&hts=2617.10.00");
        let with_tabs = snippet(SnippetKind::FixedHeight, PAGE, &state, options(true, Theme::Auto, Lang::En), "Calc", "");
        assert!(!with_tabs.contains("<script"), "{with_tabs}");
        assert!(with_tabs.starts_with("<iframe ") && with_tabs.ends_with("</iframe>"), "{with_tabs}");
        let h = fixed_height(View::Calculator, true);
        assert!(with_tabs.contains(&format!("height=\"{h}\"")) && with_tabs.contains(&format!("height: {h}px")), "{with_tabs}");
        // Each view its own height; the tabs add their row.
        assert!(fixed_height(View::Timeline, false) < fixed_height(View::Calculator, false));
        assert_eq!(fixed_height(View::Deals, true) - fixed_height(View::Deals, false), TABS_HEIGHT);
        let only = snippet(SnippetKind::FixedHeight, PAGE, &state, options(false, Theme::Auto, Lang::En), "Calc", "");
        assert!(only.contains(&format!("height=\"{}\"", fixed_height(View::Calculator, false))), "{only}");
        // The auto-height one keeps its script and its starting height.
        let auto = snippet(SnippetKind::AutoHeight, PAGE, &state, options(true, Theme::Auto, Lang::En), "Calc", "");
        assert_eq!(auto, embed_snippet(PAGE, &AppState { embed: true, ..state }, "Calc"));
    }

    #[test]
    fn the_amp_snippet_is_a_resizable_sandboxed_amp_iframe() {
        let state = AppState::parse("view=sources");
        let s = snippet(SnippetKind::Amp, PAGE, &state, options(true, Theme::Auto, Lang::Ur), "<Sources>", "Show <more> & all");
        assert!(s.starts_with("<amp-iframe src=\"https://example.org/news/2026/minerals/?view=sources&amp;embed=1&amp;lang=ur\""), "{s}");
        assert!(s.ends_with("</amp-iframe>"), "{s}");
        for part in [
            "title=\"&lt;Sources&gt;\"",
            "layout=\"fixed-height\"",
            &format!("height=\"{}\"", fixed_height(View::Sources, true)),
            "sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\"",
            " resizable>",
            "<button overflow type=\"button\">Show &lt;more&gt; &amp; all</button>",
        ] {
            assert!(s.contains(part), "{part} in {s}");
        }
        assert!(!s.contains("<script") && !s.contains("<iframe"), "{s}");
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
