#!/usr/bin/env bash
# The size floor: builds examples/size_floor_{yew,engine,page}.rs for the
# browser exactly as Trunk builds the app (the wasm-release profile, wasm-bindgen --target web,
# wasm-opt -Oz with the same features) and prints their wasm + JS glue, raw and gzip -9 — what any page
# with this engine, the JS API and Yew weighs before its views. Not part of the test command
# (a measurement, see README "Size"). Usage: bash scripts/size-floor.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
. "$here/env.sh"
out="$root/target/size-floor"
features="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$root/index.html")"
mkdir -p "$out"
cd "$root"
for example in size_floor_yew size_floor_engine size_floor_page; do
  cargo build --locked --profile wasm-release --target wasm32-unknown-unknown --example "$example" >&2
  wasm-bindgen --target web --out-dir "$out" "target/wasm32-unknown-unknown/wasm-release/examples/$example.wasm"
  wasm-opt -Oz $features --strip-debug --strip-producers "$out/${example}_bg.wasm" -o "$out/$example.wasm"
done
node - "$out" <<'JS'
const { readFileSync } = require('node:fs');
const zlib = require('node:zlib');
const dir = process.argv[2];
const n = (x) => x.toLocaleString('en-US');
const size = (f) => { const b = readFileSync(`${dir}/${f}`); return [b.length, zlib.gzipSync(b, { level: 9 }).length]; };
console.log(`${'example'.padEnd(20)} ${'wasm raw'.padStart(10)} ${'wasm gzip'.padStart(10)} ${'JS gzip'.padStart(8)} ${'gzip total'.padStart(11)}`);
for (const name of ['size_floor_yew', 'size_floor_engine', 'size_floor_page']) {
  const [raw, gz] = size(`${name}.wasm`), [, js] = size(`${name}.js`);
  console.log(`${name.padEnd(20)} ${n(raw).padStart(10)} ${n(gz).padStart(10)} ${n(js).padStart(8)} ${n(gz + js).padStart(11)}`);
}
JS
