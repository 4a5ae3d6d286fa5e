//! Which places a filtered map shows, and how much each weighs.
//!
//! Rule: a place shows when no place filter applies or it is one of the places
//! chosen (`place=`), and, when any other filter applies (`mineral`, `party`,
//! `from`, `to`, `q`), some record that matches the filters names it. Places
//! without a matching record are dropped from the map and from the list
//! "Places" alike (the view says how many show of how many).

/// A place the map shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// Index into the places given.
    pub place: usize,
    /// Matching records that name it: the weight of its label.
    pub records: u32,
}

/// The places to show, in the order given. `matching` holds the `place_ids`
/// of every record (deal or event) the filters let through; `filtered` says
/// whether a filter other than `place=` applies; `chosen` is `place=`'s list.
pub fn shown<'a>(
    place_ids: &[&str],
    matching: impl IntoIterator<Item = &'a [String]>,
    filtered: bool,
    chosen: &[String],
) -> Vec<Shown> {
    let mut counts = vec![0u32; place_ids.len()];
    for ids in matching {
        for id in ids {
            if let Some(i) = place_ids.iter().position(|p| p == id) {
                if let Some(c) = counts.get_mut(i) {
                    *c += 1;
                }
            }
        }
    }
    place_ids
        .iter()
        .zip(counts)
        .enumerate()
        .filter(|(_, (id, records))| {
            (chosen.is_empty() || chosen.iter().any(|c| c == *id)) && (!filtered || *records > 0)
        })
        .map(|(place, (_, records))| Shown { place, records })
        .collect()
}
