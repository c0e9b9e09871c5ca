"""When reminders are due: pure arithmetic over instants, local times and time zones.

Nothing here reads the clock, the database or Qt. A reminder service feeds it the
items that are not delivered yet and the time of an injected clock; it answers what
to show now, what was missed, and when to look again. The service marks an item
delivered (storing ``Due.due_at`` for a daily reminder) before it shows anything,
which is what makes every item fire exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from enum import Flag, StrEnum, auto
from functools import lru_cache
from zoneinfo import ZoneInfo

from regroup.core.checkins.types import CheckinRecord, CheckinStatus
from regroup.core.record import record

ONE_DAY = timedelta(days=1)
CHECK_INTERVAL = timedelta(seconds=30)
"""How often the timer looks even when nothing is known to be due."""
JUMP_TOLERANCE = timedelta(seconds=5)


class ItemKind(StrEnum):
    """What a reminder is about; notification texts depend on it, never on content."""

    CHECKIN = "checkin"
    DAILY = "daily"


@record
class OneOff:
    """An item due once, at an instant (a debrief's check-in)."""

    id: int
    due_at: datetime
    snoozed_until: datetime | None = None
    kind: ItemKind = ItemKind.CHECKIN

    @property
    def effective_due(self) -> datetime:
        """The instant it may fire: its due time, or later when snoozed."""
        due = as_utc(self.due_at)
        if self.snoozed_until is None:
            return due
        return max(due, as_utc(self.snoozed_until))


@record
class DailyReminder:
    """A reminder at a local wall time in a named zone, at most once per local day.

    ``active_since``: occurrences at or before it never fire (when it was switched on).
    ``last_fired``: the ``due_at`` of the occurrence delivered last, or None.
    """

    id: int
    at: time
    zone: str
    active_since: datetime
    last_fired: datetime | None = None


@record
class Due:
    """One item to act on now; ``due_at`` is the instant it came due."""

    id: int
    kind: ItemKind
    due_at: datetime
    late: timedelta


@record
class QuietHours:
    """A local time span in which nothing pops up; it may cross midnight."""

    start: time
    end: time

    def contains(self, local: time) -> bool:
        """Return whether the local wall time ``local`` falls in the quiet span."""
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def end_after(self, instant: datetime, zone: str) -> datetime:
        """Return the first end of quiet hours after ``instant``."""
        return next_local_time(self.end, zone, instant)


@record
class Policy:
    """The person's settings and the machine's zone at the time of the check."""

    zone: str
    quiet_hours: QuietHours | None = None
    paused_until: datetime | None = None
    missed_after: timedelta = ONE_DAY
    daily_grace: timedelta = timedelta(hours=6)
    check_interval: timedelta = CHECK_INTERVAL


@record
class Plan:
    """What to do now, and when to look again."""

    deliver: tuple[Due, ...]
    missed: tuple[Due, ...]
    held_until: datetime | None
    next_due: datetime | None
    """When something may next be delivered, if anything is waiting or upcoming."""
    next_check: datetime
    """When to look again: ``next_due``, but never later than the policy's interval."""


def waits_now(checkin: CheckinRecord | None, now: datetime) -> bool:
    """Return whether a check-in is already due (or missed) at ``now``, not answered.

    Finishing a debrief whose news is older than its days to mourn plans a check-in
    that is due at once: the window says so rather than "due on" a past day.
    """
    return checkin is not None and checkin.status(now) in (CheckinStatus.DUE, CheckinStatus.MISSED)


def as_utc(instant: datetime) -> datetime:
    """Return ``instant`` in UTC; a naive value is a programming error."""
    if instant.tzinfo is None:
        raise ValueError("reminder times must be timezone-aware")
    return instant.astimezone(UTC)


@lru_cache(maxsize=64)
def zone_info(name: str) -> ZoneInfo:
    """Return the IANA zone ``name`` (cached: a check runs every few seconds)."""
    return ZoneInfo(name)


def local_instant(day: date, at: time, zone: str) -> datetime:
    """Return the UTC instant when the wall clocks of ``zone`` show ``at`` on ``day``.

    A wall time skipped by a DST change (02:30 on a spring-forward day in Berlin)
    maps, with ``fold=0``, to the offset before the change: the same instant as the
    shifted wall time (03:30). A wall time seen twice (the fall-back day) is its
    first occurrence.
    """
    naive = datetime.combine(day, at.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=zone_info(zone)).astimezone(UTC)


def local_date(instant: datetime, zone: str) -> date:
    """Return the calendar date in ``zone`` at ``instant``."""
    return as_utc(instant).astimezone(zone_info(zone)).date()


def next_local_time(at: time, zone: str, after: datetime) -> datetime:
    """Return the first instant strictly after ``after`` at which ``zone`` shows ``at``."""
    day = local_date(after, zone)
    for offset in range(3):
        candidate = local_instant(day + timedelta(days=offset), at, zone)
        if candidate > after:
            return candidate
    raise AssertionError("a wall time recurs within three days")


def due_after_days(start: datetime, days: int, zone: str) -> datetime:
    """Return the instant ``days`` calendar days after ``start``, at the same wall time.

    A debrief written at 10:00 with three days to mourn is due at 10:00 local time
    three days later, even when a DST change falls in between.
    """
    local = as_utc(start).astimezone(zone_info(zone))
    return local_instant(local.date() + timedelta(days=days), local.time(), zone)


def pause_until_tomorrow(now: datetime, zone: str) -> datetime:
    """Return the start of the next local day, the end of "Pause until tomorrow"."""
    return local_instant(local_date(now, zone) + ONE_DAY, time(0, 0), zone)


def _fired_day(reminder: DailyReminder) -> date | None:
    if reminder.last_fired is None:
        return None
    return local_date(reminder.last_fired, reminder.zone)


def _may_fire(reminder: DailyReminder, day: date, occurrence: datetime) -> bool:
    fired = _fired_day(reminder)
    return occurrence > as_utc(reminder.active_since) and (fired is None or day > fired)


def latest_occurrence(reminder: DailyReminder, now: datetime) -> datetime | None:
    """Return the most recent occurrence at or before ``now`` that has not fired yet."""
    today = local_date(now, reminder.zone)
    for day in (today, today - ONE_DAY):
        occurrence = local_instant(day, reminder.at, reminder.zone)
        if occurrence <= now:
            return occurrence if _may_fire(reminder, day, occurrence) else None
    return None


def next_occurrence(reminder: DailyReminder, now: datetime) -> datetime:
    """Return the first occurrence after ``now`` that may still fire."""
    today = local_date(now, reminder.zone)
    for offset in range(4):
        day = today + timedelta(days=offset)
        occurrence = local_instant(day, reminder.at, reminder.zone)
        if occurrence > now and _may_fire(reminder, day, occurrence):
            return occurrence
    raise AssertionError("a daily reminder recurs within four days")


def release_time(now: datetime, policy: Policy) -> datetime:
    """Return when quiet hours and a pause let notifications through (``now`` if they do)."""
    moment = now
    for _ in range(4):
        moved = False
        if policy.paused_until is not None and as_utc(policy.paused_until) > moment:
            moment = as_utc(policy.paused_until)
            moved = True
        quiet = policy.quiet_hours
        if quiet is not None:
            local = moment.astimezone(zone_info(policy.zone)).time()
            if quiet.contains(local):
                moment = quiet.end_after(moment, policy.zone)
                moved = True
        if not moved:
            break
    return moment


def plan(
    one_offs: Iterable[OneOff],
    dailies: Iterable[DailyReminder],
    now: datetime,
    policy: Policy,
) -> Plan:
    """Decide what to deliver now, what was missed, and when the next check should run.

    ``one_offs`` are the items neither delivered nor missed yet; passing only those
    due by now plus the earliest upcoming one gives the same answer, faster.
    Items more than ``policy.missed_after`` late are missed (listed, never popped up);
    a daily reminder only ever fires for its latest occurrence, and not at all when
    that one is more than ``policy.daily_grace`` late. Quiet hours and a pause hold
    the rest until they end.
    """
    now = as_utc(now)
    release = release_time(now, policy)
    held = release > now
    deliver: list[Due] = []
    missed: list[Due] = []
    waiting = False
    upcoming: datetime | None = None
    for item in one_offs:
        due = item.effective_due
        if due > now:
            upcoming = due if upcoming is None else min(upcoming, due)
            continue
        found = Due(item.id, item.kind, due, now - due)
        if found.late > policy.missed_after:
            missed.append(found)
        elif held:
            waiting = True
        else:
            deliver.append(found)
    for reminder in dailies:
        occurrence = latest_occurrence(reminder, now)
        if occurrence is not None and now - occurrence <= policy.daily_grace:
            if held:
                waiting = True
            else:
                deliver.append(Due(reminder.id, ItemKind.DAILY, occurrence, now - occurrence))
        coming = next_occurrence(reminder, now)
        upcoming = coming if upcoming is None else min(upcoming, coming)
    candidates = [release] if waiting else []
    if upcoming is not None:
        candidates.append(max(upcoming, release))
    next_due = min(candidates, default=None)
    regular = now + policy.check_interval
    next_check = regular if next_due is None else min(next_due, regular)
    deliver.sort(key=lambda found: found.due_at)
    return Plan(tuple(deliver), tuple(missed), release if held else None, next_due, next_check)


class Jump(Flag):
    """Why the time seen at this tick cannot be trusted to follow the last one."""

    NONE = 0
    STARTED = auto()
    WALL_AHEAD = auto()
    """The wall clock ran ahead of the monotonic one: woke from sleep, or set forward."""
    WALL_BACK = auto()
    """The wall clock was set back."""
    TICK_LATE = auto()
    """The tick came far later than asked: sleep where the monotonic clock counts it."""
    ZONE_CHANGED = auto()


@record
class Reading:
    """The clocks as seen at one tick of the timer."""

    wall: datetime
    monotonic: float
    zone: str


def detect_jump(
    previous: Reading | None,
    current: Reading,
    interval: timedelta = CHECK_INTERVAL,
    tolerance: timedelta = JUMP_TOLERANCE,
) -> Jump:
    """Compare two ticks; any flag but ``Jump.NONE`` means "check again right now"."""
    if previous is None:
        return Jump.STARTED
    found = Jump.NONE
    steady = timedelta(seconds=current.monotonic - previous.monotonic)
    drift = (as_utc(current.wall) - as_utc(previous.wall)) - steady
    if drift > tolerance:
        found |= Jump.WALL_AHEAD
    elif drift < -tolerance:
        found |= Jump.WALL_BACK
    if steady > 2 * interval + tolerance:
        found |= Jump.TICK_LATE
    if current.zone != previous.zone:
        found |= Jump.ZONE_CHANGED
    return found
