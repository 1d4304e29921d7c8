//! The browser app (Yew, client-side rendered) over the engine.
//!
//! | module | owns |
//! |---|---|
//! | [`state`] | the one `Reducible` state and the [`state::Action`]s |
//! | [`form`], [`edit`] | the dossier as typed, and every edit of it |
//! | [`library`], [`storage`], [`share`], [`rules_store`] | named dossiers, autosave, share links, the rules in force kept across reloads |
//! | [`simulator`] | the self-assessment's views (and the header and 说明), one per file: a Yew component where it has hooks of its own, else a view function |
//! | `workshop` (feature `workshop`) | 研讨演示 (cohort, ranking, comparison, years, presenter) and the rule editor |
//! | [`timing`] | the clock, "after the next paint" and "after a delay" |
//!
//! Two pages are built from this module (see README, "How it works"): the phone's page
//! (`index.html`, bin `dongliang-app`: this module without the `workshop` feature) holds the
//! self-assessment and 说明, and links to the workshop's page (`workshop.html`, bin
//! `dongliang-workshop`), which holds every view.

pub mod dom;
pub mod draft;
pub mod edit;
pub mod form;
pub mod hooks;
pub mod i18n;
pub mod library;
pub mod notice;
pub mod qr;
pub mod rule_set;
pub mod rules_store;
pub mod share;
pub mod simulator;
pub mod state;
pub mod storage;
pub mod svg;
pub mod timing;
pub mod transfer;
#[cfg(feature = "workshop")]
pub mod workshop;

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Lang;
use hooks::AppState;
use notice::Notice;
use rules_store::KeptRules;
use simulator::about::about_view;
use simulator::header::header;
use simulator::page::self_assessment_page;
use simulator::print_report::print_report;
use state::{Action, State, View};
#[cfg(feature = "workshop")]
use workshop::use_kept_cohort;

/// The phone's page has no workshop cohort to keep.
#[cfg(not(feature = "workshop"))]
#[hook]
fn use_kept_cohort(_state: &AppState) {}

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
    state.restore_drafts(draft::load());
    if let Some(view) = dom::start_view().and_then(|name| View::from_name(&name)) {
        state.view = view;
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
    use_first_paint();
    {
        let handle = state.clone();
        use_effect_with(state.library.clone(), move |library| {
            let refused = !storage::save(library);
            if refused && !matches!(handle.notice.as_deref(), Some(Notice::SaveFailed)) {
                handle.dispatch(Action::Notify(Notice::SaveFailed));
            }
        });
    }
    // The prerendered first view goes in the task that renders the app's own first frame.
    use_effect_with((), |_| dom::remove_prerender());
    use_kept_cohort(&state);
    {
        let handle = state.clone();
        use_effect_with(state.drafts.clone(), move |drafts| {
            if !draft::save(drafts) && !matches!(handle.notice.as_deref(), Some(Notice::SaveFailed)) {
                handle.dispatch(Action::Notify(Notice::SaveFailed));
            }
        });
    }
    {
        let handle = state.clone();
        use_effect_with(state.rules_hash.clone(), move |hash| {
            let refused = !rules_store::save(&handle.rules, hash);
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
        View::SelfAssessment => self_assessment_page(&state),
        #[cfg(feature = "workshop")]
        View::Workshop => html! { <workshop::components::page::WorkshopPage /> },
        #[cfg(feature = "workshop")]
        View::Rules => html! { <workshop::components::rules_view::RulesView /> },
        #[cfg(not(feature = "workshop"))]
        View::Workshop | View::Rules => self_assessment_page(&state),
        View::About => about_view(&state),
    };
    let class = classes!("app", state.sheet_open.then_some("sheet-open"));
    html! {
        <ContextProvider<AppState> context={state.clone()}>
            <div {class}>
                { header(&state) }
                if simulator::rules_note::custom_rules(&state) {
                    <p class="rules-banner" data-testid="rules-banner">
                        { simulator::rules_note::rules_mark_text(&state) }{ " · " }
                        { simulator::rules_note::rules_link(&state, state.lang.pick("查看或恢复默认", "view or restore the default").to_string()) }
                    </p>
                }
                if state.view == View::SelfAssessment { { preview_banner(&state) } }
                <main id="main" class="main">{ view }</main>
                <simulator::transfer_panel::TransferPanel />
                { simulator::page::later(simulator::page::Piece::Last, {
                    let state = state.clone();
                    move || print_report(&state)
                }) }
            </div>
        </ContextProvider<AppState>>
    }
}

/// While an official of the workshop's cohort is shown in the simulator: whose dossier this
/// is, that nothing is saved, and the ways out.
fn preview_banner(state: &AppState) -> Html {
    let Some(name) = state.preview.clone() else {
        return html! {};
    };
    let lang = state.lang;
    let on = |action: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let name = crate::engine::demo::shown_name(&name, lang);
    let text = match lang {
        Lang::Zh => format!("正在查看研讨名册中的“{name}”:可以试着修改,但不会存入你的档案。"),
        Lang::En => format!("Looking at \"{name}\" from the workshop's cohort: try changes freely; nothing is saved to your dossiers."),
    };
    html! {
        <div class="preview-banner" role="status" data-testid="preview-banner">
            <p>{ text }</p>
            <button type="button" onclick={on(Action::SavePreview)}>{ lang.pick("另存为我的档案", "Save a copy as my dossier") }</button>
            <button type="button" onclick={on(Action::EndPreview)}>{ lang.pick("回到我的档案", "Back to my dossier") }</button>
        </div>
    }
}

/// Starts the page's stages once its first frame is rendered. The first frame holds the top
/// of the page as it will stay (header, toolbar, the first pledge, the head of the result
/// card); laying out the whole editor at once (shaping hundreds of Chinese text runs) is a
/// task of several hundred milliseconds on a phone, so the rest follows piece by piece, one
/// piece after each painted frame, without re-rendering what is already there
/// ([`simulator::page`]).
#[hook]
fn use_first_paint() {
    use_effect_with((), |_| simulator::page::start_stages());
}

/// Mounts the app (the page's first view comes from the URL: see [`state::View::from_hash`]).
pub fn run() {
    yew::Renderer::<App>::new().render();
}
