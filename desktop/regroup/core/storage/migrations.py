"""Schema versions, one function each, applied in order inside one transaction.

Each migration states its schema in its own terms and never reads the current
models, so an old database upgrades the same way however the models change later.
The version lives in SQLite's ``user_version``.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import DateTimeField, SqliteDatabase, TextField

Migration = Callable[[SqliteDatabase], None]


def _v1_entries(db: SqliteDatabase) -> None:
    db.execute_sql(
        """
        CREATE TABLE entry (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            entry_date DATE NOT NULL,
            created_at DATETIME NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            mood INTEGER CHECK (mood BETWEEN 1 AND 5)
        )"""
    )
    db.execute_sql("CREATE INDEX entry_entry_date ON entry (entry_date)")
    db.execute_sql("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _v2_tags_search_and_trash(db: SqliteDatabase) -> None:
    from playhouse.migrate import SqliteMigrator, migrate  # only upgrades need it

    migrator = SqliteMigrator(db)
    migrate(
        migrator.add_column("entry", "updated_at", DateTimeField(null=True)),
        migrator.add_column("entry", "deleted_at", DateTimeField(null=True)),
    )
    db.execute_sql("UPDATE entry SET updated_at = created_at")
    db.execute_sql("CREATE INDEX entry_deleted_at ON entry (deleted_at)")
    db.execute_sql(
        "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)"
    )
    db.execute_sql(
        """
        CREATE TABLE entry_tag (
            entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
            PRIMARY KEY (entry_id, tag_id)
        )"""
    )
    db.execute_sql("CREATE INDEX entry_tag_tag_id ON entry_tag (tag_id)")
    db.execute_sql(
        "CREATE VIRTUAL TABLE entry_search USING fts5("
        "title, body, tags, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    db.execute_sql(
        "INSERT INTO entry_search (rowid, title, body, tags) SELECT id, title, body, '' FROM entry"
    )


def _v3_revisions_and_lean_search(db: SqliteDatabase) -> None:
    """Keep entry revisions, and let the search index read its text from ``entry``.

    The v2 index held its own copy of every text; an external-content index halves
    the file and is kept in step by triggers, so no save can forget it. Entries in
    the trash leave the index, so searches never need to look at ``entry`` to skip them.
    """
    from playhouse.migrate import SqliteMigrator, migrate

    migrate(SqliteMigrator(db).add_column("entry", "tags_text", TextField(default="")))
    db.execute_sql(
        "UPDATE entry SET tags_text = coalesce((SELECT group_concat(t.name, ' ') "
        "FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = entry.id), '')"
    )
    db.execute_sql("DROP TABLE entry_search")
    db.execute_sql(
        "CREATE VIRTUAL TABLE entry_search USING fts5(title, body, tags_text, "
        "content = 'entry', content_rowid = 'id', "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    insert = (
        "INSERT INTO entry_search (rowid, title, body, tags_text) "
        "SELECT new.id, new.title, new.body, new.tags_text WHERE new.deleted_at IS NULL"
    )
    delete = (
        "INSERT INTO entry_search (entry_search, rowid, title, body, tags_text) "
        "SELECT 'delete', old.id, old.title, old.body, old.tags_text WHERE old.deleted_at IS NULL"
    )
    db.execute_sql(f"CREATE TRIGGER entry_search_ai AFTER INSERT ON entry BEGIN {insert}; END")
    db.execute_sql(f"CREATE TRIGGER entry_search_ad AFTER DELETE ON entry BEGIN {delete}; END")
    db.execute_sql(
        "CREATE TRIGGER entry_search_au AFTER UPDATE OF title, body, tags_text, deleted_at "
        f"ON entry BEGIN {delete}; {insert}; END"
    )
    db.execute_sql("INSERT INTO entry_search (entry_search) VALUES ('rebuild')")
    db.execute_sql(
        "INSERT INTO entry_search (entry_search, rowid, title, body, tags_text) "
        "SELECT 'delete', id, title, body, tags_text FROM entry WHERE deleted_at IS NOT NULL"
    )
    db.execute_sql("DROP INDEX IF EXISTS entry_deleted_at")
    db.execute_sql("CREATE INDEX entry_listing ON entry (deleted_at, entry_date, id)")
    db.execute_sql("CREATE INDEX entry_mood ON entry (mood, entry_date, id)")
    db.execute_sql(
        """
        CREATE TABLE entry_revision (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            saved_at DATETIME NOT NULL,
            entry_date DATE NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            mood INTEGER,
            tags_text TEXT NOT NULL
        )"""
    )
    db.execute_sql("CREATE INDEX entry_revision_entry ON entry_revision (entry_id, saved_at)")


_DEBRIEF_TEXT = (
    "company, role, role_kind, feedback_received, went_well, do_differently, strengths, "
    "reframe, lessons, notes"
)


def _v4_debriefs_goals_checkins(db: SqliteDatabase) -> None:
    """Debriefs (with a search index), their links to entries, goals and check-ins.

    Lists (``do_differently``, ``traps``) are JSON arrays of text. Goals keep their
    order with sparse positions, so a move rewrites one row. A check-in holds the
    columns its delivery and answers will need, so reminders can come without a
    further migration.
    """
    db.execute_sql(
        """
        CREATE TABLE debrief (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'saved')),
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            deleted_at DATETIME,
            company TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            role_kind TEXT NOT NULL DEFAULT '',
            applied_on DATE,
            stage TEXT CHECK (stage IN
                ('applied', 'screening_call', 'interviews', 'final_round', 'offer_stage')),
            interview_rounds INTEGER CHECK (interview_rounds BETWEEN 0 AND 99),
            news_on DATE,
            news_via TEXT CHECK (news_via IN ('call', 'email', 'letter', 'no_reply')),
            feedback_asked INTEGER CHECK (feedback_asked IN (0, 1)),
            feedback_received TEXT NOT NULL DEFAULT '',
            preparedness INTEGER CHECK (preparedness BETWEEN 1 AND 5),
            went_well TEXT NOT NULL DEFAULT '',
            do_differently TEXT NOT NULL DEFAULT '[]',
            resume_targeted INTEGER CHECK (resume_targeted IN (0, 1)),
            strengths TEXT NOT NULL DEFAULT '',
            wanted INTEGER CHECK (wanted BETWEEN 1 AND 5),
            keep_looking TEXT CHECK (keep_looking IN ('yes', 'not_sure', 'no')),
            traps TEXT NOT NULL DEFAULT '[]',
            reframe TEXT NOT NULL DEFAULT '',
            lessons TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            mourning_days INTEGER CHECK (mourning_days BETWEEN 0 AND 365)
        )"""
    )
    db.execute_sql("CREATE INDEX debrief_listing ON debrief (deleted_at, news_on, id)")
    db.execute_sql("CREATE INDEX debrief_company ON debrief (company COLLATE NOCASE)")
    db.execute_sql(
        f"CREATE VIRTUAL TABLE debrief_search USING fts5({_DEBRIEF_TEXT}, "
        "content = 'debrief', content_rowid = 'id', "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    new_values = ", ".join(f"new.{name}" for name in _DEBRIEF_TEXT.split(", "))
    old_values = ", ".join(f"old.{name}" for name in _DEBRIEF_TEXT.split(", "))
    insert = f"INSERT INTO debrief_search (rowid, {_DEBRIEF_TEXT}) VALUES (new.id, {new_values})"
    delete = (
        f"INSERT INTO debrief_search (debrief_search, rowid, {_DEBRIEF_TEXT}) "
        f"VALUES ('delete', old.id, {old_values})"
    )
    db.execute_sql(f"CREATE TRIGGER debrief_search_ai AFTER INSERT ON debrief BEGIN {insert}; END")
    db.execute_sql(f"CREATE TRIGGER debrief_search_ad AFTER DELETE ON debrief BEGIN {delete}; END")
    db.execute_sql(
        f"CREATE TRIGGER debrief_search_au AFTER UPDATE OF {_DEBRIEF_TEXT} ON debrief "
        f"BEGIN {delete}; {insert}; END"
    )
    db.execute_sql(
        """
        CREATE TABLE debrief_entry (
            debrief_id INTEGER NOT NULL REFERENCES debrief (id) ON DELETE CASCADE,
            entry_id INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
            PRIMARY KEY (debrief_id, entry_id)
        )"""
    )
    db.execute_sql("CREATE INDEX debrief_entry_entry ON debrief_entry (entry_id)")
    db.execute_sql(
        """
        CREATE TABLE goal (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            category TEXT CHECK (category IN ('resume', 'skills', 'interview_practice',
                'networking', 'applications', 'wellbeing')),
            due_on DATE,
            outcome TEXT NOT NULL DEFAULT '',
            lane TEXT NOT NULL DEFAULT 'next'
                CHECK (lane IN ('next', 'doing', 'done', 'archived', 'dropped')),
            position REAL NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            done_at DATETIME,
            deleted_at DATETIME,
            source_debrief_id INTEGER REFERENCES debrief (id) ON DELETE SET NULL,
            source_line TEXT
        )"""
    )
    # Covers the board's query, so a board of thousands of goals loads without table reads.
    db.execute_sql(
        "CREATE INDEX goal_board ON goal (deleted_at, lane, position, id, title, category, "
        "due_on, done_at, source_debrief_id)"
    )
    db.execute_sql("CREATE INDEX goal_source ON goal (source_debrief_id)")
    db.execute_sql(
        """
        CREATE TABLE checkin (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            debrief_id INTEGER NOT NULL UNIQUE REFERENCES debrief (id) ON DELETE CASCADE,
            due_at DATETIME NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            delivered_at DATETIME,
            snoozed_until DATETIME,
            done_at DATETIME,
            feeling INTEGER CHECK (feeling BETWEEN 1 AND 5),
            ready INTEGER CHECK (ready IN (0, 1)),
            what_helped TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute_sql("CREATE INDEX checkin_due ON checkin (done_at, due_at)")


_REMINDER_DUE = "coalesce(snoozed_until, due_at)"
"""When a check-in is next due, as the reminder queries and their index spell it."""


def _v5_reminders(db: SqliteDatabase) -> None:
    """Mark check-ins whose reminder came too late to pop up, and index what reminders read.

    ``missed_at``: when the reminder found the check-in more than a day late and put
    it on the missed list instead of showing it. The partial index holds only the
    check-ins a reminder may still have to show, so each check reads a handful of rows
    however many debriefs there are; the second one counts the open ones for the tray.
    """
    from playhouse.migrate import SqliteMigrator, migrate

    migrate(SqliteMigrator(db).add_column("checkin", "missed_at", DateTimeField(null=True)))
    db.execute_sql(
        f"CREATE INDEX checkin_reminder ON checkin ({_REMINDER_DUE}) "
        "WHERE done_at IS NULL AND delivered_at IS NULL AND missed_at IS NULL"
    )
    db.execute_sql(f"CREATE INDEX checkin_open ON checkin ({_REMINDER_DUE}) WHERE done_at IS NULL")


def _v6_insights(db: SqliteDatabase) -> None:
    """Count each check-in's "Not yet" answers, and index moods by day, for Insights.

    A "Not yet" only moved the snooze time before, so the count was lost; a check-in
    put off before this version counts one, the least it can have been. The mood
    index holds only what the mood line reads, so a long diary's daily means come
    from it alone instead of every encrypted page of the entries (0.7 s to 0.05 s at
    36,500 entries).
    """
    db.execute_sql("ALTER TABLE checkin ADD COLUMN not_yet_count INTEGER NOT NULL DEFAULT 0")
    db.execute_sql("UPDATE checkin SET not_yet_count = 1 WHERE snoozed_until IS NOT NULL")
    db.execute_sql(
        "CREATE INDEX entry_mood_day ON entry (entry_date, mood) "
        "WHERE deleted_at IS NULL AND mood IS NOT NULL"
    )


def _v7_waiting(db: SqliteDatabase) -> None:
    """Applications still waiting for an answer, and whether Regroup offered to close them.

    ``quiet_since`` is the last day anything was heard (the day applied, until the
    stage moves on); ``offered_at`` marks the one "gone quiet" offer each gets.
    """
    db.execute_sql(
        """
        CREATE TABLE waiting (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            company TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            applied_on DATE NOT NULL,
            stage TEXT NOT NULL DEFAULT 'applied' CHECK (stage IN
                ('applied', 'screening_call', 'interviews', 'final_round', 'offer_stage')),
            note TEXT NOT NULL DEFAULT '',
            quiet_since DATE NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            offered_at DATETIME
        )"""
    )
    db.execute_sql("CREATE INDEX waiting_quiet ON waiting (quiet_since) WHERE offered_at IS NULL")


def _v8_figure_indexes(db: SqliteDatabase) -> None:
    """Indexes that hold what the Insights figures read, so they skip the full rows.

    Every page of a table is encrypted: reading a debrief's long texts, or a goal's
    title and notes, to reach the few columns the figures use cost more than the
    figures themselves on a cold start. Measured on 2,000 debriefs and 10,000 goals:
    the debriefs 18 to 11 ms, the goals made from them 15 to 5 ms, the goals done
    since a day 10 to 4 ms. The debriefs' index ends with their two short JSON lists
    (thinking traps, "do differently" lines) and says only whether feedback came.
    """
    db.execute_sql(
        "CREATE INDEX debrief_figures ON debrief (status, deleted_at, id, created_at, "
        "company, role, applied_on, stage, news_on, role_kind, news_via, feedback_asked, "
        "feedback_received <> '', preparedness, wanted, keep_looking, traps, do_differently)"
    )
    db.execute_sql(
        "CREATE INDEX goal_figures ON goal (lane, position, id, created_at, done_at, due_on, "
        "source_debrief_id, source_line) WHERE deleted_at IS NULL AND source_debrief_id IS NOT NULL"
    )
    db.execute_sql("CREATE INDEX goal_done ON goal (deleted_at, done_at)")


MIGRATIONS: list[Migration] = [
    _v1_entries,
    _v2_tags_search_and_trash,
    _v3_revisions_and_lean_search,
    _v4_debriefs_goals_checkins,
    _v5_reminders,
    _v6_insights,
    _v7_waiting,
    _v8_figure_indexes,
]
CURRENT_VERSION = len(MIGRATIONS)


def schema_version(db: SqliteDatabase) -> int:
    """Return the schema version recorded in the database file."""
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def apply_migrations(
    db: SqliteDatabase, target: int = CURRENT_VERSION, migrations: list[Migration] | None = None
) -> int:
    """Bring the schema up to ``target`` in a single transaction; return the old version.

    Any failure rolls the whole upgrade back, so the file keeps its old schema and rows.
    """
    steps = MIGRATIONS if migrations is None else migrations
    start = schema_version(db)
    with db.atomic("IMMEDIATE"):  # wait for, never fail on, another writer
        for version in range(start + 1, target + 1):
            steps[version - 1](db)
        db.execute_sql(f"PRAGMA user_version = {int(target)}")
    return start
