"""A crash leaves no core dump holding diary text or the key, and no one may attach to read it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="read through Linux's /proc and prctl"
)

AFTER_START = """
import ctypes, sys, time
from regroup.cli import main
try:
    main(["--version"])
except SystemExit:
    pass
limits = open("/proc/self/limits").read().splitlines()
print(next(line for line in limits if line.startswith("Max core file size")))
print("dumpable", ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))
print("ready", flush=True)
sys.stdin.readline()
"""


def started(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", AFTER_START],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lines_until_ready(child: subprocess.Popen[str]) -> list[str]:
    assert child.stdout is not None
    lines = []
    for line in child.stdout:
        if line.strip() == "ready":
            return lines[-2:]  # after what --version printed
        lines.append(line.split())
    raise AssertionError(child.stderr.read() if child.stderr else "no output")


def test_every_start_turns_off_core_dumps_and_tracing() -> None:
    env = {k: v for k, v in os.environ.items() if k != "REGROUP_ALLOW_DUMPS"}
    child = started(env)
    try:
        core, dumpable = lines_until_ready(child)
        assert core[-3:] == ["0", "0", "bytes"]  # soft and hard: it cannot be raised again
        assert dumpable == ["dumpable", "0"]
        if os.geteuid() != 0:  # root may read any process; another process of ours may not
            with pytest.raises(PermissionError):
                open(f"/proc/{child.pid}/environ", "rb").close()
    finally:
        child.communicate("\n", timeout=30)
    assert child.returncode == 0


def test_benchmarks_and_debugging_may_keep_dumps_on() -> None:
    child = started({**os.environ, "REGROUP_ALLOW_DUMPS": "1"})
    try:
        _core, dumpable = lines_until_ready(child)
        assert dumpable == ["dumpable", "1"]
        with open(f"/proc/{child.pid}/environ", "rb") as environ:
            assert b"REGROUP_ALLOW_DUMPS=1" in environ.read()
    finally:
        child.communicate("\n", timeout=30)
