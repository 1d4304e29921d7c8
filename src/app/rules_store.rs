//! The rule set in force, kept in `localStorage` across reloads while it differs from the
//! default (`{"schema": 1, "rules": {…}}`), so that the dossiers saved under it read back under
//! it. Text that cannot be read is set aside under its own key: the app then starts with the
//! default rules and says why.

use std::rc::Rc;

use serde_json::Value;

use super::storage::{local, read, Unreadable, SCHEMA};
use crate::engine::RuleSet;

const RULES_KEY: &str = "dongliang.rules";
const CORRUPT_KEY: &str = "dongliang.rules.corrupt";

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum KeptRules {
    /// Nothing kept: the default rules are in force.
    Default,
    Kept(Box<RuleSet>),
    Corrupt {
        text: Rc<String>,
        why: Unreadable,
    },
}

/// The stored text of `rules`.
pub fn encode(rules: &RuleSet) -> String {
    let rules = serde_json::to_string(rules).unwrap_or_default();
    format!("{{\"schema\":{SCHEMA},\"rules\":{rules}}}")
}

/// Reads stored text, checking the schema version and validating the rule set.
pub fn decode(text: &str) -> Result<RuleSet, Unreadable> {
    let value: Value = serde_json::from_str(text).map_err(|e| Unreadable::Layout(e.to_string()))?;
    match value.get("schema").and_then(Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA) => {}
        Some(v) => return Err(Unreadable::Schema(u32::try_from(v).unwrap_or(u32::MAX))),
        None => return Err(Unreadable::Layout("schema".into())),
    }
    let rules = value
        .get("rules")
        .ok_or_else(|| Unreadable::Layout("rules".into()))?;
    RuleSet::from_json(&rules.to_string()).map_err(Unreadable::Rules)
}

/// The rules kept in this browser; unreadable text is copied aside first.
pub fn load() -> KeptRules {
    match read(RULES_KEY, CORRUPT_KEY, decode) {
        None => KeptRules::Default,
        Some(Ok(rules)) => KeptRules::Kept(Box::new(rules)),
        Some(Err((text, why))) => KeptRules::Corrupt { text, why },
    }
}

/// The content hash of the default rule set (computed once).
pub fn default_hash() -> Rc<str> {
    thread_local! {
        static HASH: Rc<str> = super::rule_set::default_rules().content_hash().into();
    }
    HASH.with(Rc::clone)
}

/// Keeps `rules` (whose content hash is `hash`) in force across reloads, or forgets them when
/// they are the default; `false` when the browser refuses.
pub fn save(rules: &RuleSet, hash: &str) -> bool {
    let Some(storage) = local() else {
        return false;
    };
    if *default_hash() == *hash {
        storage.remove_item(RULES_KEY).is_ok()
    } else {
        storage.set_item(RULES_KEY, &encode(rules)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Lang;

    #[test]
    fn rules_round_trip_and_unreadable_ones_say_why() {
        let mut rules = RuleSet::default();
        rules.dimensions.weights.unit = 0.4;
        rules.dimensions.weights.pledges = 0.3;
        assert_eq!(decode(&encode(&rules)), Ok(rules.clone()));
        assert!(matches!(decode("{oops"), Err(Unreadable::Layout(_))));
        assert_eq!(
            decode(r#"{"schema": 3, "rules": {}}"#),
            Err(Unreadable::Schema(3))
        );
        rules.dimensions.weights.unit = 0.9;
        let why = decode(&encode(&rules)).unwrap_err();
        assert!(
            why.message(Lang::En)
                .starts_with("the saved rule set is invalid: "),
            "{why:?}"
        );
        assert!(why.message(Lang::Zh).contains("dimensions.weights"), "{why:?}");
    }
}
