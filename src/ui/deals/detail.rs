//! The detail panel of the selected record (`sel`): a modal <dialog> opened
//! from the URL, closed by its button or Escape; focus goes into it on open
//! and back to the row's link on close.

use leptos::prelude::*;

use crate::ui::context::{CollectAny, on_click};
use wasm_bindgen::JsCast;

use super::use_explorer;
use super::value::ValueFacts;
use crate::ui::parts::{badge, in_english_label, source_links};
use crate::ui::glossary::glossed;
use crate::i18n::local;
use crate::data::model::{Dataset, Dispute};
use crate::explore::RecordView;
use crate::i18n::explorer::text;
use crate::state::url::AppState;
use crate::state::vocab::{Lang, Records};
use crate::ui::context::AppCtx;
use crate::ui::format;
use crate::ui::router::{self, Nav};

/// The shown link that opens `id` (in the table or the list, whichever is shown).
fn opener(id: &str) -> Option<web_sys::HtmlElement> {
    ["t", "l"].into_iter().find_map(|place| {
        document()
            .get_element_by_id(&format!("de-exp-{place}-{id}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .filter(|e| e.offset_parent().is_some())
    })
}

/// Puts focus back on the link that opened `id`.
fn refocus(id: String) {
    request_animation_frame(move || {
        if let Some(el) = opener(&id) {
            crate::ui::web::focus(&el);
        }
    });
}

/// In an embed, the panel opens beside the row that opened it: the frame is as
/// tall as its content, so the frame's centre may be far from what the reader
/// sees of it, and the host page must not scroll (style/embed.css).
fn place_beside_opener(dialog: &web_sys::HtmlElement, id: &str) {
    if !crate::ui::web::embedded() {
        return;
    }
    let Some(link) = opener(id) else { return };
    // Whole pixels written as an integer: formatting an `f64` would bring Rust's float printing into the part.
    let top = (link.get_bounding_client_rect().top() - 16.0).max(8.0).round() as i32;
    let _ = dialog.set_attribute("data-top", "");
    let _ = dialog.style().set_property("--de-detail-top", &format!("{top}px"));
}

/// Disputed points in the reader's language; a claim quoted word for word from
/// an English source stays English, labelled so in Urdu.
fn disputes_view(ds: &Dataset, lang: Lang, disputes: &[Dispute], heading: &'static str) -> impl IntoView {
    (!disputes.is_empty()).then(|| {
        view! {
            <h3>{heading}</h3>
            {disputes.iter().map(|d| {
                let (topic, topic_en) = local(lang, &d.topic, d.topic_ur.as_deref());
                view! {
                    <section class="de-exp__dispute">
                        <h4 lang=topic_en.then_some("en")>{topic}</h4>
                        <ul>{d.versions.iter().map(|v| {
                            let (claim, en) = local(lang, &v.claim, v.claim_ur.as_deref());
                            let label = in_english_label(lang, v.quote_en);
                            view! {
                                <li><p><span lang=en.then_some("en")>{claim}</span>{label}</p>{source_links(ds, &v.sources)}</li>
                            }
                        }).collect_any()}</ul>
                    </section>
                }
            }).collect_any()}
        }
    })
}

#[component]
pub(crate) fn Detail() -> impl IntoView {
    let ex = use_explorer();
    let app = ex.app;
    // The selected id, where the dataset knows it (an unknown `sel` is ignored).
    let selected = Memo::new(move |_| {
        let ds = ex.ds();
        app.state
            .with(|s| s.sel.clone())
            .filter(|id| RecordView::find(&ds, id).is_some())
    });
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let arrived_with = ex.arrived_with.try_update_value(Option::take).flatten();
                if let Some(id) = selected.get_untracked().filter(|id| arrived_with.as_ref() != Some(id)) {
                    place_beside_opener(&d, &id);
                }
                let _ = d.show_modal();
                // Focus moves into the panel, on its close button.
                let close = d.query_selector(".de-exp__close").ok().flatten();
                if let Some(b) = close.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                    crate::ui::web::focus(&b);
                }
            }
        }
    });
    let close = move || {
        let Some(id) = selected.get_untracked() else {
            return;
        };
        app.update(Nav::Push, |s| s.sel = None);
        refocus(id);
    };
    view! {
        {move || selected.get().map(|id| view! {
            <dialog node_ref=dialog class="de-exp__detail" aria-labelledby="de-exp-detail-h"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        close();
                    }
                }
                on:close=move |_| close()>
                <button type="button" class="de-exp__close" autofocus on:click=on_click(move |_| close())>
                    {app.tr(|l| text(l).close)}
                </button>
                {move || body(&id)}
                // The header's button is out of reach while the panel is open (modal): this record's link.
                <crate::ui::share::CopyLink/>
            </dialog>
        })}
    }
}

/// A link that opens another record in the panel: the filters stay, the
/// records switch follows the record's kind.
fn record_link(app: AppCtx, target: &str, title: (String, bool), records: Records) -> AnyView {
    let href = app.state.with(|s| router::href_for(&AppState { sel: Some(target.to_string()), records, ..s.clone() }));
    let target = target.to_string();
    let open = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        let target = target.clone();
        app.update(Nav::Push, move |s| {
            s.set_records(records);
            s.sel = Some(target);
        });
    };
    view! { <li><a href=href lang=title.1.then_some("en") on:click=on_click(open)>{title.0}</a></li> }.into_any()
}

