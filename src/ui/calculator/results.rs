//! The results: the live total, the breakdown by layer, the IEEPA refund, notes,
//! the regimes side by side, deal-scale arithmetic and the dated disclaimer.
//! Everything is computed by `tariff`; this file only formats.

use leptos::prelude::*;

use super::chart::{bars_chart, Bar};
use super::{localized, metal_name};
use crate::data::date::Day;
use crate::data::model::{Dataset, ExemptionStatus, MeasureLayer, Product, TariffMeasure};
use crate::i18n::calculator::{text, CalculatorText};
use crate::state::vocab::Lang;
use crate::tariff::duty::{Base, Estimate, Missing, Rate, Row, RowKind, TransitChange, TransitOutcome};
use crate::tariff::schedule::Outside;
use crate::tariff::money::{cents_per_kg, percent_of, Cents};
use crate::tariff::quote::Quote;
use crate::tariff::regimes::{at_scale, seed_saving, seed_unverified, Regime, ScaleBase};
use crate::tariff::content_metal;
use crate::ui::context::{use_app, AppCtx, CollectAny, live};
use crate::ui::format::{self, Locale};
use crate::ui::glossary::{glossed, isolated};

/// Formatting context for one render.
#[derive(Clone, Copy)]
struct Fmt {
    t: &'static CalculatorText,
    loc: Locale,
    lang: Lang,
}

impl Fmt {
    /// The reader's language, catalogue and number style now.
    fn of(app: AppCtx) -> Fmt {
        let lang = app.lang.get();
        Fmt { t: text(lang), loc: app.locale(), lang }
    }
    fn usd(self, c: Cents) -> String {
        format::usd_cents(self.loc, c)
    }
    /// One amount, or the two outcomes in words, naming the measures they depend on.
    fn range(self, unverified: &[&TariffMeasure], low: Cents, high: Cents) -> String {
        if low == high {
            self.usd(low)
        } else {
            (self.t.either)(&self.names(unverified), &self.usd(low), &self.usd(high))
        }
    }
    /// Measures' names, " / " between them.
    fn names(self, ms: &[&TariffMeasure]) -> String {
        ms.iter().map(|m| self.name_of(m)).collect::<Vec<_>>().join(" / ")
    }
    fn rate(self, r: &Rate<'_>) -> String {
        match r {
            Rate::AdValorem(ppm) => format::percent(self.loc, percent_of(*ppm)),
            Rate::Specific { rate, content_of, content_of_ur } => (self.t.specific)(
                &format::number(self.loc, cents_per_kg(*rate), 4),
                &crate::i18n::local(self.lang, content_of, *content_of_ur).0,
            ),
        }
    }
    fn base(self, b: &Base, metal: &str) -> String {
        match *b {
            Base::Value(c) => format!("{} ({})", self.usd(c), self.t.base_value),
            Base::ContentValue(c) => format!("{} ({})", self.usd(c), self.t.base_content_value),
            Base::Rest(c) => format!("{} ({})", self.usd(c), self.t.base_rest),
            Base::ContentMass { .. } => {
                let kg = b.metal_kg().unwrap_or_default();
                (self.t.content_mass)(&format::number(self.loc, kg, 3), metal)
            }
            Base::Awaiting(m) => self.awaiting(m, metal),
        }
    }
    /// What a specific MFN duty waits for.
    fn awaiting(self, m: Missing, metal: &str) -> String {
        match m {
            Missing::Quantity => self.t.awaiting_quantity.to_string(),
            Missing::Content => (self.t.awaiting_content)(metal),
        }
    }
    /// The product's content metal in the reader's language (English in lower case, as in a sentence).
    fn metal(self, ds: &Dataset, p: &Product) -> String {
        content_metal(ds, p).map(|m| metal_name(self.lang, m)).unwrap_or_default()
    }
    /// The total in words: one amount; or what it leaves out; or, where an exemption
    /// is not verified, what is not known and what each case owes.
    fn total(self, ds: &Dataset, p: &Product, day: Day, e: &Estimate<'_>) -> String {
        if let Some(m) = e.pending {
            return (self.t.pending_total)(&self.range(&e.unverified(), e.low, e.high), &self.awaiting(m, &self.metal(ds, p)));
        }
        if !e.is_range() {
            return self.usd(e.low);
        }
        let measures = self.names(&e.unverified());
        let product = crate::i18n::local(self.lang, &p.description, p.description_ur.as_deref()).0;
        (self.t.unverified_total)(&product, &measures, &format::day(self.loc, day), &self.usd(e.low), &self.usd(e.high))
    }
    /// A measure's name as text in the reader's language.
    fn name_of(self, m: &TariffMeasure) -> String {
        crate::i18n::local(self.lang, &m.name, m.name_ur.as_deref()).0
    }
    /// "Loaded by vessel before 9 April 2025 …, and entered before 16 June 2025".
    fn condition(self, before: Day, from: Option<Day>, change: &TransitChange<'_>) -> String {
        let entered = change.entered_before.map(|d| format::day(self.loc, d)).unwrap_or_default();
        let from = from.map(|d| format::day(self.loc, d));
        (self.t.transit_condition)(&format::day(self.loc, before), from.as_deref(), &entered, change.vessel_only)
    }
    /// "IEEPA baseline 10% instead of IEEPA 29% (HTSUS heading 9903.01.25)".
    fn change(self, c: &TransitChange<'_>) -> String {
        let names = |ms: &[&TariffMeasure]| ms.iter().map(|m| self.name_of(m)).collect::<Vec<_>>().join(", ");
        let instead = (!c.instead.is_empty()).then(|| names(&c.instead));
        let text = (self.t.transit_instead)(&names(&c.set_aside), instead.as_deref());
        match c.headings.as_slice() {
            [] => text,
            hs => format!("{text} ({} {})", self.t.heading_label, hs.join(", ")),
        }
    }
    fn outcome(self, o: &TransitOutcome<'_>, unverified: &[&TariffMeasure]) -> String {
        let condition = self.condition(o.loaded_before, o.loaded_from, &o.change);
        format!("{condition}: {} — {}", self.range(unverified, o.low, o.high), self.change(&o.change))
    }
    fn measure_name(self, m: Option<&TariffMeasure>, fallback: &'static str) -> AnyView {
        match m {
            Some(m) => localized(self.lang, &m.name, m.name_ur.as_deref()),
            None => glossed(fallback.to_string()),
        }
    }
}

