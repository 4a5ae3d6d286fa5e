//! CSV (RFC 4180) and JSON exports of the filtered records. Pure text
//! building; the UI only hands the text to the browser as a download.
//!
//! Both exports share one flat row shape: named cells that are text, an
//! optional number, or a list (CSV joins lists with "; ", JSON keeps arrays).
//! Written for a reader who quotes them: dates as ISO days with how much of
//! each is known, countries and source outlets by name, disputes kept; the
//! file is named after the records, the filters and the day
//! (`deals-antimony-2026-12-07.csv`).

use super::{fold, option_named, Index, RecordView};
use crate::data::date::{Day, PartialDate, Precision};
use crate::data::model::{Dataset, Dispute};
use crate::state::url::AppState;
use crate::state::vocab::{Facet, Lang, Records};

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

/// A dataset date as an ISO day (the first day it covers, or with `last` the
/// last) and how much of it is known: "day", "month" or "year", "approximate"
/// before it where the dataset says so. A date the dataset cannot have (the
/// validator rejects it) is written as it stands, with no precision.
fn iso_date(date: Option<&str>, last: bool, approximate: bool) -> (Cell, Cell) {
    let Some(date) = date else { return (text(""), text("")) };
    let Some(partial) = PartialDate::parse(date) else { return (text(date), text("")) };
    let day = if last { partial.last_day() } else { partial.first_day };
    let known = match partial.precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    };
    let precision = if approximate { format!("approximate {known}") } else { known.to_string() };
    (text(&day.to_string()), Cell::Text(precision))
}

/// Each disputed point as one text: "topic: claim (outlet) | other claim (outlet)".
fn disputes(ds: &Dataset, disputes: &[Dispute]) -> Cell {
    Cell::List(
        disputes
            .iter()
            .map(|d| {
                let versions: Vec<String> = d
                    .versions
                    .iter()
                    .map(|v| {
                        let outlets: Vec<&str> = v.sources.iter().filter_map(|id| ds.source(id)).map(|s| s.publisher.as_str()).collect();
                        if outlets.is_empty() {
                            v.claim.clone()
                        } else {
                            format!("{} ({})", v.claim, outlets.join(", "))
                        }
                    })
                    .collect();
                format!("{}: {}", d.topic, versions.join(" | "))
            })
            .collect(),
    )
}

/// The row of one record. Deals and events share every column but their own
/// few (a deal's kind, status and value; an event's end date and deal).
fn row(ds: &Dataset, r: RecordView) -> Row {
    let (parties, minerals) = r.names(ds, Lang::En);
    let (date, end_date) = r.dates();
    let mut row = vec![("id", text(r.id())), ("title", text(r.title().0))];
    match r {
        RecordView::Deal(d) => {
            let (date, precision) = iso_date(date, false, false);
            row.extend([
                ("date", date),
                ("date_precision", precision),
                ("date_note", opt(d.date_note.as_deref())),
                ("kind", text(&d.kind)),
                ("category", text(r.category())),
                ("status", text(&d.status)),
                ("value_usd", Cell::Number(r.value())),
                ("value_meaning", text(&d.value.meaning)),
            ])
        }
        RecordView::Event(e) => {
            let (date, precision) = iso_date(date, false, e.date_approx);
            let (end_date, _) = iso_date(end_date, true, false);
            row.extend([
                ("date", date),
                ("date_precision", precision),
                ("end_date", end_date),
                ("category", text(r.category())),
                ("deal_id", opt(e.deal_id.as_deref())),
            ])
        }
    }
    let countries = r.countries().iter().map(|code| {
        crate::i18n::explorer::text(Lang::En).country(code).map_or_else(|| code.clone(), str::to_string)
    });
    let sources: Vec<_> = r.sources().iter().map(|id| (id, ds.source(id))).collect();
    // An id the dataset does not list keeps its place in both columns.
    let outlets = sources.iter().map(|(_, s)| s.map_or_else(String::new, |s| s.publisher.clone()));
    let urls = sources.iter().map(|(id, s)| s.map_or_else(|| id.to_string(), |s| s.url.clone()));
    row.extend([
        ("parties", Cell::List(parties)),
        ("minerals", Cell::List(minerals)),
        ("countries", Cell::List(countries.collect())),
        ("confidence", text(r.confidence().id())),
        ("confidence_note", opt(r.confidence_note().map(|(en, _)| en))),
        (r.text_field(), text(r.text().0)),
        ("disputes", disputes(ds, r.disputes())),
        ("source_outlets", Cell::List(outlets.collect())),
        ("sources", Cell::List(urls.collect())),
    ]);
    row
}

