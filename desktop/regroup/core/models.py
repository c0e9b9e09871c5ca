"""Peewee models of the current schema. Only services use them; widgets never do.

The full-text index ``entry_search`` is an FTS5 table over ``entry`` kept in step
by triggers (see migrations); services query it with SQL of their own.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

database_proxy = DatabaseProxy()


class BaseModel(Model):
    """Binds every model to the database the profile opened."""

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Entry(BaseModel):
    """One diary entry. Times are UTC; ``entry_date`` is the user's calendar day."""

    id = AutoField()
    uuid = TextField(unique=True)
    entry_date = DateField()
    created_at = DateTimeField()
    updated_at = DateTimeField(null=True)
    deleted_at = DateTimeField(null=True)
    title = TextField(default="")
    body = TextField(default="")
    mood = IntegerField(null=True)
    tags_text = TextField(default="")


class Tag(BaseModel):
    """A #tag, unique without regard to case."""

    id = AutoField()
    name = TextField(unique=True)


class EntryTag(BaseModel):
    """Which tags an entry carries."""

    entry = ForeignKeyField(Entry, on_delete="CASCADE", backref="entry_tags")
    tag = ForeignKeyField(Tag, on_delete="CASCADE", backref="entry_tags")

    class Meta:
        primary_key = CompositeKey("entry", "tag")


class EntryRevision(BaseModel):
    """An earlier state of an entry, kept so that a bad save can be undone."""

    id = AutoField()
    entry = ForeignKeyField(Entry, on_delete="CASCADE", backref="revisions")
    saved_at = DateTimeField()
    entry_date = DateField()
    title = TextField()
    body = TextField()
    mood = IntegerField(null=True)
    tags_text = TextField()


class Setting(BaseModel):
    """Small key/value preferences that belong to the profile, not the machine."""

    key = TextField(primary_key=True)
    value = TextField()


ALL_MODELS: list[type[Model]] = [Entry, Tag, EntryTag, EntryRevision, Setting]
