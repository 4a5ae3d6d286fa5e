//! Label placement: each place's label goes to the first of a few positions
//! around its mark that stays inside the map and clear of every label placed
//! before it and of every mark; places go in priority order (greedy, as the
//! timeline places its labels in date order). A label with no free position is
//! not drawn at this size or zoom: its mark stays and the place stays in the
//! list "Places", so nothing is lost, only its name on the picture.
//! Invariant: placed labels never overlap one another or a mark, and never
//! leave the map.

use super::{Point, Rect};

/// One mark to label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Site {
    pub at: Point,
    /// Half the size of the mark's box, units: labels keep clear of it.
    pub mark: f64,
    /// Distance from the centre to where the label may start (the mark's
    /// radius, or an approximate place's area radius).
    pub reach: f64,
    /// The label's estimated width, units (see `label_width`); 0 for no label.
    pub width: f64,
    /// Higher goes first.
    pub priority: u32,
    /// An approximate place: its label may sit on the middle of its area.
    pub area: bool,
}

/// Label geometry, units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelStyle {
    /// A label's height (its line box).
    pub height: f64,
    /// Space between a mark's reach and its label.
    pub gap: f64,
}

/// Where a label sits relative to its mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Centre,
    After,
    Before,
    Above,
    Below,
    AboveAfter,
    BelowAfter,
    AboveBefore,
    BelowBefore,
}

/// The positions tried, in order. "After" is the side the text runs towards
/// from the mark: the right in English, the left in Urdu (the map itself is
/// never mirrored, only the labels' preference).
const ORDER: [Side; 8] = [
    Side::After,
    Side::Before,
    Side::Above,
    Side::Below,
    Side::AboveAfter,
    Side::BelowAfter,
    Side::AboveBefore,
    Side::BelowBefore,
];

/// A placed label: which site, where, and the box the text takes (draw it
/// centred in the box: `text-anchor: middle`, whichever the text's direction).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub site: usize,
    pub side: Side,
    pub rect: Rect,
}

impl Label {
    /// The text's anchor: the centre of its box.
    pub fn centre(&self) -> Point {
        Point { x: self.rect.x + self.rect.width / 2.0, y: self.rect.y + self.rect.height / 2.0 }
    }
}

/// A label's box on `side` of `site`; `rtl` swaps after and before.
fn candidate(site: &Site, side: Side, style: &LabelStyle, rtl: bool) -> Rect {
    let (w, h) = (site.width, style.height);
    let d = site.reach + style.gap;
    // The diagonal positions sit at 45° on the reach circle.
    let diag = d * std::f64::consts::FRAC_1_SQRT_2;
    let Point { x, y } = site.at;
    let after = |dx: f64| if rtl { x - dx - w } else { x + dx };
    let before = |dx: f64| if rtl { x + dx } else { x - dx - w };
    let (left, top) = match side {
        Side::Centre => (x - w / 2.0, y - h / 2.0),
        Side::After => (after(d), y - h / 2.0),
        Side::Before => (before(d), y - h / 2.0),
        Side::Above => (x - w / 2.0, y - d - h),
        Side::Below => (x - w / 2.0, y + d),
        Side::AboveAfter => (after(diag), y - diag - h),
        Side::BelowAfter => (after(diag), y + diag),
        Side::AboveBefore => (before(diag), y - diag - h),
        Side::BelowBefore => (before(diag), y + diag),
    };
    Rect { x: left, y: top, width: w, height: h }
}

/// The box of a site's mark.
fn mark_box(site: &Site) -> Rect {
    Rect { x: site.at.x - site.mark, y: site.at.y - site.mark, width: 2.0 * site.mark, height: 2.0 * site.mark }
}

/// Labels for `sites` inside `bounds`, at most one per site, in the sites'
/// priority order (ties: the order given).
pub fn place(sites: &[Site], bounds: &Rect, style: &LabelStyle, rtl: bool) -> Vec<Label> {
    let marks: Vec<Rect> = sites.iter().map(mark_box).collect();
    // Through the explorer's one sort (ties by position): no sort of its own in the map's part.
    let priority = |i: usize| sites.get(i).map_or(0, |s| s.priority);
    let order = crate::explore::order::positions_by(sites.len(), &|a, b| priority(b).cmp(&priority(a)));
    let mut placed: Vec<Label> = Vec::new();
    for i in order.into_iter().map(|i| i as usize) {
        let Some(site) = sites.get(i) else { continue };
        if site.width.is_nan() || site.width <= 0.0 {
            continue;
        }
        let centre = site.area.then_some(Side::Centre);
        let free = centre.into_iter().chain(ORDER).map(|side| (side, candidate(site, side, style, rtl))).find(|(_, rect)| {
            bounds.contains(rect)
                && !placed.iter().any(|l| l.rect.overlaps(rect))
                // Clear of every mark; an area's centred label covers its own dot.
                && !marks.iter().enumerate().any(|(j, m)| m.overlaps(rect) && !(j == i && site.area))
        });
        if let Some((side, rect)) = free {
            placed.push(Label { site: i, side, rect });
        }
    }
    placed
}

/// A conservative width for a label of `text`: its characters times a width
/// per character that over-estimates the font's.
pub fn label_width(text: &str, char_px: f64) -> f64 {
    text.chars().count() as f64 * char_px
}