/// A file-name word: folded (lower case, no accents), runs of anything but
/// letters and digits as one `-`.
fn slug(s: &str) -> String {
    let folded = fold(s);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.join("-")
}

/// The longest filter part of a file name, in characters (the date and records stay whole).
const MAX_FILTER_NAME: usize = 60;

/// The export's file name: the records, the filters the index knows
/// (minerals by name, other options by id without its prefix, the search
/// words) and the reader's day, e.g. `deals-antimony-2026-12-07.csv`.
pub fn file_name(ds: &Dataset, ix: &Index, state: &AppState, today: Day, extension: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for facet in Facet::ALL {
        for id in state.selected(facet) {
            let Some(option) = ix.options(facet).iter().find(|o| option_named(facet, o, id)) else { continue };
            let word = match facet {
                Facet::Mineral => ds.mineral(option).map_or_else(|| slug(option), |m| slug(&m.name)),
                Facet::Party | Facet::Place => slug(option.split_once('-').map_or(option.as_str(), |(_, bare)| bare)),
                _ => slug(option),
            };
            words.push(word);
        }
    }
    // The search's words one by one, so a long search is cut between words.
    words.extend(slug(&state.q).split('-').map(str::to_string));
    words.retain(|w| !w.is_empty());
    let mut filters = String::new();
    for word in words {
        if filters.chars().count() + word.chars().count() + 1 > MAX_FILTER_NAME {
            break;
        }
        filters.push('-');
        filters.push_str(&word);
    }
    format!("{}{filters}-{today}.{extension}", ix.kind.id())
}

