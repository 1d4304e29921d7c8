//! Cohorts (spec §5–§6): competition ranking by total with ties, the top-10 honour among
//! non-vetoed good officials (ties at the cut all honoured), the optional quota on the good
//! tier (ties at the cut stay good, `exceeded_by_tie`), and the tier distribution.

mod common;

use common::{dossier_with, rules_with, scoring};
use dongliang::engine::{Cohort, Consequence, Dossier, Engine, Ranking, RuleSet, Tier};
use serde_json::{json, Value};

fn cohort(rules: &RuleSet, officials: &[(&str, f64, Value)]) -> Vec<Dossier> {
    officials
        .iter()
        .map(|(name, score, extra)| dossier_with(scoring(name, *score, extra.clone()), rules))
        .collect()
}

fn plain(scores: &[f64]) -> Vec<(String, f64)> {
    scores
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("o{i}"), *s))
        .collect()
}

fn rank_scores(rules: &RuleSet, scores: &[f64]) -> Ranking {
    let named = plain(scores);
    let list: Vec<(&str, f64, Value)> = named.iter().map(|(n, s)| (n.as_str(), *s, json!({}))).collect();
    Engine::new(rules).rank(&cohort(rules, &list))
}

/// (name, total, tier, rank, honour) of each official, in ranking order.
fn lines(ranking: &Ranking) -> Vec<(String, f64, Tier, usize, bool)> {
    ranking
        .officials
        .iter()
        .map(|o| (o.name.clone(), o.total, o.tier, o.rank, o.honour))
        .collect()
}

fn ranks_by_index(ranking: &Ranking) -> Vec<usize> {
    let mut ranks = vec![0; ranking.officials.len()];
    for o in &ranking.officials {
        ranks[o.index] = o.rank;
    }
    ranks
}

#[test]
fn competition_ranking_shares_ranks_between_ties() {
    let rules = RuleSet::default();
    let cases: &[(&[f64], &[usize])] = &[
        (&[95.0, 92.0, 92.0, 91.0], &[1, 2, 2, 4]),
        (&[91.0, 92.0, 95.0, 92.0], &[4, 2, 1, 2]),
        (&[80.0, 80.0, 80.0], &[1, 1, 1]),
        (&[70.0, 85.0, 85.0, 85.0, 90.0], &[5, 2, 2, 2, 1]),
        (&[60.0], &[1]),
        (&[88.88, 88.89, 88.87], &[2, 1, 3]),
    ];
    for (scores, ranks) in cases {
        let ranking = rank_scores(&rules, scores);
        assert_eq!(ranks_by_index(&ranking), *ranks, "{scores:?}");
        let totals: Vec<f64> = ranking.officials.iter().map(|o| o.total).collect();
        assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
    }
    let ranking = rank_scores(&rules, &[91.0, 92.0, 95.0, 92.0]);
    let order: Vec<usize> = ranking.officials.iter().map(|o| o.index).collect();
    assert_eq!(order, [2, 1, 3, 0], "ties keep the cohort order");
}

#[test]
fn the_top_ten_good_officials_are_honoured() {
    let rules = RuleSet::default();
    let scores: Vec<f64> = (0..12).map(|i| 100.0 - 0.5 * f64::from(i)).collect();
    let ranking = rank_scores(&rules, &scores);
    let honoured: Vec<bool> = ranking.officials.iter().map(|o| o.honour).collect();
    assert_eq!(honoured, [vec![true; 10], vec![false; 2]].concat());
    assert_eq!(ranking.honoured, 10);
}

#[test]
fn ties_at_the_honour_cut_are_all_honoured() {
    let rules = RuleSet::default();
    let cases: &[(Vec<f64>, usize)] = &[
        (
            [
                (0..9).map(|i| 100.0 - f64::from(i)).collect::<Vec<_>>(),
                vec![91.0, 91.0, 91.0],
            ]
            .concat(),
            12,
        ),
        (
            [
                (0..10).map(|i| 100.0 - 0.5 * f64::from(i)).collect::<Vec<_>>(),
                vec![95.5, 90.0],
            ]
            .concat(),
            11,
        ),
        (vec![95.0; 14], 14),
        ([vec![99.0; 10], vec![98.0]].concat(), 10),
        ([vec![99.0; 11], vec![98.0]].concat(), 11),
    ];
    for (scores, honoured) in cases {
        let ranking = rank_scores(&rules, scores);
        assert_eq!(ranking.honoured, *honoured, "{scores:?}");
        for o in &ranking.officials {
            assert_eq!(o.honour, o.rank <= 10, "{o:?}");
        }
    }
}

