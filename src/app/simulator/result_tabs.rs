//! The tabs under the result card: 如何计算 (explanation), 假如…… (what-if), 图表 (charts).
//! Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.

use yew::prelude::*;

use super::explain::explanation;
use super::quarter_line::QuarterLine;
use super::waterfall::waterfall;
use super::what_if::WhatIfTable;
use crate::app::hooks::AppState;
use crate::app::state::{Action, Tab};

const TABS: [(Tab, &str, &str, &str); 3] = [
    (Tab::Explain, "tab-explain", "如何计算", "How it is computed"),
    (Tab::WhatIf, "tab-whatif", "假如……", "What if…"),
    (Tab::Charts, "tab-charts", "图表", "Charts"),
];

pub fn result_tabs(state: &AppState) -> Html {
    let lang = state.lang;
    let current = TABS.iter().position(|t| t.0 == state.tab).unwrap_or(0);
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" => (current + 1) % TABS.len(),
                "ArrowLeft" => (current + TABS.len() - 1) % TABS.len(),
                "Home" => 0,
                "End" => TABS.len() - 1,
                _ => return,
            };
            e.prevent_default();
            state.dispatch(Action::SetTab(TABS[next].0));
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(TABS[next].1))
            {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        })
    };
    let tabs = TABS.iter().map(|(tab, id, zh, en)| {
        let selected = *tab == state.tab;
        let state = state.clone();
        let tab = *tab;
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::SetTab(tab)));
        html! {
            <button type="button" role="tab" id={*id} aria-selected={selected.to_string()}
                aria-controls="tab-panel" tabindex={if selected { "0" } else { "-1" }} {onclick}>{ lang.pick(zh, en) }</button>
        }
    });
    let panel = match state.tab {
        Tab::Explain => explanation(state),
        Tab::WhatIf => html! { <WhatIfTable /> },
        Tab::Charts => html! { <>{ waterfall(state) }<QuarterLine /></> },
    };
    html! {
        <section class="tabs">
            <div class="tab-list" role="tablist" aria-label={lang.pick("结果详情", "Result details")} {onkeydown}>
                { for tabs }
            </div>
            <div class="tab-panel" id="tab-panel" role="tabpanel" aria-labelledby={TABS[current].1} tabindex="0">
                { panel }
            </div>
        </section>
    }
}
