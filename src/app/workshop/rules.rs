//! The rule editor's state: the draft being edited, the named variants kept in the browser,
//! and the editor's messages. A valid draft, a loaded variant, an imported file or the reset
//! puts a rule set in force: the simulator and the workshop follow it at once.

use std::rc::Rc;

use super::rule_draft::{FieldKind, RuleDraft};
use super::state::RulesRef;
use super::variants::{Restored, Unreadable, Variant};
use crate::app::rule_set::default_rules;
use crate::app::state::State;
use crate::engine::{FieldErrors, RuleSet};

/// A message of the rule editor.
#[derive(Debug, Clone, PartialEq)]
pub enum RulesNotice {
    Imported(String),
    ImportFailed { file: String, errors: FieldErrors },
    Corrupt { text: Rc<String>, why: Unreadable },
    Saved(String),
    SaveFailed,
}

/// The rule editor's state.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEditor {
    pub default: Rc<RuleSet>,
    pub draft: Rc<RuleDraft>,
    pub variants: Rc<Vec<Variant>>,
    /// Bumped by every change of the variants (each one is saved).
    pub variants_rev: u64,
    /// Whether the stored variants have been read.
    pub restored: bool,
    pub notice: Option<Rc<RulesNotice>>,
}

impl RuleEditor {
    pub fn new(rules: &RuleSet) -> RuleEditor {
        RuleEditor {
            default: Rc::new(default_rules()),
            draft: Rc::new(RuleDraft::new(rules)),
            variants: Rc::default(),
            variants_rev: 0,
            restored: false,
            notice: None,
        }
    }
}

/// Every intent of the rule editor.
#[derive(Debug, Clone, PartialEq)]
pub enum RulesAction {
    Edit {
        path: String,
        text: String,
        kind: FieldKind,
    },
    Reset,
    Import {
        file: String,
        text: String,
    },
    /// Keep the rule set in force under a name (replacing a variant of that name).
    Save(String),
    Load(usize),
    Delete(usize),
    Restored(Restored),
    Notify(RulesNotice),
    Dismiss,
}

/// Puts `rules` in force everywhere.
fn enforce(s: &mut State, rules: Rc<RuleSet>) {
    s.set_rules(rules);
    let rules = s.rules.clone();
    Rc::make_mut(&mut s.workshop).rules_changed(&rules);
}

/// Puts `rules` in force and starts a fresh draft from them.
pub(crate) fn replace(s: &mut State, rules: Rc<RuleSet>) {
    Rc::make_mut(&mut s.rule_edit).draft = Rc::new(RuleDraft::new(&rules));
    enforce(s, rules);
}

