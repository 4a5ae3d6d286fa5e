//! The chart's eras, ticks and event marks as SVG markup, written in one pass.
//!
//! Why text: the first render of the timeline places about 130 marks of three
//! or four elements each, and every zoom or pan moves all of them. Created node by node from wasm, each element and
//! attribute is a call into the browser; the browser parses the same marks
//! from one string in a fraction of that time. The chart is hidden from
//! assistive technology and its marks hold no listeners (the chart has one,
//! which reads `data-event`), so nothing is lost by writing them as text.
//!
//! Every text from the data goes through `escape`; numbers are written to a
//! tenth (`Tenths`: no float printing in the part) and a mark with a non-finite
//! coordinate is left out.

use std::fmt::Write;

use crate::i18n::numbers::Tenths;

/// Whether every coordinate is a number the SVG can take (no NaN, no infinity):
/// an element with one that is not is left out.
fn finite(coordinates: &[f64]) -> bool {
    coordinates.iter().all(|v| v.is_finite())
}

/// One event mark: its shape, an optional bar for a date range, an optional label.
#[derive(Clone, Copy, Debug)]
pub struct MarkSvg<'a> {
    /// The event's position in the dataset (`data-event`, read by the chart's listener).
    pub event: usize,
    pub lane: u8,
    /// The marker's centre.
    pub x: f64,
    pub y: f64,
    /// The other end of a date range's bar, in x.
    pub range_to: Option<f64>,
    /// The marker's outline (a path centred on 0,0).
    pub shape: &'a str,
    /// An approximate date: drawn hollow.
    pub hollow: bool,
    /// Selected or the list's tab stop: highlighted.
    pub hot: bool,
    pub label: Option<LabelSvg<'a>>,
}

/// A mark's label: where its text starts, and whether it is the English
/// fallback of a missing translation (then it says so with `lang="en"`).
#[derive(Clone, Copy, Debug)]
pub struct LabelSvg<'a> {
    pub x: f64,
    pub y: f64,
    pub text: &'a str,
    pub english: bool,
}

/// Text as it may stand in SVG text content and in a quoted attribute value.
pub fn escape(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some((i, c)) = rest.char_indices().find(|(_, c)| matches!(c, '&' | '<' | '>' | '"' | '\'')) {
        let (plain, tail) = rest.split_at(i);
        out.push_str(plain);
        out.push_str(match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            _ => "&#39;",
        });
        rest = tail.get(1..).unwrap_or("");
    }
    out.push_str(rest);
}

/// An axis tick: a line down the chart and its date.
#[derive(Clone, Copy, Debug)]
pub struct TickSvg<'a> {
    pub x: f64,
    /// Where the date starts (beside the line, on the reading side).
    pub label_x: f64,
    pub label_y: f64,
    /// From the axis to the bottom of the chart.
    pub y1: f64,
    pub y2: f64,
    pub text: &'a str,
}

impl TickSvg<'_> {
    pub fn write(&self, out: &mut String) {
        if !finite(&[self.x, self.label_x, self.label_y, self.y1, self.y2]) {
            return;
        }
        let _ = write!(
            out,
            r#"<line class="de-tl-tick" x1="{x}" x2="{x}" y1="{}" y2="{}"></line><text class="de-tl-ticklabel" x="{}" y="{}">"#,
            Tenths(self.y1),
            Tenths(self.y2),
            Tenths(self.label_x),
            Tenths(self.label_y),
            x = Tenths(self.x)
        );
        escape(out, self.text);
        out.push_str("</text>");
    }
}

/// A tariff era's band: its description as the band's tooltip, its rate
/// written in the band where it fits.
#[derive(Clone, Copy, Debug)]
pub struct EraSvg<'a> {
    /// Alternating shades: the era's position, odd or even.
    pub shade: usize,
    pub x: f64,
    pub width: f64,
    pub y: f64,
    pub height: f64,
    pub description: &'a str,
    /// The rate, where the band is wide enough for it: centred, `label_y` down.
    pub label: Option<&'a str>,
    pub label_y: f64,
}

