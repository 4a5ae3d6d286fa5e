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
    copy_link: "Copy link",
    link_copied: "Link copied",
    link_manual: "Copying is blocked here: copy the selected link below",
    link: "Link",
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
    copy_link: "لنک کاپی کریں",
    link_copied: "لنک کاپی ہو گیا",
    link_manual: "یہاں کاپی کرنا بند ہے: نیچے منتخب لنک خود کاپی کریں",
    link: "لنک",
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
