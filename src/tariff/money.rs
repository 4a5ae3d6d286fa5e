//! Exact money and rate arithmetic: integer cents, rates in millionths,
//! products in `i128`, one rounding per layer (half away from zero).
//! Floats appear only where the dataset's own numbers are read in.

/// US cents.
pub type Cents = i64;
/// A rate in millionths of the base: 1% = 10_000, 19% = 190_000.
pub type Ppm = i64;
/// Millionths per percent point.
pub const PPM_PER_PERCENT: i64 = 10_000;
/// A specific duty in ten-thousandths of a cent per kilogram (1.7¢/kg = 17_000).
pub type MicroCentsPerKg = i64;
const MICRO_PER_CENT: i64 = 10_000;

/// `n / d` rounded to the nearest integer, halves away from zero; `d > 0`.
pub fn div_round(n: i128, d: i128) -> i128 {
    if d <= 0 {
        return 0;
    }
    let (q, r) = (n / d, n % d);
    if 2 * r.abs() >= d {
        q + n.signum()
    } else {
        q
    }
}

fn to_cents(x: i128) -> Cents {
    x.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as Cents
}

/// `base × rate`, rounded to the cent.
pub fn apply_rate(base: Cents, rate: Ppm) -> Cents {
    to_cents(div_round(i128::from(base) * i128::from(rate), 1_000_000))
}

/// A specific duty: quantity (grams) × content share × rate per kg of content, to the cent.
pub fn specific_duty(grams: i64, content: Ppm, rate: MicroCentsPerKg) -> Cents {
    let n = i128::from(grams) * i128::from(content) * i128::from(rate);
    to_cents(div_round(n, 1000 * 1_000_000 * i128::from(MICRO_PER_CENT)))
}

/// `part / whole` as a rate; `None` for a zero whole.
pub fn ratio(part: Cents, whole: Cents) -> Option<Ppm> {
    (whole > 0).then(|| to_cents(div_round(i128::from(part) * 1_000_000, i128::from(whole))))
}

/// A dataset percentage as millionths; `None` if not finite or out of 0–100,000%.
pub fn ppm_from_percent(pct: f64) -> Option<Ppm> {
    (pct.is_finite() && (0.0..=100_000.0).contains(&pct))
        .then(|| (pct * PPM_PER_PERCENT as f64).round() as Ppm)
}

/// A dataset cents-per-kg figure in ten-thousandths of a cent.
pub fn micro_cents(cents_per_kg: f64) -> Option<MicroCentsPerKg> {
    (cents_per_kg.is_finite() && (0.0..=1e9).contains(&cents_per_kg))
        .then(|| (cents_per_kg * MICRO_PER_CENT as f64).round() as MicroCentsPerKg)
}

/// A rate as percent points, for display only.
pub fn percent_of(rate: Ppm) -> f64 {
    rate as f64 / PPM_PER_PERCENT as f64
}

/// A specific rate as cents per kg, for display only.
pub fn cents_per_kg(rate: MicroCentsPerKg) -> f64 {
    rate as f64 / MICRO_PER_CENT as f64
}

/// Whole US dollars as cents (dataset headline figures).
pub fn cents_from_usd(usd: f64) -> Option<Cents> {
    (usd.is_finite() && (0.0..=1e15).contains(&usd)).then(|| (usd * 100.0).round() as Cents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rounds_half_away_from_zero() {
        for (n, d, want) in [
            (5, 10, 1),
            (15, 10, 2),
            (14, 10, 1),
            (-5, 10, -1),
            (-15, 10, -2),
            (-14, 10, -1),
            (0, 7, 0),
            (1, 0, 0),
        ] {
            assert_eq!(div_round(n, d), want, "{n}/{d}");
        }
    }

    #[test]
    fn rates_and_specific_duties() {
        assert_eq!(apply_rate(10_000_000_000, 190_000), 1_900_000_000); // 19% of $100M, in cents
        assert_eq!(apply_rate(1, 500_000), 1); // half a cent rounds up
        assert_eq!(apply_rate(1, 499_999), 0);
        assert_eq!(apply_rate(333, 66_000), 22); // 6.6% of $3.33 = 21.978¢
                                                 // 1.7¢/kg on 3% lead content of 25,000 kg: 750 kg × 1.7¢ = $12.75
        assert_eq!(specific_duty(25_000_000, 30_000, 17_000), 1275);
        // 37.5¢/kg on 65% tungsten content of 1 kg = 24.375¢ → 24¢
        assert_eq!(specific_duty(1000, 650_000, 375_000), 24);
        assert_eq!(ratio(19, 100), Some(190_000));
        assert_eq!(ratio(1, 0), None);
        assert_eq!(ppm_from_percent(6.6), Some(66_000));
        assert_eq!(ppm_from_percent(0.1), Some(1000));
        assert_eq!(ppm_from_percent(f64::NAN), None);
        assert_eq!(micro_cents(1.7), Some(17_000));
    }

    proptest! {
        #[test]
        fn apply_rate_is_monotonic_and_bounded(a in 0i64..100_000_000_000_000, b in 0i64..100_000_000_000_000, r in 0i64..10_000_000) {
            let (lo, hi) = (a.min(b), a.max(b));
            prop_assert!(apply_rate(lo, r) <= apply_rate(hi, r));
            prop_assert!(apply_rate(lo, r) >= 0);
        }
    }
}
