#!/usr/bin/env bash
# Runs every benchmark of a build and collects their JSON reports, one per
# line, into bench/results/<date>-<host>.ndjson (and prints them).
# Usage: bench/run-all.sh [BUILD_DIR]   (default: build, the default preset)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mkdir -p bench/results
out="bench/results/$(date +%Y%m%d)-$(hostname -s).ndjson"
: >"$out"
for bench in "$build"/bin/bench-*; do
    [ -x "$bench" ] || continue
    echo "running $(basename "$bench")" >&2
    "$bench" | tee -a "$out"
done
echo "results in $out" >&2
