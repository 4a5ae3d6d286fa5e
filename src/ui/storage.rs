//! Remembered preferences in localStorage, where the browser allows it.
//! Storage may be missing (sandboxed iframe, private mode) or hold anything:
//! every call here is best-effort and never fails the caller.

const PREFIX: &str = "deal-explorer:";

fn local() -> Option<web_sys::Storage> {
    // `local_storage()` itself throws in some sandboxes: treat that as "no storage".
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored value, if storage works and holds one (unvalidated: parse it).
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(&format!("{PREFIX}{key}")).ok().flatten()
}

/// Stores a value; silently does nothing where storage is unavailable or full.
pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(&format!("{PREFIX}{key}"), value);
    }
}
