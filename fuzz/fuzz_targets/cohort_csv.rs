//! Any bytes as a cohort CSV: import never panics, and an imported cohort ranks and writes
//! back to CSV that reads again to the same cohort.
#![no_main]

use dongliang::engine::{csv, Engine, RuleSet};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::default)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rules = rules();
    if let Ok(cohort) = csv::read(text, rules) {
        let _ = Engine::new(rules).rank(&cohort.officials);
        let written = csv::write(&cohort.officials);
        let again = csv::read(&written, rules).expect("written CSV reads again");
        assert_eq!(again, cohort);
    }
});
