"""The Check-ins page's lists: every check-in of debriefs not in the trash, by state."""

from __future__ import annotations

from peewee import ModelSelect, SqliteDatabase, fn

from regroup.core.checkins.service import CHECKIN_FIELDS, checkin_from_row
from regroup.core.checkins.types import CheckinItem, CheckinOverview, CheckinStatus
from regroup.core.clock import Clock
from regroup.core.storage.columns import from_db_date
from regroup.core.storage.models import Checkin, Debrief, DebriefEntry, Entry

_COLUMNS = len(CHECKIN_FIELDS)


def _items() -> ModelSelect[Checkin]:
    """Return the query of every check-in of a debrief not in the trash, with what it shows.

    ``linked_mood`` is the average mood of the diary entries linked to the debrief.
    """
    linked_mood = (
        DebriefEntry.select(fn.AVG(Entry.mood))
        .join(Entry)
        .where(
            DebriefEntry.debrief == Debrief.id,
            Entry.deleted_at.is_null(),
            Entry.mood.is_null(False),
        )
    )
    return (
        Checkin.select(
            *CHECKIN_FIELDS,
            Debrief.company,
            Debrief.role,
            Debrief.news_on,
            Debrief.wanted,
            linked_mood,
        )
        .join(Debrief)
        .where(Debrief.deleted_at.is_null())
    )


def item_from_row(row: tuple) -> CheckinItem:  # type: ignore[type-arg]
    """Build an item from the stored values of a row of :func:`_items`."""
    company, role, news, wanted, mood = row[_COLUMNS:]
    return CheckinItem(
        checkin=checkin_from_row(row[:_COLUMNS]),
        company=company,
        role=role,
        news_on=from_db_date(news) if news else None,
        wanted=wanted,
        linked_mood=None if mood is None else round(float(mood), 1),
    )


class CheckinBrowser:
    """Reads check-ins with their debrief's name for display; writes nothing."""

    def __init__(self, db: SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def item(self, checkin_id: int) -> CheckinItem | None:
        """Return one check-in for display, or None when it is gone or in the trash."""
        query = _items().where(Checkin.id == checkin_id)
        row = self._db.execute(query).fetchone()
        return None if row is None else item_from_row(row)

    def overview(self) -> CheckinOverview:
        """Return the check-ins due, missed, upcoming and done, at the clock's now."""
        now = self._clock.now()
        lists: dict[CheckinStatus, list[CheckinItem]] = {status: [] for status in CheckinStatus}
        for row in self._db.execute(_items()).fetchall():
            item = item_from_row(row)
            lists[item.checkin.status(now)].append(item)

        def due_order(item: CheckinItem) -> tuple[object, ...]:
            return (item.checkin.next_due_at, item.checkin.id)

        def done_order(item: CheckinItem) -> tuple[object, ...]:
            return (item.checkin.done_at, item.checkin.id)

        return CheckinOverview(
            due=tuple(sorted(lists[CheckinStatus.DUE], key=due_order)),
            missed=tuple(sorted(lists[CheckinStatus.MISSED], key=due_order)),
            upcoming=tuple(sorted(lists[CheckinStatus.UPCOMING], key=due_order)),
            done=tuple(sorted(lists[CheckinStatus.DONE], key=done_order, reverse=True)),
        )