/// The total in words, the effective rate and the in-transit outcomes; only the
/// total goes in the live region.
type Summary = (String, Option<String>, Vec<String>);

fn summary(quote: &Quote, f: Fmt) -> Summary {
    let ds = quote.dataset();
    match quote.get().map(|p| (p.form.product, p.form.day, &p.estimate)) {
        Some((product, day, Some(Ok(e)))) => (
            f.total(ds, product, day, e),
            e.effective().filter(|_| e.pending.is_none()).map(|(lo, hi)| effective(f, lo, hi)),
            e.outcomes.iter().map(|o| f.outcome(o, &e.unverified())).collect(),
        ),
        Some((product, _, Some(Err(_)))) => ((f.t.needs_content)(&f.metal(ds, product)), None, Vec::new()),
        _ => (f.t.no_result.to_string(), None, Vec::new()),
    }
}

#[component]
pub(super) fn Results() -> impl IntoView {
    let app = use_app();
    let t = move || text(app.lang.get());
    // Priced once per change of the state; the summary and the sections below read the same quote,
    // and a change of language only formats it again. Every new quote counts as changed: comparing
    // two would compare whole measures.
    let quote = Memo::new_with_compare(move |_| app.state.with(|s| Quote::read(app.dataset(), s)), |_, _| true);
    let summary = Memo::new(move |_| quote.with(|q| summary(q, Fmt::of(app))));
    view! {
        <div class="de-cal__results">
            <section class="de-cal__total" aria-labelledby="de-cal-total-h">
                <h3 id="de-cal-total-h">{app.tr(|l| text(l).total)}</h3>
                <output class="de-cal__amount" role="status" aria-labelledby="de-cal-total-h">
                    {move || isolated(summary.with(|s| s.0.clone()))}
                </output>
                {move || summary.with(|s| s.1.clone()).map(|e| view! {
                    <p class="de-cal__effective">{t().effective_rate}": "{e}</p>
                })}
                {move || summary.with(|s| (!s.2.is_empty()).then(|| {
                    let items = s.2.iter().map(|o| view! { <li>{glossed(o.clone())}</li> }).collect_any();
                    view! {
                        <div class="de-cal__transit">
                            <h4 id="de-cal-transit-h">{t().transit_heading}</h4>
                            <p class="de-cal__hint">{t().transit_intro}</p>
                            <ul aria-labelledby="de-cal-transit-h">{items}</ul>
                        </div>
                    }
                }))}
            </section>
            {move || quote.with(|q| details(q, Fmt::of(app)))}
            <Disclaimer/>
        </div>
    }
}

