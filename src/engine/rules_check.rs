//! Validation of a rule set (spec §9): every semantic rule, all problems collected (the
//! structure is read, with every problem's field path, by `rules_read`).

use std::collections::HashSet;

use super::error::{FieldErrors, Problem};
use super::ids::{RaterGroup, Tier};
use super::rules::{Basis, Labelled, ListItem, RuleSet};

const WEIGHT_TOLERANCE: f64 = 1e-9;

/// Checks every semantic rule of a parsed rule set.
pub fn validate(rules: &RuleSet) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    let w = &rules.dimensions.weights;
    for (name, value) in [("unit", w.unit), ("pledges", w.pledges), ("multi", w.multi)] {
        unit_interval(&mut errors, &format!("dimensions.weights.{name}"), value);
    }
    weights_sum(&mut errors, "dimensions.weights", &[w.unit, w.pledges, w.multi]);

    let c = &rules.grades.coefficients;
    for (name, value) in [("A", c.a), ("B", c.b), ("C", c.c)] {
        range(
            &mut errors,
            &format!("grades.coefficients.{name}"),
            value,
            0.0,
            2.0,
        );
    }
    let g = &rules.grading;
    if g.factor_min < 1 || g.factor_min > g.factor_max {
        errors.push(
            "grading.factor_min",
            Problem::OutOfRange {
                value: g.factor_min.into(),
                min: 1.0,
                max: g.factor_max.into(),
            },
        );
    }
    let (lo, hi) = (3 * u32::from(g.factor_min), 3 * u32::from(g.factor_max));
    for (name, value) in [
        ("a_min_composite", g.a_min_composite),
        ("b_min_composite", g.b_min_composite),
    ] {
        if u32::from(value) < lo || u32::from(value) > hi {
            let problem = Problem::OutOfRange {
                value: value.into(),
                min: lo.into(),
                max: hi.into(),
            };
            errors.push(format!("grading.{name}"), problem);
        }
    }
    if g.a_min_composite <= g.b_min_composite {
        let problem = Problem::NotDescending {
            value: g.b_min_composite.into(),
            previous: g.a_min_composite.into(),
        };
        errors.push("grading.b_min_composite", problem);
    }

    for (i, value) in rules.quarters.weights.iter().enumerate() {
        unit_interval(&mut errors, &format!("quarters.weights[{i}]"), *value);
    }
    weights_sum(&mut errors, "quarters.weights", &rules.quarters.weights);

    let count = &rules.pledge_count;
    if count.min < 1 || count.min > count.max || count.max > 50 {
        errors.push(
            "pledge_count",
            Problem::invalid(
                format!("needs 1 ≤ min ≤ max ≤ 50, has {}–{}", count.min, count.max),
                format!("应满足 1 ≤ 最少 ≤ 最多 ≤ 50,实为 {}–{}", count.min, count.max),
            ),
        );
    }

    check_raters(rules, &mut errors);
    check_labels(&mut errors, "areas.items", &rules.areas.items);
    check_labels(&mut errors, "positive.aspects", &rules.positive.aspects);
    check_labels(&mut errors, "negative.aspects", &rules.negative.aspects);
    non_negative(&mut errors, "positive.bonus_cap", rules.positive.bonus_cap);
    check_items(
        &mut errors,
        "positive.items",
        &rules.positive.items,
        &rules.positive.aspects,
        false,
    );
    check_items(
        &mut errors,
        "negative.items",
        &rules.negative.items,
        &rules.negative.aspects,
        true,
    );
    let positive_ids: HashSet<&str> = rules.positive.items.iter().map(|i| i.id.as_str()).collect();
    for (i, item) in rules.negative.items.iter().enumerate() {
        if positive_ids.contains(item.id.as_str()) {
            errors.push(
                format!("negative.items[{i}].id"),
                Problem::DuplicateId { id: item.id.clone() },
            );
        }
    }

    check_tiers(rules, &mut errors);
    match Tier::from_id(&rules.veto.cap) {
        None => errors.push("veto.cap", unknown_tier(&rules.veto.cap)),
        Some(Tier::Good) => errors.push(
            "veto.cap",
            Problem::invalid("a veto must cap below good", "一票否决的封顶等次必须低于“好”"),
        ),
        Some(_) => {}
    }
    if let Some(quota) = rules.quota.good_quota {
        if !(quota > 0.0 && quota <= 1.0) {
            errors.push(
                "quota.good_quota",
                Problem::OutOfRange {
                    value: quota,
                    min: 0.0,
                    max: 1.0,
                },
            );
        }
    }
    if rules.honour.top_n == 0 {
        errors.push(
            "honour.top_n",
            Problem::OutOfRange {
                value: 0.0,
                min: 1.0,
                max: f64::INFINITY,
            },
        );
    }
    let p = rules.projection.defaults();
    for (name, value) in [
        ("quarter_score", p.quarter_score),
        ("unit_score", p.unit_score),
        ("multi_score", p.multi_score),
    ] {
        range(&mut errors, &format!("projection.{name}"), value, 0.0, 100.0);
    }
    let c = &rules.consequences;
    if c.promotion_priority_years == 0 {
        errors.push(
            "consequences.promotion_priority_years",
            Problem::OutOfRange {
                value: 0.0,
                min: 1.0,
                max: 99.0,
            },
        );
    }
    if c.reassignment_years == 0 {
        errors.push(
            "consequences.reassignment_years",
            Problem::OutOfRange {
                value: 0.0,
                min: 1.0,
                max: 99.0,
            },
        );
    }
    for (i, text) in c.items.iter().enumerate() {
        if super::ids::Consequence::from_id(&text.id).is_none() {
            let expected = super::ids::Consequence::ids()
                .into_iter()
                .map(String::from)
                .collect();
            errors.push(
                format!("consequences.items[{i}].id"),
                Problem::UnknownValue {
                    value: text.id.clone(),
                    expected,
                },
            );
        }
    }
    for (path, basis) in bases(rules) {
        if basis.quote.as_deref().is_some_and(str::is_empty) {
            errors.push(
                format!("{path}.basis.quote"),
                Problem::invalid("an empty quote; omit it instead", "引文为空,请删去该字段"),
            );
        }
    }
    errors.into_result(())
}

