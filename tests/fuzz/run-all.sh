#!/usr/bin/env bash
# Builds every libFuzzer target with the "fuzz" preset (clang-14, whole tree
# instrumented with ASan + UBSan + coverage) and runs each for a bounded time
# on a scratch copy of its seed corpus, so that the committed seeds stay as
# they are. Usage: tests/fuzz/run-all.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
declare -A corpus=(
    [fuzz_idcard_frame]=tests/fuzz/idcard/corpus/frame
    [fuzz_idcard_text]=tests/fuzz/idcard/corpus/text
    [fuzz_mrz_text]=tests/fuzz/mrz/corpus
    [fuzz-eticket]=tests/fuzz/eticket/corpus
    [fuzz_ticketrecord]=tests/fuzz/tickets/corpus/record
    [fuzz_ticketmanifest]=tests/fuzz/tickets/corpus/manifest
    [fuzz_sealedkeys]=tests/fuzz/tickets/corpus/sealed
    [fuzz_relaypassage]=tests/fuzz/tickets/corpus/relay
    [fuzz_laneprofile]=tests/fuzz/lane/corpus
    [fuzz_modbustcpreply]=tests/fuzz/lane/corpus-tcpreply
    [fuzz_emrtd_lds]=tests/fuzz/emrtd/corpus
    [fuzz_jsonkeylines]=tests/fuzz/config/corpus
)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${!corpus[@]}"
for target in "${!corpus[@]}"; do
    scratch="build-fuzz/corpus/$target"
    mkdir -p "$scratch"
    echo "== $target: ${seconds}s" >&2
    "build-fuzz/bin/$target" -max_total_time="$seconds" -print_final_stats=1 \
        "$scratch" "${corpus[$target]}"
done
