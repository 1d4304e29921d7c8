//! Messages about the user's work that are not field errors: imports, share links, storage.

use std::rc::Rc;

use super::share::ShareError;
use super::storage::Unreadable;
use crate::engine::{FieldErrors, RuleSet};

/// One message shown above the editor until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A file was imported as a new dossier.
    Imported {
        label: String,
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
