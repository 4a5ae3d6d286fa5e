//! Strings of the Story view (its name in the navigation is in `shell`). The
//! story's own title, headlines and narratives come from the dataset.

use crate::state::vocab::Records;

catalogue! {
    pub struct StoryText {
        intro,
        /// The step buttons; the status between them: "Step 3 of 16" (numbers formatted).
        previous,
        next,
        status: fn(n: &str, of: &str) -> String,
        keys_hint,
        /// The link from a step to its record in that record's view.
        open_event,
        open_deal,
        /// A place step's link: the deals view filtered by the place.
        open_place,
        /// The mini timeline's name: the step's date on the story's span.
        locator: fn(date: &str, from: &str, to: &str) -> String,
        /// A place step's locator: the place and its province or territory.
        place_locator: fn(place: &str, region: &str) -> String,
        step_sources,
        /// Printed before each step in place of the status.
        printed_step: fn(n: &str) -> String,
        none,
    }
}

impl StoryText {
    pub fn open_record(&self, records: Records) -> &'static str {
        match records {
            Records::Deals => self.open_deal,
            Records::Events => self.open_event,
        }
    }
}

/// The regions of `public/data/boundaries.json` by id, in English and Urdu, for a
/// place step (the Story view does not fetch the boundary file; a native test
/// holds these to its names).
pub const REGION_NAMES: [(&str, &str, &str); 7] = [
    ("balochistan", "Balochistan", "بلوچستان"),
    ("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", "خیبر پختونخوا"),
    ("punjab", "Punjab", "پنجاب"),
    ("sindh", "Sindh", "سندھ"),
    ("islamabad", "Islamabad Capital Territory", "اسلام آباد"),
    ("gilgit-baltistan", "Gilgit-Baltistan", "گلگت بلتستان"),
    ("azad-kashmir", "Azad Kashmir", "آزاد کشمیر"),
];

/// A region's name in the reader's language; the id itself where the table has none.
pub fn region_name(lang: crate::i18n::Lang, id: &str) -> &str {
    let row = REGION_NAMES.iter().find(|(rid, ..)| *rid == id);
    match (row, lang) {
        (Some((_, en, _)), crate::i18n::Lang::En) => en,
        (Some((.., ur)), crate::i18n::Lang::Ur) => ur,
        (None, _) => id,
    }
}

pub static EN: StoryText = StoryText {
    intro: "The deal told step by step, from the dataset's own records and their sources.",
    status: |n, of| format!("Step {n} of {of}"),
    previous: "Previous", next: "Next",
    locator: |date, from, to| format!("{date}, on the story's span from {from} to {to}"),
    keys_hint: "The arrow keys, or a swipe, move between steps.",
    place_locator: |place, region| format!("Where: {place}, {region}"),
    open_event: "This event in the timeline", open_deal: "This deal in the deals list",
    open_place: "This place on the map",
    printed_step: |n| format!("Step {n}"),
    step_sources: "Sources of this step",
    none: "The dataset holds no story yet.",
};

pub static UR: StoryText = StoryText {
    none: "ڈیٹا میں ابھی کوئی کہانی نہیں۔",
    status: |n, of| format!("{of} میں سے مرحلہ {n}"),
    printed_step: |n| format!("مرحلہ {n}"),
    locator: |date, from, to| format!("{date}، کہانی کے دورانیے {from} تا {to} پر"),
    place_locator: |place, region| format!("مقام: {place}، {region}"),
    intro: "یہ سودا مرحلہ وار، ڈیٹا کے اپنے ریکارڈز اور ان کے ذرائع سے۔",
    previous: "پچھلا", next: "اگلا",
    keys_hint: "تیر والی کلیدوں یا سوائپ سے ایک مرحلے سے دوسرے پر جائیں۔",
    open_event: "یہ واقعہ ٹائم لائن میں", open_deal: "یہ سودا سودوں کی فہرست میں",
    open_place: "یہ مقام نقشے پر",
    step_sources: "اس مرحلے کے ذرائع",
};
