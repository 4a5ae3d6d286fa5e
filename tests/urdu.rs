//! The Urdu a reader sees, checked as an editor would: every catalogue string
//! and template (after substitution) and every dataset text.
//!
//! Fails on a reader-facing dataset text without its Urdu (the validator's
//! warnings; a claim marked `quote_en` stays English), on Latin letters inside
//! Urdu (codes readers copy aside: `LATIN_ALLOWED`), and on any term of the
//! glossary's "not this" column (docs/GLOSSARY.md).
#![allow(clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use deal_explorer::data::json::Json;
use deal_explorer::data::json_text::std_parse_number;
use deal_explorer::data::load::{load_str, parse};
use deal_explorer::data::model::{Dataset, MfnRate};
use deal_explorer::data::validate::validate_with_warnings;
use deal_explorer::i18n::{calculator, cite, explorer, glossary, local, map, sources, story, timeline};
use deal_explorer::state::vocab::{Lang, Records};
use deal_explorer::tariff::parse::InputError;
use deal_explorer::tariff::Field;

/// Latin words an Urdu text may keep: file formats and key names readers see
/// on their screen and keyboard, and the parts of legal citations they copy
/// (90 FR 15041, FR Doc 2025-06063, CSMS #67834313, docket USTR-2026-0265,
/// the NI 43-101 standard). Subdivisions of a numbered note, 2(v)(iii)(a) or
/// 52(b), are citations too (`without_subdivisions`).
const LATIN_ALLOWED: &[&str] = &["CSV", "JSON", "Enter", "Ctrl", "C", "FR", "Doc", "CSMS", "USTR", "NI"];

/// The text without the lowercase subdivisions of a citation: "(v)" right after
/// a digit or another subdivision, as in "note 2(v)(iii)(a)".
fn without_subdivisions(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after_number = out.ends_with(|p: char| p.is_ascii_digit() || p == ')');
        if c == '(' && after_number {
            if let Some(end) = rest.find(')') {
                let inner = &rest[1..end];
                if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_lowercase()) {
                    out.push_str("()");
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The glossary's rows: (Urdu terms, "not this" terms).
struct Glossary {
    right: Vec<String>,
    wrong: Vec<String>,
}

fn glossary() -> Glossary {
    let text = read("docs/GLOSSARY.md");
    let (mut right, mut wrong) = (Vec::new(), Vec::new());
    for line in text.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
        let [english, urdu, not_this, ..] = cells.as_slice() else { continue };
        if *english == "English" || english.starts_with("---") {
            continue;
        }
        right.extend(urdu.split(" / ").map(str::trim).filter(|t| !t.is_empty()).map(String::from));
        wrong.extend(not_this.split('،').map(str::trim).filter(|t| !t.is_empty()).map(String::from));
    }
    // Longest first, so a term is removed before any term inside it.
    right.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    Glossary { right, wrong }
}

/// `term` as a whole word of `text` (no letter or combining mark either side).
fn has_word(text: &str, term: &str) -> bool {
    let is_letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() || ('\u{064B}'..='\u{065F}').contains(&c));
    text.match_indices(term).any(|(i, _)| {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let after = text.get(i + term.len()..).and_then(|s| s.chars().next());
        !is_letter(before) && !is_letter(after)
    })
}

impl Glossary {
    /// Everything wrong with one Urdu text, as messages naming `place`.
    fn check(&self, place: &str, text: &str, out: &mut Vec<String>) {
        let mut rest = text.to_string();
        for term in &self.right {
            rest = rest.replace(term.as_str(), " ");
        }
        for term in &self.wrong {
            if has_word(&rest, term) {
                out.push(format!("{place}: \"{term}\" (glossary: not this) in «{text}»"));
            }
        }
        let mut word = String::new();
        for c in without_subdivisions(text).chars().chain([' ']) {
            if c.is_ascii_alphabetic() {
                word.push(c);
            } else if !word.is_empty() {
                if !LATIN_ALLOWED.contains(&word.as_str()) {
                    out.push(format!("{place}: Latin \"{word}\" in «{text}»"));
                }
                word.clear();
            }
        }
    }
}

/// The string literals of a Rust source between `start` and the next line `};`
/// (placeholders such as `{total}` removed: they are checked after substitution).
fn literals(source: &str, start: &str) -> Vec<String> {
    let Some(from) = source.find(start) else { panic!("no {start}") };
    let block = &source[from..];
    let block = &block[..block.find("\n};").unwrap_or(block.len())];
    let mut out = Vec::new();
    for line in block.lines().map(str::trim).filter(|l| !l.starts_with("//")) {
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut lit = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        if let Some(e) = chars.next() {
                            lit.push(if e == 'n' { ' ' } else { e });
                        }
                    }
                    '"' => break,
                    c => lit.push(c),
                }
            }
            let mut plain = String::new();
            let mut depth = 0;
            for c in lit.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    c if depth == 0 => plain.push(c),
                    _ => {}
                }
            }
            // ISO country codes (explorer's table) are keys, not shown.
            if !(plain.len() == 2 && plain.chars().all(|c| c.is_ascii_uppercase())) {
                out.push(plain);
            }
        }
    }
    out
}

