#![cfg(all(target_arch = "wasm32", feature = "xlsx", feature = "app"))]
//! Files in a real browser (headless Chromium through wasm-bindgen-test): a GBK CSV decoded by
//! the browser's own `TextDecoder("gb18030", {fatal: true})` through `engine::encoding`, as the
//! app decodes it; a file in no known encoding refused naming its line; workbooks written and
//! read in the browser (rust_xlsxwriter takes its clock from JavaScript there), an openpyxl
//! workbook read, an encrypted one refused.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_xlsx`

use dongliang::engine::encoding::{self, Encoding, EncodingError};
use dongliang::engine::xlsx::{self, FileProblem, XlsxError};
use dongliang::engine::{csv, Cohort, Engine, Lang, RuleSet};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// GB18030 by the browser, with no replacement characters: `None` where `TextDecoder` throws.
fn gb18030(bytes: &[u8]) -> Option<String> {
    let decode = js_sys::Function::new_with_args(
        "bytes",
        "try { return new TextDecoder('gb18030', {fatal: true}).decode(bytes); } catch (e) { return null; }",
    );
    decode
        .call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes))
        .ok()?
        .as_string()
}

fn cohort(rules: &RuleSet) -> Cohort {
    Cohort::from_json(include_str!("data/files/cohort.json"), rules).unwrap()
}

#[wasm_bindgen_test]
fn a_gbk_csv_decodes_with_the_browsers_text_decoder() {
    let rules = RuleSet::default();
    let decoded = encoding::decode(include_bytes!("data/files/cohort-gbk.csv"), gb18030).unwrap();
    assert_eq!(decoded.encoding, Encoding::Gb18030);
    assert_eq!(csv::read(&decoded.text, &rules).unwrap(), cohort(&rules));
    let utf16 = encoding::decode(include_bytes!("data/files/cohort-utf16.txt"), gb18030).unwrap();
    assert_eq!(csv::read(&utf16.text, &rules).unwrap(), cohort(&rules));
    assert_eq!(
        encoding::decode(include_bytes!("data/files/unknown-encoding.csv"), gb18030),
        Err(EncodingError::Unknown { line: 3 })
    );
}

#[wasm_bindgen_test]
fn workbooks_are_written_and_read_in_the_browser() {
    let rules = RuleSet::default();
    let expected = cohort(&rules);
    let book = xlsx::cohort(&expected.officials, &rules).unwrap();
    assert_eq!(xlsx::read(&book, &rules).unwrap().cohort, expected);
    let other = xlsx::read(include_bytes!("data/files/cohort-openpyxl.xlsx"), &rules).unwrap();
    assert_eq!(other.cohort, expected);
    let ranking = Engine::new(&rules).rank(&expected.officials);
    assert!(xlsx::ranking(&ranking, &rules, Lang::Zh)
        .unwrap()
        .starts_with(b"PK"));
    let template = xlsx::template(&expected.officials[0], &rules).unwrap();
    assert_eq!(xlsx::read(&template, &rules).unwrap().cohort.officials.len(), 1);
    assert!(matches!(
        xlsx::read(include_bytes!("data/files/encrypted.xlsx"), &rules),
        Err(XlsxError::File {
            problem: FileProblem::Encrypted
        })
    ));
}
