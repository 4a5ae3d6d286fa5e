//! Boundary rings and marks as SVG path data.

use std::f64::consts::PI;
use std::fmt::Write;

use super::angle::cos_sin;
use super::project::Projection;
use super::{LonLat, Point};
use crate::i18n::numbers::Tenths;

/// Coordinates are written to a tenth of a unit (a tenth of a pixel at the
/// fitted width): finer would only add bytes to the page.
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn push_point(out: &mut String, cmd: char, p: Point) {
    // "12.3" or "12" (no trailing ".0").
    let _ = write!(out, "{cmd}{} {}", Tenths(p.x), Tenths(p.y));
}

/// Boundary rings (`[lon, lat]` vertices, as the boundary file holds them) as
/// one path's data: each ring `M … L … Z`. Vertices that round to the previous
/// one are dropped, so a small map carries fewer; a ring left with fewer than
/// three vertices is not drawn.
pub fn rings(proj: &Projection, rings: &[Vec<[f64; 2]>]) -> String {
    let mut out = String::new();
    for ring in rings {
        let mut pts: Vec<Point> = Vec::with_capacity(ring.len());
        for &[lon, lat] in ring {
            let p = proj.point(LonLat { lon, lat });
            let p = Point { x: round(p.x), y: round(p.y) };
            if !(p.x.is_finite() && p.y.is_finite()) || pts.last() == Some(&p) {
                continue;
            }
            pts.push(p);
        }
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        if pts.len() < 3 {
            continue;
        }
        for (i, p) in pts.into_iter().enumerate() {
            push_point(&mut out, if i == 0 { 'M' } else { 'L' }, p);
        }
        out.push('Z');
    }
    out
}

/// A mark's outline: kinds differ by shape, not by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Circle,
    Triangle,
    Square,
    Diamond,
    Star,
    Hexagon,
}

impl Shape {
    /// Every shape, for the legend.
    pub const ALL: [Shape; 6] = [Shape::Triangle, Shape::Square, Shape::Diamond, Shape::Circle, Shape::Star, Shape::Hexagon];

    /// The shape of a place kind (its id in the dataset); an unknown kind is a circle.
    pub fn of_kind(kind: &str) -> Shape {
        match kind {
            "deposit" => Shape::Triangle,
            "mine-project" => Shape::Square,
            "port" => Shape::Diamond,
            "signing-place" => Shape::Star,
            "region" => Shape::Hexagon,
            _ => Shape::Circle,
        }
    }

    /// The outline centred on `c`, fitting a circle of radius `r`.
    pub fn path(self, c: Point, r: f64) -> String {
        // (corners, turn of the first corner, inner radius ratio for a star)
        let (n, start, inner) = match self {
            Shape::Circle => return circle(c, r),
            Shape::Triangle => (3, -PI / 2.0, None),
            Shape::Square => (4, -PI / 4.0, None),
            Shape::Diamond => (4, -PI / 2.0, None),
            Shape::Star => (5, -PI / 2.0, Some(0.45)),
            Shape::Hexagon => (6, 0.0, None),
        };
        let step = 2.0 * PI / f64::from(n);
        let mut out = String::new();
        for i in 0..n {
            let a = start + step * f64::from(i);
            let (cos, sin) = cos_sin(a);
            push_point(&mut out, if i == 0 { 'M' } else { 'L' }, Point { x: c.x + r * cos, y: c.y + r * sin });
            if let Some(ratio) = inner {
                let (cos, sin) = cos_sin(a + step / 2.0);
                push_point(&mut out, 'L', Point { x: c.x + r * ratio * cos, y: c.y + r * ratio * sin });
            }
        }
        out.push('Z');
        out
    }
}

/// A circle as path data (two arcs), for marks and approximate areas alike.
pub fn circle(c: Point, r: f64) -> String {
    let r = round(r);
    let mut out = String::new();
    push_point(&mut out, 'M', Point { x: c.x - r, y: c.y });
    let (across, back, r) = (Tenths(2.0 * r), Tenths(-2.0 * r), Tenths(r));
    let _ = write!(out, "a{r} {r} 0 1 0 {across} 0a{r} {r} 0 1 0 {back} 0Z");
    out
}
