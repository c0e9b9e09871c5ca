"""Peewee models of the current schema. Only services use them; widgets never do."""

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
from playhouse.sqlite_ext import FTS5Model, RowIDField, SearchField

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
    entry_date = DateField(index=True)
    created_at = DateTimeField()
    updated_at = DateTimeField(null=True)
    deleted_at = DateTimeField(null=True, index=True)
    title = TextField(default="")
    body = TextField(default="")
    mood = IntegerField(null=True)


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


class EntrySearch(FTS5Model):
    """The full-text index of entries; its rowid is the entry's id."""

    rowid = RowIDField()
    title = SearchField()
    body = SearchField()
    tags = SearchField()

    class Meta:
        database = database_proxy
        table_name = "entry_search"


class Setting(BaseModel):
    """Small key/value preferences that belong to the profile, not the machine."""

    key = TextField(primary_key=True)
    value = TextField()


ALL_MODELS: list[type[Model]] = [Entry, Tag, EntryTag, EntrySearch, Setting]