fn check_raters(rules: &RuleSet, errors: &mut FieldErrors) {
    let mut seen = HashSet::new();
    for (i, group) in rules.raters.groups.iter().enumerate() {
        if RaterGroup::from_id(&group.id).is_none() {
            let expected = RaterGroup::ids().into_iter().map(String::from).collect();
            errors.push(
                format!("raters.groups[{i}].id"),
                Problem::UnknownValue {
                    value: group.id.clone(),
                    expected,
                },
            );
        }
        if !seen.insert(group.id.as_str()) {
            errors.push(
                format!("raters.groups[{i}].id"),
                Problem::DuplicateId { id: group.id.clone() },
            );
        }
        unit_interval(errors, &format!("raters.groups[{i}].weight"), group.weight);
    }
    let weights: Vec<f64> = rules.raters.groups.iter().map(|g| g.weight).collect();
    weights_sum(errors, "raters.groups", &weights);
    let v = &rules.raters.vote_values;
    for (name, value) in [
        ("good", v.good),
        ("fairly_good", v.fairly_good),
        ("average", v.average),
        ("poor", v.poor),
    ] {
        range(errors, &format!("raters.vote_values.{name}"), value, 0.0, 100.0);
    }
    if rules.raters.max_votes == 0 {
        errors.push(
            "raters.max_votes",
            Problem::OutOfRange {
                value: 0.0,
                min: 1.0,
                max: f64::from(u32::MAX),
            },
        );
    }
}

fn check_tiers(rules: &RuleSet, errors: &mut FieldErrors) {
    let expected = &Tier::ALL[..Tier::ALL.len() - 1];
    let thresholds = &rules.tiers.thresholds;
    let mut previous: Option<f64> = None;
    for (i, threshold) in thresholds.iter().enumerate() {
        let path = format!("tiers.thresholds[{i}]");
        match Tier::from_id(&threshold.tier) {
            None => errors.push(format!("{path}.tier"), unknown_tier(&threshold.tier)),
            Some(tier) if expected.get(i) != Some(&tier) => {
                let want = expected.get(i).map_or("(none)", |t| t.id());
                errors.push(
                    format!("{path}.tier"),
                    Problem::invalid(
                        format!("expected “{want}” here (best tier first, poor has no threshold)"),
                        format!("此处应为“{want}”(由高到低排列,“较差”无分数线)"),
                    ),
                );
            }
            Some(_) => {}
        }
        range(errors, &format!("{path}.min"), threshold.min, 0.0, 200.0);
        if let Some(previous) = previous {
            if threshold.min >= previous {
                errors.push(
                    format!("{path}.min"),
                    Problem::NotDescending {
                        value: threshold.min,
                        previous,
                    },
                );
            }
        }
        previous = Some(threshold.min);
    }
    if thresholds.len() != expected.len() {
        errors.push(
            "tiers.thresholds",
            Problem::Count {
                count: thresholds.len(),
                min: expected.len(),
                max: expected.len(),
            },
        );
    }
}

