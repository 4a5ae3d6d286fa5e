//! From text (or a parsed tree) to a validated [`Dataset`].
//!
//! The same path natively and in the browser: [`json_text`] parses the text
//! into a [`Json`] tree, the validator checks it, the decoder types it. Only
//! the parser of hard numbers differs (std natively, the engine's in the browser).

use super::decode::decode;
use super::json::Json;
use super::json_text;
use super::model::Dataset;
use super::validate::{syntax_problem, validate, validate_with_warnings, Problem};

/// The text of a downloaded body as `Response.text()` reads it: a leading
/// byte order mark dropped, each malformed sequence replaced by U+FFFD (the
/// validator then says where the text went wrong). Valid UTF-8 is not copied.
pub fn body_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// How much of a file's SHA-256 the release build records in the page: its first
/// 64 bits in lowercase hex, the same 16 digits as in the hashed file names
/// (scripts/build-wasm.mjs), so the page repeats them rather than adding 48 more.
/// What the record guards is an accidental change of the bytes after the build
/// (a false match has a chance of 2^-64); whoever can change the files on the
/// host can change the page too, so a longer record would guard nothing more.
pub const RECORDED_DIGEST_HEX: usize = 16;

/// Whether `digest` (the SHA-256 of a downloaded dataset, as the browser
/// computed it) begins with `validated`, the digest the release build recorded
/// in the page ([`RECORDED_DIGEST_HEX`] lowercase hex digits) after validating
/// those very bytes. Then the browser need not run the validator on them again;
/// anything else, including no record, a malformed one or other bytes, is validated as usual.
pub fn validated_at_build(validated: &str, digest: &[u8]) -> bool {
    let hex = |nibble: u8| if nibble < 10 { b'0' + nibble } else { b'a' + nibble - 10 };
    digest.len() == 32
        && validated.len() == RECORDED_DIGEST_HEX
        && validated.as_bytes().chunks(2).zip(digest).all(|(pair, &byte)| pair == [hex(byte >> 4), hex(byte & 15)])
}

/// The steps of [`load_text`], each short enough to run as its own task in
/// the browser (which yields between them so a slow phone stays responsive).
/// Step 1: the text to a tree, or the syntax problem with its line and column.
pub fn parse(text: &str, parse_hard_number: fn(&str) -> Option<f64>) -> Result<Json, Vec<Problem>> {
    json_text::parse(text, parse_hard_number).map_err(|e| vec![syntax_problem(&e.message, e.line, e.column)])
}

/// Step 2: every problem the validator finds in the tree.
pub fn check(tree: &Json) -> Result<(), Vec<Problem>> {
    let problems = validate(tree);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Step 3: the checked tree, typed (or the decode's one problem).
pub fn decode_checked(tree: &Json) -> Result<Dataset, Vec<Problem>> {
    decode(tree).map_err(|problem| vec![problem])
}

/// The typed dataset when the validator finds no problem and the decode
/// succeeds; otherwise every problem (or the decode's one problem).
pub fn load_tree(tree: &Json) -> Result<Dataset, Vec<Problem>> {
    check(tree)?;
    decode_checked(tree)
}

/// Parses, validates and decodes `deals.json` text; `parse_hard_number` as in [`json_text::parse`].
pub fn load_text(text: &str, parse_hard_number: fn(&str) -> Option<f64>) -> Result<Dataset, Vec<Problem>> {
    load_tree(&parse(text, parse_hard_number)?)
}

/// The validator's warnings on `deals.json` text (English without its Urdu),
/// with Rust's float parser; none for text that is not JSON.
pub fn warnings_str(text: &str) -> Vec<Problem> {
    parse(text, json_text::std_parse_number).map_or_else(|_| Vec::new(), |tree| validate_with_warnings(&tree).1)
}

/// [`load_text`] with Rust's own float parser (native builds: the CLI, tests).
pub fn load_str(text: &str) -> Result<Dataset, Vec<Problem>> {
    load_text(text, json_text::std_parse_number)
}

#[cfg(test)]
mod tests {
    use super::{body_text, validated_at_build};

    #[test]
    fn only_the_recorded_digest_of_the_same_bytes_skips_validation() {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        let full = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let digest: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&full[2 * i..2 * i + 2], 16).unwrap()).collect();
        let hex = &full[..16];
        assert!(validated_at_build(hex, &digest));
        let mut other = digest.clone();
        other[7] ^= 1;
        assert!(!validated_at_build(hex, &other), "other bytes");
        assert!(!validated_at_build("ba7816bf8f01cfeb", &digest), "another record");
        assert!(!validated_at_build(&hex.to_uppercase(), &digest), "the build writes lowercase only");
        assert!(!validated_at_build(&hex[..14], &digest), "a short record");
        assert!(!validated_at_build("", &[]), "no record");
        assert!(!validated_at_build(full, &digest), "a long record");
        assert!(!validated_at_build(hex, &digest[..31]), "a short digest");
    }

    #[test]
    fn body_text_reads_as_response_text_does() {
        assert_eq!(body_text(b"{\"a\": \"\xC3\xA9\"}".to_vec()), "{\"a\": \"é\"}");
        assert_eq!(body_text(b"\xEF\xBB\xBF[]".to_vec()), "[]", "a byte order mark is dropped");
        assert_eq!(body_text(b"\xEF\xBB\xBF\xEF\xBB\xBF[]".to_vec()), "\u{FEFF}[]", "only the first");
        assert_eq!(body_text(b"a\xFFb\xE2\x82".to_vec()), "a\u{FFFD}b\u{FFFD}", "malformed bytes are replaced, not fatal");
        assert_eq!(body_text(Vec::new()), "");
    }
}
