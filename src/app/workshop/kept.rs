//! The workshop's cohort kept across reloads in `localStorage`, under a schema version: the
//! demo cohort as its seed and size (regenerated exactly), an imported cohort as its officials
//! in the exchange format, read back — and validated under the rules in force — like an
//! imported file. Text that cannot be used is copied aside under its own key, never half-used.

use serde_json::Value;

use super::super::storage::{invalid_message, layout_message, local, read, schema_message, SCHEMA};
use super::state::{LoadedCohort, Source};
use crate::engine::{Cohort, Dossier, Lang, RuleSet};

/// The largest demo cohort the workshop offers, and so the largest one restored.
pub const LARGEST_DEMO: usize = 100_000;

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
    /// An imported cohort: the file's name and its officials, valid under the rules in force.
    File {
        file: String,
        officials: Vec<Dossier>,
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

/// Reads stored text, validating an imported cohort's officials under `rules`.
pub fn decode(text: &str, rules: &RuleSet) -> Kept {
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
        number("seed").zip(number("size").and_then(|n| usize::try_from(n).ok()))
    });
    let file = value.get("file").and_then(Value::as_str).zip(value.get("cohort"));
    match (demo, file) {
        (Some(Some((seed, size))), None) if (1..=LARGEST_DEMO).contains(&size) => Kept::Demo { seed, size },
        (Some(Some((_, size))), None) => {
            unreadable(|lang| lang.pick("演示名册人数 ", "a demo cohort of ").to_string() + &size.to_string())
        }
        (None, Some((file, cohort))) => match Cohort::from_json(&cohort.to_string(), rules) {
            Ok(c) if c.officials.is_empty() => unreadable(|lang| {
                lang.pick("名册中没有任何干部", "the cohort lists no official")
                    .to_string()
            }),
            Ok(c) => Kept::File {
                file: file.to_string(),
                officials: c.officials,
            },
            Err(errors) => unreadable(|lang| {
                invalid_message(
                    ("名册", "cohort"),
                    file,
                    &errors,
                    crate::app::i18n::error_line,
                    lang,
                )
            }),
        },
        _ => unreadable(|lang| layout_message("demo / file", lang)),
    }
}

/// The kept cohort, if any; text that cannot be used is copied aside first.
pub fn load(rules: &RuleSet) -> Kept {
    let kept = read(COHORT_KEY, CORRUPT_KEY, |text| match decode(text, rules) {
        unusable @ Kept::Unreadable { .. } => Err(unusable),
        usable => Ok(usable),
    });
    match kept {
        None => Kept::Nothing,
        Some(Ok(kept) | Err((_, kept))) => kept,
    }
}

/// Keeps `cohort`; `false` when the browser refuses (a cohort too large for its storage), in
/// which case no older cohort is left behind to come back instead.
pub fn save(cohort: &LoadedCohort) -> bool {
    let Some(storage) = local() else {
        return false;
    };
    if !fits(cohort) {
        let _ = storage.remove_item(COHORT_KEY);
        return false;
    }
    let kept = storage.set_item(COHORT_KEY, &encode(cohort)).is_ok();
    if !kept {
        let _ = storage.remove_item(COHORT_KEY);
    }
    kept
}

/// What browsers keep in `localStorage` for a site: 5 million characters (Chrome, Safari;
/// Firefox counts 5 MiB). The cohort kept before is dropped either way.
const STORAGE_CHARS: usize = 5_000_000;

/// False for an imported cohort surely too large to keep (judged from its first official, so
/// that a cohort of 100,000 is not written out only for the browser to refuse it — a task of
/// over a second); the demo cohort is kept as its seed and size, and always fits.
fn fits(cohort: &LoadedCohort) -> bool {
    if matches!(cohort.source, Source::Demo { .. }) {
        return true;
    }
    let each = cohort
        .officials
        .first()
        .map_or(0, |d| serde_json::to_string(d).map_or(0, |t| t.chars().count()));
    // Officials differ in size: only a cohort well over the limit is judged without trying.
    each.saturating_mul(cohort.officials.len()) / 2 <= STORAGE_CHARS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::demo;

    fn loaded(source: Source, size: usize) -> LoadedCohort {
        LoadedCohort {
            id: 1,
            source,
            officials: demo::cohort(7, size, 2023).officials,
        }
    }

    #[test]
    fn a_cohort_surely_too_large_for_the_browser_is_not_written_out() {
        assert!(fits(&loaded(Source::File("98.csv".into()), 98)));
        assert!(fits(&loaded(Source::File("1000.csv".into()), 1000)));
        assert!(!fits(&loaded(Source::File("40k.csv".into()), 40_000)));
        assert!(fits(&loaded(Source::Demo { seed: 7 }, 40_000)));
    }

    fn why(text: &str) -> (String, String) {
        match decode(text, &RuleSet::default()) {
            Kept::Unreadable { zh, en } => (zh, en),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_demo_cohort_is_kept_as_its_seed_and_size() {
        let text = encode(&loaded(Source::Demo { seed: 7 }, 98));
        assert!(text.len() < 80, "{text}");
        assert_eq!(
            decode(&text, &RuleSet::default()),
            Kept::Demo { seed: 7, size: 98 }
        );
    }

    #[test]
    fn an_imported_cohort_reads_back_as_the_same_officials() {
        let cohort = loaded(Source::File("名册 \"A\".csv".into()), 12);
        let kept = decode(&encode(&cohort), &RuleSet::default());
        assert_eq!(
            kept,
            Kept::File {
                file: "名册 \"A\".csv".into(),
                officials: cohort.officials
            }
        );
    }

    #[test]
    fn text_that_cannot_be_used_says_why_in_both_languages() {
        assert!(why("{oops").1.starts_with("the stored layout is not recognised"));
        assert_eq!(
            why(r#"{"schema": 9, "demo": {"seed": 1, "size": 2}}"#).0,
            "存储格式版本为 9,本版本只能读取 1"
        );
        assert!(why(r#"{"schema": 1, "demo": {"seed": -1, "size": 2}}"#)
            .1
            .contains("demo / file"));
        assert!(why(r#"{"schema": 1}"#).1.contains("demo / file"));
        assert_eq!(
            why(r#"{"schema": 1, "demo": {"seed": 1, "size": 0}}"#).1,
            "a demo cohort of 0"
        );
        let too_many = format!(
            r#"{{"schema": 1, "demo": {{"seed": 1, "size": {}}}}}"#,
            LARGEST_DEMO + 1
        );
        assert_eq!(why(&too_many).0, format!("演示名册人数 {}", LARGEST_DEMO + 1));
        let empty = r#"{"schema": 1, "file": "a.json", "cohort": {"officials": []}}"#;
        assert_eq!(why(empty).1, "the cohort lists no official");
        let bad = r#"{"schema": 1, "file": "b.json", "cohort": {"officials": [{"pledges": [{"area": "key_work", "quarters": [104, null, null, null]}]}]}}"#;
        let (zh, en) = why(bad);
        assert!(
            en.starts_with("cohort \"b.json\" is invalid: ") && en.contains("official 1 · pledge 1"),
            "{en}"
        );
        assert!(zh.starts_with("名册“b.json”无效:"), "{zh}");
    }
}
