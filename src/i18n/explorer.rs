//! Strings of the Deals view (the explorer of deals and events).
//! Numbers in sentences arrive already formatted (ui::format).

use crate::data::model::ValueBasis;
use crate::state::vocab::{Facet, Records, Sort, SortKey};

catalogue! {
    pub struct ExplorerText {
        heading,
        records,
        deals,
        events,
        search,
        search_hint,
        sort,
        newest,
        oldest,
        value_high,
        value_low,
        title_az,
        title_za,
        filters,
        minerals,
        parties,
        countries,
        kind,
        status,
        confidence,
        places,
        dates,
        from,
        to,
        values,
        vmin,
        vmax,
        clear,
        download_csv,
        download_json,
        /// "3 of 14 deals": shown, total (both formatted), whether exactly one is
        /// shown (Urdu puts the noun in the singular), and which records. The
        /// timeline says its count with the same sentence.
        count: fn(shown: &str, total: &str, one: bool, r: Records) -> String,
        /// "+2 more": the parties a result row leaves out (the details list them all).
        more_parties: fn(&str) -> String,
        empty_title,
        empty_hint,
        show_more,
        col_title,
        col_date,
        col_value,
        close,
        permalink,
        summary,
        sources,
        related_events,
        related_deal,
        value_meaning,
        no_value,
        no_date,
        disputes,
        version,
        status_non_binding,
        status_negotiating,
        status_agreed,
        status_other,
        cat_mou,
        cat_trade,
        cat_finance,
        cat_investment,
        cat_contract,
        cat_framework,
        cat_partnership,
        cat_proposal,
        /// ISO 3166 codes the data uses, with their names.
        country_names: &'static [(&'static str, &'static str)],
        /// The switch that shows records that are not US–Pakistan deals, and its hint (with their number).
        background_switch,
        background_hint: fn(n: &str) -> String,
        /// A background record's mark in rows, and its explanation in the details.
        background,
        background_note,
        /// Under the sort while sorting by value: how values of different kinds are ranked.
        value_sort_note,
        value_kind,
        value_confidence,
        /// The kinds of figure (`ValueBasis`), as a reader reads them beside the amount.
        basis_loan,
        basis_funding,
        basis_investment,
        basis_purchase,
        basis_announced,
        basis_credit_offer,
        basis_estimate,
        /// Beside each place of a record: the records at that place (the view filtered by `place=`).
        deals_here,
        events_here,
    }
}

impl ExplorerText {
    pub fn records_name(&self, r: Records) -> &'static str {
        match r {
            Records::Deals => self.deals,
            Records::Events => self.events,
        }
    }

    pub fn sort_name(&self, s: Sort) -> &'static str {
        match (s.key, s.descending) {
            (SortKey::Date, true) => self.newest,
            (SortKey::Date, false) => self.oldest,
            (SortKey::Value, true) => self.value_high,
            (SortKey::Value, false) => self.value_low,
            (SortKey::Title, false) => self.title_az,
            (SortKey::Title, true) => self.title_za,
        }
    }

    /// A status bucket (explore::STATUS_BUCKETS) by its slug.
    pub fn status_bucket(&self, slug: &str) -> &'static str {
        match slug {
            "non-binding" => self.status_non_binding,
            "negotiating" => self.status_negotiating,
            "agreed" => self.status_agreed,
            _ => self.status_other,
        }
    }

    /// A deal category (`Deal::category`); `None` for one this catalogue does not know.
    pub fn deal_category(&self, id: &str) -> Option<&'static str> {
        Some(match id {
            "mou" => self.cat_mou,
            "trade" => self.cat_trade,
            "finance" => self.cat_finance,
            "investment" => self.cat_investment,
            "contract" => self.cat_contract,
            "framework" => self.cat_framework,
            "partnership" => self.cat_partnership,
            "proposal" => self.cat_proposal,
            _ => return None,
        })
    }

    /// A facet's name, as its group of options is headed.
    pub fn facet_name(&self, facet: Facet) -> &'static str {
        match facet {
            Facet::Mineral => self.minerals,
            Facet::Party => self.parties,
            Facet::Country => self.countries,
            Facet::Kind => self.kind,
            Facet::Status => self.status,
            Facet::Confidence => self.confidence,
            Facet::Place => self.places,
        }
    }

    /// What kind of money a figure is.
    pub fn value_basis(&self, basis: ValueBasis) -> &'static str {
        match basis {
            ValueBasis::Loan => self.basis_loan,
            ValueBasis::Funding => self.basis_funding,
            ValueBasis::Investment => self.basis_investment,
            ValueBasis::Purchase => self.basis_purchase,
            ValueBasis::Announced => self.basis_announced,
            ValueBasis::CreditOffer => self.basis_credit_offer,
            ValueBasis::Estimate => self.basis_estimate,
        }
    }

    pub fn country(&self, code: &str) -> Option<&'static str> {
        self.country_names
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| *n)
    }
}