fn dataset() -> (Dataset, Json) {
    let text = read("public/data/deals.json");
    let ds = load_str(&text).unwrap_or_else(|p| panic!("{p:?}"));
    let tree = parse(&text, std_parse_number).unwrap_or_else(|p| panic!("{p:?}"));
    (ds, tree)
}

#[test]
fn the_glossary_lists_terms_and_wrong_renderings() {
    let g = glossary();
    assert!(g.right.len() > 60, "{}", g.right.len());
    for term in ["امریکی سپریم کورٹ", "مفاہمتی یادداشت", "ٹیرف", "کنسیشن", "ریکوڈک"] {
        assert!(g.right.iter().any(|t| t == term), "{term}");
    }
    for term in ["رعایت", "بلین", "اہداف", "جبری مشقت کا محصول", "مشرقی وقت", "سپریم کورٹ"] {
        assert!(g.wrong.iter().any(|t| t == term), "{term}");
    }
    // The check itself: a wrong term is found as a word, not inside a right term or another word.
    let mut out = Vec::new();
    g.check("t", "امریکی سپریم کورٹ نے امریکی مشرقی وقت کے مطابق ایک چھوٹا فیصلہ دیا", &mut out);
    assert!(out.is_empty(), "{out:?}");
    g.check("t", "سپریم کورٹ نے مشرقی وقت کے مطابق ریکو ڈک پر Supreme فیصلہ دیا", &mut out);
    assert_eq!(out.len(), 4, "{out:?}");
    // Citation subdivisions are codes; a letter in other brackets is not.
    assert_eq!(without_subdivisions("نوٹ 2(v)(iii)(a) اور 52(b) (b)"), "نوٹ 2()()() اور 52() (b)");
}

#[test]
fn every_urdu_catalogue_string_reads_as_urdu() {
    let g = glossary();
    let mut out = Vec::new();
    for file in ["shell", "explorer", "timeline", "map", "calculator", "embed", "sources", "story"] {
        let source = read(&format!("src/i18n/{file}.rs"));
        let found = literals(&source, "pub static UR");
        assert!(found.len() > 10, "{file}: {} literals", found.len());
        for lit in found {
            g.check(&format!("src/i18n/{file}.rs"), &lit, &mut out);
        }
    }
    // The glossary's table of terms and meanings.
    for t in glossary::terms() {
        for text in [t.ur.term, t.ur.meaning].into_iter().chain(t.ur.spots()) {
            g.check(&format!("glossary {}", t.id), text, &mut out);
        }
    }
    // The panic panel's Urdu: its `…_UR` constants.
    let panic = read("src/ui/panic.rs");
    let urdu_consts: Vec<&str> = panic.lines().filter(|l| l.contains("_UR: &str")).collect();
    assert_eq!(urdu_consts.len(), 3);
    for line in urdu_consts {
        for lit in literals(line, "const") {
            g.check("src/ui/panic.rs", &lit, &mut out);
        }
    }
    assert!(out.is_empty(), "{}", out.join("\n"));
}

