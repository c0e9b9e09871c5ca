"""One object per window that tells every view when diary data changed.

A change made through a service is announced here once; pages, lists and counters
listen instead of knowing about each other. The main window creates it and hands
it to each page, so tests get a fresh one with every window (no global state).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


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