#[test]
fn vetoed_or_not_good_officials_are_never_honoured() {
    let rules = RuleSet::default();
    let mut officials: Vec<(String, f64, Value)> = vec![
        ("否决".into(), 100.0, json!({"negative": [{"item": "N13"}]})),
        ("不合格".into(), 99.5, json!({"political_quality": "unqualified"})),
        ("较好".into(), 89.99, json!({})),
        ("一般".into(), 75.0, json!({})),
    ];
    officials.extend((0..11).map(|i| (format!("好{i}"), 99.0 - 0.5 * f64::from(i), json!({}))));
    let list: Vec<(&str, f64, Value)> = officials
        .iter()
        .map(|(n, s, e)| (n.as_str(), *s, e.clone()))
        .collect();
    let ranking = Engine::new(&rules).rank(&cohort(&rules, &list));
    let by_name = |name: &str| ranking.officials.iter().find(|o| o.name == name).unwrap();
    for name in ["否决", "不合格"] {
        let o = by_name(name);
        assert!(o.vetoed && !o.honour && o.tier == Tier::FairlyGood, "{o:?}");
    }
    assert_eq!((by_name("否决").rank, by_name("不合格").rank), (1, 2));
    assert!(!by_name("较好").honour && !by_name("一般").honour);
    let honoured: Vec<&str> = ranking
        .officials
        .iter()
        .filter(|o| o.honour)
        .map(|o| o.name.as_str())
        .collect();
    let expected: Vec<String> = (0..10).map(|i| format!("好{i}")).collect();
    assert_eq!(honoured, expected);
    assert!(!by_name("好10").honour);

    let few = rank_scores(&rules, &[95.0, 85.0, 75.0, 60.0]);
    let honour: Vec<bool> = few.officials.iter().map(|o| o.honour).collect();
    assert_eq!(honour, [true, false, false, false]);
}

#[test]
fn the_honour_count_follows_the_rule_set() {
    let rules = rules_with(&[("/honour/top_n", json!(2))]);
    let ranking = rank_scores(&rules, &[99.0, 98.0, 98.0, 97.0, 96.0]);
    let honour: Vec<bool> = ranking.officials.iter().map(|o| o.honour).collect();
    assert_eq!(honour, [true, true, true, false, false]);
}

fn with_quota(quota: f64) -> RuleSet {
    rules_with(&[("/quota/good_quota", json!(quota))])
}

#[test]
fn the_quota_keeps_ties_at_the_cut_good() {
    let rules = with_quota(0.3);
    let scores = [98.0, 94.0, 85.0, 96.0, 85.0, 94.0, 85.0, 92.0, 85.0, 85.0];
    let ranking = rank_scores(&rules, &scores);
    let quota = ranking.quota.expect("quota on");
    assert_eq!((quota.allowed, quota.good_before, quota.good_after), (3, 5, 4));
    assert!(quota.exceeded_by_tie);
    let good: Vec<f64> = ranking
        .officials
        .iter()
        .filter(|o| o.tier == Tier::Good)
        .map(|o| o.total)
        .collect();
    assert_eq!(good, [98.0, 96.0, 94.0, 94.0]);
    let demoted: Vec<_> = ranking.officials.iter().filter(|o| o.quota_demoted).collect();
    assert_eq!(demoted.len(), 1);
    assert_eq!((demoted[0].total, demoted[0].tier), (92.0, Tier::FairlyGood));
    assert!(demoted[0].consequences.is_empty() && !demoted[0].honour);
    assert_eq!(ranking.distribution, [4, 6, 0, 0]);
    assert_eq!(ranking.honoured, 4);
    assert_eq!(ranks_by_index(&ranking), [1, 3, 6, 2, 6, 3, 6, 5, 6, 6]);
}

#[test]
fn the_quota_cuts_exactly_without_a_tie() {
    type Outcome = (usize, usize, usize, bool);
    let cases: &[(f64, &[f64], Outcome)] = &[
        (
            0.3,
            &[98.0, 96.0, 94.0, 93.0, 92.0, 85.0, 85.0, 85.0, 85.0, 85.0],
            (3, 5, 3, false),
        ),
        (
            0.3,
            &[98.0, 96.0, 85.0, 85.0, 85.0, 85.0, 85.0, 85.0, 85.0, 85.0],
            (3, 2, 2, false),
        ),
        (
            0.25,
            &[98.0, 96.0, 94.0, 93.0, 85.0, 85.0, 85.0, 85.0, 85.0, 85.0],
            (2, 4, 2, false),
        ),
        (
            0.7,
            &[99.0, 98.0, 97.0, 96.0, 95.0, 94.0, 93.0, 92.0, 91.0, 90.0],
            (7, 10, 7, false),
        ),
        (0.1, &[99.0, 98.0, 97.0], (0, 3, 0, false)),
        (1.0, &[99.0, 98.0, 97.0], (3, 3, 3, false)),
        (0.5, &[95.0, 95.0, 95.0, 95.0], (2, 4, 4, true)),
    ];
    for (quota, scores, (allowed, before, after, tie)) in cases {
        let ranking = rank_scores(&with_quota(*quota), scores);
        let outcome = ranking.quota.unwrap();
        let got = (
            outcome.allowed,
            outcome.good_before,
            outcome.good_after,
            outcome.exceeded_by_tie,
        );
        assert_eq!(got, (*allowed, *before, *after, *tie), "{quota} {scores:?}");
        assert_eq!(ranking.distribution[0], *after);
        let demoted = ranking.officials.iter().filter(|o| o.quota_demoted).count();
        assert_eq!(demoted, before - after);
    }
    assert!(rank_scores(&RuleSet::default(), &[95.0, 96.0]).quota.is_none());
}

