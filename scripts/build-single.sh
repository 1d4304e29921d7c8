#!/usr/bin/env bash
# Builds the single-file edition: one self-contained HTML file (wasm, JS and CSS inside) that
# opens from file:// with no server — dist-single/dongliang.html. SKIP_BUILD=1 reuses dist/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$(dirname "$here")"
# shellcheck source=env.sh
. scripts/env.sh
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  flock "${DONGLIANG_CARGO_LOCK:-/tmp/dongliang-cargo.lock}" bash scripts/build.sh
fi
python3 scripts/single_file.py dist dist-single/dongliang.html
