//! Sources view: every source with title, publisher, date and link, and the
//! records that cite it (from the pure `citations` index).

use leptos::prelude::*;

use crate::data::citations::{cited_by, Citation, RecordKind};
use crate::i18n::shell::text;
use crate::state::url::AppState;
use crate::state::vocab::View;
use crate::ui::context::{use_app, CollectAny, show, live};
use crate::ui::format;
use crate::ui::router::{self, Nav};

/// The view a citing record opens in, where it has one.
fn link_state(base: &AppState, c: &Citation) -> Option<AppState> {
    let view = match c.kind {
        RecordKind::Deal => View::Deals,
        RecordKind::Event => View::Timeline,
        _ => return None,
    };
    Some(AppState { view, sel: Some(c.id.clone()), ..base.cleared_filters() })
}

#[component]
pub fn SourcesView() -> impl IntoView {
    let app = use_app();
    let t = move || text(app.lang.get());
    let ds = app.dataset();
    let index = StoredValue::new(cited_by(&ds));
    let rows = ds.sources.clone();
    view! {
        <section class="de-view de-sources" aria-labelledby="de-sources-h">
            <h2 id="de-sources-h">{app.tr(|l| text(l).sources_heading)}</h2>
            <p class="de-muted">{app.tr(|l| text(l).sources_intro)}</p>
            <ol class="de-source-list">
                {rows.into_iter().map(|s| {
                    let citations = index.with_value(|i| i.get(&s.id).cloned().unwrap_or_default());
                    let date = s.date.clone();
                    let empty = citations.is_empty();
                    view! {
                        <li class="de-source" id=format!("src-{}", s.id)>
                            <p class="de-source__title">
                                <a href=s.url.clone() rel="noopener noreferrer" target="_blank" lang="en">{s.title.clone()}</a>
                            </p>
                            <p class="de-source__meta">
                                <span lang="en">{s.publisher.clone()}</span>
                                " · "
                                {live(move || match date.as_deref() {
                                    Some(d) => format::data_date(app.locale(), Some(d)),
                                    None => t().date_unknown.to_string(),
                                })}
                            </p>
                            <details class="de-source__cited">
                                <summary>{app.tr(|l| text(l).cited_by)}" ("{citations.len()}")"</summary>
                                {show(move || empty, move || view! {
                                    <p class="de-muted">{app.tr(|l| text(l).not_cited)}</p>
                                }.into_any())}
                                <ul>
                                    {citations.clone().into_iter().map(citation_item).collect_any()}
                                </ul>
                            </details>
                        </li>
                    }
                }).collect_any()}
            </ol>
        </section>
    }
}

fn citation_item(c: Citation) -> impl IntoView {
    let app = use_app();
    let target = app.state.with_untracked(|s| link_state(s, &c));
    match target {
        Some(target) => {
            let href = router::href_for(&target);
            view! {
                <li lang="en"><a href=href on:click=move |ev: leptos::ev::MouseEvent| {
                    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() { return; }
                    ev.prevent_default();
                    let target = target.clone();
                    app.update(Nav::Push, move |s| *s = AppState { lang: s.lang, theme: s.theme, embed: s.embed, ..target });
                }>{c.title.clone()}</a></li>
            }.into_any()
        }
        None => view! { <li lang="en">{c.title.clone()}</li> }.into_any(),
    }
}