/// The columns of each kind's rows, in order: the CSV header, also of an
/// empty export (tested against `row`).
pub fn columns(kind: Records) -> &'static [&'static str] {
    match kind {
        Records::Deals => &[
            "id", "title", "date", "date_precision", "date_note", "kind", "category", "status", "value_usd",
            "value_meaning", "parties", "minerals", "countries", "confidence", "confidence_note", "summary", "disputes",
            "source_outlets", "sources",
        ],
        Records::Events => &[
            "id", "title", "date", "date_precision", "end_date", "category", "deal_id", "parties", "minerals",
            "countries", "confidence", "confidence_note", "description", "disputes", "source_outlets", "sources",
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
            crate::i18n::numbers::decimal(v).unwrap_or_default()
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
    format!("\"{}\"", crate::data::json_text::escaped(s))
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
        assert_eq!(lines.first().copied(), Some("id,title,date,date_precision,date_note,kind,category,status,value_usd,value_meaning,parties,minerals,countries,confidence,confidence_note,summary,disputes,source_outlets,sources"));
        assert!(lines.get(1).is_some_and(|l| l.starts_with("deal-2,")));
        assert!(lines.get(2).is_some_and(|l| l.starts_with("deal-0,")));
        assert_eq!(lines.len(), 4, "header, two rows, and the final CRLF");
        assert!(text.ends_with("\r\n"));
        let j = json(&r);
        assert!(j.starts_with("[\n  {\n    \"id\": \"deal-2\""), "{j}");
        assert_eq!(j.matches("\"id\":").count(), 2);
        assert_eq!(json(&[]), "[]\n");
        // An empty export still names its columns.
        assert!(csv(&[], Records::Events).starts_with("id,title,date,date_precision,end_date,category"));
    }

    /// The named cell of a row.
    fn cell<'r>(row: &'r Row, name: &str) -> Option<&'r Cell> {
        row.iter().find(|(n, _)| *n == name).map(|(_, c)| c)
    }

    fn words(list: &[&str]) -> Cell {
        Cell::List(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn dates_are_iso_days_with_their_precision() {
        assert_eq!(iso_date(Some("2025-09-08"), false, false), (text("2025-09-08"), text("day")));
        assert_eq!(iso_date(Some("2025-10"), false, false), (text("2025-10-01"), text("month")));
        assert_eq!(iso_date(Some("2024-02"), true, false), (text("2024-02-29"), text("month")));
        assert_eq!(iso_date(Some("2025"), false, true), (text("2025-01-01"), text("approximate year")));
        assert_eq!(iso_date(Some("2025"), true, false).0, text("2025-12-31"));
        assert_eq!(iso_date(None, false, false), (text(""), text("")));
        assert_eq!(iso_date(Some("soon"), false, false), (text("soon"), text("")));
    }

    #[test]
    fn rows_name_countries_and_outlets_and_keep_disputes() {
        let mut ds = synth::dataset(4, 7);
        let mut second = ds.sources[0].clone();
        second.id = "src-1".into();
        second.publisher = "Reuters".into();
        second.url = "https://example.org/r".into();
        ds.sources.push(second);
        let deal = &mut ds.deals[0];
        deal.date = Some("2025-09".into());
        deal.countries = vec!["PK".into(), "US".into(), "XX".into()];
        deal.sources = vec!["src-1".into(), "src-gone".into(), "src-0".into()];
        deal.disputes = vec![Dispute {
            topic: "Value".into(),
            topic_ur: None,
            versions: vec![
                crate::data::model::DisputeVersion {
                    claim: "$500m".into(),
                    claim_ur: None,
                    quote_en: false,
                    sources: vec!["src-1".into(), "src-0".into()],
                },
                crate::data::model::DisputeVersion { claim: "no figure".into(), claim_ur: None, quote_en: false, sources: vec![] },
            ],
        }];
        let ix = Index::build(&ds, Records::Deals);
        let position = ix.records.iter().position(|r| r.source == 0).unwrap_or(usize::MAX) as u32;
        let rows = rows(&ds, &ix, &[position]);
        let row = rows.first().expect("the deal's row");
        assert_eq!(cell(row, "date"), Some(&text("2025-09-01")));
        assert_eq!(cell(row, "date_precision"), Some(&text("month")));
        assert_eq!(cell(row, "countries"), Some(&words(&["Pakistan", "United States", "XX"])));
        // Outlets beside their URLs, in the same order; an unknown source keeps its place.
        assert_eq!(cell(row, "source_outlets"), Some(&words(&["Reuters", "", "Nobody"])));
        let url0 = ds.sources[0].url.clone();
        assert_eq!(cell(row, "sources"), Some(&words(&["https://example.org/r", "src-gone", &url0])));
        assert_eq!(cell(row, "disputes"), Some(&words(&["Value: $500m (Reuters, Nobody) | no figure"])));
        let text = csv(&rows, Records::Deals);
        assert!(text.contains(",\"Value: $500m (Reuters, Nobody) | no figure\","), "{text}");
    }

    #[test]
    fn file_names_say_records_filters_and_day() {
        let mut ds = synth::dataset(30, 2);
        ds.minerals[0].id = "min-antimony".into();
        ds.minerals[0].name = "Antimony".into();
        ds.minerals[1].name = "Rare-earth élements".into();
        for d in ds.deals.iter_mut().take(2) {
            d.mineral_ids = vec![ds.minerals[0].id.clone(), ds.minerals[1].id.clone()];
        }
        ds.events[0].mineral_ids = vec![ds.minerals[0].id.clone()];
        let day = Day::new(2026, 12, 7).expect("a day");
        let deals = Index::build(&ds, Records::Deals);
        let name = |q: &str| file_name(&ds, &deals, &AppState::parse(q), day, "csv");
        assert_eq!(name(""), "deals-2026-12-07.csv");
        assert_eq!(name("mineral=antimony"), "deals-antimony-2026-12-07.csv");
        let both = format!("mineral=min-antimony,{}&country=PK&q=Big+Deal%21", ds.minerals[1].id);
        assert_eq!(name(&both), "deals-antimony-rare-earth-elements-pk-big-deal-2026-12-07.csv");
        // What the index does not know names nothing.
        assert_eq!(name("mineral=unobtainium&party=org-nobody"), "deals-2026-12-07.csv");
        let party = deals.options(Facet::Party).first().cloned().unwrap_or_default();
        assert_eq!(name(&format!("party={party}")), format!("deals-{}-2026-12-07.csv", party.trim_start_matches("org-")));
        // Long filters stop at a whole word.
        let long = name(&format!("q={}", "word ".repeat(40)));
        assert!(long.starts_with("deals-word-word") && long.ends_with("-word-2026-12-07.csv"), "{long}");
        assert!(long.len() <= "deals".len() + MAX_FILTER_NAME + "-2026-12-07.csv".len(), "{long}");
        let events = Index::build(&ds, Records::Events);
        assert_eq!(
            file_name(&ds, &events, &AppState::parse("records=events&mineral=antimony"), day, "json"),
            "events-antimony-2026-12-07.json"
        );
    }

    #[test]
    fn numbers_are_plain_and_missing_ones_empty_or_null() {
        assert_eq!(number(Some(5e8)), Some("500000000".into()));
        assert_eq!(number(Some(1.5)), Some("1.5".into()));
        assert_eq!(number(Some(-2.5e-7)), Some("-0.00000025".into()));
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
