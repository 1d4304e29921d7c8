//! One quarter's score: typed, or 未评分 (not scored) with the projected value shown greyed.

use yew::prelude::*;

use crate::app::dom::event_value;
use crate::engine::text::fmt2;
use crate::engine::Lang;

/// One quarter's field: what it shows and where its edits go.
pub struct QuarterFieldProps {
    pub id: AttrValue,
    /// 0..4 for Q1..Q4.
    pub quarter: usize,
    pub value: AttrValue,
    /// The value the engine used (scored or projected).
    pub projected: Option<f64>,
    pub error: Option<AttrValue>,
    pub lang: Lang,
    pub on_change: Callback<String>,
}

pub fn quarter_field(props: &QuarterFieldProps) -> Html {
    let lang = props.lang;
    let unscored = props.value.trim().is_empty();
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| on_change.emit(event_value(&e)))
    };
    let clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| on_change.emit(String::new()))
    };
    let label = match lang {
        Lang::Zh => ["第一季度", "第二季度", "第三季度", "第四季度"][props.quarter.min(3)].to_string(),
        Lang::En => format!("Q{}", props.quarter + 1),
    };
    let note_id = format!("{}-note", props.id);
    let placeholder = props.projected.filter(|_| unscored).map(fmt2).unwrap_or_default();
    let class = classes!(
        "field",
        "quarter",
        unscored.then_some("unscored"),
        props.error.is_some().then_some("invalid")
    );
    html! {
        <div {class}>
            <label for={props.id.clone()}>{ label.clone() }</label>
            <div class="quarter-input">
                <input id={props.id.clone()} type="text" inputmode="decimal" autocomplete="off"
                    value={props.value.clone()} {placeholder} aria-describedby={note_id.clone()}
                    aria-invalid={props.error.is_some().then_some("true")} {oninput} />
                if !unscored {
                    <button type="button" class="clear" onclick={clear}
                        aria-label={format!("{label}{}", lang.pick(" 设为未评分", ": mark as not scored"))}>{ "×" }</button>
                } else {
                    // Keeps the button's place on a touch screen, where it stands beside the
                    // field: typing the first digit does not narrow the field.
                    <span class="clear-slot" aria-hidden="true"></span>
                }
            </div>
            <span id={note_id} class={if props.error.is_some() { "field-error" } else { "field-hint" }}>
                if let Some(error) = &props.error { { error.clone() } }
                else if unscored {
                    <span class="unscored-tag">{ lang.pick("未评分", "not scored") }</span>
                    if let Some(p) = props.projected {
                        <span class="projected-value">{ format!(" {} {}", lang.pick("推算", "proj."), fmt2(p)) }</span>
                    }
                }
            </span>
        </div>
    }
}
