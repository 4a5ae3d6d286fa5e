//! Small view pieces that more than one view shows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::model::Confidence;
use crate::state::fields::clean_text;
use crate::state::url::AppState;
use crate::state::vocab::Lang;
use crate::ui::context::use_app;
use crate::ui::router::Nav;

/// A confidence badge: a shape and a word, never colour alone.
pub fn badge(lang: Lang, c: Confidence) -> impl IntoView {
    view! { <span class=format!("de-badge de-badge--{}", c.id())>{crate::i18n::shell::text(lang).confidence(c)}</span> }
}

/// "(انگریزی میں)" after text an Urdu reader sees in English on purpose (a
/// word-for-word quotation, the titles of English sources); nothing in English.
pub fn in_english_label(lang: Lang, quoted: bool) -> Option<impl IntoView> {
    (quoted && lang == Lang::Ur).then(|| view! { " "<span class="de-muted">{crate::i18n::shell::text(lang).english_only}</span> })
}

/// What a search box reads and writes: its element id and class, its label
/// and hint, and the state field it edits (read, and set from typed text).
pub struct SearchField {
    pub id: &'static str,
    pub class: &'static str,
    pub label: fn(Lang) -> &'static str,
    pub hint: fn(Lang) -> &'static str,
    pub read: fn(&AppState) -> &str,
    pub write: fn(&mut AppState, &str),
}

/// A search box whose text lives in the state: typing replaces the address
/// entry (the router writes it once typing pauses); back/forward or "Clear
/// filters" set the box, never over the text being typed.
pub fn search_box(field: SearchField) -> impl IntoView {
    let app = use_app();
    let input = NodeRef::<leptos::html::Input>::new();
    let read = field.read;
    let write = field.write;
    Effect::new(move |_| {
        let q = app.state.with(|s| read(s).to_string());
        if let Some(el) = input.get() {
            if clean_text(&el.value()) != q {
                el.set_value(&q);
            }
        }
    });
    view! {
        <div class=format!("de-field {}", field.class)>
            <label for=field.id>{app.tr(field.label)}</label>
            <input id=field.id type="search" node_ref=input autocomplete="off" enterkeyhint="search"
                placeholder=app.tr(field.hint)
                prop:value=app.state.with_untracked(|s| read(s).to_string())
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    app.update(Nav::Replace, move |s| write(s, &typed));
                }/>
        </div>
    }
}

/// A labelled select whose value lives in the state: its options (built by
/// the caller, following the state), the value shown, and the state rule a
/// choice applies (a pushed history step). One view type for every such select.
pub struct SelectField {
    pub id: &'static str,
    pub label: fn(Lang) -> &'static str,
    pub value: Arc<dyn Fn() -> String + Send + Sync>,
    pub options: Arc<dyn Fn() -> Vec<AnyView> + Send + Sync>,
    pub choose: fn(&mut AppState, &str),
}

pub fn select_field(field: SelectField) -> impl IntoView {
    let app = use_app();
    let SelectField { id, label, value, options, choose } = field;
    view! {
        <div class="de-field">
            <label for=id>{app.tr(label)}</label>
            <select id=id prop:value=move || value() on:change=move |ev| {
                let chosen = event_target_value(&ev);
                app.update(Nav::Push, move |s| choose(s, &chosen));
            }>{move || options()}</select>
        </div>
    }
}
