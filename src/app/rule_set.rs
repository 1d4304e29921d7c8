//! The default rule set at the page's start: read by the engine's field-by-field reader
//! (`engine::rules_read`) but not validated again — `rules/default.json` is validated by the
//! engine's own tests. Custom rule sets go through `RuleSet::from_json` (read, then validated).

use crate::engine::rules::DEFAULT_RULES_JSON;
use crate::engine::rules_read;
use crate::engine::RuleSet;

/// The default rule set (`rules/default.json`).
pub fn default_rules() -> RuleSet {
    rules_read::parse(DEFAULT_RULES_JSON).expect("rules/default.json decodes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rules_read_the_same_as_the_engine_reads_them() {
        assert_eq!(default_rules(), RuleSet::default());
    }

    #[test]
    fn bad_rules_are_refused() {
        let mut value = serde_json::to_value(default_rules()).unwrap();
        value["dimensions"]["weights"]["unit"] = serde_json::json!(0.5);
        let errors = RuleSet::from_json(&value.to_string()).unwrap_err();
        assert!(
            errors.iter().any(|e| e.path.starts_with("dimensions")),
            "{errors}"
        );
        value["extra"] = serde_json::json!(1);
        value["grading"]["factor_max"] = serde_json::json!("5");
        let errors = RuleSet::from_json(&value.to_string()).unwrap_err();
        assert!(errors.to_string().contains("extra: unknown field"), "{errors}");
        assert!(errors.iter().any(|e| e.path == "grading.factor_max"), "{errors}");
    }
}
