"""Peewee models of the current schema. Only services use them; widgets never do.

The full-text index ``entry_search`` is an FTS5 table over ``entry`` kept in step
by triggers (see migrations); services query it with SQL of their own.
"""

from __future__ import annotations

from datetime import date, datetime

from peewee import (
    AutoField,
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from regroup.core.storage.columns import from_db_date, from_db_time, to_db_date, to_db_time

database_proxy = DatabaseProxy()


class UtcTimeField(TextField):
    """An instant, stored as naive UTC text with microseconds (see ``storage.columns``).

    Peewee's own DateTimeField would hand the driver a datetime, which drops zero
    microseconds and keeps an offset, so stored instants would stop sorting as text.
    """

    field_type = "DATETIME"

    def db_value(self, value: datetime | str | None) -> str | None:
        return to_db_time(value) if isinstance(value, datetime) else value

    def python_value(self, value: datetime | str | None) -> datetime | None:
        return None if value is None else from_db_time(value)


class DayField(TextField):
    """A calendar day, stored as ISO 8601 text."""

    field_type = "DATE"

    def db_value(self, value: date | str | None) -> str | None:
        return to_db_date(value) if isinstance(value, date) else value

    def python_value(self, value: date | str | None) -> date | None:
        return None if value is None else from_db_date(value)


class BaseModel(Model):
    """Binds every model to the database the profile opened."""

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Entry(BaseModel):
    """One diary entry. Times are UTC; ``entry_date`` is the user's calendar day."""

    id = AutoField()
    uuid = TextField(unique=True)
    entry_date = DayField()
    created_at = UtcTimeField()
    updated_at = UtcTimeField(null=True)
    deleted_at = UtcTimeField(null=True)
    title = TextField(default="")
    body = TextField(default="")
    mood = IntegerField(null=True)
    tags_text = TextField(default="")


class Tag(BaseModel):
    """A #tag, unique without regard to case."""

    id = AutoField()
    name = TextField(unique=True, collation="NOCASE")


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
    saved_at = UtcTimeField()
    entry_date = DayField()
    title = TextField()
    body = TextField()
    mood = IntegerField(null=True)
    tags_text = TextField()


class Setting(BaseModel):
    """Small key/value preferences that belong to the profile, not the machine."""

    key = TextField(primary_key=True)
    value = TextField()


class Debrief(BaseModel):
    """A look back at one application that did not work out (schema v4).

    ``do_differently`` and ``traps`` hold JSON arrays of text; the yes/no answers
    are 0, 1 or NULL. ``debrief_search`` (FTS5) indexes its texts through triggers.
    """

    id = AutoField()
    uuid = TextField(unique=True)
    status = TextField(default="draft")
    created_at = UtcTimeField()
    updated_at = UtcTimeField()
    deleted_at = UtcTimeField(null=True)
    company = TextField(default="")
    role = TextField(default="")
    role_kind = TextField(default="")
    applied_on = DayField(null=True)
    stage = TextField(null=True)
    interview_rounds = IntegerField(null=True)
    news_on = DayField(null=True)
    news_via = TextField(null=True)
    feedback_asked = BooleanField(null=True)
    feedback_received = TextField(default="")
    preparedness = IntegerField(null=True)
    went_well = TextField(default="")
    do_differently = TextField(default="[]")
    resume_targeted = BooleanField(null=True)
    strengths = TextField(default="")
    wanted = IntegerField(null=True)
    keep_looking = TextField(null=True)
    traps = TextField(default="[]")
    reframe = TextField(default="")
    lessons = TextField(default="")
    notes = TextField(default="")
    mourning_days = IntegerField(null=True)


class DebriefEntry(BaseModel):
    """Diary entries a debrief links to."""

    debrief = ForeignKeyField(Debrief, on_delete="CASCADE", backref="entry_links")
    entry = ForeignKeyField(Entry, on_delete="CASCADE", backref="debrief_links")

    class Meta:
        primary_key = CompositeKey("debrief", "entry")


class Goal(BaseModel):
    """A card on the goals board; ``position`` orders the cards of one lane."""

    id = AutoField()
    uuid = TextField(unique=True)
    title = TextField()
    category = TextField(null=True)
    due_on = DayField(null=True)
    outcome = TextField(default="")
    lane = TextField(default="next")
    position = FloatField()
    created_at = UtcTimeField()
    updated_at = UtcTimeField()
    done_at = UtcTimeField(null=True)
    deleted_at = UtcTimeField(null=True)
    source_debrief = ForeignKeyField(Debrief, null=True, on_delete="SET NULL", backref="goals")
    source_line = TextField(null=True)


class Checkin(BaseModel):
    """The move-on check-in a saved debrief asks for; ``due_at`` is a UTC instant."""

    id = AutoField()
    uuid = TextField(unique=True)
    debrief = ForeignKeyField(Debrief, unique=True, on_delete="CASCADE", backref="checkins")
    due_at = UtcTimeField()
    created_at = UtcTimeField()
    updated_at = UtcTimeField()
    delivered_at = UtcTimeField(null=True)
    snoozed_until = UtcTimeField(null=True)
    done_at = UtcTimeField(null=True)
    feeling = IntegerField(null=True)
    ready = BooleanField(null=True)
    what_helped = TextField(default="")
    next_step = TextField(default="")
    missed_at = UtcTimeField(null=True)
    not_yet_count = IntegerField(default=0)
