//! Every formula of spec §2–§7 with hand-computed numbers: fulfilment, grading, coefficients,
//! the pledges mean, group and multi-rater scores, bonus cap, deduction, veto, raw and total
//! with `round2`, tiers at their thresholds, the veto cap, consequences and projection.

mod common;

use common::{complete, dossier, dossier_with, rules_with};
use dongliang::engine::assessment::VetoCause;
use dongliang::engine::consequences::{consecutive_years, consequences};
use dongliang::engine::dossier::{Assumptions, Factors};
use dongliang::engine::text::round2;
use dongliang::engine::{Consequence, Dossier, Engine, Grade, Lang, Pledge, RaterGroup, RuleSet, Tier};
use serde_json::{json, Value};

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9
}

fn pledge(grade: Option<Grade>, factors: Option<(u8, u8, u8)>, quarters: [Option<f64>; 4]) -> Pledge {
    Pledge {
        area: dongliang::engine::Area::KeyWork,
        title: None,
        grade,
        factors: factors.map(|(difficulty, innovation, contribution)| Factors {
            difficulty,
            innovation,
            contribution,
        }),
        quarters,
    }
}

fn scored(quarters: [f64; 4]) -> [Option<f64>; 4] {
    quarters.map(Some)
}

fn with(mut value: Value, field: &str, new: Value) -> Value {
    value[field] = new;
    value
}

#[test]
fn fulfilment_is_the_weighted_sum_of_the_quarters() {
    let cases: &[([f64; 4], [f64; 4], f64)] = &[
        ([0.25; 4], [90.0, 92.0, 94.0, 96.0], 93.0),
        ([0.25; 4], [88.0, 90.0, 95.0, 97.0], 92.5),
        ([0.25; 4], [0.0, 0.0, 0.0, 100.0], 25.0),
        ([0.1, 0.2, 0.3, 0.4], [90.0, 80.0, 70.0, 60.0], 70.0),
        ([0.4, 0.3, 0.2, 0.1], [90.0, 80.0, 70.0, 60.0], 80.0),
        ([0.1, 0.2, 0.3, 0.4], [100.0, 0.0, 0.0, 0.0], 10.0),
        ([0.0, 0.0, 0.5, 0.5], [0.0, 0.0, 80.0, 90.0], 85.0),
    ];
    for (weights, quarters, expected) in cases {
        let rules = rules_with(&[("/quarters/weights", json!(weights))]);
        let engine = Engine::new(&rules);
        let p = pledge(Some(Grade::A), None, scored(*quarters));
        let got = engine.fulfilment(&p, &Assumptions::default());
        assert!(
            close(got, *expected),
            "{weights:?} {quarters:?}: {got} ≠ {expected}"
        );
    }
}

#[test]
fn grade_from_factors_at_each_boundary() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let cases = [
        ((1, 1, 1), Grade::C),
        ((3, 3, 2), Grade::C),
        ((5, 2, 1), Grade::C),
        ((3, 3, 3), Grade::B),
        ((5, 3, 1), Grade::B),
        ((4, 4, 3), Grade::B),
        ((5, 5, 1), Grade::B),
        ((4, 4, 4), Grade::A),
        ((5, 5, 2), Grade::A),
        ((5, 5, 5), Grade::A),
    ];
    for (factors, grade) in cases {
        let p = pledge(None, Some(factors), [None; 4]);
        assert_eq!(Dossier::pledge_grade(&p, &rules), grade, "{factors:?}");
        assert_eq!(engine.derived_grade(&p), Some(grade), "{factors:?}");
    }
    for (composite, grade) in [(8, Grade::C), (9, Grade::B), (11, Grade::B), (12, Grade::A)] {
        assert_eq!(rules.grading.grade_for(composite), grade, "composite {composite}");
    }
}

