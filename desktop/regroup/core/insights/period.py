"""The period filter every figure follows: last 3 months, last 12 months, or everything.

Callers import it from ``insights.types``; it lives here to keep that module short.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from regroup.core.record import record


def _months_back(today: date, months: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in range(today.day, 27, -1):  # 31 March minus one month is 28/29 February
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(today.day, 28))


class PeriodKind(StrEnum):
    """The choices of the period filter."""

    LAST_3_MONTHS = "last_3_months"
    LAST_12_MONTHS = "last_12_months"
    ALL = "all"
    CUSTOM = "custom"


@record
class Period:
    """The days every figure looks at, both ends included; None means open on that side.

    A debrief belongs to the day its news came (else its application day, else the
    day it was written); entries to their diary day; goals to the local day they
    were made or done.
    """

    date_from: date | None = None
    date_to: date | None = None
    kind: PeriodKind = PeriodKind.CUSTOM

    @classmethod
    def last_months(cls, today: date, months: int) -> Period:
        """Return the ``months`` months up to and including ``today``."""
        start = _months_back(today, months) + timedelta(days=1)
        kind = {3: PeriodKind.LAST_3_MONTHS, 12: PeriodKind.LAST_12_MONTHS}.get(
            months, PeriodKind.CUSTOM
        )
        return cls(start, today, kind)

    @classmethod
    def last_3_months(cls, today: date) -> Period:
        """Return the three months up to today (the page's first choice)."""
        return cls.last_months(today, 3)

    @classmethod
    def last_12_months(cls, today: date) -> Period:
        """Return the twelve months up to today."""
        return cls.last_months(today, 12)

    @classmethod
    def everything(cls) -> Period:
        """Return a period without ends: all the records."""
        return cls(None, None, PeriodKind.ALL)

    @classmethod
    def of_kind(cls, kind: PeriodKind, today: date) -> Period:
        """Return the period a filter choice names (CUSTOM gives everything)."""
        if kind is PeriodKind.LAST_3_MONTHS:
            return cls.last_3_months(today)
        if kind is PeriodKind.LAST_12_MONTHS:
            return cls.last_12_months(today)
        return cls.everything()

    def contains(self, day: date | None) -> bool:
        """Tell whether ``day`` falls in the period (an unknown day only in an open one)."""
        if day is None:
            return self.date_from is None and self.date_to is None
        if self.date_from is not None and day < self.date_from:
            return False
        return self.date_to is None or day <= self.date_to
