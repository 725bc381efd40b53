#!/usr/bin/env bash
# The Debian package on a clean Debian 12, as a gate gets it:
#   1. a bookworm base system (debootstrap, cached as a tarball for re-runs),
#   2. the .deb made with cpack from a build tree,
#   3. the .deb installed with apt inside a fresh copy of the base, so its Depends resolve
#      from Debian's archive and its maintainer scripts run,
#   4. from /usr/bin, as the gate's user: gate-app --check-config on the shipped (not yet
#      commissioned) configuration, then commissioned with the installed tools, then
#      --check-config again, and gate-app --self-test on the offscreen platform.
#
# usage: scripts/check-install.sh [BUILD_DIR]        (default: build, made by cmake --preset default)
# env:   CHECK_INSTALL_CACHE  cache folder (default: ~/.cache/station-gate-check-install)
#        DEBIAN_MIRROR        the archive (default: http://deb.debian.org/debian)
#        DEBIAN_SECURITY_MIRROR   its security updates (default: http://deb.debian.org/debian-security)
# Needs root (chroot, mounts) and debootstrap (scripts/debian-packages.txt).
# Exit 0 when every check passed; the first failing step ends the run with its status.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(realpath "${1:-$source_dir/build}")
cache_dir=${CHECK_INSTALL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/station-gate-check-install}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
security_mirror=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
base_tarball=$cache_dir/bookworm-minbase.tar.gz

step() { printf '\n== %s (at %ss)\n' "$*" "$SECONDS"; }
fail() {
    echo "check-install: $*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || fail "run as root: it builds a chroot and mounts /proc and /dev in it"
[ -f "$build_dir/CPackConfig.cmake" ] ||
    fail "$build_dir is not a configured build tree (cmake --preset default && cmake --build --preset default)"
command -v debootstrap >/dev/null ||
    fail "debootstrap is missing: scripts/dev.sh installs it with scripts/debian-packages.txt"
mkdir -p "$cache_dir/apt-archives"

if [ ! -f "$base_tarball" ]; then
    step "bookworm base system from $mirror (once; cached in $base_tarball)"
    bootstrap=$(mktemp -d /var/tmp/gate-bootstrap.XXXXXX)
    debootstrap --variant=minbase bookworm "$bootstrap" "$mirror"
    tar -C "$bootstrap" --numeric-owner -czf "$base_tarball.partial" .
    mv "$base_tarball.partial" "$base_tarball"
    rm -rf --one-file-system "$bootstrap"
fi

step "package (cpack in $build_dir)"
(cd "$build_dir" && cpack -G DEB) >"$cache_dir/cpack.log" 2>&1 ||
    { cat "$cache_dir/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls -t "$build_dir"/station-gate_*.deb | head -n 1)
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

root=$(mktemp -d /var/tmp/gate-install.XXXXXX)
cleanup() {
    for mount in "$root/var/cache/apt/archives" "$root/dev/pts" "$root/dev" "$root/proc"; do
        if mountpoint -q "$mount" && ! umount -l "$mount"; then
            echo "check-install: $mount is still mounted: $root is left in place" >&2
            return
        fi
    done
    # --one-file-system: never into a mount that failed to come off.
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" --numeric-owner -xzf "$base_tarball"
chmod 0755 "$root" # the chroot's /: mktemp (and so the tarball's ./) has 0700, locking out the gate's user
# /proc: gate-app finds its plugins and shipped files from /proc/self/exe. /sys
# stays out, so that the package's "udevadm trigger" cannot reach the host's devices.
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
# Downloaded packages are kept between runs: a warm run fetches nothing it has.
mount --bind "$cache_dir/apt-archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A Debian 12 as installed: its updates and security archives too.
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s bookworm-security main\n' \
    "$mirror" "$mirror" "$security_mirror" >"$root/etc/apt/sources.list"
# No service starts inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
cp "$deb" "$root/tmp/station-gate.deb"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
# As the unit runs it: the gate's user, its runtime folder (RuntimeDirectory=), no display.
as_gate() {
    in_root runuser -u station-gate -- \
        env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/run/station-gate "$@"
}

# apt downloads as _apt: the cached archive folder must be its.
in_root install -d -o _apt -g root /var/cache/apt/archives/partial

step "apt-get install ./station-gate.deb in a clean bookworm"
in_root apt-get update -q >"$cache_dir/apt.log" 2>&1 || { cat "$cache_dir/apt.log" >&2; fail "apt-get update failed"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o APT::Keep-Downloaded-Packages=true /tmp/station-gate.deb >>"$cache_dir/apt.log" 2>&1 ||
    { tail -n 40 "$cache_dir/apt.log" >&2; fail "installing the package failed"; }
grep -E '^(Setting up station-gate|station-gate:|[0-9]+ upgraded)' "$cache_dir/apt.log"
in_root getent passwd station-gate
in_root ls -ld /etc/station-gate /etc/station-gate/gate.json /var/log/station-gate

# The service unit makes the state and runtime folders (StateDirectory=,
# RuntimeDirectory=); no systemd runs here.
in_root install -d -m 0750 -o station-gate -g station-gate /var/lib/station-gate /run/station-gate

step "gate-app --check-config /etc/station-gate/gate.json (as shipped)"
status=0
as_gate /usr/bin/gate-app --check-config /etc/station-gate/gate.json || status=$?
echo "exit $status"
# 3: valid but not commissioned (docs/operations.md); anything else is a broken package.
[ "$status" -eq 3 ] || fail "the shipped configuration should be valid and not commissioned (exit 3)"

step "commissioning with the installed tools"
as_gate /usr/bin/gatectl device-key init --out /var/lib/station-gate/device.key
# A station root key made here stands in for the station's: the check is that the
# configuration takes a real one.
root_key=$(in_root gate-issuer keygen --alg EdDSA --out /tmp/station-root.pem |
    sed -n 's/.*"pub":"\([^"]*\)".*/\1/p')
[ -n "$root_key" ] || fail "gate-issuer keygen printed no public key"
in_root sed -i \
    -e "s|\"root_key\": \"\"|\"root_key\": \"$root_key\"|" \
    -e 's|"url": ""|"url": "tcp://127.0.0.1:502"|' /etc/station-gate/gate.json

step "gate-app --check-config /etc/station-gate/gate.json (commissioned)"
as_gate /usr/bin/gate-app --check-config /etc/station-gate/gate.json

step "gate-app --self-test"
as_gate /usr/bin/gate-app --self-test
echo "exit 0"

step "check-install: the installed package works"
