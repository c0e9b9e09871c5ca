"""Backups from a terminal: list, create, verify and restore, as separate processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_diary import new_profile, ok, regroup
from tests.support.filesystems import make_read_only, small_disk

pytestmark = pytest.mark.integration


@pytest.fixture
def data(tmp_path: Path) -> str:
    return new_profile(tmp_path / "profile")


def _listed(data: str) -> list[dict[str, object]]:
    listed: list[dict[str, object]] = json.loads(ok("--data-dir", data, "backup", "list", "--json"))
    return listed


def test_help_tells_the_backup_actions() -> None:
    help_text = ok("backup", "--help")
    for action in ("list", "create", "verify", "restore"):
        assert action in help_text
    assert "Quit Regroup's window first" in ok("backup", "restore", "--help")


def test_no_backups_yet_is_said_kindly(data: str) -> None:
    result = regroup("--data-dir", data, "backup", "list")
    assert result.returncode == 0
    assert "no backups yet" in result.stderr


def test_create_list_verify_and_restore_the_latest(data: str) -> None:
    ok("--data-dir", data, "add", "in the backup")
    assert "Made and checked the backup" in ok("--data-dir", data, "backup", "create")
    ok("--data-dir", data, "add", "after the backup")
    [made] = _listed(data)
    assert made["entries"] == 1 and made["reason"] == "manual" and made["key_file"]
    assert "good" in ok("--data-dir", data, "backup", "verify")
    said = ok("--data-dir", data, "backup", "restore", "latest")
    assert "Restored the backup" in said
    listing = ok("--data-dir", data, "list")
    assert "in the backup" in listing and "after the backup" not in listing
    before = [b for b in _listed(data) if b["reason"] == "before-restore"]
    assert len(before) == 1 and before[0]["entries"] == 2
    ok("--data-dir", data, "backup", "restore", str(before[0]["id"]))
    assert "after the backup" in ok("--data-dir", data, "list")


def test_a_damaged_backup_fails_verify_and_is_set_aside(data: str) -> None:
    ok("--data-dir", data, "backup", "create")
    [made] = _listed(data)
    database = Path(str(made["folder"])) / "regroup.db"
    database.write_bytes(b"\0" * database.stat().st_size)
    result = regroup("--data-dir", data, "backup", "verify", str(made["id"]))
    assert result.returncode == 1
    assert "FAILED" in result.stdout and "set aside" in result.stderr
    assert _listed(data) == []
    assert Path(str(made["folder"]) + ".failed").is_dir()


def test_an_unknown_backup_is_named_in_a_clear_message(data: str) -> None:
    ok("--data-dir", data, "backup", "create")
    result = regroup("--data-dir", data, "backup", "restore", "2020-nothing")
    assert result.returncode == 1
    assert "no backup called 2020-nothing" in result.stderr
    assert "Traceback" not in result.stderr


def test_list_reads_a_profile_on_a_read_only_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        data = new_profile(disk / "profile")
        ok("--data-dir", data, "add", "still readable")
        make_read_only(disk)
        result = regroup("--data-dir", data, "list")
        assert result.returncode == 0, result.stderr
        assert "still readable" in result.stdout
        assert "cannot save right now: the disk is read-only" in result.stderr
        refused = regroup("--data-dir", data, "add", "not now")
        assert refused.returncode == 1 and "Traceback" not in refused.stderr


def test_restore_is_refused_while_the_window_has_the_profile_open(data: str) -> None:
    from regroup.gui.single_instance import SingleInstance

    ok("--data-dir", data, "backup", "create")
    window = SingleInstance(Path(data).absolute())
    assert window.lock.tryLock(0)
    try:
        result = regroup("--data-dir", data, "backup", "restore", "latest")
    finally:
        window.lock.unlock()
    assert result.returncode == 1
    assert "window has this profile open" in result.stderr
    assert [b["reason"] for b in _listed(data)] == ["manual"]
