#!/usr/bin/env bash
# Builds the site into dist/ (release): the phone's page (index.html: the self-assessment), the
# workshop's page (workshop.html: every view), the embedders' page (api.html: the JS API
# alone) and the workshop's .xlsx module (xlsx.html, loaded by the workshop on first use),
# each with its own wasm module. Trunk 0.21 builds one HTML target a run, so this runs
# it three times and merges the outputs, puts the phone's first frame into index.html
# (scripts/prerender.mjs), then checks the pages and writes the service worker's file list
# (scripts/postbuild.py). Used by scripts/serve.sh and the test command.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$(dirname "$here")"
# shellcheck source=env.sh
. scripts/env.sh
stage=target/pages
rm -rf "$stage"
for page in workshop api xlsx; do
  trunk build "$page.html" --release=true --html-output "$page.html" --dist "$stage/$page"
done
trunk build index.html --release=true --dist dist
for page in workshop api xlsx; do
  # Same name, same content (content-hashed names; the shared stylesheet): never overwrite.
  cp -rn "$stage/$page/." dist/
done
# The workshop's page loads the .xlsx module on first use: name its files there.
python3 - <<'PY'
import re
xlsx = open("dist/xlsx.html", encoding="utf-8").read()
js, wasm = re.search(r'data-dongliang-js="([^"]+)" data-dongliang-wasm="([^"]+)"', xlsx).groups()
page = open("dist/workshop.html", encoding="utf-8").read()
tag = f'<script type="module" src="./xlsx.js" data-xlsx-js="{js}" data-xlsx-wasm="{wasm}"></script>'
page, n = re.subn(r"</head>", f"  {tag}\n  </head>", page, count=1)
assert n == 1, "workshop.html has no </head>"
open("dist/workshop.html", "w", encoding="utf-8").write(page)
PY
# The phone's first frame into index.html (headless Chromium; skipped, with a warning, where
# the e2e modules or Chromium are missing: the page then paints when its wasm has run).
if [ -d e2e/node_modules/playwright-core ] && [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  node scripts/prerender.mjs dist
else
  echo "build: no prerendered first view (run scripts/setup.sh for Chromium and the e2e modules)" >&2
fi
python3 scripts/postbuild.py dist
