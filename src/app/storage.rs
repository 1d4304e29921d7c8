//! Keeping work in the browser: the named dossiers autosaved to `localStorage` under a schema
//! version, and the language choice. Stored data that cannot be read is never half-used: the
//! app starts clean, says so, and keeps the unreadable text for download. (It talks to
//! `web_sys::Storage` directly rather than through gloo-storage: gloo's `LocalStorage` panics
//! where storage is switched off, and the raw text is needed to hand unreadable data back.)

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::library::{Library, Slot};
use crate::engine::{Dossier, FieldError, FieldErrors, Lang, RuleSet};

/// The version of the stored layout; any other version is treated as unreadable.
pub const SCHEMA: u32 = 1;
const LIBRARY_KEY: &str = "dongliang.library";
const LANG_KEY: &str = "dongliang.lang";
const CORRUPT_KEY: &str = "dongliang.corrupt";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    schema: u32,
    current: usize,
    slots: Vec<StoredSlot>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredSlot {
    label: String,
    dossier: Value,
}

/// Why stored data could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// Not the layout this version writes (malformed JSON, missing fields, wrong types).
    Layout(String),
    /// Written by another schema version.
    Schema(u32),
    /// A stored dossier is not valid under the rules.
    Dossier { label: String, errors: FieldErrors },
    /// No dossiers at all.
    Empty,
    /// The kept rule set is not valid.
    Rules(FieldErrors),
}

impl Unreadable {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Unreadable::Layout(e), _) => layout_message(e, lang),
            (Unreadable::Schema(v), _) => schema_message(u64::from(*v), lang),
            (Unreadable::Dossier { label, errors }, _) => {
                invalid_message(("档案", "dossier"), label, errors, super::i18n::error_line, lang)
            }
            (Unreadable::Empty, Lang::Zh) => "没有保存任何档案".into(),
            (Unreadable::Empty, Lang::En) => "no dossier is stored".into(),
            (Unreadable::Rules(errors), _) => {
                let first = errors.iter().next().map(|e| e.line(lang)).unwrap_or_default();
                lang.pick("保存的规则集无效:", "the saved rule set is invalid: ")
                    .to_string()
                    + &first
            }
        }
    }
}

/// The wording every store uses for a stored layout it does not recognise.
pub(crate) fn layout_message(e: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("存储格式无法识别:{e}"),
        Lang::En => format!("the stored layout is not recognised: {e}"),
    }
}

/// The wording every store uses for data written by another schema version.
pub(crate) fn schema_message(found: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("存储格式版本为 {found},本版本只能读取 {SCHEMA}"),
        Lang::En => format!("stored schema version {found}; this version reads {SCHEMA}"),
    }
}

/// A stored item (`kind` in Chinese and English) that is invalid, with its first error.
/// `line` words one error: [`super::i18n::error_line`] for dossiers, [`FieldError::line`] for
/// rule sets (whose paths are the rule file's own).
pub(crate) fn invalid_message(
    kind: (&str, &str),
    label: &str,
    errors: &FieldErrors,
    line: fn(&FieldError, Lang) -> String,
    lang: Lang,
) -> String {
    let first = errors.iter().next().map(|e| line(e, lang)).unwrap_or_default();
    match lang {
        Lang::Zh => format!("{}“{label}”无效:{first}", kind.0),
        Lang::En => format!("{} \"{label}\" is invalid: {first}", kind.1),
    }
}

/// What was found in storage at start.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Nothing,
    Library(Library),
    Corrupt { text: Rc<String>, why: Unreadable },
}

/// The stored text of a library.
pub fn encode(library: &Library) -> String {
    let stored = Stored {
        schema: SCHEMA,
        current: library.current,
        slots: library
            .slots
            .iter()
            .map(|s| StoredSlot {
                label: s.label.clone(),
                dossier: serde_json::to_value(&*s.dossier).unwrap_or_default(),
            })
            .collect(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads a stored library, checking its schema version and every dossier.
pub fn decode(text: &str, rules: &RuleSet) -> Result<Library, Unreadable> {
    let version = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("schema").and_then(Value::as_u64));
    if let Some(v) = version.filter(|v| *v != u64::from(SCHEMA)) {
        return Err(Unreadable::Schema(u32::try_from(v).unwrap_or(u32::MAX)));
    }
    let stored: Stored = serde_json::from_str(text).map_err(|e| Unreadable::Layout(e.to_string()))?;
    let mut slots = Vec::with_capacity(stored.slots.len());
    for slot in stored.slots {
        match Dossier::from_value(&slot.dossier, rules) {
            Ok(d) => slots.push(Slot {
                label: slot.label,
                dossier: Rc::new(d),
            }),
            Err(errors) => {
                return Err(Unreadable::Dossier {
                    label: slot.label,
                    errors,
                })
            }
        }
    }
    if slots.is_empty() {
        return Err(Unreadable::Empty);
    }
    let current = stored.current.min(slots.len() - 1);
    Ok(Library { slots, current })
}

/// The browser's `localStorage`, when there is one and it is allowed.
pub(crate) fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads what is stored under `key` with `decode`: `None` when nothing is; text that `decode`
/// refuses is first copied aside under `corrupt_key`, then handed back with the reason.
pub(crate) fn read<T, E>(
    key: &str,
    corrupt_key: &str,
    decode: impl FnOnce(&str) -> Result<T, E>,
) -> Option<Result<T, (Rc<String>, E)>> {
    let text = local().and_then(|s| s.get_item(key).ok().flatten())?;
    Some(decode(&text).map_err(|why| {
        if let Some(s) = local() {
            let _ = s.set_item(corrupt_key, &text);
        }
        (Rc::new(text), why)
    }))
}

/// Reads the stored library; unreadable text is also copied aside under its own key.
pub fn load(rules: &RuleSet) -> Restored {
    match read(LIBRARY_KEY, CORRUPT_KEY, |text| decode(text, rules)) {
        None => Restored::Nothing,
        Some(Ok(library)) => Restored::Library(library),
        Some(Err((text, why))) => Restored::Corrupt { text, why },
    }
}

/// Saves the library; `false` when the browser refuses (private mode, quota).
pub fn save(library: &Library) -> bool {
    local().is_some_and(|s| s.set_item(LIBRARY_KEY, &encode(library)).is_ok())
}

/// The remembered language, Chinese by default.
pub fn load_lang() -> Lang {
    match local()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .as_deref()
    {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

pub fn save_lang(lang: Lang) {
    if let Some(s) = local() {
        let _ = s.set_item(LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_round_trips() {
        let rules = RuleSet::default();
        let library = Library::with_example(&rules);
        assert_eq!(decode(&encode(&library), &rules), Ok(library));
    }

    #[test]
    fn unreadable_text_is_named() {
        let rules = RuleSet::default();
        assert!(matches!(decode("{oops", &rules), Err(Unreadable::Layout(_))));
        assert_eq!(decode(r#"{"schema": 9}"#, &rules), Err(Unreadable::Schema(9)));
        let empty = r#"{"schema": 1, "current": 0, "slots": []}"#;
        assert_eq!(decode(empty, &rules), Err(Unreadable::Empty));
        let bad = r#"{"schema": 1, "current": 0, "slots": [{"label": "x", "dossier": {"pledges": []}}]}"#;
        assert!(matches!(decode(bad, &rules), Err(Unreadable::Dossier { .. })));
    }
}
