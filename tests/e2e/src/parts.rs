//! The release build's files by role, read from their names
//! (scripts/build-wasm.mjs): the main wasm `deal-explorer-<hash>_bg.wasm`, its
//! glue and split loader, and the parts `part-<view>[-<view>…]-<hash>.wasm`,
//! each named after the views that use it, like the data shards
//! `data/<shard>.<view>[-<view>…].<hash>.json` after the views whose first visit loads them, and
//! each view's first-visit bundle `first-<view>-<hash>.bin` (the main wasm and that view's
//! parts in one file, which a first visit downloads instead of them). The size guard, the benchmark and
//! the split's end-to-end tests all ask here what a view's first load is.

use std::path::Path;

/// How many hex digits of its content hash a part's name carries (scripts/parts.mjs, PART_HASH).
const PART_HASH: usize = 8;

/// The views, by their URL ids.
pub const VIEWS: [&str; 6] = ["deals", "timeline", "map", "story", "calculator", "sources"];

/// What shows once a view has rendered from its parts (a CSS selector).
pub fn shown(view: &str) -> &'static str {
    match view {
        "timeline" => ".de-tl-svg .de-tl-mark",
        "calculator" => "output.de-cal__amount",
        "sources" => ".de-source",
        "map" => ".de-map__svg",
        "story" => ".de-story__step--on h3",
        _ => ".de-exp__count",
    }
}

/// The views a part serves, from its file name; `None` for anything else.
pub fn part_views(file: &str) -> Option<Vec<&str>> {
    let stem = file.rsplit('/').next()?.strip_prefix("part-")?.strip_suffix(".wasm")?;
    let (views, hash) = stem.rsplit_once('-')?;
    (hash.len() == PART_HASH && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| views.split('-').collect())
}

/// The view whose first visit downloads a bundle `first-<view>-<hash>.bin`; `None` for anything else.
pub fn bundle_view(file: &str) -> Option<&str> {
    view_of(file.strip_prefix("first-")?.strip_suffix(".bin")?)
}

/// The view of a file stem `<view>-<16 hex digits>`; `None` for any other stem.
fn view_of(stem: &str) -> Option<&str> {
    let (view, hash) = stem.rsplit_once('-')?;
    (!view.is_empty() && view.bytes().all(|b| b.is_ascii_lowercase()) && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(view)
}

/// The views whose first visit loads a data shard
/// (`data/<shard>.<view>[-<view>…].<hash>.json`, src/data/shards.rs), from its file name;
/// `None` for anything else (the whole `data/deals.json` among them).
pub fn shard_views(file: &str) -> Option<Vec<&str>> {
    let stem = file.strip_prefix("data/")?.strip_suffix(".json")?;
    let mut pieces = stem.split('.');
    let (Some(_shard), Some(views), Some(hash), None) = (pieces.next(), pieces.next(), pieces.next(), pieces.next()) else {
        return None;
    };
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| views.split('-').collect())
}

/// The view whose own stylesheet `<view>-<hash>.css` is (Trunk's name; the release build
/// loads it with its view, scripts/post-build.mjs); `None` for anything else.
pub fn style_view(file: &str) -> Option<&str> {
    view_of(file.strip_suffix(".css")?)
}

/// What every view's first visit fetches besides its wasm and data: the
/// page, its manifest and icon, the loader, the JS glue and split loader.
fn common(file: &str) -> bool {
    ["index.html", "manifest.webmanifest", "icons/icon-192.png"].contains(&file)
        || (file.starts_with("boot-") && file.ends_with(".js"))
        || (file.starts_with("deal-explorer-") && file.ends_with(".js"))
}

/// The wasm files a first visit to `view` downloads: its bundle where the build
/// has one, else the main wasm and the view's parts.
pub fn first_wasm(all: &[String], view: &str) -> Vec<String> {
    let bundle: Vec<String> = all.iter().filter(|f| bundle_view(f) == Some(view)).cloned().collect();
    if !bundle.is_empty() {
        return bundle;
    }
    all.iter()
        .filter(|f| (f.starts_with("deal-explorer-") && f.ends_with("_bg.wasm")) || part_views(f).is_some_and(|v| v.contains(&view)))
        .cloned()
        .collect()
}

/// The data files only one view fetches besides the dataset: the map's boundaries.
fn view_data(view: &str) -> &'static [&'static str] {
    match view {
        "map" => &["data/boundaries.json"],
        _ => &[],
    }
}

