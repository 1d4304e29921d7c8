//! The size floor, part one: what the wasm holds before any view — the engine, the JS API
//! (`evaluate`, `whatIf`, `rank`, `defaultRules`, linked in with the library) and the share
//! link's codec. Built for the browser by `scripts/size-floor.sh`; see README "Size".

fn main() {
    let link = dongliang::app::share::fragment(&dongliang::engine::Dossier::default());
    std::hint::black_box(link);
}
