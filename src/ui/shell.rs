//! The app root and its chrome: header, navigation, footer, and the panels
//! shown while loading or when the data cannot be used.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::data::shards;
use crate::i18n::shell::text;
use crate::state::url::AppState;
use crate::state::vocab::{Lang, Theme, View};
use crate::ui::context::{effect, live, on_click, show, use_app, AppCtx, CollectAny};
use crate::ui::load::{self, LoadState, DATA_URL};
use crate::ui::router::{self, Nav};
use crate::ui::{format, storage};

/// The views that exist, in navigation order.
pub const VIEWS: &[View] = &[View::Deals, View::Timeline, View::Map, View::Story, View::Calculator, View::Sources];

/// The view to show for a state: an unknown or unbuilt view falls back to Deals.
fn shown_view(state: &AppState) -> View {
    if VIEWS.contains(&state.view) {
        state.view
    } else {
        View::Deals
    }
}

/// The starting state: the URL, plus a remembered language where the URL has none.
fn initial_state() -> AppState {
    let mut state = router::read_url();
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if !search.contains("lang=") {
        if let Some(lang) = storage::get("lang").as_deref().and_then(Lang::from_id) {
            state.lang = lang;
        }
    }
    state
}

/// Puts the language on the document itself, so screen readers and the
/// browser's own UI (scrollbars, form controls) follow it.
fn apply_document_language(lang: Lang) {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang.id());
        let _ = html.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(initial_state());
    // The first view's part downloads beside the dataset (split builds); a
    // failure shows once the shell asks for the part again.
    spawn_local(async move {
        let _ = crate::ui::views::preload(state.with_untracked(shown_view)).await;
    });
    // Back/forward go through the data's door (`AppCtx::arrive`) once the app has its context.
    let app_slot = StoredValue::new(None::<AppCtx>);
    router::follow_history(move |next| match app_slot.get_value() {
        Some(app) => app.arrive(next, None),
        None => state.set(next),
    });
    crate::ui::pwa::start();
    if state.with_untracked(|s| s.embed) {
        crate::ui::embed::start_auto_height();
    }
    // The static placeholder is English: Urdu readers get the app's own loading
    // message instead. Otherwise it stays until the data is in (or has failed).
    if state.with_untracked(|s| s.lang) != Lang::En {
        crate::ui::remove_placeholder();
    }
    let placeholder = crate::ui::placeholder_shown();
    let loaded = RwSignal::new(LoadState::Loading);
    // Whether the app shows in place of the placeholder: at once for a panel,
    // after its view has rendered for the loaded app (see Shell).
    let revealed = RwSignal::new(!placeholder);
    spawn_local(async move {
        // The data of the state in the address (which back/forward may move while it loads).
        let mut result = LoadState::Unreachable(DATA_URL.to_string());
        while let Some(step) = load::ensure(shards::needed(&state.get_untracked())).await {
            let failed = !matches!(step, LoadState::Ready(_));
            result = step;
            if failed {
                break;
            }
        }
        // Parsing and validating is one long task; rendering is another.
        crate::ui::paint::yield_to_browser().await;
        loaded.set(result);
    });

    // Memos, so that only a change of language or theme touches these attributes:
    // setting `lang` or `dir` on <html> again, even to the same value, makes the
    // browser restyle the whole page (measured: every element, on every keystroke).
    let lang_memo = Memo::new(move |_| state.with(|s| s.lang));
    let theme = Memo::new(move |_| state.with(|s| s.theme.id()));
    effect(move || apply_document_language(lang_memo.get()));
    let lang = move || lang_memo.get();
    let theme = live(move || theme.get());
    view! {
        // Hidden while the placeholder stands in: an empty or half-built box
        // below it would count as a layout shift when the placeholder goes.
        <div class="de-app" data-theme=theme lang=live(move || lang().id()) dir=live(move || if lang().is_rtl() { "rtl" } else { "ltr" })
             hidden=move || !revealed.get()>
            {live(move || {
                let loaded = loaded.get();
                if matches!(loaded, LoadState::Unreachable(_) | LoadState::Invalid(_)) {
                    reveal(revealed);
                }
                match loaded {
                    LoadState::Loading if placeholder => ().into_any(),
                    LoadState::Loading => view! {
                        <p class="de-loading" role="status">{text(lang()).loading}</p>
                    }.into_any(),
                    LoadState::Ready(data) => {
                        let app = AppCtx::new(state, lang_memo, data);
                        app_slot.set_value(Some(app));
                        provide_context(app);
                        view! { <Shell revealed=revealed/> }.into_any()
                    }
                    failure => failure_panel(lang(), failure),
                }
            })}
        </div>
    }
}

