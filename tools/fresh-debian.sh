#!/usr/bin/env bash
# Runs one of the README's set-up commands the way a newcomer would: in a brand-new, minimal Debian 12 root that
# holds nothing this machine has installed by hand (a green build on a used machine can hide a missing install
# step: 0.4.0 needed libqt6opengl6-dev and nobody noticed). CI runs `--demo` on every run (.ci/run).
#
#   bash tools/fresh-debian.sh [--demo | --configure | --tests | --run 'CMD'] [REPO]
#
#   --demo       the README's first command, `bash tools/run-demo.sh`, without a display; passes only when it
#                prints the demo board (default; about 10 minutes on two cores)
#   --configure  `bash tools/install-deps.sh && cmake --preset default` (a couple of minutes)
#   --tests      the README's test command, `bash tools/run-tests.sh` (as long as CI)
#   --run CMD    any command, run at the copy's root
#   REPO         a git checkout (default: this one); its committed HEAD is copied, not the work tree
#
# Needs root and Debian's package registry. The base system (debootstrap --variant=minbase bookworm) is cached in
# $HOTLINE_FRESH_CACHE (default /var/tmp/hotline-fresh-debian) and rebuilt when older than a week, so that it
# keeps up with Debian's point releases; each run unpacks a new copy and removes it afterwards.
# Exit code: that of the command inside (124 when it ran past $HOTLINE_FRESH_TIMEOUT seconds, default 2700).
set -euo pipefail
mode=--demo cmd=
while [ $# -gt 0 ]; do
    case "$1" in
        --configure|--demo|--tests) mode=$1; shift ;;
        --run) [ $# -ge 2 ] || { echo "fresh-debian: --run needs a command" >&2; exit 2; }; mode=--run; cmd=$2; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        -*) echo "fresh-debian: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
repo=$(cd "${1:-$(dirname "$0")/..}" && git rev-parse --show-toplevel)
[ "$(id -u)" -eq 0 ] || { echo "fresh-debian: run as root (it builds a chroot)" >&2; exit 2; }
cache=${HOTLINE_FRESH_CACHE:-/var/tmp/hotline-fresh-debian}
limit=${HOTLINE_FRESH_TIMEOUT:-2700}
base=$cache/base-bookworm.tar
mkdir -p "$cache"

# The first Debian mirror named in the apt sources (deb822 or one-line style), not the security or snapshot one.
debian_mirror() {
    { grep -sh '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}'
      grep -sh '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}'; } \
        | grep -E '/debian/?$' | grep -vE 'security|snapshot' | head -1 || true
}

if [ ! -s "$base" ] || [ -n "$(find "$base" -mtime +7 2>/dev/null)" ]; then
    command -v debootstrap >/dev/null || {
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    }
    mirror=$(debian_mirror)
    [ -n "$mirror" ] || { echo "fresh-debian: no Debian mirror in the apt sources" >&2; exit 2; }
    echo "fresh-debian: building a minimal Debian 12 root from $mirror (cached in $cache)…" >&2
    rm -rf "$cache/build"
    debootstrap --variant=minbase bookworm "$cache/build" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { echo "fresh-debian: debootstrap failed, see $cache/debootstrap.log" >&2; tail -5 "$cache/debootstrap.log" >&2; exit 2; }
    tar -C "$cache/build" -cf "$base.part" . && mv "$base.part" "$base"
    rm -rf "$cache/build"
fi

root=$(mktemp -d "$cache/root.XXXXXX")
log=$cache/last-run.log
cleanup() {
    for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mkdir -p "$root/src"
git -C "$repo" archive HEAD | tar -x -C "$root/src"

case "$mode" in
    --configure) cmd='bash tools/install-deps.sh && cmake --preset default' ;;
    --demo) cmd='bash tools/run-demo.sh' ;;
    --tests) cmd='bash tools/run-tests.sh' ;;
esac
echo "fresh-debian: $(git -C "$repo" log -1 --format='%h %s') in a new Debian 12 root: $cmd" >&2
t0=$(date +%s)
set +e
# Its own process group and a clean environment (no DISPLAY: the demo prints the board), ended as a whole on
# interrupt or time-out before the root is removed.
timeout --kill-after=20 "$limit" setsid chroot "$root" /usr/bin/env -i HOME=/root \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb \
    /bin/bash -c "cd /src && $cmd" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" -eq 0 ] && [ "$mode" = --demo ]; then
    # The demo must end on the printed board: at least one ticket line that starts with its colour.
    if ! grep -Eq '^(red|yellow|green) ' "$log"; then
        echo "fresh-debian: the demo exited 0 but printed no board" >&2
        rc=1
    fi
fi
echo "fresh-debian: exit $rc after $(( $(date +%s) - t0 )) s (output in $log)" >&2
exit "$rc"
