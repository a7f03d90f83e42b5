#!/usr/bin/env bash
# Installs what is missing, builds, and runs the console on a standalone database filled with demo data
# (the README's first command). Without a display it prints the live board with hotlinectl instead.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh --run
cmake --preset default
cmake --build --preset default --target hotline-console hotlinectl
DB="${HOTLINE_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/hotline-console/demo.db}"
mkdir -p "$(dirname "$DB")"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Demo accounts: admin, calltaker, dispatcher, liaison, supervisor — password demo1234"
    exec build/app/console/hotline-console --db "$DB" --demo "$@"
fi
echo "No display found: showing the board of the demo database on the terminal instead." >&2
[ -f "$DB" ] || build/app/ctl/hotlinectl --db "$DB" init --demo
build/app/ctl/hotlinectl --db "$DB" board
