//! Builds the explanation steps of an evaluation (only called when tracing): labels in both
//! languages, formulas with the numbers put in, and the article's wording for sourced steps.

use super::dossier::{Assumptions, Dossier, Pledge};
use super::evaluate::{Engine, Projected};
use super::ids::{Grade, RaterGroup, Tier, VoteCategory};
use super::text::{fmt2, fmt_num};
use super::trace::Step;

pub(crate) fn grade_step(engine: &Engine, i: usize, pledge: &Pledge, grade: Grade) -> Step {
    let rules = engine.rules;
    let step = Step::new(
        format!("pledges[{i}].grade"),
        format!("承诺 {} 评级", i + 1),
        format!("Pledge {} grade", i + 1),
    );
    let formula = match (pledge.grade, pledge.factors) {
        (Some(given), Some(f)) => {
            let derived = rules.grading.grade_for(f.composite());
            let agree = if derived == given { "=" } else { "≠" };
            format!(
                "{given} (given); {} + {} + {} = {} → {derived} {agree} {given}",
                f.difficulty,
                f.innovation,
                f.contribution,
                f.composite()
            )
        }
        (Some(given), None) => format!("{given} (given)"),
        (None, Some(f)) => format!(
            "{} + {} + {} = {} ({}: A ≥ {}, B ≥ {}) → {grade}",
            f.difficulty,
            f.innovation,
            f.contribution,
            f.composite(),
            "difficulty + innovation + contribution",
            rules.grading.a_min_composite,
            rules.grading.b_min_composite
        ),
        (None, None) => format!("{grade}"),
    };
    step.formula(formula)
        .result(grade.id())
        .quote(rules.grades.basis.quote.as_deref())
}

pub(crate) fn fulfilment_step(
    engine: &Engine,
    i: usize,
    pledge: &Pledge,
    assumptions: &Assumptions,
    fulfilment: f64,
) -> Step {
    let terms: Vec<String> = (0..4)
        .map(|q| {
            let (value, source) = engine.quarter(pledge, q, assumptions);
            let mark = if source == Projected::Given { "" } else { "*" };
            format!(
                "{}×{}{mark}",
                fmt_num(engine.quarter_weights()[q]),
                fmt_num(value)
            )
        })
        .collect();
    let note = if pledge.quarters.iter().any(Option::is_none) {
        " (* projected)"
    } else {
        ""
    };
    Step::new(
        format!("pledges[{i}].fulfilment"),
        format!("承诺 {} 完成度", i + 1),
        format!("Pledge {} fulfilment", i + 1),
    )
    .formula(format!("{} = {}{note}", terms.join(" + "), fmt_num(fulfilment)))
    .result(fmt_num(fulfilment))
    .quote(engine.rules.quarters.basis.quote.as_deref())
}

pub(crate) fn pledges_step(engine: &Engine, dossier: &Dossier, mean: f64) -> Step {
    let scores: Vec<String> = dossier
        .pledges
        .iter()
        .map(|p| {
            let grade = Dossier::pledge_grade(p, engine.rules);
            fmt_num(engine.fulfilment(p, &dossier.assumptions) * engine.rules.grades.coefficients.of(grade))
        })
        .collect();
    Step::new("pledges", "个人履职践诺维度", "Pledges dimension")
        .formula(format!(
            "({}) / {} = {}",
            scores.join(" + "),
            scores.len(),
            fmt_num(mean)
        ))
        .result(fmt_num(mean))
        .quote(engine.rules.areas.basis.quote.as_deref())
}

pub(crate) fn unit_step(dossier: &Dossier, unit: f64) -> Step {
    let formula = match (dossier.unit_score, dossier.assumptions.unit_score) {
        (Some(_), _) => format!("{} (published)", fmt_num(unit)),
        (None, Some(_)) => format!("{} (assumed: not published yet)", fmt_num(unit)),
        (None, None) => format!("{} (default assumption: not published yet)", fmt_num(unit)),
    };
    Step::new("unit", "所在单位综合绩效", "Unit performance")
        .formula(formula)
        .result(fmt_num(unit))
        .quote(Some("所在单位综合绩效考核"))
}

