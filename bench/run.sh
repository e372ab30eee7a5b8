#!/usr/bin/env bash
# Reproduces every figure of README.md's Performance section and bench/RESULTS.md.
#
#   bench/run.sh [PART...]      PART: codec json runtime python generator build package (default: all)
#
# Run from anywhere on an otherwise idle machine (nothing here runs in parallel; `uptime` is
# printed before each part, because other compiles on a 2-core machine skew every figure).
# Output goes to the terminal and to $OUT (default target/bench-results/).
#
#   codec      cargo bench -p bingads-gen --bench soap     (~1 min after a ~4 min release build)
#   json       cargo bench -p bingads-gen --features json --bench json: the 1,000-campaign reply
#              as SOAP, as REST JSON through our types, and as a plain serde_json pass; then
#              ../shared/bench/python/bench_rest_msads.py (msads==13.0.30.1, venv in $MSADS_VENV,
#              default target/bench-msads) on the same REST body
#   runtime    cargo bench -p bingads --bench client       (~1 min after the release build)
#   python     the official Python SDK (bingads==13.0.30.1) on the same inputs, from
#              ../shared/bench/python: a venv in $PYVENV (default target/bench-python), 5
#              construct processes + 5 soap processes (~6 min); checks that its canned
#              1,000-campaign response is byte for byte the Rust benches' input
#   generator  xtask codegen --check, release, min of 5; lines of generated code
#   build      cold debug builds of bingads-gen in fresh target dirs: all services, one service
#              (customer-management), all services + json (~10 min)
#   package    cargo package -p bingads-gen --no-verify, .crate size
#   beforeafter  the cold `bingads-gen --features json` build and the codec bench of each commit
#              in $BEFORE (default: 58d258a 8be31f5, the trees before the hardening issue) and of
#              this tree, in turn: a temporary `git worktree` and target directory per commit,
#              both removed at the end (~15 min). Not in the default PARTS.
#   bulk       bulk files: gen_bulk.py inputs (100k and, with BULK_FULL=1, 1M keywords) in
#              $BULKDIR (default target/bench-bulk); per file, 3 rounds of a plain csv ByteRecord
#              pass, BulkFileReader into typed records through the iterator (read-typed) and
#              through read_record (read-record), and rows lent by next_row (cargo bench -p
#              bingads --bench bulk, one process each, peak RSS from /usr/bin/time -v;
#              BULK_BEFORE=BIN adds another build's read-typed to each round); with valgrind
#              installed, callgrind instruction counts of each mode on the 100k file (stable
#              under load); then BulkFileWriter on 100,000 keyword rows; then the official SDK's
#              bench_bulk_write.py and bench_bulk_read.py (100k only unless BULK_FULL=1: ~7 min
#              per 1M) in the same run (BULK_PYTHON=0 skips them). Not in the default PARTS (the
#              1M file is 661 MB).
#   report     report reading, 100k and 1M rows of ../shared/bench/python/gen_report.py's Keyword
#              Performance report: the Python SDK's ReportFileReader (bench_report_read.py
#              fields) and cargo bench -p bingads --bench report_read (csv baseline, iterate,
#              fields, fields-indexed, zip), each mode its own process for its peak RSS, in one
#              run; the generated files go to $REPORTS (default target/bench-reports, ~400 MB)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${OUT:-$ROOT/target/bench-results}
PYBENCH=${PYBENCH:-$ROOT/../shared/bench/python}
PYVENV=${PYVENV:-$ROOT/target/bench-python}
mkdir -p "$OUT"
PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(codec json runtime python generator build package report)

log() { printf '\n== %s (%s)\n' "$1" "$(uptime | sed 's/.*load average/load average/')" | tee -a "$OUT/summary.txt"; }
note() { printf '%s\n' "$*" | tee -a "$OUT/summary.txt"; }

# min of N wall-clock runs of a command, in seconds (3 decimals)
min_time() {
  local n=$1; shift
  local best=""
  for _ in $(seq "$n"); do
    local t0 t1 dt
    t0=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    t1=$(date +%s.%N)
    dt=$(awk "BEGIN { print $t1 - $t0 }")
    if [ -z "$best" ] || awk "BEGIN { exit !($dt < $best) }"; then best=$dt; fi
  done
  printf '%.3f' "$best"
}

part_codec() {
  log "codec: cargo bench -p bingads-gen --bench soap"
  cargo bench -p bingads-gen --bench soap 2>&1 | tee "$OUT/codec.txt" | tail -12
}

