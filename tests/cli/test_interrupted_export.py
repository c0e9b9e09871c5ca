"""Stopping ``regroup export`` at its worst moment leaves no plaintext copy for long."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_bad_input import refused as refused_output
from tests.cli.test_diary import new_profile, ok

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

PAUSED_EXPORT = """
import os, sys, time
from pathlib import Path

real_replace = os.replace


def paused(source, target):
    # The temporary copy is complete and about to become the export: stop here.
    if ".regroup-export-" in str(source):
        Path(sys.argv[1]).write_text(str(source))
        time.sleep(120)
    return real_replace(source, target)


os.replace = paused
from regroup.cli import main

sys.exit(main(sys.argv[2:]))
"""


def paused_export(data: str, target: Path, ready: Path) -> tuple[subprocess.Popen[str], Path]:
    """Start an export that stops with its temporary copy written; return it and that copy."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            PAUSED_EXPORT,
            str(ready),
            "--data-dir",
            data,
            "export",
            "--format",
            "json",
            "-o",
            str(target),
        ],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not ready.exists() or not ready.read_text():
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            raise AssertionError(child.communicate()[1])
        time.sleep(0.05)
    copy = Path(ready.read_text())
    assert copy.exists() and b"A private line" in copy.read_bytes()
    return child, copy


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def data(tmp_path: Path) -> str:
    folder = new_profile(tmp_path / "profile")
    ok("--data-dir", folder, "add", "A private line")
    return folder


@pytest.mark.parametrize(
    ("stop", "status"),
    [
        (signal.SIGINT, 3),
        (signal.SIGTERM, 128 + signal.SIGTERM),
        (signal.SIGHUP, 128 + signal.SIGHUP),
    ],
)
def test_an_export_stopped_by_a_signal_removes_its_copy_on_the_way_out(
    data: str, tmp_path: Path, stop: signal.Signals, status: int
) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    child, copy = paused_export(data, exports / "out.json", tmp_path / "ready")

    child.send_signal(stop)
    _out, err = child.communicate(timeout=60)

    assert child.returncode == status, err
    assert "Traceback" not in err
    assert not copy.exists()
    assert list(exports.iterdir()) == []


def test_an_export_killed_outright_is_swept_at_the_next_start(data: str, tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    child, copy = paused_export(data, exports / "out.json", tmp_path / "ready")
    (exports / ".regroup-export-notes.part").write_text("not ours: no process id")
    (exports / "keep.txt").write_text("the person's own file")

    child.kill()
    child.communicate(timeout=60)
    assert copy.exists()  # nothing runs after SIGKILL

    ok("--data-dir", data, "list")

    assert not copy.exists()
    assert hidden(exports) == [".regroup-export-notes.part"]
    assert (exports / "keep.txt").read_text() == "the person's own file"


def test_force_does_not_replace_what_a_link_points_to(data: str, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("not an export")
    link = tmp_path / "out.json"
    link.symlink_to(precious)

    for fmt in ("json", "markdown"):
        said = refused_output(
            "--data-dir", data, "export", "--format", fmt, "-o", str(link), "--force"
        )
        assert "is a symbolic link; Regroup does not write through links" in said

    assert precious.read_text() == "not an export"
    assert link.is_symlink()


def test_force_does_not_write_into_a_named_pipe_or_a_device(data: str, tmp_path: Path) -> None:
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)

    piped = refused_output("--data-dir", data, "export", "-o", str(pipe), "--force")
    device = refused_output("--data-dir", data, "report", "-o", "/dev/null", "--force")

    assert "is a named pipe, not a file" in piped
    assert "is a device, not a file" in device
    assert pipe.is_fifo()
