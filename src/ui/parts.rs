//! Small view pieces that more than one view shows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::data::model::{Confidence, Dataset};
use crate::state::fields::clean_text;
use crate::state::url::AppState;
use crate::state::vocab::Lang;
use crate::ui::context::{use_app, CollectAny};
use crate::ui::router::Nav;

/// An element with its tag chosen at run time: whatever is built from it is one
/// view type (one build, mount and drop code in the wasm), not one type per element
/// and nesting. For static text and children; attributes beyond class and lang need
/// `view!`.
pub fn el(tag: &'static str, class: Option<&'static str>, lang: Option<&'static str>, children: Vec<AnyView>) -> AnyView {
    leptos::html::custom(tag).attr("class", class).attr("lang", lang).child(children).into_any()
}

/// A confidence badge: a shape and a word, never colour alone.
pub fn badge(lang: Lang, c: Confidence) -> impl IntoView {
    view! { <span class=format!("de-badge de-badge--{}", c.id())>{crate::i18n::shell::text(lang).confidence(c)}</span> }
}

/// Sources by id as links with their publishers (English titles), in the record
/// panel and the story's steps; ids the dataset does not know are left out.
pub fn source_links(ds: &Dataset, ids: &[String]) -> impl IntoView {
    let items: Vec<(String, String, String)> = ids
        .iter()
        .filter_map(|id| ds.source(id))
        .map(|s| (s.title.clone(), s.url.clone(), s.publisher.clone()))
        .collect();
    view! {
        <ul class="de-exp__links">
            {items.into_iter().map(|(title, url, publisher)| view! {
                <li lang="en"><a href=url rel="noopener noreferrer" target="_blank">{title}</a>" — "{publisher}</li>
            }).collect_any()}
        </ul>
    }
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

/// The filters that apply (`timeline::active_filters`), each a button that removes it, labelled
/// for `records` (kinds are deal or event categories). The timeline shows them all and "Clear
/// filters"; with `only`, just that facet's filters show, without "Clear filters" (the deals
/// view's place filter, which a link from the map sets and the folded filter panel would hide).
#[component]
pub fn ActiveFilters(records: crate::state::vocab::Records, only: Option<crate::state::vocab::Facet>) -> impl IntoView {
    use crate::i18n::timeline::text;
    use crate::timeline::{active_filters, ActiveFilter};
    use crate::ui::context::{on_click, show, CollectAny};
    let app = use_app();
    let chips = move || {
        let (lang, locale, ds) = (app.lang.get(), app.locale(), app.dataset());
        let (t, ex) = (text(lang), crate::i18n::explorer::text(lang));
        let filters = app.state.with(active_filters).into_iter();
        // A place the dataset does not know is no filter (the query ignores it).
        let applies = |f: &ActiveFilter| match f {
            ActiveFilter::Option(crate::state::vocab::Facet::Place, id) => crate::explore::place_named(&ds, id).is_some(),
            _ => true,
        };
        let wanted = move |f: &ActiveFilter| only.is_none() || matches!(f, ActiveFilter::Option(facet, _) if Some(*facet) == only);
        filters.filter(|f| applies(f) && wanted(f)).map(|filter| {
            let (what, en) = match &filter {
                ActiveFilter::Option(facet, id) => {
                    let (name, en) = crate::ui::deals::option_label(&ds, records, *facet, id, lang);
                    (format!("{}: {name}", ex.facet_name(*facet)), en)
                }
                ActiveFilter::Search(q) => (format!("{}: {q}", t.search_filter), false),
                ActiveFilter::From(d) => ((t.from_filter)(&crate::ui::format::day(locale, *d)), false),
                ActiveFilter::To(d) => ((t.to_filter)(&crate::ui::format::day(locale, *d)), false),
            };
            let name = format!("{}: {what}", t.remove_filter);
            view! {
                <li><button type="button" class="de-tl-chip" aria-label=name
                    on:click=on_click(move |_| { let f = filter.clone(); app.update(Nav::Push, move |s| f.remove(s)) })>
                    <span lang=en.then_some("en")>{what}</span>" "<span aria-hidden="true">"×"</span>
                </button></li>
            }
        }).collect_any()
    };
    view! {
        <div class="de-tl-filters">
            <ul class="de-tl-chips" aria-label=app.tr(|l| text(l).filters_label)>{chips}</ul>
            {show(move || only.is_none(), move || view! {
                <button type="button" on:click=on_click(move |_| app.update(Nav::Push, |s| *s = s.cleared_filters()))>
                    {app.tr(|l| text(l).clear_filters)}
                </button>
            }.into_any())}
        </div>
    }
}
