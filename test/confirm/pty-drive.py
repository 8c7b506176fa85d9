#!/usr/bin/env python3
"""Runs a program on a real pseudo-terminal and plays a script against it.

Usage: pty-drive.py '<json spec>'
spec: {"argv": [...], "env": {...}, "cwd": "...", "timeout": 20,
       "steps": [{"expect": "<regex>", "send": "<text>", "sendGroup": <n>}, ...],
       "detach": true}
With "sendGroup", the text of that regex group is typed before "send" (answer what the screen
asked for). Prints one JSON object: {"exit": <code or null>, "output": "<everything the terminal showed>",
"timedOut": bool}.

With "detach", the driver first double-forks and starts a new session, so the program's parent
chain is init, not whatever runs the tests (which may itself be an AI agent: the program under
test would rightly refuse to approve from inside one).
"""
import json
import os
import pty
import re
import select
import signal
import sys
import time


def drive(spec):
    pid, fd = pty.fork()
    if pid == 0:
        try:
            if spec.get("cwd"):
                os.chdir(spec["cwd"])
            os.execvpe(spec["argv"][0], spec["argv"], spec.get("env", dict(os.environ)))
        finally:
            os._exit(127)
    output = b""
    pos = 0
    timed_out = False
    deadline = time.time() + spec.get("timeout", 20)
    eof = False

    def read_some(wait):
        nonlocal output, eof
        if eof:
            time.sleep(wait)
            return
        ready, _, _ = select.select([fd], [], [], wait)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                data = b""
            if not data:
                eof = True
            output += data

    for step in spec.get("steps", []):
        pattern = re.compile(step["expect"].encode())
        match = None
        while True:
            match = pattern.search(output, pos)
            if match:
                pos = match.end()
                break
            if eof or time.time() > deadline:
                timed_out = not eof
                break
            read_some(0.05)
        if timed_out or eof:
            break
        time.sleep(step.get("delay", 0.05))
        text = step.get("send", "").encode()
        if "sendGroup" in step:
            text = match.group(step["sendGroup"]) + text
        os.write(fd, text)

    status = None
    while True:
        wpid, st = os.waitpid(pid, os.WNOHANG)
        if wpid:
            status = st
            break
        if time.time() > deadline:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            break
        read_some(0.05)
    # drain what is left
    for _ in range(20):
        if eof:
            break
        read_some(0.01)
    code = os.waitstatus_to_exitcode(status) if status is not None else None
    return {"exit": code, "output": output.decode("utf-8", "replace"), "timedOut": timed_out}


def main():
    spec = json.loads(sys.argv[1])
    if not spec.get("detach"):
        print(json.dumps(drive(spec)))
        return
    r, w = os.pipe()
    first = os.fork()
    if first == 0:
        os.close(r)
        os.setsid()
        if os.fork() == 0:
            result = drive(spec)
            with os.fdopen(w, "w") as out:
                out.write(json.dumps(result))
            os._exit(0)
        os._exit(0)
    os.close(w)
    os.waitpid(first, 0)
    with os.fdopen(r) as inp:
        print(inp.read())


if __name__ == "__main__":
    main()
