"""A damaged write-ahead log is copied aside before SQLite reads it; idle pauses checkpoint."""

import datetime as dt
import stat

from regroup.core.diary.types import EntryContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from regroup.core.storage.wal import set_damaged_wal_aside, wal_is_damaged
from tests.support.prompter import ScriptedPrompter


def _wal_of_an_open_profile(profile: Profile, paths: ProfilePaths) -> bytes:
    profile.diary.add(EntryContent("written just before the power went out"))
    wal = paths.database.with_name(paths.database.name + "-wal").read_bytes()
    profile.close()
    return wal


def test_a_healthy_wal_is_left_alone(profile: Profile, paths: ProfilePaths) -> None:
    wal = _wal_of_an_open_profile(profile, paths)
    assert len(wal) > 32
    assert not wal_is_damaged(wal)
    assert not wal_is_damaged(wal[:-100])  # a frame cut short was never acknowledged


def test_a_wal_whose_frame_fails_its_checksum_is_copied_aside_and_the_person_told(
    profile: Profile, paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    wal = bytearray(_wal_of_an_open_profile(profile, paths))
    wal[32 + 24 + 100] ^= 0xFF  # one flipped byte in the first frame's page
    wal_path = paths.database.with_name(paths.database.name + "-wal")
    wal_path.write_bytes(bytes(wal))
    assert wal_is_damaged(bytes(wal))
    reopened = open_profile(paths, keystore, ScriptedPrompter())
    reopened.close()
    asides = list(paths.root.glob("regroup.db-wal.*.aside"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == bytes(wal)
    assert stat.S_IMODE(asides[0].stat().st_mode) == 0o600
    assert "write-ahead log was damaged" in reopened.notice
    assert str(asides[0]) in reopened.notice


def test_no_wal_means_nothing_to_set_aside(paths: ProfilePaths, profile: Profile) -> None:
    profile.close()
    assert set_damaged_wal_aside(paths.database, dt.datetime(2026, 12, 1)) is None


def test_committed_entries_are_checkpointed_once_writing_pauses(
    profile: Profile, paths: ProfilePaths
) -> None:
    profile.diary.add(EntryContent("first"))
    assert not profile.checkpoint_when_idle()  # a write since the last look: wait
    assert profile.checkpoint_when_idle()  # a quiet tick: checkpoint
    assert not profile.checkpoint_when_idle()  # nothing new to move
    profile.diary.add(EntryContent("second"))
    assert not profile.checkpoint_when_idle()
    assert profile.checkpoint_when_idle()
