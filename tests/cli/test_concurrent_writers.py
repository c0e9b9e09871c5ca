"""Several writers on one diary at once: each waits its turn, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest

from regroup.cli import main
from regroup.core.diary.service import DiaryService
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from tests.stress.concurrent_adds import regroup, run
from tests.support.prompter import ScriptedPrompter

pytestmark = pytest.mark.integration


def test_two_add_loops_and_the_window_autosaving_all_succeed_and_lose_nothing(
    tmp_path: Path,
) -> None:
    outcome = run(tmp_path / "profile", adds=60)
    assert outcome.failures == []
    assert len(outcome.acknowledged) == 120
    assert outcome.autosaves > 0
    assert outcome.missing == []


def test_a_writer_kept_waiting_too_long_hears_that_another_regroup_is_writing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "profile"
    assert regroup(folder, "init").returncode == 0
    window = open_profile(ProfilePaths(folder), SystemKeyStore(), ScriptedPrompter())
    try:
        window.db.execute_sql("BEGIN IMMEDIATE")  # a long save holds the write lock
        refused = regroup(folder, "add", "written while the window saves")
        window.db.execute_sql("ROLLBACK")
    finally:
        window.close()
    assert refused.returncode == 1
    assert "Another Regroup is writing to this diary; try again in a moment" in refused.stderr
    assert "disk" not in refused.stderr
    assert regroup(folder, "add", "written a moment later").returncode == 0


def test_a_failed_save_reports_its_own_error_not_the_rollback_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "profile")
    assert regroup(Path(folder), "init").returncode == 0

    def disk_fills(service: DiaryService, entry_id: int, tags: list[str]) -> None:
        service._db.execute_sql("ROLLBACK")  # what SQLite does itself on a full disk
        raise peewee.OperationalError("database or disk is full")

    with monkeypatch.context() as patched:
        patched.setattr(DiaryService, "_set_tags", disk_fills)
        assert main(["--data-dir", folder, "add", "words that did not fit"]) == 1
    said = capsys.readouterr().err
    assert "database or disk is full" in said
    assert "rollback" not in said and "no transaction" not in said
    assert main(["--data-dir", folder, "list"]) == 0
    assert "words that did not fit" not in capsys.readouterr().out
