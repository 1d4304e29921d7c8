//! The mark of the rules a dossier or cohort file was written under: an optional top-level
//! `"rules": {"name": …, "version": …, "hash": …}` (the hash is [`RuleSet::content_hash`]).
//! It is informational: evaluation never reads it, and a reader compares its hash with the
//! rules in force to say when a file was made under other rules.

use serde::{Deserialize, Serialize};

use super::rules::RuleSet;

/// The fields of a mark, in the order they are written.
pub(crate) const MARK_FIELDS: [&str; 3] = ["name", "version", "hash"];

/// Which rule set a file was written under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesMark {
    /// The rule set's (Chinese) name.
    pub name: String,
    pub version: String,
    /// [`RuleSet::content_hash`].
    pub hash: String,
}

impl RulesMark {
    /// The mark of `rules`.
    pub fn of(rules: &RuleSet) -> RulesMark {
        RulesMark {
            name: rules.name.clone(),
            version: rules.version.clone(),
            hash: rules.content_hash(),
        }
    }

    /// Whether the file was written under rules other than those with this content hash.
    pub fn differs_from(&self, hash: &str) -> bool {
        self.hash != hash
    }
}
