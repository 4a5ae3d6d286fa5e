//! Where a node of the JSON tree sits, for problem messages. A walk keeps a
//! chain of links to the parent, one per level on the stack, and writes the
//! path out only when it reports a problem: no string is built per value.

use super::json::Json;

#[derive(Clone, Copy)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// A node (borrowed from the tree for `'n`) and the links above it (`'p`).
pub(super) struct Trail<'n, 'p> {
    pub node: &'n Json,
    up: Option<(&'p Trail<'n, 'p>, Step<'p>)>,
}

impl<'n, 'p> Trail<'n, 'p> {
    pub fn root(node: &'n Json) -> Self {
        Trail { node, up: None }
    }

    pub fn key<'c>(&'c self, node: &'n Json, key: &'c str) -> Trail<'n, 'c> {
        Trail {
            node,
            up: Some((self, Step::Key(key))),
        }
    }

    pub fn index<'c>(&'c self, node: &'n Json, i: usize) -> Trail<'n, 'c> {
        Trail {
            node,
            up: Some((self, Step::Index(i))),
        }
    }

    /// `$.deals[3] (deal-x).sources[1]`: an object with a string `id` is
    /// followed by its id, so a reader finds the record in the file.
    pub fn path(&self) -> String {
        let mut path = match self.up {
            None => "$".to_string(),
            Some((up, Step::Key(key))) => format!("{}.{key}", up.path()),
            Some((up, Step::Index(i))) => format!("{}[{i}]", up.path()),
        };
        if let Some(id) = self.node.get("id").and_then(Json::as_str) {
            path.push_str(&format!(" ({})", super::json_text::escaped(id)));
        }
        path
    }
}
