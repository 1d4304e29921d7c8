//! 栋梁 dongliang — a simulator of the Shibei “北尚栋梁” annual assessment of district-managed
//! principal officials. [`engine`] is the pure rules engine (no web dependencies); `app` is
//! the Yew front end over it, built for the browser with the `app` feature (the workshop's
//! views with `workshop`); `api` is the engine's JavaScript API, built as its own module.

pub mod engine;

#[cfg(feature = "app")]
pub mod app;

#[cfg(feature = "api")]
pub mod api;

#[cfg(feature = "xlsx-module")]
pub mod xlsx_module;
