"""``regroup report``: a PDF of the figures, made without a display, names only when asked.

The PDF's text is read back with ``pdftotext`` (poppler-utils), as a person
copying from it would: what it does not hold cannot be shared by mistake.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from regroup.core.debriefs.types import DebriefContent, NewsVia, Stage
from regroup.core.diary.types import EntryContent
from regroup.core.goals.types import Lane
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from tests.cli.test_diary import new_profile, ok, regroup
from tests.support.prompter import ScriptedPrompter

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]
COMPANIES = ("Northwind", "Contoso", "Fabrikam", "Tailspin")
DIARY_WORD = "marmalade"


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return unicodedata.normalize("NFKC", done.stdout)  # the font's "ﬁ" back to "fi"


@pytest.fixture
def searching(tmp_path: Path) -> str:
    """Four applications over five months, a diary around them, a lesson naming Northwind."""
    data = new_profile(tmp_path / "profile")
    profile = open_profile(ProfilePaths(Path(data)), SystemKeyStore(), ScriptedPrompter())
    today = dt.date.today()
    try:
        for back in range(150):
            day = today - dt.timedelta(days=back)
            body = f"Made {DIARY_WORD} with Sam." if back % 10 == 0 else "A walk."
            profile.diary.add(EntryContent(body=body, mood=2 + back % 4, entry_date=day))
        ids = []
        for n, company in enumerate(COMPANIES):
            lines = (f"Research the {company} product line first",) if n < 2 else ()
            content = DebriefContent(
                company=company,
                role="Designer",
                role_kind="Design",
                stage=(Stage.APPLIED, Stage.INTERVIEWS, Stage.FINAL_ROUND, Stage.INTERVIEWS)[n],
                news_on=today - dt.timedelta(days=140 - 30 * n),
                news_via=NewsVia.EMAIL,
                do_differently=lines,
                wanted=4,
                mourning_days=3,
            )
            ids.append(profile.debriefs.create(content, draft=False).record.id)
        goal = profile.goals.create_from_debrief(ids[0], 0)
        profile.goals.move(goal.id, Lane.DONE, 0)
    finally:
        profile.close()
    return data


def test_the_report_leaves_out_company_names_and_diary_text(searching: str, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "regroup", "--data-dir", searching, "report", "-o", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Wrote the report (")
    assert "without names" in done.stdout and "not encrypted" in done.stderr
    text = pdf_text(path)
    assert "What your records show" in text and "How far you got" in text
    assert "Research the company product line first" in text  # the goal done, and the lesson
    for company in COMPANIES:
        assert company not in text
    assert DIARY_WORD not in text


def test_with_names_the_report_holds_them(searching: str, tmp_path: Path) -> None:
    path = tmp_path / "named.pdf"
    out = ok("--data-dir", searching, "report", "--names", "-o", str(path))
    assert "with company names and diary lines" in out
    text = pdf_text(path)
    assert "Research the Northwind product line first" in text
    assert "Contoso" in text and "Tailspin" in text
    assert DIARY_WORD in text


def test_a_period_keeps_only_its_days(searching: str, tmp_path: Path) -> None:
    path = tmp_path / "recent.pdf"
    since = (dt.date.today() - dt.timedelta(days=50)).isoformat()
    ok("--data-dir", searching, "report", "--from", since, "-o", str(path))
    text = " ".join(pdf_text(path).split())
    assert "1 debrief in this period" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-01", "--to", "2026-01-01"], "is after"),
        (["--from", "yesterday"], "is not a date"),
    ],
)
def test_options_that_do_not_fit_are_refused_and_write_nothing(
    searching: str, tmp_path: Path, args: list[str], message: str
) -> None:
    path = tmp_path / "out.pdf"
    done = regroup("--data-dir", searching, "report", *args, "-o", str(path))
    assert done.returncode != 0 and message in done.stderr
    assert not path.exists()


def test_an_existing_file_is_kept_unless_forced(searching: str, tmp_path: Path) -> None:
    path = tmp_path / "kept.pdf"
    path.write_text("mine")
    done = regroup("--data-dir", searching, "report", "-o", str(path))
    assert done.returncode == 1 and "--force" in done.stderr
    assert path.read_text() == "mine"
    ok("--data-dir", searching, "report", "--force", "-o", str(path))
    assert path.read_bytes().startswith(b"%PDF-")


def test_help_says_what_is_left_out() -> None:
    help_text = " ".join(ok("report", "--help").split())
    assert "Company names and diary text are left out unless you add --names" in help_text
    assert "report" in ok("--help")
