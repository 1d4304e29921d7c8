//! 基本信息: name, post, unit kind and year (none of them changes the result, so on a phone
//! the section starts folded: the first screen is the pledges).

use yew::prelude::*;

use super::number_field::{number_field, NumberField};
use super::page::narrow;
use super::section::{section, SectionHead};
use crate::app::dom::event_value;
use crate::app::edit::Edit;
use crate::app::hooks::AppState;
use crate::app::i18n::field_id;
use crate::app::state::Action;
use crate::engine::ids::UnitKind;

pub fn basics_section(state: &AppState) -> Html {
    let lang = state.lang;
    let summary = [state.form.name.trim(), state.form.post.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let state = state.clone();
    section(
        SectionHead {
            id: "sec-basics",
            title: lang.pick("基本信息", "Basic information"),
            summary: (!summary.is_empty()).then_some(summary),
            open: !narrow(),
            invalid: ["name", "post", "year", "unit_kind"]
                .iter()
                .any(|p| state.invalid_under(p)),
        },
        move || basics_body(&state),
    )
}

fn basics_body(state: &AppState) -> Html {
    let (lang, form) = (state.lang, state.form.clone());
    let edit = |make: fn(String) -> Edit| {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(make(text))))
    };
    let on_kind = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let kind = UnitKind::from_id(&event_value(&e));
            state.dispatch(Action::Edit(Edit::UnitKind(kind)));
        })
    };
    let kinds = UnitKind::ALL.iter().map(|k| {
        html! { <option value={k.id()} selected={form.unit_kind == Some(*k)}>{ lang.pick(k.zh(), k.en()) }</option> }
    });
    html! {
            <>
                <div class="grid-2">
                    { number_field(NumberField {
                        mode: "text",
                        ..NumberField::at(state, "name", lang.pick("姓名", "Name"), form.name.clone(), edit(Edit::Name))
                    }) }
                    { number_field(NumberField {
                        mode: "text",
                        ..NumberField::at(state, "post", lang.pick("职务", "Post"), form.post.clone(), edit(Edit::Post))
                    }) }
                    <div class="field">
                        <label for={field_id("unit_kind")}>{ lang.pick("单位类型", "Kind of unit") }</label>
                        <select id={field_id("unit_kind")} onchange={on_kind}>
                            <option value="" selected={form.unit_kind.is_none()}>{ lang.pick("未填写", "Not given") }</option>
                            { for kinds }
                        </select>
                    </div>
                    { number_field(NumberField {
                        placeholder: "2023".into(),
                        mode: "numeric",
                        ..NumberField::at(state, "year", lang.pick("考核年度", "Year"), form.year.clone(), edit(Edit::Year))
                    }) }
                </div>
                <p class="field-hint">{ lang.pick("以上信息不影响得分。", "These do not change the score.") }</p>
            </>
    }
}
