//! The shipment form. Inputs show the URL's raw text, so a wrong value stays
//! visible next to its alert; typing replaces the history entry, choosing a
//! product or date pushes one.

use leptos::prelude::*;

use crate::data::date::Day;
use crate::data::model::Dataset;
use crate::i18n::calculator::text;
use crate::state::url::AppState;
use crate::state::vocab::Lang;
use crate::tariff::duty::Needs;
use crate::tariff::parse::InputError;
use crate::tariff::{product_param, Field, Form, DEFAULT_VALUE};
use crate::ui::context::{use_app, CollectAny, show, live};
use crate::ui::router::Nav;

/// The part of the form that decides which fields show and which are wrong.
#[derive(Clone, Debug, PartialEq)]
struct FormShape {
    product: String,
    needs: Needs,
    copper: bool,
    errors: Vec<(Field, InputError)>,
    day: Day,
    loaded: Option<Day>,
}

fn shape(ds: &Dataset, s: &AppState) -> Option<FormShape> {
    let f = Form::read(ds, s)?;
    Some(FormShape {
        product: product_param(f.product).to_string(),
        needs: f.needs,
        copper: f.product.section_232_copper,
        errors: f.errors(),
        day: f.day,
        loaded: s.loaded,
    })
}

/// Products grouped by their first mineral, in dataset order; classes without one last.
fn groups(ds: &Dataset, lang: Lang) -> AnyView {
    let t = text(lang);
    let mut keys: Vec<Option<&str>> = Vec::new();
    for p in &ds.products {
        let k = p.mineral_ids.first().map(String::as_str);
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys.sort_by_key(|k| k.is_none());
    keys.into_iter()
        .map(|k| {
            let label = match k.and_then(|id| ds.mineral(id)) {
                Some(m) => crate::i18n::local(lang, &m.name, m.name_ur.as_deref()).0,
                None => t.other_group.to_string(),
            };
            let options = ds
                .products
                .iter()
                .filter(|p| p.mineral_ids.first().map(String::as_str) == k)
                .map(|p| {
                    let (desc, english) = match (lang, p.description_ur.as_deref()) {
                        (Lang::Ur, Some(ur)) => (ur.to_string(), false),
                        (lang, _) => (p.description.clone(), lang == Lang::Ur),
                    };
                    let label = match p.hts.as_deref() {
                        Some(h) => format!("HTS {h} — {desc}"),
                        None => desc,
                    };
                    view! { <option value=product_param(p).to_string() lang=english.then_some("en")>{label}</option> }
                })
                .collect_any();
            view! { <optgroup label=label>{options}</optgroup> }
        })
        .collect_any()
        .into_any()
}

#[component]
pub(super) fn ShipmentForm() -> impl IntoView {
    let app = use_app();
    let t = move || text(app.lang.get());
    let shape = Memo::new(move |_| {
        let ds = app.dataset();
        app.state.with(|s| shape(&ds, s))
    });
    let needs = move || shape.with(|s| s.as_ref().map(|s| s.needs).unwrap_or_default());
    let on_product = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        app.update(Nav::Push, move |s| s.hts = Some(v));
    };
    let on_date = move |ev: leptos::ev::Event| {
        let d = Day::parse(&event_target_value(&ev));
        app.update(Nav::Push, move |s| s.date = d);
    };
    // An emptied field clears the loading date: the answer goes back to the ordinary one.
    let on_loaded = move |ev: leptos::ev::Event| {
        let d = Day::parse(&event_target_value(&ev));
        app.update(Nav::Push, move |s| s.loaded = d);
    };
    let loaded_error = move || {
        shape.with(|s| {
            s.as_ref()
                .and_then(|s| s.errors.iter().find(|(f, _)| *f == Field::Loaded).map(|(_, e)| *e))
        })
    };
    let content_hint = move || {
        if shape.with(|s| s.as_ref().is_some_and(|s| s.copper)) {
            t().content_hint_copper
        } else {
            t().content_hint_specific
        }
    };
    view! {
        <form class="de-cal__form" aria-labelledby="de-cal-form-h" on:submit=|ev| ev.prevent_default()>
            <h3 id="de-cal-form-h">{app.tr(|l| text(l).form_label)}</h3>
            <div class="de-field de-cal__field">
                <label for="de-cal-product">{app.tr(|l| text(l).product)}</label>
                <select id="de-cal-product" on:change=on_product
                        prop:value=live(move || shape.with(|s| s.as_ref().map(|s| s.product.clone()).unwrap_or_default()))>
                    {move || groups(&app.dataset(), app.lang.get())}
                </select>
            </div>
            {number_field(Field::Value, shape, |s| Some(s.value.clone().unwrap_or_else(|| DEFAULT_VALUE.to_string())), |s, v| s.value = v, app.tr(|l| text(l).value_hint))}
            <div class="de-field de-cal__field">
                <label for="de-cal-date">{app.tr(|l| text(l).date)}</label>
                <input id="de-cal-date" type="date" min="2025-01-01" max="2026-12-31" aria-describedby="de-cal-date-hint"
                       prop:value=live(move || shape.with(|s| s.as_ref().map(|s| s.day.to_string()).unwrap_or_default()))
                       on:change=on_date/>
                <p id="de-cal-date-hint" class="de-cal__hint">{app.tr(|l| text(l).date_hint)}</p>
            </div>
            <div class="de-field de-cal__field">
                <label for="de-cal-loaded">{app.tr(|l| text(l).loaded)}</label>
                <input id="de-cal-loaded" type="date" min="2025-01-01" max="2026-12-31"
                       aria-describedby=move || if loaded_error().is_some() { "de-cal-loaded-hint de-cal-loaded-error" } else { "de-cal-loaded-hint" }
                       aria-invalid=move || loaded_error().is_some().then_some("true")
                       prop:value=live(move || shape.with(|s| s.as_ref().and_then(|s| s.loaded).map(|d| d.to_string()).unwrap_or_default()))
                       on:change=on_loaded/>
                <p id="de-cal-loaded-hint" class="de-cal__hint">{app.tr(|l| text(l).loaded_hint)}</p>
                {move || loaded_error().map(|e| view! {
                    <p id="de-cal-loaded-error" class="de-cal__error" role="alert">{t().error(Field::Loaded, e)}</p>
                })}
            </div>
            {show(move || needs().quantity, move || view! {
                {number_field(Field::Quantity, shape, |s| s.qty.clone(), |s, v| s.qty = v, app.tr(|l| text(l).quantity_hint))}
            }.into_any())}
            {show(move || needs().content, move || view! {
                {number_field(Field::Content, shape, |s| s.content.clone(), |s, v| s.content = v, content_hint)}
            }.into_any())}
            {show(move || needs().mfn, move || view! {
                {number_field(Field::Mfn, shape, |s| s.mfn.clone(), |s, v| s.mfn = v, app.tr(|l| text(l).mfn_hint))}
            }.into_any())}
            {number_field(Field::Surcharge, shape, |s| s.surcharge.clone(), |s, v| s.surcharge = v, app.tr(|l| text(l).surcharge_hint))}
        </form>
    }
}

