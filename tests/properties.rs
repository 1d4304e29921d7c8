//! Properties over generated dossiers (1–10 pledges, any grades, factors, quarters incl. null,
//! votes and list items of the default rule set): bounds, monotonicity, the veto, determinism,
//! JSON round trips, what-if agreement, and no panic on arbitrary JSON or rule-set edits.

mod common;

use common::{default_rules as rules, proptest_config};
use dongliang::engine::dossier::{Assumptions, Factors, NegativeRecord, PositiveClaim, VoteCounts, Votes};
use dongliang::engine::ids::{PoliticalQuality, UnitKind};
use dongliang::engine::{
    report, Area, Assessment, Cohort, Dossier, Engine, Grade, Lang, Pledge, RaterGroup, RuleSet, Tier,
    VoteCategory,
};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use serde_json::{json, Value};

/// A score 0–100: mostly with two decimals, sometimes any double, sometimes a bound.
fn score() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => (0u32..=10_000).prop_map(|x| f64::from(x) / 100.0),
        2 => 0.0..=100.0f64,
        1 => Just(0.0),
        1 => Just(100.0),
    ]
}

fn decimal_score() -> impl Strategy<Value = f64> {
    (0u32..=10_000).prop_map(|x| f64::from(x) / 100.0)
}

fn factors() -> impl Strategy<Value = Factors> {
    (1u8..=5, 1u8..=5, 1u8..=5).prop_map(|(difficulty, innovation, contribution)| Factors {
        difficulty,
        innovation,
        contribution,
    })
}

fn pledge_with(scores: BoxedStrategy<f64>) -> impl Strategy<Value = Pledge> {
    let grading = prop_oneof![
        select(Grade::ALL).prop_map(|g| (Some(g), None)),
        factors().prop_map(|f| (None, Some(f))),
        (select(Grade::ALL), factors()).prop_map(|(g, f)| (Some(g), Some(f))),
    ];
    let title = proptest::option::of("[a-z一-龥 ]{0,20}");
    let quarters = proptest::array::uniform4(proptest::option::weighted(0.7, scores));
    (select(Area::ALL), title, grading, quarters).prop_map(|(area, title, (grade, factors), quarters)| {
        Pledge {
            area,
            title,
            grade,
            factors,
            quarters,
        }
    })
}

fn counts() -> impl Strategy<Value = VoteCounts> {
    let n = prop_oneof![8 => 0u32..40, 1 => Just(0u32), 1 => 0u32..=1_000_000];
    (n.clone(), n.clone(), n.clone(), n).prop_map(|(good, fairly_good, average, poor)| VoteCounts {
        good,
        fairly_good,
        average,
        poor,
    })
}

fn votes() -> impl Strategy<Value = Votes> {
    let group = || proptest::option::weighted(0.6, counts());
    (group(), group(), group(), group()).prop_map(|(district_leaders, peers, unit_staff, public)| Votes {
        district_leaders,
        peers,
        unit_staff,
        public,
    })
}

fn positive() -> impl Strategy<Value = Vec<PositiveClaim>> {
    let ids: Vec<String> = rules().positive.items.iter().map(|i| i.id.clone()).collect();
    subsequence(ids, 0..=8).prop_flat_map(|ids| {
        let n = ids.len();
        proptest::collection::vec(prop_oneof![3 => Just(1u32), 1 => 1u32..=10], n).prop_map(move |counts| {
            ids.iter()
                .zip(counts)
                .map(|(item, count)| PositiveClaim {
                    item: item.clone(),
                    count,
                })
                .collect()
        })
    })
}

