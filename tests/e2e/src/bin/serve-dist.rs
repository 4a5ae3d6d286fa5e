//! A small static file server for the end-to-end tests (std only).
//!
//! `serve-dist DIR PORT [PREFIX]` serves DIR on 127.0.0.1:PORT, at `/` and, when
//! PREFIX is given (e.g. `/news/2026/minerals/`), under that sub-path too. It
//! applies the `/*` and exact-path rules of DIR/_headers (the Netlify/Cloudflare
//! format), so tests see the deployment's real Content-Security-Policy.
//! Precompressed `.br` copies are served to clients that accept brotli.
//! `GET /__offline/on` makes it refuse every later request (a dead network),
//! `/__offline/off` serves again; `/__host` serves tests/e2e/fixtures/host.html.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Header rules from `_headers`: (path pattern, [(name, value)]).
fn read_headers(dir: &Path) -> Vec<(String, Vec<(String, String)>)> {
    let text = std::fs::read_to_string(dir.join("_headers")).unwrap_or_default();
    let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            rules.push((line.trim().to_string(), Vec::new()));
        } else if let (Some(rule), Some((k, v))) = (rules.last_mut(), line.trim().split_once(':')) {
            rule.1.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    rules
}

fn matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => pattern == path,
    }
}

struct Site {
    dir: PathBuf,
    prefix: String,
    host_page: PathBuf,
    offline: AtomicBool,
}

fn respond(mut stream: TcpStream, site: &Site) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accepts_brotli = false;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        let lower = h.to_ascii_lowercase();
        accepts_brotli |= lower.starts_with("accept-encoding:") && lower.contains("br");
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    match path {
        "/__offline/on" => site.offline.store(true, Ordering::SeqCst),
        "/__offline/off" => site.offline.store(false, Ordering::SeqCst),
        _ if site.offline.load(Ordering::SeqCst) => return Ok(()), // drop the connection: a dead network
        _ => {}
    }
    let (file, rel) = if path == "/__host" {
        (site.host_page.clone(), "/__host".to_string())
    } else {
        let rel = match path.strip_prefix(site.prefix.trim_end_matches('/')) {
            Some(r) if !site.prefix.is_empty() && (r.is_empty() || r.starts_with('/')) => r.to_string(),
            _ => path.to_string(),
        };
        let rel = if rel.is_empty() || rel.ends_with('/') { format!("{rel}index.html") } else { rel };
        if rel.split('/').any(|seg| seg == "..") {
            (PathBuf::new(), rel)
        } else {
            (site.dir.join(rel.trim_start_matches('/')), rel)
        }
    };
    // Like a static host, serve the precompressed copy where the build made one.
    let brotli = accepts_brotli.then(|| std::fs::read(format!("{}.br", file.display())).ok()).flatten();
    let (status, body, ctype) = match brotli.map(Ok).unwrap_or_else(|| std::fs::read(&file)) {
        Ok(body) => ("200 OK", body, content_type(&file)),
        Err(_) => ("404 Not Found", b"not found".to_vec(), "text/plain; charset=utf-8"),
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        body.len()
    );
    if accepts_brotli && std::path::Path::new(&format!("{}.br", file.display())).exists() {
        head.push_str("Content-Encoding: br\r\nVary: Accept-Encoding\r\n");
    }
    if path != "/__host" {
        for (pattern, headers) in read_headers(&site.dir) {
            if matches(&pattern, &rel) {
                for (k, v) in headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
            }
        }
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !request_line.starts_with("HEAD") {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(port)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: serve-dist DIR PORT [PREFIX]");
        std::process::exit(2);
    };
    let site = Arc::new(Site {
        dir: PathBuf::from(dir),
        prefix: args.get(3).cloned().unwrap_or_default(),
        host_page: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/host.html"),
        offline: AtomicBool::new(false),
    });
    let listener = match TcpListener::bind(("127.0.0.1", port.parse::<u16>().unwrap_or(0))) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("serve-dist: cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        }
    };
    eprintln!("serve-dist: {dir} on http://127.0.0.1:{port}/");
    for stream in listener.incoming().flatten() {
        let site = Arc::clone(&site);
        std::thread::spawn(move || {
            let _ = respond(stream, &site);
        });
    }
}
