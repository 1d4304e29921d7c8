//! The engine for JavaScript — embedders' own module (`dongliang-api`: the engine and this API,
//! no Yew): `evaluate(dossier, rules?)`, `whatIf(dossier, rules?)`, `rank(cohort, rules?)` and
//! `defaultRules()`, exported by the wasm module and also set as `window.dongliang` (the
//! workshop's page and the single file carry it too). Documents are plain objects
//! (or JSON text) in the exchange format of spec §10; results are plain objects. Invalid input
//! throws an `Error` whose `errors` property lists `{path, type, …, message, message_zh}`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::rules::DEFAULT_RULES_JSON;
use crate::engine::{rules_read, Cohort, Dossier, Engine, FieldErrors, Lang, RuleSet};

/// A JS value as exchange-format text: strings are taken as JSON text, anything else is
/// serialized as it is.
fn text_of(value: &JsValue) -> Result<String, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value.clone()).map_err(|e| {
        thrown(&FieldErrors(vec![crate::engine::FieldError::new(
            "",
            crate::engine::Problem::invalid(e.to_string(), format!("无法读取:{e}")),
        )]))
    })?;
    Ok(json.to_string())
}

/// The `Error` thrown for invalid input, with the field errors attached.
fn thrown(errors: &FieldErrors) -> JsValue {
    let error = js_sys::Error::new(&errors.to_string());
    error.set_name("DossierError");
    let list = js_sys::Array::new();
    for e in errors.iter() {
        let mut value = serde_json::to_value(e).unwrap_or_else(|_| serde_json::json!({"path": e.path}));
        if let Some(map) = value.as_object_mut() {
            map.insert("message".into(), e.problem.message(Lang::En).into());
            map.insert("message_zh".into(), e.problem.message(Lang::Zh).into());
        }
        list.push(&to_js(&value).unwrap_or(JsValue::NULL));
    }
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("errors"), &list);
    error.into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// The rules given, or the default rule set when `undefined` or `null`.
fn rules_of(rules: &JsValue) -> Result<RuleSet, JsValue> {
    if rules.is_undefined() || rules.is_null() {
        return Ok(the_default_rules());
    }
    RuleSet::from_json(&text_of(rules)?).map_err(|e| thrown(&e.nested("rules")))
}

fn dossier_of(dossier: &JsValue, rules: &RuleSet) -> Result<Dossier, JsValue> {
    Dossier::from_json(&text_of(dossier)?, rules).map_err(|e| thrown(&e))
}

/// Evaluates one dossier: total, tier, parts, veto, consequences, assumptions, warnings, trace.
#[wasm_bindgen(js_name = evaluate)]
pub fn evaluate(dossier: JsValue, rules: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules_of(&rules)?;
    let dossier = dossier_of(&dossier, &rules)?;
    to_js(&Engine::new(&rules).evaluate_traced(&dossier))
}

/// The what-if report of one dossier (spec §8).
#[wasm_bindgen(js_name = whatIf)]
pub fn what_if(dossier: JsValue, rules: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules_of(&rules)?;
    let dossier = dossier_of(&dossier, &rules)?;
    to_js(&Engine::new(&rules).what_if(&dossier))
}

/// Ranks a cohort: `{officials: [dossier, …]}` or just the array of dossiers.
#[wasm_bindgen(js_name = rank)]
pub fn rank(cohort: JsValue, rules: JsValue) -> Result<JsValue, JsValue> {
    let rules = rules_of(&rules)?;
    let cohort = if js_sys::Array::is_array(&cohort) {
        let wrapper = js_sys::Object::new();
        js_sys::Reflect::set(&wrapper, &JsValue::from_str("officials"), &cohort)?;
        wrapper.into()
    } else {
        cohort
    };
    let cohort = Cohort::from_json(&text_of(&cohort)?, &rules).map_err(|e| thrown(&e))?;
    to_js(&Engine::new(&rules).rank(&cohort.officials))
}

/// The default rule set, with its article quotes.
#[wasm_bindgen(js_name = defaultRules)]
pub fn default_rules() -> Result<JsValue, JsValue> {
    to_js(&the_default_rules())
}

/// `rules/default.json`, read but not validated again (the engine's tests validate it).
fn the_default_rules() -> RuleSet {
    rules_read::parse(DEFAULT_RULES_JSON).expect("rules/default.json decodes")
}

/// Also offers the API as `window.dongliang` (on the global object) for scripts on the page.
pub fn expose() {
    let window = js_sys::global();
    let api = js_sys::Object::new();
    let set = |name: &str, f: &JsValue| {
        let _ = js_sys::Reflect::set(&api, &JsValue::from_str(name), f);
    };
    let evaluate = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(evaluate);
    let what_if = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(what_if);
    let rank = Closure::<dyn Fn(JsValue, JsValue) -> Result<JsValue, JsValue>>::new(rank);
    let default_rules = Closure::<dyn Fn() -> Result<JsValue, JsValue>>::new(default_rules);
    set("evaluate", evaluate.as_ref());
    set("whatIf", what_if.as_ref());
    set("rank", rank.as_ref());
    set("defaultRules", default_rules.as_ref());
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("dongliang"), &api);
    evaluate.forget();
    what_if.forget();
    rank.forget();
    default_rules.forget();
}
