"""The Check-ins page's lists: every check-in of debriefs not in the trash, by state."""

from __future__ import annotations

from peewee import SqliteDatabase

from regroup.core.checkins.service import CHECKIN_COLUMNS, checkin_from_row
from regroup.core.checkins.types import CheckinItem, CheckinOverview, CheckinStatus
from regroup.core.clock import Clock
from regroup.core.storage.columns import from_db_date

_LINKED_MOOD = (
    "(SELECT avg(e.mood) FROM debrief_entry de JOIN entry e ON e.id = de.entry_id "
    "WHERE de.debrief_id = d.id AND e.deleted_at IS NULL AND e.mood IS NOT NULL)"
)
ITEM_SQL = (
    f"SELECT {CHECKIN_COLUMNS}, d.company, d.role, d.news_on, d.wanted, {_LINKED_MOOD} "
    "FROM checkin c JOIN debrief d ON d.id = c.debrief_id WHERE d.deleted_at IS NULL"
)
_COLUMNS = CHECKIN_COLUMNS.count(",") + 1


def item_from_row(row: tuple) -> CheckinItem:  # type: ignore[type-arg]
    """Build an item from a row of :data:`ITEM_SQL`."""
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
        row = self._db.execute_sql(f"{ITEM_SQL} AND c.id = ?", (checkin_id,)).fetchone()
        return None if row is None else item_from_row(row)

    def overview(self) -> CheckinOverview:
        """Return the check-ins due, missed, upcoming and done, at the clock's now."""
        now = self._clock.now()
        lists: dict[CheckinStatus, list[CheckinItem]] = {status: [] for status in CheckinStatus}
        for row in self._db.execute_sql(ITEM_SQL).fetchall():
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
