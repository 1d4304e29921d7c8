//! The workshop's .xlsx module (`xlsx.html`): see `dongliang::xlsx_module`. Nothing to mount.

fn main() {}
