//! 方案对比: the cohort under a baseline and a variant rule set side by side — first the
//! parameters that differ (in words, old → new), then the tier transition matrix, both
//! distributions, the honour list's changes, who changes tier and why, and for one official
//! the steps of the explanation that change (baseline → variant) with the rest folded.

use yew::prelude::*;

use super::cohort_bar::export_workbook;
use super::lacking_notice::lacking_notice;
use super::movers::movers;
use super::official_picker::official_picker;
use super::tier_chart::tier_chart;
use super::trace_steps::trace_diff;
use super::transition_matrix::transition_matrix;
use super::{run_heavy, use_rule_variants};
use crate::app::dom::event_value;
use crate::app::hooks::use_app_state;
use crate::app::i18n;
use crate::app::state::{Action, View};
use crate::app::workshop::reduce::resolve;
use crate::app::workshop::state::{Busy, RulesRef, WorkshopAction, SMALL};
use crate::app::workshop::workbook::Book;
use crate::engine::compare::{changed_parameters, ParameterChange};
use crate::engine::text::fmt2;
use crate::engine::{Engine, Lang};

fn ref_value(r: &RulesRef) -> String {
    match r {
        RulesRef::Default => "default".into(),
        RulesRef::Current => "current".into(),
        RulesRef::Saved(name) => format!("saved:{name}"),
    }
}

/// The parameters the variant changes, first on the view: each in words, old → new.
fn changed_params(changes: &[ParameterChange], lang: Lang) -> Html {
    let items = changes.iter().map(|c| {
        html! {
            <li data-testid="changed-param">
                <span class="param-name">{ c.label(lang).to_string() }</span>
                <span class="param-values num">
                    <span class="param-before">{ c.before_shown(lang) }</span>
                    <span class="param-arrow" aria-hidden="true">{ " → " }</span>
                    <span class="visually-hidden">{ lang.pick("改为", "becomes") }</span>
                    <span class="param-after">{ c.after_shown(lang) }</span>
                </span>
            </li>
        }
    });
    let heading = match lang {
        Lang::Zh => format!("方案改动的参数({} 项)", changes.len()),
        Lang::En if changes.len() == 1 => "1 parameter changed".to_string(),
        Lang::En => format!("{} parameters changed", changes.len()),
    };
    html! {
        <section class="changed-params" data-testid="changed-params">
            <h2>{ heading }</h2>
            if changes.is_empty() {
                <p class="muted">{ lang.pick(
                    "计分参数相同,只有名称或说明不同。",
                    "No scoring parameter differs; only names or notes do.") }</p>
            } else {
                <ul>{ for items }</ul>
            }
        </section>
    }
}

fn parse_ref(value: &str) -> RulesRef {
    match value {
        "default" => RulesRef::Default,
        "current" => RulesRef::Current,
        other => RulesRef::Saved(other.trim_start_matches("saved:").to_string()),
    }
}

