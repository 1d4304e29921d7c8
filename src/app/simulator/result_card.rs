//! The result card (UX: right column, stays in view): total in large tabular figures, the tier
//! badge, the 0–100 bar, the margin and the points to the next tier, the projected marker with
//! every assumed input, the veto banner, the consequences in the article's words, the score
//! the remaining quarters need for each better tier, and the smallest changes that lift the tier.

use yew::prelude::*;

use super::lift_list::lift_list;
use super::quote::quote;
use super::rules_note::rules_note;
use super::score_bar::score_bar;
use super::tier_badge::tier_badge;
use super::veto_banner::veto_banner;
use crate::app::hooks::AppState;
use crate::app::i18n;
use crate::app::state::Action;
use crate::engine::plain;
use crate::engine::text::fmt2;
use crate::engine::whatif::Reach;
use crate::engine::{Lang, Tier};

/// The card; `full` adds what follows the headline, the bar, the parts and the veto banner
/// (the consequences, the quarter targets, the lifting changes, the warnings), which the page's
/// first frame leaves to the next one.
pub fn result_card(state: &AppState, full: bool) -> Html {
    let (lang, rules, r) = (state.lang, state.rules.clone(), state.result.clone());
    let close = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ToggleSheet))
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && state.sheet_open {
                state.dispatch(Action::ToggleSheet);
            }
        })
    };
    let t = |tier: Tier| i18n::tier(tier, lang);
    let distance = match (r.next_tier, lang) {
        (Some(next), Lang::Zh) => format!("距“{}”还差 {} 分", t(next.tier), fmt2(next.points)),
        (Some(next), Lang::En) => format!("{} points short of \"{}\"", fmt2(next.points), t(next.tier)),
        (None, Lang::Zh) if r.tier == Tier::Good => "已是最高等次".to_string(),
        (None, Lang::En) if r.tier == Tier::Good => "Already the top tier".to_string(),
        (None, _) => lang
            .pick("一票否决:无法再升等次", "Vetoed: no higher tier possible")
            .to_string(),
    };
    let margin = (r.tier != Tier::Poor).then(|| match lang {
        Lang::Zh => format!("高出“{}”线 {} 分", t(r.tier), fmt2(r.margin)),
        Lang::En => format!("{} points above the \"{}\" line", fmt2(r.margin), t(r.tier)),
    });
    let parts = &r.parts;
    let part = |zh: &'static str, en: &'static str, value: String| {
        html! { <div class="part"><dt>{ lang.pick(zh, en) }</dt><dd class="num">{ value }</dd></div> }
    };
    let head = html! {
        <div class="result-head">
            <h2 id="result-title">{ lang.pick("自评结果", "Result") }</h2>
            <button type="button" class="sheet-close" onclick={close}
                aria-label={lang.pick("收起结果", "Close the result")}>{ "×" }</button>
        </div>
    };
    let stale = state.first_error().map(|error| {
        let text = match lang {
            Lang::Zh => format!("输入有误({error})。以下仍是上一次有效输入的结果。"),
            Lang::En => format!("Invalid entry ({error}). This is still the result of the last valid input."),
        };
        html! { <p class="stale" role="status" data-testid="stale">{ text }</p> }
    });
    if !state.has_own_scores() {
        return html! {
            <section class="result-card nothing-yet" aria-labelledby="result-title" {onkeydown}>
                { head }
                { stale }
                { nothing_to_compute(lang) }
                { rules_note(state) }
            </section>
        };
    }
    html! {
        <section class="result-card" aria-labelledby="result-title" {onkeydown}>
            { head }
            { stale }
            <div class="headline" aria-live="polite" aria-atomic="true">
                <span class="total num" data-testid="total">{ fmt2(r.total) }</span>
                <span class="total-unit">{ lang.pick("分", "pts") }</span>
                <span data-testid="tier">{ tier_badge(r.tier, lang, true) }</span>
                if r.projected { <span class="tag projected-tag">{ lang.pick("推算", "Projected") }</span> }
            </div>
            if let Some(note) = plain::projection_note(&r, lang) {
                <p class="projection-note" data-testid="projection-note">{ note }</p>
            }
            { score_bar(r.total, &rules, lang) }
            if let Some(note) = plain::total_note(&r, lang) { <p class="over-100" data-testid="over-100">{ note }</p> }
            <p class="distance" data-testid="distance">{ distance }
                if let Some(m) = margin { <span class="sep">{ " · " }</span>{ m } }
            </p>
            { rules_note(state) }
            <dl class="parts">
                { part("单位绩效", "Unit", fmt2(parts.unit)) }
                { part("履职践诺", "Pledges", fmt2(parts.pledges)) }
                { part("多维测评", "Multi-rater", fmt2(parts.multi)) }
                { part("正面加分", "Bonus", i18n::signed(parts.bonus)) }
                { part("负面扣分", "Deduction", i18n::signed(-parts.deduction)) }
            </dl>
            if r.projected { { projected(state) } }
            { veto_banner(&r, &rules, lang) }
            if full {
                { consequences(state) }
                { quarter_targets(state) }
                { lift_list(state) }
                if !r.warnings.is_empty() {
                    <ul class="warnings">
                        { for r.warnings.iter().map(|w| html! { <li>{ w.message(lang) }</li> }) }
                    </ul>
                }
            }
        </section>
    }
}

