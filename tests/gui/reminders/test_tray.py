"""The tray icon on a real X server with a real tray host (trayer)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.session_bus import missing_programs
from tests.support.xserver import background, xvfb

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[3]


def test_the_tray_icon_shows_its_menu_toggles_the_window_and_quits() -> None:
    missing = missing_programs("Xvfb", "trayer")
    if missing:
        pytest.fail(f"missing {', '.join(missing)}: run 'make test' as root")
    with xvfb() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        trayer = ["trayer", "--edge", "top", "--SetDockType", "true", "--expand", "false"]
        with background(trayer, env):
            probe = subprocess.run(
                [sys.executable, "-m", "tests.support.tray_probe"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout)
    assert report["platform"] == "xcb"
    assert report["available"] is True
    assert report["icon_visible"] is True
    width, height = report["icon_size"]
    assert width > 0 and height > 0
    assert report["menu"] == [
        "Open Regroup",
        "New entry",
        "Check-ins due (3)",
        "Pause reminders for 1 hour",
        "Pause reminders until tomorrow",
        "Lock now",
        "Quit Regroup",
    ]
    assert report["steps"] == [
        "open:True",
        "left-click:False",
        "left-click:True",
        "closed, keeps running: True, said 1 time(s)",
        "notice:tray",
    ]
    assert report["pauses"] == ["hour", "tomorrow"]
    assert report["quit_with"] == 0
