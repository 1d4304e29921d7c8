//! The workshop's .xlsx module (`dongliang-xlsx`, built from `xlsx.html`): the engine's
//! workbook reader and writers (calamine and rust_xlsxwriter, ~450 KB gzip of wasm) as a wasm
//! module of their own, which the workshop's page loads the first time a workbook is read or
//! written (`static/xlsx.js`), so that neither the phone's page nor the workshop's start carries
//! them. Everything crosses as JSON text or bytes:
//!
//! | function | takes | gives |
//! |---|---|---|
//! | `readCohort(bytes, rules)` | the workbook, the rules in force (JSON) | `{"officials": [...], "sheet": …}` or `{"errors": {"zh": [...], "en": [...]}}` |
//! | `writeCohort(officials, rules)` | `[dossier, …]`, rules | the workbook's bytes |
//! | `writeRanking(ranking, rules, lang)` | a `Ranking`, rules, `zh`/`en` | bytes |
//! | `writeComparison(comparison, lang)` | a `Comparison` | bytes |
//! | `writeTemplate(example, rules)` | one dossier, rules | bytes |
//!
//! A writer that fails throws an `Error` with the reason. The `#[wasm_bindgen]` exports are
//! declared in the module's binary (`src/xlsx_main.rs`), which keeps them in its wasm; the work
//! is done here.

use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::engine::compare::Comparison;
use crate::engine::{xlsx, Dossier, Lang, Ranking, RuleSet};

fn parse<T: DeserializeOwned>(json: &str, what: &str) -> Result<T, JsValue> {
    serde_json::from_str(json).map_err(|e| js_sys::Error::new(&format!("{what}: {e}")).into())
}

fn rules_of(json: &str) -> Result<RuleSet, JsValue> {
    RuleSet::from_json(json).map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

fn lang_of(lang: &str) -> Lang {
    if lang == "en" {
        Lang::En
    } else {
        Lang::Zh
    }
}

fn bytes(result: Result<Vec<u8>, xlsx::WriteError>) -> Result<Vec<u8>, JsValue> {
    result.map_err(|e| js_sys::Error::new(&e.0).into())
}

/// Reads a cohort from a workbook: its officials as JSON, or every problem in both languages.
pub fn read_cohort(workbook: &[u8], rules: &str) -> Result<String, JsValue> {
    let rules = rules_of(rules)?;
    let body = match xlsx::read(workbook, &rules) {
        Ok(imported) => serde_json::json!({"officials": imported.cohort.officials, "sheet": imported.sheet}),
        Err(e) => serde_json::json!({"errors": {"zh": e.lines(Lang::Zh), "en": e.lines(Lang::En)}}),
    };
    Ok(body.to_string())
}

/// The cohort as a workbook.
pub fn write_cohort(officials: &str, rules: &str) -> Result<Vec<u8>, JsValue> {
    let officials: Vec<Dossier> = parse(officials, "officials")?;
    bytes(xlsx::cohort(&officials, &rules_of(rules)?))
}

/// The ranking as a workbook.
pub fn write_ranking(ranking: &str, rules: &str, lang: &str) -> Result<Vec<u8>, JsValue> {
    let ranking: Ranking = parse(ranking, "ranking")?;
    bytes(xlsx::ranking(&ranking, &rules_of(rules)?, lang_of(lang)))
}

/// The comparison as a workbook.
pub fn write_comparison(comparison: &str, lang: &str) -> Result<Vec<u8>, JsValue> {
    let comparison: Comparison = parse(comparison, "comparison")?;
    bytes(xlsx::comparison(&comparison, lang_of(lang)))
}

/// The template as a workbook (an explanatory sheet, then the columns with one example).
pub fn write_template(example: &str, rules: &str) -> Result<Vec<u8>, JsValue> {
    let example: Dossier = parse(example, "example")?;
    bytes(xlsx::template(&example, &rules_of(rules)?))
}
