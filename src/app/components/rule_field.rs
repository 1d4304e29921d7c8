//! One editable parameter of the rule set: its text as typed (or a checkbox), and the engine's
//! message for its field path right beside it.

use yew::prelude::*;

use crate::app::dom::{event_checked, event_value};
use crate::app::hooks::use_app_state;
use crate::app::i18n::field_id;
use crate::app::state::Action;
use crate::app::workshop::rule_draft::FieldKind;
use crate::app::workshop::rules::RulesAction;

/// The element id of a rule-set field path: `tiers.thresholds[1].min` → `r-tiers-thresholds-1-min`.
pub fn rule_id(path: &str) -> String {
    format!("r{}", &field_id(path)[1..])
}

#[derive(Properties, PartialEq)]
pub struct RuleFieldProps {
    pub path: AttrValue,
    pub label: AttrValue,
    #[prop_or(FieldKind::Number)]
    pub kind: FieldKind,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(RuleField)]
pub fn rule_field(props: &RuleFieldProps) -> Html {
    let state = use_app_state();
    let draft = state.rule_edit.draft.clone();
    let (path, kind) = (props.path.clone(), props.kind);
    let id = rule_id(&path);
    let error = draft.error_at(&path, state.lang);
    let send = move |text: String| {
        Action::Rules(RulesAction::Edit {
            path: path.to_string(),
            text,
            kind,
        })
    };
    let error_id = format!("{id}-error");
    let class = classes!(
        "field",
        props.class.clone(),
        (kind == FieldKind::Bool).then_some("check"),
        error.is_some().then_some("invalid")
    );
    let input = if kind == FieldKind::Bool {
        let state = state.clone();
        let onchange = Callback::from(move |e: Event| state.dispatch(send(event_checked(&e).to_string())));
        html! {
            <input id={id.clone()} type="checkbox" checked={draft.text(&props.path) == "true"} {onchange} />
        }
    } else {
        let state = state.clone();
        let oninput = Callback::from(move |e: InputEvent| state.dispatch(send(event_value(&e))));
        let mode = if kind == FieldKind::Text {
            "text"
        } else {
            "decimal"
        };
        html! {
            <input id={id.clone()} type="text" inputmode={mode} autocomplete="off"
                value={draft.text(&props.path)} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())} />
        }
    };
    let label = html! { <label for={id.clone()}>{ props.label.clone() }</label> };
    html! {
        <div {class}>
            if kind == FieldKind::Bool { { input }{ label } } else { { label }{ input } }
            if let Some(e) = error { <span class="field-error" id={error_id}>{ e }</span> }
        </div>
    }
}