pub(crate) fn multi_step(engine: &Engine, dossier: &Dossier, multi: f64) -> Step {
    let mut groups = Vec::new();
    let mut weighted = Vec::new();
    let mut weights = Vec::new();
    for group in RaterGroup::ALL {
        let (Some(counts), Some(score)) = (dossier.votes.get(*group), engine.group_score(dossier, *group))
        else {
            continue;
        };
        let terms: Vec<String> = VoteCategory::ALL
            .iter()
            .map(|c| {
                format!(
                    "{}×{}",
                    fmt_num(engine.rules.raters.vote_values.of(*c)),
                    counts.get(*c)
                )
            })
            .collect();
        groups.push(format!(
            "{}: ({}) / {} = {}",
            group.id(),
            terms.join(" + "),
            counts.total(),
            fmt_num(score)
        ));
        let weight = engine.group_weights()[group.index()];
        weighted.push(format!("{}×{}", fmt_num(weight), fmt_num(score)));
        weights.push(fmt_num(weight));
    }
    let formula = if groups.is_empty() {
        let how = if dossier.assumptions.multi_score.is_some() {
            "assumed"
        } else {
            "default assumption"
        };
        format!("{} ({how}: no votes yet)", fmt_num(multi))
    } else {
        format!(
            "{}; ({}) / ({}) = {}",
            groups.join("; "),
            weighted.join(" + "),
            weights.join(" + "),
            fmt_num(multi)
        )
    };
    Step::new("multi", "多维测评", "Multi-rater evaluation")
        .formula(formula)
        .result(fmt_num(multi))
        .quote(engine.rules.raters.basis.quote.as_deref())
}

pub(crate) fn bonus_step(engine: &Engine, dossier: &Dossier, claimed: f64, bonus: f64) -> Step {
    let terms: Vec<String> = dossier
        .positive
        .iter()
        .filter_map(|c| {
            engine
                .rules
                .positive_item(&c.item)
                .map(|i| format!("{} {}×{}", c.item, fmt_num(i.points), c.count))
        })
        .collect();
    let sum = if terms.is_empty() {
        "0".to_string()
    } else {
        terms.join(" + ")
    };
    Step::new("bonus", "正面清单加分", "Positive-list bonus")
        .formula(format!(
            "min({}, {sum} = {}) = {}",
            fmt_num(engine.rules.positive.bonus_cap),
            fmt_num(claimed),
            fmt_num(bonus)
        ))
        .result(fmt_num(bonus))
        .quote(engine.rules.positive.basis.quote.as_deref())
}

pub(crate) fn deduction_step(engine: &Engine, dossier: &Dossier, deduction: f64) -> Step {
    let terms: Vec<String> = dossier
        .negative
        .iter()
        .filter_map(|r| {
            let item = engine.rules.negative_item(&r.item)?;
            Some(if item.veto {
                format!("{} veto (not deducted)", r.item)
            } else if r.tolerated {
                format!("{} tolerated (0)", r.item)
            } else {
                format!("{} {}×{}", r.item, fmt_num(item.points), r.count)
            })
        })
        .collect();
    let list = if terms.is_empty() {
        "none".to_string()
    } else {
        terms.join(" + ")
    };
    Step::new("deduction", "负面清单扣分", "Negative-list deduction")
        .formula(format!("{list} = {}", fmt_num(deduction)))
        .result(fmt_num(deduction))
        .quote(engine.rules.negative.basis.quote.as_deref())
}

pub(crate) fn veto_step(engine: &Engine, dossier: &Dossier, vetoed: bool) -> Step {
    let rules = engine.rules;
    let mut causes: Vec<String> = dossier
        .negative
        .iter()
        .filter(|r| rules.negative_item(&r.item).is_some_and(|i| i.veto))
        .map(|r| r.item.clone())
        .collect();
    if dossier.political_quality == super::ids::PoliticalQuality::Unqualified {
        causes.push("political_quality = unqualified".into());
    }
    let quote = if vetoed {
        rules.veto.basis.quote.as_deref()
    } else {
        rules.political_quality.basis.quote.as_deref()
    };
    let formula = if vetoed {
        format!("vetoed by {}", causes.join(", "))
    } else {
        "no veto item, politically qualified".into()
    };
    Step::new("veto", "一票否决", "One-vote veto")
        .formula(formula)
        .result(if vetoed { "vetoed" } else { "none" })
        .quote(quote)
}

pub(crate) fn tier_step(engine: &Engine, total: f64, uncapped: Tier, tier: Tier, vetoed: bool) -> Step {
    let rules = engine.rules;
    let bounds: Vec<String> = rules
        .tiers
        .thresholds
        .iter()
        .map(|t| format!("{} ≥ {}", t.tier, fmt_num(t.min)))
        .collect();
    let mut formula = format!("{} → {} ({})", fmt2(total), uncapped.id(), bounds.join(", "));
    if vetoed && tier != uncapped {
        formula.push_str(&format!("; veto cap → {}", tier.id()));
    }
    let quote = if vetoed && tier != uncapped {
        rules.veto.basis.quote.as_deref()
    } else {
        rules.tiers.basis.quote.as_deref()
    };
    Step::new("tier", "评价等次", "Tier")
        .formula(formula)
        .result(tier.id())
        .quote(quote)
}