/// Until the dossier holds a score of its own, the card says what to enter: any total would
/// rest on assumed values alone.
fn nothing_to_compute(lang: Lang) -> Html {
    let link = |href: &'static str, zh: &'static str, en: &'static str| {
        html! { <li><a {href}>{ lang.pick(zh, en) }</a></li> }
    };
    html! {
        <div class="nothing-yet-body" data-testid="nothing-yet">
            <p class="nothing-yet-title">{ lang.pick("还没有可以计算的分数", "Nothing to compute yet") }</p>
            <p>{ lang.pick(
                "请至少填写下面一项,才会显示总分和等次。在此之前,任何结果都只是假设值的推算。",
                "Enter at least one of these to see a total and a tier; until then any result would rest on assumed values alone.") }</p>
            <ul>
                { link("#f-pledges-0-quarters-0", "任一承诺的季度得分", "a quarter score of any pledge") }
                { link("#sec-unit", "单位综合绩效得分", "your unit's performance score") }
                { link("#sec-votes", "多维测评票数", "the multi-rater votes") }
            </ul>
        </div>
    }
}

fn projected(state: &crate::app::hooks::AppState) -> Html {
    let lang = state.lang;
    let items = state.result.assumed_inputs.iter().map(|a| {
        html! {
            <li>{ format!("{} = {}", i18n::path_label(&a.path, lang), fmt2(a.value)) }
                <span class="muted">{ format!(" ({})", i18n::basis_label(&a.basis, lang)) }</span></li>
        }
    });
    html! {
        <details class="projected" data-testid="projected">
            <summary>{ match lang {
                Lang::Zh => format!("推算结果:{} 项输入为假设值", state.result.assumed_inputs.len()),
                Lang::En => format!("Projected: {} inputs are assumed", state.result.assumed_inputs.len()),
            } }</summary>
            <ul>{ for items }</ul>
        </details>
    }
}

fn consequences(state: &crate::app::hooks::AppState) -> Html {
    let (lang, rules, r) = (state.lang, &state.rules, &state.result);
    // The article's words on each measure, each once.
    let mut quotes: Vec<(String, Option<String>)> = Vec::new();
    for c in r
        .consequences
        .iter()
        .filter_map(|c| rules.consequence_text(c.id()))
    {
        if !quotes.iter().any(|(q, _)| *q == c.quote) {
            quotes.push((c.quote.clone(), c.quote_en.clone()));
        }
    }
    html! {
        <section class="consequences" aria-labelledby="consequences-title">
            <h3 id="consequences-title">{ lang.pick("结果运用", "Consequences") }</h3>
            <p data-testid="consequences">{ plain::consequences_sentence(r, rules, lang) }</p>
            { for quotes.iter().map(|(q, en)| quote(q, en.as_deref(), rules, lang)) }
        </section>
    }
}

fn quarter_targets(state: &crate::app::hooks::AppState) -> Html {
    let lang = state.lang;
    let w = &state.what_if;
    if w.quarter_targets.is_empty() {
        return html! {};
    }
    if w.unscored_quarters == 0 {
        return html! {
            <p class="targets muted">{ lang.pick(
                "所有季度均已评分,季度得分不再影响结果。",
                "Every quarter is scored: the remaining quarters no longer change the result.") }</p>
        };
    }
    let rows = w.quarter_targets.iter().map(|target| {
        let tier = i18n::tier(target.tier, lang);
        let text = match (target.reach, target.score, lang) {
            (Reach::Reachable, Some(s), Lang::Zh) => format!("未评季度平均 ≥ {} 分", fmt2(s)),
            (Reach::Reachable, Some(s), Lang::En) => {
                format!("an average of at least {} on the unscored quarters", fmt2(s))
            }
            (Reach::Unreachable, _, _) => lang
                .pick("全部 100 分也达不到", "out of reach even at 100")
                .to_string(),
            (Reach::CappedByVeto, _, _) => lang.pick("一票否决,无法达到", "barred by the veto").to_string(),
            _ => "—".to_string(),
        };
        html! { <tr><th scope="row">{ tier }</th><td>{ text }</td></tr> }
    });
    html! {
        <section class="targets" aria-labelledby="targets-title">
            <h3 id="targets-title">{ match lang {
                Lang::Zh => format!("剩余 {} 个季度评分需达到", w.unscored_quarters),
                Lang::En => format!("What the {} unscored quarters need", w.unscored_quarters),
            } }</h3>
            <p class="muted" data-testid="held-fixed">{ plain::held_fixed(w, lang) }</p>
            <table class="plain"><tbody>{ for rows }</tbody></table>
        </section>
    }
}
