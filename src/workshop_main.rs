//! The workshop's page (`workshop.html`): every view, the rule editor, and the JS API on
//! `window.dongliang`; also the module of the single-file edition.

fn main() {
    dongliang::api::expose();
    dongliang::app::run();
}
