//! Harness for the end-to-end tests: drives the built `dist/` in headless
//! Chromium over WebDriver (fantoccini), and finds controls the way a
//! screen-reader user does, by role and accessible name (Chromium's computed
//! role and label, through chromedriver).
//!
//! `scripts/e2e.sh` (run by `make test`) starts the static server and
//! chromedriver, sets `DE_BASE_URL` and `WEBDRIVER_URL`, and stops both after.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream as StdTcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub mod bench;
pub mod parts;

/// The start-up marks of the dataset's validator (`ui::load`), as `[run in the
/// browser, skipped as done at build time]`: a script for `Page::js`.
pub const VALIDATION_MARKS: &str =
    "return ['de:checked', 'de:validated-at-build'].map((m) => performance.getEntriesByName(m).length)";

pub use fantoccini;
pub use serde_json;

/// WebDriver codes for special keys.
pub mod keys {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const SPACE: &str = " ";
    pub const DOWN: &str = "\u{E015}";
    pub const RIGHT: &str = "\u{E014}";
    pub const LEFT: &str = "\u{E012}";
    pub const UP: &str = "\u{E013}";
    pub const HOME: &str = "\u{E011}";
    pub const END: &str = "\u{E010}";
}

/// How long to wait for something to appear before failing the test.
pub const WAIT: Duration = Duration::from_secs(15);

/// The Chromium flags that keep it quiet and off the network.
pub const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--lang=en-US",
];

fn env(key: &str, default: &str) -> String {
    std::env::var(key).unwrap_or_else(|_| default.to_string())
}

/// Base URL of the deployment under test, ending in `/`.
pub fn base_url() -> String {
    let b = env("DE_BASE_URL", "http://127.0.0.1:8181/");
    if b.ends_with('/') { b } else { format!("{b}/") }
}

pub fn webdriver_url() -> String {
    env("WEBDRIVER_URL", "http://127.0.0.1:9515")
}

/// CSS candidates for an ARIA role; the computed role is checked after.
fn candidates(role: &str) -> &'static str {
    match role {
        "button" => "button, [role=button], input[type=button], input[type=submit]",
        "link" => "a[href], [role=link]",
        "tab" => "[role=tab]",
        "checkbox" => "input[type=checkbox], [role=checkbox]",
        "radio" => "input[type=radio], [role=radio]",
        "textbox" => "input:not([type]), input[type=text], input[type=email], input[type=url], textarea, [role=textbox]",
        "searchbox" => "input[type=search], [role=searchbox]",
        "combobox" => "select, [role=combobox]",
        "spinbutton" => "input[type=number], [role=spinbutton]",
        "status" => "[role=status], output",
        "alert" => "[role=alert]",
        "table" => "table, [role=table], [role=grid]",
        "list" => "ul, ol, [role=list]",
        "listitem" => "li, [role=listitem]",
        "group" => "fieldset, [role=group]",
        "dialog" => "dialog, [role=dialog]",
        "img" => "img, svg[role=img], [role=img]",
        "navigation" => "nav, [role=navigation]",
        "heading" => "h1, h2, h3, h4, h5, h6, [role=heading]",
        _ => "*",
    }
}

/// A minimal HTTP/1.1 exchange with chromedriver for the endpoints fantoccini
/// does not wrap (computed role/label, browser logs).
async fn webdriver_call(method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
    let base = webdriver_url();
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = TcpStream::connect(host).await.map_err(|e| e.to_string())?;
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.map_err(|e| e.to_string())?;
    // chromedriver may keep the connection open: read until the body is complete.
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let payload = loop {
        let n = tokio::time::timeout(WAIT, stream.read(&mut buf)).await.map_err(|_| "chromedriver timed out")?.map_err(|e| e.to_string())?;
        raw.extend_from_slice(&buf[..n]);
        let text = String::from_utf8_lossy(&raw).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let lower = head.to_ascii_lowercase();
            let length = lower
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            match length {
                Some(len) if body.len() >= len => break body[..len].to_string(),
                None if lower.contains("transfer-encoding: chunked") && body.ends_with("0\r\n\r\n") => break dechunk(body),
                _ if n == 0 => break body.to_string(),
                _ => {}
            }
        } else if n == 0 {
            return Err("no HTTP response".into());
        }
    };
    let v: Value = serde_json::from_str(&payload).map_err(|e| format!("{e}: {payload}"))?;
    Ok(v.get("value").cloned().unwrap_or(Value::Null))
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// One browser session on one page of the app.
pub struct Page {
    pub client: Client,
    sid: String,
}

