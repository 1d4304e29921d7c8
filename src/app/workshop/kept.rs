//! The workshop's cohort kept across reloads in `localStorage`, under a schema version: the
//! demo cohort as its seed and size (regenerated exactly), an imported cohort as its officials
//! in the exchange format, read back — and validated — like an imported file. Text that cannot
//! be read is copied aside under its own key and never half-used.

use serde_json::Value;

use super::super::storage::{layout_message, local, schema_message, SCHEMA};
use super::state::{LoadedCohort, Source};
use crate::engine::Lang;

const COHORT_KEY: &str = "dongliang.workshop-cohort";
const CORRUPT_KEY: &str = "dongliang.workshop-cohort.corrupt";

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Kept {
    Nothing,
    Demo {
        seed: u64,
        size: usize,
    },
    /// An imported cohort: the file's name and the officials as `{"officials": […]}` text.
    File {
        file: String,
        text: String,
    },
    Unreadable {
        zh: String,
        en: String,
    },
}

/// The stored text: `{"schema": 1, "demo": {"seed": …, "size": …}}` or
/// `{"schema": 1, "file": "…", "cohort": {"officials": […]}}`.
pub fn encode(cohort: &LoadedCohort) -> String {
    match &cohort.source {
        Source::Demo { seed } => format!(
            "{{\"schema\":{SCHEMA},\"demo\":{{\"seed\":{seed},\"size\":{}}}}}",
            cohort.officials.len()
        ),
        Source::File(file) => {
            let file = serde_json::to_string(file).unwrap_or_default();
            let officials = serde_json::to_string(&cohort.officials).unwrap_or_default();
            format!("{{\"schema\":{SCHEMA},\"file\":{file},\"cohort\":{{\"officials\":{officials}}}}}")
        }
    }
}

fn unreadable(why: impl Fn(Lang) -> String) -> Kept {
    Kept::Unreadable {
        zh: why(Lang::Zh),
        en: why(Lang::En),
    }
}

/// Reads stored text (its officials are validated later, when the cohort is loaded).
pub fn decode(text: &str) -> Kept {
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return unreadable(|lang| layout_message(&e.to_string(), lang)),
    };
    match value.get("schema").and_then(Value::as_u64) {
        Some(v) if v == u64::from(SCHEMA) => {}
        Some(v) => return unreadable(|lang| schema_message(v, lang)),
        None => return unreadable(|lang| layout_message("schema", lang)),
    }
    let demo = value.get("demo").map(|d| {
        let number = |key: &str| d.get(key).and_then(Value::as_u64);
        number("seed").zip(number("size"))
    });
    let file = value.get("file").and_then(Value::as_str).zip(value.get("cohort"));
    match (demo, file) {
        (Some(Some((seed, size))), None) => Kept::Demo {
            seed,
            size: usize::try_from(size).unwrap_or(usize::MAX),
        },
        (None, Some((file, cohort))) => Kept::File {
            file: file.to_string(),
            text: cohort.to_string(),
        },
        _ => unreadable(|lang| layout_message("demo / file", lang)),
    }
}

/// The kept cohort, if any; unreadable text is copied aside first.
pub fn load() -> Kept {
    let Some(text) = local().and_then(|s| s.get_item(COHORT_KEY).ok().flatten()) else {
        return Kept::Nothing;
    };
    let kept = decode(&text);
    if matches!(kept, Kept::Unreadable { .. }) {
        if let Some(s) = local() {
            let _ = s.set_item(CORRUPT_KEY, &text);
        }
    }
    kept
}

/// Keeps `cohort`; `false` when the browser refuses (a cohort too large for its storage), in
/// which case no older cohort is left behind to come back instead.
pub fn save(cohort: &LoadedCohort) -> bool {
    let Some(storage) = local() else {
        return false;
    };
    let kept = storage.set_item(COHORT_KEY, &encode(cohort)).is_ok();
    if !kept {
        let _ = storage.remove_item(COHORT_KEY);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{demo, Cohort, RuleSet};

    fn loaded(source: Source, size: usize) -> LoadedCohort {
        LoadedCohort {
            id: 1,
            source,
            officials: demo::cohort(7, size, 2023).officials,
        }
    }

    #[test]
    fn a_demo_cohort_is_kept_as_its_seed_and_size() {
        let text = encode(&loaded(Source::Demo { seed: 7 }, 98));
        assert!(text.len() < 80, "{text}");
        assert_eq!(decode(&text), Kept::Demo { seed: 7, size: 98 });
    }

    #[test]
    fn an_imported_cohort_reads_back_as_the_same_officials() {
        let cohort = loaded(Source::File("名册 \"A\".csv".into()), 12);
        let Kept::File { file, text } = decode(&encode(&cohort)) else {
            panic!("not a file cohort");
        };
        assert_eq!(file, "名册 \"A\".csv");
        let back = Cohort::from_json(&text, &RuleSet::default()).unwrap();
        assert_eq!(back.officials, cohort.officials);
    }

    #[test]
    fn unreadable_text_says_why_in_both_languages() {
        let why = |text: &str| match decode(text) {
            Kept::Unreadable { zh, en } => (zh, en),
            other => panic!("{other:?}"),
        };
        assert!(why("{oops").1.starts_with("the stored layout is not recognised"));
        assert_eq!(
            why(r#"{"schema": 9, "demo": {"seed": 1, "size": 2}}"#).0,
            "存储格式版本为 9,本版本只能读取 1"
        );
        assert!(why(r#"{"schema": 1, "demo": {"seed": -1, "size": 2}}"#)
            .1
            .contains("demo / file"));
        assert!(why(r#"{"schema": 1}"#).1.contains("demo / file"));
    }
}
