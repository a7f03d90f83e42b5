#!/usr/bin/env bash
# CI sanitizer stage (called by tools/run-tests.sh after the normal tests): builds hotline_core, hotlinectl, the
# core tests and the fuzz targets with clang and -fsanitize=address,undefined (no recovery: the first report
# fails), runs the core tests and the corpus replays under ASan/UBSan/LSan, then each fuzzer for
# HOTLINE_FUZZ_SECONDS (30 s by default). See docs/HARDENING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${HOTLINE_FUZZ_SECONDS:-30}
t0=$(date +%s)
cmake --preset sanitize
cmake --build --preset sanitize
t1=$(date +%s)
ctest --preset sanitize
t2=$(date +%s)
bash tools/run-fuzz.sh build-sanitize "$seconds"
t3=$(date +%s)
echo "sanitizer stage: build $((t1 - t0))s, tests $((t2 - t1))s, fuzzing $((t3 - t2))s"
