//! What the user typed and has not got right yet, kept across reloads: while a dossier's form
//! holds an invalid entry (a quarter typed as 105, a half-typed number), its text is kept under
//! the dossier's name beside the last valid dossier (`{"schema": 1, "drafts": {name: form}}`),
//! and comes back into the form — with its error — when the page is opened again. A draft
//! disappears as soon as the form is valid again. Text that cannot be read is set aside under
//! its own key and the page starts from the saved dossiers.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::form::Form;
use super::storage::{local, read, Unreadable, SCHEMA};

const DRAFTS_KEY: &str = "dongliang.drafts";
const CORRUPT_KEY: &str = "dongliang.drafts.corrupt";

/// The forms that hold invalid entries, by the name of their dossier.
pub type Drafts = BTreeMap<String, Rc<Form>>;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    schema: u32,
    drafts: BTreeMap<String, Form>,
}

/// The stored text of the drafts.
pub fn encode(drafts: &Drafts) -> String {
    let stored = Stored {
        schema: SCHEMA,
        drafts: drafts.iter().map(|(k, v)| (k.clone(), (**v).clone())).collect(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads stored drafts, checking the schema version.
pub fn decode(text: &str) -> Result<Drafts, Unreadable> {
    let stored: Stored = serde_json::from_str(text).map_err(|e| Unreadable::Layout(e.to_string()))?;
    if stored.schema != SCHEMA {
        return Err(Unreadable::Schema(stored.schema));
    }
    Ok(stored.drafts.into_iter().map(|(k, v)| (k, Rc::new(v))).collect())
}

/// The kept drafts; none when nothing (readable) is kept.
pub fn load() -> Drafts {
    match read(DRAFTS_KEY, CORRUPT_KEY, decode) {
        Some(Ok(drafts)) => drafts,
        _ => Drafts::new(),
    }
}

/// Keeps the drafts (or forgets them when there are none); `false` when the browser refuses.
pub fn save(drafts: &Drafts) -> bool {
    let Some(storage) = local() else {
        return false;
    };
    if drafts.is_empty() {
        storage.remove_item(DRAFTS_KEY).is_ok()
    } else {
        storage.set_item(DRAFTS_KEY, &encode(drafts)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_round_trip_with_what_was_typed() {
        let mut form = Form::blank();
        form.pledges[0].quarters[1] = "105".into();
        form.unit_score = "9a".into();
        let mut drafts = Drafts::new();
        drafts.insert("我的自评".into(), Rc::new(form));
        assert_eq!(decode(&encode(&drafts)), Ok(drafts));
        assert!(matches!(decode("{oops"), Err(Unreadable::Layout(_))));
        assert_eq!(
            decode(r#"{"schema": 7, "drafts": {}}"#),
            Err(Unreadable::Schema(7))
        );
    }
}
