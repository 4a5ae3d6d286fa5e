//! `validate-data FILE [--shards DIR]`: checks a `deals.json` with the app's own validator.
//! With `--shards`, a valid file is also cut into its shards by view, each in
//! layers by language (`data::shards::split`), one `DIR/<piece>.<views>.json` each,
//! and its English layer whole (`DIR/english.<views>.json`; the release build names
//! them by content hash): shards exist only of a dataset that validated whole.
//!
//! Exit 0 and a one-line summary when valid, after one line per warning
//! (`FILE: warning: $.path (id): message`, an English text without its Urdu);
//! exit 1 and one line per problem (`FILE: $.path (id): message`) when not;
//! exit 2 when the file cannot be read.
//! All the logic is in `deal_explorer::data`; output errors (a closed pipe) are ignored.

#[cfg(not(target_arch = "wasm32"))]
use std::{io::Write, process::ExitCode};

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    use deal_explorer::data::{load::{load_str, warnings_str}, validate::summarize};

    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let (file, shards_dir) = match args.as_slice() {
        [file] => (file.clone(), None),
        [file, flag, dir] if flag == "--shards" => (file.clone(), Some(std::path::PathBuf::from(dir))),
        _ => {
            let usage = "usage: validate-data FILE [--shards DIR]\n  checks a deals.json file; exit 0 valid, 1 problems, 2 unreadable\n  --shards DIR: also writes a valid file's shards by view into DIR\n";
            return done(2, "", usage);
        }
    };
    let name = file.to_string_lossy().into_owned();
    let why = match std::fs::read(&file).map(String::from_utf8) {
        Ok(Ok(text)) => {
            return match load_str(&text) {
                Ok(ds) => {
                    let warnings: String = warnings_str(&text).iter().map(|w| format!("{name}: warning: {w}\n")).collect();
                    let written = match &shards_dir {
                        Some(dir) => match write_shards(&text, dir) {
                            Ok(line) => line,
                            Err(e) => return done(2, "", &format!("{}: cannot write the shards: {e}\n", dir.display())),
                        },
                        None => String::new(),
                    };
                    done(0, &format!("{warnings}{name}: {}\n{written}", summarize(&ds)), "")
                }
                Err(problems) => {
                    let lines: String = problems.iter().map(|p| format!("{name}: {p}\n")).collect();
                    done(
                        1,
                        &lines,
                        &format!("{name}: {} problem(s)\n", problems.len()),
                    )
                }
            }
        }
        Ok(Err(e)) => format!(
            "not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "file not found".to_string(),
        Err(e) => e.to_string(),
    };
    done(2, "", &format!("{name}: cannot read: {why}\n"))
}

/// Writes the data files of valid `text` into `dir` (each shard's layers and the
/// English file, `data::shards`) and `first-visits.json`, the files each view's first
/// visit fetches by language (`{"en": {"deals": [file, …]}, "ur": …}`, the whole
/// dataset as `deals.json`: the page preloads them); says which.
#[cfg(not(target_arch = "wasm32"))]
fn write_shards(text: &str, dir: &std::path::Path) -> std::io::Result<String> {
    use deal_explorer::data::{json_text, shards::{self, Content}};
    use deal_explorer::state::vocab::{Lang, View};
    let tree = json_text::parse(text, json_text::std_parse_number)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.message))?;
    std::fs::create_dir_all(dir)?;
    let pieces = shards::split(&tree);
    let written = pieces.iter().fold(shards::Pieces::NONE, |set, (piece, _)| set.with(*piece));
    let name = |content: Content| match content {
        Content::Whole => "deals.json".to_string(),
        _ => format!("{}.json", shards::file_stem(content, written)),
    };
    let english = (Content::English, shards::english(&tree));
    let mut names = Vec::new();
    for (content, part) in pieces.into_iter().map(|(piece, part)| (Content::Piece(piece), part)).chain([english]) {
        let json = serde_json::to_string(&part).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(name(content)), json)?;
        names.push(name(content));
    }
    let first_visits: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let views = View::ALL.into_iter().map(|view| {
                let files = shards::first_files(view, lang, written).into_iter().map(|c| serde_json::Value::String(name(c))).collect();
                (view.id().to_string(), serde_json::Value::Array(files))
            });
            (lang.id().to_string(), serde_json::Value::Object(views.collect()))
        })
        .collect();
    std::fs::write(dir.join("first-visits.json"), serde_json::Value::Object(first_visits).to_string())?;
    Ok(format!("shards: {}\n", names.join(" ")))
}

#[cfg(not(target_arch = "wasm32"))]
fn done(code: u8, out: &str, err: &str) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    let _ = std::io::stderr().lock().write_all(err.as_bytes());
    ExitCode::from(code)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
