//! "Predict the tier": a dossier on the projector, the room guesses (buttons or keys 1–4),
//! then the answer with its explanation — the weighted parts, the veto and the tier line.
//! Enter reveals, → goes to the next dossier, Esc leaves.

use yew::prelude::*;

use super::dossier_facts::dossier_facts;
use super::fictional_tag;
use super::presenter::use_focus_on_mount;
use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::app::simulator::tier_badge::tier_badge;
use crate::app::state::Action;
use crate::app::workshop::state::WorkshopAction;
use crate::engine::demo::shown_name;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::{Engine, Lang, Tier};

#[function_component(QuizScreen)]
pub fn quiz_screen() -> Html {
    let state = use_app_state();
    let node = use_focus_on_mount("present-quiz");
    let (lang, w, rules) = (state.lang, state.workshop.clone(), state.rules.clone());
    let quiz = w.quiz.clone();
    let Some(d) = quiz
        .official()
        .and_then(|i| w.cohort.as_ref()?.officials.get(i).cloned())
    else {
        return html! {};
    };
    let send = |action: WorkshopAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Workshop(action.clone())))
    };
    let on_key = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            let action = match e.key().as_str() {
                "1" | "2" | "3" | "4" => {
                    let k = e.key().parse::<usize>().unwrap_or(1) - 1;
                    WorkshopAction::Guess(Tier::ALL[k])
                }
                "Enter" if !state.workshop.quiz.revealed => WorkshopAction::Reveal,
                "ArrowRight" | "PageDown" => WorkshopAction::NextQuestion,
                "Escape" => WorkshopAction::Leave,
                _ => return,
            };
            e.prevent_default();
            state.dispatch(Action::Workshop(action));
        })
    };
    let guesses = Tier::ALL.iter().enumerate().map(|(k, t)| {
        let pressed = quiz.guess == Some(*t);
        html! {
            <button type="button" class={classes!("guess", i18n::tier_class(*t))} aria-pressed={pressed.to_string()}
                onclick={send(WorkshopAction::Guess(*t))}>
                <span class="key-hint">{ k + 1 }</span>{ i18n::tier(*t, lang) }
            </button>
        }
    });
    let answer = quiz.revealed.then(|| {
        let r = Engine::new(&rules).evaluate(&d);
        let right = quiz.guess == Some(r.tier);
        let verdict = match (quiz.guess, right) {
            (None, _) => lang.pick("未作猜测。", "No guess was made.").to_string(),
            (Some(_), true) => lang.pick("猜对了!", "Right!").to_string(),
            (Some(g), false) => match lang {
                Lang::Zh => format!("猜的是“{}”,不对。", i18n::tier(g, lang)),
                Lang::En => format!("The guess was {}: not quite.", i18n::tier(g, lang)),
            },
        };
        let p = r.parts;
        let sum = format!(
            "{} + {} + {} + {} − {} = {}",
            fmt2(p.unit),
            fmt2(p.pledges),
            fmt2(p.multi),
            fmt2(p.bonus),
            fmt2(p.deduction),
            fmt2(r.total)
        );
        let line = match lang {
            Lang::Zh => format!(
                "单位绩效 + 履职践诺 + 多维测评 + 加分 − 扣分;“好”线 {},“较好”线 {},“一般”线 {}。",
                fmt_num(rules.threshold(Tier::Good)),
                fmt_num(rules.threshold(Tier::FairlyGood)),
                fmt_num(rules.threshold(Tier::Average))
            ),
            Lang::En => format!(
                "Unit + pledges + multi-rater + bonus − deduction; lines: good {}, fairly good {}, average {}.",
                fmt_num(rules.threshold(Tier::Good)),
                fmt_num(rules.threshold(Tier::FairlyGood)),
                fmt_num(rules.threshold(Tier::Average))
            ),
        };
        let veto = r.vetoed.then(|| match lang {
            Lang::Zh => format!(
                "一票否决:按总分本为“{}”,封顶为“{}”。",
                i18n::tier(r.uncapped_tier, lang),
                i18n::tier(r.tier, lang)
            ),
            Lang::En => format!(
                "Vetoed: the total earns {}, capped at {}.",
                i18n::tier(r.uncapped_tier, lang),
                i18n::tier(r.tier, lang)
            ),
        });
        html! {
            <div class={classes!("quiz-answer", if right { "right" } else { "wrong" })} data-testid="quiz-answer">
                <p class="present-verdict"><span class="num">{ fmt2(r.total) }</span>{ " " }{ tier_badge(r.tier, lang, true) }</p>
                <p>{ verdict }</p>
                <code class="present-formula">{ sum }</code>
                <p class="present-note">{ line }</p>
                if let Some(v) = veto { <p class="present-note veto-note">{ v }</p> }
            </div>
        }
    });
    let position = match lang {
        Lang::Zh => format!(
            "第 {} 题 · 猜对 {} / {}",
            quiz.asked + usize::from(!quiz.revealed),
            quiz.right,
            quiz.asked
        ),
        Lang::En => format!(
            "Question {} · {} of {} right",
            quiz.asked + usize::from(!quiz.revealed),
            quiz.right,
            quiz.asked
        ),
    };
    html! {
        <div class="presenter quiz" role="dialog" aria-modal="true" aria-label={lang.pick("猜等次", "Predict the tier")}
            tabindex="-1" ref={node} onkeydown={on_key} data-testid="quiz">
            <header class="present-head">
                <span class="present-who">{ shown_name(d.display_name(), lang).into_owned() }</span>
                if w.cohort.as_ref().is_some_and(|c| c.fictional()) { { fictional_tag(lang) } }
                <span class="present-pos num">{ position }</span>
                <button type="button" onclick={send(WorkshopAction::Leave)}>{ lang.pick("退出(Esc)", "Leave (Esc)") }</button>
            </header>
            <section class="present-slide">
                <h2>{ lang.pick("这位干部是什么等次?", "Which tier is this official?") }</h2>
                <p class="muted">{ d.post.clone().unwrap_or_default() }</p>
                <div class="quiz-grid">
                { dossier_facts(&d, &rules, lang) }
                <div class="quiz-side">
                <div class="guesses" role="group" aria-label={lang.pick("全场的猜测", "The room's guess")}>{ for guesses }</div>
                if quiz.revealed {
                    { answer.unwrap_or_default() }
                    <button type="button" class="primary" onclick={send(WorkshopAction::NextQuestion)}>{ lang.pick("下一题 →", "Next →") }</button>
                } else {
                    <button type="button" class="primary" data-testid="reveal" onclick={send(WorkshopAction::Reveal)}>{ lang.pick("揭晓(Enter)", "Reveal (Enter)") }</button>
                }
                </div>
                </div>
            </section>
        </div>
    }
}
