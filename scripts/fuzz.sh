#!/usr/bin/env bash
# Runs every cargo-fuzz target for FUZZ_SECONDS seconds each (default 10) from a corpus seeded
# with the project's test data, and prints how many executions each made. Uses the stable
# toolchain with RUSTC_BOOTSTRAP=1, so no nightly toolchain is needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
# shellcheck source=env.sh
. "$here/env.sh"
seconds="${FUZZ_SECONDS:-10}"
targets=("${@:-dossier_json rules_json cohort_csv share_link}")
read -r -a targets <<<"${targets[*]}"
cd "$root/fuzz"
# The fuzz build has its own flags: keep it out of any shared target directory.
unset CARGO_TARGET_DIR
export RUSTC_BOOTSTRAP=1
seed() {
  local target="$1" dir="corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    dossier_json) cp "$root"/tests/data/examples/*.json "$root"/tests/data/invalid/*.json "$dir"/ 2>/dev/null || true ;;
    rules_json) cp "$root/rules/default.json" "$dir"/ ;;
    cohort_csv) (cd "$root" && cargo run --quiet --no-default-features -- csv tests/data/cohort.json >"fuzz/$dir/cohort.csv") || true ;;
    # Mode 0 (the fragment as typed) and mode 2 (the JSON inside) of every worked example.
    share_link) python3 - "$root"/tests/data/examples/*.json "$dir" <<'PY' ;;
import base64, sys, zlib
*files, out = sys.argv[1:]
for i, name in enumerate(files):
    text = open(name, "rb").read()
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(text) + packer.flush()
    link = b"#share=1." + base64.urlsafe_b64encode(packed).rstrip(b"=")
    open(f"{out}/link-{i}", "wb").write(b"\x00" + link)
    open(f"{out}/json-{i}", "wb").write(b"\x02" + text)
PY
  esac
}
for target in "${targets[@]}"; do
  seed "$target"
  cargo +stable fuzz build -O "$target"
done
for target in "${targets[@]}"; do
  log="$(mktemp)"
  if ! cargo +stable fuzz run -O "$target" -- -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz: $target found a crash (see fuzz/artifacts/$target)" >&2
    exit 1
  fi
  runs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')"
  echo "fuzz: $target ran ${runs:-?} executions in ${seconds}s without a crash"
  rm -f "$log"
done
