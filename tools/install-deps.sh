#!/usr/bin/env bash
# Installs what Hotline Console needs to build, run and test on Debian 12 (as root, or through sudo).
#   bash tools/install-deps.sh          everything: build, run, test (the README's test command)
#   bash tools/install-deps.sh --run    only what building and running the console needs (the README's first command)
# Recommended packages are not installed (--no-install-recommends), so every package the build needs is named here,
# including those that Debian only recommends (libqt6opengl6-dev: Qt6Charts' CMake package needs Qt6OpenGL).
# tools/fresh-debian.sh proves both lists on a brand-new Debian 12 root.
set -euo pipefail
scope=all
case "${1:-}" in
    "") ;;
    --run) scope=run ;;
    *) echo "install-deps: unknown option $1 (use --run or nothing)" >&2; exit 2 ;;
esac
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
    qt6-httpserver-dev qt6-websockets-dev # hotlinectl serve; Debian's Qt6HttpServer CMake package needs WebSockets
    fonts-noto-cjk qt6-translations-l10n qt6-qpa-plugins
    libpq-dev
    python3 # configure: tests/package's checks
)
TEST_PACKAGES=(
    dpkg-dev         # cpack's .deb
    postgresql       # the tests' private server
    poppler-utils    # pdftotext/pdftoppm on the printed report
    clang-14 libclang-rt-14-dev llvm-14 # the sanitizer stage and the fuzzers (tools/run-sanitizers.sh); llvm-symbolizer
)
if [ "$scope" = all ]; then PACKAGES+=("${TEST_PACKAGES[@]}"); fi
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
