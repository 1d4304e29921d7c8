//! Snapshots (`tests/snapshots/`) of the traced assessment and the what-if report of every
//! worked example, so any change to a figure, a step of the explanation or a scenario shows
//! up in review. Regenerate with `INSTA_UPDATE=always cargo test --test snapshots`.

mod common;

use dongliang::engine::{Engine, RuleSet};

#[test]
fn traced_assessments_of_the_examples() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    for example in common::examples() {
        let result = engine.evaluate_traced(&example.dossier(&rules));
        insta::assert_json_snapshot!(format!("evaluate_traced-{}", example.name), result);
    }
}

#[test]
fn what_if_reports_of_the_spec_examples() {
    let rules = RuleSet::default();
    let engine = Engine::new(&rules);
    for example in common::examples().iter().filter(|e| e.name.as_str() < "04") {
        let report = engine.what_if(&example.dossier(&rules));
        insta::assert_json_snapshot!(format!("what_if-{}", example.name), report);
    }
}
