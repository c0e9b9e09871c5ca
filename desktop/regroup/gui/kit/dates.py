"""Calendar days between Python and Qt, and the one way the window writes a day.

Every date the window shows goes through :func:`format_day` (or :func:`format_moment`
for a day and a time), so a list, a card and a message never mix formats. The format
comes from the person's locale: its long date format with short day and month names,
e.g. "Tue, 1 Dec 2026" in British English or "Tue, Dec 1, 2026" in American English.

The diary list asks for a day's text at every paint of every row, so the texts are
kept per day; :func:`use_locale` changes the locale and forgets them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

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
        found = _medium_format(QLocale())
        _formats["day"] = found
    return found


def _medium_format(locale: QLocale) -> str:
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    return long_format.replace("dddd", "ddd").replace("MMMM", "MMM")


def format_day(day: date) -> str:
    """Return ``day`` as the window shows every date, e.g. "Tue, 1 Dec 2026"."""
    text = _day_texts.get(day)
    if text is None:
        if len(_day_texts) > 50_000:  # a century of diary days, ten times over
            _day_texts.clear()
        text = QLocale().toString(to_qdate(day), day_format())
        _day_texts[day] = text
    return text


def _without(pattern: str, token: str) -> str:
    """Return a date format without one part (the weekday or the year) and its separators."""
    pattern = re.sub(rf"^{token}[^dMy\s']*[\s,،.]*", "", pattern)
    pattern = re.sub(rf"[\s,،]*('[^']*'\s*)?{token}$", "", pattern)
    return re.sub(rf"[\s,،]*{token}", "", pattern)


def format_short_day(day: date, today: date) -> str:
    """Return a day for a small space: "3 Dec" in the locale's order, the year if not today's."""
    key = "short" if day.year == today.year else "short_year"
    pattern = _formats.get(key)
    if pattern is None:
        pattern = _without(day_format(), "ddd")
        pattern = _without(pattern, "yyyy") if key == "short" else pattern
        _formats[key] = pattern
    return QLocale().toString(to_qdate(day), pattern)


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


_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ENGLISH_DAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _names(locale: QLocale) -> tuple[dict[str, int], set[str]]:
    """Return month names (long, short, standalone, English) and the words to skip.

    Skipped: weekday names, and the words a locale writes between the numbers.
    """
    forms = (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)
    months: dict[str, int] = {}
    for number in range(1, 13):
        for form in forms:
            for name in (locale.monthName(number, form), locale.standaloneMonthName(number, form)):
                months.setdefault(name.strip(".").lower(), number)
        months.setdefault(_ENGLISH_MONTHS[number - 1], number)
        months.setdefault(_ENGLISH_MONTHS[number - 1][:3], number)
    days = {name[:3] for name in _ENGLISH_DAYS} | set(_ENGLISH_DAYS)
    for pattern in (locale.dateFormat(form) for form in forms):  # 年, 月, 日 and the like
        days.update(word.lower() for word in _TOKEN.findall(re.sub(r"[dMy']+", " ", pattern)))
    for number in range(1, 8):
        for form in forms:
            days.add(locale.dayName(number, form).strip(".").lower())
    return months, days


def _month_of(word: str, months: dict[str, int]) -> int | None:
    """Return the month a word names: whole, or as the start of one name ("sept", "dece")."""
    if word in months:
        return months[word]
    if len(word) < 3:
        return None
    found = {number for name, number in months.items() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def _full_year(year: int, digits: int, today: date) -> int:
    """Return a two-digit year as the nearest one not more than 20 years ahead."""
    if digits > 2:
        return year
    year += today.year - today.year % 100
    return year - 100 if year > today.year + 20 else year


def _full_year_formats(locale: QLocale) -> list[str]:
    """Return the locale's own date formats that write the year in full (read exactly)."""
    long_format = locale.dateFormat(QLocale.FormatType.LongFormat)
    short_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return [f for f in (_medium_format(locale), long_format, short_format) if "yyyy" in f]


def _numeric_order(locale: QLocale) -> str:
    """Return "dmy", "mdy" or "ymd": how the locale orders a date written in numbers."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    places = {part: short.find(part) for part in "dMy"}
    return "".join(sorted(places, key=places.__getitem__)).lower()


def _built(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_day(text: str, today: date, locale: QLocale | None = None) -> date | None:
    """Read a day typed in the locale's way, in ISO (2026-12-01) or as "1 Dec 2026".

    Also "today" and "yesterday", a weekday name (which is skipped) and, without a
    year, the current one. Returns None for text that is not one clear day.
    """
    locale = locale or QLocale()
    iso = _ISO.match(text)
    if iso:
        return _built(int(iso[1]), int(iso[2]), int(iso[3]))
    for pattern in _full_year_formats(locale):
        shown = locale.toDate(text.strip(), pattern)
        if shown.isValid():
            return from_qdate(shown)
    between = _TOKEN.sub("", text)
    if any(unicodedata.category(char)[0] not in "ZPC" for char in between):
        return None  # a symbol or an emoji: not part of any way of writing a day
    words = [word.lower() for word in _TOKEN.findall(text)]
    if len(words) == 1 and words[0] in _RELATIVE:
        return today + timedelta(days=_RELATIVE[words[0]])
    months, days = _names(locale)
    month: int | None = None
    numbers: list[tuple[int, int]] = []
    for word in words:
        if word.isdigit():
            numbers.append((int(word), len(word)))
        elif word in days:
            continue
        elif month is None and (named := _month_of(word, months)) is not None:
            month = named
        else:
            return None
    if month is not None:
        return _named_month_day(numbers, month, today)
    return _numeric_day(numbers, _numeric_order(locale), today)


def _named_month_day(numbers: list[tuple[int, int]], month: int, today: date) -> date | None:
    if len(numbers) == 1 and numbers[0][1] <= 2:
        return _built(today.year, month, numbers[0][0])
    if len(numbers) != 2:
        return None
    first, second = numbers
    if first[1] == 4 or first[0] > 31:  # 2026 Dec 1
        first, second = second, first
    return _built(_full_year(*second, today), month, first[0])


def _numeric_day(numbers: list[tuple[int, int]], order: str, today: date) -> date | None:
    if len(numbers) == 2:
        numbers = [*numbers, (today.year, 4)] if order != "ymd" else [(today.year, 4), *numbers]
    if len(numbers) != 3:
        return None
    if numbers[0][1] == 4:  # a year first is read year, month, day everywhere
        order = "ymd"
    parts = dict(zip(order, numbers, strict=True))
    if parts["y"][1] not in (2, 4) or parts["d"][1] > 2 or parts["m"][1] > 2:
        return None
    return _built(_full_year(*parts["y"], today), parts["m"][0], parts["d"][0])
