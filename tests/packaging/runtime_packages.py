#!/usr/bin/env python3
"""What gate-app and the tests need at run time is installed by the package list.

For every QML import of the product, every Qt plugin gate-app loads (and the
platform plugin the systemd unit selects) and every test peer
(tests/support/peers.json), find the file Qt or the test would load, its
owning Debian package (dpkg -S), and check that the package is named in
scripts/debian-packages.txt, and for what gate-app loads also in the .deb's
Depends. A package that owns a library gate-app links needs neither: the
-dev package of the build and dpkg-shlibdeps bring it. Exits 1 naming each
package that is missing where.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile


def owner(path):
    out = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    # "libqt6gui6:amd64: /usr/lib/..." (diversions and several owners aside)
    return out.stdout.splitlines()[0].split(":")[0].split(",")[0].strip()


def package_depends(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", package],
                         capture_output=True, text=True)
    return {re.split(r"[\s(:]", alternative.strip())[0]
            for clause in out.stdout.split(",") for alternative in clause.split("|")
            if alternative.strip()}


def listed_packages(source):
    with open(os.path.join(source, "scripts", "debian-packages.txt")) as f:
        return {line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")}


def deb_depends(build):
    with open(os.path.join(build, "CPackConfig.cmake")) as f:
        match = re.search(r'set\(CPACK_DEBIAN_PACKAGE_DEPENDS "([^"]*)"\)', f.read())
    if not match:
        sys.exit("CPACK_DEBIAN_PACKAGE_DEPENDS not found in CPackConfig.cmake")
    return {re.split(r"[\s(]", item.strip())[0] for item in match.group(1).split(",") if item.strip()}


def linked_packages(binary):
    out = subprocess.run(["ldd", binary], capture_output=True, text=True, check=True).stdout
    paths = re.findall(r"=> (/\S+)", out)
    return {owner(os.path.realpath(p)) or owner(p) for p in paths} - {None}


def qml_imports(source):
    imports = set()
    for path in glob.glob(os.path.join(source, "gate-app", "ui", "qml", "*.qml")):
        with open(path) as f:
            for line in f:
                match = re.match(r"\s*import\s+([A-Z][\w.]*)", line)
                if match and not match.group(1).startswith("StationGate"):
                    imports.add((match.group(1), os.path.basename(path)))
    return imports


def loaded_plugins(gate_app, qt_plugins, qt_qml):
    """Shared objects gate-app loads from Qt's folders while loading every screen."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_DEBUG_PLUGINS="1", QT_QPA_PLATFORM="offscreen",
                   HOME=home, XDG_RUNTIME_DIR=home)
        out = subprocess.run([gate_app, "--self-test"], capture_output=True, text=True,
                             env=env, timeout=120)
    found = set()
    for path in re.findall(r'(/\S+?\.so)\b', out.stdout + out.stderr):
        if (path.startswith(qt_plugins) or path.startswith(qt_qml)) and os.path.exists(path):
            found.add(path)
    return found, out.returncode


def unit_plugins(source, qt_plugins):
    """The platform plugin and EGLFS integration the systemd unit selects."""
    with open(os.path.join(source, "systemd", "gate-app.service.in")) as f:
        text = f.read()
    plugins = []
    platform = re.search(r"QT_QPA_PLATFORM=(\w+)", text)
    if platform:
        plugins.append(os.path.join(qt_plugins, "platforms", f"libq{platform.group(1)}.so"))
    integration = re.search(r"QT_QPA_EGLFS_INTEGRATION=(\w+)", text)
    if integration:
        name = integration.group(1).replace("_", "-")
        plugins.append(os.path.join(qt_plugins, "egldeviceintegrations", f"libq{name}-integration.so"))
    return plugins


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--qt-plugins", required=True)
    parser.add_argument("--qt-qml", required=True)
    args = parser.parse_args()

    listed = listed_packages(args.source)
    depends = deb_depends(args.build)
    gate_app = os.path.join(args.build, "bin", "gate-app")
    linked = linked_packages(gate_app)
    problems = []

    def need(what, path, in_deb):
        package = owner(path)
        if package is None:
            problems.append(f"{what}: {path} is not installed by any Debian package")
            return
        if package in linked:
            return
        if package not in listed:
            problems.append(f"{what}: {path} comes from {package}, not in scripts/debian-packages.txt")
        if in_deb and package not in depends:
            problems.append(f"{what}: {path} comes from {package}, not in the .deb's Depends "
                            "(cmake/Packaging.cmake)")

    for module, qml_file in sorted(qml_imports(args.source)):
        qmldir = os.path.join(args.qt_qml, *module.split("."), "qmldir")
        need(f"QML import {module} ({qml_file})", qmldir, True)

    plugins, self_test = loaded_plugins(gate_app, args.qt_plugins, args.qt_qml)
    if self_test != 0:
        problems.append(f"gate-app --self-test exited {self_test}")
    if not plugins:
        problems.append("gate-app --self-test reported no loaded plugin (QT_DEBUG_PLUGINS)")
    for plugin in sorted(plugins) + unit_plugins(args.source, args.qt_plugins):
        need(f"Qt plugin {os.path.relpath(plugin, os.path.dirname(args.qt_plugins))}", plugin, True)

    with open(os.path.join(args.source, "tests", "support", "peers.json")) as f:
        peers = json.load(f)
    for name, peer in sorted(peers.items()):
        if name.startswith("_") or "package" not in peer:
            continue
        matches = glob.glob(peer["path"])
        if not matches:
            problems.append(f"test peer {name}: {peer['path']} is missing "
                            f"(Debian package {peer['package']})")
            continue
        package = owner(matches[0])
        if peer["package"] not in listed:
            problems.append(f"test peer {name}: {peer['package']} is not in scripts/debian-packages.txt")
        elif package != peer["package"] and package not in package_depends(peer["package"]):
            problems.append(f"test peer {name}: {matches[0]} comes from {package}, "
                            f"which {peer['package']} does not bring")

    checked = len(plugins)
    for problem in problems:
        print(problem)
    print(f"{len(qml_imports(args.source))} QML imports, {checked} loaded plugins, "
          f"{len(peers) - 1} test peers checked; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
