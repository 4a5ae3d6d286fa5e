//! `validate-data FILE`: checks a `deals.json` with the app's own validator.
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

    let mut args = std::env::args_os().skip(1);
    let (Some(file), None) = (args.next(), args.next()) else {
        let usage = "usage: validate-data FILE\n  checks a deals.json file; exit 0 valid, 1 problems, 2 unreadable\n";
        return done(2, "", usage);
    };
    let name = file.to_string_lossy().into_owned();
    let why = match std::fs::read(&file).map(String::from_utf8) {
        Ok(Ok(text)) => {
            return match load_str(&text) {
                Ok(ds) => {
                    let warnings: String = warnings_str(&text).iter().map(|w| format!("{name}: warning: {w}\n")).collect();
                    done(0, &format!("{warnings}{name}: {}\n", summarize(&ds)), "")
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

#[cfg(not(target_arch = "wasm32"))]
fn done(code: u8, out: &str, err: &str) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    let _ = std::io::stderr().lock().write_all(err.as_bytes());
    ExitCode::from(code)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