fn negative() -> impl Strategy<Value = Vec<NegativeRecord>> {
    let items: Vec<(String, bool)> = rules()
        .negative
        .items
        .iter()
        .map(|i| (i.id.clone(), i.veto))
        .collect();
    let weighted = prop_oneof![6 => Just(vec![]), 4 => subsequence(items, 0..=4)];
    weighted.prop_flat_map(|items| {
        let n = items.len();
        proptest::collection::vec((prop_oneof![3 => Just(1u32), 1 => 1u32..=10], any::<bool>()), n).prop_map(
            move |extra| {
                items
                    .iter()
                    .zip(extra)
                    .map(|((item, veto), (count, tolerated))| NegativeRecord {
                        item: item.clone(),
                        count,
                        tolerated: tolerated && !veto,
                    })
                    .collect()
            },
        )
    })
}

fn dossier_from(scores: BoxedStrategy<f64>) -> impl Strategy<Value = Dossier> {
    let names = proptest::option::of((0u32..1000).prop_map(|i| format!("干部{i}")));
    let posts = proptest::option::of(Just("区某局局长".to_string()));
    let kinds = proptest::option::of(select(&[UnitKind::Department, UnitKind::Street][..]));
    let years = proptest::option::of(1949i32..=2100);
    let quality =
        prop_oneof![9 => Just(PoliticalQuality::Qualified), 1 => Just(PoliticalQuality::Unqualified)];
    let history = proptest::collection::vec(select(Tier::ALL), 0..5);
    let assumptions = (
        proptest::option::of(scores.clone()),
        proptest::option::of(scores.clone()),
        proptest::option::of(scores.clone()),
    )
        .prop_map(|(quarter_score, unit_score, multi_score)| Assumptions {
            quarter_score,
            unit_score,
            multi_score,
        });
    let about = (names, posts, kinds, years, quality, history);
    let pledges = proptest::collection::vec(pledge_with(scores.clone()), 1..=10);
    let lists = (positive(), negative());
    let unit = proptest::option::weighted(0.8, scores);
    (about, unit, pledges, votes(), lists, assumptions).prop_map(
        |(
            (name, post, unit_kind, year, political_quality, history),
            unit_score,
            pledges,
            votes,
            (positive, negative),
            assumptions,
        )| {
            Dossier {
                rules: None,
                name,
                post,
                unit_kind,
                year,
                unit_score,
                pledges,
                votes,
                political_quality,
                positive,
                negative,
                history,
                assumptions,
            }
        },
    )
}

fn dossier() -> impl Strategy<Value = Dossier> {
    dossier_from(score().boxed())
}