fn effective(f: Fmt, lo: i64, hi: i64) -> String {
    let pct = |p| format::percent(f.loc, percent_of(p));
    if lo == hi {
        pct(lo)
    } else {
        format!("{} – {}", pct(lo), pct(hi))
    }
}

/// Everything below the total, or nothing while the form is wrong or incomplete.
fn details(quote: &Quote, f: Fmt) -> AnyView {
    let ds = quote.dataset();
    let Some((priced, est)) = quote.get().and_then(|p| Some((p, p.whole()?))) else {
        return ().into_any();
    };
    let (product, rs) = (priced.form.product, &priced.regimes);
    view! {
        {breakdown(ds, product, est, f)}
        {refund(est, f)}
        {notes(est, f)}
        {regime_comparison(rs, f)}
        {scale(ds, rs, f)}
    }
    .into_any()
}

/// The layer's own sources, legal text first (at most two), then the source of its
/// exemption status where that is another.
fn source_links(ds: &Dataset, p: &Product, row: &Row<'_>) -> AnyView {
    let mut sources = row.sources(ds, p);
    sources.truncate(2);
    let status = row.exemption.and_then(|e| e.sources.first()).and_then(|id| ds.source(id));
    if let Some(s) = status.filter(|s| !sources.iter().any(|x| x.id == s.id)) {
        sources.push(s);
    }
    if sources.is_empty() {
        return format::NO_VALUE.into_any();
    }
    sources
        .into_iter()
        .map(|s| view! { <a class="de-cal__source" href=s.url.clone() rel="noopener noreferrer" target="_blank" lang="en" title=s.title.clone()>{s.publisher.clone()}</a> })
        .collect_any()
        .into_any()
}

// The sections, tables, rows and cells below are built by a few non-generic
// helpers taking `AnyView`s, so each structure is one type the renderer is
// compiled for once, rather than one type per section and table (wasm size).

/// A titled section of the results.
fn section(class: &'static str, id: &'static str, heading: &'static str, body: AnyView) -> AnyView {
    view! { <section class=class aria-labelledby=id><h3 id=id>{heading}</h3>{body}</section> }.into_any()
}

/// English dataset text inside Urdu sentences, its glossary terms marked.
fn english(text: String) -> AnyView {
    view! { <span lang="en" dir="ltr">{glossed(text)}</span> }.into_any()
}

/// A paragraph of the results (with its class, if any).
fn para(class: Option<&'static str>, body: AnyView) -> AnyView {
    view! { <p class=class>{body}</p> }.into_any()
}

const BASIS: &str = "de-cal__basis";

/// A span of a row's head: its status badge, or why the layer applies or not.
fn span(class: &'static str, body: AnyView) -> AnyView {
    view! { <span class=class>{body}</span> }.into_any()
}

/// A table with a hidden caption, column headings and a body (and optional foot).
fn table(caption: &'static str, head: Vec<String>, rows: Vec<AnyView>, foot: Option<AnyView>) -> AnyView {
    view! {
        <table class="de-cal__table">
            <caption class="de-visually-hidden">{caption}</caption>
            <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_any()}</tr></thead>
            <tbody>{rows}</tbody>
            {foot.map(|f| view! { <tfoot>{f}</tfoot> })}
        </table>
    }
    .into_any()
}

/// A data cell: its column name (shown before it on phones), class and content.
struct Cell {
    label: String,
    class: Option<&'static str>,
    colspan: Option<&'static str>,
    body: AnyView,
}

fn cell(label: impl Into<String>, class: Option<&'static str>, body: AnyView) -> Cell {
    Cell { label: label.into(), class, colspan: None, body }
}