#[test]
fn urdu_templates_stay_urdu_after_substitution() {
    let (ds, _) = dataset();
    let g = glossary();
    let mut out = Vec::new();
    let mut check = |place: &str, text: String| g.check(place, &text, &mut out);
    let (ex, tl, cal) = (explorer::text(Lang::Ur), timeline::text(Lang::Ur), calculator::text(Lang::Ur));
    for r in [Records::Deals, Records::Events] {
        check("count of one", (ex.count)("1", "14", true, r));
        check("count of many", (ex.count)("۳", "۱۳۰", false, r));
    }
    let src = sources::text(Lang::Ur);
    check("sources count of one", (src.count)("1", "230", true));
    check("sources count of many", (src.count)("۱۲", "۲۳۰", false));
    check("sources option", (src.option)(src.news, "136"));
    let st = story::text(Lang::Ur);
    check("story status", (st.status)("۳", "۱۶"));
    check("story locator", (st.locator)("30 جولائی 2025", "2 اپریل 2025", "24 جولائی 2026"));
    check("story printed step", (st.printed_step)("3"));
    let m = map::text(Lang::Ur);
    check("map svg_name", (m.svg_name)("۱۰"));
    check("map count", (m.count)("۳", "۱۰", true));
    check("map count unfiltered", (m.count)("۱۰", "۱۰", false));
    check("map disputed", (m.disputed)(&["گلگت بلتستان", "آزاد کشمیر"].join(m.list_separator)));
    check("map approximate", (m.approximate)("۱۵"));
    check("map lat_lon", (m.lat_lon)("۲۸٫۹۷۲۵", "۶۲٫۴۳۳۱"));
    check("era_from", (tl.era_from)("19%", "7 اگست 2025"));
    check("era_span", (tl.era_span)("10%", "5 اپریل 2025", "7 اگست 2025"));
    let c = cite::text(Lang::Ur);
    for text in [c.cite_this, c.copied, c.manual, c.field, c.sources] {
        check("cite", text.to_string());
    }
    check("cite dataset", (c.dataset)(ds.meta.title_ur.as_deref().unwrap_or_default(), "1.2.0", "2026-10-02"));
    // The metal a specific MFN rate is charged on comes from the data, in Urdu.
    let metals: Vec<String> = ds
        .products
        .iter()
        .filter_map(|p| match &p.mfn {
            MfnRate::Specific { content_of, content_of_ur, .. } => Some(local(Lang::Ur, content_of, content_of_ur.as_deref()).0),
            _ => None,
        })
        .collect();
    assert!(!metals.is_empty());
    for metal in &metals {
        check("specific", (cal.specific)("1.7", metal));
        check("content_mass", (cal.content_mass)("750", metal));
    }
    assert!(metals.iter().any(|m| (cal.specific)("1.7", m).starts_with("سیسے کی مقدار پر")), "{metals:?}");
    let money = "50 کروڑ ڈالر";
    check("either", (cal.either)("سیکشن 122 کا عارضی اضافی ٹیرف", money, money));
    check("either_row", (cal.either_row)(money, money));
    check("unverified_total", (cal.unverified_total)("اینٹیمنی کی کچ دھات", "سیکشن 122", "3 مارچ 2026", money, money));
    check("charged", (cal.charged)(money));
    check("saving", (cal.saving)(money));
    check("costs_more", (cal.costs_more)(money));
    check("chart_summary", (cal.chart_summary)(money));
    check("on_amount", (cal.on_amount)(cal.first_phase, money));
    check("disclaimer", (cal.disclaimer)("2 اکتوبر 2026"));
    for f in [Field::Value, Field::Quantity, Field::Content, Field::Surcharge, Field::Mfn] {
        for e in [InputError::Empty, InputError::Negative, InputError::NotANumber, InputError::Grouping, InputError::TooManyDecimals, InputError::TooLarge] {
            check("error", cal.error(f, e));
        }
    }
    assert!(out.is_empty(), "{}", out.join("\n"));
}

#[test]
fn every_reader_facing_dataset_text_has_publishable_urdu() {
    let (ds, tree) = dataset();
    let (problems, warnings) = validate_with_warnings(&tree);
    assert!(problems.is_empty(), "{problems:?}");
    let missing: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(missing.is_empty(), "English without Urdu:\n{}", missing.join("\n"));

    let g = glossary();
    let mut out = Vec::new();
    let mut count = 0;
    fn walk(node: &Json, path: &str, found: &mut Vec<(String, String)>) {
        match node {
            Json::Object(entries) => {
                for (key, value) in entries {
                    let at = format!("{path}.{key}");
                    match value {
                        Json::String(s) if key.ends_with("_ur") => found.push((at, s.clone())),
                        Json::Array(items) if key.ends_with("_ur") => {
                            found.extend(items.iter().filter_map(Json::as_str).map(|s| (at.clone(), s.to_string())))
                        }
                        _ => walk(value, &at, found),
                    }
                }
            }
            Json::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), found);
                }
            }
            _ => {}
        }
    }
    let mut texts = Vec::new();
    walk(&tree, "$", &mut texts);
    for (path, text) in &texts {
        count += 1;
        g.check(path, text, &mut out);
    }
    assert!(count > 700, "{count} Urdu texts");
    // An MoU, a letter of interest or a proposal is not called an agreement.
    for d in ds.deals.iter().filter(|d| ["mou", "proposal"].contains(&d.category.as_str()) || d.kind.contains("letter of interest")) {
        for (field, text) in [("title_ur", &d.title_ur), ("status_ur", &d.status_ur)] {
            if text.as_deref().is_some_and(|t| t.contains("معاہد")) {
                out.push(format!("{} {field}: an agreement (معاہدہ) in «{text:?}»", d.id));
            }
        }
    }
    // US institutions are marked: the Supreme Court ruling says whose court.
    let ruling = ds.event("2026-02-20-supreme-court-strikes-down-ieepa-tariffs").and_then(|e| e.title_ur.as_deref());
    assert!(ruling.is_some_and(|t| t.contains("امریکی سپریم کورٹ")), "{ruling:?}");
    assert!(out.is_empty(), "{}", out.join("\n"));
}
