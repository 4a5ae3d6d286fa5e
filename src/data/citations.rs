//! Which records cite which source: the reverse index the Sources view shows.

use std::collections::HashMap;

use super::model::Dataset;

/// The kind of record that cites a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    Deal,
    Event,
    Party,
    Mineral,
    Product,
    TariffMeasure,
    Figure,
    /// A place: the page its coordinates come from, and what says what it is.
    Place,
}

/// One record that cites a source.
#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub kind: RecordKind,
    pub id: String,
    pub title: String,
}

/// Source id → the records citing it, each record once, in dataset order
/// (deals, events, parties, minerals, products, measures, figures, places).
/// Sources cited inside disputes and exemptions count for their record.
pub fn cited_by(ds: &Dataset) -> HashMap<String, Vec<Citation>> {
    let mut index: HashMap<String, Vec<Citation>> = HashMap::new();
    let mut add = |kind: RecordKind, id: &str, title: &str, sources: &mut dyn Iterator<Item = &String>| {
        for source in sources {
            let list = index.entry(source.clone()).or_default();
            if !list.iter().any(|c| c.kind == kind && c.id == id) {
                list.push(Citation { kind, id: id.to_string(), title: title.to_string() });
            }
        }
    };
    let dispute_sources = |d: &[super::model::Dispute]| -> Vec<String> {
        d.iter().flat_map(|x| x.versions.iter().flat_map(|v| v.sources.iter().cloned())).collect()
    };
    for d in &ds.deals {
        let extra = dispute_sources(&d.disputes);
        add(RecordKind::Deal, &d.id, &d.title, &mut d.sources.iter().chain(extra.iter()));
    }
    for e in &ds.events {
        let extra = dispute_sources(&e.disputes);
        add(RecordKind::Event, &e.id, &e.title, &mut e.sources.iter().chain(extra.iter()));
    }
    for p in &ds.parties {
        add(RecordKind::Party, &p.id, &p.name, &mut p.sources.iter());
    }
    for m in &ds.minerals {
        add(RecordKind::Mineral, &m.id, &m.name, &mut m.sources.iter());
    }
    for p in &ds.products {
        add(RecordKind::Product, &p.id, &p.description, &mut p.sources.iter());
    }
    for m in &ds.tariff_measures {
        let mut extra = dispute_sources(&m.disputes);
        extra.extend(m.exemptions.iter().flat_map(|x| x.sources.iter().cloned()));
        extra.extend(m.refund.iter().flat_map(|r| r.sources.iter().cloned()));
        add(RecordKind::TariffMeasure, &m.id, &m.name, &mut m.sources.iter().chain(extra.iter()));
    }
    for f in &ds.figures {
        add(RecordKind::Figure, &f.id, &f.metric, &mut f.sources.iter());
    }
    for p in &ds.places {
        add(RecordKind::Place, &p.id, &p.name, &mut p.sources.iter());
    }
    index
}
