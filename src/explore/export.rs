//! CSV (RFC 4180) and JSON exports of the filtered records. Pure text
//! building; the UI only hands the text to the browser as a download.
//!
//! Both exports share one flat row shape: named cells that are text, an
//! optional number, or a list (CSV joins lists with "; ", JSON keeps arrays).

use super::{Index, RecordView};
use crate::data::model::Dataset;
use crate::state::vocab::{Lang, Records};

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(Option<f64>),
    List(Vec<String>),
}

type Row = Vec<(&'static str, Cell)>;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn opt(s: Option<&str>) -> Cell {
    text(s.unwrap_or(""))
}

/// The row of one record. Deals and events share every column but their own
/// few (a deal's kind, status and value; an event's end date and deal).
fn row(ds: &Dataset, r: RecordView) -> Row {
    let (parties, minerals) = r.names(ds, Lang::En);
    let (date, end_date) = r.dates();
    let mut row = vec![("id", text(r.id())), ("title", text(r.title().0))];
    match r {
        RecordView::Deal(d) => row.extend([
            ("date", opt(date)),
            ("date_note", opt(d.date_note.as_deref())),
            ("kind", text(&d.kind)),
            ("category", text(r.category())),
            ("status", text(&d.status)),
            ("value_usd", Cell::Number(r.value())),
            ("value_meaning", text(&d.value.meaning)),
        ]),
        RecordView::Event(e) => row.extend([
            ("date", opt(date)),
            ("end_date", opt(end_date)),
            ("category", text(r.category())),
            ("deal_id", opt(e.deal_id.as_deref())),
        ]),
    }
    let urls = r.sources().iter().map(|id| ds.source(id).map_or_else(|| id.clone(), |s| s.url.clone()));
    row.extend([
        ("parties", Cell::List(parties)),
        ("minerals", Cell::List(minerals)),
        ("countries", Cell::List(r.countries().to_vec())),
        ("confidence", text(r.confidence().id())),
        ("confidence_note", opt(r.confidence_note().map(|(en, _)| en))),
        (r.text_field(), text(r.text().0)),
        ("sources", Cell::List(urls.collect())),
    ]);
    row
}

/// The columns of each kind's rows, in order: the CSV header, also of an
/// empty export (tested against `row`).
pub fn columns(kind: Records) -> &'static [&'static str] {
    match kind {
        Records::Deals => &[
            "id", "title", "date", "date_note", "kind", "category", "status", "value_usd", "value_meaning", "parties",
            "minerals", "countries", "confidence", "confidence_note", "summary", "sources",
        ],
        Records::Events => &[
            "id", "title", "date", "end_date", "category", "deal_id", "parties", "minerals", "countries", "confidence",
            "confidence_note", "description", "sources",
        ],
    }
}

/// The rows of the given record positions, in that order.
pub fn rows(ds: &Dataset, ix: &Index, positions: &[u32]) -> Vec<Row> {
    positions
        .iter()
        .filter_map(|&p| ix.records.get(p as usize))
        .filter_map(|r| RecordView::at(ds, ix.kind, r.source as usize))
        .map(|r| row(ds, r))
        .collect()
}

/// A number as plain decimal text (whole numbers without ".0"); non-finite is empty.
fn number(v: Option<f64>) -> Option<String> {
    v.filter(|v| v.is_finite()).map(|v| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    })
}

