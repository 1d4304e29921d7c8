//! 如何计算: the engine's trace step by step — what is computed, the formula with the numbers,
//! the result, and the article's words for every step that rests on the article.

use yew::prelude::*;

use super::quote::quote;
use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::engine::Lang;

pub fn explanation(state: &AppState) -> Html {
    let lang = state.lang;
    let source = i18n::source_line(&state.rules);
    let steps = state.result.trace.clone().unwrap_or_default();
    let items = steps.iter().enumerate().map(|(n, step)| {
        html! {
            <li class="step">
                <div class="step-head">
                    <span class="step-no num">{ n + 1 }</span>
                    <h3>{ if lang == Lang::Zh { &step.label_zh } else { &step.label_en } }</h3>
                    <span class="step-result num">{ step.shown(lang).to_string() }</span>
                </div>
                <code class="formula">{ step.formula_shown(lang).to_string() }</code>
                if let Some(q) = &step.quote { { quote(&q.clone(), &source.clone()) } }
            </li>
        }
    });
    html! {
        <div class="explanation">
            <p class="muted">{ lang.pick(
                "按规则逐步计算;带 * 的数值为推算值。引文出自原报道。",
                "Step by step under the rules; values marked * are projected. Quotes are from the source article.") }</p>
            <ol class="steps" data-testid="trace">{ for items }</ol>
        </div>
    }
}
