//! The list of what is wrong with the form as typed, each line linking to its field. While it
//! shows, the result is the last valid one.

use yew::prelude::*;

use crate::app::hooks::AppState;
use crate::app::i18n::{field_id, path_label};
use crate::engine::Lang;

pub fn error_summary(state: &AppState) -> Html {
    let lang = state.lang;
    if state.errors.is_empty() {
        return html! {};
    }
    let items = state.errors.iter().map(|e| {
        let href = if e.path.is_empty() {
            "#main".to_string()
        } else {
            format!("#{}", field_id(&e.path))
        };
        let sep = lang.pick(":", ": ");
        html! { <li><a {href}>{ path_label(&e.path, lang) }</a>{ sep }{ e.problem.message(lang) }</li> }
    });
    html! {
        <div class="error-summary" role="alert" data-testid="error-summary">
            <h2>{ match lang {
                Lang::Zh => format!("{} 处输入有误(结果暂按上一次有效输入计算)", state.errors.len()),
                Lang::En => format!("{} invalid entries (the result stays at the last valid input)", state.errors.len()),
            } }</h2>
            <ul>{ for items }</ul>
        </div>
    }
}
