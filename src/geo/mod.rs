//! The map's geometry, pure: a projection for Pakistan (`project`), boundary
//! rings and marks as SVG path data (`path`), label placement without overlaps
//! (`label`) and which places a filtered map shows (`show`). The Map view only
//! draws what these return; nothing here knows of the browser.

pub mod angle;
pub mod boundary;
pub mod label;
pub mod layout;
pub mod path;
pub mod places;
pub mod project;
pub mod show;

#[cfg(test)]
mod tests;

/// A position on the earth, WGS84 degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A position on the map, SVG units (px at the width the map was fitted to;
/// y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned box on the map, SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// Whether `other` lies wholly inside this box.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x && other.y >= self.y && other.right() <= self.right() && other.bottom() <= self.bottom()
    }
}

/// A box in degrees: west/east longitudes, south/north latitudes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl GeoBox {
    /// The smallest box holding every point; `None` for no (finite) points.
    pub fn around(points: impl IntoIterator<Item = LonLat>) -> Option<GeoBox> {
        points
            .into_iter()
            .filter(|p| p.lon.is_finite() && p.lat.is_finite())
            .fold(None, |acc: Option<GeoBox>, p| {
                let b = GeoBox { west: p.lon, south: p.lat, east: p.lon, north: p.lat };
                Some(acc.map_or(b, |a| a.union(&b)))
            })
    }

    /// The box of boundary rings (`[[lon, lat], …]` each), as the boundary file holds them.
    pub fn of_rings(rings: &[Vec<[f64; 2]>]) -> Option<GeoBox> {
        GeoBox::around(rings.iter().flatten().map(|&[lon, lat]| LonLat { lon, lat }))
    }

    pub fn union(&self, other: &GeoBox) -> GeoBox {
        GeoBox {
            west: self.west.min(other.west),
            south: self.south.min(other.south),
            east: self.east.max(other.east),
            north: self.north.max(other.north),
        }
    }

    /// The box grown by `degrees` on every side.
    pub fn padded(&self, degrees: f64) -> GeoBox {
        GeoBox {
            west: self.west - degrees,
            south: self.south - degrees,
            east: self.east + degrees,
            north: self.north + degrees,
        }
    }

    pub fn contains(&self, p: LonLat) -> bool {
        (self.west..=self.east).contains(&p.lon) && (self.south..=self.north).contains(&p.lat)
    }
}
