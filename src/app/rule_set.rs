//! The rule set in the browser, read without `serde_path_to_error`: path tracking doubles the
//! rules decoder and costs about 80 KB of wasm, so the app decodes with plain serde and then
//! runs the engine's full semantic validation. A structural problem in a custom rule set
//! (wrong type, unknown field) is then reported at its line and column instead of its path.

use crate::engine::rules::DEFAULT_RULES_JSON;
use crate::engine::rules_check::validate;
use crate::engine::{FieldError, FieldErrors, Problem, RuleSet};

/// The default rule set (`rules/default.json`, validated by the engine's own tests).
pub fn default_rules() -> RuleSet {
    serde_json::from_str(DEFAULT_RULES_JSON).expect("rules/default.json decodes")
}

/// Reads and validates a rule set.
pub fn rules_from_json(text: &str) -> Result<RuleSet, FieldErrors> {
    let rules: RuleSet = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        let problem = Problem::Syntax {
            line: e.line(),
            column: e.column(),
            message,
        };
        FieldErrors(vec![FieldError::new("", problem)])
    })?;
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
        let errors = rules_from_json(&value.to_string()).unwrap_err();
        assert!(errors.to_string().contains("unknown field"), "{errors}");
    }
}
