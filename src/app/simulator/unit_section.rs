//! 单位综合绩效: the unit's comprehensive performance score, or "not published yet" (then the
//! assumed value is shown greyed, spec §7). The "not published yet" checkbox, which disables
//! the score field, stands above it.

use yew::prelude::*;

use super::number_field::{number_field, NumberField};
use super::section::{section, SectionHead};
use crate::app::dom::event_checked;
use crate::app::edit::Edit;
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::engine::text::fmt2;
use crate::engine::Lang;

pub fn unit_section(state: &AppState) -> Html {
    let lang = state.lang;
    let used = state.result.dimensions.unit;
    let summary = match lang {
        Lang::Zh => format!(
            "{} 分 × {} = {}",
            fmt2(used),
            state.rules.dimensions.weights.unit,
            fmt2(state.result.parts.unit)
        ),
        Lang::En => format!(
            "{} × {} = {}",
            fmt2(used),
            state.rules.dimensions.weights.unit,
            fmt2(state.result.parts.unit)
        ),
    };
    let s = state.clone();
    section(
        SectionHead {
            id: "sec-unit",
            title: lang.pick("单位综合绩效", "Unit performance"),
            summary: Some(summary),
            open: true,
            invalid: state.invalid_under("unit_score"),
        },
        move || unit_section_body(&s),
    )
}

fn unit_section_body(state: &AppState) -> Html {
    let (lang, form) = (state.lang, state.form.clone());
    let on_score = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(Edit::UnitScore(text))))
    };
    let on_pending = {
        let state = state.clone();
        Callback::from(move |e: Event| state.dispatch(Action::Edit(Edit::UnitPublished(!event_checked(&e)))))
    };
    let used = state.result.dimensions.unit;
    let hint = (!form.unit_published).then(|| match lang {
        Lang::Zh => format!("尚未公布:推算按 {} 分", fmt2(used)),
        Lang::En => format!("Not published yet: assumed {}", fmt2(used)),
    });
    let label = lang.pick(
        "所在单位综合绩效考核得分(0–100)",
        "The unit's performance score (0–100)",
    );
    let typed = if form.unit_published {
        form.unit_score.clone()
    } else {
        String::new()
    };
    html! {
        <>
            <div class="unit-fields">
                <div class="field check">
                    <input id="unit-pending" type="checkbox" checked={!form.unit_published} onchange={on_pending} />
                    <label for="unit-pending">{ lang.pick("尚未公布", "Not published yet") }</label>
                </div>
                { number_field(NumberField {
                    placeholder: if form.unit_published { String::new() } else { fmt2(used) },
                    hint: hint.map(AttrValue::from),
                    disabled: !form.unit_published,
                    ..NumberField::at(state, "unit_score", label, typed, on_score)
                }) }
            </div>
        </>
    }
}
