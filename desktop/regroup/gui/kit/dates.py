"""Calendar days between Python and Qt: QDate's own conversions are untyped in PySide6."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_qdate(day: date) -> QDate:
    """Return ``day`` as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """Return a valid QDate as a date."""
    return date(day.year(), day.month(), day.day())
