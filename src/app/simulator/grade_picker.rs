//! A pledge's grade: chosen directly (A / B / C) or derived from difficulty, innovation and
//! contribution (1–5 each), with the derived grade and the reason shown live (spec §2).

use yew::prelude::*;

use crate::app::dom::event_value;
use crate::app::edit::Edit;
use crate::app::hooks::AppState;
use crate::app::state::Action;
use crate::engine::text::fmt_num;
use crate::engine::{Grade, Lang};

/// What the picker of one pledge shows.
pub struct GradePickerProps {
    pub index: usize,
    pub grade: Option<Grade>,
    pub factors: Option<[u8; 3]>,
    /// The grade the engine derived from the factors (when the last evaluation had factors).
    pub derived: Option<Grade>,
}

const FACTORS: [(&str, &str); 3] = [
    ("工作难度", "Difficulty"),
    ("创新力度", "Innovation"),
    ("贡献程度", "Contribution"),
];

pub fn grade_picker(state: &AppState, props: &GradePickerProps) -> Html {
    let (lang, i, rules) = (state.lang, props.index, state.rules.clone());
    let grading = &rules.grading;
    let send = |edit: Edit| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Edit(edit.clone())))
    };
    let buttons = Grade::ALL.iter().map(|g| {
        let pressed = props.grade == Some(*g);
        let coefficient = fmt_num(rules.grades.coefficients.of(*g));
        html! {
            <button type="button" class={classes!("seg", pressed.then_some("on"))} aria-pressed={pressed.to_string()}
                title={format!("{} {coefficient}", lang.pick("系数", "coefficient"))}
                data-testid={format!("grade-{i}-{}", g.id())} onclick={send(Edit::PledgeGrade(i, *g))}>{ g.id() }</button>
        }
    });
    let by_factors = props.grade.is_none();
    let sliders = props.factors.map(|values| {
        let rows = FACTORS.iter().enumerate().map(|(f, (zh, en))| {
            let id = format!("f-pledges-{i}-factors-{f}");
            let state = state.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                if let Ok(v) = event_value(&e).parse() {
                    state.dispatch(Action::Edit(Edit::PledgeFactor(i, f, v)));
                }
            });
            html! {
                <div class="slider">
                    <label for={id.clone()}>{ lang.pick(zh, en) }</label>
                    <input id={id.clone()} type="range" min={grading.factor_min.to_string()}
                        max={grading.factor_max.to_string()} step="1" value={values[f].to_string()}
                        disabled={!by_factors} {oninput} />
                    <output for={id}>{ values[f] }</output>
                </div>
            }
        });
        let composite: u32 = values.iter().map(|v| u32::from(*v)).sum();
        let derived = grading.grade_for(composite);
        let why = match lang {
            Lang::Zh => format!(
                "合计 {} + {} + {} = {composite}(A ≥ {},B ≥ {})→ {} 级,系数 {}",
                values[0],
                values[1],
                values[2],
                grading.a_min_composite,
                grading.b_min_composite,
                derived.id(),
                fmt_num(rules.grades.coefficients.of(derived))
            ),
            Lang::En => format!(
                "Sum {} + {} + {} = {composite} (A ≥ {}, B ≥ {}) → grade {}, coefficient {}",
                values[0],
                values[1],
                values[2],
                grading.a_min_composite,
                grading.b_min_composite,
                derived.id(),
                fmt_num(rules.grades.coefficients.of(derived))
            ),
        };
        html! {
            <div class="factors">
                { for rows }
                <p class="derived" aria-live="polite" data-testid={format!("derived-{i}")}>{ why }</p>
            </div>
        }
    });
    let disagree = match (props.grade, props.derived) {
        (Some(g), Some(d)) if g != d => Some(match lang {
            Lang::Zh => format!(
                "给定等级 {} 与因素得出的 {} 不一致,以给定等级为准。",
                g.id(),
                d.id()
            ),
            Lang::En => format!(
                "The given grade {} differs from {} from the factors; the given grade counts.",
                g.id(),
                d.id()
            ),
        }),
        _ => None,
    };
    html! {
        <fieldset class="grade-picker">
            <legend>{ lang.pick("等级(工作难度、创新力度、贡献程度)", "Grade (difficulty, innovation, contribution)") }</legend>
            <div class="segmented" role="group" aria-label={lang.pick("直接选择等级", "Choose the grade")}>
                { for buttons }
                <button type="button" class={classes!("seg", "seg-wide", by_factors.then_some("on"))}
                    aria-pressed={by_factors.to_string()} onclick={send(Edit::PledgeUseFactors(i))}>
                    { lang.pick("按三项因素评定", "Derive from factors") }</button>
            </div>
            { sliders.unwrap_or_default() }
            if let Some(text) = disagree { <p class="warning-text">{ text }</p> }
        </fieldset>
    }
}