#[test]
fn an_explicit_grade_wins_over_factors() {
    let rules = RuleSet::default();
    for (grade, factors) in [
        (Grade::B, (5, 5, 5)),
        (Grade::A, (1, 1, 1)),
        (Grade::C, (4, 4, 4)),
    ] {
        let p = pledge(Some(grade), Some(factors), [None; 4]);
        assert_eq!(Dossier::pledge_grade(&p, &rules), grade);
    }
}

#[test]
fn grading_boundaries_follow_the_rule_set() {
    let rules = rules_with(&[
        ("/grading/a_min_composite", json!(14)),
        ("/grading/b_min_composite", json!(6)),
    ]);
    for (composite, grade) in [(5, Grade::C), (6, Grade::B), (13, Grade::B), (14, Grade::A)] {
        assert_eq!(rules.grading.grade_for(composite), grade, "composite {composite}");
    }
}

#[test]
fn pledge_score_is_fulfilment_times_the_grade_coefficient() {
    let cases: &[(Option<[f64; 3]>, [f64; 3])] = &[
        (None, [90.0, 81.0, 72.0]),
        (Some([1.2, 1.0, 0.5]), [108.0, 90.0, 45.0]),
    ];
    for (coefficients, expected) in cases {
        let rules = match coefficients {
            None => RuleSet::default(),
            Some([a, b, c]) => rules_with(&[("/grades/coefficients", json!({"A": a, "B": b, "C": c}))]),
        };
        let value = json!({"unit_score": 90, "pledges": [
            {"area": "party_building", "grade": "A", "quarters": [80, 100, 90, 90]},
            {"area": "innovation", "grade": "B", "quarters": [80, 100, 90, 90]},
            {"area": "key_work", "grade": "C", "quarters": [80, 100, 90, 90]}
        ]});
        let result = Engine::new(&rules).evaluate(&dossier_with(value, &rules));
        let scores: Vec<f64> = result.pledges.iter().map(|p| p.score).collect();
        for (got, want) in scores.iter().zip(expected) {
            assert!(close(*got, *want), "{coefficients:?}: {scores:?}");
        }
        let mean = expected.iter().sum::<f64>() / 3.0;
        assert!(close(result.dimensions.pledges, mean));
    }
}

#[test]
fn the_pledges_dimension_is_the_mean_of_pledge_scores() {
    let one = json!([{"area": "key_work", "grade": "B", "quarters": [70, 70, 70, 70]}]);
    let ten: Vec<Value> = (1..=10)
        .map(|k| {
            let s = 10 * k;
            json!({"area": "key_work", "grade": "A", "quarters": [s, s, s, s]})
        })
        .collect();
    let mixed = json!([
        {"area": "key_work", "grade": "A", "quarters": [100, 100, 100, 100]},
        {"area": "key_work", "grade": "C", "quarters": [50, 50, 50, 50]}
    ]);
    for (pledges, expected) in [(one, 63.0), (json!(ten), 55.0), (mixed, 70.0)] {
        let d = dossier(with(complete(), "pledges", pledges));
        let result = Engine::new(&RuleSet::default()).evaluate(&d);
        assert!(
            close(result.dimensions.pledges, expected),
            "{}",
            result.dimensions.pledges
        );
    }
}

