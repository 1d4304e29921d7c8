//! 演示: choose an official and start the full-screen step-through of their evaluation, or
//! the "predict the tier" quiz, for a projector.

use yew::prelude::*;

use super::official_picker::official_picker;
use super::{fictional_tag, on_click};
use crate::app::hooks::AppState;
use crate::app::workshop::state::{Presenting, WorkshopAction};
use crate::engine::Lang;

pub fn presenter_home(state: &AppState) -> Html {
    let (lang, w) = (state.lang, state.workshop.clone());
    let ready = w.ranking.is_some();
    let score = (w.quiz.asked > 0).then(|| match lang {
        Lang::Zh => format!("测验:已答 {} 题,猜对 {} 题。", w.quiz.asked, w.quiz.right),
        Lang::En => format!("Quiz so far: {} of {} right.", w.quiz.right, w.quiz.asked),
    });
    html! {
        <div class="ws-present">
            <div class="ws-filters">
                { official_picker(state, "present-official", &[]) }
                if w.cohort.as_ref().is_some_and(|c| c.fictional()) { { fictional_tag(lang) } }
            </div>
            <div class="present-cards">
                <section class="present-card">
                    <h2>{ lang.pick("逐步讲解", "Step through an evaluation") }</h2>
                    <p>{ lang.pick(
                        "全屏大字:单位绩效、履职践诺、多维测评逐项计算,再看正负面清单、一票否决、总分、等次和结果运用。",
                        "Full screen, large type: unit, pledges and multi-rater scores one by one, then the lists, the veto, the total, the tier and the consequences.") }</p>
                    <button type="button" class="primary" id="present-steps" data-testid="present-steps" disabled={!ready}
                        onclick={on_click(state, WorkshopAction::Present(Presenting::Steps))}>{ lang.pick("开始讲解", "Start") }</button>
                </section>
                <section class="present-card">
                    <h2>{ lang.pick("猜等次", "Predict the tier") }</h2>
                    <p>{ lang.pick(
                        "展示一份档案,全场先猜等次,再揭晓答案和计算过程。",
                        "Show a dossier, let the room guess the tier, then reveal it with the explanation.") }</p>
                    <button type="button" class="primary" id="present-quiz" data-testid="present-quiz" disabled={!ready}
                        onclick={on_click(state, WorkshopAction::Present(Presenting::Quiz))}>{ lang.pick("开始测验", "Start the quiz") }</button>
                </section>
            </div>
            <p class="muted">{ lang.pick(
                "键盘:← → 翻页,Esc 退出。适合 1920×1080 投影。",
                "Keyboard: ← → to step, Esc to leave. Made for a 1920×1080 projector.") }</p>
            if let Some(s) = score { <p>{ s }</p> }
        </div>
    }
}
