"""The fault suite itself: it must be able to fail, and say why in its table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.torture.harness import BROKEN_SWITCH, Tally
from tests.torture.table import COLUMNS, render

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


def test_a_writer_that_lies_fails_the_suite_with_loss_plain_text_and_a_traceback() -> None:
    env = {**os.environ, BROKEN_SWITCH: "1"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.torture", "--short", "--only", "kill -9: add"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    row = next(line for line in run.stdout.splitlines() if line.startswith("kill -9: add "))
    counts = dict(zip(COLUMNS[1:8], map(int, row.split()[3:10]), strict=True))
    assert row.split()[-1] == "FAIL"
    assert counts["lost"] == counts["acknowledged"] > 0
    assert counts["canaries"] >= 1 and counts["tracebacks"] >= 1
    assert "plain text in" in run.stdout and "unsaved.txt" in run.stdout


def test_the_table_counts_every_kind_of_failure_and_passes_only_a_clean_run() -> None:
    clean = Tally("kill -9: add", cycles=300, acknowledged=120, refused=3)
    leaky = Tally("read-only remount", cycles=5, acknowledged=4, canaries=1)
    table = render([clean, leaky], 12.0)
    assert clean.passed and not leaky.passed
    lines = table.splitlines()
    assert lines[2].split()[-1] == "ok" and lines[3].split()[-1] == "FAIL"
    assert lines[5].split()[:4] == ["total", "305", "124", "3"]
    assert lines[5].split()[-1] == "FAIL"
