#!/usr/bin/env bash
# Sets up what is missing, builds the app and serves it on 127.0.0.1 (PORT, default 8080) with
# its security headers (Content-Security-Policy …; e2e/serve.mjs). BASE_PATH=/sub/path/ serves
# it under a sub-path, as a deployment there would be.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$(dirname "$here")"
bash scripts/setup.sh
# shellcheck source=env.sh
. scripts/env.sh
port="${PORT:-8080}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port on 127.0.0.1 is taken; set PORT to another one" >&2
  exit 1
fi
flock "${DONGLIANG_CARGO_LOCK:-/tmp/dongliang-cargo.lock}" bash scripts/build.sh
base="${BASE_PATH:-/}"
echo
echo "dongliang is served at http://127.0.0.1:$port${base}  (Ctrl-C stops it)"
exec node e2e/serve.mjs dist "$port" "$base"
