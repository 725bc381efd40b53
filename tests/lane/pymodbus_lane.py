#!/usr/bin/python3
"""An independent lane for driver tests: the default profile of spec/gate-modbus.md
written on pymodbus (not libmodbus), with just enough behaviour to acknowledge
commands. Prints {"tcp": "127.0.0.1:PORT"} when listening and one JSON line per
register write; reads control lines on stdin: "event CODE [SKIP]", "mode N",
"inputs N", "fault N", "echo freeze|follow" (the heartbeat echo stops or follows
again, as when the lane's application hangs), "quit"."""

import asyncio
import json
import socket
import sys

from pymodbus.datastore import (ModbusSequentialDataBlock, ModbusServerContext,
                                ModbusSlaveContext)
from pymodbus.server import StartAsyncTcpServer

CMD_CODE, CMD_ARG, CMD_SEQ, HEARTBEAT = 0, 1, 2, 3
IR_INPUTS, IR_MODE, IR_PENDING_ENTRY, IR_PENDING_EXIT = 0, 1, 2, 3
IR_PASSED_ENTRY, IR_PASSED_EXIT, IR_EVENT, IR_EVENT_SEQ = 4, 6, 8, 9
IR_FAULT, IR_HEARTBEAT_ECHO, IR_FIRMWARE, IR_ACK_SEQ, IR_ACK_RESULT = 10, 11, 12, 13, 14
MODE_BY_COMMAND = {4: 1, 5: 2, 6: 3, 7: 4, 8: 0, 9: 5, 10: 0}


def say(**fields):
    print(json.dumps(fields), flush=True)


class Lane(ModbusSlaveContext):
    def __init__(self):
        super().__init__(
            di=ModbusSequentialDataBlock(0, [0] * 16),
            co=ModbusSequentialDataBlock(0, [0] * 16),
            hr=ModbusSequentialDataBlock(0, [0] * 8),
            ir=ModbusSequentialDataBlock(0, [0] * 15),
            zero_mode=True)
        self.echo_frozen = False
        # Counters chosen so that a wrong word order shows.
        self.ir(IR_PASSED_ENTRY, [0x0001, 0x0002, 0x0000, 0x0003])
        self.ir(IR_FIRMWARE, [0x0207])
        self.ir(IR_INPUTS, [0x0001])  # barrier closed

    def ir(self, address, values):
        super().setValues(4, address, values)

    def ir_value(self, address):
        return self.getValues(4, address, 1)[0]

    def setValues(self, fc_as_hex, address, values):
        before = self.getValues(3, CMD_SEQ, 1)[0]
        super().setValues(fc_as_hex, address, values)
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
        say(command=code, arg=arg, seq=seq, result=result)

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
        elif words[0] == "fault":
            self.ir(IR_FAULT, [int(words[1])])
        elif words[0] == "echo" and words[1:] in (["freeze"], ["follow"]):
            self.echo_frozen = words[1] == "freeze"
        elif words[0] == "quit":
            asyncio.get_running_loop().stop()
            return
        say(control=line)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def main():
    lane = Lane()
    port = free_port()
    server = await StartAsyncTcpServer(ModbusServerContext(slaves=lane, single=True),
                                       address=("127.0.0.1", port), defer_start=True)
    loop = asyncio.get_running_loop()
    def read_control():
        line = sys.stdin.readline()
        if not line:  # no more control input; keep serving
            loop.remove_reader(sys.stdin.fileno())
        lane.control(line.strip())

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
