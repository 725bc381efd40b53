#!/usr/bin/env python3
"""gate-app --check-config, as an integrator runs it before starting a gate.

- Every sample of tests/app/config-samples/invalid (the file and its keys) and
  check-invalid (what the device plugins, the log shipper or the device key
  refuse): exit 78, and stderr names the file, the line and the dotted key of
  the problem (the sample's .expected line).
- A start on each invalid sample (gate-app --config) refuses with exit 78 and
  the same words on stderr, which the journal keeps.
- The shipped configuration, copied elsewhere as the package does to /etc:
  exit 3, naming tickets.root_key, tickets.device_key and the lane's
  settings.url as not commissioned.
- The same copy commissioned (a device key made by gatectl, a root key, a lane
  address): exit 0, "configuration OK". Its lane profile is not next to the
  copy: only the shipped folder has it. With a wrong log_sync.port, the check
  and a start both refuse, naming its line.
Runs without a display and without QT_QPA_PLATFORM: the check needs no screen.

usage: check_config.py GATE_APP GATECTL SOURCE_DIR
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

# RFC 8032, test 1: a valid Ed25519 public key, standing in for a station's root key.
A_ROOT_KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="


def main():
    gate_app, gatectl, source = sys.argv[1:4]
    samples = os.path.join(source, "tests", "app", "config-samples")
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    problems = []

    def check(what, path, exit_code, needles, stdout=None, option="--check-config"):
        # A start makes the screen's application: it gets one that needs no display.
        run_env = env if option == "--check-config" else dict(env, QT_QPA_PLATFORM="offscreen")
        run = subprocess.run([gate_app, option, path], capture_output=True,
                             text=True, env=run_env, timeout=120)
        print(f"--- {what}: exit {run.returncode}\n{run.stdout}{run.stderr}".rstrip())
        if run.returncode != exit_code:
            problems.append(f"{what}: exit {run.returncode}, expected {exit_code}")
        for needle in needles:
            if needle not in run.stderr:
                problems.append(f"{what}: stderr does not say {needle!r}")
        if stdout is not None and run.stdout != stdout:
            problems.append(f"{what}: stdout is {run.stdout!r}, expected {stdout!r}")

    for folder in ("invalid", "check-invalid"):
        files = sorted(glob.glob(os.path.join(samples, folder, "*.json")))
        if not files:
            problems.append(f"no samples in {folder}")
        for path in files:
            with open(path[:-len(".json")] + ".expected", encoding="utf-8") as expected:
                line = expected.read().strip()
            check(f"{folder}/{os.path.basename(path)}", path, 78, [f"gate-app: {path}", line],
                  stdout="")
            if folder == "invalid":
                check(f"start on {folder}/{os.path.basename(path)}", path, 78,
                      [f"gate-app: {path}", line], option="--config")

    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(source, "config", "gate.json"), encoding="utf-8") as shipped:
            config = json.load(shipped)
        state = os.path.join(tmp, "state")
        os.mkdir(state)
        config["state_dir"] = state
        path = os.path.join(tmp, "gate.json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(config, out)
        # json.dump writes one line: every key is on line 1.
        check("shipped", path, 3, [f"{path}:1: tickets.root_key: not commissioned: ",
                                   f"{path}:1: tickets.device_key: not commissioned: ",
                                   f"{path}:1: devices[2].settings.url: not commissioned: "],
              stdout="")

        subprocess.run([gatectl, "device-key", "init", "--out", os.path.join(state, "device.key")],
                       check=True, capture_output=True, timeout=60)
        config["tickets"]["root_key"] = A_ROOT_KEY
        lane = next(d for d in config["devices"] if d["role"] == "lane")
        lane["settings"]["url"] = "tcp://127.0.0.1:502"
        with open(path, "w", encoding="utf-8") as out:
            json.dump(config, out)
        check("shipped, commissioned", path, 0, [], stdout="configuration OK\n")

        # What only a start reads (the log shipper's settings) is placed in
        # the file as --check-config places it.
        config["log_sync"] = {"host": "collector.example", "port": 0}
        text = json.dumps(config, indent=2)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        port_line = text.splitlines().index('    "port": 0') + 1
        needle = f"{path}:{port_line}: log_sync.port: must be between 1 and 65535 (got 0)"
        check("log_sync.port", path, 78, [needle], stdout="")
        check("start with log_sync.port", path, 78, [needle], option="--config")

    for problem in problems:
        print("FAIL:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
