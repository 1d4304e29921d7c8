//! One group of the rule set in the editor: its title, whether it comes from the article or is
//! an illustrative default (with the article's words), the engine's messages about the group
//! as a whole (weights that do not sum to 1, …) and its fields.

use yew::prelude::*;

use super::rule_field::rule_id;
use crate::app::hooks::AppState;
use crate::app::simulator::quote::quote;
use crate::engine::rules::Basis;
use crate::engine::Lang;

/// The group titled `zh` / `en`, resting on `basis` (`None` for the rule set's own name and
/// version), with the draft's messages for `path` (empty for none) and the fields in `body`.
pub fn rule_group(
    state: &AppState,
    (zh, en): (&str, &str),
    basis: Option<&Basis>,
    path: &str,
    body: Html,
) -> Html {
    let lang = state.lang;
    let sourced = basis.is_some();
    let basis = basis.cloned().unwrap_or_default();
    let note = if lang == Lang::Zh {
        basis.note_zh.clone()
    } else {
        basis.note_en.clone()
    };
    let (class, tag) = match (sourced, basis.illustrative) {
        (false, _) => ("", ""),
        (_, true) => (
            "tag illustrative",
            lang.pick("示例默认值", "illustrative default"),
        ),
        (_, false) => ("tag sourced", lang.pick("出自原文", "from the article")),
    };
    let error = (!path.is_empty())
        .then(|| state.rule_edit.draft.error_at(path, lang))
        .flatten();
    let id = (!path.is_empty()).then(|| rule_id(path));
    html! {
        <section class={classes!("rule", error.is_some().then_some("rule-invalid"))} {id}>
            <h2>{ lang.pick(zh, en) }if !tag.is_empty() { <span {class}>{ tag }</span> }</h2>
            if let Some(e) = error { <p class="field-error group-error" role="alert">{ e }</p> }
            <div class="rule-fields">{ body }</div>
            if let Some(n) = note { <p class="muted">{ n }</p> }
            if let Some(q) = &basis.quote { { quote(q, basis.quote_en.as_deref(), &state.rules, state.lang) } }
        </section>
    }
}
