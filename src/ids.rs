//! `json_ids!`: an enum's ids, written once. The dataset's enums (`data::model`)
//! and the state's vocabulary (`state::vocab`) both take their ids from it.

/// An enum's ids, written once: `ALL`, `IDS` (the validator's list, same
/// order), `id` and `from_id` all come from this one table.
/// Either over an enum declared beside it (`json_ids!(Ty { A = "a", })`), or
/// declaring the enum too (`json_ids! { #[derive(..)] pub enum Ty { A = "a", } }`).
macro_rules! json_ids {
    ($(#[$meta:meta])* $vis:vis enum $ty:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        $vis enum $ty {
            $($(#[$vmeta])* $variant,)*
        }
        json_ids!($ty { $($variant = $id,)* });
    };
    ($ty:ident { $($variant:ident = $id:literal,)* }) => {
        impl $ty {
            pub const ALL: [$ty; [$($id),*].len()] = [$($ty::$variant),*];
            pub const IDS: [&'static str; [$($id),*].len()] = [$($id),*];

            /// The id used in JSON and in URLs.
            pub fn id(self) -> &'static str {
                match self {
                    $($ty::$variant => $id,)*
                }
            }

            pub fn from_id(s: &str) -> Option<Self> {
                match s {
                    $($id => Some($ty::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

pub(crate) use json_ids;