/// A row: its header cell, then data cells.
fn row(label: Option<&'static str>, head: AnyView, cells: Vec<Cell>) -> AnyView {
    view! {
        <tr>
            <th scope="row" data-label=label>{head}</th>
            {cells.into_iter().map(|c| view! {
                <td data-label=c.label class=c.class colspan=c.colspan>{c.body}</td>
            }).collect_any()}
        </tr>
    }
    .into_any()
}

fn breakdown(ds: &Dataset, p: &Product, est: &Estimate<'_>, f: Fmt) -> AnyView {
    let t = f.t;
    let metal = est.rows.iter().find_map(|r| match r.rate {
        Rate::Specific { content_of, content_of_ur, .. } => Some(crate::i18n::local(f.lang, content_of, content_of_ur).0),
        _ => None,
    });
    // Sectoral measures that do not cover the product go in one line under the table.
    let not_covered = |r: &&Row<'_>| {
        r.status == ExemptionStatus::Exempt
            && r.outside.is_none()
            && r.measure.is_some_and(|m| m.layer == MeasureLayer::Sectoral)
    };
    let uncovered: Vec<(String, bool)> = est
        .rows
        .iter()
        .filter(not_covered)
        .filter_map(|r| r.measure.map(|m| crate::i18n::local(f.lang, &m.name, m.name_ur.as_deref())))
        .collect();
    let uncovered_en = uncovered.iter().any(|(_, en)| *en) && f.lang == Lang::Ur;
    let separator = if f.lang == Lang::Ur && !uncovered_en { "؛ " } else { "; " };
    let uncovered = uncovered.into_iter().map(|(name, _)| name).collect::<Vec<_>>().join(separator);
    let rows = est
        .rows
        .iter()
        .filter(|r| !not_covered(r))
        .map(|r| {
            let name = match r.kind {
                RowKind::Mfn => f.measure_name(None, t.mfn_row),
                RowKind::Custom => f.measure_name(None, t.custom_row),
                RowKind::Measure => f.measure_name(r.measure, t.mfn_row),
            };
            let amount = match (r.status, r.base) {
                (_, Base::Awaiting(_)) => format::NO_VALUE.to_string(),
                (ExemptionStatus::Unverified, _) => (t.either_row)(&f.usd(0), &f.usd(r.full)),
                _ => f.usd(r.low),
            };
            let status = (r.kind == RowKind::Measure).then(|| {
                let class = match r.status {
                    ExemptionStatus::Dutiable => "de-badge de-cal__status de-cal__status--dutiable",
                    ExemptionStatus::Exempt => "de-badge de-cal__status de-cal__status--exempt",
                    ExemptionStatus::Unverified => {
                        "de-badge de-cal__status de-cal__status--unverified"
                    }
                };
                span(class, t.status(r.status).into_any())
            });
            // Why the layer applies or not: below a tier's metal threshold, else the exemption record.
            let basis = match (r.outside, r.exemption) {
                (Some(Outside::BelowContent(tier)), _) => {
                    let pct = tier.min_content_percent.map(|m| format::percent(f.loc, m)).unwrap_or_default();
                    Some(span(BASIS, (t.below_content)(&pct).into_any()))
                }
                (None, Some(e)) => Some(span(BASIS, localized(f.lang, &e.basis, e.basis_ur.as_deref()))),
                // No record either way: say so, the reason for the two outcomes.
                (None, None) if r.status == ExemptionStatus::Unverified => Some(span(BASIS, t.unverified_basis.into_any())),
                (None, None) => None,
            };
            let tier = r.tier.filter(|_| r.outside.is_none()).map(|tier| {
                span(BASIS, view! { {t.tier_label}" "{localized(f.lang, &tier.note, tier.note_ur.as_deref())} }.into_any())
            });
            let instrument = match r.measure {
                Some(m) if r.kind != RowKind::Custom => english(m.instrument.clone()),
                _ => t.custom_instrument.into_any(),
            };
            let base = f.base(&r.base, metal.as_deref().unwrap_or(""));
            row(
                Some(t.col_layer),
                view! { {name}" "{status}{basis}{tier} }.into_any(),
                vec![
                    cell(t.col_rate, None, f.rate(&r.rate).into_any()),
                    cell(t.col_base, None, base.into_any()),
                    cell(t.col_amount, Some("de-cal__num"), isolated(amount)),
                    cell(t.col_instrument, Some("de-cal__instrument"), instrument),
                    cell(t.col_source, None, source_links(ds, p, r)),
                ],
            )
        })
        .collect();
    let head = [t.col_layer, t.col_rate, t.col_base, t.col_amount, t.col_instrument, t.col_source];
    let sum = Cell {
        colspan: Some("5"),
        ..cell(t.col_amount, Some("de-cal__num"), isolated(f.range(&est.unverified(), est.low, est.high)))
    };
    let foot = row(Some(t.col_layer), t.sum_row.into_any(), vec![sum]);
    let body = view! {
        {est.is_range().then(|| para(Some("de-cal__note"), t.range_explainer.into_any()))}
        {table(t.breakdown, Vec::from(head.map(str::to_string)), rows, Some(foot))}
        {(!uncovered.is_empty()).then(|| {
            para(Some("de-cal__hint"), view! { {t.not_covered}" "{if uncovered_en { english(uncovered) } else { uncovered.into_any() }} }.into_any())
        })}
    };
    section("de-cal__section", "de-cal-breakdown-h", t.breakdown, body.into_any())
}

