//! The bar fixed at the bottom on phones: total and tier, opening the full result card; what
//! the result rests on (illustrative parameters, the last valid input while an entry is wrong,
//! nothing at all before a score is entered) and a link to the rules.

use yew::prelude::*;

use super::rules_note::rules_link;
use super::tier_badge::tier_badge;
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::engine::text::fmt2;

pub fn mobile_bar(state: &AppState) -> Html {
    let lang = state.lang;
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleSheet))
    };
    let label = if state.sheet_open {
        lang.pick("收起结果", "Hide result")
    } else {
        lang.pick("查看结果", "Show result")
    };
    let scored = state.has_own_scores();
    let note = if state.stale() {
        lang.pick(
            "输入有误 · 仍为上次有效输入的结果",
            "Invalid entry · last valid result",
        )
    } else {
        lang.pick("示例参数,非官方评分", "Illustrative parameters, not official")
    };
    html! {
        <div class="mobile-bar" data-testid="mobile-bar">
            <button type="button" class="mobile-open-sheet" {onclick} aria-expanded={state.sheet_open.to_string()}>
                <span class="mobile-line">
                    if scored {
                        <span class="num mobile-total">{ fmt2(state.result.total) }</span>
                        { tier_badge(state.result.tier, lang, false) }
                        if state.result.vetoed { <span class="tag veto-tag">{ lang.pick("一票否决", "Vetoed") }</span> }
                        if state.result.projected { <span class="tag projected-tag">{ lang.pick("推算", "Projected") }</span> }
                    } else {
                        <span class="mobile-nothing">{ lang.pick("尚无分数", "No score yet") }</span>
                    }
                    <span class="mobile-open">{ label }</span>
                </span>
                <span class={classes!("mobile-note", state.stale().then_some("stale"))}>{ note }</span>
            </button>
            <span class="mobile-rules">{ rules_link(state, lang.pick("规则", "Rules").to_string()) }</span>
        </div>
    }
}
