#!/usr/bin/env python3
"""A QML module that does not load is a clear error, never a crash.

Gives gate-app Qt's QML modules less QtQuick.Shapes (GATE_QML_IMPORT_PATH), as
on a machine without qml6-module-qtquick-shapes, then:
gate-app --self-test and a normal (demo) start must exit non-zero without a
signal, name the failing QML file and import on stderr, and the start must
tell systemd why in STATUS= (on a NOTIFY_SOCKET bound here).
"""
import os
import socket
import subprocess
import sys
import tempfile

FAILING_FILE = "SymbolPictogram.qml"
FAILING_IMPORT = "QtQuick.Shapes"


def mirror_without_shapes(qt_qml, folder):
    """Qt's QML folder as links, less QtQuick/Shapes (as if its package were missing)."""
    os.makedirs(os.path.join(folder, "QtQuick"))
    for entry in os.listdir(qt_qml):
        if entry != "QtQuick":
            os.symlink(os.path.join(qt_qml, entry), os.path.join(folder, entry))
    for entry in os.listdir(os.path.join(qt_qml, "QtQuick")):
        if entry != "Shapes":
            os.symlink(os.path.join(qt_qml, "QtQuick", entry), os.path.join(folder, "QtQuick", entry))
    return folder


def main():
    gate_app, qt_qml = sys.argv[1], sys.argv[2]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        qml = mirror_without_shapes(qt_qml, os.path.join(tmp, "qml"))
        notify_path = os.path.join(tmp, "notify")
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(notify_path)
        notify.settimeout(0)
        env = dict(os.environ, GATE_QML_IMPORT_PATH=qml,
                   QT_QPA_PLATFORM="offscreen", HOME=tmp, XDG_RUNTIME_DIR=tmp,
                   NOTIFY_SOCKET=notify_path)

        runs = {
            "--self-test": [gate_app, "--self-test"],
            "a demo start": [gate_app, "--state-dir", os.path.join(tmp, "demo"), "--exit-after", "1"],
        }
        for what, command in runs.items():
            run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
            print(f"{what}: exit {run.returncode}\n{run.stderr.strip()}")
            if run.returncode <= 0:
                problems.append(f"{what} exited {run.returncode} (expected a non-zero exit, no signal)")
            for needle in (FAILING_FILE, FAILING_IMPORT):
                if needle not in run.stderr:
                    problems.append(f"{what}: stderr does not name {needle}")

        messages = []
        while True:
            try:
                messages.append(notify.recv(65536).decode())
            except BlockingIOError:
                break
        status = [m for m in messages if m.startswith("STATUS=")]
        print("sd_notify:", messages)
        if not any(FAILING_IMPORT in m and FAILING_FILE in m for m in status):
            problems.append("no STATUS= naming the failing QML file and import")
        if any("READY=1" in m for m in messages):
            problems.append("READY=1 sent by a gate without a screen")

    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