fn refund(est: &Estimate<'_>, f: Fmt) -> Option<AnyView> {
    let (low, high) = est.refundable();
    let refund = est.rows.iter().filter(|r| r.high > 0).find_map(|r| r.refund())?;
    let status = localized(f.lang, &refund.status, refund.status_ur.as_deref());
    (high > 0).then(|| {
        let body = view! {
            {para(None, isolated((f.t.charged)(&f.range(&est.unverified(), low, high))))}
            {para(None, view! { <strong>{f.t.refund_status}</strong>" "{status} }.into_any())}
        };
        section("de-cal__section de-cal__refund", "de-cal-refund-h", f.t.refund_heading, body.into_any())
    })
}

fn notes(est: &Estimate<'_>, f: Fmt) -> Option<AnyView> {
    let t = f.t;
    // (bold lead, text, whether English) per note; the MFN caveat has neither.
    let mut items: Vec<Option<(&'static str, String, bool)>> = Vec::new();
    if est.mfn_user {
        items.push(None);
    }
    if let Some(change) = &est.transit {
        items.push(Some((t.transit_applied, f.change(change), false)));
        for (_, rule) in &change.rules {
            let (text, english) = crate::i18n::local(f.lang, &rule.note, rule.note_ur.as_deref());
            items.push(Some((t.in_transit, text, english && f.lang == Lang::Ur)));
        }
    }
    for (m, d) in &est.disputes {
        let lang = f.lang;
        let (name, name_en) = crate::i18n::local(lang, &m.name, m.name_ur.as_deref());
        let (topic, topic_en) = crate::i18n::local(lang, &d.topic, d.topic_ur.as_deref());
        let mut english = name_en || topic_en;
        let claims = d
            .versions
            .iter()
            .map(|v| {
                let (claim, en) = crate::i18n::local(lang, &v.claim, v.claim_ur.as_deref());
                english |= en;
                claim
            })
            .collect::<Vec<_>>()
            .join(" / ");
        items.push(Some((t.disputed, format!("{name} — {topic}: {claims}"), english && lang == Lang::Ur)));
    }
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|item| {
                let body = match item {
                    None => t.mfn_caveat.into_any(),
                    Some((lead, text, en)) => {
                        let text = if en { english(text) } else { glossed(text) };
                        view! { <strong>{lead}</strong>" "{text} }.into_any()
                    }
                };
                view! { <li>{body}</li> }
            })
            .collect_any();
        section("de-cal__section", "de-cal-notes-h", t.notes, view! { <ul class="de-cal__notes">{items}</ul> }.into_any())
    })
}

fn regime_label(r: &Regime<'_>, f: Fmt) -> String {
    match r.measure {
        Some(m) => crate::i18n::local(f.lang, &m.name, m.name_ur.as_deref()).0,
        None => f.t.mfn_only.to_string(),
    }
}

