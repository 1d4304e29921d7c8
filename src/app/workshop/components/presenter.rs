//! The presenter: one official's evaluation, one idea per screen, in large type for a
//! projector — the dossier, then unit, pledges and multi-rater scores, the lists, the veto, the
//! total, the tier and the consequences. ← and → step, Esc leaves. In a corner, the QR code of
//! a share link to the official's dossier on the phone page, for the audience to open it.

use yew::prelude::*;

use super::dossier_facts::dossier_facts;
use super::fictional_tag;
use super::years_view::consequence_text;
use crate::app::dom;
use crate::app::hooks::{use_app_state, AppState};
use crate::app::share;
use crate::app::simulator::tier_badge::tier_badge;
use crate::app::state::Action;
use crate::app::workshop::state::WorkshopAction;
use crate::engine::demo::shown_name;
use crate::engine::text::fmt2;
use crate::engine::workshop::{slides, Slide};
use crate::engine::{Dossier, Engine, Lang, RuleSet};

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

/// The QR code (a data URL) of the share link to `d` on the phone page, made from the address
/// of the page it is shown on; `None` when the link is too long for a QR code.
pub fn phone_qr(page: &str, d: &Dossier, rules: &RuleSet, hash: &str) -> Option<String> {
    crate::app::qr::data_url(&share::url(page, d, rules, hash))
}

/// The QR code in the presenter's corner, or a short line when the dossier is too large.
fn qr_corner(src: Option<String>, lang: Lang) -> Html {
    match src {
        Some(src) => html! {
            <figure class="qr present-qr">
                <img {src} width="180" height="180" data-testid="present-qr"
                    alt={lang.pick("此干部档案的分享链接二维码", "QR code of a share link to this dossier")} />
                <figcaption>{ lang.pick("扫码在手机上打开", "Scan to open on a phone") }</figcaption>
            </figure>
        },
        None => html! {
            <p class="present-qr muted" data-testid="present-qr-too-long">{ lang.pick(
                "档案内容太多，装不进一个二维码。",
                "This dossier holds too much for a QR code.") }</p>
        },
    }
}

#[function_component(Presenter)]
pub fn presenter() -> Html {
    let state = use_app_state();
    let node = use_focus_on_mount("present-steps");
    let (lang, w, rules) = (state.lang, state.workshop.clone(), state.rules.clone());
    // Made once per official (and rule set), not on every step.
    let qr = {
        let cohort = w.cohort.as_ref().map(|c| c.id);
        let (state, focus) = (state.clone(), w.focus);
        use_memo((cohort, focus, state.rules_hash.clone()), move |_| {
            let d = state.workshop.cohort.as_ref()?.officials.get(focus)?.clone();
            Some(phone_qr(&dom::page_url(), &d, &state.rules, &state.rules_hash))
        })
    };
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
                if let Some(src) = (*qr).clone() { { qr_corner(src, lang) } }
                <h2 data-testid="present-title">{ title }</h2>
                { body }
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_official_of_the_demo_cohort_fits_a_qr_code_of_a_link_to_the_phone_page() {
        let rules = RuleSet::default();
        let hash = rules.content_hash();
        let page = "https://example.org/dongliang/workshop.html";
        for d in crate::engine::demo::cohort(2023, 20, 2023).officials {
            let link = share::url(page, &d, &rules, &hash);
            assert!(
                link.starts_with("https://example.org/dongliang/#share=1."),
                "{link}"
            );
            let qr = phone_qr(page, &d, &rules, &hash).expect("a demo dossier fits a QR code");
            assert!(qr.starts_with("data:image/svg+xml;base64,"));
        }
    }
}