fn not_worse(after: Tier, before: Tier) -> bool {
    !before.is_better_than(after)
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]
    fn generated_dossiers_are_valid(d in dossier()) {
        prop_assert_eq!(d.validate(rules()), Ok(()));
    }

    #[test]
    fn the_total_stays_within_0_and_100_plus_the_bonus_cap(d in dossier()) {
        let engine = Engine::new(rules());
        let result = engine.evaluate(&d);
        prop_assert!(result.total >= 0.0);
        prop_assert!(result.total <= 100.0 + rules().positive.bonus_cap);
        prop_assert_eq!(result.uncapped_tier, engine.tier_for(result.total));
        prop_assert_eq!(result.tier, engine.capped(result.uncapped_tier, result.vetoed));
        prop_assert!(!(result.vetoed && result.tier == Tier::Good));
    }

    #[test]
    fn raising_a_scored_quarter_or_the_unit_score_never_lowers_the_total(
        d in dossier(), which in any::<Index>(), q in 0usize..4, raise in 0.0..=100.0f64,
    ) {
        let engine = Engine::new(rules());
        let before = engine.score(&d);
        let mut higher = d.clone();
        let p = which.index(higher.pledges.len());
        if let Some(s) = higher.pledges[p].quarters[q].as_mut() {
            *s = (*s + raise).min(100.0);
        }
        if let Some(u) = higher.unit_score.as_mut() {
            *u = (*u + raise).min(100.0);
        }
        let after = engine.score(&higher);
        prop_assert!(after.total >= before.total, "{} < {}", after.total, before.total);
        prop_assert!(not_worse(after.tier, before.tier));
    }

    #[test]
    fn moving_a_vote_to_a_better_category_never_lowers_the_total(
        d in dossier(), group in select(RaterGroup::ALL), from in 1usize..4, up in 1usize..4, n in 1u32..5,
    ) {
        let engine = Engine::new(rules());
        let before = engine.score(&d);
        let mut better = d.clone();
        let to = from.saturating_sub(up);
        let (from, to) = (VoteCategory::ALL[from], VoteCategory::ALL[to]);
        if let Some(counts) = better.votes.slot(group).as_mut() {
            let moved = n.min(counts.get(from));
            counts.set(from, counts.get(from) - moved);
            counts.set(to, counts.get(to) + moved);
        }
        let after = engine.score(&better);
        prop_assert!(after.total >= before.total, "{} < {}", after.total, before.total);
        prop_assert!(not_worse(after.tier, before.tier));
    }

    #[test]
    fn claiming_a_positive_item_never_lowers_the_total(d in dossier(), which in any::<Index>()) {
        let engine = Engine::new(rules());
        let before = engine.score(&d);
        let item = which.get(&rules().positive.items).id.clone();
        let mut claimed = d.clone();
        match claimed.positive.iter_mut().find(|c| c.item == item) {
            Some(claim) => claim.count = (claim.count + 1).min(10),
            None => claimed.positive.push(PositiveClaim { item, count: 1 }),
        }
        let after = engine.score(&claimed);
        prop_assert!(after.total >= before.total, "{} < {}", after.total, before.total);
        prop_assert!(not_worse(after.tier, before.tier));
    }

    #[test]
    fn incurring_a_negative_item_never_raises_the_total(d in dossier(), which in any::<Index>()) {
        let engine = Engine::new(rules());
        let before = engine.score(&d);
        let item = which.get(&rules().negative.items).id.clone();
        let mut incurred = d.clone();
        match incurred.negative.iter_mut().find(|r| r.item == item) {
            Some(record) if record.tolerated => record.tolerated = false,
            Some(record) => record.count = (record.count + 1).min(10),
            None => incurred.negative.push(NegativeRecord { item, count: 1, tolerated: false }),
        }
        let after = engine.score(&incurred);
        prop_assert!(after.total <= before.total, "{} > {}", after.total, before.total);
        prop_assert!(not_worse(before.tier, after.tier));
    }

    #[test]
    fn a_vetoed_official_is_never_good_nor_honoured(
        officials in proptest::collection::vec(dossier(), 1..15), quota in proptest::option::of(0.05..=1.0f64),
    ) {
        let rules = match quota {
            None => rules().clone(),
            Some(q) => common::rules_with(&[("/quota/good_quota", json!(q))]),
        };
        let ranking = Engine::new(&rules).rank(&officials);
        prop_assert_eq!(ranking.officials.len(), officials.len());
        prop_assert_eq!(ranking.distribution.iter().sum::<usize>(), officials.len());
        for o in &ranking.officials {
            if o.vetoed {
                prop_assert!(o.tier != Tier::Good && !o.honour, "{:?}", o);
            }
            prop_assert!(!o.honour || o.tier == Tier::Good);
        }
        if let Some(outcome) = ranking.quota {
            let good = ranking.distribution[0];
            prop_assert!(good <= outcome.allowed || outcome.exceeded_by_tie);
        }
    }

    #[test]
    fn evaluation_is_deterministic(d in dossier()) {
        let engine = Engine::new(rules());
        let first = engine.evaluate(&d);
        prop_assert_eq!(&first, &engine.evaluate(&d));
        let traced = engine.evaluate_traced(&d);
        prop_assert!(traced.trace.as_ref().is_some_and(|t| !t.is_empty()));
        prop_assert_eq!(&first, &Assessment { trace: None, ..traced });
        let score = engine.score(&d);
        prop_assert_eq!((score.total, score.tier, score.vetoed), (first.total, first.tier, first.vetoed));
        prop_assert_eq!(engine.what_if(&d), engine.what_if(&d));
    }

    #[test]
    fn what_if_agrees_with_reevaluation(d in dossier()) {
        let problems = common::what_if_problems(&Engine::new(rules()), &d);
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn dossiers_with_two_decimal_scores_round_trip_through_json(d in dossier_from(decimal_score().boxed())) {
        let text = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(Dossier::from_json(&text, rules()), Ok(d.clone()));
        let pretty = serde_json::to_string_pretty(&d).unwrap();
        prop_assert_eq!(Dossier::from_json(&pretty, rules()), Ok(d));
    }

    #[test]
    fn assessments_round_trip_through_json_within_an_ulp(d in dossier()) {
        let result = Engine::new(rules()).evaluate_traced(&d);
        let text = serde_json::to_string(&result).unwrap();
        let back: Assessment = serde_json::from_str(&text).unwrap();
        let (a, b) = (serde_json::to_value(&result).unwrap(), serde_json::to_value(&back).unwrap());
        prop_assert!(same_json(&a, &b), "{a}\n{b}");
    }

    #[test]
    fn cohorts_round_trip_through_json(officials in proptest::collection::vec(dossier_from(decimal_score().boxed()), 0..4)) {
        let cohort = Cohort { rules: None, officials };
        let text = serde_json::to_string(&cohort).unwrap();
        prop_assert_eq!(Cohort::from_json(&text, rules()), Ok(cohort));
    }
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]

    fn dossiers_with_any_double_round_trip_through_json(d in dossier()) {
        let text = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(Dossier::from_json(&text, rules()), Ok(d));
    }

    #[test]

    fn assessments_round_trip_through_json_exactly(d in dossier()) {
        let result = Engine::new(rules()).evaluate_traced(&d);
        let back: Assessment = serde_json::from_str(&serde_json::to_string(&result).unwrap()).unwrap();
        prop_assert_eq!(back, result);
    }
}

