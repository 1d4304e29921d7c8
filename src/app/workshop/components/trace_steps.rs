//! One evaluation's explanation as a list of steps (label, formula, result), with the steps
//! whose result differs from another explanation marked — for baseline and variant side by side.

use yew::prelude::*;

use crate::engine::{Lang, Step};

/// The steps under `title`, those that differ from `other` marked. (A plain view function.)
pub fn trace_steps(title: &str, steps: &[Step], other: &[Step], lang: Lang) -> Html {
    let items = steps.iter().map(|step| {
        let changed = other
            .iter()
            .find(|o| o.id == step.id)
            .is_some_and(|o| o.result != step.result || o.formula != step.formula);
        html! {
            <li class={classes!("step", changed.then_some("changed"))}>
                <div class="step-head">
                    <h4>{ if lang == Lang::Zh { &step.label_zh } else { &step.label_en } }</h4>
                    if changed { <span class="tag changed-tag">{ lang.pick("有变化", "changed") }</span> }
                    <span class="step-result num">{ step.shown(lang).to_string() }</span>
                </div>
                <code class="formula">{ step.formula_shown(lang).to_string() }</code>
            </li>
        }
    });
    html! {
        <div class="trace-col">
            <h3 class="trace-title">{ title }</h3>
            <ol class="steps">{ for items }</ol>
        </div>
    }
}