/// A labelled fact of the panel, and whether its text is English.
type Fact = (&'static str, (String, bool));
/// Status notes, and whether they are English.
type Notes = (Vec<String>, bool);
/// The heading of the related records, and their links.
type Related = (&'static str, Vec<AnyView>);

/// What the panel shows of a record beside its title and text: its facts, its
/// status notes (and whether they are English) and the related records.
fn particulars(app: AppCtx, ds: &Dataset, r: RecordView) -> (Vec<Fact>, Notes, Related) {
    let (lang, locale) = (app.lang.get(), app.locale());
    let (t, shell) = (text(lang), crate::i18n::shell::text(lang));
    let link_to = |target: &str, title: (String, bool), records: Records| record_link(app, target, title, records);
    let (parties, minerals) = r.names(ds, lang);
    let (parties, minerals) = (parties.join(", "), minerals.join(", "));
    match r {
        RecordView::Deal(d) => {
            let date = match &d.date_note {
                Some(note) => {
                    let note = local(lang, note, d.date_note_ur.as_deref()).0;
                    format!("{} ({note})", format::data_date(locale, d.date.as_deref()))
                }
                None => format::data_date(locale, d.date.as_deref()),
            };
            let value = r.value().map_or_else(|| t.no_value.to_string(), |v| format::usd(locale, v, false));
            let related: Vec<AnyView> = ds
                .events
                .iter()
                .filter(|e| e.deal_id.as_deref() == Some(d.id.as_str()))
                .map(|e| link_to(&e.id, local(lang, &e.title, e.title_ur.as_deref()), Records::Events))
                .collect();
            let mut facts = vec![
                (t.col_date, (date, false)),
                (t.kind, local(lang, &d.kind, d.kind_ur.as_deref())),
                (t.status, local(lang, &d.status, d.status_ur.as_deref())),
            ];
            facts.extend(ValueFacts::of(d, lang).facts(value, lang));
            facts.extend([(t.parties, (parties, false)), (t.minerals, (minerals, false))]);
            (
                facts,
                // The Urdu notes where every one is translated, else the English ones.
                if lang == Lang::Ur && d.status_detail_ur.len() == d.status_detail.len() {
                    (d.status_detail_ur.clone(), false)
                } else {
                    (d.status_detail.clone(), true)
                },
                (t.related_events, related),
            )
        }
        RecordView::Event(e) => {
            let date = match e.end_date.as_deref() {
                Some(end) => format!(
                    "{} – {}",
                    format::data_date(locale, Some(&e.date)),
                    format::data_date(locale, Some(end))
                ),
                None => format::data_date(locale, Some(&e.date)),
            };
            let deal = e
                .deal_id
                .as_deref()
                .and_then(|id| ds.deal(id))
                .map(|d| link_to(&d.id, local(lang, &d.title, d.title_ur.as_deref()), Records::Deals));
            (
                vec![
                    (t.col_date, (date, false)),
                    (t.kind, (shell.category(e.category).to_string(), false)),
                    (t.parties, (parties, false)),
                    (t.minerals, (minerals, false)),
                ],
                (Vec::new(), false),
                (t.related_deal, deal.into_iter().collect()),
            )
        }
    }
}

fn body(id: &str) -> AnyView {
    let ex = use_explorer();
    let app = ex.app;
    let ds = ex.ds();
    let lang = app.lang.get();
    let t = text(lang);
    let standalone = app.state.with(|s| AppState { sel: Some(id.to_string()), ..s.cleared_filters() });
    let permalink = router::href_for(&standalone);
    // Deals and events share one layout, filled from the record: one view type for both.
    let Some(r) = RecordView::find(&ds, id) else {
        return ().into_any();
    };
    let (title, title_ur) = r.title();
    let (summary, summary_ur) = r.text();
    let (mut facts, details, related) = particulars(app, &ds, r);
    let cite = crate::ui::share::cite_button(local(lang, title, title_ur).0, standalone, r.sources().to_vec());
    let (title, confidence, note) = (local(lang, title, title_ur), r.confidence(), r.confidence_note().map(|(en, ur)| local(lang, en, ur)));
    let (text_body, text_en) = local(lang, summary, summary_ur);
    let (disputes, sources) = (r.disputes(), r.sources());
    // A fact is hidden where there is nothing to say.
    facts.retain(|f| !f.1 .0.is_empty());
    let (details, details_en) = details;
    let (related_heading, related) = related;
    let places = crate::ui::places::places_list(app, &ds, r.place_ids(), r.kind());
    view! {
        <h2 id="de-exp-detail-h" lang=title.1.then_some("en")>{title.0}</h2>
        <p>{badge(lang, confidence)}" "{note.map(|(n, en)| view! { <span class="de-muted" lang=en.then_some("en")>{n}</span> })}</p>
        {r.is_background().then(|| view! { <p class="de-exp__background"><span class="de-badge de-badge--background">{t.background}</span>" "{t.background_note}</p> })}
        <dl class="de-exp__facts">
            {facts.into_iter().map(|(label, (value, en))| view! {
                <dt>{label}</dt><dd lang=en.then_some("en")>{value}</dd>
            }).collect_any()}
        </dl>
        {(!details.is_empty()).then(|| view! {
            <ul lang=details_en.then_some("en")>{details.into_iter().map(|s| view! { <li>{s}</li> }).collect_any()}</ul>
        })}
        <h3>{t.summary}</h3>
        <p lang=text_en.then_some("en")>{glossed(text_body.to_string())}</p>
        {disputes_view(&ds, lang, disputes, t.disputes)}
        <h3>{t.sources}{in_english_label(lang, true)}</h3>
        {source_links(&ds, sources)}
        {(!related.is_empty()).then(|| view! { <h3>{related_heading}</h3><ul>{related}</ul> })}
        {places.map(|list| view! { <h3>{crate::i18n::map::text(lang).places}</h3>{list} })}
        <p><a href=permalink class="de-exp__permalink">{t.permalink}</a></p>
        {cite}
    }
    .into_any()
}
