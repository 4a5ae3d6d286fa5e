//! Strings of the embed dialog, the embedded-mode bar, and the offline and
//! update notices.

catalogue! {
    pub struct EmbedText {
        embed,
        dialog_title,
        dialog_intro,
        embed_code,
        copy,
        copied,
        press_ctrl_c,
        close,
        open_full,
        offline,
        update_available,
        reload,
        data_as_of,
        /// The button that copies the shareable address of what is shown.
        copy_link,
        link_copied,
        /// Where the clipboard is refused: the link is shown, selected, in a field named `link`.
        link_manual,
        link,
        /// The embed dialog's choices: tabs, colour scheme, language, kind of code.
        show,
        with_tabs,
        view_only,
        embed_theme,
        embed_language,
        english,
        urdu,
        code_for,
        auto_height,
        auto_height_hint,
        fixed_height,
        fixed_height_hint,
        amp,
        amp_hint,
        /// AMP's button that asks for a taller frame.
        show_more,
    }
}

pub static EN: EmbedText = EmbedText {
    embed: "Embed",
    dialog_title: "Embed this view",
    dialog_intro: "Paste this code into your page. It shows the current view with its filters. Use the first kind wherever your page keeps a script: the embed then grows and shrinks with its content. Where your CMS removes scripts, use the iframe alone: it keeps a fixed height and scrolls inside. On AMP pages, use the AMP code.",
    embed_code: "Embed code",
    copy: "Copy",
    copied: "Copied",
    press_ctrl_c: "Press Ctrl+C to copy",
    close: "Close",
    open_full: "Open full explorer",
    offline: "Offline — showing saved data",
    update_available: "A new version is available",
    reload: "Reload",
    data_as_of: "Data as of",
    copy_link: "Copy link",
    link_copied: "Link copied",
    link_manual: "Copying is blocked here: copy the selected link below",
    link: "Link",
    show: "Show",
    with_tabs: "This view, with tabs to the other views",
    view_only: "This view only",
    embed_theme: "Colour scheme of the embed",
    embed_language: "Language of the embed",
    english: "English",
    urdu: "Urdu",
    code_for: "Code for",
    auto_height: "Any page that keeps scripts (resizes itself)",
    auto_height_hint: "The iframe and a short script that sets its height to fit the content. Use it wherever you can.",
    fixed_height: "Pages that remove scripts (fixed height)",
    fixed_height_hint: "The iframe alone, at a height that suits this view; longer content scrolls inside it.",
    amp: "AMP pages",
    amp_hint: "An amp-iframe that AMP resizes; the explorer must be on https and on another domain than the article.",
    show_more: "Show more",
};

pub static UR: EmbedText = EmbedText {
    embed: "ایمبیڈ کریں",
    dialog_title: "یہ منظر اپنے صفحے میں لگائیں",
    dialog_intro: "یہ کوڈ اپنے صفحے میں چسپاں کریں۔ یہ موجودہ منظر اس کے فلٹروں سمیت دکھاتا ہے۔ جہاں آپ کا صفحہ اسکرپٹ رہنے دیتا ہے وہاں پہلی قسم استعمال کریں: ایمبیڈ اپنے مواد کے ساتھ چھوٹا بڑا ہوتا ہے۔ جہاں آپ کا سی ایم ایس اسکرپٹ ہٹا دیتا ہے وہاں صرف آئی فریم استعمال کریں: اس کی اونچائی مقررہ رہتی ہے اور مواد اندر اسکرول ہوتا ہے۔ اے ایم پی صفحات پر اے ایم پی کوڈ استعمال کریں۔",
    embed_code: "ایمبیڈ کوڈ",
    copy: "کاپی کریں",
    copied: "کاپی ہو گیا",
    press_ctrl_c: "کاپی کرنے کے لیے Ctrl+C دبائیں",
    close: "بند کریں",
    open_full: "مکمل ایکسپلورر کھولیں",
    offline: "آف لائن — محفوظ شدہ ڈیٹا دکھایا جا رہا ہے",
    update_available: "نیا ورژن دستیاب ہے",
    reload: "دوبارہ لوڈ کریں",
    data_as_of: "ڈیٹا بتاریخ",
    copy_link: "لنک کاپی کریں",
    link_copied: "لنک کاپی ہو گیا",
    link_manual: "یہاں کاپی کرنا بند ہے: نیچے منتخب لنک خود کاپی کریں",
    link: "لنک",
    show: "کیا دکھائیں",
    with_tabs: "یہ منظر، دوسرے مناظر کے ٹیبز کے ساتھ",
    view_only: "صرف یہ منظر",
    embed_theme: "ایمبیڈ کی رنگ سکیم",
    embed_language: "ایمبیڈ کی زبان",
    english: "انگریزی",
    urdu: "اردو",
    code_for: "کوڈ کس صفحے کے لیے",
    auto_height: "ہر وہ صفحہ جو اسکرپٹ رہنے دے (اونچائی خود بخود)",
    auto_height_hint: "آئی فریم اور ایک مختصر اسکرپٹ جو اس کی اونچائی مواد کے مطابق رکھتا ہے۔ جہاں ممکن ہو یہی استعمال کریں۔",
    fixed_height: "وہ صفحات جو اسکرپٹ ہٹا دیتے ہیں (مقررہ اونچائی)",
    fixed_height_hint: "صرف آئی فریم، اس منظر کے مناسب اونچائی پر؛ زیادہ مواد اس کے اندر اسکرول ہوتا ہے۔",
    amp: "اے ایم پی صفحات",
    amp_hint: "اے ایم پی کا آئی فریم، جس کی اونچائی اے ایم پی خود بدلتا ہے؛ ایکسپلورر محفوظ (ایچ ٹی ٹی پی ایس) پتے پر اور مضمون سے الگ ڈومین پر ہونا چاہیے۔",
    show_more: "مزید دکھائیں",
};


#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn contract_names_are_exact_in_english() {
        let t = text(Lang::En);
        assert_eq!((t.embed, t.embed_code), ("Embed", "Embed code"));
        assert_eq!((t.copy_link, t.link_copied, t.link), ("Copy link", "Link copied", "Link"));
    }

    #[test]
    fn urdu_is_translated_everywhere() {
        let (en, ur) = (text(Lang::En), text(Lang::Ur));
        for (e, u) in [(en.embed, ur.embed), (en.copy, ur.copy), (en.reload, ur.reload), (en.offline, ur.offline), (en.copy_link, ur.copy_link), (en.link_copied, ur.link_copied), (en.link_manual, ur.link_manual), (en.link, ur.link)] {
            assert_ne!(e, u);
            assert!(u.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{u}");
        }
    }
}
