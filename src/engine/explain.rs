//! Builds the explanation steps of an evaluation (only called when tracing). Formulas hold
//! only numbers, item ids and symbols, so they read the same in both languages; what needs
//! words goes into the step's Chinese and English notes.

use super::dossier::{Assumptions, Dossier, Pledge};
use super::evaluate::{Engine, Projected};
use super::ids::{Grade, PoliticalQuality, RaterGroup, Tier, VoteCategory};
use super::text::{fmt2, fmt_num};
use super::trace::Step;

fn pledge_step(i: usize, what: &str, zh: &str, en: &str) -> Step {
    Step::new(
        format!("pledges[{i}].{what}"),
        format!("承诺 {} {zh}", i + 1),
        format!("Pledge {} {en}", i + 1),
    )
}

pub(crate) fn grade_step(engine: &Engine, i: usize, pledge: &Pledge, grade: Grade) -> Step {
    let g = &engine.rules.grading;
    let step = pledge_step(i, "grade", "评级", "grade").result(grade.id());
    let step = match (pledge.grade, pledge.factors) {
        (Some(given), Some(f)) => {
            let derived = g.grade_for(f.composite());
            let sum = format!(
                "{} + {} + {} = {} → {derived}",
                f.difficulty,
                f.innovation,
                f.contribution,
                f.composite()
            );
            let step = step.formula(format!("{given}; {sum}"));
            if derived == given {
                step.note(
                    "直接评定,与三项因素得出的等级一致",
                    "graded directly; the factors give the same grade",
                )
            } else {
                step.note(
                    format!("直接评定为 {given},与三项因素得出的 {derived} 不一致,以直接评定为准"),
                    format!("graded {given} directly; the factors give {derived}; the direct grade counts"),
                )
            }
        }
        (Some(given), None) => step.formula(given.id()).note("直接评定", "graded directly"),
        (None, Some(f)) => step
            .formula(format!(
                "{} + {} + {} = {} → {grade}",
                f.difficulty,
                f.innovation,
                f.contribution,
                f.composite()
            ))
            .note(
                format!(
                    "工作难度 + 创新力度 + 贡献程度;合计 ≥ {} 为 A,≥ {} 为 B,其余为 C",
                    g.a_min_composite, g.b_min_composite
                ),
                format!(
                    "difficulty + innovation + contribution; A from {}, B from {}, else C",
                    g.a_min_composite, g.b_min_composite
                ),
            ),
        (None, None) => step.formula(grade.id()),
    };
    step.quote(engine.rules.grades.basis.quote.as_deref())
}

pub(crate) fn fulfilment_step(
    engine: &Engine,
    i: usize,
    pledge: &Pledge,
    assumptions: &Assumptions,
    fulfilment: f64,
) -> Step {
    let mut sources = Vec::new();
    let terms: Vec<String> = (0..4)
        .map(|q| {
            let (value, source) = engine.quarter(pledge, q, assumptions);
            let mark = if source == Projected::Given { "" } else { "*" };
            if source != Projected::Given && !sources.contains(&source) {
                sources.push(source);
            }
            format!(
                "{}×{}{mark}",
                fmt_num(engine.quarter_weights()[q]),
                fmt_num(value)
            )
        })
        .collect();
    let step = pledge_step(i, "fulfilment", "完成度", "fulfilment")
        .formula(format!("{} = {}", terms.join(" + "), fmt_num(fulfilment)))
        .result(fmt_num(fulfilment))
        .quote(engine.rules.quarters.basis.quote.as_deref());
    if sources.is_empty() {
        return step;
    }
    let (zh, en): (Vec<&str>, Vec<&str>) = sources
        .iter()
        .map(|s| match s {
            Projected::Assumption => ("按设定的假设分", "the assumed quarter score"),
            Projected::ScoredMean => ("按已评季度的加权平均", "the weighted mean of the scored quarters"),
            _ => ("按默认推算分", "the default projection"),
        })
        .unzip();
    step.note(
        format!("* 为尚未评分的季度,{}", zh.join("、")),
        format!("* quarter not scored yet: {}", en.join(", ")),
    )
}

