//! One timing helper for every benchmark, native or in the browser: the clock
//! is passed in (std's `Instant` natively, `performance.now()` or `Date.now()`
//! in Chromium), so the arithmetic exists once. Figures to read, never asserts.

/// Times `runs` samples of `batch` calls to `f` with `clock` (milliseconds) and
/// returns the median milliseconds per call and `f`'s last result. A batch
/// larger than 1 serves coarse clocks such as `Date.now()` (1 ms steps).
pub fn median_ms(runs: usize, batch: usize, clock: impl Fn() -> f64, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let batch = batch.max(1);
    let mut last = 0;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = clock();
            for _ in 0..batch {
                last = std::hint::black_box(f());
            }
            (clock() - t) / batch as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times.get(runs / 2).copied().unwrap_or(f64::NAN), last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn median_per_call_of_a_fake_clock() {
        // Sample k (1..=5) is two calls of k ms each: per call k ms, median 3 ms.
        let now = Cell::new(0.0_f64);
        let calls = Cell::new(0_usize);
        let (ms, last) = median_ms(5, 2, || now.get(), || {
            calls.set(calls.get() + 1);
            let sample = (calls.get() - 1) / 2 + 1;
            now.set(now.get() + sample as f64);
            calls.get()
        });
        assert_eq!((ms, last), (3.0, 10));
        assert!(median_ms(0, 1, || 0.0, || 0).0.is_nan(), "no samples, no figure");
    }
}
