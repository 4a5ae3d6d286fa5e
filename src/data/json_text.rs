//! JSON text (RFC 8259) → [`Json`] tree, the same way natively and in the browser.
//!
//! The app used to call the browser's `JSON.parse` and copy the result into
//! Rust value by value, crossing the JS–wasm boundary for every string; one
//! pass over the text in Rust is several times faster on a phone, and gives
//! syntax errors the same line and column in the browser and the validator CLI.
//!
//! Total: any input gives a tree or a [`SyntaxError`], never a panic; nesting
//! is bounded so hostile input cannot exhaust the stack.

use super::json::{Json, MAX_DEPTH};

/// Where and why the text is not JSON. Line and column are 1-based; the
/// column counts characters, as editors do.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Parses `text`. `parse_hard_number` is asked only for numbers the exact
/// fast path below cannot convert (more than 15 significant digits, or a large
/// exponent): natively `str::parse`, in the browser the engine's own parser,
/// so the wasm carries no float-parsing tables of its own.
pub fn parse(text: &str, parse_hard_number: fn(&str) -> Option<f64>) -> Result<Json, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), pos: 0, parse_hard_number };
    // A byte-order mark is invisible in editors; accept it rather than report it.
    if text.starts_with('\u{FEFF}') {
        parser.pos = '\u{FEFF}'.len_utf8();
    }
    parser.skip_whitespace();
    let value = parser.value(0)?;
    parser.skip_whitespace();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("unexpected text after the end of the JSON value"));
    }
    Ok(value)
}

