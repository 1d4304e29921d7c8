#!/usr/bin/env bash
# Builds the site (scripts/build.sh), checks its size budget, serves dist/ on a free
# 127.0.0.1 port (PORT=n picks one and a taken port is refused) with the app's security
# headers, runs the browser checks one step at a time — flows, the phone's tap-only flows, JS API,
# security, accessibility (axe), offline use under a sub-path, the single-file edition (and, with
# PERF=1, the timings) — then stops the server. SKIP_BUILD=1 reuses dist/. Screenshots land in e2e/artifacts/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
# shellcheck source=../scripts/env.sh
. "$root/scripts/env.sh"
cd "$root"

lock="${DONGLIANG_CARGO_LOCK:-/tmp/dongliang-cargo.lock}"
# True when a parent process already holds the build lock (`flock LOCK bash e2e/run.sh`):
# taking it again here would wait for ever.
lock_held_above() {
  local pid=$PPID
  while [ "${pid:-1}" -gt 1 ]; do
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "flock.*$(basename "$lock")" && return 0
    pid="$(awk '{print $4}' "/proc/$pid/stat" 2>/dev/null)"
  done
  return 1
}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # Builds share two cores with other work: one cargo/trunk at a time.
  if lock_held_above; then
    bash scripts/build.sh
  else
    flock "$lock" bash scripts/build.sh
  fi
fi
[ -f dist/index.html ] || { echo "dist/index.html is missing: build first" >&2; exit 1; }
step() { printf '\n-- e2e: %s\n' "$*"; }
step "size budget (wasm + JS + CSS, gzip)"
bash scripts/size-budget.sh dist
# The node modules must match e2e/package-lock.json (npm ls fails on a missing or other version).
(cd e2e && [ -d node_modules/playwright-core ] && npm ls --silent >/dev/null 2>&1) || (cd e2e && npm ci --silent --no-audit --no-fund)

port="${PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
log="$(mktemp)"
node e2e/serve.mjs dist "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  grep -q '^ready' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.05
done
grep -q '^ready' "$log" || { echo "the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port/"
# Make sure the page on that port is this build's, not a stale server's.
node -e '
  const [url, file] = process.argv.slice(1);
  fetch(url).then(r => r.text()).then(t => {
    if (t !== require("fs").readFileSync(file, "utf8")) { console.error(`${url} is not serving ${file}`); process.exit(1); }
  }).catch(e => { console.error(String(e)); process.exit(1); });' "$base" dist/index.html
echo "serving dist/ at $base (pid $server)"

cd e2e
step "flows"
BASE_URL="$base" node flows.mjs
step "trust: honest projections, kept keystrokes, rules carried, copy and paste, QR codes"
BASE_URL="$base" node trust.mjs
step "files as offices have them: encodings, .xlsx both ways, refusals, copy and paste"
BASE_URL="$base" node files.mjs
step "phone: tap-only flows at 360 and 390 px, no control under 44 px, no sideways scrolling"
BASE_URL="$base" node phone.mjs
step "JS API"
BASE_URL="$base" node api.mjs
step "workshop (研讨演示) and rule editor; PERF=1 adds the 100,000-official timings"; BASE_URL="$base" node workshop.mjs
step "projector: sizes at 1920×1080 in both languages, the comparison, the years, no line across a label"; BASE_URL="$base" node projector.mjs
step "security: policy, headers, inert imported text, crafted share links"
BASE_URL="$base" node security.mjs
step "accessibility: axe-core on every view"
BASE_URL="$base" node axe.mjs
step "offline after one visit, served under /sub/path/"
node offline.mjs "$root/dist"
step "single-file edition from file://"
python3 "$root/scripts/single_file.py" "$root/dist" "$root/dist-single/dongliang.html"
node single.mjs "$root/dist-single/dongliang.html"
if [ "${PERF:-0}" = 1 ]; then
  BASE_URL="$base" node perf.mjs
fi
