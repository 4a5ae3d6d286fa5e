//! The boundary file (`data/boundaries.json`, built from Natural Earth's
//! admin-1 set by a script and committed): its regions typed, read totally.
//! A region that is malformed is left out and counted; a file with no usable
//! region, or not the expected shape, is a typed error the view shows.

use crate::data::json::Json;
use crate::state::vocab::Lang;

use super::GeoBox;

/// One province or territory.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub name_ur: String,
    /// Marked disputed by the source: drawn hatched.
    pub disputed: bool,
    /// Rings of `[lon, lat]` vertices.
    pub rings: Vec<Vec<[f64; 2]>>,
    pub bounds: GeoBox,
}

/// The file's regions and where they come from (for the map's caption).
#[derive(Clone, Debug, PartialEq)]
pub struct Boundaries {
    pub source: String,
    pub source_url: String,
    pub version: String,
    pub licence: String,
    pub regions: Vec<Region>,
    /// Regions left out because they were malformed.
    pub skipped: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoundaryError {
    /// Not an object with a `regions` array.
    Shape,
    /// No region could be read.
    NoRegions,
}

fn text(tree: &Json, key: &str) -> String {
    tree.get(key).and_then(Json::as_str).unwrap_or_default().to_string()
}

fn ring(tree: &Json) -> Option<Vec<[f64; 2]>> {
    tree.as_array()?
        .iter()
        .map(|pair| match pair.as_array()? {
            [lon, lat] => {
                let (lon, lat) = (lon.as_f64()?, lat.as_f64()?);
                ((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)).then_some([lon, lat])
            }
            _ => None,
        })
        .collect()
}

fn region(tree: &Json) -> Option<Region> {
    let id = tree.get("id")?.as_str()?.to_string();
    let rings: Vec<Vec<[f64; 2]>> = tree.get("rings")?.as_array()?.iter().map(ring).collect::<Option<_>>()?;
    let bounds = GeoBox::of_rings(&rings)?;
    Some(Region {
        id,
        name: text(tree, "name"),
        name_ur: text(tree, "name_ur"),
        disputed: matches!(tree.get("disputed"), Some(Json::Bool(true))),
        rings,
        bounds,
    })
}

impl Region {
    /// Its name in the reader's language (the English where the file has no Urdu), as
    /// `geo::places::place_name` names a place.
    pub fn name_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ur if !self.name_ur.trim().is_empty() => &self.name_ur,
            _ => &self.name,
        }
    }
}

impl Boundaries {
    pub fn read(tree: &Json) -> Result<Boundaries, BoundaryError> {
        let items = tree.get("regions").and_then(Json::as_array).ok_or(BoundaryError::Shape)?;
        let regions: Vec<Region> = items.iter().filter_map(region).collect();
        if regions.is_empty() {
            return Err(BoundaryError::NoRegions);
        }
        Ok(Boundaries {
            source: text(tree, "source"),
            source_url: text(tree, "source_url"),
            version: text(tree, "version"),
            licence: text(tree, "licence"),
            skipped: items.len() - regions.len(),
            regions,
        })
    }

    /// The box of every region: the whole map.
    pub fn bounds(&self) -> Option<GeoBox> {
        self.regions.iter().map(|r| r.bounds).reduce(|a, b| a.union(&b))
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }
}