#[test]
fn a_group_score_is_the_vote_weighted_mean_of_category_values() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let cases: &[(Value, Option<f64>)] = &[
        (
            json!({"good": 10, "fairly_good": 3, "average": 1, "poor": 0}),
            Some(1300.0 / 14.0),
        ),
        (
            json!({"good": 3, "fairly_good": 1, "average": 1, "poor": 1}),
            Some(440.0 / 6.0),
        ),
        (json!({"good": 1}), Some(100.0)),
        (json!({"fairly_good": 1, "average": 1}), Some(70.0)),
        (json!({"poor": 5}), Some(0.0)),
        (json!({}), None),
        (
            json!({"good": 0, "fairly_good": 0, "average": 0, "poor": 0}),
            None,
        ),
    ];
    for (counts, expected) in cases {
        let d = dossier(with(complete(), "votes", json!({"peers": counts})));
        let got = engine.group_score(&d, RaterGroup::Peers);
        assert_eq!(got.map(round2), expected.map(round2), "{counts}");
        assert!(got.zip(*expected).is_none_or(|(g, e)| close(g, e)));
        assert_eq!(engine.group_score(&d, RaterGroup::Public), None);
    }
    let rules = rules_with(&[(
        "/raters/vote_values",
        json!({"good": 100, "fairly_good": 75, "average": 50, "poor": 25}),
    )]);
    let d = dossier_with(
        with(
            complete(),
            "votes",
            json!({"public": {"fairly_good": 1, "poor": 1}}),
        ),
        &rules,
    );
    assert_eq!(
        Engine::new(&rules).group_score(&d, RaterGroup::Public),
        Some(50.0)
    );
}

#[test]
fn the_multi_score_weights_only_groups_that_have_votes() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let example_01 = json!({
        "district_leaders": {"good": 10, "fairly_good": 3, "average": 1, "poor": 0},
        "peers": {"good": 20, "fairly_good": 8, "average": 2, "poor": 0},
        "unit_staff": {"good": 40, "fairly_good": 10, "average": 5, "poor": 1},
        "public": {"good": 30, "fairly_good": 15, "average": 5, "poor": 0}
    });
    let cases: &[(Value, Option<f64>)] = &[
        (
            example_01,
            Some(0.4 * 1300.0 / 14.0 + 0.2 * 92.0 + 0.25 * 5100.0 / 56.0 + 0.15 * 90.0),
        ),
        (
            json!({"district_leaders": {"good": 1}, "peers": {"poor": 1}, "unit_staff": {}}),
            Some((0.4 * 100.0 + 0.2 * 0.0) / 0.6),
        ),
        (
            json!({"unit_staff": {"good": 1, "average": 1}, "public": {"poor": 0}}),
            Some(80.0),
        ),
        (json!({"public": {"average": 4}}), Some(60.0)),
        (json!({"peers": {}, "public": {"good": 0}}), None),
        (json!({}), None),
    ];
    for (votes, expected) in cases {
        let d = dossier(with(complete(), "votes", votes.clone()));
        let got = engine.multi_rater_score(&d);
        match (got, expected) {
            (Some(g), Some(e)) => assert!(close(g, *e), "{votes}: {g} ≠ {e}"),
            _ => assert_eq!(got, *expected, "{votes}"),
        }
    }
}

#[test]
fn the_bonus_is_capped() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let cases: &[(Value, f64, f64)] = &[
        (json!([]), 0.0, 0.0),
        (json!([{"item": "P1"}]), 2.0, 2.0),
        (json!([{"item": "P1"}, {"item": "P7"}]), 4.0, 4.0),
        (json!([{"item": "P1"}, {"item": "P3"}, {"item": "P5"}]), 5.0, 5.0),
        (
            json!([{"item": "P1", "count": 2}, {"item": "P3"}, {"item": "P7"}]),
            8.0,
            5.0,
        ),
        (json!([{"item": "P8", "count": 10}]), 10.0, 5.0),
        (
            json!([{"item": "P1"}, {"item": "P2"}, {"item": "P3"}, {"item": "P4"},
                   {"item": "P5"}, {"item": "P6"}, {"item": "P7"}, {"item": "P8"}]),
            11.0,
            5.0,
        ),
    ];
    for (positive, claimed, bonus) in cases {
        let d = dossier(with(complete(), "positive", positive.clone()));
        assert_eq!(engine.bonus_claimed(&d), *claimed, "{positive}");
        let score = engine.score(&d);
        assert_eq!(score.bonus, *bonus, "{positive}");
        assert!(close(score.raw, 92.4 + bonus), "{positive}: raw {}", score.raw);
        assert_eq!(engine.evaluate(&d).parts.bonus, *bonus);
    }
    let no_bonus = rules_with(&[("/positive/bonus_cap", json!(0))]);
    let d = dossier_with(with(complete(), "positive", json!([{"item": "P1"}])), &no_bonus);
    assert_eq!(Engine::new(&no_bonus).score(&d).bonus, 0.0);
}

