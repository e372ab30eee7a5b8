#!/usr/bin/env bash
# The typed bulk read before and after a change to the record tables, in one session:
# builds the `bulk` bench from BASE's bingads/src (default main) and from HEAD, then runs
# `read-typed FILE` alternately RUNS times (default 4) and prints one JSON line per run.
#
#   bench/bulk_tables_before_after.sh target/bench-bulk/keywords-1m.csv
#
# FILE: a gen_bulk.py file (../shared/bench/python/gen_bulk.py OUT --keywords 1000000).
# bingads/src must be committed (it is checked out from BASE for the first build and restored).
set -euo pipefail
FILE=${1:?usage: $0 FILE}
BASE=${BASE:-main}
RUNS=${RUNS:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
git diff --quiet HEAD -- bingads/src || { echo "commit bingads/src first" >&2; exit 1; }
OUTDIR=$(mktemp -d)
trap 'git checkout HEAD -- bingads/src; rm -rf "$OUTDIR"' EXIT

build() {
  cargo bench -p bingads --bench bulk --no-run 2>&1 \
    | sed -n 's/.*Executable benches\/bulk.rs (\(.*\))/\1/p' | tail -1
}

git checkout "$BASE" -- bingads/src
cp "$(build)" "$OUTDIR/before"
git checkout HEAD -- bingads/src
cp "$(build)" "$OUTDIR/after"
for _ in $(seq "$RUNS"); do
  for which in before after; do
    printf '%s ' "$which"
    "$OUTDIR/$which" read-typed "$FILE"
  done
done
