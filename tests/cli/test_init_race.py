"""Two ``regroup init`` started together on one folder: exactly one profile, one recovery key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROUNDS = 24


def _start_init(folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "regroup", "--data-dir", str(folder), "init"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


def test_two_inits_at_once_make_exactly_one_profile(tmp_path: Path) -> None:
    for round_number in range(ROUNDS):
        folder = tmp_path / f"profile-{round_number}"
        racers = [_start_init(folder), _start_init(folder)]
        results = [racer.communicate(timeout=120) for racer in racers]
        codes = sorted(racer.returncode for racer in racers)
        created = [out for out, _err in results if "Created a new profile" in out]
        assert len(created) == 1, results
        assert codes == [0, 1], results
        loser_err = next(
            err for racer, (_out, err) in zip(racers, results, strict=True) if racer.returncode == 1
        )
        assert "already exists" in loser_err or "creating a profile" in loser_err, loser_err
        assert "Traceback" not in loser_err
        info = subprocess.run(
            [sys.executable, "-m", "regroup", "--data-dir", str(folder), "info"],
            capture_output=True,
            text=True,
            env=dict(os.environ),
            timeout=60,
            check=False,
        )
        assert info.returncode == 0, info.stderr
        assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
            "regroup.db",
            "regroup.key",
            "regroup.key.copy",
        ]