impl Page {
    /// A new Chromium session at 1280×900 showing `?{query}`.
    pub async fn open(query: &str) -> Page {
        Page::open_sized(query, 1280, 900).await
    }

    /// A new Chromium session with the given window size showing `?{query}`.
    pub async fn open_sized(query: &str, width: u32, height: u32) -> Page {
        let page = Page::new_session(width, height).await;
        page.goto(query).await;
        page
    }

    pub async fn new_session(width: u32, height: u32) -> Page {
        Page::new_session_with(width, height, false).await
    }

    /// A new session that also logs every network request the browser makes
    /// (read with `requested_urls`), for benchmarks that must prove no request
    /// left the machine.
    pub async fn new_session_logging_network(width: u32, height: u32) -> Page {
        Page::new_session_with(width, height, true).await
    }

    async fn new_session_with(width: u32, height: u32, network_log: bool) -> Page {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "args": CHROME_ARGS.iter().chain([format!("--window-size={width},{height}").as_str()].iter()).collect::<Vec<_>>() }),
        );
        let logs = if network_log { json!({ "browser": "ALL", "performance": "ALL" }) } else { json!({ "browser": "ALL" }) };
        caps.insert("goog:loggingPrefs".into(), logs);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&webdriver_url())
            .await
            .unwrap_or_else(|e| panic!("cannot start a Chromium session at {}: {e}", webdriver_url()));
        let sid = client.session_id().await.ok().flatten().unwrap_or_default();
        let _ = client.set_window_size(width, height).await;
        Page { client, sid }
    }

    /// Navigates to `base?query` (or `base` for an empty query) and waits for the app.
    pub async fn goto(&self, query: &str) {
        let url = if query.is_empty() { base_url() } else { format!("{}?{}", base_url(), query.trim_start_matches('?')) };
        self.goto_url(&url).await;
    }

    pub async fn goto_url(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
        self.wait_ready().await;
    }

    /// Waits until the app has mounted: its main region showing a view (whose
    /// wasm part may arrive after the chrome), or a panel saying why not.
    pub async fn wait_ready(&self) {
        self.wait_for("app ready", "return !!document.querySelector('#de-main > *, .de-panel')").await;
    }

    /// Polls a JS expression (a function body returning a truthy value) until it holds.
    pub async fn wait_for(&self, what: &str, script: &str) -> Value {
        let start = Instant::now();
        loop {
            if let Ok(v) = self.client.execute(script, vec![]).await {
                if !(v.is_null() || v == json!(false) || v == json!("") || v == json!(0)) {
                    return v;
                }
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs a script (a function body) and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The page's `location.search`, without `?`.
    pub async fn query(&self) -> String {
        self.js("return location.search.replace(/^\\?/, '')").await.as_str().unwrap_or("").to_string()
    }

    /// The query once it satisfies `ok`: typing replaces the address only when
    /// it pauses (the router's settle time), so the address follows a moment later.
    pub async fn wait_query(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let q = self.query().await;
            if ok(&q) {
                return q;
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for the address to show {what}; it reads ?{q}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn css(&self, selector: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(selector))
            .await
            .unwrap_or_else(|e| panic!("no element {selector}: {e}"))
    }

    pub async fn all(&self, selector: &str) -> Vec<Element> {
        self.client.find_all(Locator::Css(selector)).await.unwrap_or_default()
    }

    /// Chromium's computed accessible name of an element.
    pub async fn label(&self, el: &Element) -> String {
        let path = format!("/session/{}/element/{}/computedlabel", self.sid, el.element_id());
        webdriver_call("GET", &path, None).await.ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }

    /// Chromium's computed ARIA role of an element.
    pub async fn role(&self, el: &Element) -> String {
        let path = format!("/session/{}/element/{}/computedrole", self.sid, el.element_id());
        webdriver_call("GET", &path, None).await.ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }

    /// Displayed elements with this role whose accessible name satisfies `name_ok`, inside `within` if given.
    pub async fn find_role(&self, within: Option<&Element>, role: &str, name_ok: &dyn Fn(&str) -> bool) -> Vec<Element> {
        let found = match within {
            Some(parent) => parent.find_all(Locator::Css(candidates(role))).await.unwrap_or_default(),
            None => self.all(candidates(role)).await,
        };
        let mut out = Vec::new();
        for el in found {
            if !el.is_displayed().await.unwrap_or(false) {
                continue;
            }
            if self.role(&el).await == role && name_ok(self.label(&el).await.trim()) {
                out.push(el);
            }
        }
        out
    }

    /// The displayed element with this role and exactly this accessible name; waits for it.
    pub async fn by_role(&self, role: &str, name: &str) -> Element {
        self.by_role_in(None, role, name).await
    }

    pub async fn by_role_in(&self, within: Option<&Element>, role: &str, name: &str) -> Element {
        let start = Instant::now();
        loop {
            if let Some(el) = self.find_role(within, role, &|n| n == name).await.into_iter().next() {
                return el;
            }
            if start.elapsed() > WAIT {
                panic!("no {role} named {name:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Whether a displayed element with this role and name exists now (no waiting).
    pub async fn has_role(&self, role: &str, name: &str) -> bool {
        !self.find_role(None, role, &|n| n == name).await.is_empty()
    }

    /// The text of an element.
    pub async fn text(&self, el: &Element) -> String {
        el.text().await.unwrap_or_default()
    }

    /// The entries of one of chromedriver's logs ("browser", "performance") since the last read.
    async fn log(&self, kind: &str) -> Vec<Value> {
        let path = format!("/session/{}/se/log", self.sid);
        let logs = webdriver_call("POST", &path, Some(&json!({ "type": kind }))).await.unwrap_or(Value::Null);
        logs.as_array().cloned().unwrap_or_default()
    }

    /// Browser console entries at level SEVERE (errors, uncaught exceptions, failed loads).
    pub async fn console_errors(&self) -> Vec<String> {
        self.log("browser")
            .await
            .iter()
            .filter(|e| e.get("level").and_then(Value::as_str) == Some("SEVERE"))
            .filter_map(|e| e.get("message").and_then(Value::as_str).map(str::to_string))
            // Chromium asks for a favicon on its own; a missing one is not the app's error.
            .filter(|m| !m.contains("favicon.ico"))
            .collect()
    }

    /// URLs of the requests sent since the last call (sessions from
    /// `new_session_logging_network` only), from chromedriver's performance log.
    pub async fn requested_urls(&self) -> Vec<String> {
        self.log("performance")
            .await
            .iter()
            .filter_map(|e| e.get("message").and_then(Value::as_str))
            .filter_map(|m| serde_json::from_str::<Value>(m).ok())
            .filter(|m| m.pointer("/message/method").and_then(Value::as_str) == Some("Network.requestWillBeSent"))
            .filter_map(|m| m.pointer("/message/params/request/url").and_then(Value::as_str).map(str::to_string))
            .collect()
    }

    /// Runs a Chrome DevTools Protocol command through chromedriver.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        let path = format!("/session/{}/goog/cdp/execute", self.sid);
        webdriver_call("POST", &path, Some(&json!({ "cmd": cmd, "params": params })))
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    /// Runs `script` in every new document before the page's own scripts.
    pub async fn before_each_document(&self, script: &str) {
        self.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": script })).await;
    }

    /// Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page; one line per violation.
    pub async fn axe(&self) -> Vec<String> {
        let path = format!("{}/../../.tools/node_modules/axe-core/axe.min.js", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("axe-core missing at {path} ({e}): run make setup"));
        self.js(&format!("{source}\n;return true;")).await;
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })\
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '))))\
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("axe did not run: {e}"));
        result
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    }

    /// Sends keys to the focused element (WebDriver key codes: see `keys`).
    pub async fn press(&self, keys: &str) {
        let el = self.client.active_element().await.unwrap_or_else(|e| panic!("no focused element: {e}"));
        el.send_keys(keys).await.unwrap_or_else(|e| panic!("cannot type {keys:?}: {e}"));
    }

    /// Presses Tab until the focused element has this role and accessible name
    /// (at most `max` times); returns it. Fails if focus never gets there.
    pub async fn tab_to(&self, role: &str, name: &str, max: usize) -> Element {
        for _ in 0..max {
            self.press(keys::TAB).await;
            if let Ok(el) = self.client.active_element().await {
                if self.role(&el).await == role && self.label(&el).await.trim() == name {
                    return el;
                }
            }
        }
        panic!("Tab never reached the {role} named {name:?} within {max} presses");
    }

    /// The focused element's role and accessible name.
    pub async fn focused(&self) -> (String, String) {
        match self.client.active_element().await {
            Ok(el) => (self.role(&el).await, self.label(&el).await),
            Err(_) => (String::new(), String::new()),
        }
    }

    /// Fails the test if the console has errors.
    pub async fn assert_no_console_errors(&self) {
        let errors = self.console_errors().await;
        assert!(errors.is_empty(), "console errors: {errors:#?}");
    }

    /// Saves a screenshot (for debugging a failure) to `target/e2e-<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(format!("{}/../../target/e2e-{name}.png", env!("CARGO_MANIFEST_DIR")), png);
        }
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// The sub-path the test servers also serve the build under.
pub const PREFIX: &str = "/news/2026/minerals/";

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn dist() -> PathBuf {
    repo().join(std::env::var("DIST").unwrap_or_else(|_| "dist".into()))
}

/// A plain HTTP GET; returns the response head and body as text.
pub fn http_get(port: u16, path: &str) -> String {
    let Ok(mut stream) = StdTcpStream::connect(("127.0.0.1", port)) else { return String::new() };
    let _ = write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    let mut out = String::new();
    let _ = stream.read_to_string(&mut out);
    out
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dist").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// A private `serve-dist` over a private copy of dist/ (under `PREFIX` too),
/// for tests that cut the network or change files; stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl Server {
    pub fn start(name: &str) -> Server {
        Server::start_from(name, &dist())
    }

    /// Like `start`, over a private copy of another folder (a benchmark's comparison pages).
    pub fn start_from(name: &str, from: &Path) -> Server {
        let dir = repo().join(format!("target/e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(from, &dir);
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port");
        let child = Command::new(repo().join("target/debug/serve-dist"))
            .args([dir.to_str().unwrap_or("."), &port.to_string(), PREFIX])
            .spawn()
            .expect("start serve-dist");
        for _ in 0..100 {
            if StdTcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Server { child, port, dir }
    }

    pub fn url(&self, query: &str) -> String {
        format!("http://127.0.0.1:{}{PREFIX}{}{query}", self.port, if query.is_empty() { "" } else { "?" })
    }

    /// Replaces a file of this deployment (path relative to dist/), dropping
    /// its precompressed copies so the server cannot serve stale bytes.
    /// A new `data/deals.json` also drops the page's list of the build's shards
    /// (cut from the old one), as a deployment that edits its dataset must: the
    /// app then loads (and validates) the whole file.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        std::fs::write(self.dir.join(rel), contents).unwrap_or_else(|e| panic!("write {rel}: {e}"));
        self.remove_compressed(rel);
        // Only a deployment of the app has the list (not the benchmark's comparison pages).
        if let (true, Ok(html)) = (rel == "data/deals.json", std::fs::read_to_string(self.dir.join("index.html"))) {
            let kept: Vec<&str> = html.split_inclusive('\n').filter(|line| !line.starts_with("<meta name=\"de-data-shards\"")).collect();
            self.write("index.html", kept.concat());
        }
    }

    /// Deletes a file of this deployment and its precompressed copies.
    pub fn remove(&self, rel: &str) {
        let _ = std::fs::remove_file(self.dir.join(rel));
        self.remove_compressed(rel);
    }

    fn remove_compressed(&self, rel: &str) {
        for ext in ["br", "gz"] {
            let _ = std::fs::remove_file(self.dir.join(format!("{rel}.{ext}")));
        }
    }

    pub fn network(&self, up: bool) {
        http_get(self.port, if up { "/__offline/off" } else { "/__offline/on" });
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