/// One CSV field: formula-like text neutralised with a leading `'`, then
/// quoted when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    let risky = matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// RFC 4180: a header row, CRLF line ends. Numbers are written as digits
/// (never neutralised: a negative value stays a number).
pub fn csv(rows: &[Row], kind: Records) -> String {
    let header = columns(kind);
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|(_, c)| match c {
                Cell::Text(s) => csv_field(s),
                Cell::Number(v) => number(*v).unwrap_or_default(),
                Cell::List(l) => csv_field(&l.join("; ")),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Control characters, and the two that break JavaScript string literals.
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON array of objects, one per row, two-space indented.
pub fn json(rows: &[Row]) -> String {
    let objects: Vec<String> = rows
        .iter()
        .map(|row| {
            let fields: Vec<String> = row
                .iter()
                .map(|(k, c)| {
                    let v = match c {
                        Cell::Text(s) => json_string(s),
                        Cell::Number(v) => number(*v).unwrap_or_else(|| "null".into()),
                        Cell::List(l) => {
                            format!(
                                "[{}]",
                                l.iter()
                                    .map(|s| json_string(s))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }
                    };
                    format!("    {}: {v}", json_string(k))
                })
                .collect();
            format!("  {{\n{}\n  }}", fields.join(",\n"))
        })
        .collect();
    if objects.is_empty() {
        "[]\n".into()
    } else {
        format!("[\n{}\n]\n", objects.join(",\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explore::synth;

    fn check(input: &str, expected: &str) {
        assert_eq!(csv_field(input), expected, "{input:?}");
    }

    #[test]
    fn rows_have_their_kinds_columns_in_order() {
        let ds = synth::dataset(5, 2);
        for kind in [Records::Deals, Records::Events] {
            let ix = Index::build(&ds, kind);
            for row in rows(&ds, &ix, &[0, 1, 2]) {
                let names: Vec<&str> = row.iter().map(|(name, _)| *name).collect();
                assert_eq!(names, columns(kind), "{kind:?}");
            }
            assert_eq!(csv(&[], kind), format!("{}\r\n", columns(kind).join(",")));
        }
    }

    #[test]
    fn csv_fields_are_quoted_and_neutralised() {
        check("plain", "plain");
        check("a,b", "\"a,b\"");
        check("say \"hi\"", "\"say \"\"hi\"\"\"");
        check("two\nlines", "\"two\nlines\"");
        check("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
        check("+1", "'+1");
        check("-2", "'-2");
        check("@SUM(A1)", "'@SUM(A1)");
        check("\tx", "'\tx");
        check("São Tomé, معدنیات", "\"São Tomé, معدنیات\"");
        check("a=b", "a=b");
    }

    #[test]
    fn json_strings_escape_what_they_must() {
        assert_eq!(
            json_string("a\"b\\c\nd\u{1}\u{2028}é"),
            "\"a\\\"b\\\\c\\nd\\u0001\\u2028é\""
        );
    }

    #[test]
    fn exports_have_a_header_and_one_line_per_record() {
        let ds = synth::dataset(5, 3);
        let ix = Index::build(&ds, Records::Deals);
        let r = rows(&ds, &ix, &[2, 0]);
        let text = csv(&r, Records::Deals);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines.first().copied(), Some("id,title,date,date_note,kind,category,status,value_usd,value_meaning,parties,minerals,countries,confidence,confidence_note,summary,sources"));
        assert!(lines.get(1).is_some_and(|l| l.starts_with("deal-2,")));
        assert!(lines.get(2).is_some_and(|l| l.starts_with("deal-0,")));
        assert_eq!(lines.len(), 4, "header, two rows, and the final CRLF");
        assert!(text.ends_with("\r\n"));
        let j = json(&r);
        assert!(j.starts_with("[\n  {\n    \"id\": \"deal-2\""), "{j}");
        assert_eq!(j.matches("\"id\":").count(), 2);
        assert_eq!(json(&[]), "[]\n");
        // An empty export still names its columns.
        assert!(csv(&[], Records::Events).starts_with("id,title,date,end_date,category"));
    }

    #[test]
    fn numbers_are_plain_and_missing_ones_empty_or_null() {
        assert_eq!(number(Some(5e8)), Some("500000000".into()));
        assert_eq!(number(Some(1.5)), Some("1.5".into()));
        assert_eq!(number(Some(f64::NAN)), None);
        let row = vec![
            ("v", Cell::Number(None)),
            ("l", Cell::List(vec!["a".into(), "=b".into()])),
        ];
        assert_eq!(
            csv(std::slice::from_ref(&row), Records::Deals)
                .lines()
                .nth(1),
            Some(",a; =b")
        );
        assert!(json(&[row]).contains("\"v\": null"));
    }
}