/// Applies one rule-editor action to the app state.
pub fn reduce(s: &mut State, action: RulesAction) {
    let e = Rc::make_mut(&mut s.rule_edit);
    match action {
        RulesAction::Edit { path, text, kind } => {
            if let Some(rules) = Rc::make_mut(&mut e.draft).edit(&path, &text, kind) {
                enforce(s, Rc::new(rules));
            }
        }
        RulesAction::Reset => {
            let rules = e.default.clone();
            e.notice = None;
            replace(s, rules);
        }
        RulesAction::Import { file, text } => match RuleSet::from_json(&text) {
            Ok(rules) => {
                e.notice = Some(Rc::new(RulesNotice::Imported(file)));
                replace(s, Rc::new(rules));
            }
            Err(errors) => e.notice = Some(Rc::new(RulesNotice::ImportFailed { file, errors })),
        },
        RulesAction::Save(name) => {
            let name = name.trim().to_string();
            if name.is_empty() {
                return;
            }
            let variant = Variant {
                name: name.clone(),
                rules: s.rules.clone(),
            };
            let list = Rc::make_mut(&mut e.variants);
            match list.iter_mut().find(|v| v.name == name) {
                Some(v) => *v = variant,
                None => list.push(variant),
            }
            e.variants_rev += 1;
            e.notice = Some(Rc::new(RulesNotice::Saved(name)));
        }
        RulesAction::Load(i) => {
            if let Some(rules) = e.variants.get(i).map(|v| v.rules.clone()) {
                replace(s, rules);
            }
        }
        RulesAction::Delete(i) => {
            if i < e.variants.len() {
                let gone = Some(RulesRef::Saved(Rc::make_mut(&mut e.variants).remove(i).name));
                e.variants_rev += 1;
                // A comparison with the deleted variant goes back to its default side.
                let w = Rc::make_mut(&mut s.workshop);
                for side in [&mut w.baseline, &mut w.variant] {
                    if *side == gone {
                        *side = None;
                    }
                }
            }
        }
        RulesAction::Restored(restored) => {
            e.restored = true;
            match restored {
                Restored::Variants(list) => e.variants = Rc::new(list),
                Restored::Corrupt { text, why } => {
                    e.notice = Some(Rc::new(RulesNotice::Corrupt { text, why }));
                }
            }
        }
        RulesAction::Notify(notice) => e.notice = Some(Rc::new(notice)),
        RulesAction::Dismiss => e.notice = None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use crate::app::storage::Restored as Library;
    use crate::engine::Lang;
    use yew::Reducible;

    fn start() -> Rc<State> {
        let rules = Rc::new(RuleSet::default());
        Rc::new(State::start(rules, Library::Nothing, Lang::Zh, None))
    }

    fn edit(path: &str, text: &str) -> Action {
        Action::Rules(RulesAction::Edit {
            path: path.into(),
            text: text.into(),
            kind: FieldKind::Number,
        })
    }

    #[test]
    fn a_valid_edit_drives_the_simulator_and_an_invalid_one_keeps_the_last_rules() {
        let s = start();
        assert_eq!(s.result.total, 95.28);
        let s = s.reduce(edit("dimensions.weights.unit", "0.4"));
        assert_eq!(
            s.rules.dimensions.weights.unit, 0.3,
            "weights sum to 1.1: not in force"
        );
        assert!(s
            .rule_edit
            .draft
            .error_at("dimensions.weights", Lang::En)
            .is_some());
        let s = s.reduce(edit("dimensions.weights.pledges", "0.3"));
        assert_eq!(s.rules.dimensions.weights.unit, 0.4);
        assert_ne!(
            s.result.total, 95.28,
            "the open dossier is evaluated under the new rules"
        );
        let s = s.reduce(Action::Rules(RulesAction::Save("单位加重".into())));
        assert_eq!(s.rule_edit.variants.len(), 1);
        let s = s.reduce(Action::Rules(RulesAction::Reset));
        assert_eq!(s.result.total, 95.28);
        let s = s.reduce(Action::Rules(RulesAction::Load(0)));
        assert_eq!(s.rules.dimensions.weights.unit, 0.4);
    }

    #[test]
    fn deleting_a_compared_variant_sets_the_comparison_back() {
        use crate::app::workshop::state::WorkshopAction;
        let s = start().reduce(Action::Rules(RulesAction::Save("v".into())));
        let s = s.reduce(Action::Workshop(WorkshopAction::SetBaseline(RulesRef::Saved(
            "v".into(),
        ))));
        assert_eq!(s.workshop.baseline, Some(RulesRef::Saved("v".into())));
        let s = s.reduce(Action::Rules(RulesAction::Delete(0)));
        assert!(s.rule_edit.variants.is_empty());
        assert_eq!(s.workshop.baseline, None);
    }

    #[test]
    fn a_bad_rules_file_changes_nothing() {
        let s = start();
        let before = s.rules.clone();
        let s = s.reduce(Action::Rules(RulesAction::Import {
            file: "r.json".into(),
            text: "{\"name\": 1}".into(),
        }));
        assert_eq!(s.rules, before);
        assert!(matches!(
            s.rule_edit.notice.as_deref(),
            Some(RulesNotice::ImportFailed { .. })
        ));
    }
}
