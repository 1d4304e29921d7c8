//! Bad input (spec §9): every invalid dossier of `tests/data/invalid/` is rejected with exactly
//! the error lines of its `.errors.txt`, all problems collected; cohorts name the official;
//! rule sets edited from the default are rejected with the field path; errors serialize with
//! `path` and a `type` tag.

mod common;

use common::{error_lines, rules_value_with};
use dongliang::engine::{Cohort, Dossier, FieldError, Lang, Problem, RuleSet};
use serde_json::{json, Value};

fn invalid_files() -> Vec<(String, String, Vec<String>)> {
    let dir = common::data("invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let errors = common::read(&dir.join(format!("{name}.errors.txt")));
            let lines = errors.lines().map(str::to_string).collect();
            (name, common::read(&path), lines)
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_invalid_dossier_gives_exactly_its_expected_errors() {
    let rules = RuleSet::default();
    let cases = invalid_files();
    assert!(cases.len() >= 20, "{} invalid files", cases.len());
    let mut failures = Vec::new();
    for (name, text, expected) in &cases {
        match Dossier::from_json(text, &rules) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(errors) => {
                let got = error_lines(&errors);
                if &got != expected {
                    failures.push(format!("{name}:\n  got      {got:#?}\n  expected {expected:#?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_dossier_with_several_problems_lists_each() {
    let (_, text, expected) = invalid_files()
        .into_iter()
        .find(|(name, ..)| name == "several-problems")
        .unwrap();
    let errors = Dossier::from_json(&text, &RuleSet::default()).unwrap_err();
    assert_eq!(errors.len(), expected.len());
    assert!(errors.len() >= 10);
    let paths: std::collections::HashSet<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths.len(), errors.len(), "one error per path");
}

#[test]
fn each_bad_value_is_rejected_on_its_own() {
    let base = common::complete();
    let cases: &[(&str, Value, &str)] = &[
        (
            "/unit_score",
            json!(100.0001),
            "unit_score: 100.0001 is out of range 0–100",
        ),
        (
            "/unit_score",
            json!(-0.01),
            "unit_score: -0.01 is out of range 0–100",
        ),
        (
            "/pledges/2/quarters/3",
            json!(104),
            "pledges[2].quarters[3]: 104 is out of range 0–100",
        ),
        (
            "/votes/district_leaders/good",
            json!(1.5),
            "votes.district_leaders.good: 1.5 is not a whole number",
        ),
        (
            "/votes/district_leaders/good",
            json!(-1),
            "votes.district_leaders.good: -1 is out of range 0–1000000",
        ),
        (
            "/votes/district_leaders/good",
            json!(1000001),
            "votes.district_leaders.good: 1000001 is out of range 0–1000000",
        ),
        (
            "/votes/district_leaders/good",
            json!("9"),
            "votes.district_leaders.good: expected a whole number, found a string",
        ),
        (
            "/pledges/0/area",
            json!("party"),
            "pledges[0].area: “party” is not one of party_building, innovation, key_work",
        ),
        (
            "/pledges/0/grade",
            json!("A+"),
            "pledges[0].grade: “A+” is not one of A, B, C",
        ),
        (
            "/pledges/0/quarters",
            json!([90, 90, 90, 90, null]),
            "pledges[0].quarters: has 5 entries; exactly 4 are required",
        ),
        (
            "/pledges/0/quarters",
            json!(null),
            "pledges[0].quarters: is required",
        ),
        (
            "/pledges",
            json!({}),
            "pledges: expected an array, found an object",
        ),
        ("/pledges", json!([]), "pledges: has 0 entries; 1–10 are allowed"),
        (
            "/political_quality",
            json!("unknown"),
            "political_quality: “unknown” is not one of qualified, unqualified",
        ),
        (
            "/history",
            json!(["good", "bad"]),
            "history[1]: “bad” is not one of good, fairly_good, average, poor",
        ),
        (
            "/assumptions",
            json!({"multi_score": 101}),
            "assumptions.multi_score: 101 is out of range 0–100",
        ),
        (
            "/assumptions",
            json!([]),
            "assumptions: expected an object, found an array",
        ),
        (
            "/positive",
            json!([{"item": "P1", "count": 1.5}]),
            "positive[0].count: 1.5 is not a whole number",
        ),
        (
            "/negative",
            json!([{"item": "N13", "tolerated": true}]),
            "negative[0].tolerated: “N13” is a veto item and cannot be tolerated",
        ),
        (
            "/negative",
            json!([{"item": "N1", "tolerated": true}]),
            "negative[0].tolerated: “N1” is a veto item and cannot be tolerated",
        ),
        (
            "/negative",
            json!([{"item": 12}]),
            "negative[0].item: expected a string, found a number",
        ),
        (
            "/name",
            json!("x".repeat(101)),
            "name: is longer than 100 characters",
        ),
    ];
    let rules = RuleSet::default();
    for (pointer, value, expected) in cases {
        let mut dossier = base.clone();
        match dossier.pointer_mut(pointer) {
            Some(slot) => *slot = value.clone(),
            None => dossier[&pointer[1..]] = value.clone(),
        }
        let errors = Dossier::from_value(&dossier, &rules).expect_err(pointer);
        assert_eq!(error_lines(&errors), [*expected], "{pointer} = {value}");
    }
}

#[test]
fn ten_pledges_and_boundary_values_are_accepted() {
    let rules = RuleSet::default();
    let pledge = json!({"area": "key_work", "grade": "A", "quarters": [0, 100, null, 0.5]});
    let mut value = common::complete();
    value["pledges"] = json!(vec![pledge; 10]);
    value["unit_score"] = json!(0);
    value["votes"] = json!({"public": {"good": 1000000, "poor": 0}});
    value["positive"] = json!([{"item": "P1", "count": 10}, {"item": "P2", "count": 1}]);
    value["negative"] = json!([{"item": "N2", "tolerated": true}, {"item": "N1", "tolerated": false}]);
    value["year"] = json!(2100);
    value["assumptions"] = json!({"quarter_score": null, "unit_score": 100, "multi_score": 0});
    let dossier = Dossier::from_value(&value, &rules).unwrap();
    assert_eq!(dossier.pledges.len(), 10);
    for factors in [
        json!({"difficulty": 1, "innovation": 1, "contribution": 1}),
        json!({"difficulty": 5, "innovation": 5, "contribution": 5}),
    ] {
        let mut value = common::complete();
        value["pledges"][0] = json!({"area": "key_work", "factors": factors, "quarters": [90, 90, 90, 90]});
        assert!(Dossier::from_value(&value, &rules).is_ok(), "{factors}");
    }
}

#[test]
fn malformed_json_reports_where() {
    let rules = RuleSet::default();
    let cases = [
        (
            "",
            "malformed JSON at line 1, column 0: EOF while parsing a value",
        ),
        (
            "{",
            "malformed JSON at line 1, column 1: EOF while parsing an object",
        ),
        (
            "{\"unit_score\": 90,}",
            "malformed JSON at line 1, column 19: trailing comma",
        ),
        ("{} {}", "malformed JSON at line 1, column 4: trailing characters"),
        (
            "{\"unit_score\": NaN}",
            "malformed JSON at line 1, column 16: expected value",
        ),
    ];
    for (text, expected) in cases {
        let errors = Dossier::from_json(text, &rules).unwrap_err();
        assert_eq!(error_lines(&errors), [expected], "{text:?}");
        assert_eq!(errors.iter().next().unwrap().path, "");
        let errors = Cohort::from_json(text, &rules).unwrap_err();
        assert_eq!(error_lines(&errors), [expected], "cohort {text:?}");
    }
}

#[test]
fn a_cohort_names_the_official_of_each_problem() {
    let rules = RuleSet::default();
    let good = common::complete();
    let mut bad = common::complete();
    bad["unit_score"] = json!(120);
    bad["pledges"][1]["grade"] = json!("Z");
    let text = json!({"officials": [good, bad, 3]}).to_string();
    let errors = Cohort::from_json(&text, &rules).unwrap_err();
    assert_eq!(
        error_lines(&errors),
        [
            "officials[1].unit_score: 120 is out of range 0–100",
            "officials[1].pledges[1].grade: “Z” is not one of A, B, C",
            "officials[2]: expected an object, found a number",
        ]
    );
    let cases = [
        (json!({}), "officials: is required"),
        (
            json!({"officials": {}}),
            "officials: expected an array, found an object",
        ),
        (json!({"officials": [], "year": 2023}), "year: unknown field"),
        (json!([]), "expected an object, found an array"),
    ];
    for (value, expected) in cases {
        let errors = Cohort::from_json(&value.to_string(), &rules).unwrap_err();
        assert_eq!(error_lines(&errors), [expected], "{value}");
    }
    assert!(Cohort::from_json(r#"{"officials": []}"#, &rules)
        .unwrap()
        .officials
        .is_empty());
}

#[test]
fn errors_serialize_with_their_path_and_a_type_tag() {
    let text = common::read(&common::data("invalid/several-problems.json"));
    let errors = Dossier::from_json(&text, &RuleSet::default()).unwrap_err();
    let value = serde_json::to_value(&errors).unwrap();
    let list = value.as_array().expect("a list of errors");
    assert_eq!(list.len(), errors.len());
    for item in list {
        assert!(item["path"].is_string(), "{item}");
        assert!(item["type"].is_string(), "{item}");
    }
    assert_eq!(
        list[1],
        json!({"path": "unit_score", "type": "out_of_range", "value": 100.01, "min": 0.0, "max": 100.0})
    );
    let types: Vec<&str> = list.iter().map(|e| e["type"].as_str().unwrap()).collect();
    for expected in [
        "unknown_field",
        "unknown_value",
        "count",
        "not_integer",
        "duplicate_item",
        "unknown_item",
        "tolerated_veto",
    ] {
        assert!(types.contains(&expected), "{expected} not in {types:?}");
    }
    let back: dongliang::engine::FieldErrors = serde_json::from_value(value).unwrap();
    assert_eq!(back, errors);

    let single = FieldError::new(
        "pledges[1].quarters[2]",
        Problem::OutOfRange {
            value: 101.0,
            min: 0.0,
            max: 100.0,
        },
    );
    assert_eq!(
        single.line(Lang::En),
        "pledges[1].quarters[2]: 101 is out of range 0–100"
    );
    assert_eq!(
        single.line(Lang::Zh),
        "pledges[1].quarters[2]: 101 超出范围 0–100"
    );
    assert_eq!(single.to_string(), single.line(Lang::En));
    let syntax = Dossier::from_json("{", &RuleSet::default()).unwrap_err();
    let value = serde_json::to_value(&syntax).unwrap();
    assert_eq!(value[0]["type"], "syntax");
    assert_eq!(value[0]["path"], "");
}

#[test]
fn every_problem_reads_in_chinese_too() {
    for (_, text, _) in invalid_files() {
        let errors = Dossier::from_json(&text, &RuleSet::default()).unwrap_err();
        for error in errors
            .iter()
            .filter(|e| !matches!(e.problem, Problem::Syntax { .. }))
        {
            let zh = error.line(Lang::Zh);
            assert!(zh.starts_with(&error.path), "{zh}");
            assert!(!zh.contains("expected") && !zh.contains("unknown"), "{zh}");
        }
    }
}

fn rule_set_errors(edits: &[(&str, Value)]) -> Vec<String> {
    let text = rules_value_with(edits).to_string();
    match RuleSet::from_json(&text) {
        Ok(_) => vec![],
        Err(errors) => error_lines(&errors),
    }
}

#[test]
fn the_default_rule_set_is_valid_and_round_trips() {
    let rules = RuleSet::default();
    let text = serde_json::to_string(&rules).unwrap();
    assert_eq!(RuleSet::from_json(&text).unwrap(), rules);
    assert!(rule_set_errors(&[]).is_empty());
}

#[test]
fn invalid_rule_sets_are_rejected_with_the_field_path() {
    let tiers = |good: f64, fairly: f64, average: f64| json!([{"tier": "good", "min": good}, {"tier": "fairly_good", "min": fairly}, {"tier": "average", "min": average}]);
    type Edits<'a> = Vec<(&'a str, Value)>;
    let cases: Vec<(Edits, Vec<&str>)> = vec![
        (
            vec![("/dimensions/weights/unit", json!(0.31))],
            vec!["dimensions.weights: weights sum to 1.01, not 1"],
        ),
        (
            vec![("/dimensions/weights/multi", json!(0.300000002))],
            vec!["dimensions.weights: weights sum to 1.000000002, not 1"],
        ),
        (vec![("/dimensions/weights/multi", json!(0.3000000005))], vec![]),
        (vec![("/dimensions/weights/multi", json!(0.2999999995))], vec![]),
        (
            vec![("/quarters/weights", json!([0.25, 0.25, 0.25, 0.2]))],
            vec!["quarters.weights: weights sum to 0.95, not 1"],
        ),
        (
            vec![("/raters/groups/3/weight", json!(0.2))],
            vec!["raters.groups: weights sum to 1.05, not 1"],
        ),
        (
            vec![("/tiers/thresholds", tiers(90.0, 90.0, 70.0))],
            vec!["tiers.thresholds[1].min: 90 is not below the previous threshold 90"],
        ),
        (
            vec![("/tiers/thresholds", tiers(80.0, 85.0, 70.0))],
            vec!["tiers.thresholds[1].min: 85 is not below the previous threshold 80"],
        ),
        (
            vec![("/tiers/thresholds/0/tier", json!("excellent"))],
            vec!["tiers.thresholds[0].tier: “excellent” is not one of good, fairly_good, average, poor"],
        ),
        (
            vec![("/veto/cap", json!("great"))],
            vec!["veto.cap: “great” is not one of good, fairly_good, average, poor"],
        ),
        (
            vec![("/positive/items/0/points", json!(-2))],
            vec!["positive.items[0].points: must not be negative (-2)"],
        ),
        (
            vec![("/negative/items/1/points", json!(-0.5))],
            vec!["negative.items[1].points: must not be negative (-0.5)"],
        ),
        (
            vec![("/positive/bonus_cap", json!(-1))],
            vec!["positive.bonus_cap: must not be negative (-1)"],
        ),
        (vec![("/positive/bonus_cap", json!(0))], vec![]),
        (
            vec![("/quota/good_quota", json!(1.5))],
            vec!["quota.good_quota: 1.5 is out of range 0–1"],
        ),
        (
            vec![
                ("/positive/bonus_cap", json!(-1)),
                ("/dimensions/weights/unit", json!(0.5)),
            ],
            vec![
                "dimensions.weights: weights sum to 1.2, not 1",
                "positive.bonus_cap: must not be negative (-1)",
            ],
        ),
    ];
    let mut failures = Vec::new();
    for (edits, expected) in &cases {
        let got = rule_set_errors(edits);
        if got != *expected {
            failures.push(format!("{edits:?}:\n  got      {got:?}\n  expected {expected:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_sets_reject_unknown_fields_wrong_types_and_malformed_json() {
    let with_field = |pointer: &str, field: &str| {
        let mut value = common::default_rules_value();
        value.pointer_mut(pointer).unwrap()[field] = json!(1);
        value.to_string()
    };
    let cases = [
        (with_field("", "extra"), "extra: unknown field"),
        (
            with_field("/dimensions/weights", "bonus"),
            "dimensions.weights.bonus: unknown field",
        ),
        (
            with_field("/positive/items/0", "weight"),
            "positive.items[0].weight: unknown field",
        ),
    ];
    for (text, expected) in cases {
        let errors = RuleSet::from_json(&text).unwrap_err();
        let lines = error_lines(&errors);
        assert_eq!(lines, [expected]);
    }
    let wrong = rules_value_with(&[("/positive/bonus_cap", json!("5"))]).to_string();
    let lines = error_lines(&RuleSet::from_json(&wrong).unwrap_err());
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("positive.bonus_cap: "), "{lines:?}");
    let lines = error_lines(&RuleSet::from_json("{\"name\": ").unwrap_err());
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("malformed JSON at line 1"), "{lines:?}");
}

#[test]
fn a_dossier_built_in_code_is_validated_like_json() {
    let rules = RuleSet::default();
    let mut d = Dossier::from_value(&common::complete(), &rules).unwrap();
    assert_eq!(d.validate(&rules), Ok(()));
    d.pledges[1].quarters[2] = Some(101.0);
    d.votes.peers = Some(Default::default());
    let lines = error_lines(&d.validate(&rules).unwrap_err());
    assert_eq!(lines, ["pledges[1].quarters[2]: 101 is out of range 0–100"]);
}

#[test]

fn a_dossier_built_in_code_with_a_non_finite_number_is_invalid() {
    let rules = RuleSet::default();
    let valid = Dossier::from_value(&common::complete(), &rules).unwrap();
    let mut nan_quarter = valid.clone();
    nan_quarter.pledges[0].quarters[0] = Some(f64::NAN);
    let mut infinite_unit = valid.clone();
    infinite_unit.unit_score = Some(f64::INFINITY);
    let mut nan_assumption = valid;
    nan_assumption.assumptions.multi_score = Some(f64::NAN);
    for d in [nan_quarter, infinite_unit, nan_assumption] {
        assert!(d.validate(&rules).is_err(), "{d:?} passes validation");
    }
}
