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
    }
}

pub static EN: EmbedText = EmbedText {
    embed: "Embed",
    dialog_title: "Embed this view",
    dialog_intro: "Paste this code into your page. It shows the current view with its filters and resizes itself to fit; the iframe alone, with a fixed height, also works.",
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
};

pub static UR: EmbedText = EmbedText {
    embed: "ایمبیڈ کریں",
    dialog_title: "یہ منظر اپنے صفحے میں لگائیں",
    dialog_intro: "یہ کوڈ اپنے صفحے میں چسپاں کریں۔ یہ موجودہ منظر اس کے فلٹروں سمیت دکھاتا ہے اور اپنی اونچائی خود درست کر لیتا ہے؛ مقررہ اونچائی کے ساتھ صرف آئی فریم بھی کام کرتا ہے۔",
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
};


#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn contract_names_are_exact_in_english() {
        let t = text(Lang::En);
        assert_eq!((t.embed, t.embed_code), ("Embed", "Embed code"));
    }

    #[test]
    fn urdu_is_translated_everywhere() {
        let (en, ur) = (text(Lang::En), text(Lang::Ur));
        for (e, u) in [(en.embed, ur.embed), (en.copy, ur.copy), (en.reload, ur.reload), (en.offline, ur.offline)] {
            assert_ne!(e, u);
            assert!(u.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{u}");
        }
    }
}
