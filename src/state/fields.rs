//! What a field of the state accepts: one cleaning rule or parser per field,
//! used both by `AppState::parse` (the URL) and by the inputs that set the
//! field (`rules.rs`), so a value typed in is a value the address reads back.

/// Longest text accepted for free-text and id parameters. Ids longer are
/// dropped; free text is cut to this length.
pub const MAX_TEXT_LEN: usize = 200;
/// Most ids accepted in one list parameter.
pub const MAX_LIST_LEN: usize = 50;
/// Most characters of a calculator number field's text.
const MAX_NUMBER_TEXT_LEN: usize = 40;
/// Most digits of a whole-dollar bound (up to a quadrillion dollars).
const MAX_WHOLE_DIGITS: usize = 15;

/// An id as the dataset writes them: ASCII letters, digits, `-`, `_`, `.`.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_TEXT_LEN
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A comma-separated list of ids: invalid ones and repeats dropped, order
/// kept, at most `MAX_LIST_LEN`.
pub fn id_list(value: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split(',').map(str::trim) {
        if is_id(part) && !out.iter().any(|x| x == part) && out.len() < MAX_LIST_LEN {
            out.push(part.to_string());
        }
    }
    out
}

/// Free text (the search): control characters removed, trimmed, cut to
/// `MAX_TEXT_LEN` characters. The search box and the URL's `q` both read through this.
pub fn clean_text(value: &str) -> String {
    let t: String = value.chars().filter(|c| !c.is_control()).collect();
    let t: String = t.trim().chars().take(MAX_TEXT_LEN).collect();
    t.trim_end().to_string()
}

/// Text for a number field, kept as typed (the calculator shows a bad value
/// back with its error): cleaned as free text, at most 40 characters, not empty.
pub fn number_text(value: &str) -> Option<String> {
    let t: String = value.chars().filter(|c| !c.is_control()).collect();
    let t = t.trim();
    (!t.is_empty() && t.chars().count() <= MAX_NUMBER_TEXT_LEN).then(|| t.to_string())
}

/// A whole number of dollars (the value range): ASCII digits only, at most
/// 15 of them, surrounding spaces ignored. The value inputs and the URL's
/// `vmin`/`vmax` both read through this.
pub fn parse_whole(value: &str) -> Option<u64> {
    let value = value.trim();
    (!value.is_empty() && value.len() <= MAX_WHOLE_DIGITS && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse().ok())
        .flatten()
}

/// `1`/`true` and `0`/`false`.
pub fn parse_flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_dollars_take_fifteen_digits_and_nothing_else() {
        assert_eq!(parse_whole("999999999999999"), Some(999_999_999_999_999));
        assert_eq!(parse_whole(" 42 "), Some(42));
        for bad in ["", "1000000000000000", "+5", "-5", "1e5", "4.5", "٤٢", "12 000"] {
            assert_eq!(parse_whole(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn free_text_is_cut_not_dropped() {
        assert_eq!(clean_text("  copper\u{0}ore \n"), "copperore");
        let long = format!("  {}", "é".repeat(MAX_TEXT_LEN + 5));
        assert_eq!(clean_text(&long).chars().count(), MAX_TEXT_LEN);
        assert_eq!(clean_text(&format!("{} x", "a".repeat(MAX_TEXT_LEN - 1))), "a".repeat(MAX_TEXT_LEN - 1));
    }

    #[test]
    fn lists_keep_valid_unique_ids() {
        assert_eq!(id_list("a, b,a,<x>,,c.d"), ["a", "b", "c.d"]);
        let many: Vec<String> = (0..MAX_LIST_LEN + 3).map(|i| format!("id{i}")).collect();
        assert_eq!(id_list(&many.join(",")).len(), MAX_LIST_LEN);
    }
}
