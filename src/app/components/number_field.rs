//! A labelled text field for a number (or short text) that keeps what the user typed and shows
//! the engine's message for its path beside it.

use yew::prelude::*;

use crate::app::dom::event_value;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// The engine's message for this field.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A note under the field (unit, range, projected value).
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// `decimal`, `numeric` or `text` (the on-screen keyboard).
    #[prop_or(AttrValue::Static("decimal"))]
    pub mode: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub disabled: bool,
    pub on_change: Callback<String>,
}

#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |e: InputEvent| on_change.emit(event_value(&e)));
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described = match (&props.error, &props.hint) {
        (Some(_), _) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        _ => None,
    };
    let class = classes!(
        "field",
        props.class.clone(),
        props.error.is_some().then_some("invalid")
    );
    html! {
        <div {class}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode={props.mode.clone()}
                autocomplete="off"
                value={props.value.clone()}
                placeholder={props.placeholder.clone()}
                disabled={props.disabled}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described}
                {oninput}
            />
            if let Some(error) = &props.error {
                <span class="field-error" id={error_id}>{ error.clone() }</span>
            } else if let Some(hint) = &props.hint {
                <span class="field-hint" id={hint_id}>{ hint.clone() }</span>
            }
        </div>
    }
}
