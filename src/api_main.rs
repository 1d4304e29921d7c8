//! The JavaScript API alone (`api.html`): the engine and `evaluate`, `whatIf`, `rank`,
//! `defaultRules`, with no page of its own to mount.

fn main() {
    dongliang::api::expose();
}
