#!/usr/bin/env bash
# Builds every benchmark (bench/*_bench.cc) in Release and runs them one after the other, printing the
# results and saving them (console text and JSON) under bench/results/<UTC timestamp>/ (git-ignored).
# Usage: bench/run.sh [BUILD_DIR] [extra Google Benchmark flags, e.g. --benchmark_filter=Segment]
# Colleagues may append lines for benchmarks that are not Google Benchmark executables.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-bench}
shift || true
JOBS=${JOBS:-2}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DDATELINE_BUILD_BENCH=ON >/dev/null
targets=()
for src in bench/*_bench.cc; do targets+=("$(basename "$src" .cc)"); done
cmake --build "$BUILD" --target "${targets[@]}" -j "$JOBS"
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$OUT/machine.txt"
status=0
for t in "${targets[@]}"; do
  echo "== $t"
  if ! "$BUILD/bench/$t" --benchmark_out="$OUT/$t.json" --benchmark_out_format=json "$@" 2>&1 | tee "$OUT/$t.txt"; then
    echo "bench/run.sh: $t failed" >&2
    status=1
  fi
done
# timex: chrono-node side by side on the first 4000 Reuters articles (needs `npm install` in bench/chrono).
if [ -d bench/chrono/node_modules ]; then "$BUILD/bench/timex_bench" --dump-corpus "$OUT/timex_corpus.jsonl" --dump-timexes "$OUT/timex_ours.jsonl" && node bench/chrono/compare.js "$OUT/timex_corpus.jsonl" "$OUT/timex_ours.jsonl" 4000 | tee "$OUT/timex_chrono.txt" || echo "bench/run.sh: timex chrono comparison failed" >&2; rm -f "$OUT"/timex_*.jsonl; fi
echo "results saved in $OUT/"
exit $status
