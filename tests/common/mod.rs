//! Helpers shared by the integration tests: data-file paths, the worked examples with their
//! expected files, dossiers from JSON values and rule-set variants edited from the default.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dongliang::engine::rules::DEFAULT_RULES_JSON;
use dongliang::engine::text::round2;
use dongliang::engine::{Change, Dossier, Engine, Lang, RuleSet, Tier};
use serde_json::{json, Value};

pub const TOLERANCE: f64 = 0.005;

pub fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(relative)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One worked example: `NN-name.json` and its `NN-name.expected.json`.
pub struct Example {
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    pub expected: Value,
}

impl Example {
    pub fn dossier(&self, rules: &RuleSet) -> Dossier {
        Dossier::from_json(&self.text, rules).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }
}

pub fn examples() -> Vec<Example> {
    let dir = data("examples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let expected_path = dir.join(format!("{name}.expected.json"));
            let expected = serde_json::from_str(&read(&expected_path)).unwrap();
            Example {
                text: read(&path),
                name,
                path,
                expected,
            }
        })
        .collect()
}

fn close(actual: &Value, expected: &Value) -> bool {
    match (actual.as_f64(), expected.as_f64()) {
        (Some(a), Some(e)) => (a - e).abs() <= TOLERANCE,
        _ => false,
    }
}

/// The fields of `expected` (except `_why` notes) that `actual` does not match: numbers of
/// `total` and `parts` within ±0.005, everything else exactly.
pub fn mismatches(name: &str, actual: &Value, expected: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (key, want) in expected.as_object().expect("expected file is an object") {
        if key.starts_with('_') {
            continue;
        }
        let got = &actual[key];
        let ok = match key.as_str() {
            "total" => close(got, want),
            "parts" => want
                .as_object()
                .unwrap()
                .iter()
                .all(|(part, value)| close(&got[part], value)),
            _ => got == want,
        };
        if !ok {
            out.push(format!("{name}: {key} is {got}, expected {want}"));
        }
    }
    out
}

/// A valid dossier from a JSON value; panics with the error lines otherwise.
pub fn dossier_with(value: Value, rules: &RuleSet) -> Dossier {
    Dossier::from_value(&value, rules).unwrap_or_else(|e| panic!("{e}\n{value:#}"))
}

pub fn dossier(value: Value) -> Dossier {
    dossier_with(value, &RuleSet::default())
}

/// A complete dossier: unit 90, three A pledges at 90, district leaders 9 good + 1 fairly good
/// (98), so raw = 27 + 36 + 29.4 = 92.4.
pub fn complete() -> Value {
    json!({
        "name": "基准",
        "unit_score": 90,
        "pledges": [
            {"area": "party_building", "grade": "A", "quarters": [90, 90, 90, 90]},
            {"area": "innovation", "grade": "A", "quarters": [90, 90, 90, 90]},
            {"area": "key_work", "grade": "A", "quarters": [90, 90, 90, 90]}
        ],
        "votes": {"district_leaders": {"good": 9, "fairly_good": 1}}
    })
}

/// A dossier whose three dimensions are all `score` (the multi dimension assumed), so its
/// total is `score` plus what `extra` adds.
pub fn scoring(name: &str, score: f64, extra: Value) -> Value {
    let mut value = json!({
        "name": name,
        "unit_score": score,
        "pledges": [
            {"area": "party_building", "grade": "A", "quarters": [score, score, score, score]},
            {"area": "innovation", "grade": "A", "quarters": [score, score, score, score]},
            {"area": "key_work", "grade": "A", "quarters": [score, score, score, score]}
        ],
        "assumptions": {"multi_score": score}
    });
    if let (Some(map), Some(extra)) = (value.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            map.insert(k.clone(), v.clone());
        }
    }
    value
}

/// The default rule set's JSON value.
pub fn default_rules_value() -> Value {
    serde_json::from_str(DEFAULT_RULES_JSON).unwrap()
}

/// The default rule set's JSON with each `(JSON pointer, value)` replaced.
pub fn rules_value_with(edits: &[(&str, Value)]) -> Value {
    let mut value = default_rules_value();
    for (pointer, new) in edits {
        *value
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("no {pointer} in the default rules")) = new.clone();
    }
    value
}

