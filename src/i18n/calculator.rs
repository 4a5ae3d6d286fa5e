//! Strings of the tariff calculator. Numbers inside sentences are formatted by
//! the caller (ui::format) and passed in as text.

use super::isolate as iso;
use crate::data::model::ExemptionStatus;
use crate::tariff::parse::InputError;
use crate::tariff::Field;

catalogue! {
    pub struct CalculatorText {
        heading,
        intro,
        form_label,
        product,
        other_group,
        value,
        value_hint,
        date,
        date_hint,
        quantity,
        quantity_hint,
        content,
        content_hint_specific,
        content_hint_copper,
        surcharge,
        surcharge_hint,
        mfn,
        mfn_hint,
        accepts_money,
        accepts_quantity,
        accepts_content,
        accepts_rate,
        err_empty,
        err_negative,
        err_not_number,
        err_grouping,
        err_decimals,
        err_too_large,
        err_after_entry,
        total,
        no_result,
        /// Why a layer has two outcomes: its exemption is not verified.
        unverified_basis,
        range_explainer,
        effective_rate,
        breakdown,
        col_layer,
        col_rate,
        col_base,
        col_amount,
        col_instrument,
        col_source,
        col_status,
        status_dutiable,
        status_exempt,
        status_unverified,
        loaded,
        loaded_hint,
        accepts_loaded,
        transit_heading,
        transit_intro,
        transit_applied,
        heading_label,
        tier_label,
        mfn_row,
        custom_row,
        custom_instrument,
        base_value,
        base_content_value,
        base_rest,
        sum_row,
        not_covered,
        refund_heading,
        refund_status,
        notes,
        in_transit,
        disputed,
        mfn_caveat,
        regimes_heading,
        regimes_intro,
        col_regime,
        col_priced_on,
        col_total,
        mfn_only,
        scale_heading,
        scale_intro,
        col_headline,
        first_phase,
        exports_2024,
        disclaimer_heading,
        specific: fn(cents: &str, metal: &str) -> String,
        /// "Loaded before {before}[ and on or after {from}], entered before {entered}[, by vessel]".
        transit_condition: fn(before: &str, from: Option<&str>, entered: &str, vessel: bool) -> String,
        /// "{instead} instead of {set_aside}", or "none of {set_aside}" when nothing replaces it.
        transit_instead: fn(set_aside: &str, instead: Option<&str>) -> String,
        /// Why a measure in force does not cover the goods (metal share at most `pct`).
        below_content: fn(pct: &str) -> String,
        /// A product named by what it is, its HTS line after: "Antimony ores (HTS 2617.10.00)".
        product_option: fn(description: &str, hts: &str) -> String,
        /// The content field named by its metal: "Lead content (%)".
        content_of: fn(metal: &str) -> String,
        /// What the MFN layer of a specific duty waits for.
        awaiting_quantity,
        awaiting_content: fn(metal: &str) -> String,
        /// The total while the MFN layer waits: "{amount} so far, before the MFN duty: {what}."
        pending_total: fn(amount: &str, what: &str) -> String,
        /// No answer until the metal content is given (Section 232 copper).
        needs_content: fn(metal: &str) -> String,
        /// Two outcomes in words: what is not known, and each case.
        unverified_total: fn(product: &str, measures: &str, date: &str, low: &str, high: &str) -> String,
        content_mass: fn(kg: &str, metal: &str) -> String,
        /// Two outcomes inside a sentence, naming what they depend on: "{low} if exempt from {measures}, {high} if not …".
        either: fn(measures: &str, low: &str, high: &str) -> String,
        /// A layer's own two outcomes (the layer names the measure).
        either_row: fn(low: &str, high: &str) -> String,
        charged: fn(amount: &str) -> String,
        saving: fn(amount: &str) -> String,
        costs_more: fn(amount: &str) -> String,
        chart_summary: fn(items: &str) -> String,
        on_amount: fn(label: &str, amount: &str) -> String,
        disclaimer: fn(as_of: &str) -> String,
    }
}

