//! 规则: the rule set in force, editable — every parameter with the article's words it rests
//! on or a mark saying it is an illustrative default, the engine's validation beside each
//! field, named variants, import and export, and the reset. A valid edit is in force at once
//! (the simulator and the workshop follow); while the draft is invalid the last valid rules stay.

use yew::prelude::*;

use super::rule_field::{rule_field, rule_id};
use super::rule_group::rule_group;
use super::rule_items::rule_items;
use super::rule_variants::RuleVariants;
use crate::app::dom::event_value;
use crate::app::hooks::{use_app_state, AppState};
use crate::app::i18n;
use crate::app::state::Action;
use crate::app::workshop::components::use_rule_variants;
use crate::app::workshop::rule_draft::FieldKind;
use crate::app::workshop::rules::RulesAction;
use crate::engine::{Lang, Tier};

/// Fields as (path, Chinese label, English label, kind).
type Fields = &'static [(&'static str, &'static str, &'static str, FieldKind)];

const N: FieldKind = FieldKind::Number;
const I: FieldKind = FieldKind::Integer;
const T: FieldKind = FieldKind::Text;

fn fields(state: &AppState, list: Fields) -> Html {
    list.iter()
        .map(|(path, zh, en, kind)| rule_field(state, path, state.lang.pick(zh, en), *kind, ""))
        .collect()
}

