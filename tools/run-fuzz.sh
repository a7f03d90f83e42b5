#!/usr/bin/env bash
# Runs each libFuzzer target of a HOTLINE_FUZZ=ON build for a while, starting from its corpus in tests/data/fuzz/.
# Usage: tools/run-fuzz.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]   (targets: ticket_csv holiday_cn phone event_decode)
# New interesting inputs go to a scratch folder, not into the repository. A crash stops the run with the input saved
# as BUILD_DIR/fuzz-artifacts/<target>/crash-*: fix the code, then copy the file into
# tests/data/fuzz/<target>/regressions/ so that every build replays it (ctest fuzz_replay_<target>).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: tools/run-fuzz.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-30}
shift $(( $# > 1 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ticket_csv holiday_cn phone event_decode)

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tools/lsan.supp:print_suppressions=0}
export HOTLINE_LANG=en QT_QPA_PLATFORM=offscreen

for t in "${targets[@]}"; do
    exe="$build/tests/fuzz/fuzz_$t"
    [ -x "$exe" ] || { echo "missing $exe: configure with -DHOTLINE_FUZZ=ON (clang)" >&2; exit 2; }
    scratch="$build/fuzz-corpus/$t"
    artifacts="$build/fuzz-artifacts/$t"
    mkdir -p "$scratch" "$artifacts"
    echo "== fuzz_$t for ${seconds}s"
    start=$(date +%s)
    # -timeout: an input taking 10 s is a hang, reported like a crash; -rss_limit_mb: a blow-up is one too.
    if ! "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$artifacts/" "$scratch" "tests/data/fuzz/$t" > "$build/fuzz-$t.log" 2>&1; then
        tail -n 60 "$build/fuzz-$t.log" >&2
        echo "fuzz_$t FAILED; the input is in $artifacts/ (add it to tests/data/fuzz/$t/regressions/ once fixed)" >&2
        exit 1
    fi
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$build/fuzz-$t.log" | tr '\n' ' '
    echo "($(( $(date +%s) - start ))s)"
done
