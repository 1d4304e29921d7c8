#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test of dongliang: formatting, lints,
# the engine and CLI tests, the engine built for wasm, the browser tests and the page's size budget.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
bash scripts/setup.sh
# shellcheck source=env.sh
. scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy (native, all targets, web feature on) -D warnings"
cargo clippy --locked --all-targets -- -D warnings
step "cargo clippy (engine only) -D warnings"
cargo clippy --locked --no-default-features --all-targets -- -D warnings
step "cargo clippy (wasm32: the phone's page, the workshop's, the API and the .xlsx module) -D warnings"
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings
# The engine without the web layer is checked (tests and benches included) by the second clippy
# pass above; its tests run once, in the build with every feature, which holds every test of
# the engine and the CLI (no test depends on a feature being off) — one build of the tests
# instead of two, and no optimised build of the benches just to see them compile (clippy's
# `--all-targets` checks them).
step "every native test: the engine, the CLI, the app's reducers, .xlsx"
cargo test --locked
step "fuzzing: a short time-boxed pass over every target (FUZZ_SECONDS, default 10 s each)"
bash scripts/fuzz.sh

if compgen -G "tests/browser_*.rs" >/dev/null; then
  step "browser unit tests (wasm-bindgen-test in headless Chromium)"
  cargo test --locked --target wasm32-unknown-unknown --test 'browser_*'
fi
if [ -f e2e/run.sh ]; then
  step "release build, size budget and Playwright flows"
  bash e2e/run.sh
fi
step "all checks passed"