/// Why the data cannot be shown: a file that did not arrive (with the
/// technical reason and the dataset's own link) or a dataset with problems
/// (each listed). Nothing for the other states. One panel for both, where the
/// app starts and in place of a view, so its render code is compiled once.
fn failure_panel(lang: Lang, state: LoadState) -> AnyView {
    let t = text(lang);
    let (title, body, detail) = match state {
        LoadState::Unreachable(why) => (
            t.load_failed_title,
            t.load_failed_body,
            view! {
                <p class="de-muted"><code>{why}</code></p>
                <p><a href=DATA_URL download="deals.json">{t.download_dataset}</a></p>
            }
            .into_any(),
        ),
        LoadState::Invalid(problems) => (
            t.invalid_data_title,
            t.invalid_data_body,
            view! {
                <ul class="de-problems" lang="en" dir="ltr">
                    {problems.into_iter().map(|p| view! { <li><code>{p.path}</code>" "{p.message}</li> }).collect_any()}
                </ul>
            }
            .into_any(),
        ),
        LoadState::Loading | LoadState::Ready(_) => return ().into_any(),
    };
    view! {
        <section class="de-panel de-panel--error" role="alert">
            <h1>{title}</h1>
            <p>{body}</p>
            {detail}
        </section>
    }
    .into_any()
}

/// Shows the app in place of the placeholder, in the task that inserted its
/// content, so no frame shows both (no layout shift).
fn reveal(revealed: RwSignal<bool>) {
    crate::ui::remove_placeholder();
    if !revealed.get_untracked() {
        revealed.set(true);
    }
}

#[component]
fn Shell(revealed: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let glossary = crate::ui::glossary::provide();
    let embed = move || app.state.with(|s| s.embed);
    let view_now = Memo::new(move |_| app.state.with(shown_view));
    crate::ui::share::follow_title();
    // The chrome first, the view one task later: two shorter tasks instead of
    // one long one, so a slow phone can paint and take input in between.
    let view_ready = RwSignal::new(false);
    // The footer comes last, after what views add once their first render
    // has painted (the deals view's filter groups, the timeline's list): it never
    // stands in the viewport only to be pushed down by them (no layout shift).
    let footer_ready = RwSignal::new(false);
    // The view on screen: the one asked for once its part (split builds) is in;
    // until then the one before stays.
    let shown = RwSignal::new(None::<View>);
    // The view whose part did not arrive: a message with a Retry in its place.
    let missing = RwSignal::new(None::<View>);
    let show_when_loaded = move |view: View| async move {
        let loaded = crate::ui::views::preload(view).await.is_ok();
        if view_now.get_untracked() != view {
            return;
        }
        missing.set((!loaded).then_some(view));
        // Setting the same view again would render it anew.
        if loaded && shown.get_untracked() != Some(view) {
            shown.set(Some(view));
        }
    };
    let retry = move |_| {
        missing.set(None);
        spawn_local(show_when_loaded(view_now.get_untracked()));
    };
    effect(move || spawn_local(show_when_loaded(view_now.get())));
    spawn_local(async move {
        crate::ui::paint::mark("de:chrome");
        crate::ui::paint::yield_to_browser().await;
        // The first view's part is in before the placeholder goes.
        show_when_loaded(view_now.get_untracked()).await;
        view_ready.set(true);
        reveal(revealed);
        crate::ui::paint::mark("de:view");
        // The view renders in a microtask after this point, registering its own
        // after-paint parts then (`after_first_paint`): the second wait queues
        // the footer behind them, whether a frame or the fallback timer comes first.
        crate::ui::paint::after_paint().await;
        crate::ui::paint::after_paint().await;
        footer_ready.set(true);
        glossary.open_from_address();
    });
    view! {
        <a class="de-skip" href="#de-main">{app.tr(|l| text(l).skip_link)}</a>
        {show(move || !embed(), || view! { <Header/> }.into_any())}
        {show(embed, move || view! { <h1 class="de-visually-hidden">{app.tr(|l| text(l).app_title)}</h1> }.into_any())}
        {show(move || app.state.with(|s| !(s.embed && s.hide_tabs)), move || view! { <Navigation current=view_now/> }.into_any())}
        <crate::ui::pwa::PwaNotices/>
        <main id="de-main" class="de-main" tabindex="-1">
            // The data a state needs could not be loaded: said in place of the view.
            {live(move || app.data_failure.get().map_or_else(|| ().into_any(), |failure| failure_panel(app.lang.get(), failure)))}
            {live(move || if missing.get().is_some() {
                view! {
                    <section class="de-panel de-panel--error" role="alert">
                        <p>{app.tr(|l| text(l).part_missing)}</p>
                        <button type="button" on:click=on_click(retry)>{app.tr(|l| text(l).retry)}</button>
                    </section>
                }.into_any()
            } else {
                match view_ready.get().then(|| shown.get()).flatten().filter(|_| app.data_failure.with(Option::is_none)).and_then(crate::ui::views::render_loaded) {
                    None => ().into_any(),
                    Some(view) => view,
                }
            })}
        </main>
        {show(move || !embed() && footer_ready.get(), || view! { <Footer/> }.into_any())}
        {show(move || embed() && view_ready.get(), || view! { <crate::ui::embed::EmbedBar/> }.into_any())}
        <crate::ui::glossary::GlossaryDialog/>
    }
}

