"""The month calendar beside the list: days with entries stand out, a click opens one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from regroup.gui.diary.editor import FIRST_DAY, LAST_DAY
from regroup.gui.kit import theme
from regroup.gui.kit.dates import from_qdate, to_qdate

_GRID_DAYS = 42


class DiaryCalendar(QCalendarWidget):
    """Marks, in bold and colour, the shown days that have entries.

    Only the days on screen are asked for (about six weeks), so a long diary costs
    nothing more than a short one.
    """

    def __init__(
        self, days_with_entries: Callable[[date, date], set[date]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._days_with_entries = days_with_entries
        self.marked: set[date] = set()
        self.setAccessibleName("Calendar of entries")
        self.setToolTip("Days in bold have entries. Click a day to open it or to start one.")
        self.setDateRange(FIRST_DAY, LAST_DAY)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.currentPageChanged.connect(self.mark_days)
        theme.changed().connect(self.follow_theme)
        self.follow_theme()

    def follow_theme(self) -> None:
        """Weekends in the text colour (Qt's red reads as a warning); marks in the accent."""
        plain = QTextCharFormat()
        plain.setForeground(theme.colour("text"))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, plain)
        if self.marked:
            self.mark_days()

    def shown_days(self) -> tuple[date, date]:
        """Return the first and last day the month grid can show."""
        first = date(self.yearShown(), self.monthShown(), 1)
        low = max(from_qdate(FIRST_DAY), first - timedelta(days=14))
        high = min(from_qdate(LAST_DAY), first + timedelta(days=_GRID_DAYS + 7))
        return low, high

    def mark_days(self) -> None:
        """Ask which shown days have entries and mark them."""
        first, last = self.shown_days()
        days = self._days_with_entries(first, last)
        self.setDateTextFormat(QDate(), QTextCharFormat())
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setForeground(theme.colour("accent"))
        for day in days:
            self.setDateTextFormat(to_qdate(day), marked)
        self.marked = days

    def show_day(self, day: date) -> None:
        """Select ``day`` and turn to its month (without opening anything)."""
        self.setSelectedDate(to_qdate(day))
