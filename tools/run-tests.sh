#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (the README's test command; CI runs it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset default
cmake --build --preset default
ctest --preset default