/// The header: title and as-of date, and the reader's settings. On narrow
/// screens the settings sit behind one button (a disclosure: `aria-expanded`,
/// Escape closes it and returns focus to the button); on wide ones the button
/// is hidden and the settings always show (style/base.css).
#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    let ds = app.dataset();
    let as_of = ds.meta.as_of.clone();
    let open = RwSignal::new(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Escape" || !open.get_untracked() {
            return;
        }
        // Escape in the embed dialog closes the dialog only.
        use wasm_bindgen::JsCast;
        let in_dialog = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("dialog").ok().flatten())
            .is_some();
        if in_dialog {
            return;
        }
        open.set(false);
        if let Some(button) = toggle.get_untracked() {
            crate::ui::web::focus(&button);
        }
    };
    view! {
        <header class="de-header" on:keydown=on_key>
            <div class="de-header__titles">
                <h1 class="de-title">{app.tr(|l| text(l).app_title)}</h1>
                <p class="de-asof">{app.tr(|l| text(l).data_as_of)}" "
                    <time datetime=as_of.clone()>{
                        let as_of = as_of.clone();
                        live(move || format::data_date(app.locale(), Some(&as_of)))
                    }</time>
                </p>
            </div>
            <button type="button" class="de-settings__toggle" node_ref=toggle
                aria-expanded=live(move || if open.get() { "true" } else { "false" })
                aria-controls="de-settings"
                on:click=on_click(move |_| open.update(|o| *o = !*o))>
                <span class="de-settings__label">{app.tr(|l| text(l).settings)}</span>
            </button>
            <div id="de-settings" class="de-header__controls" class:de-header__controls--open=move || open.get()>
                {language_switch()}
                {theme_switch()}
                {show(move || app.lang.get() == Lang::Ur, digits_switch)}
                <crate::ui::embed::EmbedButton/>
                <crate::ui::share::CopyLink/>
            </div>
        </header>
    }
}