fn regime_comparison(rs: &[Regime<'_>], f: Fmt) -> AnyView {
    let t = f.t;
    let bars: Vec<Bar> = rs
        .iter()
        .map(|r| Bar {
            label: format!(
                "{}: {}",
                regime_label(r, f),
                f.range(&r.estimate.unverified(), r.estimate.low, r.estimate.high)
            ),
            low: r.estimate.low,
            high: r.estimate.high,
        })
        .collect();
    let summary = (t.chart_summary)(
        &bars
            .iter()
            .map(|b| b.label.as_str())
            .collect::<Vec<_>>()
            .join("; "),
    );
    let rows = rs
        .iter()
        .map(|r| {
            let day = view! { <time datetime=r.day.to_string()>{format::day(f.loc, r.day)}</time> };
            row(
                Some(t.col_regime),
                regime_label(r, f).into_any(),
                vec![
                    cell(t.col_priced_on, None, day.into_any()),
                    cell(t.col_total, Some("de-cal__num"), isolated(f.range(&r.estimate.unverified(), r.estimate.low, r.estimate.high))),
                ],
            )
        })
        .collect();
    let saving = seed_saving(rs).map(|(lo, hi)| {
        // A negative saving means other layers (Section 232) started between the two regimes.
        let sentence = if lo < 0 || hi < 0 {
            t.costs_more
        } else {
            t.saving
        };
        let (lo, hi) = if lo < 0 || hi < 0 {
            (-lo, -hi)
        } else {
            (lo, hi)
        };
        para(Some("de-cal__saving"), isolated(sentence(&f.range(&seed_unverified(rs), lo.min(hi), lo.max(hi)))))
    });
    let head = Vec::from([t.col_regime, t.col_priced_on, t.col_total].map(str::to_string));
    let body = view! {
        {para(Some("de-muted"), t.regimes_intro.into_any())}
        {bars_chart(bars, summary, f.lang.is_rtl())}
        {saving}
        {table(t.regimes_heading, head, rows, None)}
    };
    section("de-cal__section", "de-cal-regimes-h", t.regimes_heading, body.into_any())
}

fn scale(ds: &Dataset, rs: &[Regime<'_>], f: Fmt) -> Option<AnyView> {
    let t = f.t;
    let scales = at_scale(ds, rs);
    if scales.is_empty() {
        return None;
    }
    let titles: Vec<String> = scales
        .iter()
        .map(|s| {
            let label = match s.base {
                ScaleBase::FirstPhase => t.first_phase,
                ScaleBase::Exports2024 => t.exports_2024,
            };
            (t.on_amount)(label, &format::usd(f.loc, s.amount as f64 / 100.0, true))
        })
        .collect();
    let rows = rs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let headline = format::percent(f.loc, percent_of(r.headline()));
            let mut cells = vec![cell(t.col_headline, Some("de-cal__num"), headline.into_any())];
            cells.extend(scales.iter().zip(&titles).map(|(s, title)| {
                let duty = s.duties.get(i).map(|d| format::usd(f.loc, *d as f64 / 100.0, true)).unwrap_or_default();
                cell(title.clone(), Some("de-cal__num"), duty.into_any())
            }));
            row(None, regime_label(r, f).into_any(), cells)
        })
        .collect();
    let mut head = vec![t.col_regime.to_string(), t.col_headline.to_string()];
    head.extend(titles);
    let body = view! {
        {para(Some("de-muted"), t.scale_intro.into_any())}
        {table(t.scale_heading, head, rows, None)}
    };
    Some(section("de-cal__section", "de-cal-scale-h", t.scale_heading, body.into_any()))
}

#[component]
fn Disclaimer() -> impl IntoView {
    let app = use_app();
    let as_of = app.dataset().meta.as_of.clone();
    let text_of = live(move || {
        let when = Day::parse(&as_of)
            .map(|d| format::day(app.locale(), d))
            .unwrap_or_else(|| as_of.clone());
        (text(app.lang.get()).disclaimer)(&when)
    });
    view! {
        <aside class="de-cal__disclaimer" aria-labelledby="de-cal-disclaimer-h">
            <h3 id="de-cal-disclaimer-h">{app.tr(|l| text(l).disclaimer_heading)}</h3>
            <p>{text_of}</p>
        </aside>
    }
}
