#!/usr/bin/env bash
# The two entry points of the README, for a fresh Debian 12 machine:
#   scripts/dev.sh demo   install what is missing, build, run the gate on its embedded demo
#   scripts/dev.sh test   install what is missing, build, run the whole test suite
set -euo pipefail
cd "$(dirname "$0")/.."

install_missing_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -vE '^\s*(#|$)' scripts/debian-packages.txt)
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    # Services pulled in as dependencies (nginx, rsyslog) are started by the
    # tests themselves on private ports, never as system services.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
    # ccache (scripts/debian-packages.txt) makes a rebuild after a clean or a
    # branch switch mostly cache hits; the launcher is read at first configure.
    # Paths are hashed relative to the clone, so a clone in another folder (CI's)
    # reuses what an earlier build here compiled.
    if command -v ccache >/dev/null 2>&1; then
        export CMAKE_C_COMPILER_LAUNCHER="${CMAKE_C_COMPILER_LAUNCHER:-ccache}"
        export CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}"
        export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
        export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
    fi
    cmake --preset default
    cmake --build --preset default
}

case "${1:-}" in
demo)
    install_missing_packages
    build
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display found: running headless (QT_QPA_PLATFORM=offscreen)." >&2
        export QT_QPA_PLATFORM=offscreen
    fi
    shift
    # The demo's chip passenger gets an emulated passport chip where the test
    # tools beside the repository provide an emulator (README, the demo).
    if [ -z "${GATE_DEMO_CHIP_EMULATOR:-}" ] && [ -x ../shared/tools/emrtd-chip ]; then
        export GATE_DEMO_CHIP_EMULATOR="$PWD/../shared/tools/emrtd-chip"
    fi
    exec build/bin/gate-app "$@"
    ;;
test)
    install_missing_packages
    build
    ctest --preset default
    ;;
*)
    echo "usage: scripts/dev.sh demo [gate-app options] | test" >&2
    exit 2
    ;;
esac
