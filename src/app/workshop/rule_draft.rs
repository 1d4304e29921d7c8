//! The rule set as it is being edited: the JSON of the rule set with every field the user
//! touched, the text as typed, and the engine's verdict (spec §9) with each problem at its
//! field path (`dimensions.weights`, `tiers.thresholds[1].min`, `negative.items[3].points`).
//! A draft that is valid becomes the rule set in force; an invalid one leaves the last valid
//! rule set in force, as the dossier form does.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::engine::rules_check::validate;
use crate::engine::text::fmt_num;
use crate::engine::{FieldError, FieldErrors, Lang, Problem, RuleSet};

/// What a field holds, and so how its text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Number,
    Integer,
    /// A number, or empty for `null` (the quota).
    OptionalNumber,
    Bool,
    Text,
}

/// The rule set being edited.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RuleDraft {
    value: Value,
    /// The text of each field as typed, where it may differ from the value.
    typed: BTreeMap<String, String>,
    /// Fields whose text is not a value of their kind.
    unreadable: BTreeMap<String, Problem>,
    pub errors: FieldErrors,
}

/// A rule set as a JSON value. (Through text, not `serde_json::to_value`: the app already
/// holds the text serializer and parser for rule sets, and a second copy costs wasm.)
pub fn to_value(rules: &RuleSet) -> Value {
    serde_json::to_string(rules)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The value at a path like `tiers.thresholds[1].min`.
fn slot<'v>(value: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    let mut at = value;
    for part in path.split('.') {
        let mut pieces = part.split('[');
        let key = pieces.next()?;
        if !key.is_empty() {
            at = at.get_mut(key)?;
        }
        for index in pieces {
            at = at.get_mut(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(at)
}

fn read(text: &str, kind: FieldKind) -> Result<Value, Problem> {
    let t = text.trim();
    let wrong = |expected: &str| Problem::WrongType {
        expected: expected.into(),
        found: format!("\"{t}\""),
    };
    match kind {
        FieldKind::Text => Ok(Value::String(text.to_string())),
        FieldKind::Bool => Ok(Value::Bool(t == "true")),
        FieldKind::OptionalNumber if t.is_empty() => Ok(Value::Null),
        FieldKind::Integer => t
            .parse::<u64>()
            .map(Value::from)
            .map_err(|_| wrong("a whole number")),
        FieldKind::Number | FieldKind::OptionalNumber => t
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| wrong("a number")),
    }
}

impl RuleDraft {
    /// A draft holding `rules` as they are.
    pub fn new(rules: &RuleSet) -> RuleDraft {
        RuleDraft {
            value: to_value(rules),
            ..RuleDraft::default()
        }
    }

    /// The text a field shows: as typed, else its value.
    pub fn text(&self, path: &str) -> String {
        if let Some(typed) = self.typed.get(path) {
            return typed.clone();
        }
        let mut value = self.value.clone();
        match slot(&mut value, path) {
            Some(Value::Number(n)) if n.is_f64() => fmt_num(n.as_f64().unwrap_or_default()),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    /// The engine's message for exactly this path, if any.
    pub fn error_at(&self, path: &str, lang: Lang) -> Option<String> {
        let found = self.errors.iter().find(|e| e.path == path)?;
        Some(found.problem.message(lang))
    }

    /// Applies one field's text; returns the rule set when the whole draft is valid.
    pub fn edit(&mut self, path: &str, text: &str, kind: FieldKind) -> Option<RuleSet> {
        self.typed.insert(path.to_string(), text.to_string());
        match read(text, kind) {
            Ok(v) => {
                self.unreadable.remove(path);
                match slot(&mut self.value, path) {
                    Some(s) => *s = v,
                    None => {
                        let problem = Problem::invalid("no such field", "没有这一项");
                        self.unreadable.insert(path.to_string(), problem);
                    }
                }
            }
            Err(problem) => {
                self.unreadable.insert(path.to_string(), problem);
            }
        }
        self.judge(path)
    }

    fn judge(&mut self, _edited: &str) -> Option<RuleSet> {
        let mut errors: Vec<FieldError> = self
            .unreadable
            .iter()
            .map(|(path, problem)| FieldError::new(path.clone(), problem.clone()))
            .collect();
        // The engine's field-by-field reader (not serde's derive: smaller wasm); a structural
        // problem comes with its own field path.
        let rules = match crate::engine::rules_read::read(&self.value) {
            Ok(rules) => match validate(&rules) {
                Ok(()) => Some(rules),
                Err(found) => {
                    errors.extend(found);
                    None
                }
            },
            Err(found) => {
                errors.extend(found);
                None
            }
        };
        self.errors = FieldErrors(errors);
        rules.filter(|_| self.errors.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_edit_gives_the_rule_set_and_an_invalid_one_names_its_field() {
        let rules = RuleSet::default();
        let mut draft = RuleDraft::new(&rules);
        assert_eq!(draft.text("dimensions.weights.unit"), "0.3");
        assert_eq!(draft.text("tiers.thresholds[1].min"), "80");
        assert!(draft
            .edit("dimensions.weights.unit", "0.4", FieldKind::Number)
            .is_none());
        let sum = draft.error_at("dimensions.weights", Lang::Zh).unwrap();
        assert!(sum.contains("权重合计"), "{sum}");
        let fixed = draft
            .edit("dimensions.weights.pledges", "0.3", FieldKind::Number)
            .unwrap();
        assert_eq!(fixed.dimensions.weights.unit, 0.4);
        assert!(draft.errors.is_empty());
    }

    #[test]
    fn thresholds_out_of_order_and_text_that_is_no_number_are_reported_where_typed() {
        let mut draft = RuleDraft::new(&RuleSet::default());
        assert!(draft
            .edit("tiers.thresholds[1].min", "95", FieldKind::Number)
            .is_none());
        assert!(draft.error_at("tiers.thresholds[1].min", Lang::En).is_some());
        assert!(draft.edit("honour.top_n", "ten", FieldKind::Integer).is_none());
        assert!(draft.error_at("honour.top_n", Lang::Zh).unwrap().contains("整数"));
        assert_eq!(draft.text("honour.top_n"), "ten");
        draft.edit("honour.top_n", "10", FieldKind::Integer);
        let rules = draft
            .edit("tiers.thresholds[1].min", "81", FieldKind::Number)
            .unwrap();
        assert_eq!(rules.threshold(crate::engine::Tier::FairlyGood), 81.0);
    }

    #[test]
    fn items_and_the_quota_are_edited_in_place() {
        let mut draft = RuleDraft::new(&RuleSet::default());
        let rules = draft
            .edit("negative.items[1].veto", "true", FieldKind::Bool)
            .unwrap();
        assert!(rules.negative.items[1].veto);
        let rules = draft
            .edit("quota.good_quota", "0.3", FieldKind::OptionalNumber)
            .unwrap();
        assert_eq!(rules.quota.good_quota, Some(0.3));
        let rules = draft
            .edit("quota.good_quota", "", FieldKind::OptionalNumber)
            .unwrap();
        assert_eq!(rules.quota.good_quota, None);
        assert!(draft
            .edit("quota.good_quota", "1.5", FieldKind::OptionalNumber)
            .is_none());
        assert!(draft.error_at("quota.good_quota", Lang::En).is_some());
        let rules = draft
            .edit("quota.good_quota", "", FieldKind::OptionalNumber)
            .unwrap();
        let rules = {
            let mut d = RuleDraft::new(&rules);
            d.edit("positive.items[0].zh", "新的条目", FieldKind::Text)
                .unwrap()
        };
        assert_eq!(rules.positive.items[0].zh, "新的条目");
    }
}
