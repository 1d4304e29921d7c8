#![cfg(target_arch = "wasm32")]
//! The app in a real browser (headless Chromium through wasm-bindgen-test): the page opens on
//! example 01, edits reach the result, a wrong entry keeps the last result and shows the
//! engine's message, work is autosaved, unreadable storage starts clean, the language switch
//! is remembered, and the JS API answers and throws as documented.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test browser_app`

use std::time::Duration;

use dongliang::app::{storage, App};
use dongliang::engine::RuleSet;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets Yew render and run its effects.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(40)).await;
}

async fn mount() -> (Element, AppHandle<App>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    // The first frame holds only the result card; the editor follows once it is painted.
    let editor = root.clone();
    eventually(move || editor.query_selector("#sec-basics").ok().flatten().is_some()).await;
    (root, handle)
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    settle().await;
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

/// Waits up to two seconds for `ready` (effects such as saving run after the frame is painted).
async fn eventually(ready: impl Fn() -> bool) {
    for _ in 0..50 {
        if ready() {
            return;
        }
        settle().await;
    }
}

fn total(root: &Element) -> String {
    text(root, ".result-card [data-testid=total]")
}

fn fresh() {
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn opens_on_example_01() {
    fresh();
    let (root, handle) = mount().await;
    assert_eq!(total(&root), "95.28");
    assert_eq!(text(&root, ".result-card [data-testid=tier]"), "好");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_regrade_reaches_the_result_and_is_saved() {
    fresh();
    let (root, handle) = mount().await;
    click(&root, "[data-testid=grade-2-A]").await;
    assert_eq!(total(&root), "96.54");
    let stored = local().get_item("dongliang.library").unwrap().unwrap();
    let library = storage::decode(&stored, &RuleSet::default()).unwrap();
    assert_eq!(
        library.open().dossier.pledges[2].grade,
        Some(dongliang::engine::Grade::A)
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_wrong_entry_keeps_its_text_and_the_last_result() {
    fresh();
    let (root, handle) = mount().await;
    type_into(&root, "#f-pledges-0-quarters-1", "104").await;
    assert!(text(&root, "#f-pledges-0-quarters-1-note").contains("104 超出范围 0–100"));
    let input: HtmlInputElement = find(&root, "#f-pledges-0-quarters-1").dyn_into().unwrap();
    assert_eq!(input.value(), "104");
    assert_eq!(total(&root), "95.28");
    // The summary names the field in words, not by its path (pledges[0].quarters[1]).
    let summary = text(&root, "[data-testid=error-summary]");
    assert!(
        summary.contains("承诺 1 第 2 季度") && !summary.contains("pledges[0]"),
        "{summary}"
    );
    type_into(&root, "#f-pledges-0-quarters-1", "").await;
    assert!(root
        .query_selector("[data-testid=error-summary]")
        .unwrap()
        .is_none());
    assert!(text(&root, "#f-pledges-0-quarters-1-note").contains("未评分"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn unreadable_storage_starts_clean_and_keeps_the_text() {
    fresh();
    local()
        .set_item("dongliang.library", "{\"schema\": 1, \"slots\": [oops")
        .unwrap();
    let (root, handle) = mount().await;
    assert!(text(&root, "[data-testid=notice]").contains("无法读取"));
    assert_eq!(total(&root), "95.28");
    let kept = local().get_item("dongliang.corrupt").unwrap().unwrap();
    assert_eq!(kept, "{\"schema\": 1, \"slots\": [oops");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_language_switch_is_remembered() {
    fresh();
    let (root, handle) = mount().await;
    click(&root, "button[aria-label=English]").await;
    assert_eq!(text(&root, "#result-title"), "Result");
    assert_eq!(text(&root, ".result-card [data-testid=tier]"), "good");
    let saved = || local().get_item("dongliang.lang").unwrap();
    eventually(|| saved().as_deref() == Some("en")).await;
    assert_eq!(saved().as_deref(), Some("en"));
    handle.destroy();
}

#[wasm_bindgen_test]
fn the_js_api_evaluates_and_throws_field_errors() {
    use dongliang::api as js_api;
    let dossier = js_sys::JSON::parse(
        r#"{"unit_score": 92, "pledges": [{"area": "key_work", "grade": "A", "quarters": [95, 95, null, null]}]}"#,
    )
    .unwrap();
    let result = js_api::evaluate(dossier, JsValue::UNDEFINED).unwrap();
    let tier = js_sys::Reflect::get(&result, &"tier".into()).unwrap();
    assert_eq!(tier.as_string().as_deref(), Some("good"));
    let bad = js_sys::JSON::parse(r#"{"pledges": []}"#).unwrap();
    let thrown = js_api::evaluate(bad, JsValue::NULL).unwrap_err();
    assert!(thrown.is_instance_of::<js_sys::Error>());
    let errors: js_sys::Array = js_sys::Reflect::get(&thrown, &"errors".into()).unwrap().into();
    let first = errors.get(0);
    let path = js_sys::Reflect::get(&first, &"path".into()).unwrap();
    assert_eq!(path.as_string().as_deref(), Some("pledges"));
    let kind = js_sys::Reflect::get(&first, &"type".into()).unwrap();
    assert_eq!(kind.as_string().as_deref(), Some("count"));
}
