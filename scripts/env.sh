# Sourced by the other scripts: where the project's tools live and how they run offline.
DONGLIANG_TOOLS="${DONGLIANG_TOOLS:-$HOME/.local/share/dongliang}"
export DONGLIANG_TOOLS
export PATH="$DONGLIANG_TOOLS/bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
CARGO_FUZZ_VERSION=0.13.2
