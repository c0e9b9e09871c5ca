"""The one date field of the window: type a day, or pick it from a calendar popup.

A QDateEdit hides typing behind sections and a "not set" sentinel day, so typed text
was garbled or silently dropped and an empty field opened its calendar in 1900. This
field is a plain line edit: what is typed stays as typed until Enter or leaving the
field reads it (in the locale's way, in ISO or as "1 Dec 2026"). Text that is not a
day stays visible, the field says so below it, and the last good day is kept, so a
form never saves a wrong date. The button beside it opens a calendar (on today's
month when the field is empty) with Today, Yesterday and, for optional fields, Clear.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from regroup.gui.kit.dates import format_day, from_qdate, parse_day, to_qdate

EARLIEST = date(1000, 1, 1)
LATEST = date(9999, 12, 31)
NOT_SET = "Not set"
LONGEST_DATE = 100
"""Longer text (a paste gone astray) is not read as a day; it stays for the person to fix."""
OPEN_KEYS = (Qt.Key.Key_F4,)
HELP = "Type a day (for example {example} or 2026-12-01), or press Alt+Down for a calendar."

DayCheck = Callable[[date], bool]
"""Asked before a new day is taken; False keeps the old one (e.g. "a day in the future?")."""


def short(text: str) -> str:
    """Return ``text`` cut to 40 characters, with "…" when it was longer."""
    return text if len(text) <= 40 else text[:39] + "…"


class DatePopup(QFrame):
    """The calendar with Today, Yesterday and Clear; ``chosen`` gives the day or None."""

    chosen = Signal(object)

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Calendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.activated.connect(lambda day: self.chosen.emit(from_qdate(day)))
        self.calendar.clicked.connect(lambda day: self.chosen.emit(from_qdate(day)))
        self.today_button = QPushButton("&Today")
        self.yesterday_button = QPushButton("&Yesterday")
        self.clear_button = QPushButton("&Clear")
        self.today_button.setAccessibleName("Today")
        self.yesterday_button.setAccessibleName("Yesterday")
        self.clear_button.setAccessibleName("Clear the date")
        self.clear_button.clicked.connect(lambda: self.chosen.emit(None))
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for button in (self.today_button, self.yesterday_button, self.clear_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)
        self.clear_button.setVisible(optional)  # once in the layout: alone it would be a window

    def open_on(self, shown: date, today: date, low: date, high: date, below: QWidget) -> None:
        """Show the calendar on ``shown``'s month just under ``below``."""
        self.calendar.setDateRange(to_qdate(low), to_qdate(high))
        self.calendar.setSelectedDate(to_qdate(shown))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.today_button.setEnabled(low <= today <= high)
        yesterday = today - timedelta(days=1)
        self.yesterday_button.setEnabled(low <= yesterday <= high)
        self.today_button.setToolTip(format_day(today))
        self.yesterday_button.setToolTip(format_day(yesterday))
        self.adjustSize()
        place = below.mapToGlobal(QPoint(0, below.height()))
        screen = below.screen().availableGeometry()
        if place.y() + self.height() > screen.bottom():  # no room below: open above
            place.setY(below.mapToGlobal(QPoint(0, 0)).y() - self.height())
        place.setX(max(screen.left(), min(place.x(), screen.right() - self.width())))
        self.move(place)
        self.show()
        self.calendar.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Qt: Esc closes the popup and leaves the day as it was."""
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """A day, or None when ``optional`` and left empty; ``value_changed`` gives the new one.

    ``changed`` fires too (no argument), for forms that only need to know "edited".
    """

    value_changed = Signal(object)
    changed = Signal()

    def __init__(
        self,
        name: str,
        *,
        optional: bool = True,
        placeholder: str = NOT_SET,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._optional = optional
        self._today = today
        self._value: date | None = None
        self._asking = False
        self._low, self._high = EARLIEST, LATEST
        self.check: DayCheck | None = None
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(placeholder)
        self.line_edit.setAccessibleName(name)
        self.line_edit.setMinimumWidth(
            self.line_edit.fontMetrics().horizontalAdvance(format_day(date(2026, 9, 30))) + 12
        )
        self.popup_button = QToolButton()
        self.popup_button.setText("▾")
        self.popup_button.setAccessibleName(f"Pick the {name.lower()} from a calendar")
        self.popup_button.setToolTip("Calendar, Today, Yesterday" + (", Clear" if optional else ""))
        self.popup_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it
        self.popup_button.clicked.connect(self.open_popup)
        self.error_label = QLabel()
        self.error_label.setProperty("textStyle", "caption")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(f"Problem with the {name.lower()}")
        self.error_label.hide()
        self._popup: DatePopup | None = None
        self._lay_out()
        self.setFocusProxy(self.line_edit)
        self.line_edit.installEventFilter(self)
        self.line_edit.editingFinished.connect(self.commit_text)
        self.line_edit.textEdited.connect(lambda _text: self._show_problem(""))
        self._show_problem("")

    @property
    def popup(self) -> DatePopup:
        """The calendar popup, built when first needed: a page's first paint shows none."""
        if self._popup is None:
            self._popup = DatePopup(self._optional, self)
            self._popup.chosen.connect(self._chosen_in_popup)
            self._popup.today_button.clicked.connect(lambda: self._chosen_in_popup(self._today()))
            self._popup.yesterday_button.clicked.connect(
                lambda: self._chosen_in_popup(self._today() - timedelta(days=1))
            )
        return self._popup

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.popup_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.error_label)

    def value(self) -> date | None:
        """Return the day (the last good one while the text is not a day), or None."""
        return self._value

    def is_valid(self) -> bool:
        """Tell whether the text shown is the day held (False while it is not a day)."""
        return not self.error_label.text()

    def problem(self) -> str:
        """Return what is wrong with the typed text, or "" when nothing is."""
        return self.error_label.text()

    def set_value(self, day: date | None) -> None:
        """Show ``day`` (None: empty); ``value_changed`` fires when it differs."""
        if day is None and not self._optional:
            raise ValueError(f"{self._name} needs a day")
        self.line_edit.setText("" if day is None else format_day(day))
        self._show_problem("")
        if day != self._value:
            self._value = day
            self.value_changed.emit(day)
            self.changed.emit()

    def set_range(self, low: date, high: date) -> None:
        """Take only days from ``low`` to ``high``."""
        self._low, self._high = low, high

    def open_popup(self) -> None:
        """Open the calendar on the day shown, or on today's month when there is none."""
        today = self._today()
        shown = self._value or min(max(today, self._low), self._high)
        self.popup.open_on(shown, today, self._low, self._high, self.line_edit)

    def commit_text(self) -> None:
        """Read what was typed: take a good day, keep and explain anything else."""
        if self._asking:
            return
        text = self.line_edit.text()
        if not text.strip():
            if self._optional:
                self._take(None)
            else:
                self._show_problem(f"{self._name} needs a day, so {self._kept()}.")
            return
        day = parse_day(text, self._today()) if len(text) <= LONGEST_DATE else None
        if day is None:
            example = format_day(self._today())
            self._show_problem(
                f"“{short(text.strip())}” is not a day Regroup can read, so {self._kept()}. "
                f"Try {example} or {self._today().isoformat()}."
            )
        elif not self._low <= day <= self._high:
            self._show_problem(f"{self._range_text()}; {self._kept()}.")
        else:
            self._take(day)

    def step(self, days: int) -> None:
        """Move the day by ``days`` (Up and Down keys), within the range."""
        start = self._value or self._today()
        try:
            day = start + timedelta(days=days)
        except OverflowError:
            return
        if self._low <= day <= self._high:
            self._take(day)

    def _range_text(self) -> str:
        if self._high == LATEST:
            return f"Pick a day from {format_day(self._low)} on"
        if self._low == EARLIEST:
            return f"Pick a day up to {format_day(self._high)}"
        return f"Pick a day from {format_day(self._low)} to {format_day(self._high)}"

    def _kept(self) -> str:
        return "it stays empty" if self._value is None else f"it stays {format_day(self._value)}"

    def _chosen_in_popup(self, day: date | None) -> None:
        self.popup.hide()
        if day is None or self._low <= day <= self._high:
            self._take(day)
        self.line_edit.setFocus()

    def _take(self, day: date | None) -> None:
        if day is not None and day != self._value and self.check is not None:
            self._asking = True  # the question takes the focus: no second commit meanwhile
            try:
                agreed = self.check(day)
            finally:
                self._asking = False
            if not agreed:
                self.set_value(self._value)
                return
        self.set_value(day)

    def _show_problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        example = format_day(self._today())
        self.line_edit.setToolTip(text or HELP.format(example=example))
        self.line_edit.setAccessibleDescription(text or HELP.format(example=example))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: Alt+Down or F4 opens the calendar; Up and Down step a day."""
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
            if key in OPEN_KEYS or (alt and key == Qt.Key.Key_Down):
                self.open_popup()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
                self.commit_text()
                if self.is_valid():
                    self.step(1 if key == Qt.Key.Key_Up else -1)
                return True
        return super().eventFilter(watched, event)
