"""The real program starts to an interactive window on an existing profile, then quits."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def test_the_gui_process_reaches_an_interactive_window(tmp_path: Path) -> None:
    data = str(tmp_path / "profile")
    env = dict(os.environ)
    init = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", data, "init"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    run = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", data],
        env={**env, "REGROUP_EXIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["regroup-ready", "regroup-diary-ready"]
