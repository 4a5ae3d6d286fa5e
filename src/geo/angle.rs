//! Cosine and sine for the map's few angles (the projection's middle latitude,
//! the corners of the marks' shapes), by their series: Rust's own `cos`/`sin`
//! bring libm's reduction of huge arguments into the map's part (7.6 KB raw),
//! for angles that here never leave a few turns.

use std::f64::consts::TAU;

/// `(cos, sin)` of an angle in radians, within 1e-14 of Rust's `cos`/`sin`
/// for any angle of a few turns (the whole turns are taken off first, which
/// loses precision only for angles far larger than any the map draws).
pub fn cos_sin(radians: f64) -> (f64, f64) {
    let x = radians - (radians / TAU).round() * TAU;
    let x2 = x * x;
    let (mut cos, mut sin) = (1.0, x);
    let (mut cos_term, mut sin_term) = (1.0, x);
    // |x| <= π: the 15th terms are below 1e-16.
    for k in 1..=14 {
        let k = f64::from(k);
        cos_term *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        sin_term *= -x2 / ((2.0 * k) * (2.0 * k + 1.0));
        cos += cos_term;
        sin += sin_term;
    }
    (cos, sin)
}

#[cfg(test)]
mod tests {
    use super::cos_sin;

    #[test]
    fn agrees_with_rusts_cos_and_sin() {
        for i in -20_000..=20_000 {
            let a = f64::from(i) * 0.000_7;
            let (cos, sin) = cos_sin(a);
            assert!((cos - a.cos()).abs() < 1e-14 && (sin - a.sin()).abs() < 1e-14, "{a}: {cos} {sin}");
        }
        let (cos, sin) = cos_sin(std::f64::consts::FRAC_PI_2);
        assert!(cos.abs() < 1e-15 && (sin - 1.0).abs() < 1e-15);
    }

    #[test]
    fn a_non_finite_angle_gives_nan_not_a_hang() {
        assert!(cos_sin(f64::NAN).0.is_nan() && cos_sin(f64::INFINITY).1.is_nan());
    }
}
