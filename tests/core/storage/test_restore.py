"""Restore: the diary as it was at a backup, with a backup of today's first, never half of each."""

from __future__ import annotations

import pytest

from regroup.core.diary.types import EntryContent
from regroup.core.errors import StorageWriteError, ValidationError
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.core.storage.restore import JOURNAL
from tests.conftest import TEST_KDF_SECONDS
from tests.support.prompter import ScriptedPrompter


class Crash(Exception):
    """Stands for the power going out at one step of the restore."""


def _bodies(profile: Profile) -> list[str]:
    return [str(row[0]) for row in profile.db.execute_sql("SELECT body FROM entry ORDER BY id")]


def _reopen(paths: ProfilePaths, keystore: SystemKeyStore) -> Profile:
    return open_profile(paths, keystore, ScriptedPrompter(), kdf_seconds=TEST_KDF_SECONDS)


def _profile_with_a_backup_then_more(profile: Profile) -> str:
    profile.diary.add(EntryContent(body="in the backup"))
    backup_id = profile.backups.create().backup.id
    profile.diary.add(EntryContent(body="written after the backup"))
    return backup_id


def test_a_restore_brings_back_the_backup_and_keeps_today_in_a_backup_of_its_own(
    profile: Profile, keystore: SystemKeyStore
) -> None:
    backup_id = _profile_with_a_backup_then_more(profile)
    profile.backups.restore(backup_id, profile.close)
    reopened = _reopen(profile.paths, keystore)
    try:
        assert _bodies(reopened) == ["in the backup"]
        before = reopened.backups.find("latest")
        assert before.reason == "before-restore"
        assert before.entries == 2
        assert not (profile.paths.root / JOURNAL).exists()
    finally:
        reopened.close()


def test_latest_and_unknown_names(profile: Profile) -> None:
    with pytest.raises(ValidationError, match="no backups yet"):
        profile.backups.find("latest")
    made = profile.backups.create().backup
    assert profile.backups.find("latest") == made
    with pytest.raises(ValidationError, match="no backup called nope"):
        profile.backups.find("nope")


@pytest.mark.parametrize(
    ("crash_at", "restored"),
    [
        ("staged", False),
        ("journal", True),
        ("key", True),
        ("log", True),
        ("database", True),
    ],
)
def test_a_restore_cut_short_at_any_step_leaves_the_old_diary_or_the_new_one(
    profile: Profile, keystore: SystemKeyStore, crash_at: str, restored: bool
) -> None:
    backup_id = _profile_with_a_backup_then_more(profile)

    def step(name: str) -> None:
        if name == crash_at:
            raise Crash(name)

    with pytest.raises(Crash):
        profile.backups.restore(backup_id, profile.close, step)
    reopened = _reopen(profile.paths, keystore)
    try:
        expected = ["in the backup"] if restored else ["in the backup", "written after the backup"]
        assert _bodies(reopened) == expected
        assert ("interrupted has been finished" in reopened.notice) == restored
        leftovers = [p.name for p in profile.paths.root.iterdir() if "restoring" in p.name]
        assert leftovers == []
        assert reopened.db.execute_sql("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        reopened.close()


def test_a_damaged_backup_is_not_restored(profile: Profile) -> None:
    backup_id = _profile_with_a_backup_then_more(profile)
    backup = profile.backups.find(backup_id)
    backup.database.write_bytes(b"\0" * 4096)
    with pytest.raises(Exception, match="cannot be restored"):
        profile.backups.restore(backup_id, profile.close)
    assert _bodies(profile) == ["in the backup", "written after the backup"]


def test_a_read_only_profile_refuses_to_restore(profile: Profile) -> None:
    backup_id = profile.backups.create().backup.id
    profile.read_only = "the disk is full"
    del profile.__dict__["backups"]
    with pytest.raises(StorageWriteError, match="the disk is full"):
        profile.backups.restore(backup_id, profile.close)