pub static EN: ExplorerText = ExplorerText {
    heading: "Deals and events",
    records: "Show",
    deals: "Deals",
    events: "Events",
    search: "Search",
    search_hint: "Title, party, mineral, place…",
    sort: "Sort by",
    newest: "Newest first",
    oldest: "Oldest first",
    value_high: "Highest value first",
    value_low: "Lowest value first",
    title_az: "Title A–Z",
    title_za: "Title Z–A",
    filters: "Filters",
    minerals: "Minerals",
    parties: "Parties",
    countries: "Countries",
    kind: "Kind",
    status: "Status",
    confidence: "Confidence",
    places: "Place",
    dates: "Date",
    from: "From",
    to: "To",
    values: "Value (USD)",
    vmin: "Minimum value (USD)",
    vmax: "Maximum value (USD)",
    clear: "Clear filters",
    download_csv: "Download CSV",
    download_json: "Download JSON",
    count: |shown, total, _one, r| {
        let noun = match r {
            Records::Deals => "deals",
            Records::Events => "events",
        };
        format!("{shown} of {total} {noun}")
    },
    more_parties: |n| format!("+{n} more"),
    empty_title: "Nothing matches these filters.",
    empty_hint: "Untick a facet, widen or remove the date or value range, or search for fewer or other words. “Clear filters” shows everything again.",
    show_more: "Show more",
    col_title: "Title",
    col_date: "Date",
    col_value: "Value",
    close: "Close",
    permalink: "Link to this record",
    summary: "Summary",
    sources: "Sources",
    related_events: "Related events",
    related_deal: "Deal",
    value_meaning: "What the value means",
    no_value: "No figure published",
    no_date: "No date",
    disputes: "Disputed points",
    version: "Version",
    status_non_binding: "Non-binding (MoU, LOI, framework)",
    status_negotiating: "Proposed or in negotiation",
    status_agreed: "Signed, approved or awarded",
    status_other: "Other or unclear",
    cat_mou: "Memorandum of understanding",
    cat_trade: "Trade",
    cat_finance: "Finance",
    cat_investment: "Investment",
    cat_contract: "Contract",
    cat_framework: "Framework",
    cat_partnership: "Partnership or talks",
    cat_proposal: "Proposal",
    country_names: &[
        ("PK", "Pakistan"),
        ("US", "United States"),
        ("CN", "China"),
        ("SA", "Saudi Arabia"),
        ("AE", "United Arab Emirates"),
        ("GB", "United Kingdom"),
        ("PT", "Portugal"),
        ("CA", "Canada"),
        ("AO", "Angola"),
        ("AU", "Australia"),
        ("CD", "DR Congo"),
        ("ZM", "Zambia"),
        ("TR", "Türkiye"),
        ("QA", "Qatar"),
        ("JP", "Japan"),
        ("IN", "India"),
        ("AF", "Afghanistan"),
        ("IR", "Iran"),
        ("UA", "Ukraine"),
    ],
    background_switch: "Background records",
    background_hint: |n| format!("{n} records that are not US–Pakistan deals, kept for context"),
    background: "Background",
    background_note: "Not a US–Pakistan deal, kept for context.",
    value_sort_note: "Figures of different kinds are not ranked against each other: loans first, then funding, total investments, purchase prices, announced figures, credit offered and cost estimates, each kind by amount; records without a figure last.",
    value_kind: "Kind of figure",
    value_confidence: "Confidence in the figure",
    basis_loan: "Loan",
    basis_funding: "Funding raised",
    basis_investment: "Total investment",
    basis_purchase: "Purchase price",
    basis_announced: "Announced figure, not committed",
    basis_credit_offer: "Credit offered, not approved",
    basis_estimate: "Cost estimate",
    deals_here: "Deals here",
    events_here: "Events here",
};

