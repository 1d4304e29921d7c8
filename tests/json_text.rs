//! `text::indent_json` lays compact JSON out exactly as `serde_json::to_string_pretty` does.

use dongliang::engine::text::indent_json;
use dongliang::engine::{demo, RuleSet};
use serde::Serialize;

fn same_as_serde<T: Serialize>(value: &T) {
    let compact = serde_json::to_string(value).unwrap();
    assert_eq!(
        indent_json(&compact),
        serde_json::to_string_pretty(value).unwrap()
    );
}

#[test]
fn dossiers_cohorts_and_rules_indent_as_serde_json_does() {
    let cohort = demo::cohort(7, 98, 2023);
    same_as_serde(&cohort.officials);
    same_as_serde(&cohort.officials[0]);
    same_as_serde(&RuleSet::default());
}

#[test]
fn strings_with_brackets_quotes_and_escapes_are_left_alone() {
    let value = serde_json::json!({
        "name": "a \"quoted\" {name}, [with] : commas\\",
        "empty_list": [],
        "empty_object": {},
        "nested": [[1, 2.5, -0.1], {"k": null, "t": true}],
        "unicode": "栋梁\u{1F600}\n\t",
        "big": 1.0e300,
        "tiny": 5e-324
    });
    same_as_serde(&value);
}

#[test]
fn scalars_and_empty_input_pass_through() {
    same_as_serde(&42);
    same_as_serde(&"text");
    assert_eq!(indent_json(""), "");
}
