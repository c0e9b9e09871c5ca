"""``regroup export`` to Markdown and PDF: the whole profile, a date range or one debrief."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_diary import ok, regroup
from tests.cli.test_plans import filled

pytestmark = pytest.mark.integration
PDF = ("--format", "pdf", "-o")
__all__ = ["filled"]


def pages(path: Path) -> int:
    """How many pages a PDF file has (Qt writes each page as an object of its own)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    return len(re.findall(rb"/Type\s*/Page\b", data))


def test_the_summary_says_everything_the_file_holds(filled: str, tmp_path: Path) -> None:
    out = ok("--data-dir", filled, "export", "--format", "markdown", "-o", str(tmp_path / "a.md"))
    assert out.startswith("Exported 1 entry, 3 debriefs, 4 goals and 1 check-in to ")


def test_a_pdf_of_everything_without_a_display(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "all.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", filled, "export", *PDF, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Exported 1 entry, 3 debriefs, 4 goals and 1 check-in to ")
    assert "not encrypted" in done.stderr
    assert pages(path) >= 4  # the title page, then the diary, debriefs and goals


def test_a_pdf_of_one_debrief_and_of_a_date_range(filled: str, tmp_path: Path) -> None:
    listed = json.loads(ok("--data-dir", filled, "debrief", "list", "Acme", "--json"))
    one = tmp_path / "acme.pdf"
    out = ok(
        "--data-dir", filled, "export", "--format", "pdf", "--debrief", str(listed[0]["id"]),
        "-o", str(one),
    )  # fmt: skip
    assert out.startswith("Exported 1 debrief, 2 goals and 1 check-in to ")
    assert pages(one) >= 2
    diary = tmp_path / "march.pdf"
    out = ok(
        "--data-dir", filled, "export", "--format", "pdf", "--from", "2026-03-01",
        "--to", "2026-03-31", "-o", str(diary),
    )  # fmt: skip
    assert out.startswith("Exported 1 entry to ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--from", "2026-01-01"], "always holds everything"),
        (["--format", "pdf", "--from", "2026-01-01", "--debrief", "1"], "not both"),
        (["--format", "pdf", "--from", "2026-02-01", "--to", "2026-01-01"], "is after"),
        (["--format", "pdf", "--debrief", "99"], "there is no debrief 99"),
    ],
)
def test_options_that_do_not_fit_are_refused_and_write_nothing(
    filled: str, tmp_path: Path, args: list[str], message: str
) -> None:
    path = tmp_path / "out.pdf"
    result = regroup("--data-dir", filled, "export", *args, "-o", str(path))
    assert result.returncode == 1
    assert message in result.stderr
    assert not path.exists()
