#!/usr/bin/env python3
"""gatectl's output is its result and nothing else.

`gatectl barcode read` on an e-ticket code (signed and rendered by gate-issuer)
with no D-Bus system bus reachable (DBUS_SYSTEM_BUS_ADDRESS names a socket that
does not exist, no session bus): exit 0, the code on stdout, and nothing at all
on stderr, in particular none of the "Connection Error (Failed to connect to
socket /run/dbus/system_bus_socket ...)" / "Connection Null" lines a library
probing the bus would print.

usage: gatectl_quiet.py GATECTL GATE_ISSUER
"""
import json
import os
import subprocess
import sys
import tempfile

NOISE = ("Connection Error", "Connection Null", "system_bus_socket", "dbus")


def main():
    gatectl, issuer = sys.argv[1:3]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DBUS_")}
        env.update(DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={tmp}/no-system-bus", HOME=tmp,
                   XDG_RUNTIME_DIR=tmp)
        key = os.path.join(tmp, "issuer.pem")
        png = os.path.join(tmp, "code.png")
        subprocess.run([issuer, "keygen", "--alg", "EdDSA", "--out", key], check=True,
                       capture_output=True, env=env, timeout=60)
        subprocess.run([issuer, "code", "--key", key, "--tid", "T1", "--trn", "G101",
                        "--dep", "VNP", "--arr", "AOH", "--dpt", "1795241100",
                        "--iat", "1795200000", "--exp", "1795300000", "--png", png],
                       check=True, capture_output=True, env=env, timeout=60)
        run = subprocess.run([gatectl, "barcode", "read", png], capture_output=True, text=True,
                             env=env, timeout=120)
        print(f"gatectl barcode read: exit {run.returncode}\nstdout: {run.stdout}"
              f"stderr: {run.stderr!r}")
        if run.returncode != 0:
            problems.append(f"exit {run.returncode}")
        codes = json.loads(run.stdout).get("codes", []) if run.stdout.strip() else []
        if [c.get("format") for c in codes] != ["QRCode"]:
            problems.append(f"expected one QR code on stdout, got {codes!r}")
        for needle in NOISE:
            if needle.lower() in run.stderr.lower():
                problems.append(f"stderr mentions {needle!r}")
        if run.stderr:
            problems.append("stderr is not empty")

    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
