//! Builds the explanation steps of an evaluation (only called when tracing): each step's
//! formula (values to two decimals, parameters as the rules state them), its sentence in
//! Chinese and English, whether it rests on illustrative defaults, and the article's wording
//! with its translation. The steps that need the whole result (a pledge's summary, the
//! weighted sum, the total, the tier in a projection, the consequences) are completed by
//! `plain::finish` once the evaluation is done.

use super::dossier::{Assumptions, Dossier, Pledge};
use super::evaluate::{Engine, Projected};
use super::ids::{Grade, PoliticalQuality, RaterGroup, Tier, VoteCategory};
use super::plain::words::{self, and_list, count, lower_first, param, short, value, zh_list};
use super::text::Lang;
use super::trace::Step;

fn pledge_step(i: usize, what: &str, zh: &str, en: &str) -> Step {
    Step::new(
        format!("pledges[{i}].{what}"),
        format!("承诺 {} {zh}", i + 1),
        format!("Pledge {} {en}", i + 1),
    )
}

/// A pledge's grade and coefficient in words: `A 级,系数 1.00` / `grade A, coefficient 1.00`.
pub(crate) fn grade_clause(engine: &Engine, pledge: &Pledge, grade: Grade) -> (String, String) {
    let g = &engine.rules.grading;
    let c = param(engine.rules.grades.coefficients.of(grade));
    match (pledge.grade, pledge.factors) {
        (Some(given), Some(f)) => {
            let derived = g.grade_for(f.composite());
            let sum = f.composite();
            if derived == given {
                (
                    format!("直接评为 {given} 级(三项因素合计 {sum},等级相同),系数 {c}"),
                    format!("graded {given} directly (its factors, {sum} in all, give the same), coefficient {c}"),
                )
            } else {
                (
                    format!("直接评为 {given} 级(三项因素合计 {sum} 得出 {derived} 级,以直接评定为准),系数 {c}"),
                    format!(
                        "graded {given} directly (its factors, {sum} in all, give {derived}; the direct grade counts), coefficient {c}"
                    ),
                )
            }
        }
        (Some(given), None) => (format!("{given} 级,系数 {c}"), format!("grade {given}, coefficient {c}")),
        (None, Some(f)) => (
            format!(
                "工作难度 {}、创新力度 {}、贡献程度 {},合计 {}({} 及以上为 A,{} 及以上为 B),评为 {grade} 级,系数 {c}",
                f.difficulty,
                f.innovation,
                f.contribution,
                f.composite(),
                g.a_min_composite,
                g.b_min_composite
            ),
            format!(
                "difficulty {}, innovation {} and contribution {} make {} (A from {}, B from {}), so grade {grade}, coefficient {c}",
                f.difficulty,
                f.innovation,
                f.contribution,
                f.composite(),
                g.a_min_composite,
                g.b_min_composite
            ),
        ),
        (None, None) => (
            format!("未评级,按 {grade} 级计,系数 {c}"),
            format!("no grade given, so grade {grade}, coefficient {c}"),
        ),
    }
}

/// How a pledge's unscored quarters are filled: how many, with what, and from where.
fn projected_quarters(
    engine: &Engine,
    pledge: &Pledge,
    assumptions: &Assumptions,
) -> Option<(usize, f64, Projected)> {
    let filled: Vec<(f64, Projected)> = (0..4)
        .map(|q| engine.quarter(pledge, q, assumptions))
        .filter(|(_, source)| *source != Projected::Given)
        .collect();
    filled
        .first()
        .map(|(value, source)| (filled.len(), *value, *source))
}

/// Where a projected value comes from, in words.
fn source_words(source: Projected) -> (&'static str, &'static str) {
    match source {
        Projected::Assumption => ("设定的假设分", "the assumed quarter score"),
        Projected::ScoredMean => ("已评季度的平均", "the mean of its scored quarters"),
        _ => ("默认推算值", "the default projection"),
    }
}