impl EraSvg<'_> {
    pub fn write(&self, out: &mut String) {
        if !finite(&[self.x, self.width, self.y, self.height, self.label_y]) {
            return;
        }
        let _ = write!(
            out,
            r#"<g class="de-tl-era de-tl-era{}"><title>"#,
            self.shade % 2
        );
        escape(out, self.description);
        let _ = write!(
            out,
            r#"</title><rect x="{}" width="{}" y="{}" height="{}"></rect>"#,
            Tenths(self.x),
            Tenths(self.width.max(1.0)),
            Tenths(self.y),
            Tenths(self.height)
        );
        if let Some(label) = self.label {
            let _ = write!(
                out,
                r#"<text class="de-tl-eralabel" x="{}" y="{}" text-anchor="middle">"#,
                Tenths(self.x + self.width / 2.0),
                Tenths(self.label_y)
            );
            escape(out, label);
            out.push_str("</text>");
        }
        out.push_str("</g>");
    }
}

impl MarkSvg<'_> {
    /// Appends the mark as a `<g class="de-tl-mark …" data-event="…">`, the
    /// elements the chart drew before (bar, path, label) in the same order.
    pub fn write(&self, out: &mut String) {
        let label = self.label.map_or([0.0; 2], |l| [l.x, l.y]);
        if !finite(&[self.x, self.y, self.range_to.unwrap_or(0.0), label[0], label[1]]) {
            return;
        }
        // Writing to a String cannot fail.
        let _ = write!(out, r#"<g class="de-tl-mark de-tl-lane{}"#, self.lane);
        if self.hollow {
            out.push_str(" de-tl-hollow");
        }
        if self.hot {
            out.push_str(" de-tl-hot");
        }
        let _ = write!(out, r#"" data-event="{}">"#, self.event);
        if let Some(to) = self.range_to {
            let _ = write!(
                out,
                r#"<rect class="de-tl-range" x="{}" width="{}" y="{}" height="6"></rect>"#,
                Tenths(self.x.min(to)),
                Tenths((to - self.x).abs().max(2.0)),
                Tenths(self.y - 3.0)
            );
        }
        out.push_str(r#"<path d=""#);
        escape(out, self.shape);
        let _ = write!(
            out,
            r#"" transform="translate({},{})"></path>"#,
            Tenths(self.x),
            Tenths(self.y)
        );
        if let Some(label) = self.label {
            let _ = write!(
                out,
                r#"<text class="de-tl-label" x="{}" y="{}""#,
                Tenths(label.x),
                Tenths(label.y)
            );
            if label.english {
                out.push_str(r#" lang="en""#);
            }
            out.push('>');
            escape(out, label.text);
            out.push_str("</text>");
        }
        out.push_str("</g>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark() -> MarkSvg<'static> {
        MarkSvg {
            event: 7,
            lane: 2,
            x: 10.04,
            y: 59.0,
            range_to: None,
            shape: "M0,-7L7,5.5H-7z",
            hollow: false,
            hot: false,
            label: None,
        }
    }

    fn written(m: &MarkSvg) -> String {
        let mut out = String::new();
        m.write(&mut out);
        out
    }

    #[test]
    fn escape_leaves_plain_text_and_replaces_markup_characters() {
        let mut out = String::new();
        escape(&mut out, "Tariffs <10%> & \"duties\" aren't 'final' — اردو");
        assert_eq!(
            out,
            "Tariffs &lt;10%&gt; &amp; &quot;duties&quot; aren&#39;t &#39;final&#39; — اردو"
        );
    }

    proptest::proptest! {
        /// Escaped text holds no markup character, and reading its five
        /// entities back gives the text again.
        #[test]
        fn escaped_text_reads_back_and_holds_no_markup(text in "\\PC*") {
            let mut out = String::new();
            escape(&mut out, &text);
            proptest::prop_assert!(!out.contains(['<', '>', '"', '\'']));
            let back = out
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            proptest::prop_assert_eq!(back, text);
        }
    }

    #[test]
    fn a_plain_mark_is_a_group_with_its_shape() {
        assert_eq!(
            written(&mark()),
            r#"<g class="de-tl-mark de-tl-lane2" data-event="7"><path d="M0,-7L7,5.5H-7z" transform="translate(10,59)"></path></g>"#
        );
    }

    #[test]
    fn classes_bar_and_label_follow_the_mark() {
        let m = MarkSvg {
            hollow: true,
            hot: true,
            range_to: Some(4.0),
            label: Some(LabelSvg {
                x: 16.0,
                y: 78.0,
                text: "US & Pakistan <deal>",
                english: true,
            }),
            ..mark()
        };
        let svg = written(&m);
        assert!(
            svg.starts_with(
                r#"<g class="de-tl-mark de-tl-lane2 de-tl-hollow de-tl-hot" data-event="7">"#
            ),
            "{svg}"
        );
        // The bar runs from the smaller x, never narrower than 2 px.
        assert!(
            svg.contains(
                r#"<rect class="de-tl-range" x="4" width="6" y="56" height="6"></rect>"#
            ),
            "{svg}"
        );
        assert!(svg.contains(r#"<text class="de-tl-label" x="16" y="78" lang="en">US &amp; Pakistan &lt;deal&gt;</text>"#), "{svg}");
        let narrow = written(&MarkSvg {
            range_to: Some(10.5),
            ..mark()
        });
        assert!(narrow.contains(r#"width="2""#), "{narrow}");
    }

    #[test]
    fn a_translated_label_carries_no_lang() {
        let m = MarkSvg {
            label: Some(LabelSvg {
                x: 1.0,
                y: 2.0,
                text: "معاہدہ",
                english: false,
            }),
            ..mark()
        };
        let svg = written(&m);
        assert!(
            svg.contains(r#"<text class="de-tl-label" x="1" y="2">معاہدہ</text>"#),
            "{svg}"
        );
    }

    #[test]
    fn a_tick_is_a_line_and_its_escaped_date() {
        let mut out = String::new();
        TickSvg {
            x: 100.0,
            label_x: 97.0,
            label_y: 14.0,
            y1: 18.0,
            y2: 398.0,
            text: "<مئی> 2025",
        }
        .write(&mut out);
        assert_eq!(
            out,
            r#"<line class="de-tl-tick" x1="100" x2="100" y1="18" y2="398"></line><text class="de-tl-ticklabel" x="97" y="14">&lt;مئی&gt; 2025</text>"#
        );
    }

    #[test]
    fn an_era_is_a_band_with_its_description_and_its_rate_where_it_fits() {
        let era = EraSvg {
            shade: 3,
            x: 40.0,
            width: 0.2,
            y: 22.0,
            height: 376.0,
            description: "10% from 5 April 2025: \"reciprocal\" & baseline",
            label: None,
            label_y: 36.0,
        };
        let mut out = String::new();
        era.write(&mut out);
        // Never narrower than 1 px, so a one-day era still shows.
        assert_eq!(
            out,
            r#"<g class="de-tl-era de-tl-era1"><title>10% from 5 April 2025: &quot;reciprocal&quot; &amp; baseline</title><rect x="40" width="1" y="22" height="376"></rect></g>"#
        );
        let mut out = String::new();
        EraSvg {
            width: 80.0,
            label: Some("10%"),
            shade: 0,
            ..era
        }
        .write(&mut out);
        assert!(
            out.starts_with(r#"<g class="de-tl-era de-tl-era0">"#),
            "{out}"
        );
        assert!(out.ends_with(r#"<text class="de-tl-eralabel" x="80" y="36" text-anchor="middle">10%</text></g>"#), "{out}");
    }

    #[test]
    fn a_mark_with_a_coordinate_that_is_not_finite_is_left_out() {
        for m in [
            MarkSvg {
                x: f64::NAN,
                ..mark()
            },
            MarkSvg {
                y: f64::INFINITY,
                ..mark()
            },
            MarkSvg {
                range_to: Some(f64::NEG_INFINITY),
                ..mark()
            },
            MarkSvg {
                label: Some(LabelSvg {
                    x: f64::NAN,
                    y: 1.0,
                    text: "x",
                    english: false,
                }),
                ..mark()
            },
        ] {
            assert_eq!(written(&m), "", "{m:?}");
        }
        let mut out = String::new();
        TickSvg {
            x: f64::NAN,
            label_x: 0.0,
            label_y: 0.0,
            y1: 0.0,
            y2: 1.0,
            text: "2025",
        }
        .write(&mut out);
        EraSvg {
            shade: 0,
            x: 0.0,
            width: f64::INFINITY,
            y: 0.0,
            height: 1.0,
            description: "",
            label: None,
            label_y: 0.0,
        }
        .write(&mut out);
        assert_eq!(out, "");
    }
}