impl CalculatorText {
    pub fn field(&self, f: Field) -> &'static str {
        match f {
            Field::Value => self.value,
            Field::Loaded => self.loaded,
            Field::Quantity => self.quantity,
            Field::Content => self.content,
            Field::Surcharge => self.surcharge,
            Field::Mfn => self.mfn,
        }
    }

    /// What went wrong, then what the field accepts.
    pub fn error(&self, f: Field, e: InputError) -> String {
        let why = match e {
            InputError::Empty => self.err_empty,
            InputError::Negative => self.err_negative,
            InputError::NotANumber => self.err_not_number,
            InputError::Grouping => self.err_grouping,
            InputError::TooManyDecimals => self.err_decimals,
            InputError::TooLarge => self.err_too_large,
            InputError::AfterEntry => self.err_after_entry,
        };
        let accepts = match f {
            Field::Value => self.accepts_money,
            Field::Loaded => self.accepts_loaded,
            Field::Quantity => self.accepts_quantity,
            Field::Content => self.accepts_content,
            Field::Surcharge | Field::Mfn => self.accepts_rate,
        };
        format!("{why} {accepts}")
    }

    pub fn status(&self, s: ExemptionStatus) -> &'static str {
        match s {
            ExemptionStatus::Dutiable => self.status_dutiable,
            ExemptionStatus::Exempt => self.status_exempt,
            ExemptionStatus::Unverified => self.status_unverified,
        }
    }
}

