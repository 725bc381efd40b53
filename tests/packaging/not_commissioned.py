#!/usr/bin/env python3
"""A gate started on the shipped configuration, not commissioned yet, stays up.

gate-app runs the shipped configuration (state folder and status socket moved to
a temporary folder) on the offscreen platform under a bound NOTIFY_SOCKET, as
systemd would run it. It must send READY=1 with a STATUS= naming what to
commission, answer `gatectl status` with the out-of-service screen and the
missing items, keep running (no exit for systemd to restart), and stop
cleanly on SIGTERM.

usage: not_commissioned.py GATE_APP GATECTL SOURCE_DIR
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

START_LIMIT_S = 120  # a generous limit on a loaded machine, not a measurement
MISSING = ["root_key", "device_key", "lane_address"]
STATUS_NAMES = ["root key (tickets.root_key)", "device key (tickets.device_key)",
                "lane address (devices[2].settings.url)"]


def main():
    gate_app, gatectl, source = sys.argv[1:4]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(source, "config", "gate.json"), encoding="utf-8") as shipped:
            config = json.load(shipped)
        config["state_dir"] = os.path.join(tmp, "state")
        os.mkdir(config["state_dir"])
        config["status_socket"] = os.path.join(tmp, "status.sock")
        path = os.path.join(tmp, "gate.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(config, out)

        notify_path = os.path.join(tmp, "notify")
        notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        notify.bind(notify_path)
        notify.settimeout(1)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=tmp, XDG_RUNTIME_DIR=tmp,
                   NOTIFY_SOCKET=notify_path)
        with open(os.path.join(tmp, "stderr"), "w+", encoding="utf-8") as stderr:
            gate = subprocess.Popen([gate_app, "--config", path], env=env,
                                    stdout=subprocess.DEVNULL, stderr=stderr)
            lines = []
            deadline = time.monotonic() + START_LIMIT_S
            while "READY=1" not in lines and gate.poll() is None and time.monotonic() < deadline:
                try:
                    lines += notify.recv(65536).decode().splitlines()
                except socket.timeout:
                    pass
            print("sd_notify:", lines)
            status = [line for line in lines if line.startswith("STATUS=")]
            if "READY=1" not in lines:
                problems.append("no READY=1")
            if not any("not commissioned" in s and all(n in s for n in STATUS_NAMES)
                       for s in status):
                problems.append(f"no STATUS= naming {STATUS_NAMES}")

            run = subprocess.run([gatectl, "status", "--socket", config["status_socket"]],
                                 capture_output=True, text=True, timeout=60)
            print("gatectl status:", run.returncode, run.stdout, run.stderr)
            answer = json.loads(run.stdout) if run.returncode == 0 else {}
            if answer.get("screen") != "out_of_service":
                problems.append(f"screen is {answer.get('screen')!r}, not out_of_service")
            commissioning = answer.get("commissioning", {})
            if commissioning.get("state") != "not_commissioned":
                problems.append(f"commissioning is {commissioning!r}")
            if [m.get("item") for m in commissioning.get("missing", [])] != MISSING:
                problems.append(f"missing items are not {MISSING}: {commissioning!r}")

            if gate.poll() is not None:
                problems.append(f"gate-app exited ({gate.returncode}) instead of staying up")
            else:
                gate.send_signal(signal.SIGTERM)
                code = gate.wait(timeout=60)
                if code != 0:
                    problems.append(f"gate-app stopped with {code} on SIGTERM")
            stderr.seek(0)
            print("gate-app stderr:\n" + stderr.read())

    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
