"""The reminder service: what to show now, marked in the database before it is shown.

Each check reads the check-ins a reminder may still have to show (neither
delivered, missed nor answered, of debriefs not in the trash), the daily writing
reminder, quiet hours and a pause; asks :func:`reminder_schedule.plan`; and marks
what it decided in one transaction before it returns the notices. So a crash
between marking and showing loses a notice rather than showing it twice, and each
check-in pops up once, across restarts. Check-ins that came due while the app was
closed come together at the next start; those more than a day late are only listed.
Waiting applications gone quiet are offered to close in the same check, once each.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from peewee import Field, SqliteDatabase

from regroup.core.checkins.notices import Notice, missed_notice, notice_for, quiet_notice
from regroup.core.checkins.reminder_settings import (
    DAILY_AT,
    DAILY_LAST_FIRED,
    DAILY_SINCE,
    DAILY_ZONE,
    PAUSED_UNTIL,
    QUIET_END,
    QUIET_START,
    ReminderSettings,
    check_zone,
    format_time,
    read_settings,
    stored_instant,
    write_values,
)
from regroup.core.checkins.schedule import (
    DailyReminder,
    ItemKind,
    OneOff,
    Policy,
    QuietHours,
    pause_until_tomorrow,
    plan,
)
from regroup.core.checkins.service import waiting_count
from regroup.core.clock import Clock, system_zone_name
from regroup.core.record import record
from regroup.core.settings import SettingsService
from regroup.core.storage.columns import from_db_time, to_db_time
from regroup.core.storage.models import Checkin
from regroup.core.storage.transactions import writing
from regroup.core.waiting.service import due_offers, mark_offered

DAILY_ID = 0
"""The id the daily writing reminder goes by in a plan (check-in ids start at 1)."""
PAUSE_HOUR = timedelta(hours=1)

_DUE = "coalesce(c.snoozed_until, c.due_at)"
# Raw SQL: Peewee cannot say INDEXED BY, which keeps each check on its small partial index.
_WAITING = (
    "FROM checkin c INDEXED BY checkin_reminder JOIN debrief d ON d.id = c.debrief_id "
    "WHERE c.done_at IS NULL AND c.delivered_at IS NULL AND c.missed_at IS NULL "
    "AND d.deleted_at IS NULL"
)
_COLUMNS = "c.id, c.due_at, c.snoozed_until, c.created_at"
_DUE_NOW_SQL = f"SELECT {_COLUMNS} {_WAITING} AND {_DUE} <= ?"
_NEXT_SQL = f"SELECT {_COLUMNS} {_WAITING} AND {_DUE} > ? ORDER BY {_DUE} LIMIT 1"


@record
class ReminderCheck:
    """What one check decided; everything in it is already stored.

    ``notices``: at most one about what came due (check-ins first, else the writing
    reminder) and one about check-ins that went to the missed list.
    """

    notices: tuple[Notice, ...]
    delivered: tuple[int, ...]
    missed: tuple[int, ...]
    daily_fired: bool
    held_until: datetime | None
    next_check: datetime
    offered: tuple[int, ...] = ()
    """Waiting applications offered to close, now that they have gone quiet."""

    @property
    def changed(self) -> bool:
        """Return whether a check-in or application changed state (lists should reload)."""
        return bool(self.delivered or self.missed or self.offered)


def _one_off(row: tuple) -> OneOff:  # type: ignore[type-arg]
    """Read a check-in as a one-off reminder, due no earlier than it was planned.

    A debrief finished after its days to mourn plans a check-in already past due:
    it is ready now, not "missed while Regroup was closed".
    """
    due, created = from_db_time(row[1]), from_db_time(row[3])
    return OneOff(row[0], max(due, created), from_db_time(row[2]) if row[2] else None)


class ReminderService:
    """Decides, stores and tells what reminders to show; also pauses and preferences."""

    def __init__(
        self,
        db: SqliteDatabase,
        clock: Clock,
        zone_name: Callable[[], str] | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        clock_zone = getattr(clock, "zone_name", None)
        self.zone_name: Callable[[], str] = zone_name or (
            clock_zone if callable(clock_zone) else system_zone_name
        )

    def settings(self) -> ReminderSettings:
        """Return the stored reminder preferences."""
        return read_settings(self._db)

    def check(self) -> ReminderCheck:
        """Decide what is due now, mark it delivered or missed, and return the notices."""
        now = self._clock.now()
        stamp = to_db_time(now)
        prefs = read_settings(self._db)
        zone = self.zone_name()
        one_offs = [_one_off(row) for row in self._db.execute_sql(_DUE_NOW_SQL, (stamp,))]
        upcoming = self._db.execute_sql(_NEXT_SQL, (stamp,)).fetchone()
        if upcoming is not None:
            one_offs.append(_one_off(upcoming))
        dailies = []
        if prefs.daily_at is not None:
            dailies.append(
                DailyReminder(
                    DAILY_ID,
                    prefs.daily_at,
                    prefs.daily_zone or zone,
                    prefs.daily_since or now,
                    prefs.daily_last_fired,
                )
            )
        result = plan(one_offs, dailies, now, Policy(zone, prefs.quiet_hours, prefs.paused_until))
        delivered = [due.id for due in result.deliver if due.kind is ItemKind.CHECKIN]
        daily = [due for due in result.deliver if due.kind is ItemKind.DAILY]
        missed = [due.id for due in result.missed if due.kind is ItemKind.CHECKIN]
        offered = self._quiet_offers(result.held_until)
        if delivered or missed or daily or offered:
            with writing(self._db):
                self._mark(Checkin.delivered_at, delivered, now)
                self._mark(Checkin.missed_at, missed, now)
                mark_offered(self._db, offered, now)
                if daily:
                    write_values(self._db, {DAILY_LAST_FIRED: to_db_time(daily[0].due_at)})
        notices = [notice_for(result.deliver), missed_notice(missed), quiet_notice(offered)]
        return ReminderCheck(
            notices=tuple(notice for notice in notices if notice is not None),
            delivered=tuple(delivered),
            missed=tuple(missed),
            daily_fired=bool(daily),
            held_until=result.held_until,
            next_check=result.next_check,
            offered=tuple(offered),
        )

    def _quiet_offers(self, held_until: datetime | None) -> list[int]:
        """Applications gone quiet, unless a pause or quiet hours hold reminders back now."""
        if held_until is not None:
            return []
        today = self._clock.today()
        return due_offers(self._db, today, SettingsService(self._db).quiet_days())

    def _mark(self, column: Field, ids: list[int], now: datetime) -> None:
        if not ids:
            return
        # Raw SQL: after a long absence this marks thousands of ids at once, and Peewee's
        # IN list doubled the first check (make bench, reminder_first_check_ms).
        marks = ", ".join("?" * len(ids))
        self._db.execute_sql(
            f"UPDATE checkin SET {column.column_name} = ? WHERE id IN ({marks}) "
            "AND delivered_at IS NULL AND missed_at IS NULL AND done_at IS NULL",
            (to_db_time(now), *ids),
        )

    def due_count(self) -> int:
        """Return how many check-ins wait for an answer now (due or missed)."""
        return waiting_count(self._db, self._clock.now())

    # Pausing

    def paused_until(self) -> datetime | None:
        """Return when a pause ends, or None when reminders are not paused now."""
        until = read_settings(self._db).paused_until
        return until if until is not None and until > self._clock.now() else None

    def pause_for(self, span: timedelta = PAUSE_HOUR) -> datetime:
        """Hold reminders for ``span`` from now; they come when the pause ends."""
        return self._pause(self._clock.now() + span)

    def pause_until_tomorrow(self) -> datetime:
        """Hold reminders until the start of the next local day."""
        return self._pause(pause_until_tomorrow(self._clock.now(), self.zone_name()))

    def _pause(self, until: datetime) -> datetime:
        with writing(self._db):
            write_values(self._db, {PAUSED_UNTIL: to_db_time(until)})
        return until

    def resume(self) -> None:
        """End a pause now."""
        with writing(self._db):
            write_values(self._db, {PAUSED_UNTIL: None})

    # Preferences

    def set_daily(self, at: time | None, zone: str | None = None) -> None:
        """Turn the daily writing reminder on at local time ``at`` in ``zone``, or off.

        ``zone`` None follows the machine's zone. Only times after this moment fire:
        choosing 08:00 at 10:00 starts with tomorrow's reminder.
        """
        if zone is not None:
            check_zone(zone)
        values: dict[str, str | None] = {DAILY_AT: None, DAILY_ZONE: None, DAILY_SINCE: None}
        if at is not None:
            values = {
                DAILY_AT: format_time(at),
                DAILY_ZONE: zone,
                DAILY_SINCE: stored_instant(self._clock.now()),
            }
        with writing(self._db):
            write_values(self._db, values)

    def set_quiet_hours(self, hours: QuietHours | None) -> None:
        """Keep reminders quiet between two local times (None: never quiet)."""
        values: dict[str, str | None] = {QUIET_START: None, QUIET_END: None}
        if hours is not None and hours.start != hours.end:
            values = {QUIET_START: format_time(hours.start), QUIET_END: format_time(hours.end)}
        with writing(self._db):
            write_values(self._db, values)
