"""One object per window that tells every view when diary data changed.

A change made through a service is announced here once; pages, lists and counters
listen instead of knowing about each other. The main window creates it and hands
it to each page, so tests get a fresh one with every window (no global state).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

SHOWN_CHECK_MS = 2000
"""How often a window on screen asks whether another program wrote (a few microseconds)."""
HIDDEN_CHECK_MS = 30000
"""In the tray nothing is on screen to update; showing the window checks at once."""


class DataEvents(QObject):
    """The app-wide "data changed" signals."""

    entries_changed = Signal()
    """Entries were added, trashed, restored or moved to another day.

    Lists, the calendar and counts reload.
    """

    entry_edited = Signal(int)
    """One entry's words, title, mood or tags changed, but not its day.

    Nothing moves, so a view only refreshes that entry's row. Kept apart from
    ``entries_changed`` because autosave fires it after every pause in typing, and
    reloading a 100-year list each time would make typing stutter.
    """

    debriefs_changed = Signal()
    """Debriefs were added, saved, trashed or restored: the debrief list reloads."""

    goals_changed = Signal()
    """Goals were added, edited, moved or deleted: the board and debriefs refresh."""

    checkins_changed = Signal()
    """Reminders planned, delivered or moved check-ins: a Check-ins page on show reloads."""

    anything_changed = Signal()
    """Fired after each of the signals above, for views that care about any change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        for signal in (
            self.entries_changed,
            self.entry_edited,
            self.debriefs_changed,
            self.goals_changed,
            self.checkins_changed,
        ):
            signal.connect(self.anything_changed)

    def changed_elsewhere(self) -> None:
        """Another program wrote (what, SQLite does not say): every view reloads."""
        self.entries_changed.emit()
        self.debriefs_changed.emit()
        self.goals_changed.emit()
        self.checkins_changed.emit()


class OutsideChanges(QObject):
    """Asks on a timer whether another program wrote to the profile, and tells ``events``.

    The command line may add an entry while the window is open; without this the
    Diary kept saying "3 entries". ``changed`` is the profile's own cheap question
    (SQLite's data_version), true only for commits made by another connection, so
    the window's own saves never cause a reload.
    """

    def __init__(self, window: QWidget, changed: Callable[[], bool], events: DataEvents) -> None:
        super().__init__(window)
        self._window = window
        self._changed = changed
        self._events = events
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(HIDDEN_CHECK_MS)
        window.installEventFilter(self)

    def check(self) -> bool:
        """Reload every view if another program wrote since the last look; say whether.

        A view may put a form's text back as it reloads (the same words); the cursor
        of the field being typed in is put back too, so typing goes on where it was.
        """
        if not self._changed():
            return False
        keep = _Cursor.of(QApplication.focusWidget())
        self._events.changed_elsewhere()
        if keep is not None:
            keep.restore()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt: look often while the window is on screen, seldom while it is hidden."""
        kind = event.type()
        if kind == QEvent.Type.Show:
            self.timer.start(SHOWN_CHECK_MS)
            QTimer.singleShot(0, self, self.check)  # what changed while it was in the tray
        elif kind == QEvent.Type.Hide:
            self.timer.start(HIDDEN_CHECK_MS)
        return False


class _Cursor:
    """Where the cursor and the selection were in the field being typed in."""

    def __init__(self, field: QWidget, text: str, anchor: int, position: int) -> None:
        self.field, self.text = field, text
        self.anchor, self.position = anchor, position

    @classmethod
    def of(cls, field: QWidget | None) -> _Cursor | None:
        if isinstance(field, QLineEdit):
            position = anchor = field.cursorPosition()
            if field.hasSelectedText():
                start, end = field.selectionStart(), field.selectionEnd()
                anchor = start if position == end else end
            return cls(field, field.text(), anchor, position)
        if isinstance(field, QPlainTextEdit | QTextEdit):
            cursor = field.textCursor()
            return cls(field, field.toPlainText(), cursor.anchor(), cursor.position())
        return None

    def restore(self) -> None:
        """Put the cursor back if the field still holds the same words."""
        field = self.field
        if isinstance(field, QLineEdit) and field.text() == self.text:
            field.setCursorPosition(self.anchor)
            field.cursorForward(True, self.position - self.anchor)
        elif isinstance(field, QPlainTextEdit | QTextEdit) and field.toPlainText() == self.text:
            cursor = field.textCursor()
            cursor.setPosition(self.anchor)
            cursor.setPosition(self.position, cursor.MoveMode.KeepAnchor)
            field.setTextCursor(cursor)
        else:
            return
        if field.isVisible() and not field.hasFocus():
            field.setFocus()
