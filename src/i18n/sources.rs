//! Strings of the Sources view's search, filters and order (the list's own
//! labels, "Cited by" and the like, are in `shell`).

use crate::state::vocab::{SourceKind, SourceSort};

catalogue! {
    pub struct SourcesText {
        search,
        search_hint,
        kind,
        all_kinds,
        primary,
        news,
        secondary,
        weak,
        publisher,
        all_publishers,
        sort,
        listed,
        newest,
        oldest,
        /// "12 of 230 sources": shown, total (both formatted), whether exactly one is shown.
        count: fn(shown: &str, total: &str, one: bool) -> String,
        /// An option with how many sources it gives: "News reports (136)".
        option: fn(&str, &str) -> String,
        empty,
        clear,
    }
}

impl SourcesText {
    pub fn kind_name(&self, k: SourceKind) -> &'static str {
        match k {
            SourceKind::Primary => self.primary,
            SourceKind::News => self.news,
            SourceKind::Secondary => self.secondary,
            SourceKind::Weak => self.weak,
        }
    }

    pub fn sort_name(&self, s: SourceSort) -> &'static str {
        match s {
            SourceSort::Listed => self.listed,
            SourceSort::Newest => self.newest,
            SourceSort::Oldest => self.oldest,
        }
    }
}

pub static EN: SourcesText = SourcesText {
    search: "Search sources",
    search_hint: "Title or publisher…",
    kind: "Kind",
    all_kinds: "All kinds",
    primary: "Primary documents",
    news: "News reports",
    secondary: "Secondary (copies, blogs, opinion)",
    weak: "Weak",
    publisher: "Publisher",
    all_publishers: "All publishers",
    sort: "Sort by",
    listed: "As listed",
    newest: "Newest first",
    oldest: "Oldest first",
    count: |shown, total, _one| format!("{shown} of {total} sources"),
    option: |name, n| format!("{name} ({n})"),
    empty: "No source matches. Remove a word or a filter.",
    clear: "Clear filters",
};

pub static UR: SourcesText = SourcesText {
    search: "ذرائع میں تلاش",
    search_hint: "عنوان یا ناشر…",
    kind: "قسم",
    all_kinds: "تمام اقسام",
    primary: "بنیادی دستاویزات",
    news: "خبریں",
    secondary: "ثانوی (نقول، بلاگ، رائے)",
    weak: "کمزور",
    publisher: "ناشر",
    all_publishers: "تمام ناشرین",
    sort: "ترتیب",
    listed: "فہرست کی ترتیب",
    newest: "نئے پہلے",
    oldest: "پرانے پہلے",
    count: |shown, total, one| format!("کل {total} میں سے {shown} {}", if one { "ذریعہ" } else { "ذرائع" }),
    option: |name, n| format!("{name} ({n})"),
    empty: "کوئی ذریعہ نہیں ملا۔ کوئی لفظ یا فلٹر ہٹائیں۔",
    clear: "فلٹر ختم کریں",
};

