//! Strings of the Map view: the map's name and caption, its key, the zoom
//! controls, the list "Places" and a place's details.

use crate::data::model::PlaceKind;

catalogue! {
    pub struct MapText {
        heading,
        intro,
        /// The SVG's accessible name; it starts "Map of Pakistan" (docs/UI-CONTRACT.md): the count of places shown.
        svg_name: fn(&str) -> String,
        /// The caption: source, version and licence of the boundaries (from the boundary file).
        boundaries: fn(&str, &str, &str) -> String,
        /// The disputed areas' convention, with the names of the areas the source marks disputed.
        disputed: fn(&str) -> String,
        /// Between names in a list.
        list_separator,
        key,
        approximate_key,
        disputed_key,
        deposit,
        mine_project,
        port,
        city,
        signing_place,
        region,
        zoom_to,
        whole_country,
        places,
        list_hint,
        /// "9 places" / "3 of 9 places match the filters…": shown, total (formatted), filtered.
        count: fn(&str, &str, bool) -> String,
        none_match,
        loading,
        /// The boundary file failed (the technical reason follows it, as written).
        failed,
        /// A place's details.
        kind,
        province,
        location,
        exact,
        /// An approximate place: its radius in km (formatted).
        approximate: fn(&str) -> String,
        coordinates,
        /// Latitude and longitude (formatted), degrees north and east.
        lat_lon: fn(&str, &str) -> String,
        description,
        deals,
        events,
        minerals,
        sources,
        none,
        open_deals,
        open_timeline,
        close,
    }
}

impl MapText {
    pub fn kind_name(&self, k: PlaceKind) -> &'static str {
        match k {
            PlaceKind::Deposit => self.deposit,
            PlaceKind::MineProject => self.mine_project,
            PlaceKind::Port => self.port,
            PlaceKind::City => self.city,
            PlaceKind::SigningPlace => self.signing_place,
            PlaceKind::Region => self.region,
        }
    }
}

pub static EN: MapText = MapText {
    heading: "Map",
    intro: "Where the deals and events happen. Every place on the map is also in the list below it.",
    svg_name: |n| format!("Map of Pakistan with its provinces and territories and {n} places"),
    boundaries: |source, version, licence| format!("Boundaries: {source} ({version}). Licence: {licence}."),
    disputed: |names| {
        format!("Kashmir is disputed. The map follows its source's de facto boundaries (the areas each side administers) and hatches the areas the source marks as disputed ({names}); it takes no position on the dispute.")
    },
    list_separator: ", ",
    key: "Key",
    approximate_key: "Dashed circle: an approximate location, the area the place lies in",
    disputed_key: "Hatched: disputed area",
    deposit: "Deposit",
    mine_project: "Mine project",
    port: "Port",
    city: "City",
    signing_place: "Signing place",
    region: "Region",
    zoom_to: "Zoom to",
    whole_country: "All of Pakistan",
    places: "Places",
    list_hint: "Arrow keys move through the places; Enter opens one.",
    count: |shown, total, filtered| {
        if filtered {
            format!("{shown} of {total} places match the filters; places without a matching deal or event are left out.")
        } else {
            format!("{shown} places")
        }
    },
    none_match: "No place matches the filters.",
    loading: "Loading the map…",
    failed: "The map's boundaries could not be loaded; the list of places still works. The reason:",
    kind: "Kind",
    province: "Province or territory",
    location: "Location",
    exact: "Exact",
    approximate: |km| format!("Approximate: within {km} km"),
    coordinates: "Coordinates",
    lat_lon: |lat, lon| format!("{lat}° N, {lon}° E"),
    description: "About",
    deals: "Deals",
    events: "Events",
    minerals: "Minerals",
    sources: "Sources",
    none: "None in the dataset",
    open_deals: "Its deals",
    open_timeline: "Its events on the timeline",
    close: "Close",
};

pub static UR: MapText = MapText {
    heading: "نقشہ",
    intro: "معاہدے اور واقعات کہاں ہوئے۔ نقشے کا ہر مقام اس کے نیچے کی فہرست میں بھی ہے۔",
    svg_name: |n| format!("پاکستان کا نقشہ: صوبے، علاقے اور {n} مقامات"),
    boundaries: |source, version, licence| format!("حدود: {source} ({version})۔ لائسنس: {licence}۔"),
    disputed: |names| {
        format!("کشمیر متنازع ہے۔ نقشہ اپنے ماخذ کی عملی حدود (وہ علاقے جن کا انتظام ہر فریق کے پاس ہے) کے مطابق ہے اور جن علاقوں کو ماخذ متنازع قرار دیتا ہے ({names}) انہیں دھاری دار دکھاتا ہے؛ یہ اس تنازع پر کوئی موقف نہیں لیتا۔")
    },
    list_separator: "، ",
    key: "علامات",
    approximate_key: "ٹوٹا ہوا دائرہ: تقریبی مقام، وہ علاقہ جس میں یہ جگہ واقع ہے",
    disputed_key: "دھاری دار: متنازع علاقہ",
    deposit: "معدنی ذخیرہ",
    mine_project: "کان کنی کا منصوبہ",
    port: "بندرگاہ",
    city: "شہر",
    signing_place: "دستخط کی جگہ",
    region: "علاقہ",
    zoom_to: "قریب سے دیکھیں",
    whole_country: "پورا پاکستان",
    places: "مقامات",
    list_hint: "تیر والی کلیدیں مقامات میں چلتی ہیں؛ Enter کسی مقام کو کھولتی ہے۔",
    count: |shown, total, filtered| {
        if filtered {
            format!("{total} میں سے {shown} مقامات فلٹر سے ملتے ہیں؛ جن مقامات کا کوئی معاہدہ یا واقعہ نہیں ملتا وہ شامل نہیں۔")
        } else {
            format!("{shown} مقامات")
        }
    },
    none_match: "کوئی مقام فلٹر سے نہیں ملتا۔",
    loading: "نقشہ لوڈ ہو رہا ہے…",
    failed: "نقشے کی حدود لوڈ نہیں ہو سکیں؛ مقامات کی فہرست پھر بھی کام کرتی ہے۔ وجہ:",
    kind: "قسم",
    province: "صوبہ یا علاقہ",
    location: "محل وقوع",
    exact: "درست",
    approximate: |km| format!("تقریبی: {km} کلومیٹر کے اندر"),
    coordinates: "متناسقات",
    lat_lon: |lat, lon| format!("{lat}° شمال، {lon}° مشرق"),
    description: "تفصیل",
    deals: "معاہدے",
    events: "واقعات",
    minerals: "معدنیات",
    sources: "ذرائع",
    none: "ڈیٹا سیٹ میں کوئی نہیں",
    open_deals: "اس کے معاہدے",
    open_timeline: "ٹائم لائن پر اس کے واقعات",
    close: "بند کریں",
};
