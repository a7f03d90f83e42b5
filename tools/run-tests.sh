#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (the README's test command; CI runs it); then
# makes the .deb, installs it on this machine and starts what it installed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset default
cmake --build --preset default
ctest --preset default
bash tools/run-sanitizers.sh # core tests under ASan/UBSan, then each fuzzer briefly
bash tools/check-installed-package.sh build
