#!/usr/bin/env bash
# `npm run bench:instructions`: CPU instructions per simulated request on the optimized-RAG example,
# counted by valgrind's cachegrind. Wall-clock speed on a shared machine varies by up to 2× from run to
# run; the instruction count is the same every time (±1 %), so it is the figure to compare changes by.
# Two runs (20,000 and 220,000 requests) are counted and differenced, which cancels start-up, parsing
# and most JIT compilation. Needs valgrind (Debian: apt-get install valgrind); takes about two minutes.
# `npm run bench:instructions -- floor` counts the purpose-built loop of bench/floor.ts instead: the
# bound on what any engine built from the same primitives could reach.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
  echo "bench:instructions needs valgrind (Debian/Ubuntu: sudo apt-get install valgrind)" >&2
  exit 1
fi
case "${1:-engine}" in
  engine) entry=bench/run.ts; what='the engine, every metric on' ;;
  floor) entry=bench/floor.ts; what='purpose-built loop, bench/floor.ts' ;;
  *) echo "usage: bench/instructions.sh [engine|floor]" >&2; exit 2 ;;
esac
npx esbuild "$entry" --bundle --platform=node --format=esm --target=node20 --outfile=.bench/instructions.mjs --log-level=warning
count() {
  BENCH_REQUESTS="$1" BENCH_PARALLEL=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    node --single-threaded .bench/instructions.mjs 2>&1 | grep 'I *refs' | tr -d ',' | awk '{print $NF}'
}
small=$(count 20000)
large=$(count 220000)
echo "$(( (large - small) / 200000 )) instructions per simulated request (cachegrind, optimized-RAG example, $what)"