#[function_component(CompareView)]
pub fn compare_view() -> Html {
    let state = use_app_state();
    use_rule_variants(&state);
    let (lang, w) = (state.lang, state.workshop.clone());
    let key = w.compare_key(state.rule_edit.variants_rev);
    {
        let state = state.clone();
        let stale = key.is_some() && w.compared_for != key;
        // Again once other work is over (a large comparison dropped when something changed).
        use_effect_with((key.clone(), stale, w.busy.is_none()), move |(_, stale, _)| {
            if *stale && state.workshop.busy.is_none() {
                let size = state.workshop.cohort.as_ref().map_or(0, |c| c.officials.len());
                if size <= SMALL {
                    state.dispatch(Action::Workshop(WorkshopAction::Compare));
                } else {
                    run_heavy(&state, Busy::Comparing, WorkshopAction::Compare);
                }
            }
        });
    }
    let (baseline, variant) = key
        .as_ref()
        .map(|k| (k.baseline.clone(), k.variant.clone()))
        .unwrap_or((RulesRef::Default, RulesRef::Current));
    let options = |selected: &RulesRef| {
        let mut list = vec![
            (
                RulesRef::Default,
                lang.pick("默认规则", "Default rules").to_string(),
            ),
            (
                RulesRef::Current,
                lang.pick("当前生效的规则", "Rules in force").to_string(),
            ),
        ];
        list.extend(
            state
                .rule_edit
                .variants
                .iter()
                .map(|v| (RulesRef::Saved(v.name.clone()), v.name.clone())),
        );
        list.into_iter()
            .map(|(r, text)| html! { <option value={ref_value(&r)} selected={&r == selected}>{ text }</option> })
            .collect::<Html>()
    };
    let pick = |to_variant: bool| {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let r = parse_ref(&event_value(&e));
            let action = if to_variant {
                WorkshopAction::SetVariant(r)
            } else {
                WorkshopAction::SetBaseline(r)
            };
            state.dispatch(Action::Workshop(action));
        })
    };
    let to_rules = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetView(View::Rules)))
    };
    let pickers = html! {
        <div class="ws-filters compare-pick">
            <div class="field">
                <label for="cmp-baseline">{ lang.pick("基线", "Baseline") }</label>
                <select id="cmp-baseline" onchange={pick(false)}>{ options(&baseline) }</select>
            </div>
            <span class="arrow" aria-hidden="true">{ "→" }</span>
            <div class="field">
                <label for="cmp-variant">{ lang.pick("方案", "Variant") }</label>
                <select id="cmp-variant" onchange={pick(true)}>{ options(&variant) }</select>
            </div>
            <button type="button" class="subtle" onclick={to_rules}>{ lang.pick("去“规则”修改参数", "Edit the rules") }</button>
        </div>
    };
    let rules_b = resolve(&state, &baseline);
    let rules_v = resolve(&state, &variant);
    let same = rules_b == rules_v;
    let params = match (&rules_b, &rules_v) {
        (Some(b), Some(v)) if !same => changed_params(&changed_parameters(b, v), lang),
        _ => Html::default(),
    };
    let comparison = w.comparison.clone().filter(|_| w.compared_for == key);
    let Some(c) = comparison else {
        return html! { <>{ pickers }{ params }<p class="muted">{ lang.pick("正在对比……", "Comparing…") }</p></> };
    };
    let export = {
        let (state, c) = (state.clone(), c.clone());
        Callback::from(move |_: MouseEvent| {
            let lang = state.lang;
            let mut rows = vec![lang
                .pick(
                    "姓名\t基线总分\t基线等次\t方案总分\t方案等次\t变化",
                    "name\tbaseline total\tbaseline tier\tvariant total\tvariant tier\tchange",
                )
                .to_string()];
            rows.extend(c.movers.iter().map(|m| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{}",
                    m.name,
                    fmt2(m.total_before),
                    i18n::tier(m.from, lang),
                    fmt2(m.total_after),
                    i18n::tier(m.to, lang),
                    fmt2(m.total_after - m.total_before)
                )
            }));
            export_workbook(
                &state,
                "comparison.xlsx",
                Book::Comparison(c.clone()),
                rows.join("\r\n"),
            );
        })
    };
    let moved = c.movers.iter().filter(|m| m.from != m.to).count();
    let summary = match lang {
        Lang::Zh => format!(
            "{moved} 人等次变化;担当作为好干部新增 {} 人、减少 {} 人。",
            c.honour_gained.len(),
            c.honour_lost.len()
        ),
        Lang::En => format!(
            "{moved} change tier; honour gained by {}, lost by {}.",
            c.honour_gained.len(),
            c.honour_lost.len()
        ),
    };
    let honours = |names: &[String], sign: &str, class: &'static str| {
        names
            .iter()
            .map(|n| html! { <li class={class}>{ format!("{sign} {n}") }</li> })
            .collect::<Html>()
    };
    let lacking = html! {
        <>
            { lacking_notice(&c.not_in_baseline, ("基线", "the baseline"), lang, "compare-lacking") }
            { lacking_notice(&c.not_in_variant, ("方案", "the variant"), lang, "compare-lacking") }
        </>
    };
    let focus = w.focus;
    let official = w.cohort.as_ref().and_then(|co| co.officials.get(focus)).cloned();
    let traces = official.zip(rules_b.zip(rules_v)).map(|(d, (b, v))| {
        let before = Engine::new(&b).evaluate_traced(&d);
        let after = Engine::new(&v).evaluate_traced(&d);
        let (b, a) = (before.trace.unwrap_or_default(), after.trace.unwrap_or_default());
        trace_diff(&b, &a, lang)
    });
    let candidates: Vec<usize> = c.movers.iter().take(500).map(|m| m.index).collect();
    html! {
        <div class="ws-compare">
            { pickers }
            <div class="toolbar-group ws-exports">
                <button type="button" onclick={export} data-testid="comparison-xlsx">{ lang.pick("导出对比 Excel", "Export the comparison (Excel)") }</button>
            </div>
            if same {
                <p class="notice notice-ok">{ lang.pick(
                    "两套规则相同,没有人变化。在“规则”中修改参数(或另存为方案)后再对比。",
                    "The two rule sets are the same, so nobody changes. Edit the rules (or save a variant) and compare again.") }</p>
            }
            { params }
            <p class="ws-summary" data-testid="compare-summary">{ summary }</p>
            { lacking }
            <div class="ws-charts">
                { transition_matrix(&c.transitions, lang) }
                { tier_chart(c.distribution_before, Some(c.distribution_after), lang) }
            </div>
            if !c.honour_gained.is_empty() || !c.honour_lost.is_empty() {
                <section class="honour-changes">
                    <h2>{ lang.pick("担当作为好干部名单的变化", "Changes in the honour list") }</h2>
                    <ul>
                        { honours(&c.honour_gained, "+", "gained") }
                        { honours(&c.honour_lost, "−", "lost") }
                    </ul>
                </section>
            }
            { movers(&state) }
            <section class="side-by-side">
                <h2>{ lang.pick("同一人的两种解释", "One official, both explanations") }</h2>
                { official_picker(&state, "cmp-official", &candidates) }
                { traces.unwrap_or_default() }
            </section>
        </div>
    }
}