pub static EN: CalculatorText = CalculatorText {
    heading: "Tariff calculator",
    intro: "What a shipment of Pakistani goods owed in US duty on its entry date, layer by layer, from the measures in the dataset. Where an exemption is not verified, both outcomes are shown.",
    form_label: "Shipment",
    product: "Product",
    other_group: "Other",
    value: "Customs value (USD)",
    value_hint: "For example 1,000,000 or 1000000.50.",
    date: "Entry date",
    date_hint: "For goods entered on that date, from 12:01 a.m. Eastern time.",
    quantity: "Quantity (kg)",
    quantity_hint: "Gross weight of the goods. Needed for a duty charged per kilogram.",
    content: "Content (%)",
    content_hint_specific: "Share of the metal the MFN rate is charged on (see the MFN row).",
    content_hint_copper: "Copper share of the goods. Section 232 copper is charged on the copper content's value, or on the full value where the measure's tier says so; goods with too little copper are outside it.",
    surcharge: "Custom surcharge (%)",
    surcharge_hint: "Optional what-if: replaces the country surcharge in force.",
    mfn: "MFN rate (%)",
    mfn_hint: "Our sources do not give the MFN rate of this line: enter it if you know it (0% otherwise).",
    accepts_money: "Enter an amount in US dollars, e.g. 1,000,000 or 1000000.50 — no negative numbers, at most 1,000,000,000,000.",
    accepts_quantity: "Enter kilograms, e.g. 25,000 or 25000.5 — no negative numbers, at most three decimals.",
    accepts_content: "Enter a percentage from 0 to 100, e.g. 3 or 2.75 — at most four decimals.",
    accepts_rate: "Enter a percentage from 0 to 1,000, e.g. 10 or 12.5 — at most four decimals.",
    err_empty: "This field is empty.",
    err_negative: "Negative numbers are not accepted.",
    err_not_number: "This is not a number.",
    err_grouping: "The commas are in the wrong places (use a point for decimals).",
    err_decimals: "Too many decimal places.",
    err_too_large: "The number is too large.",
    err_after_entry: "The loading date must be on or before the entry date.",
    total: "Total duty",
    no_result: "No result yet: correct the field marked above.",
    unverified_basis: "Not confirmed: our sources do not say whether this product is on the measure's exemption list, so both outcomes are shown.",
    range_explainer: "Some layers are not verified: the lower figure assumes they do not apply, the higher that they do. We do not guess which.",
    effective_rate: "Effective rate",
    breakdown: "Duty by layer",
    col_layer: "Layer",
    col_rate: "Rate",
    col_base: "Charged on",
    col_amount: "Amount",
    col_instrument: "Legal instrument",
    col_source: "Source",
    col_status: "Status",
    status_dutiable: "Applies",
    status_exempt: "Exempt",
    status_unverified: "Unverified",
    loaded: "Loaded on (optional)",
    loaded_hint: "The day the goods were loaded for shipment to the US. Goods already in transit when a tariff changed could still enter at the earlier rate.",
    accepts_loaded: "Choose the loading day, or leave the field empty.",
    transit_heading: "If the goods were already in transit",
    transit_intro: "Goods loaded before a tariff changed, and entered by a deadline, owed another rate. Give the loading date above for one answer.",
    transit_applied: "In transit:",
    heading_label: "tariff heading (HTSUS)",
    tier_label: "Rate tier:",
    mfn_row: "Ordinary duty (MFN)",
    custom_row: "Custom surcharge (what-if)",
    custom_instrument: "Entered by you",
    base_value: "customs value",
    base_content_value: "copper content value",
    base_rest: "value not under Section 232",
    sum_row: "Total",
    not_covered: "Does not cover this product:",
    refund_heading: "Refund of the 'reciprocal' tariff (IEEPA)",
    refund_status: "Refund status:",
    notes: "Notes",
    in_transit: "Goods in transit:",
    disputed: "Disputed:",
    mfn_caveat: "The MFN rate of this line is not in our sources; the figures use the rate entered above (0% unless you enter one).",
    regimes_heading: "The same shipment under each regime",
    regimes_intro: "Each regime of 2025–26 applied to this shipment. Where your entry date falls in a regime, that date is used; otherwise the regime's first day.",
    col_regime: "Regime",
    col_priced_on: "Entry date used",
    col_total: "Total duty",
    mfn_only: "MFN only (before the 2025 surcharges)",
    scale_heading: "At deal scale",
    scale_intro: "Each regime's headline surcharge applied to two sums as static arithmetic: no change in trade is assumed, and exemptions and MFN duty are left out.",
    col_headline: "Headline surcharge",
    first_phase: "the USSM–FWO first phase",
    exports_2024: "Pakistan's 2024 exports to the US",
    disclaimer_heading: "About these figures",
    specific: |cents, metal| format!("{cents}¢/kg of {metal} content"),
    transit_condition: |before, from, entered, vessel| {
        let from = from.map(|f| format!(" and on or after {f}")).unwrap_or_default();
        let by = if vessel { " by vessel" } else { "" };
        format!("Loaded{by} before {before}{from}, and entered before {entered}")
    },
    transit_instead: |set_aside, instead| match instead {
        Some(i) => format!("{i} instead of {set_aside}"),
        None => format!("no surcharge instead of {set_aside}"),
    },
    below_content: |pct| format!("Not covered: goods with at most {pct} of the metal by weight are outside this measure."),
    product_option: |description, hts| format!("{description} (HTS {hts})"),
    // The metal's English name, its first letter capitalised: ASCII, as every English name
    // is (Unicode's upper-case table weighed 13.7 KB raw, 4.5 KB brotli, in the calculator's part).
    content_of: |metal| {
        let mut name = metal.to_string();
        if let Some(first) = name.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        format!("{name} content (%)")
    },
    awaiting_quantity: "enter the quantity (kg)",
    awaiting_content: |metal| format!("enter the {metal} content (%)"),
    pending_total: |amount, what| format!("{amount} so far, before the MFN duty: {what}."),
    needs_content: |metal| format!("Enter the {metal} content to see the duty."),
    unverified_total: |product, measures, date, low, high| format!("We could not confirm whether {product} was exempt from {measures} on {date}: our sources do not say whether it is on the exemption list. If it was: {low}. If not: {high}."),
    content_mass: |kg, metal| format!("{kg} kg of {metal} content"),
    either: |measures, low, high| format!("{low} if exempt from {measures}, {high} if not (not confirmed)"),
    either_row: |low, high| format!("If exempt: {low}. If not: {high}."),
    charged: |amount| format!("Charged at entry: {amount}. These duties were ruled unlawful and are being refunded."),
    saving: |amount| format!("On this shipment, the 19% rate instead of 29% saves {amount}."),
    costs_more: |amount| format!("Other measures changed in between: under the 19% regime this shipment owes more than under the 29%, by {amount}."),
    chart_summary: |items| format!("Total duty on this shipment by regime: {items}"),
    on_amount: |label, amount| format!("On {label} ({amount})"),
    disclaimer: |as_of| format!("An illustration, not a customs ruling. Rates as of {as_of}, the date of the dataset; MFN rates come from HTS mirrors. Check with a licensed customs broker before relying on a figure."),
};

