//! The bridge to the workshop's .xlsx module (`crate::xlsx_module`, loaded on first use by
//! `static/xlsx.js` as `window.dongliangXlsx()`): read a cohort from a workbook, write the
//! cohort, the ranking, the comparison or the template as one. Everything is asynchronous (the
//! module may still be on its way); failures come back as lines in both languages.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::engine::compare::Comparison;
use crate::engine::{Dossier, Lang, Ranking, RuleSet};

/// Why a workbook could not be read or written: one line per problem, Chinese and English.
pub type Lines = (Vec<String>, Vec<String>);

fn lines(zh: impl Into<String>, en: impl Into<String>) -> Lines {
    (vec![zh.into()], vec![en.into()])
}

fn failed(e: JsValue) -> Lines {
    let detail = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{e:?}"));
    lines(
        format!("无法载入或运行 .xlsx 模块:{detail}"),
        format!("the .xlsx module could not be loaded or run: {detail}"),
    )
}

/// The module's exports, loading it the first time.
async fn module() -> Result<JsValue, Lines> {
    let window = web_sys::window().ok_or_else(|| lines("没有窗口", "no window"))?;
    let load = js_sys::Reflect::get(&window, &JsValue::from_str("dongliangXlsx"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| {
            lines(
                "此版本不能读写 .xlsx 工作簿(单文件版):请改用 CSV,或用在线版。",
                "This edition cannot read or write .xlsx workbooks (the single file): use CSV, or the served app.",
            )
        })?;
    let promise: js_sys::Promise = load
        .call0(&JsValue::NULL)
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    JsFuture::from(promise).await.map_err(failed)
}

async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, Lines> {
    let exports = module().await?;
    let function: js_sys::Function = js_sys::Reflect::get(&exports, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| failed(JsValue::from_str(name)))?;
    let args: js_sys::Array = args.iter().collect();
    function.apply(&JsValue::NULL, &args).map_err(failed)
}

fn rules_json(rules: &RuleSet) -> JsValue {
    JsValue::from_str(&serde_json::to_string(rules).unwrap_or_default())
}

/// A cohort read from a workbook, as the cohort's JSON text, and the sheet it came from.
pub async fn read_cohort(bytes: &[u8], rules: &RuleSet) -> Result<(String, String), Lines> {
    let out = call(
        "readCohort",
        &[js_sys::Uint8Array::from(bytes).into(), rules_json(rules)],
    )
    .await?;
    let text = out.as_string().unwrap_or_default();
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| failed(JsValue::from_str(&e.to_string())))?;
    if let Some(errors) = value.get("errors") {
        let list = |lang: &str| -> Vec<String> {
            errors[lang]
                .as_array()
                .map(|a| a.iter().filter_map(|l| l.as_str().map(str::to_string)).collect())
                .unwrap_or_default()
        };
        return Err((list("zh"), list("en")));
    }
    let sheet = value["sheet"].as_str().unwrap_or_default().to_string();
    let officials = serde_json::json!({"officials": value["officials"]});
    Ok((officials.to_string(), sheet))
}

fn to_bytes(out: JsValue) -> Vec<u8> {
    js_sys::Uint8Array::new(&out).to_vec()
}

/// What can be written as a workbook.
pub enum Book {
    Cohort(std::rc::Rc<Vec<Dossier>>),
    Ranking(std::rc::Rc<Ranking>),
    Comparison(std::rc::Rc<Comparison>),
    Template(Box<Dossier>),
}

/// The workbook's bytes.
pub async fn write(book: Book, rules: &RuleSet, lang: Lang) -> Result<Vec<u8>, Lines> {
    let json = |v: serde_json::Result<String>| JsValue::from_str(&v.unwrap_or_default());
    let lang = JsValue::from_str(if lang == Lang::En { "en" } else { "zh" });
    let out = match book {
        Book::Cohort(officials) => {
            call(
                "writeCohort",
                &[json(serde_json::to_string(&*officials)), rules_json(rules)],
            )
            .await?
        }
        Book::Ranking(ranking) => {
            call(
                "writeRanking",
                &[json(serde_json::to_string(&*ranking)), rules_json(rules), lang],
            )
            .await?
        }
        Book::Comparison(c) => call("writeComparison", &[json(serde_json::to_string(&*c)), lang]).await?,
        Book::Template(example) => {
            call(
                "writeTemplate",
                &[json(serde_json::to_string(&example)), rules_json(rules)],
            )
            .await?
        }
    };
    Ok(to_bytes(out))
}
