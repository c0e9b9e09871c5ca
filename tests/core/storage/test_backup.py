"""Backups are encrypted copies, and old ones are pruned per reason."""

from regroup.core.diary.types import EntryContent
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.profile import Profile
from regroup.core.storage.backup import create_backup, list_backups
from regroup.core.storage.database import open_encrypted


class StepClock:
    """A clock that moves one second per reading."""

    def __init__(self) -> None:
        import datetime as dt

        self._t = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        self._step = dt.timedelta(seconds=1)

    def now(self):  # type: ignore[no-untyped-def]
        self._t += self._step
        return self._t

    def today(self):  # type: ignore[no-untyped-def]
        return self._t.date()


def test_a_backup_opens_with_the_same_key_and_holds_the_rows(
    profile: Profile, keystore: SystemKeyStore
) -> None:
    profile.diary.add(EntryContent(body="kept in the backup"))
    path = create_backup(
        profile.db, profile.paths.database, profile.paths.backups, "test", StepClock()
    )
    assert not path.read_bytes().startswith(b"SQLite format 3")
    copy = open_encrypted(path, keystore.load(profile.key_file.profile_id) or b"")
    assert copy.execute_sql("SELECT body FROM entry").fetchall() == [("kept in the backup",)]
    copy.close()


def test_only_the_newest_five_backups_per_reason_are_kept(profile: Profile) -> None:
    clock = StepClock()
    made = [
        create_backup(profile.db, profile.paths.database, profile.paths.backups, "daily", clock)
        for _ in range(7)
    ]
    create_backup(profile.db, profile.paths.database, profile.paths.backups, "manual", clock)
    assert list_backups(profile.paths.backups, "daily") == made[2:]
    assert len(list_backups(profile.paths.backups)) == 6
