//! One editable parameter of the rule set: its text as typed (or a checkbox), and the engine's
//! message for its field path right beside it.

use yew::prelude::*;

use crate::app::dom::{event_checked, event_value};
use crate::app::hooks::AppState;
use crate::app::i18n::field_id;
use crate::app::state::Action;
use crate::app::workshop::rule_draft::FieldKind;
use crate::app::workshop::rules::RulesAction;

/// The element id of a rule-set field path: `tiers.thresholds[1].min` → `r-tiers-thresholds-1-min`.
pub fn rule_id(path: &str) -> String {
    format!("r{}", &field_id(path)[1..])
}

/// The field for `path` of the rule draft, labelled `label`; `class` adds to its classes.
pub fn rule_field(state: &AppState, path: &str, label: &str, kind: FieldKind, class: &'static str) -> Html {
    let draft = &state.rule_edit.draft;
    let id = rule_id(path);
    let error = draft.error_at(path, state.lang);
    let owned = path.to_string();
    let send = move |text: String| {
        Action::Rules(RulesAction::Edit {
            path: owned.clone(),
            text,
            kind,
        })
    };
    let error_id = format!("{id}-error");
    let class = classes!(
        "field",
        (!class.is_empty()).then_some(class),
        (kind == FieldKind::Bool).then_some("check"),
        error.is_some().then_some("invalid")
    );
    let input = if kind == FieldKind::Bool {
        let state = state.clone();
        let onchange = Callback::from(move |e: Event| state.dispatch(send(event_checked(&e).to_string())));
        html! {
            <input id={id.clone()} type="checkbox" checked={draft.text(path) == "true"} {onchange} />
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
                value={draft.text(path)} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())} />
        }
    };
    let label = html! { <label for={id.clone()}>{ label.to_string() }</label> };
    html! {
        <div {class}>
            if kind == FieldKind::Bool { { input }{ label } } else { { label }{ input } }
            if let Some(e) = error { <span class="field-error" id={error_id}>{ e }</span> }
        </div>
    }
}