pub(crate) fn pledge_score_step(
    i: usize,
    fulfilment: f64,
    coefficient: f64,
    grade: Grade,
    score: f64,
) -> Step {
    pledge_step(i, "score", "得分", "score")
        .formula(format!(
            "{} × {} ({grade}) = {}",
            fmt_num(fulfilment),
            fmt_num(coefficient),
            fmt_num(score)
        ))
        .result(fmt_num(score))
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
    Step::new("pledges", "个人履职践诺", "Pledges dimension")
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
    let step = Step::new("unit", "所在单位综合绩效", "Unit performance")
        .result(fmt_num(unit))
        .quote(Some("所在单位综合绩效考核"));
    match (dossier.unit_score, dossier.assumptions.unit_score) {
        (Some(_), _) => step.formula(fmt_num(unit)),
        (None, Some(_)) => step.formula(format!("{}*", fmt_num(unit))).note(
            "* 尚未公布,按设定的假设",
            "* not published yet: the assumed value",
        ),
        (None, None) => step.formula(format!("{}*", fmt_num(unit))).note(
            "* 尚未公布,按默认推算值",
            "* not published yet: the default projection",
        ),
    }
}

pub(crate) fn group_step(engine: &Engine, dossier: &Dossier, group: RaterGroup) -> Option<Step> {
    let counts = dossier.votes.get(group)?;
    let score = engine.group_score(dossier, group)?;
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
    let step = Step::new(
        format!("multi.{}", group.id()),
        format!("测评:{}", group.zh()),
        group.en(),
    )
    .formula(format!(
        "({}) / {} = {}",
        terms.join(" + "),
        counts.total(),
        fmt_num(score)
    ))
    .result(fmt_num(score));
    Some(step)
}

pub(crate) fn multi_step(engine: &Engine, dossier: &Dossier, multi: f64) -> Step {
    let mut weighted = Vec::new();
    let mut weights = Vec::new();
    for group in RaterGroup::ALL {
        if let Some(score) = engine.group_score(dossier, *group) {
            let weight = engine.group_weights()[group.index()];
            weighted.push(format!("{}×{}", fmt_num(weight), fmt_num(score)));
            weights.push(fmt_num(weight));
        }
    }
    let step = Step::new("multi", "多维测评", "Multi-rater evaluation")
        .result(fmt_num(multi))
        .quote(engine.rules.raters.basis.quote.as_deref());
    if weighted.is_empty() {
        let (zh, en) = match dossier.assumptions.multi_score {
            Some(_) => ("* 尚无测评票,按设定的假设", "* no votes yet: the assumed value"),
            None => (
                "* 尚无测评票,按默认推算值",
                "* no votes yet: the default projection",
            ),
        };
        return step.formula(format!("{}*", fmt_num(multi))).note(zh, en);
    }
    step.formula(format!(
        "({}) / ({}) = {}",
        weighted.join(" + "),
        weights.join(" + "),
        fmt_num(multi)
    ))
}

pub(crate) fn bonus_step(engine: &Engine, dossier: &Dossier, claimed: f64, bonus: f64) -> Step {
    let terms: Vec<String> = dossier
        .positive
        .iter()
        .filter_map(|c| {
            let item = engine.rules.positive_item(&c.item)?;
            Some(format!("{} {}×{}", c.item, fmt_num(item.points), c.count))
        })
        .collect();
    let sum = if terms.is_empty() {
        "0".to_string()
    } else {
        terms.join(" + ")
    };
    let cap = engine.rules.positive.bonus_cap;
    let step = Step::new("bonus", "正面清单加分", "Positive-list bonus")
        .formula(format!("min({}, {sum}) = {}", fmt_num(cap), fmt_num(bonus)))
        .result(fmt_num(bonus))
        .quote(engine.rules.positive.basis.quote.as_deref());
    if claimed > cap {
        step.note(
            format!("合计 {},超过加分上限 {}", fmt_num(claimed), fmt_num(cap)),
            format!("{} claimed, above the cap of {}", fmt_num(claimed), fmt_num(cap)),
        )
    } else {
        step
    }
}

