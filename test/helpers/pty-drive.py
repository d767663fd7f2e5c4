"""
Drives a program through a real pseudo-terminal, as a clerk at a keyboard would.

Reads a JSON script on stdin:
  {"argv": [...], "cwd": "...", "env": {...}, "rows": 40, "cols": 160,
   "steps": [{"expect": "text on screen", "send": "keys"}, ...], "timeout": 20}
Each step waits until its text appears on the screen (escape sequences removed) after the
previous step's text, then types its keys. After the last step it waits for the program to end.
Prints one JSON document: {"code": exit code or null, "screen": everything shown, "error": null or
what went wrong}. Only the standard library: no test dependency to install.
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def clean(raw: bytes) -> str:
    return ANSI.sub("", raw.decode("utf-8", "replace")).replace("\r", "")


def main() -> None:
    spec = json.load(sys.stdin)
    deadline = time.monotonic() + spec.get("timeout", 20)
    size = struct.pack("HHHH", spec.get("rows", 40), spec.get("cols", 160), 0, 0)
    pid, fd = pty.fork()
    if pid == 0:
        # The size is set before the program starts, so that its first look at the width is right.
        fcntl.ioctl(0, termios.TIOCSWINSZ, size)
        os.chdir(spec["cwd"])
        os.execvpe(spec["argv"][0], spec["argv"], spec["env"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, size)
    raw = b""
    seen = 0
    error = None
    code = None

    def read_some(wait: float) -> bool:
        nonlocal raw
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        raw += chunk
        return True

    alive = True
    for number, step in enumerate(spec["steps"], 1):
        text = step["expect"]
        while alive and text not in clean(raw)[seen:]:
            if time.monotonic() > deadline:
                break
            alive = read_some(0.05)
        screen = clean(raw)
        at = screen.find(text, seen)
        if at < 0:
            error = f"step {number}: {text!r} never appeared"
            break
        seen = at + len(text)
        # Let the prompt finish drawing before typing, as a person would.
        settle = time.monotonic() + step.get("pause", 0.15)
        while alive and time.monotonic() < settle:
            alive = read_some(0.02)
        if "send" in step:
            os.write(fd, step["send"].encode("utf-8"))
    while error is None and time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            code = os.waitstatus_to_exitcode(status)
            break
        read_some(0.05)
    if code is None:
        if error is None:
            error = "the program did not end"
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    while read_some(0):
        if not select.select([fd], [], [], 0)[0]:
            break
    print(json.dumps({"code": code, "screen": clean(raw), "error": error}))


if __name__ == "__main__":
    main()
