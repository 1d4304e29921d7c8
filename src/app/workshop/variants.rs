//! Named rule-set variants kept in `localStorage` under a schema version, the way the dossier
//! library is kept (`storage.rs`): stored text that cannot be read is never half-used — the
//! list starts empty, the app says why, and the text is kept aside for download.

use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::super::storage::{invalid_message, layout_message, local, read, schema_message, SCHEMA};
use crate::engine::{FieldErrors, Lang, RuleSet};

const VARIANTS_KEY: &str = "dongliang.rule-variants";
const CORRUPT_KEY: &str = "dongliang.rule-variants.corrupt";

/// One named rule set.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub name: String,
    pub rules: Rc<RuleSet>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    /// Checked before the layout is read (see [`decode`]).
    #[serde(rename = "schema")]
    _schema: u32,
    variants: Vec<StoredVariant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredVariant {
    name: String,
    rules: Value,
}

/// Why the stored variants could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    Layout(String),
    Schema(u64),
    Rules { name: String, errors: FieldErrors },
}

impl Unreadable {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Unreadable::Layout(e) => layout_message(e, lang),
            Unreadable::Schema(v) => schema_message(*v, lang),
            Unreadable::Rules { name, errors } => invalid_message(
                ("方案", "variant"),
                name,
                errors,
                crate::engine::FieldError::line,
                lang,
            ),
        }
    }
}

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Variants(Vec<Variant>),
    Corrupt { text: Rc<String>, why: Unreadable },
}

/// The stored text of the variants, `{"schema": 1, "variants": [{"name": …, "rules": …}]}`
/// (written by hand so the rule set goes through the serializer the app already holds).
pub fn encode(variants: &[Variant]) -> String {
    let list: Vec<String> = variants
        .iter()
        .map(|v| {
            let name = serde_json::to_string(&v.name).unwrap_or_default();
            let rules = serde_json::to_string(&*v.rules).unwrap_or_default();
            format!("{{\"name\":{name},\"rules\":{rules}}}")
        })
        .collect();
    format!("{{\"schema\":{SCHEMA},\"variants\":[{}]}}", list.join(","))
}

/// Reads stored variants, checking the schema version and validating every rule set.
pub fn decode(text: &str) -> Result<Vec<Variant>, Unreadable> {
    let version = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("schema").and_then(Value::as_u64));
    if let Some(v) = version.filter(|v| *v != u64::from(SCHEMA)) {
        return Err(Unreadable::Schema(v));
    }
    let stored: Stored = serde_json::from_str(text).map_err(|e| Unreadable::Layout(e.to_string()))?;
    stored
        .variants
        .into_iter()
        .map(|v| match RuleSet::from_json(&v.rules.to_string()) {
            Ok(rules) => Ok(Variant {
                name: v.name,
                rules: Rc::new(rules),
            }),
            Err(errors) => Err(Unreadable::Rules { name: v.name, errors }),
        })
        .collect()
}

/// Reads the stored variants; unreadable text is copied aside under its own key.
pub fn load() -> Restored {
    match read(VARIANTS_KEY, CORRUPT_KEY, decode) {
        None => Restored::Variants(Vec::new()),
        Some(Ok(variants)) => Restored::Variants(variants),
        Some(Err((text, why))) => Restored::Corrupt { text, why },
    }
}

/// Saves the variants; `false` when the browser refuses.
pub fn save(variants: &[Variant]) -> bool {
    local().is_some_and(|s| s.set_item(VARIANTS_KEY, &encode(variants)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_round_trip_and_unreadable_ones_are_named() {
        let mut rules = crate::app::rule_set::default_rules();
        rules.tiers.thresholds[0].min = 88.0;
        let variants = vec![Variant {
            name: "好线 88".into(),
            rules: Rc::new(rules),
        }];
        assert_eq!(decode(&encode(&variants)), Ok(variants.clone()));
        assert!(matches!(decode("{oops"), Err(Unreadable::Layout(_))));
        assert_eq!(
            decode(r#"{"schema": 7, "variants": []}"#),
            Err(Unreadable::Schema(7))
        );
        let mut value: Value = serde_json::from_str(&encode(&variants)).unwrap();
        value["variants"][0]["rules"]["tiers"]["thresholds"][1]["min"] = 95.into();
        let why = decode(&value.to_string()).unwrap_err();
        assert!(
            why.message(Lang::En).contains("tiers.thresholds[1].min"),
            "{why:?}"
        );
    }
}
