"""Backup sets: encrypted copies with the key file, checked before they count, rotated."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from regroup.core.backups import BackupCheckError, RotationPolicy, backup_sets
from regroup.core.diary.types import EntryContent
from regroup.core.paths import DB_NAME, KEY_FILE_NAME
from regroup.core.profile import Profile
from regroup.core.storage import backup as backup_module
from regroup.core.storage.backup import list_backups
from regroup.core.storage.database import open_encrypted
from tests.support.clock import ManualClock

CANARY = "canary-7f3a-the-interview-went-badly"


def test_a_backup_holds_the_diary_and_the_key_and_shows_no_plaintext(
    profile: Profile,
) -> None:
    profile.diary.add(EntryContent(body=CANARY))
    outcome = profile.backups.create()
    backup = outcome.backup
    assert backup.entries == 1
    assert backup.key_file is not None
    assert backup.key_file.read_bytes() == profile.paths.key_file.read_bytes()
    for path in backup.folder.iterdir():
        assert CANARY.encode() not in path.read_bytes(), path.name
    copy = open_encrypted(backup.database, profile._data_key)
    try:
        assert copy.execute_sql("SELECT body FROM entry").fetchall() == [(CANARY,)]
    finally:
        copy.close()
    assert profile.backups.check(backup) == ""
    assert [s.id for s in backup_sets(profile.paths)] == [backup.id]


def test_a_copy_that_fails_its_check_is_set_aside_and_never_listed(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile.diary.add(EntryContent(body="one entry"))
    real_copy = backup_module._copy_database

    def copy_that_loses_a_row(source: Path, passphrase: str, target: Path) -> dict[str, int]:
        counts = real_copy(source, passphrase, target)
        return {**counts, "entry": counts["entry"] + 1}

    monkeypatch.setattr(backup_module, "_copy_database", copy_that_loses_a_row)
    with pytest.raises(BackupCheckError, match="did not pass its check"):
        profile.backups.create()
    assert profile.backups.kept() == []
    [failed] = profile.paths.backups.iterdir()
    assert failed.name.endswith(".failed")
    assert "rows" in (failed / "WHY-THIS-FAILED.txt").read_text()


def test_a_damaged_backup_is_found_by_its_check(profile: Profile) -> None:
    profile.diary.add(EntryContent(body="x" * 20_000))
    backup = profile.backups.create().backup
    data = bytearray(backup.database.read_bytes())
    data[5000:5100] = bytes(100)
    backup.database.write_bytes(bytes(data))
    assert profile.backups.check(backup) != ""


def test_a_key_copy_of_another_profile_is_found_by_the_check(
    profile: Profile, other: Profile
) -> None:
    backup = profile.backups.create().backup
    (backup.folder / KEY_FILE_NAME).write_bytes(other.paths.key_file.read_bytes())
    assert "another key" in profile.backups.check(backup)


def test_daily_backups_are_rotated_by_the_chosen_policy(profile: Profile) -> None:
    clock = ManualClock(dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC))
    profile.clock = clock
    profile.backups.set_policy(RotationPolicy(daily=3, weekly=0, monthly=0))
    for _ in range(6):
        profile.backups.create("daily")
        clock.advance(dt.timedelta(days=1))
    kept = [s.taken_at.date().isoformat() for s in list_backups(profile.paths.backups)]
    assert kept == ["2026-01-04", "2026-01-05", "2026-01-06"]


def test_backups_are_due_after_a_day(profile: Profile) -> None:
    clock = ManualClock()
    profile.clock = clock
    assert profile.backups.due()
    profile.backups.create("daily")
    clock.advance(dt.timedelta(hours=23))
    assert not profile.backups.due()
    clock.advance(dt.timedelta(hours=1))
    assert profile.backups.due()


def test_each_backup_is_copied_to_the_second_folder(profile: Profile, tmp_path: Path) -> None:
    second = tmp_path / "synced drive"
    profile.backups.set_second_folder(second)
    outcome = profile.backups.create()
    assert outcome.second_copy == second / outcome.backup.id
    assert sorted(p.name for p in outcome.second_copy.iterdir()) == sorted(
        [DB_NAME, KEY_FILE_NAME, "manifest.json"]
    )


def test_an_unwritable_second_folder_is_reported_and_the_backup_kept(
    profile: Profile, tmp_path: Path
) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the folder should be")
    profile.backups.set_second_folder(blocker)
    outcome = profile.backups.create()
    assert outcome.second_copy is None
    assert "could not" in outcome.second_problem.lower()
    assert profile.backups.kept() == [outcome.backup]


def test_a_half_written_backup_is_swept_at_the_next_one(profile: Profile) -> None:
    leftover = profile.paths.backups / ".20260101-000000-daily.partial"
    leftover.mkdir(parents=True)
    (leftover / DB_NAME).write_bytes(b"half")
    profile.backups.create()
    assert not leftover.exists()


def test_an_import_takes_a_backup_first(profile: Profile, tmp_path: Path) -> None:
    from regroup.core.exchange.importers.service import import_source

    profile.diary.add(EntryContent(body="before the import"))
    source = tmp_path / "notes.md"
    source.write_text("# A note\n\nImported text.\n", encoding="utf-8")
    import_source(profile.db, source)
    [backup] = profile.backups.kept()
    assert backup.reason == "before-import"
    assert backup.entries == 1
