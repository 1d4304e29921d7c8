//! The browser app (Yew, client-side rendered) over the engine.
//!
//! | module | owns |
//! |---|---|
//! | [`state`] | the one `Reducible` state and the [`state::Action`]s |
//! | [`form`], [`edit`] | the dossier as typed, and every edit of it |
//! | [`library`], [`storage`], [`share`], [`rules_store`] | named dossiers, autosave, share links, the rules in force kept across reloads |
//! | [`components`] | one view per file: a Yew component where it has hooks of its own, else a view function |
//! | [`workshop`] | 研讨演示 (cohort, ranking, comparison, years, presenter) and the rule editor's state |
//! | [`timing`] | the clock, "after the next paint" and "after a delay" |
//! | [`js_api`] | `evaluate`, `whatIf`, `rank`, `defaultRules` exported to JavaScript |

pub mod components;
pub mod dom;
pub mod edit;
pub mod form;
pub mod hooks;
pub mod i18n;
pub mod js_api;
pub mod library;
pub mod notice;
pub mod rule_set;
pub mod rules_store;
pub mod share;
pub mod state;
pub mod storage;
pub mod svg;
pub mod timing;
pub mod workshop;

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Lang;
use components::about::about_view;
use components::header::header;
use components::page::self_assessment_page;
use components::print_report::print_report;
use components::rules_view::RulesView;
use hooks::AppState;
use notice::Notice;
use rules_store::KeptRules;
use state::{Action, State, View};
use workshop::components::page::WorkshopPage;

/// The state the page opens with: the kept rules (or the default), the kept dossiers (or
/// example 01), then any share link in the URL.
pub fn initial_state() -> State {
    let (rules, rules_notice) = match rules_store::load() {
        KeptRules::Default => (rule_set::default_rules(), None),
        KeptRules::Kept(rules) => (*rules, None),
        KeptRules::Corrupt { text, why } => (
            rule_set::default_rules(),
            Some(Notice::RulesCorrupt { text, why }),
        ),
    };
    let rules = Rc::new(rules);
    let restored = storage::load(&rules);
    let fragment = dom::fragment();
    let mut state = State::start(rules, restored, storage::load_lang(), Some(&fragment));
    if state.notice.is_none() {
        state.notice = rules_notice.map(Rc::new);
    }
    if share::payload(&fragment).is_some() {
        dom::clear_fragment();
    }
    state
}

/// The root: provides the state, autosaves, and lays out the current view.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let painted = use_first_paint();
    {
        let handle = state.clone();
        use_effect_with(state.library.clone(), move |library| {
            let refused = !storage::save(library);
            if refused && !matches!(handle.notice.as_deref(), Some(Notice::SaveFailed)) {
                handle.dispatch(Action::Notify(Notice::SaveFailed));
            }
        });
    }
    {
        let handle = state.clone();
        use_effect_with(state.workshop.cohort.as_ref().map(|c| c.id), move |id| {
            let w = &handle.workshop;
            let cohort = w.cohort.clone().filter(|c| id.is_some() && c.id != w.kept_id);
            if cohort.is_some_and(|c| !workshop::kept::save(&c)) {
                handle.dispatch(Action::Workshop(workshop::state::WorkshopAction::NotKept));
            }
        });
    }
    {
        let handle = state.clone();
        use_effect_with(state.rules_hash.clone(), move |_| {
            let refused = !rules_store::save(&handle.rules, &handle.rule_edit.default);
            if refused && !matches!(handle.notice.as_deref(), Some(Notice::SaveFailed)) {
                handle.dispatch(Action::Notify(Notice::SaveFailed));
            }
        });
    }
    use_effect_with(state.lang, |lang| {
        storage::save_lang(*lang);
        match lang {
            Lang::Zh => dom::set_document_lang("zh-CN", "栋梁 · 北尚栋梁考评模拟器"),
            Lang::En => dom::set_document_lang("en", "Dongliang · assessment simulator"),
        }
    });
    let view = match state.view {
        View::SelfAssessment => self_assessment_page(&state, !painted),
        View::Workshop => html! { <WorkshopPage /> },
        View::Rules => html! { <RulesView /> },
        View::About => about_view(&state),
    };
    let class = classes!("app", state.sheet_open.then_some("sheet-open"));
    html! {
        <ContextProvider<AppState> context={state.clone()}>
            <div {class}>
                { header(&state) }
                <main id="main" class="main">{ view }</main>
                if painted { { print_report(&state) } }
            </div>
        </ContextProvider<AppState>>
    }
}

/// False for the page's first frame, true once it is painted. The first frame holds only the
/// header and the head of the result card: laying out the whole editor (shaping hundreds of
/// Chinese text runs) would keep the result off the screen for a further ~150 ms; the rest
/// follows in the next frame.
#[hook]
fn use_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let shown = painted.clone();
            timing::after_paint(move || shown.set(true));
            // A page opened in a background tab gets no animation frame until it is shown.
            timing::after_ms(100, move || painted.set(true));
        });
    }
    *painted
}

/// Exposes the JS API and mounts the app, unless the host page set
/// `window.DONGLIANG_API_ONLY = true` to use only the API (see README, "JavaScript API").
pub fn run() {
    js_api::expose();
    if !dom::api_only() {
        yew::Renderer::<App>::new().render();
    }
}