#[test]
fn the_deduction_skips_veto_and_tolerated_items() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let cases: &[(Value, f64)] = &[
        (json!([]), 0.0),
        (json!([{"item": "N2"}]), 3.0),
        (json!([{"item": "N2", "count": 2}]), 6.0),
        (json!([{"item": "N3", "tolerated": true}]), 0.0),
        (json!([{"item": "N1"}]), 0.0),
        (json!([{"item": "N7", "count": 3}]), 0.0),
        (
            json!([{"item": "N2", "count": 2}, {"item": "N3", "tolerated": true},
                   {"item": "N1"}, {"item": "N6"}]),
            8.0,
        ),
        (
            json!([{"item": "N12", "count": 10}, {"item": "N15", "tolerated": false}]),
            12.0,
        ),
    ];
    for (negative, deduction) in cases {
        let d = dossier(with(complete(), "negative", negative.clone()));
        assert_eq!(engine.deduction(&d), *deduction, "{negative}");
        let score = engine.score(&d);
        assert!(
            close(score.raw, 92.4 - deduction),
            "{negative}: raw {}",
            score.raw
        );
        assert_eq!(engine.evaluate(&d).parts.deduction, *deduction);
    }
}

#[test]
fn a_veto_comes_from_a_veto_item_or_political_quality() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let item = |id: &str| VetoCause::Item { id: id.into() };
    let cases: Vec<(Value, Vec<VetoCause>)> = vec![
        (json!({}), vec![]),
        (
            json!({"negative": [{"item": "N2"}, {"item": "N3", "tolerated": true}]}),
            vec![],
        ),
        (json!({"political_quality": "qualified"}), vec![]),
        (json!({"negative": [{"item": "N1"}]}), vec![item("N1")]),
        (json!({"negative": [{"item": "N4"}]}), vec![item("N4")]),
        (json!({"negative": [{"item": "N7"}]}), vec![item("N7")]),
        (json!({"negative": [{"item": "N13"}]}), vec![item("N13")]),
        (
            json!({"political_quality": "unqualified"}),
            vec![VetoCause::PoliticalQuality],
        ),
        (
            json!({"political_quality": "unqualified", "negative": [{"item": "N13"}, {"item": "N2"}, {"item": "N4"}]}),
            vec![item("N13"), item("N4"), VetoCause::PoliticalQuality],
        ),
    ];
    for (extra, causes) in cases {
        let mut value = complete();
        for (k, v) in extra.as_object().unwrap() {
            value[k] = v.clone();
        }
        let d = dossier(value);
        let result = engine.evaluate(&d);
        assert_eq!(engine.vetoed(&d), !causes.is_empty(), "{extra}");
        assert_eq!(result.vetoed, !causes.is_empty(), "{extra}");
        assert_eq!(result.vetoed_by, causes, "{extra}");
    }
}

#[test]
fn raw_is_the_weighted_sum_plus_bonus_minus_deduction() {
    let cases: &[((f64, f64, f64), f64)] = &[
        ((0.3, 0.4, 0.3), 0.3 * 80.0 + 0.4 * 100.0 + 0.3 * 60.0 + 2.0 - 3.0),
        ((0.5, 0.25, 0.25), 40.0 + 25.0 + 15.0 + 2.0 - 3.0),
        ((1.0, 0.0, 0.0), 80.0 + 2.0 - 3.0),
    ];
    for ((unit, pledges, multi), raw) in cases {
        let rules = rules_with(&[(
            "/dimensions/weights",
            json!({"unit": unit, "pledges": pledges, "multi": multi}),
        )]);
        let value = json!({
            "unit_score": 80,
            "pledges": [{"area": "key_work", "grade": "A", "quarters": [100, 100, 100, 100]}],
            "votes": {"public": {"average": 3}},
            "positive": [{"item": "P1"}],
            "negative": [{"item": "N2"}]
        });
        let score = Engine::new(&rules).score(&dossier_with(value, &rules));
        assert!(close(score.raw, *raw), "{unit} {pledges} {multi}: {}", score.raw);
        assert_eq!(score.total, round2(*raw));
    }
}

