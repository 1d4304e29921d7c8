//! A labelled text field for a number (or short text) that keeps what the user typed and shows
//! the engine's message for its path beside it.

use yew::prelude::*;

use crate::app::dom::event_value;
use crate::app::hooks::AppState;
use crate::app::i18n::field_id;

/// A field: its element id, label, text as typed and what goes beside it.
pub struct NumberField<'a> {
    pub id: String,
    pub label: &'a str,
    pub value: String,
    pub placeholder: String,
    /// The engine's message for this field.
    pub error: Option<AttrValue>,
    /// A note under the field (unit, range, projected value).
    pub hint: Option<AttrValue>,
    /// `decimal`, `numeric` or `text` (the on-screen keyboard).
    pub mode: &'static str,
    pub disabled: bool,
    pub on_change: Callback<String>,
}

impl<'a> NumberField<'a> {
    /// The field of the dossier path `path`: its element id and the engine's message for it
    /// come from the path; a decimal keyboard, no placeholder, no hint.
    pub fn at(
        state: &AppState,
        path: &str,
        label: &'a str,
        value: String,
        on_change: Callback<String>,
    ) -> Self {
        NumberField {
            id: field_id(path),
            label,
            value,
            placeholder: String::new(),
            error: state.error_at(path).map(AttrValue::from),
            hint: None,
            mode: "decimal",
            disabled: false,
            on_change,
        }
    }
}

/// The field `f`.
pub fn number_field(f: NumberField) -> Html {
    let on_change = f.on_change;
    let oninput = Callback::from(move |e: InputEvent| on_change.emit(event_value(&e)));
    let error_id = format!("{}-error", f.id);
    let hint_id = format!("{}-hint", f.id);
    let described = match (&f.error, &f.hint) {
        (Some(_), _) => Some(error_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        _ => None,
    };
    let class = classes!("field", f.error.is_some().then_some("invalid"));
    html! {
        <div {class}>
            <label for={f.id.clone()}>{ f.label.to_string() }</label>
            <input
                id={f.id}
                type="text"
                inputmode={f.mode}
                autocomplete="off"
                value={f.value}
                placeholder={f.placeholder}
                disabled={f.disabled}
                aria-invalid={f.error.is_some().then_some("true")}
                aria-describedby={described}
                {oninput}
            />
            if let Some(error) = f.error {
                <span class="field-error" id={error_id}>{ error }</span>
            } else if let Some(hint) = f.hint {
                <span class="field-hint" id={hint_id}>{ hint }</span>
            }
        </div>
    }
}
