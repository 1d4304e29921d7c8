#!/usr/bin/env bash
# What the .xlsx crates (calamine, rust_xlsxwriter, zip) add to the browser's wasm: builds
# examples/size_files.rs for wasm32 as Trunk builds the app (wasm-release profile, wasm-bindgen
# --target web, wasm-opt -Oz with the page's features), with feature `app` (so the engine's
# JS API is linked in, as in the app) once without and once with feature `xlsx`, and prints wasm raw and gzip -9 for both and their difference. Also says whether
# encoding_rs (calamine's dependency) is in the wasm, by its function names before wasm-opt.
# A measurement, not part of the test command. Usage: bash scripts/size-files.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
. "$here/env.sh"
out="$root/target/size-files"
features="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$root/index.html")"
mkdir -p "$out"
cd "$root"
for variant in without read write with; do
  flags=(--no-default-features --features app)
  [ "$variant" != without ] && flags=(--no-default-features --features app,xlsx)
  export SIZE_FILES="$variant"
  cargo build --locked --profile wasm-release --target wasm32-unknown-unknown --example size_files "${flags[@]}" >&2
  built="target/wasm32-unknown-unknown/wasm-release/examples/size_files.wasm"
  names="$(grep -c -a -o 'encoding_rs' "$built" || true)"
  echo "$variant xlsx: encoding_rs names before wasm-opt: $names" >&2
  wasm-bindgen --target web --out-dir "$out/$variant" "$built"
  wasm-opt -Oz $features --strip-debug --strip-producers "$out/$variant/size_files_bg.wasm" -o "$out/$variant.wasm"
done
node - "$out" <<'JS'
const { readFileSync } = require('node:fs');
const zlib = require('node:zlib');
const dir = process.argv[2];
const n = (x) => x.toLocaleString('en-US');
const size = (f) => { const b = readFileSync(`${dir}/${f}`); return [b.length, zlib.gzipSync(b, { level: 9 }).length]; };
const [rawA, gzA] = size('without.wasm');
console.log(`${'build'.padEnd(26)} ${'wasm raw'.padStart(10)} ${'wasm gzip'.padStart(10)} ${'+ raw'.padStart(10)} ${'+ gzip'.padStart(10)}`);
for (const [file, label] of [['without', 'CSV only (no xlsx)'], ['read', '+ xlsx reader'], ['write', '+ xlsx writers'], ['with', '+ reader and writers']]) {
  const [raw, gz] = size(`${file}.wasm`);
  console.log(`${label.padEnd(26)} ${n(raw).padStart(10)} ${n(gz).padStart(10)} ${n(raw - rawA).padStart(10)} ${n(gz - gzA).padStart(10)}`);
}
JS
