#!/usr/bin/env bash
# The phone's budget: what the self-assessment (index.html) downloads before it can run — the
# files its page names: the wasm, the JS (wasm-bindgen glue and start.js) and the stylesheets —
# gzip -9 (and brotli -11) per file, from a release build (dist/ by default). The goal is 250 KB
# gzip (250,000 bytes; SIZE_GOAL). Where measurement puts the floor above the goal, the check
# fails above SIZE_LIMIT, a regression limit set in README.md ("Size") at the measured size, and
# reports the shortfall. The workshop's page and the embedders' API module are listed too, for
# reference (they load only when opened). Usage: bash scripts/size-budget.sh [dist-dir]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-$(dirname "$here")/dist}"
[ -f "$dir/index.html" ] || { echo "size budget: $dir/index.html is missing: build first" >&2; exit 1; }
SIZE_GOAL="${SIZE_GOAL:-250000}" SIZE_LIMIT="${SIZE_LIMIT:-371000}" node - "$dir" <<'JS'
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const zlib = require('node:zlib');
const dir = process.argv[2];
const goal = Number(process.env.SIZE_GOAL), limit = Number(process.env.SIZE_LIMIT);
const n = (x) => x.toLocaleString('en-US');
/** The wasm, JS and CSS a page loads before it runs (module scripts; not the nomodule one). */
function critical(page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const names = new Set();
  for (const m of html.matchAll(/<link rel="stylesheet" href="\.?\/?([^"]+)"/g)) names.add(m[1]);
  for (const m of html.matchAll(/<script type="module" src="\.?\/?([^"]+)"/g)) names.add(m[1]);
  for (const m of html.matchAll(/data-dongliang-(?:js|wasm)="\.?\/?([^"]+)"/g)) names.add(m[1]);
  return [...names].filter((f) => existsSync(join(dir, f))).sort();
}
function measure(f) {
  const b = readFileSync(join(dir, f));
  return [f, b.length, zlib.gzipSync(b, { level: 9 }).length,
    zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length];
}
const line = (r) => console.log(`${String(r[0]).padEnd(46)} ${n(r[1]).padStart(11)} ${n(r[2]).padStart(10)} ${n(r[3]).padStart(10)}`);
const totals = {};
for (const [page, what] of [['index.html', "the phone's page (self-assessment)"], ['workshop.html', "the workshop's page (every view)"], ['api.html', "the embedders' API module"]]) {
  if (!existsSync(join(dir, page))) continue;
  console.log(`\n${page} — ${what}`);
  line(['file', 'raw', 'gzip', 'brotli']);
  const rows = critical(page).map(measure);
  rows.forEach(line);
  const total = rows.reduce((t, r) => [t[0], t[1] + r[1], t[2] + r[2], t[3] + r[3]], ['total', 0, 0, 0]);
  line(total);
  totals[page] = total[2];
}
const gz = totals['index.html'];
console.log('');
if (gz <= goal) {
  console.log(`size budget: the phone's critical path is ${n(gz)} bytes gzip, within the ${n(goal)} goal (${n(goal - gz)} to spare)`);
} else if (gz <= limit) {
  console.log(`size budget: the phone's critical path is ${n(gz)} bytes gzip, ${n(gz - goal)} (${((gz / goal - 1) * 100).toFixed(1)} %) over the ${n(goal)} goal; within the regression limit of ${n(limit)} (README.md, "Size")`);
} else {
  console.error(`size budget: the phone's critical path is ${n(gz)} bytes gzip, over the limit of ${n(limit)} by ${n(gz - limit)} (goal ${n(goal)}, short by ${n(gz - goal)})`);
  process.exit(1);
}
JS
