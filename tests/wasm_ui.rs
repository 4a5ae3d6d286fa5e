//! Browser-only code paths, run by wasm-bindgen-test in headless Chromium:
//! number formatting against the browser's own `Intl`, storage that may be
//! unavailable, loading a dataset, and listeners that go with their view.
#![cfg(target_arch = "wasm32")]
// A test: a panic here is a failure report, not a bug on an input path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use deal_explorer::data::date::{Day, PartialDate};
use deal_explorer::state::vocab::Lang;
use deal_explorer::ui::format::{self, Locale};
use deal_explorer::ui::{load, storage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EN: Locale = Locale { lang: Lang::En, eastern_digits: false };
const UR_EASTERN: Locale = Locale { lang: Lang::Ur, eastern_digits: true };
const UR_LATN: Locale = Locale { lang: Lang::Ur, eastern_digits: false };

#[wasm_bindgen_test]
fn money_and_numbers_never_show_nan() {
    assert_eq!(format::usd_cents(EN, 123_456_789), "$1,234,567.89");
    assert_eq!(format::usd(EN, f64::NAN, false), format::NO_VALUE);
    assert_eq!(format::number(EN, f64::INFINITY, 0), format::NO_VALUE);
    assert_eq!(format::percent(EN, 19.0), "19%");
    assert!(format::usd(EN, 5.0e8, true).contains("500"), "compact money keeps the figure");
}

/// The browser's `Intl.NumberFormat` for a locale and options (the reference
/// the pure formatter must match, character for character).
fn intl(locale: Locale, options: &[(&str, wasm_bindgen::JsValue)], x: f64) -> String {
    use js_sys::{Array, Intl, Object, Reflect};
    let tag = match (locale.lang, locale.eastern_digits) {
        (Lang::En, _) => "en-GB",
        (Lang::Ur, false) => "ur-PK-u-nu-latn",
        (Lang::Ur, true) => "ur-PK-u-nu-arabext",
    };
    let o = Object::new();
    for (k, v) in options {
        Reflect::set(&o, &(*k).into(), v).expect("set option");
    }
    let f = Intl::NumberFormat::new(&Array::of1(&tag.into()), &o);
    f.format().call1(&f, &x.into()).expect("format").as_string().expect("a string")
}

#[wasm_bindgen_test]
fn numbers_match_the_browsers_intl() {
    use wasm_bindgen::JsValue;
    let currency = || vec![("style", JsValue::from("currency")), ("currency", "USD".into()), ("currencyDisplay", "narrowSymbol".into())];
    let mut compact = currency();
    compact.extend([("notation", "compact".into()), ("compactDisplay", "long".into()), ("maximumFractionDigits", 2.into())]);
    // Urdu compact dollars are ours, not Intl's ("50 کروڑ ڈالر", where Intl writes
    // "$50 کروڑ"): their figure and unit are still Intl's compact decimal, up to
    // where the press keeps counting in ارب and Intl switches to کھرب (10^11).
    // (Intl's decimal style puts a plain space between figure and unit; ours keeps
    // its currency style's no-break space, so "50 کروڑ ڈالر" never breaks apart.)
    let compact_figure = [("notation", JsValue::from("compact")), ("compactDisplay", "long".into()), ("maximumFractionDigits", 2.into())];
    let mut whole = currency();
    whole.push(("maximumFractionDigits", 0.into()));
    let percent = [("style", JsValue::from("percent")), ("maximumFractionDigits", 2.into())];
    // Deterministic spread of magnitudes from 10^-4 to 10^16, halves and near-halves included.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut values = vec![0.0, 0.5, 1.5, 2.5, 999.995, 99_999.0, 999_999.0, 1.005, 0.125];
    for _ in 0..400 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let exponent = (seed % 21) as i32 - 4;
        let mantissa = (seed >> 20) % 100_000;
        let x = mantissa as f64 * 10f64.powi(exponent) / 10_000.0;
        values.push(if seed & 1 == 0 { x } else { -x });
    }
    for locale in [EN, UR_LATN, UR_EASTERN] {
        for &x in &values {
            assert_eq!(format::number(locale, x, 0), intl(locale, &[("maximumFractionDigits", 0.into())], x), "{x}");
            assert_eq!(format::number(locale, x, 3), intl(locale, &[("maximumFractionDigits", 3.into())], x), "{x}");
            if locale.lang == Lang::En {
                assert_eq!(format::usd(locale, x, true), intl(locale, &compact, x), "{x}");
            } else if x.abs() < 9.9e10 {
                let press = format!("{}\u{00A0}ڈالر", intl(locale, &compact_figure, x).replace(' ', "\u{00A0}"));
                assert_eq!(format::usd(locale, x, true), press, "{x}");
            }
            assert_eq!(format::usd(locale, x, false), intl(locale, &whole, x), "{x}");
            // Intl takes a fraction; ours takes the percent itself and so rounds the
            // figure as written (1.005 → "1.01%", where 0.01005 is 0.010049… as a double).
            let mantissa = |v: f64| format!("{v:e}").split('e').next().map(str::to_string);
            if mantissa(x) == mantissa(x / 100.0) {
                assert_eq!(format::percent(locale, x), intl(locale, &percent, x / 100.0), "{x}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn urdu_can_use_eastern_digits() {
    let s = format::number(UR_EASTERN, 2025.0, 0);
    assert!(s.chars().any(|c| ('\u{06F0}'..='\u{06F9}').contains(&c)), "{s}");
    assert!(!s.chars().any(|c| c.is_ascii_digit()), "{s}");
}

#[wasm_bindgen_test]
fn dates_follow_their_precision() {
    let day = Day::new(2025, 9, 8).expect("valid day");
    assert_eq!(format::day(EN, day), "8 September 2025");
    let month = PartialDate::parse("2025-10").expect("valid month");
    assert_eq!(format::partial_date(EN, month), "October 2025");
    assert_eq!(format::data_date(EN, Some("not a date")), format::NO_VALUE);
}

#[wasm_bindgen_test]
fn storage_round_trips_or_degrades_quietly() {
    storage::set("wasm-test", "ur");
    // Where storage works the value comes back; where it is blocked, get() is None, never a panic.
    let back = storage::get("wasm-test");
    assert!(back.is_none() || back.as_deref() == Some("ur"));
}

#[wasm_bindgen_test]
fn syntax_errors_name_line_and_column() {
    let problems = load::parse_and_validate("{\n  \"meta\": {,\n}").expect_err("broken JSON");
    let text = problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("line 2"), "{text}");
}

#[wasm_bindgen_test]
fn wrong_shapes_are_reported_not_panicked() {
    let problems = load::parse_and_validate("{\"meta\": 3, \"sources\": {}}").expect_err("not a dataset");
    assert!(problems.len() >= 2, "{problems:?}");
}

const PUBLISHED: &str = include_str!("../public/data/deals.json");

/// JSON.parse's own count of a top-level array, independent of our parser.
fn js_len(text: &str, key: &str) -> u32 {
    let value = js_sys::JSON::parse(text).expect("parses");
    let items = js_sys::Reflect::get(&value, &key.into()).expect("has the key");
    js_sys::Array::from(&items).length()
}

/// The dataset is read as bytes (one copy into wasm memory) and decoded in
/// Rust: the text must be the one `Response.text()` gives for the same bytes.
#[wasm_bindgen_test]
async fn body_text_matches_the_browsers_response_text() {
    let samples: [&[u8]; 7] = [
        b"{\"a\": \"\xC3\xA9\xD8\xA7\"}",
        b"\xEF\xBB\xBF[]",
        b"\xEF\xBB\xBF\xEF\xBB\xBF[]",
        b"a\xFFb\xE2\x82",
        b"\xF0\x9F\x98",
        b"\xED\xA0\x80x\xC0\xAF",
        b"",
    ];
    for bytes in samples {
        let array = js_sys::Uint8Array::from(bytes);
        let response = web_sys::Response::new_with_opt_buffer_source(Some(&array)).expect("a response");
        let text = wasm_bindgen_futures::JsFuture::from(response.text().expect("text")).await.expect("read");
        assert_eq!(Some(deal_explorer::data::load::body_text(bytes.to_vec())), text.as_string(), "{bytes:?}");
    }
}

#[wasm_bindgen_test]
fn the_published_dataset_loads_through_the_parser() {
    let ds = load::parse_and_validate(PUBLISHED).expect("the published dataset is valid");
    let counts = [("sources", ds.sources.len()), ("deals", ds.deals.len()), ("events", ds.events.len()), ("tariff_measures", ds.tariff_measures.len())];
    for (key, n) in counts {
        assert_eq!(n, js_len(PUBLISHED, key) as usize, "{key}");
    }
}

#[wasm_bindgen_test]
fn field_names_survive_the_parser() {
    // A misspelt key is reported by name and path, so keys arrive as written.
    let text = PUBLISHED.replacen("\"tariff_measures\"", "\"tarif_measures\"", 1);
    let problems = load::parse_and_validate(&text).expect_err("misspelt key");
    let text = problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("$: unknown field \"tarif_measures\", did you mean \"tariff_measures\"?"), "{text}");
}

#[wasm_bindgen_test]
fn deep_nesting_is_a_problem_not_a_crash() {
    use deal_explorer::data::json::MAX_DEPTH;
    let nested = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    let too_deep = |levels: usize| {
        let problems = load::parse_and_validate(&nested(levels)).expect_err("not a dataset");
        problems.iter().any(|p| p.message.contains("nested more than"))
    };
    assert!(!too_deep(MAX_DEPTH), "as deep as the limit");
    assert!(too_deep(MAX_DEPTH + 1));
    // Far deeper: refused at the limit, a problem, not a crash.
    assert!(load::parse_and_validate(&nested(100_000)).is_err());
}

/// Patches `MediaQueryList`'s `addEventListener`/`removeEventListener` (once per
/// page) to count "change" listeners; returns a function giving
/// `[added, removed, attached now]` since the patch.
const COUNT_MEDIA_LISTENERS: &str = r#"
    const proto = MediaQueryList.prototype;
    if (!proto.deCountListeners) {
        const attached = new Set();
        let added = 0, removed = 0;
        const add = proto.addEventListener, remove = proto.removeEventListener;
        proto.addEventListener = function (type, listener, options) {
            if (type === "change") { added += 1; attached.add(listener); }
            return add.call(this, type, listener, options);
        };
        proto.removeEventListener = function (type, listener, options) {
            if (type === "change" && attached.delete(listener)) { removed += 1; }
            return remove.call(this, type, listener, options);
        };
        proto.deCountListeners = () => [added, removed, attached.size];
    }
    return proto.deCountListeners;
"#;

/// (added, removed, attached now) since the patch.
fn media_listeners(count: &js_sys::Function) -> (u32, u32, u32) {
    let counts = js_sys::Array::from(&count.call0(&wasm_bindgen::JsValue::NULL).expect("counts"));
    let at = |i| counts.get(i).as_f64().expect("a count") as u32;
    (at(0), at(1), at(2))
}

/// A view that follows a media query (as the result list follows the narrow
/// screen) adds one "change" listener while it is mounted, and its listener is
/// removed when the view's owner is disposed: none outlives the view.
#[wasm_bindgen_test]
fn a_media_query_listener_goes_with_its_view() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let count: js_sys::Function = js_sys::Function::new_no_args(COUNT_MEDIA_LISTENERS)
        .call0(&wasm_bindgen::JsValue::NULL)
        .expect("patched")
        .unchecked_into();
    let before = media_listeners(&count);
    let host: web_sys::HtmlElement = document().create_element("div").expect("div").unchecked_into();
    document().body().expect("body").append_child(&host).expect("appended");
    let handle = leptos::mount::mount_to(host.clone(), || {
        let wide = deal_explorer::ui::web::media_query("(min-width: 1px)");
        view! { <p>{move || if wide.get() { "wide" } else { "narrow" }}</p> }
    });
    let mounted = media_listeners(&count);
    assert_eq!(host.text_content().as_deref(), Some("wide"), "the view reads the query");
    assert_eq!((mounted.0 - before.0, mounted.2 - before.2), (1, 1), "one listener while mounted: {before:?} -> {mounted:?}");
    drop(handle);
    let after = media_listeners(&count);
    assert_eq!((after.1 - before.1, after.2), (1, before.2), "the listener is removed with its view: {mounted:?} -> {after:?}");
    host.remove();
}
