//! The one sort of the explorer. Every distinct sort call (its element type
//! and comparison) compiles its own copy of Rust's sort, 2–4 KB of wasm each;
//! the index's orders, its facet options and the search marks had eight
//! (about 20 KB in the deals view's first visit). They now all sort positions
//! through this function, whose comparison is a trait object: one copy.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, equal ones by their own value (so a list of
/// positions keeps its first order among equals, as a stable sort would).
pub fn sort_u32(items: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    items.sort_unstable_by(|a, b| cmp(*a, *b).then(a.cmp(b)));
}

/// The positions `0..len` in the order `cmp` gives them (ties by position).
pub fn positions_by(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut out: Vec<u32> = (0..len as u32).collect();
    sort_u32(&mut out, &|a, b| cmp(a as usize, b as usize));
    out
}

/// Small keys sorted in place (a record's facet option ids).
pub fn sort_u16(keys: &mut [u16]) {
    let mut wide: Vec<u32> = keys.iter().map(|&k| u32::from(k)).collect();
    sort_u32(&mut wide, &|_, _| Ordering::Equal);
    for (key, w) in keys.iter_mut().zip(wide) {
        *key = w as u16;
    }
}

/// Values ascending, each once (day numbers: the tariff's transit cut-offs and the
/// timeline's era bounds, whose own `sort_unstable` was a 4 KB copy in two views' parts).
pub fn sorted_unique(values: Vec<i64>) -> Vec<i64> {
    let order = positions_by(values.len(), &|a, b| values.get(a).cmp(&values.get(b)));
    let mut out: Vec<i64> = order.into_iter().filter_map(|i| values.get(i as usize).copied()).collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_first_order() {
        let keys = [3, 1, 3, 2, 1];
        let order = positions_by(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
        assert_eq!(order, vec![1, 4, 3, 0, 2]);
    }

    #[test]
    fn small_keys_sort_ascending() {
        let mut keys = [9u16, 2, 65535, 0, 2];
        sort_u16(&mut keys);
        assert_eq!(keys, [0, 2, 2, 9, 65535]);
    }

    #[test]
    fn values_come_ascending_and_once() {
        assert_eq!(sorted_unique(vec![20_000, -3, 20_000, 0, -3, i64::MIN]), [i64::MIN, -3, 0, 20_000]);
        assert!(sorted_unique(Vec::new()).is_empty());
    }
}