/// A pledge's quarters in words: `四个季度加权平均 93.50` / `the weighted mean of the four
/// quarters is 93.50`, saying which quarters are projected and how.
pub(crate) fn fulfilment_clause(
    engine: &Engine,
    pledge: &Pledge,
    assumptions: &Assumptions,
    fulfilment: f64,
) -> (String, String) {
    let f = value(fulfilment);
    let Some((filled, with, source)) = projected_quarters(engine, pledge, assumptions) else {
        return (
            format!("四个季度加权平均 {f}"),
            format!("the weighted mean of the four quarters is {f}"),
        );
    };
    let (zh_source, en_source) = source_words(source);
    let with = value(with);
    if filled == 4 {
        return (
            format!("尚无季度得分,四个季度均按{zh_source} {with} 推算,加权平均 {f}"),
            format!("no quarter scored yet, all four projected at {with} ({en_source}), weighted mean {f}"),
        );
    }
    let scored = 4 - filled;
    let others = if filled == 1 {
        "the other one".to_string()
    } else {
        format!("the other {filled}")
    };
    (
        format!("已评 {scored} 个季度,其余 {filled} 个按{zh_source} {with} 推算,四个季度加权平均 {f}"),
        format!(
            "{scored} of 4 quarters scored, {others} projected at {with} ({en_source}), weighted mean {f}"
        ),
    )
}