/// The data files a first visit to `view` fetches: its shards, or the whole
/// dataset where it needs every shard (one brotli context is smaller; `ui::load`).
pub fn first_data(all: &[String], view: &str) -> Vec<String> {
    let shards: Vec<&String> = all.iter().filter(|f| shard_views(f).is_some()).collect();
    // A build without shards (development) has only the whole file.
    let mut data: Vec<String> = if shards.iter().all(|f| shard_views(f).is_some_and(|v| v.contains(&view))) {
        vec!["data/deals.json".to_string()]
    } else {
        shards.into_iter().filter(|f| shard_views(f).is_some_and(|v| v.contains(&view))).cloned().collect()
    };
    data.extend(view_data(view).iter().map(|f| f.to_string()));
    data.sort();
    data
}

/// The files (paths relative to `dist`) a first visit to `view` fetches.
pub fn first_load(dist: &Path, view: &str) -> Vec<String> {
    let all = files(dist);
    let mut files: Vec<String> = all
        .iter()
        .filter(|f| common(f) || style_view(f) == Some(view))
        .cloned()
        .chain(first_wasm(&all, view))
        .chain(first_data(&all, view))
        .collect();
    files.sort();
    files
}

/// Every file of the build (relative paths, `/`-separated), without its
/// precompressed copies and the host's `_headers`.
pub fn files(dist: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e} (run make dist)", dir.display())).flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(rel) = path.strip_prefix(root) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                if !rel.ends_with(".br") && !rel.ends_with(".gz") && rel != "_headers" {
                    out.push(rel);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(dist, dist, &mut out);
    out
}

/// The bytes of a file as served: its brotli copy beside it in `dist`, or
/// the file itself where it has none (images are compressed already).
pub fn brotli_bytes(dist: &Path, file: &str) -> u64 {
    std::fs::metadata(dist.join(format!("{file}.br")))
        .or_else(|_| std::fs::metadata(dist.join(file)))
        .map(|m| m.len())
        .unwrap_or_else(|e| panic!("{file}: {e} (run make dist)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names_say_their_views() {
        assert_eq!(part_views("part-deals-01234567.wasm"), Some(vec!["deals"]));
        // Parts carry 8 hex digits (PART_HASH), bundles and data 16.
        assert_eq!(part_views("part-deals-0123456789abcdef.wasm"), None);
        assert_eq!(part_views("part-calculator-deals-01234567.wasm"), Some(vec!["calculator", "deals"]));
        assert_eq!(part_views("deal-explorer-0123456789abcdef_bg.wasm"), None);
        assert_eq!(part_views("part-deals-xyz.wasm"), None);
        assert_eq!(part_views("part-deals-01234567.wasm.br"), None);
    }

    #[test]
    fn bundle_names_say_their_view() {
        assert_eq!(bundle_view("first-deals-0123456789abcdef.bin"), Some("deals"));
        assert_eq!(bundle_view("first-deals-0123456789abcdef.bin.br"), None);
        assert_eq!(bundle_view("first--0123456789abcdef.bin"), None);
        assert_eq!(bundle_view("first-deals-xyz.bin"), None);
        assert_eq!(bundle_view("part-deals-0123456789abcdef.wasm"), None);
    }

    #[test]
    fn a_bundled_view_downloads_its_bundle_instead_of_the_main_wasm_and_parts() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let split = names(&["deal-explorer-0123456789abcdef_bg.wasm", "part-deals-01234567.wasm", "part-map-01234567.wasm"]);
        assert_eq!(first_wasm(&split, "deals"), names(&["deal-explorer-0123456789abcdef_bg.wasm", "part-deals-01234567.wasm"]));
        let mut bundled = split.clone();
        bundled.extend(names(&["first-deals-0123456789abcdef.bin", "first-map-0123456789abcdef.bin"]));
        assert_eq!(first_wasm(&bundled, "deals"), names(&["first-deals-0123456789abcdef.bin"]));
    }

    #[test]
    fn shard_names_say_their_views() {
        assert_eq!(shard_views("data/events.timeline-sources.0123456789abcdef.json"), Some(vec!["timeline", "sources"]));
        assert_eq!(shard_views("data/deals.json"), None);
        assert_eq!(shard_views("data/deals.schema.json"), None);
        assert_eq!(shard_views("data/base.deals.0123456789abcdef.json.br"), None);
        assert_eq!(shard_views("part-deals-0123456789abcdef.wasm"), None);
    }
}