fn check_labels(errors: &mut FieldErrors, path: &str, labels: &[Labelled]) {
    let mut seen = HashSet::new();
    for (i, label) in labels.iter().enumerate() {
        if label.id.trim().is_empty() {
            errors.push(format!("{path}[{i}].id"), Problem::Missing);
        } else if !seen.insert(label.id.as_str()) {
            errors.push(
                format!("{path}[{i}].id"),
                Problem::DuplicateId { id: label.id.clone() },
            );
        }
    }
}

fn check_items(
    errors: &mut FieldErrors,
    path: &str,
    items: &[ListItem],
    aspects: &[Labelled],
    negative: bool,
) {
    let mut seen = HashSet::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        if item.id.trim().is_empty() {
            errors.push(format!("{at}.id"), Problem::Missing);
        } else if !seen.insert(item.id.as_str()) {
            errors.push(format!("{at}.id"), Problem::DuplicateId { id: item.id.clone() });
        }
        if !aspects.iter().any(|a| a.id == item.aspect) {
            let expected = aspects.iter().map(|a| a.id.clone()).collect();
            errors.push(
                format!("{at}.aspect"),
                Problem::UnknownValue {
                    value: item.aspect.clone(),
                    expected,
                },
            );
        }
        if item.points < 0.0 {
            errors.push(format!("{at}.points"), Problem::Negative { value: item.points });
        } else {
            range(errors, &format!("{at}.points"), item.points, 0.0, 100.0);
        }
        if item.veto && !negative {
            errors.push(
                format!("{at}.veto"),
                Problem::invalid("only negative items can veto", "只有负面清单条目可以一票否决"),
            );
        }
    }
}

fn unknown_tier(value: &str) -> Problem {
    Problem::UnknownValue {
        value: value.to_string(),
        expected: Tier::ids().into_iter().map(String::from).collect(),
    }
}

fn weights_sum(errors: &mut FieldErrors, path: &str, weights: &[f64]) {
    let sum: f64 = weights.iter().sum();
    if (sum - 1.0).abs() > WEIGHT_TOLERANCE {
        errors.push(path, Problem::WeightsSum { sum });
    }
}

fn unit_interval(errors: &mut FieldErrors, path: &str, value: f64) {
    range(errors, path, value, 0.0, 1.0);
}

fn non_negative(errors: &mut FieldErrors, path: &str, value: f64) {
    if value < 0.0 {
        errors.push(path, Problem::Negative { value });
    } else {
        range(errors, path, value, 0.0, 100.0);
    }
}

fn range(errors: &mut FieldErrors, path: &str, value: f64, min: f64, max: f64) {
    if !(value >= min && value <= max) {
        errors.push(path, Problem::OutOfRange { value, min, max });
    }
}

/// Every basis of the rule set with the path of its group.
fn bases(rules: &RuleSet) -> Vec<(&'static str, &Basis)> {
    vec![
        ("dimensions", &rules.dimensions.basis),
        ("areas", &rules.areas.basis),
        ("grades", &rules.grades.basis),
        ("grading", &rules.grading.basis),
        ("quarters", &rules.quarters.basis),
        ("pledge_count", &rules.pledge_count.basis),
        ("raters", &rules.raters.basis),
        ("positive", &rules.positive.basis),
        ("negative", &rules.negative.basis),
        ("tolerance", &rules.tolerance.basis),
        ("political_quality", &rules.political_quality.basis),
        ("tiers", &rules.tiers.basis),
        ("veto", &rules.veto.basis),
        ("quota", &rules.quota.basis),
        ("honour", &rules.honour.basis),
        ("projection", &rules.projection.basis),
        ("consequences", &rules.consequences.basis),
    ]
}
