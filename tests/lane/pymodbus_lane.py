#!/usr/bin/python3
"""An independent lane for driver tests: the default profile of spec/gate-modbus.md
written on pymodbus (not libmodbus), with just enough behaviour to acknowledge
commands. It also serves the coil profile: discrete inputs 0..15 mirror IR 0, and
coil writes are reported. Like a lane without a hardware fire release, it opens on
the fire-alarm input only when commanded. Prints {"tcp": "127.0.0.1:PORT"} when
listening and one JSON line per register write, coil change and command executed;
reads control lines on stdin: "event CODE [SKIP]", "mode N", "inputs N",
"fire on|off" (DI 11), "staff-call on|off" (the wide lane's staff call: IR 15
bit 0, and DI 16 for a coil profile), "fault N", "echo freeze|follow" (the heartbeat echo stops or
follows again, as when the lane's application hangs), "offline on|off" (no reply
at all while on: the link is lost), "wrong-unit [N]" (the next N replies carry
another unit id, as another lane behind a TCP-to-RTU gateway), "quit"."""

import asyncio
import json
import os
import socket
import sys

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext)
from pymodbus.server import StartAsyncTcpServer

CMD_CODE, CMD_ARG, CMD_SEQ, HEARTBEAT = 0, 1, 2, 3
IR_INPUTS, IR_MODE, IR_PENDING_ENTRY, IR_PENDING_EXIT = 0, 1, 2, 3
IR_PASSED_ENTRY, IR_PASSED_EXIT, IR_EVENT, IR_EVENT_SEQ = 4, 6, 8, 9
IR_FAULT, IR_HEARTBEAT_ECHO, IR_FIRMWARE, IR_ACK_SEQ, IR_ACK_RESULT = 10, 11, 12, 13, 14
DI_FIRE = 11
IR_STAFF_CALL, DI_STAFF_CALL = 15, 16  # the staff call of config/lanes/wide.json
FC_WRITE_COIL, FC_WRITE_COILS = 5, 15
MODE_BY_COMMAND = {4: 1, 5: 2, 6: 3, 7: 4, 8: 0, 9: 5, 10: 0}


def say(**fields):
    print(json.dumps(fields), flush=True)


