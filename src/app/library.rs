//! The user's named dossiers (several self-assessments kept side by side) and the bundled
//! worked examples. Only valid dossiers are ever stored here.

use std::rc::Rc;

use crate::engine::{Dossier, RuleSet};

/// A worked example shipped with the app (spec §11).
pub struct Example {
    pub zh: &'static str,
    pub en: &'static str,
    pub json: &'static str,
}

/// The worked examples; the first is loaded when nothing is stored.
pub const EXAMPLES: &[Example] = &[
    Example {
        zh: "示例 01 · 全年完成 · 好",
        en: "Example 01 · full year · good",
        json: include_str!("examples/01-complete-good.json"),
    },
    Example {
        zh: "示例 02 · 年中推算 · 一票否决",
        en: "Example 02 · mid-year · vetoed",
        json: include_str!("examples/02-midyear-vetoed.json"),
    },
    Example {
        zh: "示例 03 · 连续两年一般",
        en: "Example 03 · average twice",
        json: include_str!("examples/03-average-twice.json"),
    },
];

impl Example {
    /// The example's dossier (the bundled files are valid under the default rules).
    pub fn dossier(&self, rules: &RuleSet) -> Dossier {
        Dossier::from_json(self.json, rules).unwrap_or_default()
    }
}

/// One named dossier.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub label: String,
    pub dossier: Rc<Dossier>,
}

/// Every named dossier and which one is open.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub slots: Vec<Slot>,
    pub current: usize,
}

impl Library {
    /// A library holding example 01 only.
    pub fn with_example(rules: &RuleSet) -> Library {
        Library {
            slots: vec![Slot {
                label: EXAMPLES[0].zh.to_string(),
                dossier: Rc::new(EXAMPLES[0].dossier(rules)),
            }],
            current: 0,
        }
    }

    /// The open dossier.
    pub fn open(&self) -> &Slot {
        &self.slots[self.current.min(self.slots.len() - 1)]
    }

    /// Adds a dossier under a label not used yet and opens it.
    pub fn add(&mut self, label: &str, dossier: Dossier) {
        let label = self.free_label(label);
        self.slots.push(Slot {
            label,
            dossier: Rc::new(dossier),
        });
        self.current = self.slots.len() - 1;
    }

    /// Replaces the open dossier's content.
    pub fn store(&mut self, dossier: Rc<Dossier>) {
        let i = self.current;
        if let Some(slot) = self.slots.get_mut(i) {
            slot.dossier = dossier;
        }
    }

    /// Renames a dossier; an empty or taken name is refused.
    pub fn rename(&mut self, i: usize, label: &str) -> bool {
        let label = label.trim();
        let taken = self
            .slots
            .iter()
            .enumerate()
            .any(|(j, s)| j != i && s.label == label);
        match self.slots.get_mut(i) {
            Some(slot) if !label.is_empty() && !taken => {
                slot.label = label.to_string();
                true
            }
            _ => false,
        }
    }

    /// Removes a dossier; the last one cannot be removed.
    pub fn remove(&mut self, i: usize) -> bool {
        if self.slots.len() <= 1 || i >= self.slots.len() {
            return false;
        }
        self.slots.remove(i);
        if self.current >= i && self.current > 0 {
            self.current -= 1;
        }
        true
    }

    /// `label`, or `label (2)`, `label (3)`… whichever is free.
    pub fn free_label(&self, label: &str) -> String {
        let label = if label.trim().is_empty() {
            "—"
        } else {
            label.trim()
        };
        let used = |l: &str| self.slots.iter().any(|s| s.label == l);
        if !used(label) {
            return label.to_string();
        }
        (2..)
            .map(|n| format!("{label} ({n})"))
            .find(|l| !used(l))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_valid() {
        let rules = RuleSet::default();
        for example in EXAMPLES {
            assert!(Dossier::from_json(example.json, &rules).is_ok(), "{}", example.en);
        }
    }

    #[test]
    fn labels_stay_unique_and_the_last_slot_stays() {
        let rules = RuleSet::default();
        let mut library = Library::with_example(&rules);
        library.add(EXAMPLES[0].zh, Dossier::default());
        assert_eq!(library.slots[1].label, format!("{} (2)", EXAMPLES[0].zh));
        assert!(!library.rename(1, EXAMPLES[0].zh));
        assert!(library.remove(0));
        assert_eq!(library.current, 0);
        assert!(!library.remove(0));
    }
}
