//! 如何计算: the result explained in plain words — one sentence an official can read aloud
//! for each step, with its numbers (the engine's `plain::explanation`: trivial steps merged, two
//! decimals), the formula kept as a detail for those who want it, the article's words once per
//! rule, and a mark on every step that rests on illustrative parameters.

use yew::prelude::*;

use super::quote::quote;
use crate::app::hooks::AppState;
use crate::engine::plain::{self, Line};
use crate::engine::{Lang, RuleSet};

/// One line of the explanation: its heading, its sentence, the formula folded, its quotes.
pub fn line_view(line: &Line, rules: &RuleSet, lang: Lang) -> Html {
    html! {
        <li class="step" data-testid="trace-line" data-step={line.id.clone()}>
            <div class="step-head">
                <h3>{ line.label.clone() }</h3>
                if line.illustrative {
                    <span class="tag illustrative-tag" title={lang.pick("此步骤用到示例默认参数,非官方数值", "This step uses illustrative default parameters, not official figures")}>
                        { lang.pick("示例参数", "illustrative") }</span>
                }
            </div>
            <p class="says">{ line.says.clone() }</p>
            if !line.detail.is_empty() {
                <details class="formula-detail">
                    <summary>{ lang.pick("公式", "Formula") }</summary>
                    <code class="formula">{ line.detail.clone() }</code>
                </details>
            }
            { for line.quotes.iter().map(|q| quote(&q.text, q.translation.as_deref(), rules, lang)) }
        </li>
    }
}

pub fn explanation(state: &AppState) -> Html {
    let lang = state.lang;
    let lines = plain::explanation(&state.result, &state.rules, lang);
    html! {
        <div class="explanation">
            <p class="muted">{ lang.pick(
                "按规则逐步计算,每一步一句话;“公式”里是带数字的算式。标“示例参数”的步骤用的是示例默认值,不是区里的正式数值。引文出自原报道。",
                "Step by step under the rules, one sentence each; \"Formula\" shows the arithmetic. Steps marked \"illustrative\" use illustrative default values, not the district's official ones. Quotes are from the source article.") }</p>
            <ol class="steps" data-testid="trace">{ for lines.iter().map(|l| line_view(l, &state.rules, lang)) }</ol>
        </div>
    }
}
