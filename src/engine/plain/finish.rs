//! Completes a trace once the evaluation is done: the steps whose words need the whole
//! result — each pledge's summary sentence, the weighted sum and the total (two decimals; a
//! total clamped at 0 or above 100 explained), the tier of a projection, the unit's quote — and
//! the consequences step, conditional when the result is projected.

use crate::engine::assessment::Assessment;
use crate::engine::dossier::Dossier;
use crate::engine::evaluate::Engine;
use crate::engine::explain::{fulfilment_clause, grade_clause, tier_says};
use crate::engine::ids::{Consequence, Tier};
use crate::engine::text::Lang;
use crate::engine::trace::Step;

use super::words::{lower_first, param, percent, value, zh_list};

/// Completes the steps of `result`'s evaluation and adds the consequences step.
pub(crate) fn finish(engine: &Engine, dossier: &Dossier, result: &Assessment, steps: &mut Vec<Step>) {
    for step in steps.iter_mut() {
        let id = step.id.clone();
        if let Some(i) = id
            .strip_prefix("pledges[")
            .and_then(|rest| rest.strip_suffix("].score"))
            .and_then(|i| i.parse::<usize>().ok())
        {
            pledge_summary(engine, dossier, i, step);
            continue;
        }
        match id.as_str() {
            "unit" => {
                let by_default = dossier.unit_score.is_none() && dossier.assumptions.unit_score.is_none();
                step.illustrative = by_default && engine.rules.projection.basis.illustrative;
                // The article's wording of the four dimensions is quoted at the weighted sum.
                step.quote = None;
                step.quote_en = None;
            }
            "raw" => *step = raw_step(engine, result),
            "total" => *step = total_step(result),
            "tier" if result.projected => {
                let (zh, en) = tier_says(engine, result.total, (result.uncapped_tier, result.tier), true);
                step.says_zh = zh;
                step.says_en = en;
            }
            _ => {}
        }
    }
    steps.push(consequences_step(engine, dossier, result));
}

fn pledge_summary(engine: &Engine, dossier: &Dossier, i: usize, step: &mut Step) {
    let Some(pledge) = dossier.pledges.get(i) else {
        return;
    };
    let rules = engine.rules;
    let grade = Dossier::pledge_grade(pledge, rules);
    let coefficient = rules.grades.coefficients.of(grade);
    let fulfilment = engine.fulfilment(pledge, &dossier.assumptions);
    let score = fulfilment * coefficient;
    let (grade_zh, grade_en) = grade_clause(engine, pledge, grade);
    let (quarters_zh, quarters_en) = fulfilment_clause(engine, pledge, &dossier.assumptions, fulfilment);
    let scored = if (coefficient - 1.0).abs() < 1e-12 {
        value(score)
    } else {
        format!(
            "{} × {} = {}",
            value(fulfilment),
            param(coefficient),
            value(score)
        )
    };
    step.says_zh = format!("承诺 {}:{grade_zh};{quarters_zh} → 得分 {scored}。", i + 1);
    step.says_en = format!("Pledge {}: {grade_en}; {quarters_en} → score {scored}.", i + 1);
    step.illustrative = rules.grades.basis.illustrative;
}

fn raw_step(engine: &Engine, result: &Assessment) -> Step {
    let rules = engine.rules;
    let w = rules.dimensions.weights;
    let d = &result.dimensions;
    let (bonus, deduction) = (result.parts.bonus, result.parts.deduction);
    let raw = value(result.raw);
    let formula = format!(
        "{}×{} + {}×{} + {}×{} + {} − {} = {raw}",
        param(w.unit),
        value(d.unit),
        param(w.pledges),
        value(d.pledges),
        param(w.multi),
        value(d.multi),
        value(bonus),
        value(deduction),
    );
    let weights = [w.unit, w.pledges, w.multi].map(percent);
    let (mut zh_extra, mut en_extra) = (Vec::new(), Vec::new());
    if bonus > 0.0 {
        zh_extra.push(format!("加上加分 {}", value(bonus)));
        en_extra.push(format!("plus a bonus of {}", value(bonus)));
    }
    if deduction > 0.0 {
        zh_extra.push(format!("减去扣分 {}", value(deduction)));
        en_extra.push(format!("minus a deduction of {}", value(deduction)));
    }
    let zh_extra: String = zh_extra.iter().map(|e| format!(",{e}")).collect();
    let en_extra: String = en_extra.iter().map(|e| format!(", {e}")).collect();
    Step::new("raw", "加权合计", "Weighted sum")
        .formula(formula)
        .result(raw.clone())
        .says(
            format!(
                "单位、践诺、测评三项按权重 {} 合计{zh_extra},得 {raw}。",
                zh_list(&weights)
            ),
            format!(
                "The unit, pledges and multi-rater scores, weighted {}, {} and {}{en_extra}, come to {raw}.",
                weights[0], weights[1], weights[2]
            ),
        )
        .illustrative(rules.dimensions.basis.illustrative)
        .quote_basis(&rules.dimensions.basis)
}

