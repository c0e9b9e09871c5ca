"""A database from schema 1 upgrades with every row intact; a failed upgrade changes nothing."""

import datetime as dt
import hashlib
from pathlib import Path

import peewee
import pytest

from regroup.core.diary.types import SearchQuery
from regroup.core.errors import MigrationError, SchemaTooNewError
from regroup.core.keys.key_check import key_check_value
from regroup.core.keys.key_file import KeyFile, KeyStorage, save_key_file
from regroup.core.keys.key_wrap import new_data_key, wrap_with_recovery_key
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.keys.recovery_key import new_recovery_key
from regroup.core.paths import ProfilePaths
from regroup.core.profile import open_profile
from regroup.core.storage import migrations
from regroup.core.storage.backup import list_backups
from regroup.core.storage.database import open_encrypted
from tests.support.prompter import ScriptedPrompter

V1_ROWS = [
    ("u1", "2024-01-02", "2024-01-02 09:00:00+00:00", "First", "They said no \U0001f614", 2),
    (
        "u2",
        "1900-01-01",
        "2024-01-03 10:00:00+00:00",
        "",
        "\u05dc\u05d0 \u05e0\u05d5\u05e8\u05d0",
        None,
    ),
    ("u3", "2200-12-31", "2024-01-04 11:00:00+00:00", "x" * 300, "nul\x00byte", 5),
]


def _make_v1_profile(paths: ProfilePaths, keystore: SystemKeyStore) -> None:
    """Build a profile exactly as schema 1 of Regroup left it."""
    paths.root.mkdir(parents=True)
    key, profile_id = new_data_key(), "v1-profile"
    db = open_encrypted(paths.database, key)
    migrations.apply_migrations(db, target=1)
    db.execute_sql("INSERT INTO setting (key, value) VALUES ('default_mourning_days', '3')")
    for row in V1_ROWS:
        db.execute_sql(
            "INSERT INTO entry (uuid, entry_date, created_at, title, body, mood) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            row,
        )
    db.close()
    save_key_file(
        paths.key_file,
        KeyFile(
            profile_id,
            KeyStorage.KEYRING,
            key_check_value(key, profile_id),
            wrap_with_recovery_key(key, new_recovery_key(), profile_id),
        ),
    )
    keystore.save(profile_id, key)


