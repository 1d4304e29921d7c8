//! The presenter: one official's evaluation, one idea per screen, in large type for a
//! projector — the dossier, then unit, pledges and multi-rater scores, the lists, the veto, the
//! total, the tier and the consequences. ← and → step, Esc leaves.

use yew::prelude::*;

use super::dossier_facts::dossier_facts;
use super::fictional_tag;
use super::years_view::consequence_text;
use crate::app::hooks::{use_app_state, AppState};
use crate::app::simulator::tier_badge::tier_badge;
use crate::app::state::Action;
use crate::app::workshop::state::WorkshopAction;
use crate::engine::demo::shown_name;
use crate::engine::text::fmt2;
use crate::engine::workshop::{slides, Slide};
use crate::engine::{Engine, Lang};

/// Focuses the screen on mount so the keys work at once; on leaving, focus goes back to the
/// element with the id `back_to` (the button that opened the screen).
#[hook]
pub fn use_focus_on_mount(back_to: &'static str) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
            move || {
                let button = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(back_to))
                    .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
                if let Some(button) = button {
                    let _ = button.focus();
                }
            }
        });
    }
    node
}

/// The keys of a presenter screen: ← previous, → next, Esc leave.
pub fn step_keys(state: &AppState, count: usize) -> Callback<KeyboardEvent> {
    let state = state.clone();
    Callback::from(move |e: KeyboardEvent| {
        let at = state.workshop.slide.min(count.saturating_sub(1));
        let to = match e.key().as_str() {
            "ArrowRight" | "PageDown" => (at + 1).min(count.saturating_sub(1)),
            "ArrowLeft" | "PageUp" => at.saturating_sub(1),
            "Home" => 0,
            "End" => count.saturating_sub(1),
            "Escape" => {
                e.prevent_default();
                state.dispatch(Action::Workshop(WorkshopAction::Leave));
                return;
            }
            _ => return,
        };
        e.prevent_default();
        state.dispatch(Action::Workshop(WorkshopAction::Slide(to)));
    })
}

#[function_component(Presenter)]
pub fn presenter() -> Html {
    let state = use_app_state();
    let node = use_focus_on_mount("present-steps");
    let (lang, w, rules) = (state.lang, state.workshop.clone(), state.rules.clone());
    let Some(d) = w.cohort.as_ref().and_then(|c| c.officials.get(w.focus)).cloned() else {
        return html! {};
    };
    let result = Engine::new(&rules).evaluate_traced(&d);
    let steps = result.trace.clone().unwrap_or_default();
    let grouped = slides(&steps);
    let count = grouped.len() + 1;
    let at = w.slide.min(count - 1);
    let go = |to: usize| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Workshop(WorkshopAction::Slide(to))))
    };
    let leave = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Workshop(WorkshopAction::Leave)))
    };
    let (title, body) = if at == 0 {
        let plan: Vec<&str> = grouped
            .iter()
            .map(|(s, _)| lang.pick(s.title().0, s.title().1))
            .collect();
        (
            lang.pick("考评档案", "The dossier").to_string(),
            html! {
                <>
                    <p class="present-plan">{ plan.join(" → ") }</p>
                    { dossier_facts(&d, &rules, lang) }
                </>
            },
        )
    } else {
        let (slide, members) = &grouped[at - 1];
        let shown = members.iter().map(|i| &steps[*i]).filter(|s| {
            *slide != Slide::Pledges || !(s.id.ends_with(".grade") || s.id.ends_with(".fulfilment"))
        });
        let verdict = matches!(slide, Slide::Tier | Slide::Consequences);
        let lines = shown.map(|s| {
            html! {
                <li class="present-step">
                    <span class="present-label">{ if lang == Lang::Zh { &s.label_zh } else { &s.label_en } }</span>
                    <span class="present-says">{ s.said(lang).to_string() }</span>
                    if !verdict { <span class="present-result num">{ s.shown(lang).to_string() }</span> }
                    if let Some(note) = if lang == Lang::Zh { &s.note_zh } else { &s.note_en } {
                        <span class="present-note">{ note.clone() }</span>
                    }
                </li>
            }
        });
        let extra = match slide {
            Slide::Tier => html! {
                <p class="present-verdict">
                    <span class="num">{ fmt2(result.total) }</span>{ " " }
                    { tier_badge(result.tier, lang, true) }
                    if result.vetoed { <span class="tag veto-tag">{ lang.pick("一票否决", "vetoed") }</span> }
                </p>
            },
            Slide::Consequences if result.consequences.is_empty() => {
                html! { <p class="present-verdict">{ lang.pick("无结果运用", "No consequence") }</p> }
            }
            Slide::Consequences => html! {
                <ul class="present-consequences">
                    { for result.consequences.iter().map(|c| html! { <li>{ consequence_text(*c, &rules, lang) }</li> }) }
                </ul>
            },
            _ => html! {},
        };
        (
            lang.pick(slide.title().0, slide.title().1).to_string(),
            html! { <>{ extra }<ol class="present-steps">{ for lines }</ol></> },
        )
    };
    let fictional = w.cohort.as_ref().is_some_and(|c| c.fictional());
    let position = match lang {
        Lang::Zh => format!("第 {} / {count} 步", at + 1),
        Lang::En => format!("Step {} of {count}", at + 1),
    };
    html! {
        <div class="presenter" role="dialog" aria-modal="true" aria-label={lang.pick("演示模式", "Presenter")}
            tabindex="-1" ref={node} onkeydown={step_keys(&state, count)} data-testid="presenter">
            <header class="present-head">
                <span class="present-who">{ shown_name(d.display_name(), lang).into_owned() }</span>
                if fictional { { fictional_tag(lang) } }
                <span class="present-pos num" data-testid="present-pos">{ position }</span>
                <button type="button" onclick={go(at.saturating_sub(1))} disabled={at == 0}
                    aria-label={lang.pick("上一步", "Previous")}>{ "←" }</button>
                <button type="button" onclick={go((at + 1).min(count - 1))} disabled={at + 1 == count}
                    aria-label={lang.pick("下一步", "Next")}>{ "→" }</button>
                <button type="button" onclick={leave}>{ lang.pick("退出(Esc)", "Leave (Esc)") }</button>
            </header>
            <section class="present-slide" aria-live="polite">
                <h2 data-testid="present-title">{ title }</h2>
                { body }
            </section>
        </div>
    }
}