class Lane(ModbusSlaveContext):
    def __init__(self):
        super().__init__(
            di=ModbusSequentialDataBlock(0, [0] * 17),
            co=ModbusSequentialDataBlock(0, [0] * 16),
            hr=ModbusSequentialDataBlock(0, [0] * 8),
            ir=ModbusSequentialDataBlock(0, [0] * 16),
            zero_mode=True)
        self.echo_frozen = False
        self.offline = False
        self.wrong_unit_replies = 0
        # Counters chosen so that a wrong word order shows.
        self.ir(IR_PASSED_ENTRY, [0x0001, 0x0002, 0x0000, 0x0003])
        self.ir(IR_FIRMWARE, [0x0207])
        self.ir(IR_INPUTS, [0x0001])  # barrier closed

    def ir(self, address, values):
        super().setValues(4, address, values)
        if address <= IR_INPUTS < address + len(values):
            bits = values[IR_INPUTS - address]
            super().setValues(2, 0, [(bits >> bit) & 1 for bit in range(16)])

    def ir_value(self, address):
        return self.getValues(4, address, 1)[0]

    def setValues(self, fc_as_hex, address, values):
        before = self.getValues(3, CMD_SEQ, 1)[0]
        coils_before = self.getValues(1, address, len(values))
        super().setValues(fc_as_hex, address, values)
        if fc_as_hex in (FC_WRITE_COIL, FC_WRITE_COILS):
            for offset, value in enumerate(values):  # changes only, as a relay sees them
                if bool(value) != bool(coils_before[offset]):
                    say(coil=address + offset, on=bool(value))
            return
        if fc_as_hex not in (6, 16):
            return
        say(write=address, values=list(values))
        hr = self.getValues(3, 0, 8)
        if address <= HEARTBEAT < address + len(values) and not self.echo_frozen:
            self.ir(IR_HEARTBEAT_ECHO, [hr[HEARTBEAT]])
        if address <= CMD_SEQ < address + len(values) and hr[CMD_SEQ] != before:
            self.execute(hr[CMD_CODE], hr[CMD_ARG], hr[CMD_SEQ])

    def execute(self, code, arg, seq):
        result = 0
        mode = self.ir_value(IR_MODE)
        if mode == 5 and code not in (9, 10, 11):
            result = 1
        elif self.ir_value(IR_FAULT):
            result = 3
        elif code in (1, 2):
            register = IR_PENDING_ENTRY if code == 1 else IR_PENDING_EXIT
            self.ir(register, [min(self.ir_value(register) + max(arg, 1), 0xFFFF)])
        elif code in MODE_BY_COMMAND:
            self.ir(IR_MODE, [MODE_BY_COMMAND[code]])
        self.ir(IR_ACK_SEQ, [seq])
        self.ir(IR_ACK_RESULT, [result])
        say(command=code, code=code, arg=arg, seq=seq, result=result)

    def control(self, line):
        words = line.split()
        if not words:
            return
        if words[0] == "event":
            skip = int(words[2]) if len(words) > 2 else 0
            self.ir(IR_EVENT, [int(words[1])])
            self.ir(IR_EVENT_SEQ, [(self.ir_value(IR_EVENT_SEQ) + 1 + skip) & 0xFFFF])
        elif words[0] == "mode":
            self.ir(IR_MODE, [int(words[1])])
        elif words[0] == "inputs":
            self.ir(IR_INPUTS, [int(words[1])])
        elif words[0] == "fire" and words[1:] in (["on"], ["off"]):
            bits = self.ir_value(IR_INPUTS) & ~(1 << DI_FIRE)
            self.ir(IR_INPUTS, [bits | (1 << DI_FIRE if words[1] == "on" else 0)])
        elif words[0] == "staff-call" and words[1:] in (["on"], ["off"]):
            pressed = int(words[1] == "on")
            self.ir(IR_STAFF_CALL, [pressed])
            super().setValues(2, DI_STAFF_CALL, [pressed])
        elif words[0] == "offline" and words[1:] in (["on"], ["off"]):
            self.offline = words[1] == "on"
        elif words[0] == "wrong-unit":
            self.wrong_unit_replies = int(words[1]) if len(words) > 1 else 1
        elif words[0] == "fault":
            self.ir(IR_FAULT, [int(words[1])])
        elif words[0] == "echo" and words[1:] in (["freeze"], ["follow"]):
            self.echo_frozen = words[1] == "freeze"
        elif words[0] == "quit":
            asyncio.get_running_loop().stop()
            return
        say(control=line)


def manipulate(lane, response):
    """Returns (what to send, skip_encoding) for pymodbus' response_manipulator."""
    if lane.offline:
        return b"", True
    if lane.wrong_unit_replies > 0:
        lane.wrong_unit_replies -= 1
        response.unit_id = response.unit_id % 247 + 1
    return response, False


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def main():
    lane = Lane()
    port = free_port()
    server = await StartAsyncTcpServer(ModbusServerContext(slaves=lane, single=True),
                                       address=("127.0.0.1", port), defer_start=True,
                                       response_manipulator=lambda r: manipulate(lane, r))
    loop = asyncio.get_running_loop()
    pending = bytearray()

    def read_control():
        # Raw reads: lines sent back to back arrive in one chunk, and a
        # buffered readline() would leave all but the first unseen.
        chunk = os.read(sys.stdin.fileno(), 4096)
        if not chunk:  # no more control input; keep serving
            loop.remove_reader(sys.stdin.fileno())
            return
        pending.extend(chunk)
        while b"\n" in pending:
            line, _, rest = bytes(pending).partition(b"\n")
            pending[:] = rest
            lane.control(line.decode(errors="replace").strip())

    try:
        loop.add_reader(sys.stdin.fileno(), read_control)
    except PermissionError:
        pass  # stdin is a plain file such as /dev/null: no control channel
    serving = asyncio.ensure_future(server.serve_forever())
    await server.serving
    say(tcp=f"127.0.0.1:{port}")
    await serving


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except RuntimeError:
        pass  # the loop was stopped by "quit"
