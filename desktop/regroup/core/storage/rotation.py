"""Which backups to keep: the newest of each of the last few days, weeks and months.

The rule (often called grandfather-father-son): walk the backups newest first; the
first one seen on a calendar day is that day's, the first seen in an ISO week is that
week's, the first in a month that month's. Keep the backups of the newest ``daily``
days, ``weekly`` weeks and ``monthly`` months that have any, and always the newest
backup of all and every backup of the 24 hours before it, whatever the settings say:
a backup never disappears the moment the next one is made. Days are UTC days, so a trip abroad never
changes which copies count as which day's.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import datetime, timedelta

from regroup.core.errors import ValidationError
from regroup.core.record import record

LIMIT = 999


@record
class RotationPolicy:
    """How many daily, weekly and monthly backups to keep."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def __post_init__(self) -> None:
        for name in ("daily", "weekly", "monthly"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= LIMIT:
                raise ValidationError(f"The {name} backups to keep are a number from 0 to {LIMIT}.")


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    year, week, _ = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def _firsts(
    newest_first: Sequence[tuple[str, datetime]], bucket: Callable[[datetime], Hashable], count: int
) -> set[str]:
    seen: set[Hashable] = set()
    kept: set[str] = set()
    for name, moment in newest_first:
        key = bucket(moment)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(name)
    return kept


def to_keep(backups: Sequence[tuple[str, datetime]], policy: RotationPolicy) -> set[str]:
    """Return the names among ``(name, taken_at)`` pairs that the policy keeps."""
    newest_first = sorted(backups, key=lambda pair: pair[1], reverse=True)
    if not newest_first:
        return set()
    recent = newest_first[0][1] - timedelta(days=1)
    kept = {name for name, moment in newest_first if moment > recent}
    kept |= _firsts(newest_first, _day, policy.daily)
    kept |= _firsts(newest_first, _week, policy.weekly)
    kept |= _firsts(newest_first, _month, policy.monthly)
    return kept