pub(crate) fn deduction_step(engine: &Engine, dossier: &Dossier, deduction: f64) -> Step {
    let mut terms = Vec::new();
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for record in &dossier.negative {
        let Some(item) = engine.rules.negative_item(&record.item) else {
            continue;
        };
        if item.veto {
            zh.push(format!("{} 为一票否决项,不扣分", record.item));
            en.push(format!("{} vetoes instead of deducting", record.item));
        } else if record.tolerated {
            zh.push(format!("{} 经容错免责,不扣分", record.item));
            en.push(format!("{} is waived under error tolerance", record.item));
        } else {
            terms.push(format!(
                "{} {}×{}",
                record.item,
                fmt_num(item.points),
                record.count
            ));
        }
    }
    let sum = if terms.is_empty() {
        "0".to_string()
    } else {
        terms.join(" + ")
    };
    let step = Step::new("deduction", "负面清单扣分", "Negative-list deduction")
        .formula(format!("{sum} = {}", fmt_num(deduction)))
        .result(fmt_num(deduction))
        .quote(engine.rules.negative.basis.quote.as_deref());
    if zh.is_empty() {
        step
    } else {
        step.note(zh.join(";"), en.join("; "))
    }
}

pub(crate) fn veto_step(engine: &Engine, dossier: &Dossier, vetoed: bool) -> Step {
    let rules = engine.rules;
    let vetoing: Vec<&str> = dossier
        .negative
        .iter()
        .filter(|r| rules.negative_item(&r.item).is_some_and(|i| i.veto))
        .map(|r| r.item.as_str())
        .collect();
    let unqualified = dossier.political_quality == PoliticalQuality::Unqualified;
    let step = Step::new("veto", "一票否决", "One-vote veto");
    let step = if vetoed {
        step.result("vetoed").in_words("否决", "vetoed")
    } else {
        step.result("none").in_words("无", "none")
    };
    if !vetoed {
        return step
            .formula("—")
            .note(
                "无一票否决情形,政治素质测评合格",
                "no veto item; politically qualified",
            )
            .quote(rules.political_quality.basis.quote.as_deref());
    }
    let causes = |political: &str| -> String {
        let mut causes: Vec<&str> = vetoing.clone();
        if unqualified {
            causes.push(political);
        }
        causes.join(", ")
    };
    let item_quote = vetoing
        .first()
        .and_then(|id| rules.negative_item(id))
        .and_then(|i| i.quote.as_deref());
    let quote = if unqualified && vetoing.is_empty() {
        rules.political_quality.basis.quote.as_deref()
    } else {
        item_quote.or(rules.veto.basis.quote.as_deref())
    };
    let step = step.formula(causes("political_quality = unqualified"));
    let step = if unqualified {
        step.formula_in_words(
            causes("政治素质测评 = 不合格"),
            causes("political quality = unqualified"),
        )
    } else {
        step
    };
    step.note(
        format!("取消评优资格,等次最高为“{}”", engine.cap().zh()),
        format!("disqualified from the top tier: at most “{}”", engine.cap().en()),
    )
    .quote(quote)
}

pub(crate) fn tier_step(engine: &Engine, total: f64, uncapped: Tier, tier: Tier, vetoed: bool) -> Step {
    let rules = engine.rules;
    let bound = rules.threshold(uncapped);
    let formula = |name: fn(Tier) -> &'static str, veto: &str| {
        let earned = match uncapped.next_up() {
            Some(better) => format!(
                "{} ≥ {} ∧ {} < {} → {}",
                fmt2(total),
                fmt_num(bound),
                fmt2(total),
                fmt_num(rules.threshold(better)),
                name(uncapped)
            ),
            None => format!("{} ≥ {} → {}", fmt2(total), fmt_num(bound), name(uncapped)),
        };
        if vetoed && tier != uncapped {
            format!("{earned}; {veto} → {}", name(tier))
        } else {
            earned
        }
    };
    let step = Step::new("tier", "评价等次", "Tier")
        .formula(formula(Tier::id, "veto"))
        .formula_in_words(formula(Tier::zh, "一票否决"), formula(Tier::en, "veto"))
        .result(tier.id())
        .in_words(tier.zh(), tier.en());
    if vetoed && tier != uncapped {
        return step
            .note(
                format!("按分数为“{}”,因一票否决封顶为“{}”", uncapped.zh(), tier.zh()),
                format!(
                    "the total earns “{}”; the veto caps it at “{}”",
                    uncapped.en(),
                    tier.en()
                ),
            )
            .quote(rules.veto.basis.quote.as_deref());
    }
    step.note(format!("等次:{}", tier.zh()), format!("tier: {}", tier.en()))
        .quote(rules.tiers.basis.quote.as_deref())
}
