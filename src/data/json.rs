//! A plain JSON tree the validator walks, so that it can report every problem
//! with its path rather than stopping at the first type error.
//!
//! `json_text` parses text into it, natively and in the browser alike; the
//! serde impls (native only) let tests compare it with serde_json's reading.

/// How deeply arrays and objects may nest (ours nest about 8 deep): a hostile
/// file cannot exhaust the stack. serde_json's own recursion limit, so the
/// tests' reference reading accepts the same files.
pub const MAX_DEPTH: usize = 127;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Keys in document order.
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The JSON type's name, for messages ("expected a string, found a number").
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// A short rendering of the value for messages, cut at `max` characters.
    pub fn preview(&self, max: usize) -> String {
        let full = match self {
            Json::Null => "null".to_string(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.to_string(),
            Json::String(s) => format!("\"{s}\""),
            Json::Array(items) => format!("[…{} items]", items.len()),
            Json::Object(fields) => format!("{{…{} fields}}", fields.len()),
        };
        if full.chars().count() > max {
            let cut: String = full.chars().take(max).collect();
            format!("{cut}…")
        } else {
            full
        }
    }
}

/// Natively only: text to tree with serde_json, and back to serde values so
/// tests and the fuzzer can run serde's derive on a tree as the decoder's oracle.
#[cfg(not(target_arch = "wasm32"))]
mod serde_impls {
    use super::Json;
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde::{Serialize, Serializer};
    use std::fmt;

    impl Serialize for Json {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Json::Null => s.serialize_unit(),
                Json::Bool(b) => s.serialize_bool(*b),
                Json::Number(n) => s.serialize_f64(*n),
                Json::String(text) => s.serialize_str(text),
                Json::Array(items) => s.collect_seq(items),
                Json::Object(fields) => s.collect_map(fields.iter().map(|(k, v)| (k, v))),
            }
        }
    }

    impl<'de> Deserialize<'de> for Json {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
            deserializer.deserialize_any(JsonVisitor)
        }
    }

    struct JsonVisitor;

    impl<'de> Visitor<'de> for JsonVisitor {
        type Value = Json;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_unit<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }
        fn visit_none<E>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
            Json::deserialize(d)
        }
        fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
            Ok(Json::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
            Ok(Json::Number(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
            Ok(Json::String(v.to_string()))
        }
        fn visit_string<E>(self, v: String) -> Result<Json, E> {
            Ok(Json::String(v))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(Json::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
            let mut fields = Vec::new();
            while let Some((k, v)) = map.next_entry::<String, Json>()? {
                fields.push((k, v));
            }
            Ok(Json::Object(fields))
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value_in_order() {
        let j: Json = serde_json::from_str(r#"{"b":[1,2.5,"x",null,true],"a":{}}"#).unwrap();
        let Json::Object(fields) = &j else {
            panic!("not an object")
        };
        assert_eq!(
            fields.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            ["b", "a"]
        );
        let arr = j.get("b").and_then(Json::as_array).unwrap();
        assert_eq!(arr.len(), 5);
        assert_eq!(arr[1].as_f64(), Some(2.5));
        assert_eq!(arr[2].preview(10), "\"x\"");
        assert_eq!(j.get("a").map(Json::type_name), Some("an object"));
        // And back, in the same order (tests hand trees to serde's derive this way).
        let text = serde_json::to_string(&j).unwrap();
        assert_eq!(text, r#"{"b":[1.0,2.5,"x",null,true],"a":{}}"#);
        assert_eq!(serde_json::from_str::<Json>(&text).unwrap(), j);
    }
}
