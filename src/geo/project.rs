//! Degrees to SVG units and back.
//!
//! Why equirectangular with the scale of the middle latitude rather than a
//! conic: Pakistan spans about 24°N to 37°N, so with x scaled by cos(30.5°)
//! east–west distances are off by at most about 7% at the northern and
//! southern edges, which a locator map of a few dozen places can carry; in
//! exchange the projection is linear in each axis, so its inverse is exact,
//! a box of degrees is a box on the map (fitting and zooming to a province are
//! the same arithmetic) and the boundary file's rounding (0.01°) stays a fixed
//! step on screen. A Lambert conic would cut the 7% to under 1% at the price
//! of trigonometry per vertex and curved parallels.

use super::{GeoBox, LonLat, Point, Rect};

/// Kilometres per degree of latitude (mean; WGS84's varies by under 1% over Pakistan).
pub const KM_PER_DEGREE: f64 = 111.32;

/// Maps degrees to SVG units for one box fitted into one viewport.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Longitude and latitude at the viewport's top-left corner.
    west: f64,
    north: f64,
    /// Units per degree of latitude; a degree of longitude is `k * cos0`.
    k: f64,
    cos0: f64,
    /// The viewport, units.
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// The projection showing `bounds` whole and centred in a viewport `width`
    /// units wide, `pad` units kept free on every side. The height is the box's
    /// own at that width, or `height` when given (a province's zoom keeps the
    /// whole map's frame: the box fits both ways and is centred). `None` for an
    /// empty or non-finite box or a viewport too small for the padding.
    pub fn fit(bounds: &GeoBox, width: f64, height: Option<f64>, pad: f64) -> Option<Projection> {
        let span_lon = bounds.east - bounds.west;
        let span_lat = bounds.north - bounds.south;
        let inner = width - 2.0 * pad;
        if !(span_lon > 0.0 && span_lat > 0.0 && inner > 0.0 && span_lon.is_finite() && span_lat.is_finite()) {
            return None;
        }
        let cos0 = super::angle::cos_sin(((bounds.north + bounds.south) / 2.0).to_radians()).0;
        let mut k = inner / (span_lon * cos0);
        let mut natural = span_lat * k + 2.0 * pad;
        if let Some(fixed) = height {
            if !(fixed.is_finite() && fixed > 2.0 * pad) {
                return None;
            }
            k = k.min((fixed - 2.0 * pad) / span_lat);
            natural = fixed;
        }
        let height = natural;
        // The box's centre at the viewport's centre.
        let mid_lon = (bounds.east + bounds.west) / 2.0;
        let mid_lat = (bounds.north + bounds.south) / 2.0;
        Some(Projection {
            west: mid_lon - width / 2.0 / (k * cos0),
            north: mid_lat + height / 2.0 / k,
            k,
            cos0,
            width,
            height,
        })
    }

    pub fn point(&self, p: LonLat) -> Point {
        Point {
            x: (p.lon - self.west) * self.k * self.cos0,
            y: (self.north - p.lat) * self.k,
        }
    }

    /// The inverse of `point`.
    pub fn lon_lat(&self, p: Point) -> LonLat {
        LonLat {
            lon: self.west + p.x / (self.k * self.cos0),
            lat: self.north - p.y / self.k,
        }
    }

    /// A distance on the ground as units (north–south scale; east–west differs
    /// by the projection's few percent, see the module's note).
    pub fn km(&self, km: f64) -> f64 {
        km / KM_PER_DEGREE * self.k
    }

    /// The viewport as a box.
    pub fn viewport(&self) -> Rect {
        Rect { x: 0.0, y: 0.0, width: self.width, height: self.height }
    }
}