/// One of the header's settings: a labelled select. Each option is its value,
/// its label and the label's own language where it is fixed (a language's
/// name in that language). One function for the three, so their render code is
/// compiled once (wasm size).
type SettingOption = (&'static str, fn(Lang) -> &'static str, Option<&'static str>);

fn setting(label: fn(Lang) -> &'static str, options: &'static [SettingOption], value: fn(AppCtx) -> &'static str, set: fn(AppCtx, &str)) -> AnyView {
    let app = use_app();
    let on_change = move |ev: leptos::ev::Event| set(app, &event_target_value(&ev));
    view! {
        <label class="de-field de-field--inline">
            <span>{app.tr(label)}</span>
            <select on:change=on_change prop:value=move || value(app)>
                {options.iter().map(|&(v, text, lang)| view! { <option value=v lang=lang>{app.tr(text)}</option> }).collect_any()}
            </select>
        </label>
    }
    .into_any()
}

fn language_switch() -> AnyView {
    const OPTIONS: &[SettingOption] = &[("en", |_| "English", Some("en")), ("ur", |_| "اردو", Some("ur"))];
    setting(|l| text(l).language, OPTIONS, |app| app.lang.get().id(), |app, id| {
        if let Some(lang) = Lang::from_id(id) {
            storage::set("lang", lang.id());
            app.update(Nav::Push, |s| s.lang = lang);
        }
    })
}

/// Western digits by default; Urdu readers may prefer Eastern Arabic-Indic ones.
fn digits_switch() -> AnyView {
    const OPTIONS: &[SettingOption] = &[("western", |l| text(l).digits_western, None), ("eastern", |l| text(l).digits_eastern, None)];
    setting(|l| text(l).digits, OPTIONS, |app| if app.state.with(|s| s.digits_eastern) { "eastern" } else { "western" }, |app, id| {
        let eastern = id == "eastern";
        app.update(Nav::Replace, |s| s.digits_eastern = eastern);
    })
}

fn theme_switch() -> AnyView {
    const OPTIONS: &[SettingOption] = &[
        ("auto", |l| text(l).theme_auto, None),
        ("light", |l| text(l).theme_light, None),
        ("dark", |l| text(l).theme_dark, None),
    ];
    setting(|l| text(l).theme, OPTIONS, |app| app.state.with(|s| s.theme.id()), |app, id| {
        if let Some(theme) = Theme::from_id(id) {
            app.update(Nav::Replace, |s| s.theme = theme);
        }
    })
}

#[component]
fn Navigation(current: Memo<View>) -> impl IntoView {
    let app = use_app();
    let t = move || text(app.lang.get());
    let link = move |view: View| {
        let href = move || app.state.with(|s| router::href_for(&AppState { view, sel: None, ..s.clone() }));
        let on_click = move |ev: leptos::ev::MouseEvent| {
            // Plain clicks stay in the app; modified clicks open a new tab as usual.
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            app.update(Nav::Push, |s| {
                s.view = view;
                s.sel = None;
            });
            if let Some(main) = document().get_element_by_id("de-main") {
                use wasm_bindgen::JsCast;
                if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                    crate::ui::web::focus(&main);
                }
            }
        };
        view! {
            <li>
                <a href=href on:click=on_click
                   aria-current=move || (current.get() == view).then_some("page")
                   class:de-nav__link=true>
                    {live(move || t().view_name(view))}
                </a>
            </li>
        }
    };
    // The row scrolls sideways on a narrow screen: the current view starts in sight.
    let list = NodeRef::<leptos::html::Ul>::new();
    effect(move || {
        let Some(list) = list.get() else { return };
        if let Ok(Some(current)) = list.query_selector("[aria-current=page]") {
            // Sideways only (scrollIntoView would also scroll the page to the nav).
            let (row, link) = (list.get_bounding_client_rect(), current.get_bounding_client_rect());
            let dx = if link.right() > row.right() {
                link.right() - row.right()
            } else if link.left() < row.left() {
                link.left() - row.left()
            } else {
                0.0
            };
            if dx != 0.0 {
                list.scroll_by_with_x_and_y(dx, 0.0);
            }
        }
    });
    view! {
        <nav class="de-nav" aria-label=app.tr(|l| text(l).nav_label)>
            <ul node_ref=list>{VIEWS.iter().map(|&v| link(v)).collect_any()}</ul>
        </nav>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let app = use_app();
    let meta = app.dataset().meta.clone();
    let licence = meta.licence.clone();
    let licence_link = match meta.licence_url.clone() {
        Some(url) => view! { <a href=url rel="license">{licence}</a> }.into_any(),
        None => view! { <span>{licence}</span> }.into_any(),
    };
    view! {
        <footer class="de-footer">
            <p>{app.tr(|l| text(l).licence)}": "{licence_link}" · "{app.tr(|l| text(l).version)}" "{meta.version.clone()}</p>
            <p><a href=DATA_URL download="deals.json">{app.tr(|l| text(l).download_dataset)}</a>" · "<crate::ui::glossary::GlossaryButton/></p>
        </footer>
    }
}
