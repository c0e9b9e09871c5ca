"""One date format across the window, taken from the person's locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from regroup.gui.kit.dates import format_day, format_moment, use_locale

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
