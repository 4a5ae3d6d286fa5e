//! Case and diacritics folding for search, and match ranges for highlighting.
//!
//! Folding maps each character to at most one character (lowercase, Latin
//! accents stripped by a small table, combining accents dropped), so a match
//! in folded text maps back to a range of the displayed text. Urdu and other
//! scripts are kept as they are.

/// Whether `needle` occurs in `haystack`, as `str::contains` answers: a scan
/// for the needle's first byte, then a compare. For the short words people
/// type, tested against thousands of short texts, this is several times
/// faster than `str::contains`, which sets up a two-way searcher for every
/// text. Bytes are enough: in UTF-8 a whole character sequence can only match
/// at character boundaries.
pub fn contains(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else { return true };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else { return false };
    let mut from = 0;
    while let Some(offset) = hay.get(from..=last_start).and_then(|h| find_byte(h, first)) {
        let at = from + offset;
        if hay.get(at + 1..at + needle.len()) == Some(rest) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// The first `byte` in `hay`, eight bytes at a time: the bytes equal to
/// `byte` become zero after an XOR, and the classic zero-byte test finds the
/// lowest of them (the test's borrow can only mark bytes above a true zero,
/// so the lowest mark is exact).
fn find_byte(hay: &[u8], byte: u8) -> Option<usize> {
    const LOW: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let pattern = LOW * u64::from(byte);
    let mut chunks = hay.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let word = chunk.try_into().map(u64::from_le_bytes).unwrap_or(0) ^ pattern;
        let zeros = word.wrapping_sub(LOW) & !word & HIGH;
        if zeros != 0 {
            return Some(i * 8 + (zeros.trailing_zeros() / 8) as usize);
        }
    }
    let done = hay.len() - chunks.remainder().len();
    chunks.remainder().iter().position(|&b| b == byte).map(|p| done + p)
}

/// The folded form of one character; `None` for a combining accent.
pub fn fold_char(c: char) -> Option<char> {
    if ('\u{0300}'..='\u{036F}').contains(&c) {
        return None;
    }
    let lower = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    Some(match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' | 'ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ß' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{2010}'..='\u{2015}' => '-',
        other => other,
    })
}

/// Lowercase, accents removed.
pub fn fold(s: &str) -> String {
    s.chars().filter_map(fold_char).collect()
}

/// Where the search words occur in `text`: sorted, merged `[start, end)`
/// ranges counted in characters of `text` (not bytes).
pub fn highlight(text: &str, terms: &[String]) -> Vec<(usize, usize)> {
    // Folded characters with the index of the original character each came from.
    let folded: Vec<(char, usize)> = text
        .chars()
        .enumerate()
        .filter_map(|(i, c)| fold_char(c).map(|f| (f, i)))
        .collect();
    let total = text.chars().count();
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for term in terms {
        let needle: Vec<char> = term.chars().collect();
        if needle.is_empty() || needle.len() > folded.len() {
            continue;
        }
        for (start, window) in folded.windows(needle.len()).enumerate() {
            if window.iter().map(|(c, _)| c).eq(needle.iter()) {
                let first = folded.get(start).map_or(0, |x| x.1);
                // The match ends where the next kept character starts, so a
                // dropped combining accent stays with its letter.
                let end = folded.get(start + needle.len()).map_or(total, |x| x.1);
                ranges.push((first, end));
            }
        }
    }
    let order = super::order::positions_by(ranges.len(), &|a, b| ranges.get(a).cmp(&ranges.get(b)));
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in order.iter().filter_map(|i| ranges.get(*i as usize).copied()) {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Splits `text` at the ranges: `(piece, is_match)` in order, for `<mark>`.
pub fn split_marked(text: &str, ranges: &[(usize, usize)]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    let slice = |a: usize, b: usize| {
        chars
            .get(a..b.min(chars.len()))
            .unwrap_or(&[])
            .iter()
            .collect::<String>()
    };
    for &(s, e) in ranges {
        if s > at {
            out.push((slice(at, s), false));
        }
        if e > s.max(at) {
            out.push((slice(s.max(at), e), true));
        }
        at = at.max(e);
    }
    if at < chars.len() {
        out.push((slice(at, chars.len()), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn contains_answers_as_str_contains(hay in "[abc\u{e9}\u{627}]{0,24}", needle in "[abc\u{e9}\u{627}]{0,4}") {
            prop_assert_eq!(contains(&hay, &needle), hay.contains(needle.as_str()), "{:?} in {:?}", needle, hay);
        }

        #[test]
        fn find_byte_answers_as_position(hay in proptest::collection::vec(any::<u8>(), 0..40), byte in any::<u8>()) {
            prop_assert_eq!(find_byte(&hay, byte), hay.iter().position(|&b| b == byte));
        }

        #[test]
        fn find_byte_finds_the_first_of_near_values(hay in proptest::collection::vec(prop_oneof![Just(0u8), Just(1), Just(0x80), Just(0x81), Just(0xFF)], 0..40), byte in prop_oneof![Just(0u8), Just(1), Just(0x80), Just(0xFF)]) {
            prop_assert_eq!(find_byte(&hay, byte), hay.iter().position(|&b| b == byte));
        }

        #[test]
        fn contains_finds_every_piece(hay in ".{0,40}", a in 0usize..40, len in 0usize..8) {
            let chars: Vec<char> = hay.chars().collect();
            let a = a.min(chars.len());
            let piece: String = chars.iter().skip(a).take(len).collect();
            prop_assert!(contains(&hay, &piece));
        }
    }

    #[test]
    fn contains_edges() {
        assert!(contains("", ""));
        assert!(contains("lithium", "lithium"));
        assert!(contains("gold lithium", "m"));
        assert!(!contains("lit", "lith"));
        assert!(!contains("", "a"));
        assert!(contains("aab", "ab"), "a failed first compare does not skip the real match");
        assert!(!contains("caf\u{e9}", "\u{a9}"), "no match inside a character's bytes");
    }

    fn check(text: &str, q: &str, expected: &[&str]) {
        let terms = crate::explore::terms(q);
        let marked: Vec<String> = split_marked(text, &highlight(text, &terms))
            .into_iter()
            .filter(|p| p.1)
            .map(|p| p.0)
            .collect();
        assert_eq!(marked, expected, "{text:?} / {q:?}");
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(
            fold("Mota-Engil São Tomé ÜBER Ā"),
            "mota-engil sao tome uber a"
        );
        assert_eq!(fold("Cafe\u{301}"), "cafe");
        assert_eq!(fold("معدنیات"), "معدنیات");
        assert_eq!(fold("US\u{2013}Pakistan"), "us-pakistan");
    }

    #[test]
    fn highlights_in_displayed_characters() {
        check("Reko Diq copper-gold", "COPPER", &["copper"]);
        check("São Tomé and the sao", "sao", &["São", "sao"]);
        check("Cafe\u{301} cafe", "cafe", &["Cafe\u{301}", "cafe"]);
        check("antimony ore", "ant mony", &["ant", "mony"]);
        check("goldgold", "gold old", &["goldgold"]);
        check("اہم معدنیات", "معدنیات", &["معدنیات"]);
        check("nothing", "", &[]);
    }

    #[test]
    fn split_keeps_all_text() {
        let text = "Ünïcode text ünï";
        let parts = split_marked(text, &highlight(text, &["uni".into()]));
        assert_eq!(parts.iter().map(|p| p.0.as_str()).collect::<String>(), text);
        assert_eq!(parts.first(), Some(&("Ünï".to_string(), true)));
    }
}
