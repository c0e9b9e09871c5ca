"""The person's reminder preferences, kept in the profile's ``setting`` table.

Every key starts with ``reminders.``, so one range read of the primary key fetches
them all: a reminder check runs every half minute and should cost next to nothing.
"""

from __future__ import annotations

from datetime import datetime, time

from peewee import SqliteDatabase

from regroup.core.checkins.schedule import QuietHours, zone_info
from regroup.core.record import record
from regroup.core.settings import SettingValueError
from regroup.core.storage.columns import from_db_time, to_db_time
from regroup.core.storage.models import Setting

PREFIX = "reminders."
DAILY_AT = "reminders.daily_at"
DAILY_ZONE = "reminders.daily_zone"
DAILY_SINCE = "reminders.daily_since"
DAILY_LAST_FIRED = "reminders.daily_last_fired"
QUIET_START = "reminders.quiet_start"
QUIET_END = "reminders.quiet_end"
PAUSED_UNTIL = "reminders.paused_until"


@record
class ReminderSettings:
    """What the person chose. ``daily_at`` None: no daily writing reminder (the default).

    ``daily_zone`` None means "wherever the machine is"; quiet hours are always read
    in the machine's zone, as they follow the person's day.
    """

    daily_at: time | None = None
    daily_zone: str | None = None
    daily_since: datetime | None = None
    daily_last_fired: datetime | None = None
    quiet_hours: QuietHours | None = None
    paused_until: datetime | None = None


def format_time(at: time) -> str:
    """Return the stored form of a wall time, "HH:MM"."""
    return f"{at.hour:02d}:{at.minute:02d}"


def parse_time(text: str | None) -> time | None:
    """Return a stored wall time, or None for a missing or unreadable value."""
    if not text:
        return None
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return None


def _instant(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return from_db_time(text)
    except ValueError:
        return None


def check_zone(name: str) -> str:
    """Return ``name`` if it is an IANA zone this machine knows, else raise."""
    try:
        zone_info(name)
    except (ValueError, KeyError, OSError) as exc:
        raise SettingValueError(f"{name!r} is not a time zone this computer knows.") from exc
    return name


def read_settings(db: SqliteDatabase) -> ReminderSettings:
    """Return the stored preferences; anything unreadable counts as not set."""
    # Raw SQL: every reminder check reads this, and Peewee's query building made it 20x slower.
    rows = db.execute_sql(
        "SELECT key, value FROM setting WHERE key >= ? AND key < ?", (PREFIX, "reminders/")
    ).fetchall()
    values: dict[str, str] = {row[0]: row[1] for row in rows}
    start, end = parse_time(values.get(QUIET_START)), parse_time(values.get(QUIET_END))
    zone = values.get(DAILY_ZONE) or None
    if zone is not None:
        try:
            check_zone(zone)
        except SettingValueError:
            zone = None
    return ReminderSettings(
        daily_at=parse_time(values.get(DAILY_AT)),
        daily_zone=zone,
        daily_since=_instant(values.get(DAILY_SINCE)),
        daily_last_fired=_instant(values.get(DAILY_LAST_FIRED)),
        quiet_hours=(
            QuietHours(start, end)
            if start is not None and end is not None and start != end
            else None
        ),
        paused_until=_instant(values.get(PAUSED_UNTIL)),
    )


def write_values(db: SqliteDatabase, values: dict[str, str | None]) -> None:
    """Store or (for None) remove settings; the caller holds the transaction."""
    for key, value in values.items():
        if value is None:
            Setting.delete().where(Setting.key == key).execute(db)
        else:
            Setting.insert(key=key, value=value).on_conflict(
                conflict_target=[Setting.key], preserve=[Setting.value]
            ).execute(db)


def stored_instant(moment: datetime | None) -> str | None:
    """Return the stored form of an optional instant."""
    return None if moment is None else to_db_time(moment)
