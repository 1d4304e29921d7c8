//! Messages about the user's work that are not field errors: imports, share links, storage.

use std::rc::Rc;

use super::share::ShareError;
use super::storage::Unreadable;
use crate::engine::{FieldErrors, Lang, RuleSet, RulesMark};

/// One message shown above the editor until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A file was imported as a new dossier; `mark` is the rules it says it was exported
    /// under, if it says so (a note is shown while they are not the rules in force).
    Imported {
        label: String,
        mark: Option<RulesMark>,
    },
    /// A file could not be imported; nothing was changed.
    ImportFailed {
        file: String,
        errors: FieldErrors,
    },
    /// Stored data could not be read; the app started clean. The text is kept for download.
    Corrupt {
        text: Rc<String>,
        why: Unreadable,
    },
    /// The kept rule set could not be read; the default rules are in force. The text is kept
    /// for download.
    RulesCorrupt {
        text: Rc<String>,
        why: Unreadable,
    },
    /// A share link was opened as a new dossier.
    Shared {
        label: String,
    },
    /// A share link made under rules other than ours: `adopted` when they were put in force
    /// (ours were the default), else they are offered (`Action::AdoptRules`). `refused` names
    /// a saved dossier that those rules would make invalid, so they were not put in force.
    SharedUnderRules {
        label: Option<String>,
        name: String,
        hash: String,
        rules: Rc<RuleSet>,
        adopted: bool,
        refused: Option<String>,
    },
    /// The rules in force were replaced from a notice (adopted, or back to the default).
    RulesAdopted {
        name: String,
        hash: String,
    },
    ShareFailed(ShareError),
    /// A share link was made: the URL to copy.
    ShareLink(String),
    /// The browser refused to save (private mode or full storage).
    SaveFailed,
}

/// The mark of an imported file when it names rules other than those in force (`hash`).
pub fn other_rules<'m>(mark: Option<&'m RulesMark>, hash: &str) -> Option<&'m RulesMark> {
    mark.filter(|m| m.differs_from(hash))
}

/// Says that a file was exported under other rules and is computed under `rules`.
pub fn other_rules_text(mark: &RulesMark, rules: &RuleSet, lang: Lang) -> String {
    let (name, version) = (&mark.name, &mark.version);
    match lang {
        Lang::Zh => format!(
            "此文件按另一套规则（名称 {name}，版本 {version}）导出；当前按“{}”规则计算，结果可能不同。",
            rules.name
        ),
        Lang::En => format!(
            "This file was exported under other rules ({name}, version {version}); it is computed here under \"{}\" (version {}) — results may differ.",
            rules.name_en, rules.version
        ),
    }
}
