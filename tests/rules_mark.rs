//! The mark of the rules a file was written under (`"rules": {"name", "version", "hash"}`):
//! optional, informational, read alike by the fast path and the walk, and a malformed mark is
//! refused with its field path like any other error.

mod common;

use dongliang::engine::{fast, Cohort, Dossier, Engine, RuleSet, RulesMark};
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_str(&common::read(&common::data("examples/01-complete-good.json"))).unwrap()
}

fn errors_of(text: &str, rules: &RuleSet) -> Vec<String> {
    let errors = match serde_json::from_str::<Value>(text).unwrap().get("officials") {
        Some(_) => Cohort::from_json(text, rules).unwrap_err(),
        None => Dossier::from_json(text, rules).unwrap_err(),
    };
    errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn a_marked_dossier_reads_back_with_its_mark_and_evaluates_as_unmarked() {
    let rules = RuleSet::default();
    let plain = Dossier::from_value(&example(), &rules).unwrap();
    let mut marked = plain.clone();
    marked.rules = Some(RulesMark::of(&rules));
    let text = serde_json::to_string_pretty(&marked).unwrap();
    assert!(text.starts_with("{\n  \"rules\": {\n    \"name\": "), "{text}");
    assert_eq!(Dossier::from_json(&text, &rules), Ok(marked.clone()));
    assert_eq!(fast::dossier(&text, &rules), Some(marked.clone()));
    let walked = Dossier::from_value(&serde_json::from_str(&text).unwrap(), &rules);
    assert_eq!(walked, Ok(marked.clone()));
    let engine = Engine::new(&rules);
    assert_eq!(engine.evaluate(&marked), engine.evaluate(&plain));
    assert!(!RulesMark::of(&rules).differs_from(&rules.content_hash()));
    assert!(RulesMark::of(&rules).differs_from("sha256:0000000000000000"));
}

#[test]
fn a_marked_cohort_reads_back_by_both_paths_with_the_mark_first_or_last() {
    let rules = RuleSet::default();
    let mut cohort = dongliang::engine::demo::cohort(7, 6, 2023);
    cohort.rules = Some(RulesMark {
        name: "另一套规则".into(),
        version: "2.0".into(),
        hash: "sha256:0123456789abcdef".into(),
    });
    let first = serde_json::to_string(&cohort).unwrap();
    assert!(first.starts_with(r#"{"rules":{"name":"另一套规则""#), "{first}");
    let officials = serde_json::to_string(&cohort.officials).unwrap();
    let mark = serde_json::to_string(&cohort.rules).unwrap();
    let last = format!(r#"{{"officials": {officials}, "rules": {mark}}}"#);
    for text in [&first, &last, &serde_json::to_string_pretty(&cohort).unwrap()] {
        assert_eq!(fast::cohort(text, &rules), Some(cohort.clone()), "{text}");
        assert_eq!(Cohort::from_json(text, &rules), Ok(cohort.clone()));
        let value = serde_json::from_str(text).unwrap();
        assert_eq!(Cohort::from_value(&value, &rules), Ok(cohort.clone()));
    }
    // In pieces, as the CLI reads a large cohort.
    for pieces in 1..4 {
        let read = fast::cohort_in_pieces(&first, &rules, pieces, |d| d);
        assert_eq!(read, Some(cohort.officials.clone()));
    }
    // An empty cohort, a null mark.
    let empty = r#"{"rules": null, "officials": []}"#;
    assert_eq!(Cohort::from_json(empty, &rules), Ok(Cohort::default()));
}

#[test]
fn a_malformed_mark_is_refused_naming_the_field() {
    let rules = RuleSet::default();
    let mut d = example();
    d["rules"] = json!({"name": "默认规则", "version": 1, "date": "2024-01-01"});
    assert_eq!(
        errors_of(&d.to_string(), &rules),
        [
            "rules.date: unknown field",
            "rules.version: expected a string, found a number",
            "rules.hash: is required",
        ]
    );
    d["rules"] = json!("sha256:0123456789abcdef");
    assert_eq!(
        errors_of(&d.to_string(), &rules),
        ["rules: expected an object, found a string"]
    );
    d["rules"] = json!({"name": "x", "version": "1", "hash": null});
    assert_eq!(
        errors_of(&d.to_string(), &rules),
        ["rules.hash: expected a string, found null"]
    );
    let cohort = json!({"rules": {"name": "x", "version": "1"}, "officials": [example()]});
    assert_eq!(
        errors_of(&cohort.to_string(), &rules),
        ["rules.hash: is required"]
    );
    let mut official = example();
    official["rules"] = json!({"name": "x", "version": "1", "hash": "h", "extra": 1});
    let cohort = json!({"officials": [example(), official]});
    assert_eq!(
        errors_of(&cohort.to_string(), &rules),
        ["officials[1].rules.extra: unknown field"]
    );
    // Unknown keys are still errors, beside a good mark too.
    let cohort = json!({"rules": RulesMark::of(&rules), "officials": [], "rule": 1});
    assert_eq!(errors_of(&cohort.to_string(), &rules), ["rule: unknown field"]);
}
