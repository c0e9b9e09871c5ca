"""The database runs with the settings the data rules ask for."""

from regroup.core.profile import Profile


def test_wal_full_sync_and_foreign_keys_are_on(profile: Profile) -> None:
    pragma = profile.db.execute_sql
    assert pragma("PRAGMA journal_mode").fetchone() == ("wal",)
    assert pragma("PRAGMA synchronous").fetchone() == (2,)
    assert pragma("PRAGMA foreign_keys").fetchone() == (1,)
    assert pragma("PRAGMA cipher_version").fetchone()[0].startswith("4.")
