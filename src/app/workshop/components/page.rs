//! The workshop view: the cohort bar on top, then the sub-views 排名 · 方案对比 · 多年 · 演示
//! (as tabs), and the full-screen presenter while presenting. A cohort too large to rank at
//! once is ranked here, after a frame that says so.

use yew::prelude::*;

use super::cohort_bar::cohort_bar;
use super::compare_view::CompareView;
use super::presenter::Presenter;
use super::presenter_home::presenter_home;
use super::quiz::QuizScreen;
use super::ranking_view::ranking_view;
use super::years_view::years_view;
use super::{on_click, run_heavy};
use crate::app::hooks::use_app_state;
use crate::app::state::Action;
use crate::app::timing::{after_ms, after_paint};
use crate::app::workshop::kept;
use crate::app::workshop::state::{projector_from, Busy, Presenting, Sub, WorkshopAction, PROJECTOR_KEY};

const SUBS: [(Sub, &str, &str, &str); 4] = [
    (Sub::Ranking, "排名", "Ranking", "ws-ranking"),
    (Sub::Compare, "方案对比", "Compare", "ws-compare"),
    (Sub::Years, "多年", "Multi-year", "ws-years"),
    (Sub::Presenter, "演示", "Present", "ws-present"),
];

/// The projector switch as the browser remembers it (off when nothing readable is stored).
fn stored_projector() -> bool {
    let stored = crate::app::storage::local().and_then(|s| s.get_item(PROJECTOR_KEY).ok().flatten());
    projector_from(stored.as_deref())
}

/// Marks the whole document while projector mode is on (the stylesheet sizes the root font
/// from it), and unmarks it when the workshop is left or the switch turned off.
#[hook]
fn use_projector_mark(on: bool) {
    use_effect_with(on, |on| {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root.as_ref().filter(|_| *on) {
            let _ = root.set_attribute("data-projector", "");
        }
        move || {
            if let Some(root) = root {
                let _ = root.remove_attribute("data-projector");
            }
        }
    });
}

#[function_component(WorkshopPage)]
pub fn workshop_page() -> Html {
    let state = use_app_state();
    let w = state.workshop.clone();
    let lang = state.lang;
    let projector = w.projector.unwrap_or_else(stored_projector);
    use_projector_mark(projector);
    {
        let state = state.clone();
        use_effect_with(w.projector.is_none(), move |unread| {
            if *unread {
                state.dispatch(Action::Workshop(WorkshopAction::Projector(projector)));
            }
        });
    }
    let toggle_projector = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let on = !projector;
            if let Some(storage) = crate::app::storage::local() {
                let _ = storage.set_item(PROJECTOR_KEY, if on { "1" } else { "0" });
            }
            state.dispatch(Action::Workshop(WorkshopAction::Projector(on)));
        })
    };
    {
        let state = state.clone();
        let key = (
            w.cohort.as_ref().map_or(0, |c| c.id),
            w.rules_rev,
            w.needs_ranking(),
            w.busy,
        );
        // The workshop's work, one piece per frame or task: the cohort kept in the browser
        // when the workshop first opens, then generating, reading, ranking and comparing.
        use_effect_with(key, move |(_, _, needs, busy)| match busy {
            _ if !state.workshop.restore_tried => {
                state.dispatch(Action::Workshop(WorkshopAction::Restore(kept::load(
                    &state.rules,
                ))));
            }
            Some(Busy::Generating(..)) => {
                after_paint(move || state.dispatch(Action::Workshop(WorkshopAction::GenerateMore)));
            }
            // A task each, the page answering in between (a frame is painted when one is due).
            Some(Busy::Importing(..)) => {
                after_ms(0, move || {
                    state.dispatch(Action::Workshop(WorkshopAction::ImportMore))
                });
            }
            Some(Busy::Scoring(..)) => {
                after_ms(0, move || {
                    state.dispatch(Action::Workshop(WorkshopAction::ScoreMore))
                });
            }
            Some(Busy::ComparingSteps(..)) => {
                after_ms(0, move || {
                    state.dispatch(Action::Workshop(WorkshopAction::CompareMore))
                });
            }
            None if *needs => run_heavy(&state, Busy::Ranking, WorkshopAction::Rank),
            _ => {}
        });
    }
    let tabs = SUBS.iter().map(|(sub, zh, en, id)| {
        let current = w.sub == *sub;
        html! {
            <button type="button" role="tab" id={*id} aria-selected={current.to_string()}
                aria-controls="ws-panel" tabindex={if current { "0" } else { "-1" }}
                onclick={on_click(&state, WorkshopAction::SetSub(*sub))}>{ lang.pick(zh, en) }</button>
        }
    });
    let on_tab_key = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            let at = SUBS.iter().position(|s| s.0 == state.workshop.sub).unwrap_or(0);
            let to = match e.key().as_str() {
                "ArrowRight" => (at + 1) % SUBS.len(),
                "ArrowLeft" => (at + SUBS.len() - 1) % SUBS.len(),
                _ => return,
            };
            e.prevent_default();
            state.dispatch(Action::Workshop(WorkshopAction::SetSub(SUBS[to].0)));
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(SUBS[to].3))
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
            {
                let _ = el.focus();
            }
        })
    };
    let panel = match (w.cohort.is_some(), w.sub) {
        (false, _) => html! {
            <div class="ws-empty">
                <p>{ lang.pick(
                    "先载入名册:98 名虚构干部的演示名册,或导入 JSON / CSV 名册(可先下载 CSV 模板)。",
                    "Load a cohort first: the demo of 98 fictional officials, or import a JSON / CSV cohort (download the CSV template to start).") }</p>
            </div>
        },
        (true, Sub::Ranking) => ranking_view(&state),
        (true, Sub::Compare) => html! { <CompareView /> },
        (true, Sub::Years) => years_view(&state),
        (true, Sub::Presenter) => presenter_home(&state),
    };
    html! {
        <div class="workshop">
            <h1 class="visually-hidden">{ lang.pick("研讨演示", "Workshop") }</h1>
            { cohort_bar(&state) }
            <div class="ws-tabs-row">
                <div class="tab-list ws-tabs" role="tablist" aria-label={lang.pick("研讨演示", "Workshop")}
                    onkeydown={on_tab_key}>{ for tabs }</div>
                <button type="button" id="ws-projector" class="projector-switch" aria-pressed={projector.to_string()}
                    title={lang.pick("大字号,适合 1920×1080 投影;本浏览器会记住", "Large type for a 1920×1080 projector; this browser remembers it")}
                    onclick={toggle_projector}>{ lang.pick("投影模式", "Projector") }</button>
            </div>
            <section id="ws-panel" class="ws-panel" role="tabpanel"
                aria-labelledby={SUBS.iter().find(|s| s.0 == w.sub).map_or("ws-ranking", |s| s.3)}>
                { panel }
            </section>
            {
                match (w.presenting, w.ranking.is_some()) {
                    (Some(Presenting::Steps), true) => html! { <Presenter /> },
                    (Some(Presenting::Quiz), true) => html! { <QuizScreen /> },
                    _ => html! {},
                }
            }
        </div>
    }
}
