"""A diary whose database was emptied or deleted comes back from a backup, the leftovers kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from regroup.core.diary.types import EntryContent
from regroup.core.errors import LostDatabaseError, ProfileError
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.lost_restore import OTHER_KEY, restore_lost, verify_lost
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.core.storage.restore import JOURNAL
from tests.conftest import TEST_KDF_SECONDS
from tests.support.prompter import ScriptedPrompter, passphrase


class Crash(Exception):
    """Stands for the power going out at one step of the swap."""


def _bodies(profile: Profile) -> list[str]:
    return [str(row[0]) for row in profile.db.execute_sql("SELECT body FROM entry ORDER BY id")]


def _reopen(paths: ProfilePaths, keystore: SystemKeyStore) -> Profile:
    return open_profile(paths, keystore, ScriptedPrompter(), kdf_seconds=TEST_KDF_SECONDS)


def _lose(paths: ProfilePaths, how: str) -> None:
    if how == "deleted":
        paths.database.unlink()
    else:
        paths.database.write_bytes(b"" if how == "0 bytes" else b"\x00")


def _written_backed_up_then_lost(profile: Profile, how: str) -> list[str]:
    bodies = ["first morning 🌅", "مرحبا, a debrief", "the third"]
    for body in bodies:
        profile.diary.add(EntryContent(body=body))
    profile.backups.create()
    profile.close()
    _lose(profile.paths, how)
    return bodies


@pytest.mark.parametrize("how", ["0 bytes", "1 byte", "deleted"])
def test_every_entry_of_the_backup_comes_back_and_the_leftovers_are_kept(
    profile: Profile, keystore: SystemKeyStore, how: str
) -> None:
    paths = profile.paths
    bodies = _written_backed_up_then_lost(profile, how)
    lost_size = None if how == "deleted" else paths.database.stat().st_size
    with pytest.raises(LostDatabaseError):
        _reopen(paths, keystore)
    outcome = restore_lost(paths, "latest", keystore, ScriptedPrompter())
    assert outcome.restored.entries == 3
    assert "Restored the backup of" in outcome.summary()
    if lost_size is None:
        assert outcome.kept_aside == ()
    else:
        [aside] = outcome.kept_aside
        assert aside.name.startswith("regroup.db.lost-")
        assert aside.stat().st_size == lost_size
        assert aside.name in outcome.summary()
    reopened = _reopen(paths, keystore)
    try:
        assert _bodies(reopened) == bodies
    finally:
        reopened.close()


def test_the_logs_of_the_lost_database_are_kept_beside_it(
    profile: Profile, keystore: SystemKeyStore
) -> None:
    paths = profile.paths
    _written_backed_up_then_lost(profile, "0 bytes")
    wal = paths.database.with_name("regroup.db-wal")
    wal.write_bytes(b"frames of something")
    outcome = restore_lost(paths, "latest", keystore, ScriptedPrompter())
    kept = {path.name.split("-")[-1]: path for path in outcome.kept_aside}
    assert kept["wal"].read_bytes() == b"frames of something"
    assert not wal.exists() or wal.read_bytes() != b"frames of something"


@pytest.mark.parametrize("crash_at", ["staged", "journal", "key", "log", "database"])
def test_an_interrupted_swap_leaves_the_lost_state_or_the_restored_one(
    profile: Profile, keystore: SystemKeyStore, crash_at: str
) -> None:
    paths = profile.paths
    bodies = _written_backed_up_then_lost(profile, "1 byte")

    def crash(name: str) -> None:
        if name == crash_at:
            raise Crash(name)

    with pytest.raises(Crash):
        restore_lost(paths, "latest", keystore, ScriptedPrompter(), step=crash)
    if crash_at == "staged":  # not decided yet: still the lost state, ready to try again
        assert paths.database.read_bytes() == b"\x00"
        with pytest.raises(LostDatabaseError):
            _reopen(paths, keystore)
        restore_lost(paths, "latest", keystore, ScriptedPrompter())
    reopened = _reopen(paths, keystore)
    try:
        assert _bodies(reopened) == bodies
        assert not (paths.root / JOURNAL).exists()
    finally:
        reopened.close()


def test_a_database_in_place_is_never_restored_over_without_its_own_backup(
    profile: Profile, keystore: SystemKeyStore
) -> None:
    profile.backups.create()
    profile.close()
    with pytest.raises(ProfileError, match="backs it up first"):
        restore_lost(profile.paths, "latest", keystore, ScriptedPrompter())


@pytest.mark.usefixtures("no_keyring")
def test_with_the_key_file_gone_too_the_passphrase_opens_the_backup(tmp_path: Path) -> None:
    paths = ProfilePaths(tmp_path / "by-passphrase")
    first = ScriptedPrompter(passphrase="a long enough phrase")
    made = open_profile(paths, SystemKeyStore(), first, kdf_seconds=TEST_KDF_SECONDS)
    made.diary.add(EntryContent(body="kept by a passphrase"))
    made.backups.create()
    made.close()
    paths.database.unlink()
    paths.key_file.unlink()
    person = ScriptedPrompter().will_answer([passphrase("a long enough phrase")])
    outcome = restore_lost(paths, "latest", SystemKeyStore(), person)
    assert outcome.restored.entries == 1
    assert len(person.requests) == 1
    again = ScriptedPrompter().will_answer([passphrase("a long enough phrase")])
    reopened = open_profile(paths, SystemKeyStore(), again)
    try:
        assert _bodies(reopened) == ["kept by a passphrase"]
    finally:
        reopened.close()


def test_verify_checks_the_backups_of_a_lost_database(
    profile: Profile, keystore: SystemKeyStore
) -> None:
    _written_backed_up_then_lost(profile, "deleted")
    [(backup, problem)] = verify_lost(profile.paths, None, keystore, ScriptedPrompter())
    assert problem == "" and backup.entries == 3
    assert OTHER_KEY  # a backup made with an older key is kept, never set aside
