#!/usr/bin/env bash
# Makes the .deb in BUILD_DIR (default: build) with cpack, installs it with apt-get (as root, or through sudo) and
# runs the installed programs: `hotlinectl --version`, and the console started offscreen on a fresh demo database
# with --smoke-test (it shows the wall display and quits by itself with exit code 0; a hang is a failure).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

rm -f "$build"/hotline-console_*.deb
(cd "$build" && cpack -G DEB)
debs=("$build"/hotline-console_*.deb)
deb=$(realpath "${debs[0]}")
echo "Installing $deb"
# apt-get needs a path with a slash to take a local file; it fetches what the package depends on.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall "$deb"

# The installed programs, not the ones in the build tree.
/usr/bin/hotlinectl --version
/usr/bin/hotlinectl --help | grep '^  serve ' >/dev/null # the intake service is linked in (Qt HTTP Server from Depends)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
QT_QPA_PLATFORM=offscreen HOTLINE_LANG=zh_CN timeout 60 /usr/bin/hotline-console --db "$work/smoke.db" --demo --smoke-test
echo "installed package OK: $(dpkg-query -W -f='${Package} ${Version}' hotline-console)"
