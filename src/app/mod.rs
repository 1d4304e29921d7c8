//! The browser app (Yew, client-side rendered) over the engine.

/// Mounts the app on the page's body.
pub fn run() {}
