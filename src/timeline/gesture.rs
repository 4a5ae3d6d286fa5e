//! Gestures on the chart, as arithmetic: pointers pressed, moved and lifted,
//! and wheel turns, become zooms and pans of the `Scale`. The chart only feeds
//! the events' numbers in and applies what comes out.

/// How far (in CSS pixels) a press may travel and still count as a tap.
pub const TAP_SLOP: f64 = 6.0;
/// Zoom per wheel pixel: a mouse wheel, and a trackpad pinch (the browser sends
/// it as a wheel with ctrlKey and small deltas).
const WHEEL_ZOOM: f64 = 0.002;
const PINCH_ZOOM: f64 = 0.01;

/// What a gesture step asks of the scale. `at` and `dx` are in client pixels,
/// left to right; `logical_x` and `logical_dx` turn them into the chart's
/// reading direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    Zoom { factor: f64, at: f64 },
    Pan { dx: f64 },
    Nothing,
}

/// A pointer down on the chart: its id and client position.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    id: i32,
    x: f64,
    y: f64,
}

impl Pointer {
    fn distance(&self, other: &Pointer) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// The pointers down, how far the gesture has travelled (to tell a tap from
/// a drag), and the mark (event position) the gesture began on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    pointers: Vec<Pointer>,
    moved: f64,
    pressed: Option<usize>,
}

impl Gesture {
    /// A pointer goes down, on the mark of `on_mark` if any.
    pub fn down(&mut self, id: i32, x: f64, y: f64, on_mark: Option<usize>) {
        self.pointers.retain(|p| p.id != id);
        self.pointers.push(Pointer { id, x, y });
        if self.pointers.len() == 1 {
            self.moved = 0.0;
            self.pressed = on_mark;
        }
    }

    /// A pointer moves: one pointer pans by its move; with a second one down,
    /// the ratio of their distances zooms about their midpoint.
    pub fn move_to(&mut self, id: i32, x: f64, y: f64) -> Step {
        let now = Pointer { id, x, y };
        let other = self.pointers.iter().find(|p| p.id != id).copied();
        let Some(before) = self.pointers.iter_mut().find(|p| p.id == id) else {
            return Step::Nothing;
        };
        let step = match other {
            Some(o) => {
                let (d0, d1) = (before.distance(&o), now.distance(&o));
                if d0 > 1.0 && d1 != d0 {
                    Step::Zoom { factor: d1 / d0, at: (now.x + o.x) / 2.0 }
                } else {
                    Step::Nothing
                }
            }
            None if now.x != before.x => Step::Pan { dx: now.x - before.x },
            None => Step::Nothing,
        };
        self.moved += (now.x - before.x).abs() + (now.y - before.y).abs();
        *before = now;
        step
    }

    /// A pointer goes up or is cancelled.
    pub fn up(&mut self, id: i32) {
        self.pointers.retain(|p| p.id != id);
    }

    /// The event a click opens: the mark clicked (or the one the press began
    /// on, as the chart captures the pointer), unless the gesture was a drag.
    pub fn tap(&self, on_mark: Option<usize>) -> Option<usize> {
        on_mark.or(self.pressed).filter(|_| self.moved < TAP_SLOP)
    }
}

/// A wheel turn: sideways pans, up and down zooms about the pointer.
pub fn wheel(delta_x: f64, delta_y: f64, ctrl: bool, client_x: f64) -> Step {
    if delta_x.abs() > delta_y.abs() {
        Step::Pan { dx: -delta_x }
    } else {
        let k = if ctrl { PINCH_ZOOM } else { WHEEL_ZOOM };
        Step::Zoom { factor: (-delta_y * k).exp(), at: client_x }
    }
}

/// A client x as the chart's logical x (0 at the start edge): mirrored in
/// right-to-left, where time runs from the right.
pub fn logical_x(client_x: f64, left: f64, width: f64, rtl: bool) -> f64 {
    let x = client_x - left;
    if rtl {
        width - x
    } else {
        x
    }
}

/// A client-pixel move as a logical one (mirrored in right-to-left).
pub fn logical_dx(dx: f64, rtl: bool) -> f64 {
    if rtl {
        -dx
    } else {
        dx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_pans_and_a_drag_is_no_tap() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 10.0, Some(7));
        assert_eq!(g.move_to(1, 103.0, 10.0), Step::Pan { dx: 3.0 });
        assert_eq!(g.tap(None), Some(7), "3 px is still a tap");
        assert_eq!(g.move_to(1, 90.0, 10.0), Step::Pan { dx: -13.0 });
        assert_eq!(g.tap(None), None);
        assert_eq!(g.move_to(2, 0.0, 0.0), Step::Nothing, "a pointer never pressed");
        assert_eq!(g.move_to(1, 90.0, 20.0), Step::Nothing, "no sideways move");
    }

    #[test]
    fn two_pointers_pinch_about_their_midpoint() {
        let mut g = Gesture::default();
        g.down(1, 100.0, 0.0, None);
        g.down(2, 200.0, 0.0, None);
        // The second pointer moves out: distance 100 → 150, midpoint (100 + 250) / 2.
        assert_eq!(g.move_to(2, 250.0, 0.0), Step::Zoom { factor: 1.5, at: 175.0 });
        g.up(2);
        assert_eq!(g.move_to(1, 110.0, 0.0), Step::Pan { dx: 10.0 });
        // Pointers on one spot do not divide by zero.
        let mut same = Gesture::default();
        same.down(1, 5.0, 5.0, None);
        same.down(2, 5.0, 5.0, None);
        assert_eq!(same.move_to(2, 50.0, 5.0), Step::Nothing);
    }

    #[test]
    fn a_new_press_starts_a_new_gesture() {
        let mut g = Gesture::default();
        g.down(1, 0.0, 0.0, Some(1));
        let _ = g.move_to(1, 50.0, 0.0);
        g.up(1);
        g.down(3, 0.0, 0.0, Some(2));
        assert_eq!(g.tap(None), Some(2));
        assert_eq!(g.tap(Some(4)), Some(4));
    }

    #[test]
    fn wheels_pan_sideways_and_zoom_otherwise() {
        assert_eq!(wheel(-30.0, 5.0, false, 0.0), Step::Pan { dx: 30.0 });
        let Step::Zoom { factor, at } = wheel(0.0, -100.0, false, 40.0) else { panic!("zoom") };
        assert!((factor - 0.2f64.exp()).abs() < 1e-12 && at == 40.0);
        let Step::Zoom { factor: pinch, .. } = wheel(0.0, -10.0, true, 0.0) else { panic!("zoom") };
        assert!((pinch - 0.1f64.exp()).abs() < 1e-12);
        assert_eq!(wheel(0.0, 0.0, false, 0.0), Step::Zoom { factor: 1.0, at: 0.0 });
    }

    #[test]
    fn right_to_left_mirrors() {
        assert_eq!(logical_x(130.0, 100.0, 400.0, false), 30.0);
        assert_eq!(logical_x(130.0, 100.0, 400.0, true), 370.0);
        assert_eq!((logical_dx(5.0, false), logical_dx(5.0, true)), (5.0, -5.0));
    }
}
