#!/usr/bin/env bash
# Installs what Hotline Console needs to build, run and test on Debian 12 (as root, or through sudo).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
    fonts-noto-cjk qt6-translations-l10n qt6-qpa-plugins
    dpkg-dev python3
    libpq-dev postgresql
    poppler-utils
    clang-14 libclang-rt-14-dev llvm-14 # the sanitizer stage and the fuzzers (tools/run-sanitizers.sh); llvm-symbolizer
)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