fn field_id(f: Field) -> &'static str {
    match f {
        Field::Value => "value",
        Field::Loaded => "loaded",
        Field::Quantity => "qty",
        Field::Content => "content",
        Field::Surcharge => "surcharge",
        Field::Mfn => "mfn",
    }
}

/// A text input for a number, with its hint and, when wrong, an alert it points to.
fn number_field(
    field: Field,
    shape: Memo<Option<FormShape>>,
    raw: fn(&AppState) -> Option<String>,
    set: fn(&mut AppState, Option<String>),
    hint: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let t = move || text(app.lang.get());
    let id = format!("de-cal-{}", field_id(field));
    let (hint_id, err_id) = (format!("{id}-hint"), format!("{id}-error"));
    let error = move || {
        shape.with(|s| {
            s.as_ref()
                .and_then(|s| s.errors.iter().find(|(f, _)| *f == field).map(|(_, e)| *e))
        })
    };
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        move || {
            if error().is_some() {
                format!("{hint_id} {err_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        app.update(Nav::Replace, move |s| set(s, Some(v)));
    };
    view! {
        <div class="de-field de-cal__field">
            <label for=id.clone()>{move || t().field(field)}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                   prop:value=live(move || app.state.with(raw).unwrap_or_default())
                   aria-invalid=move || error().is_some().then_some("true")
                   aria-describedby=described
                   on:input=on_input/>
            <p id=hint_id class="de-cal__hint">{hint}</p>
            {move || error().map(|e| view! { <p id=err_id.clone() class="de-cal__error" role="alert">{t().error(field, e)}</p> })}
        </div>
    }
}
