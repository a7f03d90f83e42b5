#!/usr/bin/env bash
# Installs what is missing, builds, fills a standalone database with demo data and shows the live board
# (the README's first command). Until the desktop console lands, the board is printed by hotlinectl.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake --preset default
cmake --build --preset default --target hotlinectl
DB="${HOTLINE_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/hotline-console/demo.db}"
CTL=build/app/ctl/hotlinectl
if [ ! -f "$DB" ]; then
    "$CTL" --db "$DB" init --demo
fi
"$CTL" --db "$DB" board
echo
"$CTL" --db "$DB" report
