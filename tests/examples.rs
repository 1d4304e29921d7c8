//! The worked examples of `tests/data/examples/`: the spec's three (§11) and our own
//! hand-computed cases, each evaluated under the default rules and compared with its
//! `.expected.json` (the hand computation is in its `_why` field).

mod common;

use dongliang::engine::text::round2;
use dongliang::engine::{Engine, RuleSet};

#[test]
fn every_example_matches_its_expected_file() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let examples = common::examples();
    assert!(examples.len() >= 13, "{} examples", examples.len());
    let mut failures = Vec::new();
    for example in &examples {
        let result = engine.evaluate(&example.dossier(&rules));
        let actual = serde_json::to_value(&result).unwrap();
        failures.extend(common::mismatches(&example.name, &actual, &example.expected));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_expected_file_states_the_figures_the_spec_requires() {
    for example in common::examples() {
        for key in ["total", "tier", "vetoed", "projected", "consequences"] {
            assert!(example.expected.get(key).is_some(), "{}: no {key}", example.name);
        }
        let number: u32 = example.name[..2].parse().unwrap();
        if number > 3 {
            assert!(
                example.expected.get("_why").is_some(),
                "{}: no _why",
                example.name
            );
        }
    }
}

#[test]
fn every_example_is_internally_consistent() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    for example in common::examples() {
        let dossier = example.dossier(&rules);
        let result = engine.evaluate(&dossier);
        let name = &example.name;
        assert_eq!(result.total, round2(result.raw.max(0.0)), "{name}");
        assert_eq!(result.uncapped_tier, engine.tier_for(result.total), "{name}");
        assert_eq!(
            result.tier,
            engine.capped(result.uncapped_tier, result.vetoed),
            "{name}"
        );
        assert_eq!(result.projected, !result.assumed.is_empty(), "{name}");
        let p = result.parts;
        let sum = p.unit + p.pledges + p.multi + p.bonus - p.deduction;
        assert!(
            (sum - result.raw).abs() <= 0.025,
            "{name}: parts {sum} vs raw {}",
            result.raw
        );
        let what_if = engine.what_if(&dossier);
        assert_eq!(
            result.next_tier.map(|n| n.points),
            what_if.points_to_next,
            "{name}"
        );
        assert_eq!(result.margin, what_if.margin, "{name}");
        let score = engine.score(&dossier);
        assert_eq!(
            (score.total, score.tier, score.vetoed),
            (result.total, result.tier, result.vetoed)
        );
    }
}

#[test]
fn the_spec_example_01_by_hand() {
    let rules = RuleSet::default();
    let example = common::examples()
        .into_iter()
        .find(|e| e.name.starts_with("01-"))
        .unwrap();
    let result = Engine::new(&rules).evaluate(&example.dossier(&rules));
    let scores: Vec<f64> = result.pledges.iter().map(|p| p.score).collect();
    assert_eq!(scores, [93.0, 92.5, 85.5]);
    assert!((result.dimensions.pledges - 271.0 / 3.0).abs() < 1e-9);
    let multi = 0.4 * 1300.0 / 14.0 + 0.2 * 92.0 + 0.25 * 5100.0 / 56.0 + 0.15 * 90.0;
    assert!((result.dimensions.multi - multi).abs() < 1e-9);
    assert!((result.raw - (27.6 + 0.4 * 271.0 / 3.0 + 0.3 * multi + 4.0)).abs() < 1e-9);
    assert_eq!(result.total, 95.28);
}

#[test]
fn the_spec_examples_02_and_03_by_hand() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    let examples = common::examples();
    let find = |prefix: &str| examples.iter().find(|e| e.name.starts_with(prefix)).unwrap();

    // B [86,90,·,·] → 88 × 0.9 = 79.2; A [94,·,·,·] → 94; 4+4+4 → A, all null → 80;
    // unit assumed 95, multi 85, bonus 6 → cap 5, N9 −2, N7 vetoes: 28.5 + 33.76 + 25.5 + 5 − 2.
    let midyear = engine.evaluate(&find("02-").dossier(&rules));
    let scores: Vec<f64> = midyear.pledges.iter().map(|p| round2(p.score)).collect();
    assert_eq!(scores, [79.2, 94.0, 80.0]);
    assert_eq!((midyear.parts.bonus, midyear.parts.deduction), (5.0, 2.0));
    assert_eq!(midyear.uncapped_tier, dongliang::engine::Tier::Good);

    // C 80 × 0.8, C 80 × 0.8, B 82.5 × 0.9 → 67.4166…; leaders 1020/14, staff 3700/50;
    // 23.4 + 26.9666… + 21.9890… − 1 = 71.3556… → 71.36.
    let average = engine.evaluate(&find("03-").dossier(&rules));
    let multi = (0.4 * 1020.0 / 14.0 + 0.25 * 74.0) / 0.65;
    assert!((average.dimensions.multi - multi).abs() < 1e-9);
    assert!((average.raw - (23.4 + 0.4 * 202.25 / 3.0 + 0.3 * multi - 1.0)).abs() < 1e-9);
    assert_eq!(average.consecutive_years, 2);
}
