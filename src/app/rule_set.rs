//! The rule set in the browser, read by the engine's field-by-field reader
//! (`engine::rules_read`) rather than serde's derived decoders, which cost about 70 KB of wasm
//! (and `serde_path_to_error` would double that); then the engine's full semantic validation.
//! Every structural problem of a custom rule set (wrong type, unknown or missing field) is
//! reported with its field path.

use crate::engine::rules::DEFAULT_RULES_JSON;
use crate::engine::rules_check::validate;
use crate::engine::rules_read;
use crate::engine::{FieldErrors, RuleSet};

/// The default rule set (`rules/default.json`, validated by the engine's own tests).
pub fn default_rules() -> RuleSet {
    rules_read::parse(DEFAULT_RULES_JSON).expect("rules/default.json decodes")
}

/// Reads and validates a rule set.
pub fn rules_from_json(text: &str) -> Result<RuleSet, FieldErrors> {
    let rules = rules_read::parse(text)?;
    validate(&rules)?;
    Ok(rules)
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
        let errors = rules_from_json(&value.to_string()).unwrap_err();
        assert!(
            errors.iter().any(|e| e.path.starts_with("dimensions")),
            "{errors}"
        );
        value["extra"] = serde_json::json!(1);
        value["grading"]["factor_max"] = serde_json::json!("5");
        let errors = rules_from_json(&value.to_string()).unwrap_err();
        assert!(errors.to_string().contains("extra: unknown field"), "{errors}");
        assert!(errors.iter().any(|e| e.path == "grading.factor_max"), "{errors}");
    }
}
