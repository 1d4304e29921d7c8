//! Any bytes as a dossier: parsing and validation never panic, and whatever validates is
//! evaluated, explained and analysed without panicking, within the total's bounds.
#![no_main]

use dongliang::engine::{Dossier, Engine, RuleSet};
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
    if let Ok(dossier) = Dossier::from_json(text, rules) {
        let engine = Engine::new(rules);
        let result = engine.evaluate_traced(&dossier);
        assert!(result.total >= 0.0 && result.total <= 100.0 + rules.positive.bonus_cap);
        let _ = engine.what_if(&dossier);
    }
});