def test_a_schema_1_database_upgrades_with_every_row_intact(
    paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    _make_v1_profile(paths, keystore)
    profile = open_profile(paths, keystore, ScriptedPrompter())
    try:
        rows = profile.db.execute_sql(
            "SELECT uuid, entry_date, created_at, title, body, mood FROM entry ORDER BY id"
        ).fetchall()
        assert rows == V1_ROWS
        assert migrations.schema_version(profile.db) == migrations.CURRENT_VERSION
        first = profile.diary.get(1)
        assert first.updated_at == first.created_at
        assert first.entry_date == dt.date(2024, 1, 2)
        assert [h.summary.id for h in profile.search.search(SearchQuery("said"))] == [1]
        setting = profile.db.execute_sql("SELECT value FROM setting").fetchone()
        assert setting == ("3",)
    finally:
        profile.close()
    [backup] = list_backups(paths.backups)
    assert f"before-v{migrations.CURRENT_VERSION}" in backup.id
    old = open_encrypted(backup.database, keystore.load("v1-profile") or b"")
    assert migrations.schema_version(old) == 1
    assert old.execute_sql("SELECT count(*) FROM entry").fetchone() == (3,)
    old.close()


def _sha(path) -> str:  # type: ignore[no-untyped-def]
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_failing_migration_leaves_the_database_as_it_was(
    paths: ProfilePaths, keystore: SystemKeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make_v1_profile(paths, keystore)
    before = _sha(paths.database)

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    with pytest.raises(MigrationError, match="left as it was"):
        open_profile(paths, keystore, ScriptedPrompter())
    assert _sha(paths.database) == before
    db = open_encrypted(paths.database, keystore.load("v1-profile") or b"")
    assert migrations.schema_version(db) == 1
    tables = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master").fetchall()}
    assert "half_done" not in tables
    db.close()


def test_a_database_from_a_newer_regroup_is_refused_untouched(
    paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    _make_v1_profile(paths, keystore)
    key = keystore.load("v1-profile") or b""
    db = open_encrypted(paths.database, key)
    db.execute_sql(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    db.close()
    before = _sha(paths.database)
    with pytest.raises(SchemaTooNewError, match="newer Regroup"):
        open_profile(paths, keystore, ScriptedPrompter())
    assert _sha(paths.database) == before
    assert not paths.database.with_name("regroup.db-wal").exists()


def _make_v3_profile(paths: ProfilePaths, keystore: SystemKeyStore) -> None:
    """Build a profile as schema 3 left it: entries with tags, a revision, a trashed entry."""
    paths.root.mkdir(parents=True)
    key, profile_id = new_data_key(), "v3-profile"
    db = open_encrypted(paths.database, key)
    migrations.apply_migrations(db, target=3)
    db.execute_sql("INSERT INTO setting (key, value) VALUES ('default_mourning_days', '5')")
    for number, (uuid, day, created, title, body, mood) in enumerate(V1_ROWS, start=1):
        db.execute_sql(
            "INSERT INTO entry (uuid, entry_date, created_at, updated_at, deleted_at, title, body, "
            "mood, tags_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uuid, day, created, created, None if number < 3 else created, title, body, mood, "x"),
        )
    db.execute_sql("INSERT INTO tag (name) VALUES ('x')")
    db.execute_sql("INSERT INTO entry_tag (entry_id, tag_id) VALUES (1, 1)")
    db.execute_sql(
        "INSERT INTO entry_revision (entry_id, saved_at, entry_date, title, body, mood, "
        "tags_text) VALUES (1, '2024-01-02 10:00:00.000000', '2024-01-02', 'Old', 'old', 1, '')"
    )
    db.close()
    save_key_file(
        paths.key_file,
        KeyFile(
            profile_id,
            KeyStorage.KEYRING,
            key_check_value(key, profile_id),
            wrap_with_recovery_key(key, new_recovery_key(), profile_id),
        ),
    )
    keystore.save(profile_id, key)


def test_a_schema_3_database_upgrades_to_the_current_schema_with_every_row_intact(
    paths: ProfilePaths, keystore: SystemKeyStore
) -> None:
    from regroup.core.debriefs.types import DebriefContent
    from regroup.core.goals.types import GoalContent

    _make_v3_profile(paths, keystore)
    key = keystore.load("v3-profile") or b""
    old = open_encrypted(paths.database, key)
    tables = ("entry", "tag", "entry_tag", "entry_revision", "setting")
    before = {t: old.execute_sql(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    old.close()

    profile = open_profile(paths, keystore, ScriptedPrompter())
    try:
        assert migrations.schema_version(profile.db) == migrations.CURRENT_VERSION
        after = {
            t: profile.db.execute_sql(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables
        }
        assert after == before
        assert [h.summary.id for h in profile.search.search(SearchQuery("said"))] == [1]
        assert profile.search.search(SearchQuery("byte")) == []
        assert profile.debriefs.new_content().mourning_days == 5
        record = profile.debriefs.create(
            DebriefContent(company="Acme", do_differently=("Practise",)), draft=False
        ).record
        profile.debriefs.link_entries(record.id, [1])
        goal = profile.goals.create_from_debrief(record.id, 0)
        assert profile.debriefs.get(record.id).goals == (goal,)
        assert profile.goals.create(GoalContent("Walk daily")).lane == "next"
        integrity = profile.db.execute_sql("PRAGMA foreign_key_check").fetchall()
        assert integrity == []
    finally:
        profile.close()
    [backup] = list_backups(paths.backups)
    assert f"before-v{migrations.CURRENT_VERSION}" in backup.id


def test_schema_4_check_ins_upgrade_to_5_with_nothing_missed_and_the_reminder_indexes(
    tmp_path: Path,
) -> None:
    db = open_encrypted(tmp_path / "v4.db", new_data_key())
    try:
        migrations.apply_migrations(db, target=4)
        stamp = "2026-03-19 08:00:00.000000"
        db.execute_sql(
            "INSERT INTO debrief (uuid, status, created_at, updated_at, company) "
            "VALUES ('d1', 'saved', ?, ?, 'Acme')",
            (stamp, stamp),
        )
        db.execute_sql(
            "INSERT INTO checkin (uuid, debrief_id, due_at, created_at, updated_at, feeling) "
            "VALUES ('c1', 1, ?, ?, ?, 3)",
            (stamp, stamp, stamp),
        )
        assert migrations.apply_migrations(db, target=5) == 4
        assert migrations.schema_version(db) == 5
        row = db.execute_sql("SELECT uuid, feeling, missed_at FROM checkin").fetchone()
        assert row == ("c1", 3, None)
        indexes = {r[1] for r in db.execute_sql("PRAGMA index_list(checkin)").fetchall()}
        assert {"checkin_reminder", "checkin_open", "checkin_due"} <= indexes
    finally:
        db.close()


def test_schema_5_upgrades_to_6_counting_one_not_yet_for_check_ins_put_off_and_indexing_moods(
    tmp_path: Path,
) -> None:
    db = open_encrypted(tmp_path / "v5.db", new_data_key())
    try:
        migrations.apply_migrations(db, target=5)
        stamp = "2026-03-19 08:00:00.000000"
        for n in (1, 2):
            db.execute_sql(
                "INSERT INTO debrief (uuid, status, created_at, updated_at, company) "
                f"VALUES ('d{n}', 'saved', ?, ?, 'Acme')",
                (stamp, stamp),
            )
        db.execute_sql(
            "INSERT INTO checkin (uuid, debrief_id, due_at, created_at, updated_at, snoozed_until)"
            " VALUES ('put off', 1, ?, ?, ?, ?), ('waiting', 2, ?, ?, ?, NULL)",
            (stamp, stamp, stamp, "2026-03-22 08:00:00.000000", stamp, stamp, stamp),
        )
        assert migrations.apply_migrations(db, target=6) == 5
        assert migrations.schema_version(db) == 6
        rows = db.execute_sql("SELECT uuid, not_yet_count FROM checkin ORDER BY id").fetchall()
        assert rows == [("put off", 1), ("waiting", 0)]
        indexes = {r[1] for r in db.execute_sql("PRAGMA index_list(entry)").fetchall()}
        assert "entry_mood_day" in indexes
    finally:
        db.close()


def test_schema_6_upgrades_to_7_with_an_empty_waiting_list_and_every_debrief_kept(
    tmp_path: Path,
) -> None:
    db = open_encrypted(tmp_path / "v6.db", new_data_key())
    try:
        migrations.apply_migrations(db, target=6)
        stamp = "2026-03-19 08:00:00.000000"
        db.execute_sql(
            "INSERT INTO debrief (uuid, status, created_at, updated_at, company) "
            "VALUES ('d1', 'saved', ?, ?, 'Acme')",
            (stamp, stamp),
        )
        assert migrations.apply_migrations(db) == 6
        assert migrations.schema_version(db) == migrations.CURRENT_VERSION
        assert db.execute_sql("SELECT uuid, company FROM debrief").fetchall() == [("d1", "Acme")]
        assert db.execute_sql("SELECT count(*) FROM waiting").fetchone() == (0,)
        db.execute_sql(
            "INSERT INTO waiting (uuid, company, applied_on, quiet_since, created_at, updated_at) "
            "VALUES ('w1', 'Acme', '2026-03-01', '2026-03-01', ?, ?)",
            (stamp, stamp),
        )
        assert db.execute_sql("SELECT stage, note, offered_at FROM waiting").fetchone() == (
            "applied",
            "",
            None,
        )
        with pytest.raises(peewee.IntegrityError):
            db.execute_sql(
                "INSERT INTO waiting (uuid, applied_on, quiet_since, created_at, updated_at, "
                "stage) VALUES ('w2', '2026-03-01', '2026-03-01', ?, ?, 'hired')",
                (stamp, stamp),
            )
    finally:
        db.close()


def test_schema_7_upgrades_to_8_with_the_figure_indexes_and_every_row_kept(
    tmp_path: Path,
) -> None:
    db = open_encrypted(tmp_path / "v7.db", new_data_key())
    try:
        migrations.apply_migrations(db, target=7)
        stamp = "2026-03-19 08:00:00.000000"
        db.execute_sql(
            "INSERT INTO debrief (uuid, status, created_at, updated_at, company, traps) "
            "VALUES ('d1', 'saved', ?, ?, 'Acme \U0001f614', '[\"comparing\"]')",
            (stamp, stamp),
        )
        db.execute_sql(
            "INSERT INTO goal (uuid, title, lane, position, created_at, updated_at, done_at, "
            "source_debrief_id, source_line) VALUES ('g1', 'Ask', 'done', 0, ?, ?, ?, 1, 'Ask')",
            (stamp, stamp, stamp),
        )
        assert migrations.apply_migrations(db) == 7
        assert migrations.schema_version(db) == migrations.CURRENT_VERSION == 8
        indexes = {
            table: {r[1] for r in db.execute_sql(f"PRAGMA index_list({table})").fetchall()}
            for table in ("debrief", "goal")
        }
        assert "debrief_figures" in indexes["debrief"]
        assert {"goal_figures", "goal_done"} <= indexes["goal"]
        assert db.execute_sql("SELECT company, traps FROM debrief").fetchall() == [
            ("Acme \U0001f614", '["comparing"]')
        ]
        assert db.execute_sql("SELECT title, source_line FROM goal").fetchall() == [("Ask", "Ask")]
        assert db.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_a_failed_upgrade_logs_one_line_and_keeps_its_details_in_a_private_file(
    paths: ProfilePaths,
    keystore: SystemKeyStore,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    from regroup.cli import main

    _make_v1_profile(paths, keystore)

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    assert main(["--data-dir", str(paths.root), "list"]) == 1
    said = capsys.readouterr().err
    assert "Upgrading this profile from schema 1" in said and "disk trouble" in said
    assert "Traceback" not in said
    logged = [record for record in caplog.records if "upgrade" in record.getMessage()]
    assert len(logged) == 1 and logged[0].exc_info is None
    assert "\n" not in logged[0].getMessage()
    details = list(paths.logs.glob("upgrade-failed-*.txt"))
    assert len(details) == 1
    assert str(details[0]) in said and str(details[0]) in logged[0].getMessage()
    text = details[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: disk trouble" in text
    assert details[0].stat().st_mode & 0o777 == 0o600
    assert paths.logs.stat().st_mode & 0o777 == 0o700
