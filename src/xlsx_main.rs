//! The workshop's .xlsx module (`xlsx.html`, loaded by the workshop's page on first use): the
//! exports of `dongliang::xlsx_module`, declared here so that the binary's wasm keeps them.

use dongliang::xlsx_module as x;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_name = readCohort)]
pub fn read_cohort(workbook: &[u8], rules: &str) -> Result<String, JsValue> {
    x::read_cohort(workbook, rules)
}

#[wasm_bindgen(js_name = writeCohort)]
pub fn write_cohort(officials: &str, rules: &str) -> Result<Vec<u8>, JsValue> {
    x::write_cohort(officials, rules)
}

#[wasm_bindgen(js_name = writeRanking)]
pub fn write_ranking(ranking: &str, rules: &str, lang: &str) -> Result<Vec<u8>, JsValue> {
    x::write_ranking(ranking, rules, lang)
}

#[wasm_bindgen(js_name = writeComparison)]
pub fn write_comparison(comparison: &str, lang: &str) -> Result<Vec<u8>, JsValue> {
    x::write_comparison(comparison, lang)
}

#[wasm_bindgen(js_name = writeTemplate)]
pub fn write_template(example: &str, rules: &str) -> Result<Vec<u8>, JsValue> {
    x::write_template(example, rules)
}

fn main() {}
