//! The one validator of `deals.json`: run on the [`Json`] tree before the
//! typed decode, by the app at start-up, by the tests and by `validate-data`.
//!
//! The shape of `model.rs` is written once as field tables (`schema.rs`:
//! `SOURCE`, `PARTY`…); one walker (`walker.rs`) checks every table, so every
//! problem is reported with its path, not only the first; `summary.rs` counts
//! a valid dataset. Pure: no serde_json, no web-sys; never panics.

mod schema;
mod summary;
mod walker;

use std::fmt;

use super::json::Json;
use super::trail::Trail;
use schema::DATASET;
pub use summary::{summarize, Summary};
use walker::Walker;

/// One thing wrong with the data, at a JSON path such as
/// `$.deals[3] (deal-ussm-fwo-mou).sources[1]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for Problem {}

fn problem(path: &str, message: String) -> Problem {
    Problem {
        path: path.to_string(),
        message,
    }
}

/// The tree passed the validator but the typed decode still failed at `path`.
pub fn decode_problem(path: &str, message: &str) -> Problem {
    problem(path, format!("does not match the data model: {message}"))
}

/// The text is not JSON. A trailing " at line L column C" (serde_json's own
/// wording) is dropped, since the message already says where.
pub fn syntax_problem(message: &str, line: usize, column: usize) -> Problem {
    let suffix = format!(" at line {line} column {column}");
    let message = message.strip_suffix(suffix.as_str()).unwrap_or(message);
    problem(
        "$",
        format!("JSON syntax error at line {line}, column {column}: {message}"),
    )
}

/// Every problem in the tree, in document order; empty when the tree will
/// decode into a [`Dataset`] that is consistent.
pub fn validate(tree: &Json) -> Vec<Problem> {
    validate_with_warnings(tree).0
}

/// The problems, and the warnings: reader-facing English without its Urdu
/// (the app shows the English, marked as such; `validate-data` lists them).
pub fn validate_with_warnings(tree: &Json) -> (Vec<Problem>, Vec<Problem>) {
    let mut walker = Walker::new(tree);
    walker.object(&Trail::root(tree), &DATASET);
    (walker.out, walker.warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_without_urdu_is_a_warning_with_its_path() {
        let claim = |extra: Vec<(String, Json)>| {
            let mut fields = vec![
                ("claim".to_string(), Json::String("Signed \"between the two governments\"".into())),
                ("sources".to_string(), Json::Array(vec![])),
            ];
            fields.extend(extra);
            Json::Object(fields)
        };
        let tree = Json::Object(vec![(
            "disputes".into(),
            Json::Array(vec![Json::Object(vec![
                ("topic".into(), Json::String("framing".into())),
                ("topic_ur".into(), Json::String(" ".into())),
                (
                    "versions".into(),
                    Json::Array(vec![
                        claim(vec![]),
                        claim(vec![("quote_en".into(), Json::Bool(true))]),
                        claim(vec![("claim_ur".into(), Json::String("دونوں حکومتوں کے درمیان".into()))]),
                    ]),
                ),
            ])]),
        )]);
        let rec = schema::Rec { fields: &[schema::F("disputes", schema::Need::Def, schema::DISPUTES)], order: None };
        let mut walker = Walker::new(&tree);
        walker.object(&Trail::root(&tree), &rec);
        let warnings: Vec<String> = walker.warnings.iter().map(Problem::to_string).collect();
        assert_eq!(
            warnings,
            [
                "$.disputes[0]: no Urdu for \"topic\": add \"topic_ur\"",
                "$.disputes[0].versions[0]: no Urdu for \"claim\": add \"claim_ur\", or \"quote_en\": true for a claim quoted word for word from English",
            ]
        );
        assert!(walker.out.is_empty(), "{:?}", walker.out);
    }

    #[test]
    fn syntax_problems_say_where_once() {
        let p = syntax_problem("trailing comma at line 2 column 3", 2, 3);
        assert_eq!(
            p.message,
            "JSON syntax error at line 2, column 3: trailing comma"
        );
    }

    #[test]
    fn reports_every_problem_of_a_wrong_tree() {
        let tree = Json::Object(vec![
            ("meta".into(), Json::Number(3.0)),
            ("sources".into(), Json::Object(vec![])),
        ]);
        let problems: Vec<String> = validate(&tree).iter().map(Problem::to_string).collect();
        assert!(problems.contains(&"$.meta: expected an object, found a number 3".to_string()));
        assert!(problems.contains(&"$.sources: expected an array, found an object".to_string()));
        assert!(problems.contains(&"$: missing required field \"deals\"".to_string()));
        assert_eq!(problems.len(), 2 + 6, "{problems:#?}");
        assert_eq!(validate(&Json::Null).len(), 1);
    }
}