#[test]

fn a_17_digit_quarter_score_reads_back_exactly() {
    let quarter = 49.956229473507236_f64;
    let text = format!(
        r#"{{"pledges": [{{"area": "key_work", "grade": "A", "quarters": [{quarter}, null, null, null]}}]}}"#
    );
    let d = Dossier::from_json(&text, rules()).unwrap();
    assert_eq!(d.pledges[0].quarters[0], Some(quarter));
}

/// Equal JSON trees, numbers equal up to a relative 1e-15 (one or two ulps).
fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_json(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

const KEYS: &[&str] = &[
    "name",
    "post",
    "unit_kind",
    "year",
    "unit_score",
    "pledges",
    "votes",
    "political_quality",
    "positive",
    "negative",
    "history",
    "assumptions",
    "area",
    "title",
    "grade",
    "factors",
    "quarters",
    "difficulty",
    "innovation",
    "contribution",
    "district_leaders",
    "peers",
    "unit_staff",
    "public",
    "good",
    "fairly_good",
    "average",
    "poor",
    "item",
    "count",
    "tolerated",
    "quarter_score",
    "multi_score",
    "officials",
    "x",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-5i64..120).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (-1000.0..1000.0f64).prop_map(Value::from),
        "[A-Za-z0-9_]{0,12}".prop_map(Value::String),
        select(
            &[
                "A",
                "B",
                "C",
                "P1",
                "N1",
                "N4",
                "good",
                "key_work",
                "unqualified",
                "street"
            ][..]
        )
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((select(KEYS), inner), 0..8).prop_map(|fields| Value::Object(
                fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// Replaces the `n`-th node (in pre-order, modulo the node count) of `value` by `new`.
fn replace_node(value: &mut Value, n: usize, new: Value) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(items) => items.iter().map(count).sum(),
            Value::Object(map) => map.values().map(count).sum(),
            _ => 0,
        }
    }
    fn walk(v: &mut Value, n: &mut usize, new: &mut Option<Value>) {
        if *n == 0 {
            if let Some(new) = new.take() {
                *v = new;
            }
            return;
        }
        *n -= 1;
        match v {
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, n, new)),
            Value::Object(map) => map.values_mut().for_each(|i| walk(i, n, new)),
            _ => {}
        }
    }
    let mut n = n % count(value);
    walk(value, &mut n, &mut Some(new));
}