#[test]
fn round2_rounds_half_away_from_zero() {
    let cases = [
        (0.0, 0.0),
        (100.0, 100.0),
        (95.27654761904762, 95.28),
        (71.35567765567766, 71.36),
        (1.005, 1.01),
        (-1.005, -1.01),
        (2.675, 2.68),
        (0.125, 0.13),
        (-0.125, -0.13),
        (0.135, 0.14),
        (71.355, 71.36),
        (89.995, 90.0),
        (89.9949, 89.99),
        (79.994, 79.99),
        (12.3449, 12.34),
        (0.004, 0.0),
    ];
    for (x, expected) in cases {
        assert_eq!(round2(x), expected, "round2({x})");
    }
}

#[test]
fn the_total_is_clamped_at_zero() {
    let value = json!({
        "unit_score": 10,
        "pledges": [{"area": "key_work", "grade": "C", "quarters": [10, 10, 10, 10]}],
        "votes": {"public": {"poor": 3}},
        "negative": [{"item": "N2", "count": 2}, {"item": "N10"}]
    });
    let score = Engine::new(&RuleSet::default()).score(&dossier(value));
    assert!(close(score.raw, 3.0 + 3.2 - 9.0), "{}", score.raw);
    assert_eq!((score.total, score.tier), (0.0, Tier::Poor));
}

#[test]
fn tiers_start_at_their_thresholds() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let cases = [
        (105.0, Tier::Good),
        (100.0, Tier::Good),
        (90.0, Tier::Good),
        (89.99, Tier::FairlyGood),
        (80.0, Tier::FairlyGood),
        (79.99, Tier::Average),
        (70.0, Tier::Average),
        (69.99, Tier::Poor),
        (0.0, Tier::Poor),
    ];
    for (total, tier) in cases {
        assert_eq!(engine.tier_for(total), tier, "{total}");
    }
    let strict = rules_with(&[(
        "/tiers/thresholds",
        json!([{"tier": "good", "min": 95}, {"tier": "fairly_good", "min": 85}, {"tier": "average", "min": 75}]),
    )]);
    let engine = Engine::new(&strict);
    for (total, tier) in [
        (95.0, Tier::Good),
        (94.99, Tier::FairlyGood),
        (75.0, Tier::Average),
        (74.99, Tier::Poor),
    ] {
        assert_eq!(engine.tier_for(total), tier, "{total}");
    }
}

#[test]
fn the_tier_is_taken_from_the_rounded_total() {
    let engine_rules = RuleSet::default();
    let engine = Engine::new(&engine_rules);
    // pledges 89.9875 and multi 90: unit 90 → 27 + 35.995 + 27 = 89.995 → 90.00, good;
    // unit 89.983 → 26.9949 + 35.995 + 27 = 89.9899 → 89.99, fairly good.
    for (unit, total, tier) in [(90.0, 90.0, Tier::Good), (89.983, 89.99, Tier::FairlyGood)] {
        let q = 89.9875;
        let value = json!({
            "unit_score": unit,
            "pledges": [{"area": "key_work", "grade": "A", "quarters": [q, q, q, q]}],
            "votes": {"peers": {"good": 1, "fairly_good": 1}}
        });
        let score = engine.score(&dossier(value));
        assert_eq!(
            (score.total, score.tier),
            (total, tier),
            "unit {unit}, raw {}",
            score.raw
        );
    }
}