pub(crate) fn grade_step(engine: &Engine, i: usize, pledge: &Pledge, grade: Grade) -> Step {
    let rules = engine.rules;
    let g = &rules.grading;
    let step = pledge_step(i, "grade", "评级", "grade").result(grade.id());
    let sum = |f: super::dossier::Factors, to: Grade| {
        format!(
            "{} + {} + {} = {} → {to}",
            f.difficulty,
            f.innovation,
            f.contribution,
            f.composite()
        )
    };
    let step = match (pledge.grade, pledge.factors) {
        (Some(given), Some(f)) => {
            let derived = g.grade_for(f.composite());
            let step = step.formula(format!("{given}; {}", sum(f, derived)));
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
        (None, Some(f)) => step.formula(sum(f, grade)).note(
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
    let (zh, en) = grade_clause(engine, pledge, grade);
    let by_factors = pledge.factors.is_some();
    step.says(
        format!("承诺 {}:{zh}。", i + 1),
        format!("Pledge {}: {en}.", i + 1),
    )
    .illustrative(rules.grades.basis.illustrative || (by_factors && g.basis.illustrative))
    .quote_basis(&rules.grades.basis)
}

pub(crate) fn fulfilment_step(
    engine: &Engine,
    i: usize,
    pledge: &Pledge,
    assumptions: &Assumptions,
    fulfilment: f64,
) -> Step {
    let rules = engine.rules;
    let terms: Vec<String> = (0..4)
        .map(|q| {
            let (score, source) = engine.quarter(pledge, q, assumptions);
            let mark = if source == Projected::Given { "" } else { "*" };
            format!("{}×{}{mark}", param(engine.quarter_weights()[q]), short(score))
        })
        .collect();
    let (zh, en) = fulfilment_clause(engine, pledge, assumptions, fulfilment);
    let projected = projected_quarters(engine, pledge, assumptions);
    let by_default = projected.is_some_and(|(_, _, s)| s == Projected::Default);
    let step = pledge_step(i, "fulfilment", "完成度", "fulfilment")
        .formula(format!("{} = {}", terms.join(" + "), value(fulfilment)))
        .result(value(fulfilment))
        .says(
            format!("承诺 {}:{zh}。", i + 1),
            format!("Pledge {}: {en}.", i + 1),
        )
        .illustrative(
            rules.quarters.basis.illustrative || (by_default && rules.projection.basis.illustrative),
        )
        .quote_basis(&rules.quarters.basis);
    match projected {
        None => step,
        Some((_, _, source)) => {
            let (zh, en) = source_words(source);
            step.note(
                format!("* 为尚未评分的季度,按{zh}推算"),
                format!("* quarter not scored yet: projected from {en}"),
            )
        }
    }
}

pub(crate) fn pledge_score_step(
    i: usize,
    fulfilment: f64,
    coefficient: f64,
    grade: Grade,
    score: f64,
) -> Step {
    let (f, c, s) = (value(fulfilment), param(coefficient), value(score));
    pledge_step(i, "score", "得分", "score")
        .formula(format!("{f} × {c} ({grade}) = {s}"))
        .result(value(score))
        .says(
            format!("承诺 {} 得分:完成度 {f} × 系数 {c} = {s}。", i + 1),
            format!("Pledge {} scores {f} × {c} = {s}.", i + 1),
        )
}

pub(crate) fn pledges_step(engine: &Engine, dossier: &Dossier, mean: f64) -> Step {
    let scores: Vec<String> = dossier
        .pledges
        .iter()
        .map(|p| {
            let grade = Dossier::pledge_grade(p, engine.rules);
            value(engine.fulfilment(p, &dossier.assumptions) * engine.rules.grades.coefficients.of(grade))
        })
        .collect();
    let n = scores.len();
    let m = value(mean);
    let step = Step::new("pledges", "个人履职践诺", "Pledges dimension")
        .result(value(mean))
        .quote_basis(&engine.rules.areas.basis);
    if n == 1 {
        return step.formula(m.clone()).says(
            format!("只有 1 项承诺,个人履职践诺即为其得分 {m}。"),
            format!("With a single pledge, the pledges dimension is its score, {m}."),
        );
    }
    let sum = scores.join(" + ");
    step.formula(format!("({sum}) / {n} = {m}")).says(
        format!("个人履职践诺取 {n} 项承诺得分的平均:({sum}) ÷ {n} = {m}。"),
        format!(
            "The pledges dimension is the mean of the {} pledge scores: ({sum}) / {n} = {m}.",
            words::number_en(n)
        ),
    )
}

pub(crate) fn unit_step(dossier: &Dossier, unit: f64) -> Step {
    let u = value(unit);
    let step = Step::new("unit", "所在单位综合绩效", "Unit performance").result(value(unit));
    // `plain::finish` marks a default projection as illustrative.
    match (dossier.unit_score, dossier.assumptions.unit_score) {
        (Some(_), _) => step.formula(short(unit)).says(
            format!("所在单位综合绩效考核得分 {u}。"),
            format!("The unit's comprehensive performance score is {u}."),
        ),
        (None, Some(_)) => step
            .formula(format!("{}*", short(unit)))
            .note(
                "* 尚未公布,按设定的假设",
                "* not published yet: the assumed value",
            )
            .says(
                format!("所在单位综合绩效尚未公布,按设定的假设 {u} 计。"),
                format!("The unit's score is not published yet; your assumption of {u} is used."),
            ),
        (None, None) => step
            .formula(format!("{}*", short(unit)))
            .note(
                "* 尚未公布,按默认推算值",
                "* not published yet: the default projection",
            )
            .says(
                format!("所在单位综合绩效尚未公布,按默认推算值 {u} 计。"),
                format!("The unit's score is not published yet; the default projection of {u} is used."),
            ),
    }
}

/// The votes of a group in words: `好 10、较好 3、一般 1` / `10 good, 3 fairly good and 1 average`.
fn votes_words(counts: &super::dossier::VoteCounts) -> (String, String) {
    let cast: Vec<(VoteCategory, u32)> = VoteCategory::ALL
        .iter()
        .map(|c| (*c, counts.get(*c)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let zh: Vec<String> = cast.iter().map(|(c, n)| format!("{} {n}", c.zh())).collect();
    let en: Vec<String> = cast.iter().map(|(c, n)| format!("{n} {}", c.en())).collect();
    (zh_list(&zh), and_list(&en))
}

pub(crate) fn group_step(engine: &Engine, dossier: &Dossier, group: RaterGroup) -> Option<Step> {
    let counts = dossier.votes.get(group)?;
    let score = engine.group_score(dossier, group)?;
    let values = &engine.rules.raters.vote_values;
    let terms: Vec<String> = VoteCategory::ALL
        .iter()
        .map(|c| format!("{}×{}", short(values.of(*c)), counts.get(*c)))
        .collect();
    let (zh, en) = votes_words(counts);
    let total = counts.total() as usize;
    let s = value(score);
    let step = Step::new(
        format!("multi.{}", group.id()),
        format!("测评:{}", group.zh()),
        group.en(),
    )
    .formula(format!("({}) / {} = {s}", terms.join(" + "), counts.total()))
    .result(value(score))
    .says(
        format!("{} {total} 票:{zh},按票值折算平均 {s}。", group.zh()),
        format!(
            "{} cast {}: {en}, worth {s} on average.",
            group.en(),
            count(total, "vote", "votes")
        ),
    )
    .illustrative(engine.rules.raters.basis.illustrative);
    Some(step)
}

pub(crate) fn multi_step(engine: &Engine, dossier: &Dossier, multi: f64) -> Step {
    let rules = engine.rules;
    let mut weighted = Vec::new();
    let mut weights = Vec::new();
    let mut voted = Vec::new();
    let mut weight_sum = 0.0;
    for group in RaterGroup::ALL {
        if let Some(score) = engine.group_score(dossier, *group) {
            let weight = engine.group_weights()[group.index()];
            weighted.push(format!("{}×{}", param(weight), value(score)));
            weights.push(param(weight));
            voted.push(*group);
            weight_sum += weight;
        }
    }
    let m = value(multi);
    let step = Step::new("multi", "多维测评", "Multi-rater evaluation")
        .result(value(multi))
        .quote_basis(&rules.raters.basis);
    if weighted.is_empty() {
        let assumed = dossier.assumptions.multi_score.is_some();
        let (note_zh, note_en, zh, en) = if assumed {
            (
                "* 尚无测评票,按设定的假设",
                "* no votes yet: the assumed value",
                format!("尚无测评票,多维测评按设定的假设 {m} 计。"),
                format!("No votes yet: your assumption of {m} is used for the multi-rater score."),
            )
        } else {
            (
                "* 尚无测评票,按默认推算值",
                "* no votes yet: the default projection",
                format!("尚无测评票,多维测评按默认推算值 {m} 计。"),
                format!("No votes yet: the default projection of {m} is used for the multi-rater score."),
            )
        };
        return step
            .formula(format!("{}*", short(multi)))
            .note(note_zh, note_en)
            .says(zh, en)
            .illustrative(!assumed && rules.projection.basis.illustrative);
    }
    let step = step.illustrative(rules.raters.basis.illustrative);
    let all = RaterGroup::ALL.len();
    let formula = if (weight_sum - 1.0).abs() < 1e-9 {
        format!("{} = {m}", weighted.join(" + "))
    } else {
        format!("({}) / ({}) = {m}", weighted.join(" + "), weights.join(" + "))
    };
    let step = step.formula(formula);
    match voted.as_slice() {
        [only] => step.says(
            format!("只有{}投票,多维测评即为其得分 {m}。", only.zh()),
            format!(
                "Only {} voted, so the multi-rater score is theirs: {m}.",
                lower_first(only.en())
            ),
        ),
        _ if voted.len() == all => step.says(
            format!("多维测评按 {all} 类测评主体的权重加权平均,得 {m}。"),
            format!(
                "The multi-rater score is the weighted mean of the {} rater groups' scores: {m}.",
                words::number_en(all)
            ),
        ),
        _ => {
            let zh: Vec<String> = voted.iter().map(|g| g.zh().to_string()).collect();
            let en: Vec<String> = voted.iter().map(|g| lower_first(g.en())).collect();
            step.says(
                format!("只有{}投票,按其权重重新加权平均,得 {m}。", zh_list(&zh)),
                format!(
                    "Only {} of the {} rater groups voted ({}): their scores, weighted among themselves, give {m}.",
                    words::number_en(voted.len()),
                    words::number_en(all),
                    en.join("; ")
                ),
            )
        }
    }
}

/// An item with its points: `P1 +2`, `P8 +1 × 2` in Chinese; `P1 (+2)`, `P8 (+1 × 2)` in English.
fn item_points(id: &str, points: f64, count: u32, sign: char) -> (String, String) {
    let points = if count == 1 {
        format!("{sign}{}", short(points))
    } else {
        format!("{sign}{} × {count}", short(points))
    };
    (format!("{id} {points}"), format!("{id} ({points})"))
}

pub(crate) fn bonus_step(engine: &Engine, dossier: &Dossier, claimed: f64, bonus: f64) -> Step {
    let rules = engine.rules;
    let known: Vec<(&str, f64, u32)> = dossier
        .positive
        .iter()
        .filter_map(|c| Some((c.item.as_str(), rules.positive_item(&c.item)?.points, c.count)))
        .collect();
    let terms: Vec<String> = known
        .iter()
        .map(|(id, points, n)| format!("{id} {}×{n}", short(*points)))
        .collect();
    let cap = rules.positive.bonus_cap;
    let b = value(bonus);
    let step = Step::new("bonus", "正面清单加分", "Positive-list bonus")
        .result(value(bonus))
        .illustrative(rules.positive.basis.illustrative)
        .quote_basis(&rules.positive.basis);
    if known.is_empty() {
        return step.formula(b).says(
            "未申报正面清单条目,不加分。",
            "No positive-list item is claimed: no bonus.",
        );
    }
    let (zh, en): (Vec<String>, Vec<String>) = known
        .iter()
        .map(|(id, points, n)| item_points(id, *points, *n, '+'))
        .unzip();
    let listed = (zh_list(&zh), and_list(&en));
    let one = known.len() == 1;
    if claimed > cap {
        let (c, k) = (short(claimed), short(cap));
        return step
            .formula(format!("min({k}, {}) = {b}", terms.join(" + ")))
            .note(
                format!("合计 {c},超过加分上限 {k}"),
                format!("{c} claimed, above the cap of {k}"),
            )
            .says(
                format!(
                    "正面清单 {},合计 {c} 分,超过加分上限 {k} 分,按 {b} 分计。",
                    listed.0
                ),
                format!(
                    "Positive-list items {} come to {c} points, above the cap of {k}: the bonus is {b}.",
                    listed.1
                ),
            );
    }
    let formula = format!("{} = {b}", terms.join(" + "));
    let en = if one {
        format!(
            "Positive-list item {} adds {}.",
            listed.1,
            words::count_value(bonus, "point", "points")
        )
    } else {
        format!(
            "Positive-list items {} add {}.",
            listed.1,
            words::count_value(bonus, "point", "points")
        )
    };
    step.formula(formula)
        .says(format!("正面清单 {},共加 {b} 分。", listed.0), en)
}

pub(crate) fn deduction_step(engine: &Engine, dossier: &Dossier, deduction: f64) -> Step {
    let rules = engine.rules;
    let mut terms = Vec::new();
    let (mut items_zh, mut items_en) = (Vec::new(), Vec::new());
    let (mut vetoing, mut waived) = (Vec::new(), Vec::new());
    for record in &dossier.negative {
        let Some(item) = rules.negative_item(&record.item) else {
            continue;
        };
        if item.veto {
            vetoing.push(record.item.clone());
        } else if record.tolerated {
            waived.push(record.item.clone());
        } else {
            terms.push(format!("{} {}×{}", record.item, short(item.points), record.count));
            let (zh, en) = item_points(&record.item, item.points, record.count, '−');
            items_zh.push(zh);
            items_en.push(en);
        }
    }
    let d = value(deduction);
    let formula = if terms.is_empty() {
        d.clone()
    } else {
        format!("{} = {d}", terms.join(" + "))
    };
    let step = Step::new("deduction", "负面清单扣分", "Negative-list deduction")
        .formula(formula)
        .result(value(deduction))
        .illustrative(
            rules.negative.basis.illustrative || (!waived.is_empty() && rules.tolerance.basis.illustrative),
        )
        .quote_basis(&rules.negative.basis);
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    let deducting = !items_zh.is_empty();
    if deducting {
        zh.push(format!("负面清单 {},共扣 {d} 分", zh_list(&items_zh)));
        let (noun, verb) = if items_en.len() == 1 {
            ("item", "deducts")
        } else {
            ("items", "deduct")
        };
        en.push(format!(
            "negative-list {noun} {} {verb} {}",
            and_list(&items_en),
            words::count_value(deduction, "point", "points")
        ));
    }
    if !vetoing.is_empty() {
        zh.push(format!("{} 为一票否决项,不扣分", zh_list(&vetoing)));
        let is = if vetoing.len() == 1 {
            "is a veto item and deducts nothing"
        } else {
            "are veto items and deduct nothing"
        };
        en.push(format!("{} {is}", and_list(&vetoing)));
    }
    if !waived.is_empty() {
        zh.push(format!("{} 经容错免责,不扣分", zh_list(&waived)));
        let is = if waived.len() == 1 { "is" } else { "are" };
        en.push(format!("{} {is} waived under error tolerance", and_list(&waived)));
    }
    let (note_zh, note_en): (Vec<String>, Vec<String>) = zh
        .iter()
        .zip(&en)
        .skip(usize::from(deducting))
        .map(|(z, e)| (z.clone(), e.clone()))
        .unzip();
    let step = if note_zh.is_empty() {
        step
    } else {
        step.note(note_zh.join(";"), note_en.join("; "))
    };
    if zh.is_empty() {
        return step.says(
            "未记录负面清单条目,不扣分。",
            "No negative-list item is recorded: no deduction.",
        );
    }
    step.says(
        format!("{}。", zh.join(";")),
        format!("{}.", words::upper_first(&en.join("; "))),
    )
}

/// The causes of a veto in words, each item with its text.
fn veto_causes(engine: &Engine, dossier: &Dossier) -> (Vec<String>, Vec<String>) {
    let rules = engine.rules;
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for record in &dossier.negative {
        if let Some(item) = rules.negative_item(&record.item).filter(|i| i.veto) {
            zh.push(format!("{}({})", record.item, item.zh));
            en.push(format!("{} ({})", record.item, lower_first(&item.en)));
        }
    }
    if dossier.political_quality == PoliticalQuality::Unqualified {
        zh.push("政治素质测评不合格".into());
        en.push("being found politically unqualified".into());
    }
    (zh, en)
}

pub(crate) fn veto_step(engine: &Engine, dossier: &Dossier, vetoed: bool) -> Step {
    let rules = engine.rules;
    let vetoing: Vec<&super::rules::ListItem> = dossier
        .negative
        .iter()
        .filter_map(|r| rules.negative_item(&r.item).filter(|i| i.veto))
        .collect();
    let unqualified = dossier.political_quality == PoliticalQuality::Unqualified;
    let step = Step::new("veto", "一票否决", "One-vote veto");
    if !vetoed {
        return step
            .result("none")
            .in_words("无", "none")
            .formula("—")
            .note(
                "无一票否决情形,政治素质测评合格",
                "no veto item; politically qualified",
            )
            .says(
                "没有一票否决情形,政治素质测评合格。",
                "No veto: no veto item is recorded and the official is politically qualified.",
            )
            .quote_basis(&rules.political_quality.basis);
    }
    let step = step.result("vetoed").in_words("否决", "vetoed");
    let ids: Vec<&str> = vetoing.iter().map(|i| i.id.as_str()).collect();
    let causes = |political: &str| -> String {
        let mut causes = ids.clone();
        if unqualified {
            causes.push(political);
        }
        causes.join(", ")
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
    let cap = engine.cap();
    let (zh, en) = veto_causes(engine, dossier);
    let step = step
        .note(
            format!("取消评优资格,等次最高为{}", words::tier(cap, Lang::Zh)),
            format!(
                "disqualified from the top tier: at most {}",
                words::tier(cap, Lang::En)
            ),
        )
        .says(
            format!(
                "一票否决:{},取消评优资格,等次最高为{}。",
                zh_list(&zh),
                words::tier(cap, Lang::Zh)
            ),
            format!(
                "Vetoed for {}: disqualified from the top tier, so the tier is at most {}.",
                and_list(&en),
                words::tier(cap, Lang::En)
            ),
        )
        .illustrative(rules.veto.basis.illustrative);
    match vetoing.first() {
        Some(item) if item.quote.is_some() => step.quoted(item.quote.as_deref(), item.quote_en.as_deref()),
        None if unqualified => step.quote_basis(&rules.political_quality.basis),
        _ => step.quote_basis(&rules.veto.basis),
    }
}

/// The tier in a sentence: which line the total reaches, and the veto's cap; a projection
/// says it is projected.
pub(crate) fn tier_says(
    engine: &Engine,
    total: f64,
    (uncapped, tier): (Tier, Tier),
    projected: bool,
) -> (String, String) {
    let rules = engine.rules;
    let t = value(total);
    let (pz, pe) = if projected {
        ("推算", "projected ")
    } else {
        ("", "")
    };
    let (tz, te) = (words::tier(tier, Lang::Zh), words::tier(tier, Lang::En));
    if tier != uncapped {
        return (
            format!(
                "{pz}总分 {t} 按分数可评{},但一票否决封顶,{pz}等次为{tz}。",
                words::tier(uncapped, Lang::Zh)
            ),
            format!(
                "The {pe}total of {t} would earn {}, but the veto caps the {pe}tier at {te}.",
                words::tier(uncapped, Lang::En)
            ),
        );
    }
    let line = |x: Tier| short(rules.threshold(x));
    match (uncapped.next_up(), uncapped == Tier::Poor) {
        (_, true) => {
            let above = Tier::Average;
            (
                format!(
                    "{pz}总分 {t} 未达{}的分数线 {},{pz}等次为{tz}。",
                    words::tier(above, Lang::Zh),
                    line(above)
                ),
                format!(
                    "The {pe}total of {t} is below the line for {} ({}): the {pe}tier is {te}.",
                    words::tier(above, Lang::En),
                    line(above)
                ),
            )
        }
        (None, false) => (
            format!("{pz}总分 {t} 达到{tz}的分数线 {},{pz}等次为{tz}。", line(uncapped)),
            format!(
                "The {pe}total of {t} reaches the line for {te} ({}): the {pe}tier is {te}.",
                line(uncapped)
            ),
        ),
        (Some(better), false) => (
            format!(
                "{pz}总分 {t} 达到{tz}的分数线 {},未达{}的 {},{pz}等次为{tz}。",
                line(uncapped),
                words::tier(better, Lang::Zh),
                line(better)
            ),
            format!(
                "The {pe}total of {t} reaches the line for {te} ({}) but not the {} for {}: the {pe}tier is {te}.",
                line(uncapped),
                line(better),
                words::tier(better, Lang::En)
            ),
        ),
    }
}

pub(crate) fn tier_step(engine: &Engine, total: f64, uncapped: Tier, tier: Tier, vetoed: bool) -> Step {
    let rules = engine.rules;
    let bound = short(rules.threshold(uncapped));
    let t = value(total);
    let formula = |name: fn(Tier) -> &'static str, veto: &str| {
        let earned = match uncapped.next_up() {
            Some(better) => format!(
                "{bound} ≤ {t} < {} → {}",
                short(rules.threshold(better)),
                name(uncapped)
            ),
            None => format!("{t} ≥ {bound} → {}", name(uncapped)),
        };
        if vetoed && tier != uncapped {
            format!("{earned}; {veto} → {}", name(tier))
        } else {
            earned
        }
    };
    let (zh, en) = tier_says(engine, total, (uncapped, tier), false);
    let step = Step::new("tier", "评价等次", "Tier")
        .formula(formula(Tier::id, "veto"))
        .formula_in_words(formula(Tier::zh, "一票否决"), formula(Tier::en, "veto"))
        .result(tier.id())
        .in_words(tier.zh(), tier.en())
        .says(zh, en)
        .illustrative(rules.tiers.basis.illustrative);
    if vetoed && tier != uncapped {
        return step
            .note(
                format!(
                    "按分数为{},因一票否决封顶为{}",
                    words::tier(uncapped, Lang::Zh),
                    words::tier(tier, Lang::Zh)
                ),
                format!(
                    "the total earns {}; the veto caps it at {}",
                    words::tier(uncapped, Lang::En),
                    words::tier(tier, Lang::En)
                ),
            )
            .illustrative(rules.tiers.basis.illustrative || rules.veto.basis.illustrative)
            .quote_basis(&rules.veto.basis);
    }
    step.note(format!("等次:{}", tier.zh()), format!("tier: {}", tier.en()))
        .quote_basis(&rules.tiers.basis)
}
