//! Work in the page without freezing it: a high-resolution clock to time the ranking, and ways
//! to run the next piece of work only after the browser has painted (so that the result is on
//! screen before the editor is laid out, and a "working…" message shows before a
//! 100,000-official cohort is generated or ranked) or after a delay.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Milliseconds from `performance.now()` (from `Date.now()` where there is no `performance`).
#[cfg(target_arch = "wasm32")]
pub fn now() -> f64 {
    let global = js_sys::global();
    let performance = js_sys::Reflect::get(&global, &"performance".into()).ok();
    performance
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            now.dyn_into::<js_sys::Function>().ok()?.call0(&p).ok()?.as_f64()
        })
        .unwrap_or_else(js_sys::Date::now)
}

/// Milliseconds since the Unix epoch (native builds: the app's unit tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// Runs `work` in a task of its own after `ms` milliseconds.
pub fn after_ms(ms: i32, work: impl FnOnce() + 'static) {
    match web_sys::window() {
        Some(window) => {
            let task = Closure::once_into_js(work);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), ms);
        }
        None => work(),
    }
}

/// Runs `work` after the next frame is painted (an animation frame, then a task).
pub fn after_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        work();
        return;
    };
    let frame = Closure::once_into_js(move || after_ms(0, work));
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