#[test]
fn a_veto_caps_the_tier() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    assert_eq!(engine.cap(), Tier::FairlyGood);
    for (tier, capped) in [
        (Tier::Good, Tier::FairlyGood),
        (Tier::FairlyGood, Tier::FairlyGood),
        (Tier::Average, Tier::Average),
        (Tier::Poor, Tier::Poor),
    ] {
        assert_eq!(engine.capped(tier, true), capped);
        assert_eq!(engine.capped(tier, false), tier);
    }
    for (score, uncapped, tier) in [
        (95.0, Tier::Good, Tier::FairlyGood),
        (85.0, Tier::FairlyGood, Tier::FairlyGood),
        (75.0, Tier::Average, Tier::Average),
    ] {
        let d = dossier(common::scoring(
            "否决",
            score,
            json!({"negative": [{"item": "N4"}]}),
        ));
        let result = engine.evaluate(&d);
        assert_eq!(
            (result.total, result.uncapped_tier, result.tier),
            (score, uncapped, tier)
        );
    }
    let average_cap = rules_with(&[("/veto/cap", json!("average"))]);
    let d = dossier_with(
        common::scoring("否决", 95.0, json!({"political_quality": "unqualified"})),
        &average_cap,
    );
    assert_eq!(Engine::new(&average_cap).score(&d).tier, Tier::Average);
}

#[test]
fn consequences_follow_the_table_and_the_history() {
    use Consequence::*;
    use Tier::*;
    let cases: &[(Tier, &[Tier], &[Consequence], usize)] = &[
        (Good, &[], &[Commendation], 1),
        (Good, &[Good], &[Commendation], 2),
        (Good, &[Good, Good], &[Commendation, PromotionPriority], 3),
        (
            Good,
            &[Average, Good, Good, Good],
            &[Commendation, PromotionPriority],
            4,
        ),
        (Good, &[Good, FairlyGood, Good], &[Commendation], 2),
        (Good, &[Good, Good, FairlyGood], &[Commendation], 1),
        (FairlyGood, &[], &[], 1),
        (FairlyGood, &[FairlyGood, FairlyGood], &[], 3),
        (Average, &[], &[Admonishment, PromotionFreeze], 1),
        (
            Average,
            &[Average],
            &[Admonishment, PromotionFreeze, Reassignment],
            2,
        ),
        (Average, &[Average, Poor], &[Admonishment, PromotionFreeze], 1),
        (
            Average,
            &[Good, Average, Average],
            &[Admonishment, PromotionFreeze, Reassignment],
            3,
        ),
        (Poor, &[], &[PublicCriticism, SelfInspectionReport, Demotion], 1),
        (
            Poor,
            &[Poor, Poor],
            &[PublicCriticism, SelfInspectionReport, Demotion],
            3,
        ),
    ];
    let rules = RuleSet::default();
    for (tier, history, expected, years) in cases {
        assert_eq!(
            consequences(*tier, history, &rules),
            *expected,
            "{tier} after {history:?}"
        );
        assert_eq!(
            consecutive_years(*tier, history),
            *years,
            "{tier} after {history:?}"
        );
    }
}

#[test]
fn consequences_use_the_assessed_tier_and_the_dossier_history() {
    let engine_rules = RuleSet::default();
    let engine = Engine::new(&engine_rules);
    let vetoed = dossier(common::scoring(
        "否决",
        95.0,
        json!({"negative": [{"item": "N1"}], "history": ["good", "good"]}),
    ));
    assert_eq!(engine.evaluate(&vetoed).consequences, []);
    let good = dossier(common::scoring("好", 95.0, json!({"history": ["good", "good"]})));
    let result = engine.evaluate(&good);
    assert_eq!(
        result.consequences,
        [Consequence::Commendation, Consequence::PromotionPriority]
    );
    assert_eq!(result.consecutive_years, 3);
}

