//! The workshop's .xlsx module (`xlsx.html`): see `dongliang::xlsx_module`. Nothing to mount.

fn main() {
    // Links wasm-bindgen's table of JavaScript values (whose functions the module's clock,
    // js_sys::Date, needs): a main that references nothing of wasm-bindgen's runtime leaves it
    // out, and wasm-bindgen then cannot finish the module.
    std::hint::black_box(wasm_bindgen::externref_heap_live_count());
}