/// `str::parse`, for callers with Rust's float parser at hand (native builds, tests).
pub fn std_parse_number(s: &str) -> Option<f64> {
    s.parse().ok()
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    parse_hard_number: fn(&str) -> Option<f64>,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        SyntaxError { message: message.into(), line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Consumes `b` (after whitespace) or reports what was expected.
    fn expect(&mut self, b: u8, what: &str) -> Result<(), SyntaxError> {
        self.skip_whitespace();
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(what))
        }
    }

    fn unexpected(&self, expected: &str) -> SyntaxError {
        let found = match self.text.get(self.pos..).and_then(|rest| rest.chars().next()) {
            None => "the end of the file".to_string(),
            Some(c) if c.is_control() => format!("character U+{:04X}", c as u32),
            Some(c) => format!("'{c}'"),
        };
        self.error(format!("expected {expected}, found {found}"))
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    fn enter(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(self.error(format!("arrays and objects are nested more than {MAX_DEPTH} levels deep")))
        } else {
            Ok(())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1; // '{'
        let mut fields = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(fields));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected("a field name in double quotes"));
            }
            let key = self.string()?;
            self.expect(b':', "':' after a field name")?;
            let value = self.value(depth)?;
            fields.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(fields));
                }
                _ => return Err(self.unexpected("',' or '}' after a field")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.unexpected("',' or ']' after an item")),
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters in one go (the common case).
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Stops only at ASCII bytes, so both ends are character boundaries.
            out.push_str(self.text.get(run_start..self.pos).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error("the file ends inside a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.error("a control character (such as a line break) inside a string; write it as \\n, \\t …")),
            }
        }
    }

    /// After a backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error("the file ends inside a string"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) {
                    // A high surrogate must be followed by an escaped low one.
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.error("a \\u escape of a lone surrogate (half of a character)"));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("a \\u escape of a lone surrogate (half of a character)"));
                    }
                    let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                    char::from_u32(code).ok_or_else(|| self.error("an invalid \\u escape"))?
                } else {
                    char::from_u32(first).ok_or_else(|| self.error("a \\u escape of a lone surrogate (half of a character)"))?
                }
            }
            _ => {
                self.pos -= 1;
                return Err(self.unexpected("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.unexpected("four hexadecimal digits after \\u"));
            };
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<f64, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        if self.digits() == 0 {
            return Err(self.unexpected("a digit"));
        }
        if self.bytes.get(int_start) == Some(&b'0') && self.pos - int_start > 1 {
            self.pos = int_start + 1;
            return Err(self.error("a number with a leading zero"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.unexpected("a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.unexpected("a digit in the exponent"));
            }
        }
        let literal = self.text.get(start..self.pos).unwrap_or_default();
        match fast_number(literal).or_else(|| (self.parse_hard_number)(literal)) {
            Some(x) if x.is_finite() => Ok(x),
            _ => {
                self.pos = start;
                Err(self.error(format!("the number {literal} is too large")))
            }
        }
    }
}

/// Every power of ten that is an exact double.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Exact conversion of a syntactically valid JSON number when its digits fit
/// in 15 significant digits and the power of ten is at most 22: both are then
/// exact doubles and one multiplication or division rounds correctly
/// (Clinger's fast path). `None` asks the caller's full parser.
fn fast_number(literal: &str) -> Option<f64> {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa_part, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (rest.get(..i)?, rest.get(i + 1..)?.parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (int_part, frac_part) = mantissa_part.split_once('.').unwrap_or((mantissa_part, ""));
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    for b in int_part.bytes().chain(frac_part.bytes()) {
        if mantissa == 0 && b == b'0' {
            continue; // leading zeros are not significant
        }
        significant += 1;
        if significant > 15 {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(b - b'0');
    }
    let exponent = exponent.checked_sub(i32::try_from(frac_part.len()).ok()?)?;
    if mantissa == 0 {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    let power = POWERS_OF_TEN.get(usize::try_from(exponent.unsigned_abs()).ok()?)?;
    let magnitude = mantissa as f64;
    let value = if exponent >= 0 { magnitude * power } else { magnitude / power };
    Some(if negative { -value } else { value })
}

/// A string's text as a JSON string literal writes it (without the quotes):
/// quotes, backslashes and control characters escaped, and the two line
/// separators that break JavaScript string literals. The exports write their
/// strings with it, and problem messages quote a dataset's text with it
/// (`{:?}` would bring Debug formatting and its Unicode tables into the main
/// wasm module, where the decoder runs).
pub fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse_std(text: &str) -> Result<Json, SyntaxError> {
        parse(text, std_parse_number)
    }

    /// serde_json's reading of the same text, as the reference.
    fn reference(text: &str) -> Option<Json> {
        serde_json::from_str(text).ok()
    }

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#" {"a": [1, -2.5, 3e2, 0, -0, true, false, null], "b": {"c": "d\"e\\f\n\u00e9\ud83d\ude00"}, "a": "dup"} "#;
        assert_eq!(parse_std(text).ok(), reference(text));
        let tree = parse_std(text).expect("valid");
        // Duplicate keys are kept, in order, for the validator to report.
        assert!(matches!(&tree, Json::Object(f) if f.len() == 3));
    }

    #[test]
    fn the_bundled_dataset_reads_as_serde_json_reads_it() {
        let text = include_str!("../../public/data/deals.json");
        assert_eq!(parse_std(text).ok(), reference(text));
    }

    #[test]
    fn errors_say_where_and_what() {
        let e = parse_std("{\n  \"meta\": {,\n}").expect_err("broken");
        assert_eq!((e.line, e.column), (2, 12));
        assert!(e.message.contains("field name"), "{}", e.message);
        let e = parse_std("[1, 2").expect_err("unterminated");
        assert!(e.message.contains("end of the file"), "{}", e.message);
        let e = parse_std("\"é\u{1}\"").expect_err("control character");
        assert_eq!((e.line, e.column), (1, 3));
        let e = parse_std("01").expect_err("leading zero");
        assert!(e.message.contains("leading zero"));
        let e = parse_std("1e400").expect_err("overflow");
        assert!(e.message.contains("too large"));
        assert!(parse_std("\"\\ud800\"").is_err(), "lone surrogate");
        assert!(parse_std("{} x").is_err(), "trailing text");
        assert!(parse_std("").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let e = parse_std(&deep).expect_err("too deep");
        assert!(e.message.contains("nested"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse_std(&ok).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(parse_std("\u{FEFF}[1]"), Ok(Json::Array(vec![Json::Number(1.0)])));
    }

    #[test]
    fn numbers_outside_the_fast_path_go_to_the_full_parser() {
        fn never(_: &str) -> Option<f64> {
            None
        }
        assert_eq!(parse("0.1", never), Ok(Json::Number(0.1)));
        assert_eq!(parse("1250000000", never), Ok(Json::Number(1.25e9)));
        assert!(parse("0.12345678901234567", never).is_err(), "17 digits need the full parser");
        assert_eq!(parse_std("0.12345678901234567"), Ok(Json::Number(0.123_456_789_012_345_67)));
    }

    fn number_literal() -> impl Strategy<Value = String> {
        ("-?", "(0|[1-9][0-9]{0,20})", "(\\.[0-9]{1,20})?", "([eE][+-]?[0-9]{1,3})?")
            .prop_map(|(sign, int, frac, exp)| format!("{sign}{int}{frac}{exp}"))
    }

    proptest! {
        /// The fast path never disagrees with a correctly rounding parser.
        #[test]
        fn numbers_match_the_standard_parser(literal in number_literal()) {
            let expected: f64 = literal.parse().expect("valid literal");
            match parse_std(&literal) {
                Ok(Json::Number(x)) => prop_assert_eq!(x.to_bits(), expected.to_bits(), "{}", literal),
                Ok(other) => prop_assert!(false, "{:?}", other),
                Err(e) => prop_assert!(!expected.is_finite(), "{} → {:?}", literal, e),
            }
        }

        /// Any text: accepted exactly when serde_json accepts it, never a panic.
        #[test]
        fn any_text_gets_the_same_verdict_as_serde_json(text in "[\\[\\]{}\":,0-9.eE+\\-a-z\\\\ \n\u{e9}]{0,40}") {
            prop_assert_eq!(parse_std(&text).is_ok(), reference(&text).is_some(), "{:?}", text);
        }

        /// Valid documents built from random values read back to the same tree.
        #[test]
        fn generated_documents_round_trip(value in json_value()) {
            let text = serde_json::to_string_pretty(&value).expect("serialize");
            // Compared with the value itself, not with serde_json's reading of
            // the text (its default float parsing may be one unit off).
            let expected: Json = serde_json::from_value(value).expect("any value is a tree");
            prop_assert_eq!(parse_std(&text), Ok(expected));
        }
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(|x| serde_json::json!(x)),
            any::<i64>().prop_map(|x| serde_json::json!(x)),
            ".{0,12}".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec((".{0,6}", inner), 0..6)
                    .prop_map(|fields| serde_json::Value::Object(fields.into_iter().collect())),
            ]
        })
    }
}