fn quarters_used(value: Value, rules: &RuleSet) -> Vec<(f64, String)> {
    let d = dossier_with(value, rules);
    let engine = Engine::new(rules);
    let result = engine.evaluate(&d);
    let inputs = engine.assumed_inputs(&d);
    result.pledges[0]
        .quarters
        .iter()
        .enumerate()
        .map(|(q, value)| {
            let path = format!("pledges[0].quarters[{q}]");
            let basis = inputs
                .iter()
                .find(|a| a.path == path)
                .map_or("given", |a| a.basis.as_str());
            (*value, basis.to_string())
        })
        .collect()
}

#[test]
fn an_unscored_quarter_is_projected_from_the_assumption_then_the_scored_mean_then_80() {
    let rules = RuleSet::default();
    let weighted = rules_with(&[("/quarters/weights", json!([0.1, 0.2, 0.3, 0.4]))]);
    let lower_default = rules_with(&[("/projection/quarter_score", json!(70))]);
    let one = |quarters: Value, assumptions: Value| {
        json!({"unit_score": 90, "pledges": [{"area": "key_work", "grade": "A", "quarters": quarters}],
               "votes": {"peers": {"good": 1}}, "assumptions": assumptions})
    };
    let g = |v: f64| (v, "given".to_string());
    let a = |v: f64| (v, "assumption".to_string());
    let m = |v: f64| (v, "scored_mean".to_string());
    let d = |v: f64| (v, "default".to_string());
    type Used = Vec<(f64, String)>;
    let cases: Vec<(&RuleSet, Value, Used)> = vec![
        (
            &rules,
            one(json!([100, null, null, null]), json!({"quarter_score": 50})),
            vec![g(100.0), a(50.0), a(50.0), a(50.0)],
        ),
        (
            &rules,
            one(json!([null, null, null, null]), json!({"quarter_score": 0})),
            vec![a(0.0), a(0.0), a(0.0), a(0.0)],
        ),
        (
            &rules,
            one(json!([100, null, 60, null]), json!({})),
            vec![g(100.0), m(80.0), g(60.0), m(80.0)],
        ),
        (
            &rules,
            one(json!([0, null, null, null]), json!({"unit_score": 50})),
            vec![g(0.0), m(0.0), m(0.0), m(0.0)],
        ),
        (
            &weighted,
            one(json!([100, null, 50, null]), json!({})),
            vec![g(100.0), m(62.5), g(50.0), m(62.5)],
        ),
        (
            &rules,
            one(json!([null, null, null, null]), json!({})),
            vec![d(80.0), d(80.0), d(80.0), d(80.0)],
        ),
        (
            &lower_default,
            one(json!([null, null, null, null]), json!({"multi_score": 20})),
            vec![d(70.0), d(70.0), d(70.0), d(70.0)],
        ),
        (
            &rules,
            one(json!([90, 91, 92, 93]), json!({"quarter_score": 10})),
            vec![g(90.0), g(91.0), g(92.0), g(93.0)],
        ),
    ];
    for (rules, value, expected) in cases {
        assert_eq!(quarters_used(value.clone(), rules), expected, "{value}");
    }
}

#[test]
fn fulfilment_uses_the_projected_quarters() {
    let rules = rules_with(&[("/quarters/weights", json!([0.1, 0.2, 0.3, 0.4]))]);
    let engine = Engine::new(&rules);
    let p = pledge(Some(Grade::A), None, [Some(100.0), None, Some(50.0), None]);
    assert!(close(engine.fulfilment(&p, &Assumptions::default()), 62.5));
    let assumed = Assumptions {
        quarter_score: Some(0.0),
        ..Assumptions::default()
    };
    assert!(close(engine.fulfilment(&p, &assumed), 10.0 + 15.0));
}

