//! The header: the app's name, the views (自评模拟 · 研讨演示 · 规则 · 说明) and the 中文 / EN switch.

use yew::prelude::*;

use crate::app::hooks::AppState;
use crate::app::state::{Action, View};
use crate::engine::Lang;

pub fn header(state: &AppState) -> Html {
    let lang = state.lang;
    let view_button = |view: View, zh: &'static str, en: &'static str| {
        let current = state.view == view;
        if cfg!(not(feature = "workshop")) && matches!(view, View::Workshop | View::Rules) {
            // The phone's page holds the self-assessment only: the workshop and the rule
            // editor are the workshop's page, loaded when first opened.
            let href = if view == View::Workshop {
                "workshop.html#workshop"
            } else {
                "workshop.html#rules"
            };
            return html! { <a class="nav-item" {href}>{ lang.pick(zh, en) }</a> };
        }
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::SetView(view)));
        html! {
            <button type="button" class={classes!("nav-item", current.then_some("current"))}
                aria-current={current.then_some("page")} {onclick}>{ lang.pick(zh, en) }</button>
        }
    };
    let lang_button = |to: Lang, text: &'static str, label: &'static str| {
        let state = state.clone();
        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::SetLang(to)));
        html! {
            <button type="button" class="lang-option" aria-pressed={(lang == to).to_string()}
                lang={if to == Lang::Zh { "zh-CN" } else { "en" }} aria-label={label} {onclick}>{ text }</button>
        }
    };
    html! {
        <header class="header">
            <a class="skip" href="#main">{ lang.pick("跳到正文", "Skip to content") }</a>
            <div class="brand">
                <span class="brand-name" lang="zh-CN">{ "栋梁" }</span>
                <span class="brand-sub">{ lang.pick("北尚栋梁考评模拟器", "\"Beishang Dongliang\" assessment simulator") }</span>
            </div>
            <nav class="nav" aria-label={lang.pick("视图", "Views")}>
                { view_button(View::SelfAssessment, "自评模拟", "Self-assessment") }
                { view_button(View::Workshop, "研讨演示", "Workshop") }
                { view_button(View::Rules, "规则", "Rules") }
                { view_button(View::About, "说明", "About") }
            </nav>
            <div class="lang-switch" role="group" aria-label="语言 / Language">
                { lang_button(Lang::Zh, "中文", "中文") }
                { lang_button(Lang::En, "English", "English") }
            </div>
        </header>
    }
}
