"""What the diary services take and return: plain dataclasses, and the checks on input."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from regroup.core.diary.tags import entry_tags
from regroup.core.diary.tags import normalise_tag as normalise_tag
from regroup.core.errors import RegroupError, ValidationError
from regroup.core.record import record
from regroup.core.text import check_text

MOOD_RANGE = range(1, 6)
MOOD_LABELS = {1: "Awful", 2: "Low", 3: "Okay", 4: "Good", 5: "Great"}
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


class EntryNotFoundError(RegroupError):
    """The entry (or revision) asked for does not exist, or is in the trash."""


@record
class EntryContent:
    """What the person wrote: everything about an entry that they can edit."""

    body: str
    title: str = ""
    mood: int | None = None
    tags: Sequence[str] = ()
    entry_date: date | None = None


@record
class EntryRecord:
    """A saved entry."""

    id: int
    uuid: str
    entry_date: date
    created_at: datetime
    updated_at: datetime | None
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...] = ()
    deleted_at: datetime | None = None

    def content(self) -> EntryContent:
        """Return the editable part, e.g. to compare with what an editor holds."""
        return EntryContent(self.body, self.title, self.mood, self.tags, self.entry_date)


@record
class EntrySummary:
    """One row of a list: enough to recognise an entry without loading its text."""

    id: int
    entry_date: date
    title: str
    preview: str
    mood: int | None
    tags: tuple[str, ...]


@record
class Revision:
    """An earlier state of an entry."""

    id: int
    entry_id: int
    saved_at: datetime
    entry_date: date
    title: str
    body: str
    mood: int | None
    tags: tuple[str, ...]


@record
class SearchQuery:
    """Words to look for (with "phrases" and #tags) and filters; all optional."""

    text: str = ""
    tag: str | None = None
    mood: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 50


@record
class ListPlace:
    """A place in the list order (newest day first, then newest written first)."""

    entry_date: date
    entry_id: int


@record
class SearchHit:
    """A found entry with a snippet whose matches sit between the highlight markers."""

    summary: EntrySummary
    snippet: str
    score: float


def split_tags(tags_text: str) -> tuple[str, ...]:
    """Return the tags stored in an entry's ``tags_text`` column."""
    return tuple(tags_text.split())


def validated_tags(content: EntryContent) -> list[str]:
    """Check every field of ``content`` and return the tags to store for it.

    Those are the tags given, then the #words of its text (see ``diary.tags``),
    normalised and unique, so every way of writing an entry tags it alike.
    """
    check_text("text", content.body)
    check_text("title", content.title)
    if content.mood is not None and content.mood not in MOOD_RANGE:
        raise ValidationError("Mood is a number from 1 to 5.")
    for raw in content.tags:
        check_text("tag", raw)
    return entry_tags(content.tags, content.body)
