//! One group of the rule set in the editor: its title, whether it comes from the article or is
//! an illustrative default (with the article's words), the engine's messages about the group
//! as a whole (weights that do not sum to 1, …) and its fields.

use yew::prelude::*;

use super::quote::quote;
use super::rule_field::rule_id;
use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::engine::rules::Basis;
use crate::engine::Lang;

#[derive(Properties, PartialEq)]
pub struct RuleGroupProps {
    pub zh: AttrValue,
    pub en: AttrValue,
    /// Where the group comes from; `None` for the rule set's own name and version.
    #[prop_or_default]
    pub basis: Option<Basis>,
    /// The path of the group's own messages (`dimensions.weights`); empty for none.
    #[prop_or_default]
    pub path: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

#[function_component(RuleGroup)]
pub fn rule_group(props: &RuleGroupProps) -> Html {
    let state = use_app_state();
    let lang = state.lang;
    let basis = props.basis.clone().unwrap_or_default();
    let note = if lang == Lang::Zh {
        basis.note_zh.clone()
    } else {
        basis.note_en.clone()
    };
    let (class, tag) = match (&props.basis, basis.illustrative) {
        (None, _) => ("", ""),
        (_, true) => (
            "tag illustrative",
            lang.pick("示例默认值", "illustrative default"),
        ),
        (_, false) => ("tag sourced", lang.pick("出自原文", "from the article")),
    };
    let error = (!props.path.is_empty())
        .then(|| state.rule_edit.draft.error_at(&props.path, lang))
        .flatten();
    let id = (!props.path.is_empty()).then(|| rule_id(&props.path));
    html! {
        <section class={classes!("rule", error.is_some().then_some("rule-invalid"))} {id}>
            <h2>{ lang.pick(&props.zh, &props.en) }if !tag.is_empty() { <span {class}>{ tag }</span> }</h2>
            if let Some(e) = error { <p class="field-error group-error" role="alert">{ e }</p> }
            <div class="rule-fields">{ props.children.clone() }</div>
            if let Some(n) = note { <p class="muted">{ n }</p> }
            if let Some(q) = &basis.quote { { quote(&q.clone(), &i18n::source_line(&state.rules)) } }
        </section>
    }
}