fn total_step(result: &Assessment) -> Step {
    let t = value(result.total);
    let step = Step::new("total", "总分(保留两位小数)", "Total (to two decimals)").result(t.clone());
    let (pz, pe) = if result.projected {
        ("推算", "projected ")
    } else {
        ("", "")
    };
    if result.raw < 0.0 {
        let raw = value(result.raw);
        return step
            .formula(format!("max(0, {raw}) = {t}"))
            .note("加权合计低于 0,按 0 计", "below 0: counted as 0")
            .says(
                format!("加权合计 {raw} 低于 0,{pz}总分记为 {t}。"),
                format!("The weighted sum of {raw} is below 0, so the {pe}total is {t}."),
            );
    }
    if result.total > 100.0 {
        return step
            .formula(t.clone())
            .note("加分使总分超过 100", "bonus points take the total past 100")
            .says(
                format!("{pz}总分 {t} 超过 100:正面清单的加分项使总分超过 100。"),
                format!(
                    "The {pe}total of {t} is above 100: bonus points from the positive list take it past 100."
                ),
            );
    }
    step.formula(t.clone())
        .says(format!("{pz}总分 {t}。"), format!("The {pe}total is {t}."))
}

fn consequences_step(engine: &Engine, dossier: &Dossier, result: &Assessment) -> Step {
    let rules = engine.rules;
    let years: Vec<Tier> = dossier.history.iter().chain([&result.tier]).copied().collect();
    let text = |c: &Consequence| rules.consequence_text(c.id());
    let named = |lang: Lang| -> Vec<String> {
        result
            .consequences
            .iter()
            .map(|c| match (text(c), lang) {
                (Some(t), Lang::Zh) => t.zh.clone(),
                (Some(t), Lang::En) => t.en.clone(),
                (None, _) => lang.pick(c.zh(), c.en()).to_string(),
            })
            .collect()
    };
    let formula = |tier: fn(Tier) -> &'static str, list: Vec<String>, none: &str, sep: &str, and: &str| {
        let path: Vec<&str> = years.iter().map(|t| tier(*t)).collect();
        let list = if list.is_empty() {
            none.to_string()
        } else {
            list.join(and)
        };
        format!("{} → {list}", path.join(sep))
    };
    let ids: Vec<String> = result.consequences.iter().map(|c| c.id().to_string()).collect();
    let quote = match result.consequences.as_slice() {
        [_, Consequence::PromotionPriority] | [_, _, Consequence::Reassignment] => {
            result.consequences.last().and_then(text)
        }
        other => other.first().and_then(text),
    };
    let streak = result.consecutive_years;
    let (tier_zh, tier_en) = (result.tier.zh(), result.tier.en());
    let none = |list: Vec<String>, zh: bool| -> String {
        match (list.is_empty(), zh) {
            (true, true) => "无".into(),
            (true, false) => "none".into(),
            (false, true) => list.join(";"),
            (false, false) => list.join("; "),
        }
    };
    let listed_en: Vec<String> = named(Lang::En).iter().map(|n| lower_first(n)).collect();
    let note_en = if streak == 1 {
        format!("this year ‘{tier_en}’: {}", none(listed_en, false))
    } else {
        format!(
            "{streak} consecutive years ‘{tier_en}’: {}",
            none(listed_en, false)
        )
    };
    Step::new("consequences", "结果运用", "Consequences")
        .formula(formula(Tier::id, ids.clone(), "—", ", ", ", "))
        .formula_in_words(
            formula(Tier::zh, named(Lang::Zh), "无", "、", ";"),
            formula(Tier::en, named(Lang::En), "none", ", ", "; "),
        )
        .result(ids.join(", "))
        .in_words(none(named(Lang::Zh), true), none(named(Lang::En), false))
        .note(
            format!("连续 {streak} 年“{tier_zh}”:{}", none(named(Lang::Zh), true)),
            note_en,
        )
        .says(
            super::consequences_sentence(result, rules, Lang::Zh),
            super::consequences_sentence(result, rules, Lang::En),
        )
        .illustrative(rules.consequences.basis.illustrative)
        .quoted(
            quote.map(|c| c.quote.as_str()),
            quote.and_then(|c| c.quote_en.as_deref()),
        )
}