#[function_component(RulesView)]
pub fn rules_view() -> Html {
    let state = use_app_state();
    use_rule_variants(&state);
    let (lang, rules, editor) = (state.lang, state.rules.clone(), state.rule_edit.clone());
    let hash = &state.rules_hash;
    let version = format!(
        "{} {} · {} {} · {} {hash}",
        lang.pick("版本", "Version"),
        rules.version,
        lang.pick("生效年度", "Year"),
        rules.effective_year,
        lang.pick("内容哈希", "Content hash"),
    );
    let status = if rules == editor.default {
        lang.pick(
            "生效中:默认规则(示例默认值均可修改)。",
            "In force: the default rules (every illustrative default can be edited).",
        )
    } else {
        lang.pick(
            "生效中:已修改的规则。自评模拟和研讨演示都按这套规则计算。",
            "In force: edited rules. The simulator and the workshop both use them.",
        )
    };
    let errors = &editor.draft.errors;
    let summary = (!errors.is_empty()).then(|| {
        html! {
            <div class="error-summary" role="alert" data-testid="rules-errors">
                <h2>{ match lang {
                    Lang::Zh => format!("规则有 {} 处问题;改正之前仍按上一次有效的规则计算。", errors.len()),
                    Lang::En => format!("{} problems in the rules; until they are fixed the last valid rules stay in force.", errors.len()),
                } }</h2>
                <ul>{ for errors.iter().map(|e| html! {
                    <li><a href={format!("#{}", rule_id(&e.path))}>{ e.line(lang) }</a></li>
                }) }</ul>
            </div>
        }
    });
    let on_cap = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            state.dispatch(Action::Rules(RulesAction::Edit {
                path: "veto.cap".into(),
                text: event_value(&e),
                kind: FieldKind::Text,
            }))
        })
    };
    let caps = Tier::ALL[1..].iter().map(|t| {
        html! { <option value={t.id()} selected={rules.veto.cap == t.id()}>{ i18n::tier(*t, lang) }</option> }
    });
    let groups: Vec<(&'static str, &'static str, &'static str, Fields)> = vec![
        (
            "四维权重",
            "Dimension weights",
            "dimensions.weights",
            &[
                ("dimensions.weights.unit", "单位绩效", "unit", N),
                ("dimensions.weights.pledges", "履职践诺", "pledges", N),
                ("dimensions.weights.multi", "多维测评", "multi-rater", N),
            ],
        ),
        (
            "等级系数",
            "Grade coefficients",
            "",
            &[
                ("grades.coefficients.A", "A", "A", N),
                ("grades.coefficients.B", "B", "B", N),
                ("grades.coefficients.C", "C", "C", N),
            ],
        ),
        (
            "等级评定",
            "Grading",
            "",
            &[
                ("grading.factor_min", "每项最低", "factor min", I),
                ("grading.factor_max", "每项最高", "factor max", I),
                ("grading.a_min_composite", "A 级合计至少", "A from", I),
                ("grading.b_min_composite", "B 级合计至少", "B from", I),
            ],
        ),
        (
            "季度权重",
            "Quarter weights",
            "quarters.weights",
            &[
                ("quarters.weights[0]", "一季度", "Q1", N),
                ("quarters.weights[1]", "二季度", "Q2", N),
                ("quarters.weights[2]", "三季度", "Q3", N),
                ("quarters.weights[3]", "四季度", "Q4", N),
            ],
        ),
        (
            "承诺数量",
            "Number of pledges",
            "pledge_count",
            &[
                ("pledge_count.min", "最少", "min", I),
                ("pledge_count.max", "最多", "max", I),
            ],
        ),
        (
            "测评主体权重",
            "Rater group weights",
            "raters.groups",
            &[
                ("raters.groups[0].weight", "区领导", "district leaders", N),
                ("raters.groups[1].weight", "党政正职互评", "peers", N),
                ("raters.groups[2].weight", "本单位干部", "unit staff", N),
                ("raters.groups[3].weight", "服务对象和群众", "public", N),
            ],
        ),
        (
            "票值",
            "Vote values",
            "",
            &[
                ("raters.vote_values.good", "好", "good", N),
                ("raters.vote_values.fairly_good", "较好", "fairly good", N),
                ("raters.vote_values.average", "一般", "average", N),
                ("raters.vote_values.poor", "差", "poor", N),
                ("raters.max_votes", "每组票数上限", "max votes per group", I),
            ],
        ),
        (
            "等次分数线",
            "Tier thresholds",
            "tiers.thresholds",
            &[
                ("tiers.thresholds[0].min", "好 ≥", "good ≥", N),
                ("tiers.thresholds[1].min", "较好 ≥", "fairly good ≥", N),
                ("tiers.thresholds[2].min", "一般 ≥", "average ≥", N),
            ],
        ),
        (
            "荣誉",
            "Honour",
            "",
            &[
                ("honour.top_n", "前几名", "top n", I),
                ("honour.zh", "名称(中文)", "name (Chinese)", T),
                ("honour.en", "名称(英文)", "name (English)", T),
            ],
        ),
        (
            "推算默认值",
            "Projection defaults",
            "",
            &[
                ("projection.quarter_score", "季度", "quarter", N),
                ("projection.unit_score", "单位", "unit", N),
                ("projection.multi_score", "测评", "multi-rater", N),
            ],
        ),
        (
            "结果运用",
            "Consequences",
            "",
            &[
                (
                    "consequences.promotion_priority_years",
                    "连续“好”几年晋升倾斜",
                    "good years for promotion priority",
                    I,
                ),
                (
                    "consequences.reassignment_years",
                    "连续“一般”几年组织调整",
                    "average years for reassignment",
                    I,
                ),
            ],
        ),
    ];
    let bases = [
        &rules.dimensions.basis,
        &rules.grades.basis,
        &rules.grading.basis,
        &rules.quarters.basis,
        &rules.pledge_count.basis,
        &rules.raters.basis,
        &rules.raters.basis,
        &rules.tiers.basis,
        &rules.honour.basis,
        &rules.projection.basis,
        &rules.consequences.basis,
    ];
    type Group = (&'static str, &'static str, &'static str, Fields);
    let group = |(zh, en, path, list): &Group, basis: &crate::engine::rules::Basis| {
        rule_group(&state, (zh, en), Some(basis), path, fields(&state, list))
    };
    let areas: Vec<&str> = rules
        .areas
        .items
        .iter()
        .map(|a| lang.pick(&a.zh, &a.en))
        .collect();
    html! {
        <article class="prose rules rule-editor">
            <h1>{ lang.pick(&rules.name, &rules.name_en) }</h1>
            <p class="muted num" data-testid="rules-version">{ version }</p>
            <p data-testid="rules-status">{ status }</p>
            <RuleVariants />
            { rule_group(&state, ("规则集", "Rule set"), None, "", fields(&state, &[
                ("name", "名称(中文)", "name (Chinese)", T),
                ("name_en", "名称(英文)", "name (English)", T),
                ("version", "版本", "version", T),
                ("effective_year", "生效年度", "effective year", I),
            ])) }
            { summary.unwrap_or_default() }
            { for groups.iter().zip(bases).take(8).map(|(g, b)| group(g, b)) }
            { rule_group(&state, ("一票否决", "Veto"), Some(&rules.veto.basis), "veto.cap", html! {
                <div class="field">
                    <label for="r-veto-cap">{ lang.pick("被否决者最高等次", "Best tier when vetoed") }</label>
                    <select id="r-veto-cap" onchange={on_cap}>{ for caps }</select>
                </div>
            }) }
            { rule_group(&state, ("名额限制", "Quota"), Some(&rules.quota.basis), "", rule_field(&state, "quota.good_quota",
                lang.pick("“好”等次最多占比(0–1,留空为不限)", "Largest share of \"good\" (0–1, empty for none)"),
                FieldKind::OptionalNumber, "")) }
            { for groups.iter().zip(bases).skip(8).map(|(g, b)| group(g, b)) }
            { rule_group(&state, ("正面清单", "Positive list"), Some(&rules.positive.basis), "", html! {
                <>
                    { rule_field(&state, "positive.bonus_cap", lang.pick("加分上限", "Bonus cap"), FieldKind::Number, "") }
                    { rule_items(&state, false) }
                </>
            }) }
            { rule_group(&state, ("负面清单", "Negative list"), Some(&rules.negative.basis), "", rule_items(&state, true)) }
            { rule_group(&state, ("容错纠错", "Error tolerance"), Some(&rules.tolerance.basis), "", rule_field(&state,
                "tolerance.allow_tolerated", lang.pick("允许对非否决项容错免责", "Allow tolerating non-veto items"),
                FieldKind::Bool, "")) }
            { rule_group(&state, ("政治素质测评", "Political quality"), Some(&rules.political_quality.basis), "", Html::default()) }
            { rule_group(&state, ("承诺方面", "Pledge areas"), Some(&rules.areas.basis), "", html! {
                <p>{ areas.join(" · ") }</p>
            }) }
        </article>
    }
}
