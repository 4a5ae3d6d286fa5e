//! "Cite this": a record's plain citation, for journalists to paste: the record's title, the
//! dataset (title, version, date of its data), the record's standalone address and its sources.
//! Plain text, one source a line; dates stay ISO (unambiguous in both languages) and sources
//! stay as published (their titles are English).

use crate::data::model::Dataset;
use crate::i18n::{local, Lang};

catalogue! {
    pub struct CiteText {
        /// The button.
        cite_this,
        /// The status once the citation is on the clipboard.
        copied,
        /// The status where the browser refused the clipboard: the citation is shown, selected.
        manual,
        /// The label of the box that shows the citation where the clipboard is refused.
        field,
        /// "Sources:" before the source lines.
        sources,
        /// The dataset: its title, version and the date of its data.
        dataset: fn(title: &str, version: &str, as_of: &str) -> String,
    }
}

static EN: CiteText = CiteText {
    cite_this: "Cite this",
    copied: "Citation copied",
    manual: "Copying was not allowed: the citation is selected below, copy it with Ctrl+C (⌘C on a Mac)",
    field: "Citation",
    sources: "Sources:",
    dataset: |title, version, as_of| format!("{title}, dataset version {version} (data as of {as_of})"),
};

static UR: CiteText = CiteText {
    cite_this: "حوالہ دیں",
    copied: "حوالہ کاپی ہو گیا",
    manual: "کاپی کرنے کی اجازت نہیں ملی: حوالہ نیچے منتخب ہے، اسے Ctrl+C (میک پر ⌘C) سے کاپی کریں",
    field: "حوالہ",
    sources: "ماخذ:",
    dataset: |title, version, as_of| format!("{title}، ڈیٹا سیٹ ورژن {version} (ڈیٹا بتاریخ {as_of})"),
};

/// The citation of a record titled `title` (already in the reader's language) at `permalink`
/// (its standalone address), citing `sources` (source ids; ids the dataset does not know are
/// left out).
pub fn citation(ds: &Dataset, lang: Lang, title: &str, permalink: &str, sources: &[String]) -> String {
    let t = text(lang);
    let (dataset_title, _) = local(lang, &ds.meta.title, ds.meta.title_ur.as_deref());
    let full_stop = if lang == Lang::Ur { "۔" } else { "." };
    let mut out = format!(
        "“{title}”{full_stop} {}{full_stop} {permalink}",
        (t.dataset)(&dataset_title, &ds.meta.version, &ds.meta.as_of)
    );
    let cited: Vec<_> = sources.iter().filter_map(|id| ds.source(id)).collect();
    if !cited.is_empty() {
        out.push('\n');
        out.push_str(t.sources);
        for s in cited {
            let date = s.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            out.push_str(&format!("\n- {}, “{}”{date}. {}", s.publisher, s.title, s.url));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        serde_json::from_str(include_str!("../../public/data/deals.json")).expect("deals.json decodes")
    }

    #[test]
    fn a_deal_cites_the_dataset_version_its_address_and_every_source() {
        let ds = dataset();
        let deal = ds.deal("deal-ussm-fwo-mou").expect("the deal");
        let link = "https://example.org/deals/?sel=deal-ussm-fwo-mou";
        let c = citation(&ds, Lang::En, &deal.title, link, &deal.sources);
        let mut lines = c.lines();
        let first = lines.next().unwrap_or_default();
        assert!(first.starts_with(&format!("“{}”. ", deal.title)), "{first}");
        assert!(first.contains(&format!("dataset version {} (data as of {})", ds.meta.version, ds.meta.as_of)), "{first}");
        assert!(first.ends_with(link), "{first}");
        assert_eq!(lines.next(), Some("Sources:"));
        let sources: Vec<&str> = lines.collect();
        assert_eq!(sources.len(), deal.sources.len());
        for (line, id) in sources.iter().zip(&deal.sources) {
            let s = ds.source(id).expect("a source");
            assert!(line.starts_with(&format!("- {}, “{}”", s.publisher, s.title)) && line.ends_with(&s.url), "{line}");
        }
    }

    #[test]
    fn in_urdu_the_words_and_the_dataset_title_are_urdu_and_unknown_sources_drop() {
        let ds = dataset();
        let c = citation(&ds, Lang::Ur, "ریکوڈک", "https://example.org/?sel=x&lang=ur", &["nope".into()]);
        let title_ur = ds.meta.title_ur.clone().unwrap_or_default();
        assert_eq!(c, format!("“ریکوڈک”۔ {title_ur}، ڈیٹا سیٹ ورژن {} (ڈیٹا بتاریخ {})۔ https://example.org/?sel=x&lang=ur", ds.meta.version, ds.meta.as_of));
        assert!(!c.contains("Sources") && !c.contains('\n'));
    }
}
