//! A map's marks and labels for one projection: what the Map view draws.

use super::label::{self, Label, LabelStyle, Site};
use super::path::{circle, Shape};
use super::project::Projection;
use super::{LonLat, Point};

/// One place to draw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceMark<'a> {
    pub at: LonLat,
    pub shape: Shape,
    /// An approximate place's radius: drawn as an area, not a pin.
    pub radius_km: Option<f64>,
    pub label: &'a str,
    pub priority: u32,
}

/// Sizes, units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapStyle {
    /// A mark's radius.
    pub mark: f64,
    /// The smallest radius an area is drawn with (a small area at a small width
    /// would vanish).
    pub min_area: f64,
    /// Width per label character, over-estimated.
    pub char_px: f64,
    pub label: LabelStyle,
}

/// A drawn mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// Index into the places given.
    pub place: usize,
    pub at: Point,
    /// The mark's outline, or the area's circle.
    pub path: String,
    pub area: bool,
}

/// What a map shows: marks (places inside the viewport) and their labels
/// (`Label::site` indexes `marks`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    pub marks: Vec<Drawn>,
    pub labels: Vec<Label>,
}

impl Layout {
    /// The label of a mark, if it could be placed.
    pub fn label_of(&self, mark: usize) -> Option<&Label> {
        self.labels.iter().find(|l| l.site == mark)
    }
}

pub fn layout(places: &[PlaceMark], proj: &Projection, style: &MapStyle, rtl: bool) -> Layout {
    let view = proj.viewport();
    let mut marks = Vec::new();
    let mut sites = Vec::new();
    for (i, p) in places.iter().enumerate() {
        let at = proj.point(p.at);
        if !(at.x >= view.x && at.x <= view.right() && at.y >= view.y && at.y <= view.bottom()) {
            continue;
        }
        let area = p.radius_km.map(|km| proj.km(km).max(style.min_area));
        let path = match area {
            Some(r) => circle(at, r),
            None => p.shape.path(at, style.mark),
        };
        marks.push(Drawn { place: i, at, path, area: area.is_some() });
        sites.push(Site {
            at,
            mark: if area.is_some() { 0.0 } else { style.mark },
            reach: area.unwrap_or(style.mark),
            width: label::label_width(p.label, style.char_px),
            priority: p.priority,
            area: area.is_some(),
        });
    }
    let labels = label::place(&sites, &view, &style.label, rtl);
    Layout { marks, labels }
}

impl MapStyle {
    /// English labels: 12 px sans-serif (style/map.css); 7 px a character
    /// over-estimates its widest words.
    pub const EN: MapStyle = MapStyle {
        mark: 7.0,
        min_area: 7.0,
        char_px: 7.0,
        label: LabelStyle { height: 16.0, gap: 3.0 },
    };
    /// Urdu labels: 14 px Naskh, taller lines, about as wide per character.
    pub const UR: MapStyle = MapStyle {
        label: LabelStyle { height: 24.0, gap: 3.0 },
        char_px: 7.5,
        ..MapStyle::EN
    };
}
