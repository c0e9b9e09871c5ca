"""Without a display, `regroup` says what to do, creates nothing and stops: it never waits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from regroup.cli.display import has_display

pytestmark = pytest.mark.integration

SCREEN_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _without_display(*args: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name not in SCREEN_VARIABLES}
    return subprocess.run(
        [sys.executable, "-m", "regroup", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are asked on Linux")
def test_a_first_start_without_a_display_explains_and_creates_nothing(tmp_path: Path) -> None:
    data = tmp_path / "new profile"
    run = _without_display("--data-dir", str(data))
    assert run.returncode == 1
    assert "no display" in run.stderr
    assert f"regroup --data-dir '{data}' init" in run.stderr
    assert "xvfb-run" in run.stderr
    assert "Traceback" not in run.stderr and "qt.qpa" not in run.stderr
    assert not data.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are asked on Linux")
def test_an_existing_profile_without_a_display_is_pointed_to_the_commands(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    init = _without_display("--data-dir", str(data), "init")
    assert init.returncode == 0, init.stderr  # the commands need no display
    files = sorted(path.name for path in data.iterdir())
    run = _without_display("--data-dir", str(data), "--minimized")
    assert run.returncode == 1
    assert "init" not in run.stderr and "xvfb-run" in run.stderr and "--help" in run.stderr
    assert sorted(path.name for path in data.iterdir()) == files


def test_a_display_is_any_of_x11_wayland_or_a_chosen_qt_platform() -> None:
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")  # tests and benchmarks
    assert has_display({}, "win32") and has_display({}, "darwin")


def test_help_says_what_happens_without_a_display() -> None:
    run = _without_display("--help")
    assert run.returncode == 0
    assert "no display" in run.stdout and "xvfb-run" in run.stdout and "regroup init" in run.stdout
