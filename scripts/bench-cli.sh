#!/usr/bin/env bash
# Whole-process benchmark of `dongliang rank` (read, decode, validate, evaluate, rank, write),
# today's build against a previous one, side by side in one run: generated cohorts
# (`dongliang demo --size N`) ranked by the two binaries alternately (A B A B …), medians of the
# wall time, of the CPU time (user + system, all threads) and of the peak resident memory
# (`/usr/bin/time -v`), output to /dev/null. The builds run first under the shared build lock;
# the measuring then holds that lock, so no build of this project runs meanwhile (other work
# on the machine may: the load average is printed before and after).
# A measurement, not a test: nothing is asserted (README "Benchmarks", "Data path").
#
# Usage: bash scripts/bench-cli.sh [ROUNDS]          (default 7)
#   BASE=<commit>    the previous build, built once into target/bench-cli/ (default d8e34aa,
#                    main before the second round of data-path work; 0d74934 is the commit
#                    before the data path, whose release profile was opt-level "z")
#   PREV_BIN=<path>  take that binary as the previous build instead
#   CUR_BIN=<path>   take that binary as today's build instead of `cargo build --release`
#   CASES="20000:json 200000:json 20000:pretty 20000:csv"   the cohorts: size and form —
#                    json (one line, `demo --compact`), pretty (`demo` as it prints by
#                    default), csv (`dongliang csv`)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
. "$here/env.sh"
lock="${DONGLIANG_CARGO_LOCK:-/tmp/dongliang-cargo.lock}"
rounds="${1:-7}"
base="${BASE:-d8e34aa}"
cases="${CASES:-20000:json 200000:json 20000:pretty 20000:csv}"
work="$root/target/bench-cli"
mkdir -p "$work"

prev="${PREV_BIN:-}"
if [ -z "$prev" ]; then
  prev="$work/prev-$base-target/release/dongliang"
  if [ ! -x "$prev" ]; then
    src="$work/prev-$base-src"
    rm -rf "$src" && mkdir -p "$src"
    git -C "$root" archive "$base" | tar -x -C "$src"
    (cd "$src" && flock "$lock" cargo build --locked --release --no-default-features --bin dongliang \
      --target-dir "$work/prev-$base-target" >&2)
  fi
fi
cur="${CUR_BIN:-}"
if [ -z "$cur" ]; then
  (cd "$root" && flock "$lock" cargo build --locked --release --no-default-features --bin dongliang >&2)
  cur="$root/target/release/dongliang"
fi

# The cohorts, generated once by today's build (the same officials for the same size).
cohort() { # size form → file
  local n="$1" form="$2" f
  case "$form" in
    json) f="$work/cohort-$n.json"; [ -s "$f" ] || "$cur" demo --size "$n" --compact >"$f" ;;
    pretty) f="$work/cohort-$n-pretty.json"; [ -s "$f" ] || "$cur" demo --size "$n" >"$f" ;;
    csv) f="$work/cohort-$n.csv"; [ -s "$f" ] || "$cur" demo --size "$n" --compact | "$cur" csv - >"$f" ;;
    *) echo "unknown form $form" >&2; exit 2 ;;
  esac
  echo "$f"
}

# One run: "<wall ms> <peak KB> <cpu ms>".
run() { # binary file
  local out="$work/time.txt" t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$out" "$1" rank "$2" >/dev/null
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out")" \
    "$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%d", s * 1000 }' "$out")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The cohorts are made and the outputs compared before the lock is taken.
for c in $cases; do
  n="${c%%:*}" form="${c##*:}"
  f="$(cohort "$n" "$form")"
  cmp -s <("$prev" rank "$f") <("$cur" rank "$f") || echo "note: the outputs of $n:$form differ" >&2
done

exec 9>"$lock"
flock 9
echo "machine: $(nproc) vCPU $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem:/ { print $2 }') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "previous: $prev"
echo "today:    $cur"
echo "$rounds rounds, alternating; medians"
printf '\n| cohort | input | previous: wall | CPU | peak RSS | today: wall | CPU | peak RSS | speed-up | today MB/s | RSS / input |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for c in $cases; do
  n="${c%%:*}" form="${c##*:}"
  f="$(cohort "$n" "$form")"
  bytes=$(stat -c %s "$f")
  : >"$work/a.txt"; : >"$work/b.txt"
  for _ in $(seq "$rounds"); do
    run "$prev" "$f" >>"$work/a.txt"
    run "$cur" "$f" >>"$work/b.txt"
  done
  aw=$(cut -d' ' -f1 "$work/a.txt" | median); am=$(cut -d' ' -f2 "$work/a.txt" | median)
  ac=$(cut -d' ' -f3 "$work/a.txt" | median)
  bw=$(cut -d' ' -f1 "$work/b.txt" | median); bm=$(cut -d' ' -f2 "$work/b.txt" | median)
  bc=$(cut -d' ' -f3 "$work/b.txt" | median)
  awk -v n="$n" -v form="$form" -v bytes="$bytes" -v aw="$aw" -v am="$am" -v ac="$ac" \
    -v bw="$bw" -v bm="$bm" -v bc="$bc" 'BEGIN {
    mb = bytes / 1e6
    printf "| %s × %s | %.1f MB | %d ms | %d ms | %.0f MiB | %d ms | %d ms | %.0f MiB | %.1f× | %.0f | %.2f |\n",
      n, form, mb, aw, ac, am / 1024, bw, bc, bm / 1024, aw / bw, mb / (bw / 1000), bm * 1024 / bytes
  }'
done
echo
echo "load afterwards: $(cut -d' ' -f1-3 /proc/loadavg)"
