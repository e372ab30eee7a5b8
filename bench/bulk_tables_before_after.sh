#!/usr/bin/env bash
# The typed bulk read before and after a change to the record tables, in one session:
# builds the `bulk` bench from BASE's bingads/src (default main) and from HEAD, then runs
# `read-typed FILE` alternately RUNS times (default 4) and prints one JSON line per run.
#
#   bench/bulk_tables_before_after.sh target/bench-bulk/keywords-1m.csv
#
# FILE: a gen_bulk.py file (../shared/bench/python/gen_bulk.py OUT --keywords 1000000).
# bingads/src must be committed: BASE's version replaces it in the working tree for the first
# build and HEAD's comes back after (`git restore --worktree`, so the index is never touched and
# a commit made meanwhile cannot pick up BASE's files; don't edit bingads/src while it runs).
set -euo pipefail
FILE=${1:?usage: $0 FILE}
BASE=${BASE:-main}
RUNS=${RUNS:-4}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
git diff --quiet HEAD -- bingads/src || { echo "commit bingads/src first" >&2; exit 1; }
OUTDIR=$(mktemp -d)
trap 'git restore --source=HEAD --worktree -- bingads/src; rm -rf "$OUTDIR"' EXIT

build() {
  cargo bench -p bingads --bench bulk --no-run 2>&1 \
    | sed -n 's/.*Executable benches\/bulk.rs (\(.*\))/\1/p' | tail -1
}

git restore --source="$BASE" --worktree -- bingads/src
cp "$(build)" "$OUTDIR/before"
git restore --source=HEAD --worktree -- bingads/src
cp "$(build)" "$OUTDIR/after"
for _ in $(seq "$RUNS"); do
  for which in before after; do
    printf '%s ' "$which"
    "$OUTDIR/$which" read-typed "$FILE"
  done
done
