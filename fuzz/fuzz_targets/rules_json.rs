//! Any bytes as a rule set: parsing and validation never panic, and a rule set that validates
//! evaluates the worked example without panicking.
#![no_main]

use dongliang::engine::{Dossier, Engine, RuleSet};
use libfuzzer_sys::fuzz_target;

const EXAMPLE: &str = include_str!("../../tests/data/bench/01-complete-good.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(rules) = RuleSet::from_json(text) {
        if let Ok(dossier) = Dossier::from_json(EXAMPLE, &rules) {
            let engine = Engine::new(&rules);
            let _ = engine.evaluate_traced(&dossier);
            let _ = engine.rank(&[dossier.clone(), dossier]);
        }
    }
});
