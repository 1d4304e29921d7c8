#!/usr/bin/env bash
# The page's size budget: what a first visit downloads to run the app — the wasm, the
# wasm-bindgen JS glue and the stylesheets of a release build (dist/ by default) — printed raw,
# gzip -9 and brotli -11 per file. The goal is 200 KB gzip (200,000 bytes; SIZE_GOAL); the
# check fails above SIZE_LIMIT, a regression limit set in README.md ("Size") while the goal is out
# of reach, and reports the shortfall. Usage: bash scripts/size-budget.sh [dist-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-$(dirname "$here")/dist}"
[ -f "$dir/index.html" ] || { echo "size budget: $dir/index.html is missing: build first" >&2; exit 1; }
SIZE_GOAL="${SIZE_GOAL:-200000}" SIZE_LIMIT="${SIZE_LIMIT:-398000}" node - "$dir" <<'JS'
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const zlib = require('node:zlib');
const dir = process.argv[2];
const goal = Number(process.env.SIZE_GOAL), limit = Number(process.env.SIZE_LIMIT);
const files = readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f) && !['sw.js', 'start.js'].includes(f)).sort();
const n = (x) => x.toLocaleString('en-US');
const rows = files.map((f) => {
  const b = readFileSync(join(dir, f));
  return [f, b.length, zlib.gzipSync(b, { level: 9 }).length,
    zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length];
});
const total = rows.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3]], ['total (wasm + JS + CSS)', 0, 0, 0]);
const line = (r) => console.log(`${r[0].padEnd(44)} ${n(r[1]).padStart(11)} ${n(r[2]).padStart(10)} ${n(r[3]).padStart(10)}`);
line(['file', 'raw', 'gzip', 'brotli'].map(String));
rows.forEach(line);
line(total);
// The page, its loader and the service worker, for reference.
const extra = ['start.js', 'sw.js', 'index.html'].filter((f) => require('node:fs').existsSync(join(dir, f)))
  .map((f) => `${f} ${n(zlib.gzipSync(readFileSync(join(dir, f)), { level: 9 }).length)}`);
if (extra.length) console.log(`not counted (gzip): ${extra.join(', ')}`);
const gz = total[2];
if (gz <= goal) {
  console.log(`size budget: ${n(gz)} bytes gzip, within the ${n(goal)} goal (${n(goal - gz)} to spare)`);
} else if (gz <= limit) {
  console.log(`size budget: ${n(gz)} bytes gzip, ${n(gz - goal)} (${((gz / goal - 1) * 100).toFixed(1)} %) over the ${n(goal)} goal; within the regression limit of ${n(limit)} (README.md, "Size")`);
} else {
  console.error(`size budget: ${n(gz)} bytes gzip is over the limit of ${n(limit)} by ${n(gz - limit)} (goal ${n(goal)}, short by ${n(gz - goal)})`);
  process.exit(1);
}
JS
