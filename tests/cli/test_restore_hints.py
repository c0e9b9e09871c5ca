"""A diary that cannot be opened: the hint names what really exists, and the restore works."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_diary import new_profile, ok, regroup

pytestmark = pytest.mark.integration


def _damage(database: Path) -> None:
    with database.open("r+b") as handle:
        handle.write(b"\xff" * 64)  # the salt and first page: nothing decrypts any more


def test_a_damaged_diary_with_a_backup_names_it_and_restore_latest_brings_it_back(
    tmp_path: Path,
) -> None:
    data = new_profile(tmp_path / "profile")
    ok("--data-dir", data, "add", "kept in the backup")
    ok("--data-dir", data, "backup", "create")
    database = Path(data) / "regroup.db"
    _damage(database)
    refused = regroup("--data-dir", data, "list")
    assert refused.returncode == 1
    assert "Regroup has one backup of this profile, the latest from" in refused.stderr
    assert "'regroup backup restore latest' puts it back" in refused.stderr
    assert "backups folder" not in refused.stderr
    said = ok("--data-dir", data, "backup", "restore", "latest")
    assert "Restored the backup of" in said
    kept = list(Path(data).glob("regroup.db.unreadable-*"))
    assert len(kept) == 1 and str(kept[0]) in said
    assert "kept in the backup" in ok("--data-dir", data, "list")


def test_a_missing_diary_without_backups_says_there_are_none_and_what_can_help(
    tmp_path: Path,
) -> None:
    data = new_profile(tmp_path / "profile")
    (Path(data) / "regroup.db").unlink()
    refused = regroup("--data-dir", data, "list")
    assert refused.returncode == 1
    assert "no backup of this profile yet" in refused.stderr
    assert "JSON export" in refused.stderr
    assert "restore latest" not in refused.stderr and "backups folder" not in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_missing_diary_with_backups_is_restored_from_the_command_it_names(
    tmp_path: Path,
) -> None:
    data = new_profile(tmp_path / "profile")
    ok("--data-dir", data, "add", "first words")
    ok("--data-dir", data, "backup", "create")
    ok("--data-dir", data, "backup", "create")
    (Path(data) / "regroup.db").unlink()
    refused = regroup("--data-dir", data, "list")
    assert "Regroup has 2 backups of this profile" in refused.stderr
    ok("--data-dir", data, "backup", "restore", "latest")
    assert "first words" in ok("--data-dir", data, "list")