/// A valid rule set: the default with the edits made.
pub fn rules_with(edits: &[(&str, Value)]) -> RuleSet {
    let text = rules_value_with(edits).to_string();
    RuleSet::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

pub fn error_lines(errors: &dongliang::engine::FieldErrors) -> Vec<String> {
    errors.iter().map(|e| e.line(Lang::En)).collect()
}

/// Every way the what-if report of `dossier` disagrees with re-evaluating the changed dossier:
/// scenarios, quarter targets (the lowest score to 2 decimals, checked at score − 0.01),
/// points to the next tier and the lifts (each lifts the tier; sorted by size, then delta).
pub fn what_if_problems(engine: &Engine, dossier: &Dossier) -> Vec<String> {
    use dongliang::engine::whatif::Reach;
    let rules = engine.rules;
    let report = engine.what_if(dossier);
    let base = engine.score(dossier);
    let mut problems = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            problems.push(what);
        }
    };
    let changed = |changes: &[Change]| {
        let mut d = dossier.clone();
        for c in changes {
            c.apply(&mut d);
        }
        engine.score(&d)
    };
    check(
        (report.total, report.tier) == (base.total, base.tier),
        "base".into(),
    );
    let lists = [&report.regrades, &report.claims, &report.incurs, &report.lifts];
    for scenario in lists.into_iter().flatten() {
        let score = changed(&scenario.changes);
        let got = (scenario.total, scenario.tier, scenario.vetoed, scenario.delta);
        let want = (
            score.total,
            score.tier,
            score.vetoed,
            round2(score.total - base.total),
        );
        check(
            got == want,
            format!("{:?}: {got:?}, re-evaluated {want:?}", scenario.changes),
        );
        check(
            scenario.tier_changed == (score.tier != base.tier),
            format!("{:?}: tier_changed", scenario.changes),
        );
    }
    for lift in &report.lifts {
        let score = changed(&lift.changes);
        check(
            score.tier.is_better_than(base.tier),
            format!("lift {:?} → {}", lift.changes, score.tier),
        );
        check(
            !lift.changes.is_empty() && lift.changes.len() <= 2,
            format!("lift {:?}", lift.changes),
        );
        if let Some(Change::RemainingQuarters { score }) = lift.changes.last() {
            let mut lower = lift.changes.clone();
            lower.pop();
            lower.push(Change::RemainingQuarters {
                score: round2(score - 0.01),
            });
            let lifts = changed(&lower).tier.is_better_than(base.tier);
            check(
                *score < 0.01 || !lifts,
                format!("lift {:?} also lifts at {}", lift.changes, score - 0.01),
            );
        }
    }
    let keys: Vec<(usize, f64)> = report.lifts.iter().map(|s| (s.changes.len(), s.delta)).collect();
    check(
        keys.windows(2)
            .all(|w| w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 <= w[1].1)),
        format!("lifts not sorted: {keys:?}"),
    );

    let unscored = dossier
        .pledges
        .iter()
        .flat_map(|p| p.quarters)
        .filter(Option::is_none)
        .count();
    check(report.unscored_quarters == unscored, "unscored_quarters".into());
    let better: Vec<Tier> = Tier::ALL
        .iter()
        .copied()
        .filter(|t| t.is_better_than(base.tier))
        .collect();
    let targets: Vec<Tier> = report.quarter_targets.iter().map(|t| t.tier).collect();
    check(
        targets == better,
        format!("targets {targets:?}, better tiers {better:?}"),
    );
    let reaches = |score: f64, tier: Tier| {
        let s = changed(&[Change::RemainingQuarters { score }]);
        !tier.is_better_than(s.tier)
    };
    for target in &report.quarter_targets {
        let tier = target.tier;
        match (target.reach, target.score) {
            (Reach::Reachable, Some(score)) => {
                check(
                    (0.0..=100.0).contains(&score) && round2(score) == score,
                    format!("{tier}: score {score}"),
                );
                check(reaches(score, tier), format!("{tier}: {score} does not reach it"));
                if score >= 0.01 {
                    let lower = round2(score - 0.01);
                    check(
                        !reaches(lower, tier),
                        format!("{tier}: {lower} reaches it too (reported {score})"),
                    );
                }
            }
            (Reach::Unreachable, None) => check(!reaches(100.0, tier), format!("{tier}: 100 reaches it")),
            (Reach::CappedByVeto, None) => check(
                base.vetoed && tier.is_better_than(engine.cap()),
                format!("{tier}: capped"),
            ),
            (Reach::NoUnscoredQuarters, None) => check(unscored == 0, format!("{tier}: no unscored")),
            other => check(false, format!("{tier}: {other:?}")),
        }
    }

    let next = base
        .tier
        .next_up()
        .filter(|t| !(base.vetoed && t.is_better_than(engine.cap())));
    check(
        report.next_tier == next,
        format!("next tier {:?}, expected {next:?}", report.next_tier),
    );
    let points = next.map(|t| round2(rules.threshold(t) - base.total));
    check(
        report.points_to_next == points,
        format!("points_to_next {:?} ≠ {points:?}", report.points_to_next),
    );
    let margin = round2(base.total - rules.threshold(base.tier));
    check(
        report.margin == margin,
        format!("margin {} ≠ {margin}", report.margin),
    );
    if next.is_none() {
        check(report.lifts.is_empty(), "lifts without a next tier".into());
    }
    problems
}

/// Proptest's configuration for a property test: `cases` cases unless `PROPTEST_CASES` asks
/// for another number, and no failure files written into the tree.
pub fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    let default = proptest::test_runner::Config::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() {
        default.cases
    } else {
        cases
    };
    proptest::test_runner::Config {
        cases,
        failure_persistence: None,
        ..default
    }
}

/// The default rule set, made once per test binary.
pub fn default_rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(RuleSet::default)
}
