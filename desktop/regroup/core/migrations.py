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


MIGRATIONS: list[Migration] = [
    _v1_entries,
    _v2_tags_search_and_trash,
    _v3_revisions_and_lean_search,
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
    with db.atomic():
        for version in range(start + 1, target + 1):
            steps[version - 1](db)
        db.execute_sql(f"PRAGMA user_version = {int(target)}")
    return start