part_json() {
  log "json: cargo bench -p bingads-gen --features json --bench json"
  cargo bench -p bingads-gen --features json --bench json 2>&1 | tee "$OUT/json.txt" | tail -14
  # The official REST client (msads==13.0.30.1, its own venv) on the same REST body.
  BENCH_DUMP="$OUT/json-inputs" cargo bench -p bingads-gen --features json --bench json > /dev/null 2>&1
  local venv=${MSADS_VENV:-$ROOT/target/bench-msads}
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" && "$venv/bin/pip" install -q msads==13.0.30.1
  fi
  "$venv/bin/python" "$PYBENCH/bench_rest_msads.py" \
    "$OUT/json-inputs/GetCampaignsByAccountId_response_1000.json" | tee "$OUT/json-msads.json"
}

part_runtime() {
  log "runtime: cargo bench -p bingads --bench client"
  cargo bench -p bingads --bench client 2>&1 | tee "$OUT/runtime.txt" | tail -16
}

part_python() {
  log "python: official SDK bingads==13.0.30.1 ($PYBENCH)"
  [ -f "$PYBENCH/bench_soap.py" ] || { note "no $PYBENCH/bench_soap.py: skipped"; return; }
  if [ ! -x "$PYVENV/bin/python" ]; then
    python3 -m venv "$PYVENV"
    "$PYVENV/bin/pip" install -q bingads==13.0.30.1
  fi
  local py="$PYVENV/bin/python" res="$OUT/python"
  mkdir -p "$res"
  "$py" --version | tee -a "$OUT/summary.txt"
  "$py" -m pip freeze | grep -iE 'bingads|suds' | tee -a "$OUT/summary.txt"
  # Construction: fresh process per sample (what bench_construct.py's driver does per cell).
  for i in 1 2 3 4 5; do
    "$py" "$PYBENCH/bench_construct.py" child-one CampaignManagementService default > "$res/construct_cm_run$i.json"
    "$py" "$PYBENCH/bench_construct.py" child-all default > "$res/construct_all_run$i.json"
  done
  "$py" - "$res" <<'EOF' | tee -a "$OUT/summary.txt"
import glob, json, os, sys
r = sys.argv[1]
cm = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(r, 'construct_cm_run*.json')))]
al = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(r, 'construct_all_run*.json')))]
f = lambda xs: '%.0f / %.0f / %.0f' % (min(xs) * 1e3, sorted(xs)[len(xs) // 2] * 1e3, max(xs) * 1e3)
print('python construct, ms min / median / max over %d processes:' % len(cm))
print('  import bingads.service_client: %s' % f([x['import_s'] for x in cm]))
print('  1st CampaignManagement ServiceClient: %s' % f([x['first_s'] for x in cm]))
print('  2nd CampaignManagement ServiceClient: %s' % f([x['second_s'] for x in cm]))
print('  all six + import: %s; RSS after all six (MiB): %s' % (
    f([x['total_incl_import_s'] for x in al]),
    ' / '.join('%.0f' % v for v in sorted(x['rss_after_all_kib'] / 1024 for x in al))))
EOF
  # Per-call SOAP overhead: 5 processes, 30 repetitions each (as run_all.sh does).
  for i in 1 2 3 4 5; do
    "$py" "$PYBENCH/bench_soap.py" --reps 30 > "$res/soap_run$i.json"
  done
  "$py" "$PYBENCH/summarize.py" "$res" | tee -a "$OUT/summary.txt"
  # Same inputs: the Python SDK's canned response vs the Rust benches' one.
  "$py" "$PYBENCH/bench_soap.py" --reps 1 --dump "$res/samples" > /dev/null
  BENCH_DUMP="$OUT/rust-samples" cargo bench -p bingads-gen --bench soap > /dev/null 2>&1
  if cmp -s "$res/samples/GetCampaignsByAccountId_response_1000.xml" \
            "$OUT/rust-samples/GetCampaignsByAccountId_response_1000.xml"; then
    note "1,000-campaign response: identical bytes in both ($(wc -c < "$res/samples/GetCampaignsByAccountId_response_1000.xml") bytes)"
  else
    note "WARNING: the 1,000-campaign responses differ"
  fi
  note "AddCampaigns(100) request envelope: Python $(wc -c < "$res/samples/AddCampaigns100_request.xml") bytes, Rust $(wc -c < "$OUT/rust-samples/AddCampaigns100_request.xml") bytes"
}

part_generator() {
  log "generator: xtask codegen --check (release), min of 5"
  cargo build --release -p xtask 2>&1 | tail -1
  note "xtask codegen --check: $(min_time 5 target/release/xtask codegen --check) s (min of 5)"
  note "generated lines (wc -l bingads-gen/src/v13/**/*.rs): $(cat bingads-gen/src/v13/*.rs bingads-gen/src/v13/*/*.rs | wc -l)"
  note "generated bytes: $(cat bingads-gen/src/v13/*.rs bingads-gen/src/v13/*/*.rs | wc -c)"
}

# cold debug build of bingads-gen with the given cargo arguments, in a fresh target dir: wall
# time, the load average around it, CPU time of the whole build, and bench/rustc_cpu.py's split
# of bingads-gen's own rustc into the serial compiler thread and LLVM's workers (what the build
# would take on an idle 2-core machine, whatever the load during the run)
cold_build() {
  local dir t0 t1 split
  dir=$(mktemp -d)
  # Notes go to stderr too: stdout is the wall time the caller captures.
  note "  load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  t0=$(date +%s.%N)
  split=$(/usr/bin/time -f "build cpu %U s user + %S s system" \
    python3 "$ROOT/bench/rustc_cpu.py" bingads_gen "$dir" -- \
    env CARGO_TARGET_DIR="$dir" cargo build -q -p bingads-gen "$@" 2>&1)
  t1=$(date +%s.%N)
  rm -rf "$dir"
  note "  $(echo "$split" | tr '\n' ' ')" >&2
  note "  load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  awk "BEGIN { printf \"%.1f\", $t1 - $t0 }"
}

part_build() {
  log "build: cold debug builds of bingads-gen (fresh CARGO_TARGET_DIR each)"
  cargo fetch -q
  note "all services (default features): $(cold_build) s wall"
  log "build: one service"
  note "one service (--no-default-features --features customer-management): $(cold_build --no-default-features --features customer-management) s wall"
  log "build: all services + json"
  note "all services + json (--features json): $(cold_build --features json) s wall"
}

part_beforeafter() {
  local rev tree trees=() targets=()
  for rev in ${BEFORE:-58d258a 8be31f5}; do
    tree=$(mktemp -d); rmdir "$tree"
    git worktree add -q --detach "$tree" "$rev"
    trees+=("$tree"); targets+=("$(mktemp -d)")
  done
  trees+=("$ROOT"); targets+=("$ROOT/target")
  for tree in "${trees[@]}"; do
    log "beforeafter: cold build, bingads-gen --features json, $(git -C "$tree" rev-parse --short HEAD)"
    note "$( (cd "$tree" && cold_build --features json) ) s wall"
  done
  local i
  for i in "${!trees[@]}"; do
    (cd "${trees[$i]}" && CARGO_TARGET_DIR="${targets[$i]}" cargo bench -q -p bingads-gen --bench soap --no-run 2>/dev/null)
  done
  for round in 1 2 3; do
    for i in "${!trees[@]}"; do
      log "beforeafter: codec bench, $(git -C "${trees[$i]}" rev-parse --short HEAD), round $round"
      (cd "${trees[$i]}" && CARGO_TARGET_DIR="${targets[$i]}" cargo bench -q -p bingads-gen --bench soap 2>/dev/null) | tee -a "$OUT/summary.txt"
    done
  done
  for i in "${!trees[@]}"; do
    [ "${trees[$i]}" = "$ROOT" ] && continue
    git worktree remove --force "${trees[$i]}"
    rm -rf "${targets[$i]}"
  done
}

part_package() {
  log "package: cargo package -p bingads-gen --no-verify"
  if cargo package -p bingads-gen --no-verify --allow-dirty > "$OUT/package.txt" 2>&1; then
    local crate
    crate=$(ls -t target/package/bingads-gen-*.crate | head -1)
    note "$(basename "$crate"): $(stat -c %s "$crate") bytes ($(du -h "$crate" | cut -f1)); files: $(tar tzf "$crate" | wc -l)"
  else
    note "cargo package failed:"
    tail -5 "$OUT/package.txt" | tee -a "$OUT/summary.txt"
  fi
}

part_bulk() {
  local dir=${BULKDIR:-$ROOT/target/bench-bulk} py=${PYVENV}/bin/python
  mkdir -p "$dir"
  [ -x "$py" ] || { python3 -m venv "$PYVENV"; "$PYVENV/bin/pip" install -q bingads==13.0.30.1; }
  local sizes=(100000)
  [ "${BULK_FULL:-0}" = 1 ] && sizes+=(1000000)
  log "bulk: building the bench binary (release)"
  local bin
  bin=$(cargo bench -q -p bingads --bench bulk --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
  # One process per measurement: the bench prints wall and CPU seconds, `/usr/bin/time -v`
  # the peak RSS. $BULK_BEFORE (a bench binary built from another commit) adds its typed
  # read to each round, for before/after ratios taken in the same run.
  run_one() {
    local label=$1; shift
    /usr/bin/time -v "$@" 2> "$OUT/bulk-time.txt" | sed "s/^/$label: /" | tee -a "$OUT/summary.txt"
    note "$label: max RSS $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/bulk-time.txt") KB"
  }
  for n in "${sizes[@]}"; do
    local f="$dir/bulk_$n.csv"
    [ -f "$f" ] || "$py" "$PYBENCH/gen_bulk.py" "$f" --keywords "$n"
    log "bulk: read $n keywords ($(stat -c %s "$f") bytes), 3 rounds"
    for i in 1 2 3; do
      run_one csv-pass "$bin" csv-pass "$f"
      run_one read-typed "$bin" read-typed "$f"
      run_one read-record "$bin" read-record "$f"
      run_one read-rows "$bin" read-rows "$f"
      [ -z "${BULK_BEFORE:-}" ] || run_one read-typed-before "$BULK_BEFORE" read-typed "$f"
    done
  done
  # Instruction counts (stable on a loaded machine, unlike times) on the 100k-keyword file.
  if command -v valgrind >/dev/null; then
    for mode in csv-pass read-typed read-record read-rows; do
      log "bulk: callgrind $mode 100k keywords"
      valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$mode" "$dir/bulk_100000.csv" 2>&1 |
        sed -n "s/.*I *refs: */callgrind $mode instructions: /p" | tee -a "$OUT/summary.txt"
    done
  fi
  log "bulk: write 100,000 keyword rows"
  for i in 1 2 3; do
    run_one write "$bin" write 100000 "$dir/written.csv"
  done
  [ "${BULK_PYTHON:-1}" = 1 ] || return 0
  log "bulk: the official Python SDK, same files"
  "$py" "$PYBENCH/bench_bulk_write.py" "$dir/written_py.csv" --n 100000 | tee -a "$OUT/summary.txt"
  for n in "${sizes[@]}"; do
    /usr/bin/time -v "$py" "$PYBENCH/bench_bulk_read.py" "$dir/bulk_$n.csv" 2> "$OUT/bulk-time.txt" | tee -a "$OUT/summary.txt"
    note "python read $n: max RSS $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/bulk-time.txt") KB, CPU $(sed -n 's/.*User time (seconds): //p' "$OUT/bulk-time.txt") s user"
  done
}

part_report() {
  local dir=${REPORTS:-$ROOT/target/bench-reports}
  mkdir -p "$dir"
  log "report: reader vs plain csv vs the Python SDK ($dir)"
  [ -x "$PYVENV/bin/python" ] || { python3 -m venv "$PYVENV" && "$PYVENV/bin/pip" install -q bingads==13.0.30.1; }
  for rows in 100000 1000000; do
    [ -f "$dir/r$rows.csv" ] || "$PYVENV/bin/python" "$PYBENCH/gen_report.py" "$dir/r$rows.csv" --rows "$rows" | tee -a "$OUT/summary.txt"
  done
  cargo bench -p bingads --bench report_read --no-run -q 2>/dev/null
  for rows in 100000 1000000; do
    [ -f "$dir/r$rows.csv.zip" ] || cargo bench -q -p bingads --bench report_read -- "$dir/r$rows.csv" make-zip 2>/dev/null
    for mode in csv iterate fields fields-indexed zip; do
      cargo bench -q -p bingads --bench report_read -- "$dir/r$rows.csv" "$mode" 3 2>/dev/null | tee -a "$OUT/report.txt" "$OUT/summary.txt"
    done
    "$PYVENV/bin/python" "$PYBENCH/bench_report_read.py" "$dir/r$rows.csv" fields | tee -a "$OUT/report.txt" "$OUT/summary.txt"
  done
}

note "bench/run.sh $(date -u +%FT%TZ) on $(nproc) cores, $(rustc --version), commit $(git rev-parse --short HEAD)"
for p in "${PARTS[@]}"; do "part_$p"; done
note "summary: $OUT/summary.txt"
