//! The words the whole app shares: which view, which language, which theme,
//! which records, which order, which facets. The URL (`url.rs`), the explorer,
//! the catalogues and the views all name things with these; their ids (in URLs)
//! come from one table each (`json_ids!`).

use crate::ids::json_ids;

json_ids! {
    /// Which view is shown.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum View {
        #[default]
        Deals = "deals",
        Timeline = "timeline",
        Map = "map",
        Story = "story",
        Calculator = "calculator",
        Sources = "sources",
    }
}

json_ids! {
    /// The interface language.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Lang {
        #[default]
        En = "en",
        Ur = "ur",
    }
}

impl Lang {
    pub fn is_rtl(self) -> bool {
        self == Lang::Ur
    }
}

json_ids! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Theme {
        #[default]
        Auto = "auto",
        Light = "light",
        Dark = "dark",
    }
}

json_ids! {
    /// Which records the explorer lists.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Records {
        #[default]
        Deals = "deals",
        Events = "events",
    }
}

json_ids! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum SortKey {
        #[default]
        Date = "date",
        Value = "value",
        Title = "title",
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// `date`, `-date`, `value`, `-value`, `title`, `-title`.
    pub fn parse(s: &str) -> Option<Sort> {
        let (descending, key) = match s.strip_prefix('-') {
            Some(k) => (true, k),
            None => (false, s),
        };
        SortKey::from_id(key).map(|key| Sort { key, descending })
    }

    pub fn id(self) -> String {
        let key = self.key.id();
        if self.descending {
            format!("-{key}")
        } else {
            key.to_string()
        }
    }
}

json_ids! {
    /// The explorer's facets, in display order; each is a list parameter of the
    /// state, named by its id. `Facet as usize` indexes per-facet arrays.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Facet {
        Mineral = "mineral",
        Party = "party",
        Country = "country",
        Kind = "kind",
        Status = "status",
        Confidence = "confidence",
        /// Places (`place=`): last, so that adding it moved no other facet.
        Place = "place",
    }
}

json_ids! {
    /// What kind of document a source is, as a reader weighs it (the Sources
    /// view's filter; `sources::kind_of_tag` derives it from the dataset's tag).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum SourceKind {
        Primary = "primary",
        News = "news",
        Secondary = "secondary",
        Weak = "weak",
    }
}

json_ids! {
    /// The order of the Sources view's list.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum SourceSort {
        /// As the dataset lists them (grouped by topic, as the fact base's appendix).
        #[default]
        Listed = "listed",
        Newest = "-date",
        Oldest = "date",
    }
}

/// How many facets there are (the length of per-facet arrays).
pub const FACETS: usize = Facet::ALL.len();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back() {
        for v in View::ALL {
            assert_eq!(View::from_id(v.id()), Some(v));
        }
        for f in Facet::ALL {
            assert_eq!(Facet::from_id(f.id()), Some(f));
            assert_eq!(Facet::ALL.get(f as usize), Some(&f));
        }
        for key in SortKey::ALL {
            for descending in [false, true] {
                let s = Sort { key, descending };
                assert_eq!(Sort::parse(&s.id()), Some(s));
            }
        }
        for k in SourceKind::ALL {
            assert_eq!(SourceKind::from_id(k.id()), Some(k));
        }
        for o in SourceSort::ALL {
            assert_eq!(SourceSort::from_id(o.id()), Some(o));
        }
        assert_eq!(Sort::parse("-date"), Some(Sort { key: SortKey::Date, descending: true }));
        assert_eq!((Sort::parse("--date"), Sort::parse("Date"), Lang::from_id("EN")), (None, None, None));
    }
}
