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
use crate::tariff::{content_metal, product_param, Field, Form, DEFAULT_VALUE};
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
    /// The metal the content field is about (English, Urdu), where the product has one.
    metal: Option<(String, Option<String>)>,
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
        metal: content_metal(ds, f.product).map(|(en, ur)| (en.to_string(), ur.map(str::to_string))),
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
    // The products without a mineral last (a partition: no sort in the part for it).
    let (named, other): (Vec<_>, Vec<_>) = keys.into_iter().partition(Option::is_some);
    named.into_iter().chain(other)
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
                    // Named by what it is, the code after: "Antimony ores and concentrates (HTS 2617.10.00)".
                    let label = match p.hts.as_deref() {
                        Some(h) => (t.product_option)(&desc, h),
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
            {input_field(Field::Value, Input::Number, shape, |s| Some(s.value.clone().unwrap_or_else(|| DEFAULT_VALUE.to_string())), |s, v| s.value = v, app.tr(|l| text(l).value_hint))}
            <div class="de-field de-cal__field">
                <label for="de-cal-date">{app.tr(|l| text(l).date)}</label>
                <input id="de-cal-date" type="date" min="2025-01-01" max="2026-12-31" aria-describedby="de-cal-date-hint"
                       prop:value=live(move || shape.with(|s| s.as_ref().map(|s| s.day.to_string()).unwrap_or_default()))
                       on:change=on_date/>
                <p id="de-cal-date-hint" class="de-cal__hint">{app.tr(|l| text(l).date_hint)}</p>
            </div>
            // An emptied field clears the loading date: the answer goes back to the ordinary one.
            {input_field(Field::Loaded, Input::Date, shape, |s| s.loaded.map(|d| d.to_string()), |s, v| s.loaded = v.as_deref().and_then(Day::parse), app.tr(|l| text(l).loaded_hint))}
            {show(move || needs().quantity, move || view! {
                {input_field(Field::Quantity, Input::Number, shape, |s| s.qty.clone(), |s, v| s.qty = v, app.tr(|l| text(l).quantity_hint))}
            }.into_any())}
            {show(move || needs().content, move || view! {
                {input_field(Field::Content, Input::Number, shape, |s| s.content.clone(), |s, v| s.content = v, content_hint)}
            }.into_any())}
            {show(move || needs().mfn, move || view! {
                {input_field(Field::Mfn, Input::Number, shape, |s| s.mfn.clone(), |s, v| s.mfn = v, app.tr(|l| text(l).mfn_hint))}
            }.into_any())}
            {input_field(Field::Surcharge, Input::Number, shape, |s| s.surcharge.clone(), |s, v| s.surcharge = v, app.tr(|l| text(l).surcharge_hint))}
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

/// What an input takes: a number, typed (each keystroke replaces the history
/// entry), or a day, chosen (a change pushes one).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Number,
    Date,
}

/// An input with its hint and, when wrong, an alert it points to.
fn input_field(
    field: Field,
    input: Input,
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
    let (kind, mode, nav) = match input {
        Input::Number => ("text", Some("decimal"), Nav::Replace),
        Input::Date => ("date", None, Nav::Push),
    };
    let on_value = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        app.update(nav, move |s| set(s, Some(v)));
    };
    view! {
        <div class="de-field de-cal__field">
            <label for=id.clone()>{move || {
                // The content field names its metal: "Lead content (%)".
                let metal = (field == Field::Content)
                    .then(|| shape.with(|s| s.as_ref().and_then(|s| s.metal.clone())))
                    .flatten();
                match metal {
                    Some((en, ur)) => (t().content_of)(&super::metal_name(app.lang.get(), (&en, ur.as_deref()))),
                    None => t().field(field).to_string(),
                }
            }}</label>
            <input id=id type=kind inputmode=mode autocomplete="off" spellcheck="false"
                   prop:value=live(move || app.state.with(raw).unwrap_or_default())
                   aria-invalid=move || error().is_some().then_some("true")
                   aria-describedby=described
                   on:input=move |ev| if input == Input::Number { on_value(ev) }
                   on:change=move |ev| if input == Input::Date { on_value(ev) }/>
            <p id=hint_id class="de-cal__hint">{hint}</p>
            {move || error().map(|e| view! { <p id=err_id.clone() class="de-cal__error" role="alert">{t().error(field, e)}</p> })}
        </div>
    }
}
