//! Last line of defence: if anything panics, the reader sees a friendly panel
//! with a reload button and the version, never a blank or frozen page.


use crate::ui::ROOT_ID;

const TITLE: &str = "Something went wrong";
const TITLE_UR: &str = "کچھ غلط ہو گیا";
const BODY: &str = "The explorer hit an unexpected error. Reloading the page usually fixes it.";
const BODY_UR: &str = "ایکسپلورر میں غیر متوقع خرابی آ گئی۔ صفحہ دوبارہ لوڈ کرنے سے عموماً ٹھیک ہو جاتا ہے۔";
const RELOAD: &str = "Reload";
const RELOAD_UR: &str = "دوبارہ لوڈ کریں";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel();
    }));
}

/// Builds the panel with DOM calls (no HTML parsing), replacing the app's content.
fn show_panel() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document.get_element_by_id(ROOT_ID).or_else(|| document.body().map(Into::into)) else { return };
    let urdu = document.document_element().and_then(|e| e.get_attribute("lang")).as_deref() == Some("ur");
    let pick = |en: &'static str, ur: &'static str| if urdu { ur } else { en };
    let make = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let (Some(panel), Some(h), Some(p), Some(button), Some(version)) = (
        make("section", ""),
        make("h1", pick(TITLE, TITLE_UR)),
        make("p", pick(BODY, BODY_UR)),
        make("button", pick(RELOAD, RELOAD_UR)),
        make("p", concat!("Deal Explorer ", env!("CARGO_PKG_VERSION"))),
    ) else {
        return;
    };
    let _ = panel.set_attribute("class", "de-panel de-panel--error");
    let _ = panel.set_attribute("role", "alert");
    let _ = version.set_attribute("class", "de-muted");
    let _ = button.set_attribute("type", "button");
    // Lives as long as the page.
    gloo_events::EventListener::new(&button, "click", |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    })
    .forget();
    for child in [&h, &p, &button, &version] {
        let _ = panel.append_child(child);
    }
    root.set_text_content(None);
    let _ = root.append_child(&panel);
}
