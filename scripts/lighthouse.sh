#!/usr/bin/env bash
# The phone benchmark (README "Phone performance"): e2e/lighthouse.mjs — Lighthouse 12's mobile
# preset against the release build served with gzip, first and returning visits, N runs each —
# with the e2e node modules installed from the lock, while holding the build lock so that no
# cargo/trunk build shares the 2 cores with the measurement (NO_LOCK=1 skips that). Build first
# (`trunk build --release`); arguments go to e2e/lighthouse.mjs (paths relative to the current
# directory), e.g. from the repository root:
#   bash scripts/lighthouse.sh                     # 5 runs of dist/
#   bash scripts/lighthouse.sh 5 dist /work/dist-baseline   # side by side, A B A B
#   bash scripts/lighthouse.sh 3 dist --page=workshop.html --scenarios=first
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The node modules must match e2e/package-lock.json (npm ls fails on a missing or other version).
(cd "$root/e2e" && [ -d node_modules/lighthouse ] && npm ls --silent >/dev/null 2>&1) \
  || (cd "$root/e2e" && npm ci --silent --no-audit --no-fund)
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
lock="${DONGLIANG_CARGO_LOCK:-/tmp/dongliang-cargo.lock}"
if [ "${NO_LOCK:-0}" = 1 ]; then
  exec node "$root/e2e/lighthouse.mjs" "$@"
fi
echo "waiting for the build lock ($lock) so that no build runs during the measurement" >&2
exec flock "$lock" node "$root/e2e/lighthouse.mjs" "$@"
