//! The shared-state hook: every component reads the one [`State`] and dispatches [`Action`]s
//! through the handle provided at the root.
//!
//! [`Action`]: super::state::Action

use yew::prelude::*;

use super::state::State;

/// The handle to the app's state, as provided by the root component.
pub type AppState = UseReducerHandle<State>;

/// The app's state; only valid under the root's `ContextProvider`.
#[hook]
pub fn use_app_state() -> AppState {
    use_context::<AppState>().expect("components are rendered under the app's ContextProvider")
}
