#!/usr/bin/env bash
# package_contents: makes the .deb with cpack in a temporary directory and checks that it installs the binaries, the
# desktop entry, every icon size, the AppStream data, the compiled-in catalogues, and depends on what the console
# loads at run time. Usage: check-package.sh BUILD_DIR [CONFIG]
set -euo pipefail
build=$1
config=${2:-RelWithDebInfo}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cpack --config "$build/CPackConfig.cmake" -G DEB -C "$config" -B "$work" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
debs=("$work"/hotline-console_*.deb)
[ -f "${debs[0]}" ] || { cat "$work/cpack.log"; echo "FAIL: no hotline-console_*.deb"; exit 1; }
deb=${debs[0]}
echo "package: $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files"
expected=(
    /usr/bin/hotline-console
    /usr/bin/hotlinectl
    /usr/share/applications/hotline-console.desktop
    /usr/share/metainfo/io.github.hotline.Console.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/hotline-console.svg
)
for size in 16 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/hotline-console.png")
done
for f in "${expected[@]}"; do
    grep -qxF "$f" "$work/files" || fail "missing $f"
done

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# libqt6widgets6, libpq5 and libqt6httpserver6 (hotlinectl serve) come from dpkg-shlibdeps, the rest from
# CPACK_DEBIAN_PACKAGE_DEPENDS.
for p in fonts-noto-cjk libqt6sql6-sqlite qt6-qpa-plugins qt6-translations-l10n libqt6widgets6 libqt6charts6 libpq5 libqt6httpserver6; do
    grep -qE "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends lacks $p"
done

# The .qm files are not installed as files: qt_add_translations compiles them into the binaries as :/i18n/*.qm.
# rcc stores resource names in UTF-16BE, so look for that spelling of each catalogue's name.
dpkg-deb -x "$deb" "$work/root"
for bin in hotline-console hotlinectl; do
    for qm in hotline_zh_CN.qm hotline_en.qm; do
        pattern=$(printf '%s' "$qm" | sed 's/./\\x00&/g')
        LC_ALL=C grep -qaP "$pattern" "$work/root/usr/bin/$bin" || fail "$bin lacks the compiled-in $qm"
    done
done

# The desktop entry names the console in Chinese and English and starts the installed binary.
desktop="$work/root/usr/share/applications/hotline-console.desktop"
for line in 'Name=Hotline Console' 'Name[zh_CN]=民声热线工作台' 'Exec=hotline-console' 'Icon=hotline-console'; do
    grep -qxF "$line" "$desktop" || fail "desktop entry lacks $line"
done

if [ "$failures" -gt 0 ]; then
    echo "$failures problem(s); package files:"
    cat "$work/files"
    exit 1
fi
echo "package contents OK"
