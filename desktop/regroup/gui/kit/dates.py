"""Calendar days between Python and Qt, and the one way the window writes a day.

Every date the window shows goes through :func:`format_day` (or :func:`format_moment`
for a day and a time), so a list, a card and a message never mix formats. The format
comes from the person's locale: its long date format with short day and month names,
e.g. "Tue, 1 Dec 2026" in British English or "Tue, Dec 1, 2026" in American English.

The diary list asks for a day's text at every paint of every row, so the texts are
kept per day; :func:`use_locale` changes the locale and forgets them.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

_day_texts: dict[date, str] = {}
_time_texts: dict[tuple[int, int], str] = {}
_formats: dict[str, str] = {}


def to_qdate(day: date) -> QDate:
    """Return ``day`` as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    """Return a valid QDate as a date."""
    return date(day.year(), day.month(), day.day())


def use_locale(locale: QLocale) -> None:
    """Make ``locale`` the one dates are written and read in (the system's by default)."""
    QLocale.setDefault(locale)
    _day_texts.clear()
    _time_texts.clear()
    _formats.clear()


def day_format() -> str:
    """Return the locale's long date format with short names: "ddd, d MMM yyyy" and kin."""
    found = _formats.get("day")
    if found is None:
        long_format = QLocale().dateFormat(QLocale.FormatType.LongFormat)
        found = long_format.replace("dddd", "ddd").replace("MMMM", "MMM")
        _formats["day"] = found
    return found


def format_day(day: date) -> str:
    """Return ``day`` as the window shows every date, e.g. "Tue, 1 Dec 2026"."""
    text = _day_texts.get(day)
    if text is None:
        if len(_day_texts) > 50_000:  # a century of diary days, ten times over
            _day_texts.clear()
        text = QLocale().toString(to_qdate(day), day_format())
        _day_texts[day] = text
    return text


def format_time(hour: int, minute: int) -> str:
    """Return a time of day in the locale's short form, e.g. "09:00" or "9:00 AM"."""
    key = (hour, minute)
    text = _time_texts.get(key)
    if text is None:
        text = QLocale().toString(QTime(hour, minute), QLocale.FormatType.ShortFormat)
        _time_texts[key] = text
    return text


def format_moment(moment: datetime) -> str:
    """Return an instant as the local day and time, e.g. "Tue, 1 Dec 2026, 09:00"."""
    local = moment.astimezone()
    return f"{format_day(local.date())}, {format_time(local.hour, local.minute)}"
