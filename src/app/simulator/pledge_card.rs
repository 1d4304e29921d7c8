//! One pledge as a compact card: area, title, grade, and the four quarter scores.

use yew::prelude::*;

use super::grade_picker::{grade_picker, GradePickerProps};
use super::number_field::{number_field, NumberField};
use super::quarter_field::{quarter_field, QuarterFieldProps};
use crate::app::dom::event_value;
use crate::app::edit::Edit;
use crate::app::form::PledgeForm;
use crate::app::hooks::AppState;
use crate::app::i18n::field_id;
use crate::app::state::Action;
use crate::engine::ids::Area;
use crate::engine::text::{fmt2, fmt_num};
use crate::engine::Lang;

/// Which pledge the card shows.
pub struct PledgeCardProps {
    pub index: usize,
    pub pledge: PledgeForm,
    pub removable: bool,
}

/// The card, keyed by the pledge's own key so that its fields keep focus when another is removed.
pub fn pledge_card(state: &AppState, props: &PledgeCardProps) -> Html {
    let (lang, i, p) = (state.lang, props.index, &props.pledge);
    let path = format!("pledges[{i}]");
    let at = |field: &str| format!("{path}.{field}");
    let result = state.result.pledges.get(i).filter(|_| !state.stale());
    let on_remove = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(Edit::RemovePledge(i))))
    };
    let on_area = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(area) = Area::from_id(&event_value(&e)) {
                state.dispatch(Action::Edit(Edit::PledgeArea(i, area)));
            }
        })
    };
    let on_title = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(Edit::PledgeTitle(i, text))))
    };
    let areas = Area::ALL.iter().map(|a| {
        html! { <option value={a.id()} selected={p.area == *a}>{ lang.pick(a.zh(), a.en()) }</option> }
    });
    let quarters = (0..4).map(|q| {
        let qpath = at(&format!("quarters[{q}]"));
        let error = state.error_at(&qpath).map(AttrValue::from);
        let state = state.clone();
        let on_change =
            Callback::from(move |text: String| state.dispatch(Action::Edit(Edit::Quarter(i, q, text))));
        quarter_field(&QuarterFieldProps {
            id: field_id(&qpath).into(),
            quarter: q,
            value: p.quarters[q].clone().into(),
            projected: result.map(|r| r.quarters[q]),
            error,
            lang,
            on_change,
        })
    });
    let title_id = format!("pledge-{}-title", p.key);
    let score = result.map(|r| match lang {
        Lang::Zh => format!(
            "完成度 {} × 系数 {} = {}",
            fmt2(r.fulfilment),
            fmt_num(r.coefficient),
            fmt2(r.score)
        ),
        Lang::En => format!(
            "fulfilment {} × {} = {}",
            fmt2(r.fulfilment),
            fmt_num(r.coefficient),
            fmt2(r.score)
        ),
    });
    html! {
        <article key={p.key} class="pledge-card" aria-labelledby={title_id.clone()} data-testid={format!("pledge-{i}")}>
            <div class="pledge-head">
                <h3 id={title_id}>{ match lang { Lang::Zh => format!("承诺 {}", i + 1), Lang::En => format!("Pledge {}", i + 1) } }</h3>
                if let Some(score) = score { <span class="pledge-score num">{ score }</span> }
                if props.removable {
                    <button type="button" class="small subtle" onclick={on_remove}
                        aria-label={match lang { Lang::Zh => format!("删除承诺 {}", i + 1), Lang::En => format!("Remove pledge {}", i + 1) }}>
                        { lang.pick("删除", "Remove") }</button>
                }
            </div>
            <div class="grid-2">
                <div class="field">
                    <label for={field_id(&at("area"))}>{ lang.pick("方面", "Area") }</label>
                    <select id={field_id(&at("area"))} onchange={on_area}>{ for areas }</select>
                </div>
                { number_field(NumberField {
                    mode: "text",
                    ..NumberField::at(state, &at("title"), lang.pick("承诺内容", "Pledge"), p.title.clone(), on_title)
                }) }
            </div>
            { grade_picker(state, &GradePickerProps {
                index: i,
                grade: p.grade,
                factors: p.factors,
                derived: result.and_then(|r| r.derived_grade),
            }) }
            <fieldset class="quarters">
                <legend>{ lang.pick("季度评分(0–100,留空为未评分)", "Quarter scores (0–100; empty = not scored)") }</legend>
                <div class="quarter-row">{ for quarters }</div>
            </fieldset>
        </article>
    }
}
