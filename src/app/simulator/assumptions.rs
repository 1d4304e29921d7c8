//! 推算假设: the values assumed for what is not known yet (spec §7); empty means the rule set's
//! default (or, for a quarter, the mean of the pledge's scored quarters).

use yew::prelude::*;

use super::number_field::{number_field, NumberField};
use super::section::{section, SectionHead};
use crate::app::edit::{Assumed, Edit};
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::engine::text::fmt_num;
use crate::engine::Lang;

pub fn assumptions_section(state: &AppState) -> Html {
    let lang = state.lang;
    let s = state.clone();
    section(
        SectionHead {
            id: "sec-assumptions",
            title: lang.pick("推算假设", "Projection assumptions"),
            summary: None,
            open: false,
            invalid: state.invalid_under("assumptions"),
        },
        move || assumptions_section_body(&s),
    )
}

fn assumptions_section_body(state: &AppState) -> Html {
    let (lang, form, rules) = (state.lang, state.form.clone(), state.rules.clone());
    let field = |which: Assumed, key: &str, zh: &str, en: &str, default: String| {
        let path = format!("assumptions.{key}");
        let edits = state.clone();
        let on_change =
            Callback::from(move |text: String| edits.dispatch(Action::Edit(Edit::Assumption(which, text))));
        number_field(NumberField {
            placeholder: default,
            ..NumberField::at(
                state,
                &path,
                lang.pick(zh, en),
                form.assumptions[which as usize].clone(),
                on_change,
            )
        })
    };
    let p = &rules.projection;
    let quarter_default = match lang {
        Lang::Zh => format!("已评季度均值,无则 {}", fmt_num(p.quarter_score)),
        Lang::En => format!("scored mean, else {}", fmt_num(p.quarter_score)),
    };
    html! {
        <>
            <p class="field-hint">{ lang.pick(
                "年中自评时,未评分季度、未公布的单位绩效和尚无票数的测评按以下数值推算;留空则用默认值。",
                "Mid-year, unscored quarters, an unpublished unit score and missing votes are assumed at these values; empty uses the default.") }</p>
            <div class="grid-3">
                { field(Assumed::Quarter, "quarter_score", "未评分季度", "Unscored quarters", quarter_default) }
                { field(Assumed::Unit, "unit_score", "单位综合绩效", "Unit score", fmt_num(p.unit_score)) }
                { field(Assumed::Multi, "multi_score", "多维测评得分", "Multi-rater score", fmt_num(p.multi_score)) }
            </div>
        </>
    }
}
