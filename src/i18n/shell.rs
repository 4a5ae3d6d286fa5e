//! Strings of the app shell: header, navigation, footer, loading and error panels,
//! and labels shared by several views (confidence levels, event categories).

use super::{pick, Lang};
use crate::data::model::{Confidence, EventCategory};
use crate::state::url::View;

pub struct ShellText {
    pub app_title: &'static str,
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub deals: &'static str,
    pub timeline: &'static str,
    pub calculator: &'static str,
    pub sources: &'static str,
    pub data_as_of: &'static str,
    pub version: &'static str,
    pub licence: &'static str,
    pub download_dataset: &'static str,
    pub loading: &'static str,
    pub load_failed_title: &'static str,
    pub load_failed_body: &'static str,
    pub invalid_data_title: &'static str,
    pub invalid_data_body: &'static str,
    pub language: &'static str,
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub sources_heading: &'static str,
    pub sources_intro: &'static str,
    pub cited_by: &'static str,
    pub not_cited: &'static str,
    pub publisher: &'static str,
    pub published: &'static str,
    pub date_unknown: &'static str,
    pub confidence: &'static str,
    pub confirmed: &'static str,
    pub reported: &'static str,
    pub disputed: &'static str,
    pub unknown: &'static str,
    pub cat_deal: &'static str,
    pub cat_tariff: &'static str,
    pub cat_shipment: &'static str,
    pub cat_politics: &'static str,
    pub cat_finance: &'static str,
    pub cat_legal: &'static str,
    pub cat_context: &'static str,
    pub english_only: &'static str,
}

impl ShellText {
    pub fn view_name(&self, view: View) -> &'static str {
        match view {
            View::Deals => self.deals,
            View::Timeline => self.timeline,
            View::Calculator => self.calculator,
            View::Sources => self.sources,
        }
    }

    pub fn confidence(&self, c: Confidence) -> &'static str {
        match c {
            Confidence::Confirmed => self.confirmed,
            Confidence::Reported => self.reported,
            Confidence::Disputed => self.disputed,
            Confidence::Unknown => self.unknown,
        }
    }

    pub fn category(&self, c: EventCategory) -> &'static str {
        match c {
            EventCategory::Deal => self.cat_deal,
            EventCategory::Tariff => self.cat_tariff,
            EventCategory::Shipment => self.cat_shipment,
            EventCategory::Politics => self.cat_politics,
            EventCategory::Finance => self.cat_finance,
            EventCategory::Legal => self.cat_legal,
            EventCategory::Context => self.cat_context,
        }
    }
}

pub static EN: ShellText = ShellText {
    app_title: "US–Pakistan critical-minerals deals",
    skip_link: "Skip to content",
    nav_label: "Views",
    deals: "Deals",
    timeline: "Timeline",
    calculator: "Calculator",
    sources: "Sources",
    data_as_of: "Data as of",
    version: "Dataset version",
    licence: "Data licence",
    download_dataset: "Download the dataset (JSON)",
    loading: "Loading the data…",
    load_failed_title: "The data could not be loaded",
    load_failed_body: "Check your connection and reload the page. You can also download the dataset directly.",
    invalid_data_title: "The dataset has problems",
    invalid_data_body: "The explorer will not show data it cannot vouch for. These problems need fixing in the dataset file:",
    language: "Language",
    theme: "Colour scheme",
    theme_auto: "Automatic",
    theme_light: "Light",
    theme_dark: "Dark",
    sources_heading: "Sources",
    sources_intro: "Every document the data cites, with the records that cite it.",
    cited_by: "Cited by",
    not_cited: "Not cited by any record",
    publisher: "Publisher",
    published: "Published",
    date_unknown: "date not stated",
    confidence: "Confidence",
    confirmed: "Confirmed",
    reported: "Reported",
    disputed: "Disputed",
    unknown: "Unknown",
    cat_deal: "Deal",
    cat_tariff: "Tariff",
    cat_shipment: "Shipment",
    cat_politics: "Politics",
    cat_finance: "Finance",
    cat_legal: "Legal",
    cat_context: "Context",
    english_only: "(in English)",
};

pub static UR: ShellText = ShellText {
    app_title: "امریکہ–پاکستان اہم معدنیات کے معاہدے",
    skip_link: "مواد پر جائیں",
    nav_label: "منظر",
    deals: "معاہدے",
    timeline: "ٹائم لائن",
    calculator: "محصول کیلکولیٹر",
    sources: "ذرائع",
    data_as_of: "ڈیٹا بتاریخ",
    version: "ڈیٹا سیٹ ورژن",
    licence: "ڈیٹا لائسنس",
    download_dataset: "ڈیٹا سیٹ ڈاؤن لوڈ کریں (JSON)",
    loading: "ڈیٹا لوڈ ہو رہا ہے…",
    load_failed_title: "ڈیٹا لوڈ نہیں ہو سکا",
    load_failed_body: "اپنا کنکشن چیک کریں اور صفحہ دوبارہ لوڈ کریں۔ آپ ڈیٹا سیٹ براہِ راست بھی ڈاؤن لوڈ کر سکتے ہیں۔",
    invalid_data_title: "ڈیٹا سیٹ میں خامیاں ہیں",
    invalid_data_body: "ایکسپلورر وہ ڈیٹا نہیں دکھاتا جس کی وہ تصدیق نہ کر سکے۔ ڈیٹا فائل میں یہ خامیاں درست کرنی ہیں:",
    language: "زبان",
    theme: "رنگ سکیم",
    theme_auto: "خودکار",
    theme_light: "روشن",
    theme_dark: "تاریک",
    sources_heading: "ذرائع",
    sources_intro: "ہر وہ دستاویز جس کا ڈیٹا میں حوالہ ہے، اور وہ ریکارڈ جو اس کا حوالہ دیتے ہیں۔",
    cited_by: "حوالہ دینے والے ریکارڈ",
    not_cited: "کسی ریکارڈ میں حوالہ نہیں",
    publisher: "ناشر",
    published: "اشاعت",
    date_unknown: "تاریخ درج نہیں",
    confidence: "اعتماد",
    confirmed: "تصدیق شدہ",
    reported: "رپورٹ شدہ",
    disputed: "متنازع",
    unknown: "نامعلوم",
    cat_deal: "معاہدہ",
    cat_tariff: "محصول",
    cat_shipment: "کھیپ",
    cat_politics: "سیاست",
    cat_finance: "مالیات",
    cat_legal: "قانونی",
    cat_context: "پس منظر",
    english_only: "(انگریزی میں)",
};

pub fn text(lang: Lang) -> &'static ShellText {
    pick(lang, &EN, &UR)
}