pub static UR: ExplorerText = ExplorerText {
    heading: "سودے اور واقعات",
    records: "دکھائیں",
    deals: "سودے",
    events: "واقعات",
    search: "تلاش",
    search_hint: "عنوان، فریق، معدن، مقام…",
    sort: "ترتیب",
    newest: "نئے پہلے",
    oldest: "پرانے پہلے",
    value_high: "زیادہ مالیت پہلے",
    value_low: "کم مالیت پہلے",
    title_az: "عنوان (ا تا ے)",
    title_za: "عنوان (ے تا ا)",
    filters: "فلٹر",
    minerals: "معدنیات",
    parties: "فریقین",
    countries: "ممالک",
    kind: "قسم",
    status: "حیثیت",
    confidence: "اعتماد",
    places: "مقام",
    dates: "تاریخ",
    from: "سے",
    to: "تک",
    values: "مالیت (امریکی ڈالر)",
    vmin: "کم از کم مالیت (امریکی ڈالر)",
    vmax: "زیادہ سے زیادہ مالیت (امریکی ڈالر)",
    clear: "فلٹر ختم کریں",
    download_csv: "CSV ڈاؤن لوڈ کریں",
    download_json: "JSON ڈاؤن لوڈ کریں",
    count: |shown, total, one, r| {
        let noun = match (r, one) {
            (Records::Deals, true) => "سودا",
            (Records::Deals, false) => "سودے",
            (Records::Events, true) => "واقعہ",
            (Records::Events, false) => "واقعات",
        };
        format!("کل {total} میں سے {shown} {noun}")
    },
    more_parties: |n| format!("+{n} مزید"),
    empty_title: "ان فلٹروں کے مطابق کچھ نہیں ملا۔",
    empty_hint: "کوئی فلٹر ہٹائیں، تاریخ یا مالیت کی حد بڑھائیں یا ختم کریں، یا کم یا مختلف الفاظ تلاش کریں۔ ’’فلٹر ختم کریں‘‘ سے سب کچھ دوبارہ نظر آئے گا۔",
    show_more: "مزید دکھائیں",
    col_title: "عنوان",
    col_date: "تاریخ",
    col_value: "مالیت",
    close: "بند کریں",
    permalink: "اس اندراج کا مستقل لنک",
    summary: "خلاصہ",
    sources: "ذرائع",
    related_events: "متعلقہ واقعات",
    related_deal: "متعلقہ سودا",
    value_meaning: "اس رقم سے کیا مراد ہے",
    no_value: "کوئی رقم شائع نہیں ہوئی",
    no_date: "تاریخ معلوم نہیں",
    disputes: "متنازع نکات",
    version: "مؤقف",
    status_non_binding: "قانونی طور پر غیر پابند (مفاہمتی یادداشت، دلچسپی کا خط، فریم ورک)",
    status_negotiating: "تجویز یا زیرِ مذاکرات",
    status_agreed: "دستخط شدہ، منظور شدہ یا تفویض شدہ",
    status_other: "دیگر یا غیر واضح",
    cat_mou: "مفاہمتی یادداشت",
    cat_trade: "تجارت",
    cat_finance: "مالی معاونت",
    cat_investment: "سرمایہ کاری",
    cat_contract: "ٹھیکہ",
    cat_framework: "فریم ورک",
    cat_partnership: "شراکت یا بات چیت",
    cat_proposal: "تجویز",
    country_names: &[
        ("PK", "پاکستان"),
        ("US", "امریکہ"),
        ("CN", "چین"),
        ("SA", "سعودی عرب"),
        ("AE", "متحدہ عرب امارات"),
        ("GB", "برطانیہ"),
        ("PT", "پرتگال"),
        ("CA", "کینیڈا"),
        ("AO", "انگولا"),
        ("AU", "آسٹریلیا"),
        ("CD", "ڈی آر کانگو"),
        ("ZM", "زیمبیا"),
        ("TR", "ترکیہ"),
        ("QA", "قطر"),
        ("JP", "جاپان"),
        ("IN", "بھارت"),
        ("AF", "افغانستان"),
        ("IR", "ایران"),
        ("UA", "یوکرین"),
    ],
    background_switch: "پس منظر کے اندراج",
    background_hint: |n| format!("{n} اندراج جو امریکہ–پاکستان سودے نہیں، سیاق و سباق کے لیے رکھے گئے ہیں"),
    background: "پس منظر",
    background_note: "یہ امریکہ–پاکستان سودا نہیں، سیاق و سباق کے لیے شامل ہے۔",
    value_sort_note: "مختلف قسم کی رقوم کا ایک دوسرے سے موازنہ نہیں کیا جاتا: پہلے قرض، پھر مالی معاونت، کل سرمایہ کاری، خریداری کی قیمت، اعلان کردہ رقوم، پیش کردہ قرض اور تخمینی لاگت، ہر قسم اپنی رقم کے لحاظ سے؛ جن اندراجات کی کوئی رقم نہیں وہ آخر میں۔",
    value_kind: "رقم کی قسم",
    value_confidence: "رقم پر اعتماد",
    basis_loan: "قرض",
    basis_funding: "حاصل کردہ مالی معاونت",
    basis_investment: "کل سرمایہ کاری",
    basis_purchase: "خریداری کی قیمت",
    basis_announced: "اعلان کردہ رقم، طے شدہ نہیں",
    basis_credit_offer: "پیش کردہ قرض، منظور شدہ نہیں",
    basis_estimate: "تخمینی لاگت",
    deals_here: "یہاں کے معاہدے",
    events_here: "یہاں کے واقعات",
};


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_starts_with_the_number() {
        assert_eq!((EN.count)("3", "14", false, Records::Deals), "3 of 14 deals");
        assert_eq!((EN.count)("5", "150", false, Records::Events), "5 of 150 events");
    }

    #[test]
    fn urdu_count_reads_total_first_with_the_noun_in_number() {
        assert_eq!((UR.count)("۳", "۱۴", false, Records::Deals), "کل ۱۴ میں سے ۳ سودے");
        assert_eq!((UR.count)("1", "14", true, Records::Deals), "کل 14 میں سے 1 سودا");
        assert_eq!((UR.count)("1", "130", true, Records::Events), "کل 130 میں سے 1 واقعہ");
        assert_eq!((UR.count)("5", "130", false, Records::Events), "کل 130 میں سے 5 واقعات");
    }

    #[test]
    fn every_status_bucket_and_country_has_a_name() {
        for lang in [&EN, &UR] {
            for slug in crate::explore::STATUS_BUCKETS {
                assert!(!lang.status_bucket(slug).is_empty());
            }
            assert_eq!(lang.country_names.len(), EN.country_names.len());
        }
        assert_eq!(UR.country("PK"), Some("پاکستان"));
        assert_eq!(EN.deal_category("nope"), None);
    }
}