#[test]
fn the_quota_counts_vetoed_officials_in_the_cohort_but_not_as_good() {
    let rules = with_quota(0.5);
    let list = [
        ("否决", 99.0, json!({"negative": [{"item": "N4"}]})),
        ("甲", 97.0, json!({})),
        ("乙", 96.0, json!({})),
        ("丙", 60.0, json!({})),
    ];
    let ranking = Engine::new(&rules).rank(&cohort(&rules, &list));
    let outcome = ranking.quota.unwrap();
    assert_eq!(
        (outcome.allowed, outcome.good_before, outcome.good_after),
        (2, 2, 2)
    );
    assert_eq!(ranking.distribution, [2, 1, 0, 1]);
}

#[test]
fn the_distribution_counts_each_tier() {
    let rules = RuleSet::default();
    let ranking = rank_scores(&rules, &[95.0, 90.0, 89.99, 80.0, 79.99, 70.0, 69.99, 0.0, 50.0]);
    assert_eq!(ranking.distribution, [2, 2, 2, 3]);
    assert_eq!(
        ranking.distribution.iter().sum::<usize>(),
        ranking.officials.len()
    );
    let empty = Engine::new(&rules).rank(&[]);
    assert_eq!(
        (empty.officials.len(), empty.distribution, empty.honoured),
        (0, [0; 4], 0)
    );
}

#[test]
fn ranked_officials_carry_their_consequences() {
    let rules = RuleSet::default();
    let list = [
        ("连续好", 95.0, json!({"history": ["good", "good"]})),
        ("连续一般", 75.0, json!({"history": ["average"]})),
        ("较差", 40.0, json!({})),
    ];
    let ranking = Engine::new(&rules).rank(&cohort(&rules, &list));
    let consequences: Vec<&[Consequence]> = ranking
        .officials
        .iter()
        .map(|o| o.consequences.as_slice())
        .collect();
    assert_eq!(
        consequences[0],
        [Consequence::Commendation, Consequence::PromotionPriority]
    );
    assert_eq!(consequences[1].last(), Some(&Consequence::Reassignment));
    assert_eq!(consequences[2].first(), Some(&Consequence::PublicCriticism));

    let quota = with_quota(0.5);
    let list = [
        ("甲", 99.0, json!({})),
        ("乙", 95.0, json!({"history": ["good", "good"]})),
        ("丙", 60.0, json!({})),
        ("丁", 60.0, json!({})),
    ];
    let ranking = Engine::new(&quota).rank(&cohort(&quota, &list));
    let kept = ranking.officials.iter().find(|o| o.name == "乙").unwrap();
    assert!(
        !kept.quota_demoted && kept.tier == Tier::Good,
        "0.5 of 4 allows 2 good"
    );
    assert_eq!(
        kept.consequences,
        [Consequence::Commendation, Consequence::PromotionPriority]
    );
    let tight = with_quota(0.25);
    let ranking = Engine::new(&tight).rank(&cohort(&tight, &list));
    let demoted = ranking.officials.iter().find(|o| o.name == "乙").unwrap();
    assert!(demoted.quota_demoted && demoted.tier == Tier::FairlyGood && demoted.consequences.is_empty());
}

#[test]
fn the_cohort_file_ranks_as_expected() {
    let rules = RuleSet::default();
    let cohort = Cohort::from_json(&common::read(&common::data("cohort.json")), &rules).unwrap();
    let ranking = Engine::new(&rules).rank(&cohort.officials);
    let expected: Value = serde_json::from_str(&common::read(&common::data("cohort.expected.json"))).unwrap();
    let want: Vec<(String, f64, Tier, usize, bool)> = expected["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let tier = Tier::from_id(o["tier"].as_str().unwrap()).unwrap();
            let name = o["name"].as_str().unwrap().to_string();
            (
                name,
                o["total"].as_f64().unwrap(),
                tier,
                o["rank"].as_u64().unwrap() as usize,
                o["honour"] == true,
            )
        })
        .collect();
    assert_eq!(lines(&ranking), want);
}
