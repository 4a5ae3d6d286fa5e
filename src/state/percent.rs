//! Percent-encoding of query-string components (`application/x-www-form-urlencoded`).

/// Decodes `application/x-www-form-urlencoded` text. Invalid percent escapes
/// are kept literally; invalid UTF-8 is replaced, never an error.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) if hex.is_some_and(|h| h.bytes().all(|c| c.is_ascii_hexdigit())) => {
                        out.push(v);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but unreserved characters and a few safe ones
/// that keep links readable (`,` between ids, `:` and `/`).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' | b':' | b'/' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `key=value` pairs, values percent-encoded, joined by `&`.
pub fn join_query(parts: &[(&str, String)]) -> String {
    parts
        .iter()
        .map(|(k, v)| format!("{k}={}", encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_never_fails() {
        assert_eq!(decode_component("a%2Cb+c"), "a,b c");
        assert_eq!(decode_component("%"), "%");
        assert_eq!(decode_component("%zz%4"), "%zz%4");
        assert_eq!(decode_component("%FF"), "\u{FFFD}");
        assert_eq!(decode_component("%+1"), "% 1");
    }

    #[test]
    fn encoding_reads_back() {
        let s = "a b&c=d,é/:~%";
        assert_eq!(decode_component(&encode_component(s)), s);
        assert_eq!(encode_component("a b&c"), "a+b%26c");
    }
}
