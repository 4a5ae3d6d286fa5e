//! Marks and labels for the visible window: one lane per event category,
//! and labels placed greedily in date order into a few rows per lane. A label
//! that would overlap another is not drawn at this zoom (the event stays in
//! the list). Invariant: placed labels never overlap.

use super::scale::Scale;
use super::Item;

/// Label geometry, in px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelStyle {
    /// Label rows under each lane's marks.
    pub rows: u8,
    /// Space kept between two labels in a row.
    pub gap: f64,
    /// Distance from a mark's x to its label's start.
    pub offset: f64,
}

impl LabelStyle {
    /// The view's style (and the benchmarks'): two rows per lane.
    pub const VIEW: LabelStyle = LabelStyle { rows: 2, gap: 10.0, offset: -5.0 };
}

/// One visible event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// Index into the items.
    pub item: usize,
    pub lane: u8,
    /// Start and end x (equal for a single day).
    pub x: f64,
    pub x_end: f64,
    /// The label's row, where it could be placed.
    pub row: Option<u8>,
}

impl Mark {
    /// The label's extent `[start, end)` in x, for a label `width` px wide.
    pub fn label_span(&self, style: &LabelStyle, width: f64) -> (f64, f64) {
        let start = self.x + style.offset;
        (start, start + width)
    }
}

/// The marks of the items visible in `scale`, with label rows assigned.
/// `widths[i]` is the estimated label width of item `i` (see `label_width`).
pub fn place(items: &[Item], widths: &[f64], scale: &Scale, style: &LabelStyle) -> Vec<Mark> {
    // Per lane, per row: where the last placed label ends.
    let mut row_end = vec![f64::NEG_INFINITY; super::LANES * usize::from(style.rows)];
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if !scale.shows(it.start as f64, it.end as f64) {
            continue;
        }
        let x = scale.x(it.start as f64);
        let x_end = scale.x(it.end as f64 + 1.0).max(x);
        let mut mark = Mark {
            item: i,
            lane: it.lane,
            x,
            x_end,
            row: None,
        };
        let width = widths.get(i).copied().unwrap_or(0.0);
        let (start, end) = mark.label_span(style, width);
        // Only labels that start inside the window and have some width.
        if width > 0.0 && start >= 0.0 && start < scale.width {
            let lane = usize::from(it.lane) * usize::from(style.rows);
            for r in 0..style.rows {
                if let Some(last) = row_end.get_mut(lane + usize::from(r)) {
                    if start >= *last + style.gap {
                        *last = end;
                        mark.row = Some(r);
                        break;
                    }
                }
            }
        }
        out.push(mark);
    }
    out
}

/// A conservative label width: characters shown (at most `max_chars`, the rest
/// elided) times a per-character width that over-estimates the font's.
pub fn label_width(text: &str, max_chars: usize, char_px: f64) -> f64 {
    text.chars().count().min(max_chars) as f64 * char_px
}

/// The label text shown: at most `max_chars` characters, elided with "…".
pub fn elide(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    s.truncate(s.trim_end().len());
    s.push('…');
    s
}
