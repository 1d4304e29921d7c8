//! The bar fixed at the bottom on phones: total and tier, opening the full result card.

use yew::prelude::*;

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
    html! {
        <div class="mobile-bar">
            <button type="button" {onclick} aria-expanded={state.sheet_open.to_string()}>
                <span class="num mobile-total">{ fmt2(state.result.total) }</span>
                { tier_badge(state.result.tier, lang, false) }
                if state.result.vetoed { <span class="tag veto-tag">{ lang.pick("一票否决", "Vetoed") }</span> }
                if state.result.projected { <span class="tag projected-tag">{ lang.pick("推算", "Projected") }</span> }
                <span class="mobile-open">{ label }</span>
            </button>
        </div>
    }
}
