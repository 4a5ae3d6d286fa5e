//! Date ↔ position: a visible window of days mapped onto a width in pixels,
//! with zoom about a point and pan, always clamped so the data stays in view.
//!
//! Positions are logical (0 = the start edge): the UI mirrors them for
//! right-to-left languages, so time reads in the script's direction.

/// The narrowest window, in days: a fortnight still shows day ticks with room.
pub const MIN_SPAN_DAYS: f64 = 14.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// First visible day (day number since 1970-01-01, fractional).
    pub start: f64,
    /// Visible days.
    pub span: f64,
    /// Width in px.
    pub width: f64,
    /// The padded data extent the window may not leave.
    pub limits: (f64, f64),
}

impl Scale {
    /// A scale showing `first..=last` (day numbers) with a little padding.
    pub fn fit(first: i64, last: i64, width: f64) -> Scale {
        let (lo, hi) = (first.min(last) as f64, first.max(last) as f64 + 1.0);
        let pad = ((hi - lo) * 0.03).max(3.0);
        let limits = (lo - pad, hi + pad);
        let scale = Scale {
            start: limits.0,
            span: limits.1 - limits.0,
            width: 1.0,
            limits,
        };
        scale.resized(width).show(limits.0, limits.1 - limits.0)
    }

    pub fn end(&self) -> f64 {
        self.start + self.span
    }

    pub fn px_per_day(&self) -> f64 {
        self.width / self.span
    }

    /// Day number → x.
    pub fn x(&self, day: f64) -> f64 {
        (day - self.start) * self.px_per_day()
    }

    /// x → day number (fractional).
    pub fn day_at(&self, x: f64) -> f64 {
        self.start + x / self.px_per_day()
    }

    fn full_span(&self) -> f64 {
        self.limits.1 - self.limits.0
    }

    /// The same window on another width (a resize keeps the dates in view).
    pub fn resized(self, width: f64) -> Scale {
        let width = if width.is_finite() { width.max(1.0) } else { self.width };
        Scale { width, ..self }
    }

    /// The window `start..start + span`, clamped to the limits.
    pub fn show(self, start: f64, span: f64) -> Scale {
        if !start.is_finite() || !span.is_finite() {
            return self;
        }
        let full = self.full_span();
        // min/max rather than clamp: rounding may put the bounds a hair apart the wrong way.
        let span = span.min(full).max(MIN_SPAN_DAYS.min(full));
        let start = start.min(self.limits.1 - span).max(self.limits.0);
        Scale { start, span, ..self }
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under `at_x` where it is.
    pub fn zoom(self, factor: f64, at_x: f64) -> Scale {
        if !factor.is_finite() || factor <= 0.0 || !at_x.is_finite() {
            return self;
        }
        let anchor = self.day_at(at_x);
        let full = self.full_span();
        let span = (self.span / factor).min(full).max(MIN_SPAN_DAYS.min(full));
        self.show(anchor - at_x / self.width * span, span)
    }

    /// Moves the content by `dx` px (positive: earlier days come into view).
    pub fn pan(self, dx: f64) -> Scale {
        if !dx.is_finite() {
            return self;
        }
        self.show(self.start - dx / self.px_per_day(), self.span)
    }

    /// Pans (without zooming) so that `day` is in the middle of the window.
    pub fn centre_on(self, day: f64) -> Scale {
        self.show(day - self.span / 2.0, self.span)
    }

    /// Whether `first..=last` is at least partly visible.
    pub fn shows(&self, first: f64, last: f64) -> bool {
        last + 1.0 >= self.start && first <= self.end()
    }

    pub fn can_zoom_in(&self) -> bool {
        self.span > MIN_SPAN_DAYS.min(self.full_span()) + 1e-9
    }

    pub fn can_zoom_out(&self) -> bool {
        self.span < self.full_span() - 1e-9
    }
}