/// Everything a front end would do with a dossier that parsed.
fn use_fully(rules: &RuleSet, d: &Dossier) {
    let engine = Engine::new(rules);
    let result = engine.evaluate_traced(d);
    let _ = report::assessment(d, &result, rules, Lang::Zh);
    let _ = report::assessment(d, &result, rules, Lang::En);
    let what_if = engine.what_if(d);
    let _ = report::what_if(&what_if, rules, Lang::Zh);
    let ranking = engine.rank(std::slice::from_ref(d));
    let _ = report::ranking(&ranking, rules, Lang::En);
}

proptest! {
    #![proptest_config(proptest_config(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let _ = Dossier::from_json(&text, rules());
        let _ = Cohort::from_json(&text, rules());
        let _ = RuleSet::from_json(&text);
    }

    #[test]
    fn arbitrary_json_values_never_panic(value in json_value()) {
        let text = value.to_string();
        if let Ok(d) = Dossier::from_json(&text, rules()) {
            use_fully(rules(), &d);
        }
        if let Ok(cohort) = Cohort::from_json(&text, rules()) {
            Engine::new(rules()).rank(&cohort.officials);
        }
        let _ = RuleSet::from_json(&text);
        let wrapped = json!({"officials": [value]}).to_string();
        let _ = Cohort::from_json(&wrapped, rules());
    }

    #[test]
    fn a_valid_dossier_with_one_node_replaced_never_panics(
        d in dossier(), n in any::<usize>(), new in json_value(), cut in any::<Index>(),
    ) {
        let mut value = serde_json::to_value(&d).unwrap();
        replace_node(&mut value, n, new);
        let text = value.to_string();
        if let Ok(d) = Dossier::from_json(&text, rules()) {
            use_fully(rules(), &d);
        }
        let truncated: String = text.chars().take(cut.index(text.chars().count() + 1)).collect();
        let _ = Dossier::from_json(&truncated, rules());
    }

    #[test]
    fn a_rule_set_with_one_node_replaced_never_panics(
        n in any::<usize>(), new in json_value(), d in dossier(),
    ) {
        let mut value = common::default_rules_value();
        replace_node(&mut value, n, new);
        if let Ok(rules) = RuleSet::from_json(&value.to_string()) {
            if let Ok(d) = Dossier::from_value(&serde_json::to_value(&d).unwrap(), &rules) {
                use_fully(&rules, &d);
            }
        }
    }

    #[test]
    fn a_rule_set_with_one_number_changed_never_panics(
        n in any::<usize>(), number in prop_oneof![0.0..=1.0f64, 0.0..=200.0f64, Just(0.0), Just(1.0)], d in dossier(),
    ) {
        let mut value = common::default_rules_value();
        let mut pointers = Vec::new();
        collect_numbers(&value, String::new(), &mut pointers);
        let pointer = &pointers[n % pointers.len()];
        let new = if value.pointer(pointer).unwrap().is_u64() { json!(number.round() as u64) } else { json!(number) };
        *value.pointer_mut(pointer).unwrap() = new;
        if let Ok(rules) = RuleSet::from_json(&value.to_string()) {
            if let Ok(d) = Dossier::from_value(&serde_json::to_value(&d).unwrap(), &rules) {
                use_fully(&rules, &d);
            }
        }
    }
}

fn collect_numbers(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Number(_) => out.push(pointer),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_numbers(v, format!("{pointer}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                collect_numbers(v, format!("{pointer}/{k}"), out);
            }
        }
        _ => {}
    }
}
