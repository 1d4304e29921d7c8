#!/usr/bin/env bash
# Sets up what is missing, builds the app and serves it on 127.0.0.1 (PORT, default 8080).
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
trunk build --release
echo
echo "dongliang is served at http://127.0.0.1:$port/  (Ctrl-C stops it)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
