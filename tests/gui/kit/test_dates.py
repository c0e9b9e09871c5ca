"""One date format across the window, taken from the person's locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from regroup.gui.kit.dates import (
    format_day,
    format_moment,
    format_short_day,
    parse_day,
    to_qdate,
    use_locale,
)

L = QLocale.Language
T = QLocale.Country


@pytest.fixture
def locale_swap() -> Iterator[None]:
    """Put the tests' own locale back after a test that changes it."""
    yield
    use_locale(QLocale(L.English, T.UnitedKingdom))


def test_a_british_reader_sees_day_month_year_with_short_names() -> None:
    assert format_day(dt.date(2026, 12, 1)) == "Tue, 1 Dec 2026"


def test_an_american_reader_sees_the_month_first(locale_swap: None) -> None:
    use_locale(QLocale(L.English, T.UnitedStates))
    assert format_day(dt.date(2026, 12, 1)) == "Tue, Dec 1, 2026"


def test_a_german_reader_sees_german_names(locale_swap: None) -> None:
    use_locale(QLocale(L.German, T.Germany))
    assert format_day(dt.date(2026, 12, 1)) == "Di., 1. Dez. 2026"


def test_a_changed_locale_is_not_answered_from_the_old_ones_texts(locale_swap: None) -> None:
    day = dt.date(2026, 3, 18)
    assert format_day(day) == "Wed, 18 Mar 2026"
    use_locale(QLocale(L.French, T.France))
    assert format_day(day) == "mer. 18 mars 2026"


def test_a_moment_is_shown_as_its_local_day_and_time() -> None:
    moment = dt.datetime(2026, 3, 19, 9, 5).astimezone()
    assert format_moment(moment) == "Thu, 19 Mar 2026, 09:05"


def test_far_years_are_written_in_full() -> None:
    assert format_day(dt.date(1000, 1, 1)).endswith("1000")
    assert format_day(dt.date(9999, 12, 31)) == "Fri, 31 Dec 9999"


TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Tue, 1 Dec 2026", TODAY),
        ("01/12/2026", TODAY),
        ("2026-12-01", TODAY),
        ("1 December 2026", TODAY),
        ("december 1, 2026", TODAY),
        ("1 Dec", TODAY),
        ("1/12/26", TODAY),
        ("yesterday", dt.date(2026, 11, 30)),
        ("29 Feb 2028", dt.date(2028, 2, 29)),
        ("1/12/74", dt.date(1974, 12, 1)),
    ],
)
def test_days_are_read_in_the_ways_people_write_them(text: str, day: dt.date) -> None:
    assert parse_day(text, TODAY) == day


@pytest.mark.parametrize(
    "text", ["", "t set1Dec2026", "32 Dec 2026", "29 Feb 2026", "soon", "1 2 3 4", "Dec Jan 1"]
)
def test_text_that_is_not_one_clear_day_is_not_guessed(text: str) -> None:
    assert parse_day(text, TODAY) is None


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        (QLocale(L.English, T.UnitedStates), "12/1/26"),
        (QLocale(L.German, T.Germany), "1. Dezember 2026"),
        (QLocale(L.Japanese, T.Japan), "2026年12月1日"),
        (QLocale(L.Arabic, T.Egypt), "١ ديسمبر ٢٠٢٦"),
    ],
)
def test_each_locale_reads_its_own_forms(locale: QLocale, text: str) -> None:
    assert parse_day(text, TODAY, locale) == TODAY
    assert parse_day(locale.toString(to_qdate(TODAY), _medium(locale)), TODAY, locale) == TODAY


def _medium(locale: QLocale) -> str:
    return locale.dateFormat(QLocale.FormatType.LongFormat).replace("dddd", "ddd")


@pytest.mark.parametrize(
    ("locale", "this_year", "other_year"),
    [
        (QLocale(L.English, T.UnitedKingdom), "3 Dec", "3 Dec 2027"),
        (QLocale(L.English, T.UnitedStates), "Dec 3", "Dec 3, 2027"),
        (QLocale(L.German, T.Germany), "3. Dez.", "3. Dez. 2027"),
        (QLocale(L.Japanese, T.Japan), "12月3日", "2027年12月3日"),
        (QLocale(L.Spanish, T.Spain), "3 de dic", "3 de dic de 2027"),
    ],
)
def test_a_short_day_drops_the_weekday_and_this_years_year(
    locale_swap: None, locale: QLocale, this_year: str, other_year: str
) -> None:
    use_locale(locale)
    assert format_short_day(dt.date(2026, 12, 3), TODAY) == this_year
    assert format_short_day(dt.date(2027, 12, 3), TODAY) == other_year