pub static UR: CalculatorText = CalculatorText {
    heading: "ٹیرف کیلکولیٹر",
    intro: "پاکستانی مال کی کسی کھیپ پر امریکہ میں درآمد کی تاریخ کو کتنی امریکی ڈیوٹی بنتی تھی، ہر تہہ الگ الگ، ڈیٹا سیٹ میں درج اقدامات کی بنیاد پر۔ جہاں استثنیٰ کی تصدیق نہیں ہو سکی، وہاں دونوں نتائج دکھائے گئے ہیں۔",
    form_label: "کھیپ",
    product: "پروڈکٹ",
    other_group: "دیگر",
    value: "کسٹمز ویلیو (امریکی ڈالر)",
    value_hint: "مثلاً 1,000,000 یا 1000000.50",
    date: "امریکہ میں درآمد کی تاریخ",
    date_hint: "اس تاریخ کو امریکہ میں درآمد ہونے والے مال کے لیے، امریکی مشرقی وقت کے مطابق رات 12 بج کر 1 منٹ سے۔",
    quantity: "مقدار (کلوگرام)",
    quantity_hint: "مال کا کل وزن۔ فی کلوگرام ڈیوٹی کے لیے ضروری ہے۔",
    content: "دھات کا تناسب (%)",
    content_hint_specific: "مال میں اس دھات کا تناسب جس پر پسندیدہ ترین ملک (ایم ایف این) کی ڈیوٹی لگتی ہے (ایم ایف این والی سطر دیکھیں)۔",
    content_hint_copper: "مال میں تانبے کا تناسب۔ تانبے پر سیکشن 232 کا ٹیرف تانبے کے حصے کی قیمت پر لگتا ہے، یا جہاں اس کا درجہ کہے وہاں پوری ویلیو پر؛ بہت کم تانبے والا مال اس سے باہر ہے۔",
    surcharge: "اپنی مرضی کا اضافی ٹیرف (%)",
    surcharge_hint: "اختیاری فرضی صورت: پاکستان پر نافذ ملک وار اضافی ٹیرف کی جگہ یہ شرح لی جائے گی۔",
    mfn: "پسندیدہ ترین ملک (ایم ایف این) شرح (%)",
    mfn_hint: "ہمارے ذرائع میں اس ٹیرف لائن کی ایم ایف این شرح نہیں ملی: معلوم ہو تو درج کریں (ورنہ 0%)۔",
    accepts_money: "امریکی ڈالر میں رقم درج کریں، مثلاً 1,000,000 یا 1000000.50 — منفی عدد نہیں، زیادہ سے زیادہ 1,000,000,000,000۔",
    accepts_quantity: "کلوگرام درج کریں، مثلاً 25,000 یا 25000.5 — منفی عدد نہیں، اعشاریے کے بعد زیادہ سے زیادہ تین ہندسے۔",
    accepts_content: "0 سے 100 تک فیصد درج کریں، مثلاً 3 یا 2.75 — اعشاریے کے بعد زیادہ سے زیادہ چار ہندسے۔",
    accepts_rate: "0 سے 1,000 تک فیصد درج کریں، مثلاً 10 یا 12.5 — اعشاریے کے بعد زیادہ سے زیادہ چار ہندسے۔",
    err_empty: "یہ خانہ خالی ہے۔",
    err_negative: "منفی عدد قبول نہیں۔",
    err_not_number: "یہ عدد نہیں ہے۔",
    err_grouping: "کوما غلط جگہ پر ہیں (اعشاریے کے لیے نقطہ استعمال کریں)۔",
    err_decimals: "اعشاریے کے بعد ہندسے زیادہ ہیں۔",
    err_too_large: "عدد بہت بڑا ہے۔",
    err_after_entry: "لدائی کی تاریخ امریکہ میں درآمد کی تاریخ سے پہلے یا اسی دن کی ہونی چاہیے۔",
    total: "کل ڈیوٹی",
    no_result: "ابھی کوئی نتیجہ نہیں: اوپر نشان زدہ خانہ درست کریں۔",
    unverified_basis: "غیر مصدقہ: ہمارے ذرائع سے معلوم نہیں ہوتا کہ یہ پروڈکٹ اس اقدام کی استثنیٰ کی فہرست میں ہے یا نہیں، اس لیے دونوں نتائج دکھائے گئے ہیں۔",
    range_explainer: "کچھ تہوں کی تصدیق نہیں ہو سکی: کم رقم یہ فرض کرتی ہے کہ وہ لاگو نہیں، زیادہ رقم یہ کہ لاگو ہیں۔ ہم اندازے سے کوئی ایک نہیں چنتے۔",
    effective_rate: "مؤثر شرح",
    breakdown: "ہر تہہ کی ڈیوٹی",
    col_layer: "تہہ",
    col_rate: "شرح",
    col_base: "کس پر",
    col_amount: "رقم",
    col_instrument: "قانونی دستاویز",
    col_source: "ذریعہ",
    col_status: "حیثیت",
    status_dutiable: "لاگو",
    status_exempt: "مستثنیٰ",
    status_unverified: "غیر مصدقہ",
    loaded: "لدائی کی تاریخ (اختیاری)",
    loaded_hint: "وہ دن جب مال امریکہ بھیجنے کے لیے لادا گیا۔ جو مال ٹیرف بدلنے کے وقت راستے میں تھا وہ پرانی شرح پر درآمد ہو سکتا تھا۔",
    accepts_loaded: "لدائی کا دن چنیں، یا خانہ خالی چھوڑ دیں۔",
    transit_heading: "اگر مال پہلے سے راستے میں تھا",
    transit_intro: "جو مال ٹیرف بدلنے سے پہلے لادا گیا اور مقررہ تاریخ تک درآمد ہوا اس پر دوسری شرح لگی۔ ایک جواب کے لیے اوپر لدائی کی تاریخ درج کریں۔",
    transit_applied: "راستے میں موجود مال:",
    heading_label: "ٹیرف ہیڈنگ (ایچ ٹی ایس یو ایس)",
    tier_label: "شرح کا درجہ:",
    mfn_row: "عام ڈیوٹی (ایم ایف این)",
    custom_row: "اپنی مرضی کا اضافی ٹیرف (فرضی)",
    custom_instrument: "آپ کا درج کردہ",
    base_value: "کسٹمز ویلیو",
    base_content_value: "تانبے والے حصے کی مالیت",
    base_rest: "باقی مالیت جس پر سیکشن 232 لاگو نہیں",
    sum_row: "کل",
    not_covered: "اس پروڈکٹ پر لاگو نہیں:",
    refund_heading: "جوابی ٹیرف (آئی ای ای پی اے) کی واپسی",
    refund_status: "واپسی کی صورتِ حال:",
    notes: "نوٹ",
    in_transit: "راستے میں موجود مال:",
    disputed: "متنازع:",
    mfn_caveat: "اس ٹیرف لائن کی ایم ایف این شرح ہمارے ذرائع میں نہیں؛ حساب اوپر درج شرح سے کیا گیا ہے (درج نہ ہو تو 0%)۔",
    regimes_heading: "یہی کھیپ ہر ٹیرف دور میں",
    regimes_intro: "2025–26 کا ہر ٹیرف دور اس کھیپ پر لاگو کیا گیا ہے۔ آپ کی درج کردہ تاریخ جس دور میں آتی ہے اس میں وہی تاریخ لی گئی ہے، باقی ادوار میں ان کا پہلا دن۔",
    col_regime: "دور",
    col_priced_on: "حساب میں لی گئی درآمد کی تاریخ",
    col_total: "کل ڈیوٹی",
    mfn_only: "صرف ایم ایف این (2025 کے اضافی ٹیرف سے پہلے)",
    scale_heading: "سودوں کے پیمانے پر",
    scale_intro: "ہر دور کا اعلان شدہ اضافی ٹیرف دو رقموں پر سادہ حساب کے طور پر لاگو کیا گیا ہے: تجارت میں کوئی تبدیلی فرض نہیں کی گئی، اور استثنیٰ اور ایم ایف این ڈیوٹی شامل نہیں۔",
    col_headline: "اعلان شدہ اضافی ٹیرف",
    first_phase: "یو ایس ایس ایم–ایف ڈبلیو او مفاہمتی یادداشت کا پہلا مرحلہ",
    exports_2024: "2024 میں امریکہ کو پاکستان کی برآمدات",
    disclaimer_heading: "ان اعداد کے بارے میں",
    specific: |cents, metal| format!("{} کی مقدار پر {} سینٹ فی کلوگرام", super::oblique(metal), iso(cents)),
    content_mass: |kg, metal| format!("{} کی {} کلوگرام مقدار", super::oblique(metal), iso(kg)),
    either: |measures, low, high| format!("اگر {} سے استثنیٰ تھا تو {}، ورنہ {} (تصدیق نہیں ہو سکی)", iso(measures), iso(low), iso(high)),
    either_row: |low, high| format!("اگر مستثنیٰ ہو: {}۔ اگر نہیں: {}۔", iso(low), iso(high)),
    transit_condition: |before, from, entered, vessel| {
        let from = from.map(|f| format!(" اور {} یا اس کے بعد", iso(f))).unwrap_or_default();
        let by = if vessel { " بحری جہاز پر" } else { "" };
        format!("اگر مال{by} {} سے پہلے{from} لادا گیا، اور {} سے پہلے درآمد ہوا", iso(before), iso(entered))
    },
    transit_instead: |set_aside, instead| match instead {
        Some(i) => format!("{} کے بجائے {}", iso(set_aside), iso(i)),
        None => format!("{} کے بجائے کوئی اضافی ٹیرف نہیں", iso(set_aside)),
    },
    below_content: |pct| format!("لاگو نہیں: جس مال میں وزن کے لحاظ سے دھات {} یا اس سے کم ہو وہ اس اقدام سے باہر ہے۔", iso(pct)),
    product_option: |description, hts| format!("{description} (ایچ ٹی ایس {})", iso(hts)),
    content_of: |metal| format!("{metal}: مال میں تناسب (%)"),
    awaiting_quantity: "مقدار (کلوگرام) درج کریں",
    awaiting_content: |metal| format!("{metal}: مال میں تناسب (%) درج کریں"),
    pending_total: |amount, what| format!("اب تک {}، ایم ایف این ڈیوٹی کے بغیر: {what}۔", iso(amount)),
    needs_content: |metal| format!("ڈیوٹی دیکھنے کے لیے تناسب درج کریں ({metal})۔"),
    unverified_total: |product, measures, date, low, high| format!("ہم تصدیق نہیں کر سکے کہ {} کو {} {} سے مستثنیٰ تھی یا نہیں: ہمارے ذرائع سے معلوم نہیں ہوتا کہ یہ استثنیٰ کی فہرست میں ہے یا نہیں۔ اگر تھی: {}۔ اگر نہیں: {}۔", iso(date), iso(product), iso(measures), iso(low), iso(high)),
    charged: |amount| format!("درآمد پر وصول شدہ: {}۔ امریکی سپریم کورٹ نے یہ ڈیوٹیاں غیر قانونی قرار دیں اور یہ واپس کی جا رہی ہیں۔", iso(amount)),
    saving: |amount| format!("اس کھیپ پر 29 فیصد کی جگہ 19 فیصد شرح سے بچت: {}۔", iso(amount)),
    costs_more: |amount| format!("درمیان میں دوسرے اقدامات بھی بدلے: 19 فیصد والے دور میں اس کھیپ پر 29 فیصد کے دور سے زیادہ ڈیوٹی بنتی ہے، فرق: {}۔", iso(amount)),
    chart_summary: |items| format!("ہر دور میں اس کھیپ پر کل ڈیوٹی: {items}"),
    on_amount: |label, amount| format!("{label} پر ({})", iso(amount)),
    disclaimer: |as_of| format!("یہ صرف ایک مثال ہے، کسٹمز کا فیصلہ نہیں۔ شرحیں {} تک کی ہیں، جو ڈیٹا سیٹ کی تاریخ ہے؛ ایم ایف این شرحیں امریکی ٹیرف شیڈول (ایچ ٹی ایس) کی غیر سرکاری نقول سے لی گئی ہیں۔ کسی رقم پر انحصار سے پہلے لائسنس یافتہ کسٹمز بروکر سے تصدیق کریں۔", iso(as_of)),
};


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_names_what_is_accepted() {
        for t in [&EN, &UR] {
            for f in [
                Field::Value,
                Field::Quantity,
                Field::Content,
                Field::Surcharge,
                Field::Mfn,
            ] {
                for e in [
                    InputError::Empty,
                    InputError::Negative,
                    InputError::NotANumber,
                    InputError::Grouping,
                    InputError::TooManyDecimals,
                    InputError::TooLarge,
                ] {
                    let msg = t.error(f, e);
                    assert!(
                        msg.chars().any(|c| c.is_ascii_digit()) && msg.len() > 40,
                        "{msg}"
                    );
                }
            }
        }
        assert!(EN
            .error(Field::Value, InputError::Negative)
            .contains("1,000,000,000,000"));
    }

    #[test]
    fn the_content_field_capitalises_its_metal() {
        assert_eq!((EN.content_of)("lead"), "Lead content (%)");
        assert_eq!((EN.content_of)("rare earth elements"), "Rare earth elements content (%)");
        // A name that does not start with an ASCII letter keeps its first letter as it is.
        assert_eq!((EN.content_of)("éther"), "éther content (%)");
        assert_eq!((EN.content_of)(""), " content (%)");
    }
}