#[test]
fn a_missing_unit_score_or_multi_dimension_is_projected() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let cases: &[(Value, f64, f64, bool, &[&str])] = &[
        (json!({}), 90.0, 98.0, false, &[]),
        (
            json!({"assumptions": {"unit_score": 10, "multi_score": 10}}),
            90.0,
            98.0,
            false,
            &[],
        ),
        (json!({"unit_score": null}), 85.0, 98.0, true, &["unit_score"]),
        (
            json!({"unit_score": null, "assumptions": {"unit_score": 95}}),
            95.0,
            98.0,
            true,
            &["unit_score"],
        ),
        (json!({"votes": {}}), 90.0, 85.0, true, &["votes"]),
        (
            json!({"votes": {"public": {"good": 0}}, "assumptions": {"multi_score": 65}}),
            90.0,
            65.0,
            true,
            &["votes"],
        ),
        (
            json!({"unit_score": null, "votes": null, "assumptions": {"unit_score": 0, "multi_score": 0}}),
            0.0,
            0.0,
            true,
            &["unit_score", "votes"],
        ),
    ];
    for (extra, unit, multi, projected, assumed) in cases {
        let mut value = complete();
        for (k, v) in extra.as_object().unwrap() {
            value[k] = v.clone();
        }
        let result = engine.evaluate(&dossier(value));
        let got = (result.dimensions.unit, result.dimensions.multi, result.projected);
        assert_eq!(got, (*unit, *multi, *projected), "{extra}");
        assert_eq!(result.assumed, *assumed, "{extra}");
    }
    let custom = rules_with(&[
        ("/projection/unit_score", json!(60)),
        ("/projection/multi_score", json!(70)),
    ]);
    let d = dossier_with(
        with(with(complete(), "unit_score", Value::Null), "votes", json!({})),
        &custom,
    );
    let score = Engine::new(&custom).score(&d);
    assert_eq!((score.unit, score.multi), (60.0, 70.0));
}

#[test]

fn round2_only_ignores_binary_noise() {
    for (x, expected) in [(89.994999996, 89.99), (12.344999999, 12.34), (0.014999999, 0.01)] {
        assert_eq!(round2(x), expected, "round2({x})");
    }
    // 0.4 × 89.98749999 = 35.994999996: raw 89.994999996 is not 89.995 and stays fairly good.
    let q = 89.98749999;
    let value = json!({
        "unit_score": 90,
        "pledges": [{"area": "key_work", "grade": "A", "quarters": [q, q, q, q]}],
        "votes": {"peers": {"good": 1, "fairly_good": 1}}
    });
    let score = Engine::new(&RuleSet::default()).score(&dossier(value));
    assert_eq!(
        (score.total, score.tier),
        (89.99, Tier::FairlyGood),
        "raw {}",
        score.raw
    );
}

#[test]
fn the_tier_veto_and_consequences_formulas_read_in_words() {
    let mut value = complete();
    value["negative"] = json!([{"item": "N7"}]);
    value["political_quality"] = json!("unqualified");
    value["history"] = json!(["good", "good"]);
    let rules = RuleSet::default();
    let result = Engine::new(&rules).evaluate_traced(&dossier(value));
    let steps = result.trace.unwrap();
    let step = |id: &str| steps.iter().find(|s| s.id == id).unwrap();
    let (tier, veto, consequences) = (step("tier"), step("veto"), step("consequences"));
    assert!(
        tier.formula.ends_with("→ good; veto → fairly_good"),
        "{}",
        tier.formula
    );
    assert!(tier.formula_shown(Lang::Zh).ends_with("→ 好; 一票否决 → 较好"));
    assert!(tier
        .formula_shown(Lang::En)
        .ends_with("→ good; veto → fairly good"));
    assert_eq!(veto.formula, "N7, political_quality = unqualified");
    assert_eq!(veto.formula_shown(Lang::Zh), "N7, 政治素质测评 = 不合格");
    assert_eq!(consequences.formula, "good, good, fairly_good → —");
    assert_eq!(consequences.formula_shown(Lang::Zh), "好、好、较好 → 无");
    assert_eq!(
        consequences.formula_shown(Lang::En),
        "good, good, fairly good → none"
    );
}
