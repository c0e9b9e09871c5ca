"""What a card draws, in plain data: its charts, its table and the records behind each part.

The figures from core become these specs in :mod:`regroup.gui.insights.figures`; the
chart and table widgets read only these, so one spec gives the picture and its text
alternative the same numbers.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date
from enum import Enum

from regroup.core.record import record

Ref = tuple[str, int]
"""A record behind a figure: ``("debriefs", id)``, ``("goals", id)`` or ``("day", ordinal)``."""


class Tint(Enum):
    """How a bar stands out; each maps to a theme colour, never a fixed one."""

    ACCENT = "accent"
    MUTED = "muted"
    SOFT = "soft"


@record
class Series:
    """One set of bars, a value per category, with the records behind each bar."""

    name: str
    values: tuple[float, ...]
    refs: tuple[tuple[Ref, ...], ...]
    tint: Tint = Tint.ACCENT
    tints: tuple[Tint, ...] = ()
    """A tint per bar where bars differ (kinds of role you want and reach far in)."""

    def tint_of(self, index: int) -> Tint:
        """Return the tint of bar ``index``."""
        return self.tints[index] if index < len(self.tints) else self.tint


@record
class BarSpec:
    """A bar chart: categories along the bottom, one or more series side by side."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    y_ticks: tuple[str, ...] = ()
    """Names for the whole numbers up the side (stages), when counts are not the unit."""
    guide: float | None = None
    """A level drawn across (the median)."""
    horizontal: bool = False
    """Bars lying down, for long names (kinds of role, lessons), the first on top."""
    tint_names: tuple[tuple[Tint, str], ...] = ()
    """What each tint means, for the legend (far and wanted, said no)."""

    @property
    def empty(self) -> bool:
        """Tell whether there is nothing to draw (kind words stand in its place)."""
        return not self.categories or not any(v for s in self.series for v in s.values)


@record
class LineSpec:
    """The mood line: a point per day, a rolling line, and the news marked."""

    title: str
    days: tuple[date, ...]
    means: tuple[float, ...]
    rolling: tuple[float, ...]
    news: tuple[tuple[date, int], ...]

    @property
    def empty(self) -> bool:
        """Tell whether there is nothing to draw."""
        return not self.days


Chart = BarSpec | LineSpec


@record
class Table:
    """The text alternative: a header and rows, each row with the records behind it."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    refs: tuple[tuple[Ref, ...], ...] = ()

    def refs_of(self, row: int) -> tuple[Ref, ...]:
        """Return the records behind row ``row``."""
        return self.refs[row] if row < len(self.refs) else ()


@record
class CardSpec:
    """One card of the page: a title, its charts with their readings, and its table."""

    key: str
    title: str
    charts: tuple[tuple[Chart, str], ...]
    table: Table
    notes: tuple[str, ...] = field(default=())
    """Lines of plain text under the charts (the overdue goals, the repeated lessons)."""
