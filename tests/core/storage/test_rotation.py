"""The rotation rule: newest per day, ISO week and month, for as many as chosen."""

from __future__ import annotations

import datetime as dt

import pytest

from regroup.core.errors import ValidationError
from regroup.core.storage.rotation import RotationPolicy, to_keep


def _at(day: str, hour: int = 12) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=dt.UTC)


def _every_day(start: str, days: int) -> list[tuple[str, dt.datetime]]:
    moments = [_at(start) + dt.timedelta(days=n) for n in range(days)]
    return [(moment.date().isoformat(), moment) for moment in moments]


def test_the_default_keeps_7_days_4_weeks_and_12_months_of_a_year_of_dailies() -> None:
    year = _every_day("2026-01-01", 365)
    kept = sorted(to_keep(year, RotationPolicy()))
    assert kept[-7:] == [f"2026-12-{d}" for d in range(25, 32)]
    # the newest of each of the last 4 ISO weeks, then the newest of each month
    assert {"2026-12-20", "2026-12-13"} <= set(kept)
    assert {"2026-01-31", "2026-06-30", "2026-11-30"} <= set(kept)
    assert len(kept) <= 7 + 4 + 12


def test_several_backups_of_one_old_day_count_as_that_day_once() -> None:
    backups = [
        ("morning", _at("2026-05-05", 8)),
        ("evening", _at("2026-05-05", 20)),
        ("today", _at("2026-05-09", 20)),
    ]
    assert to_keep(backups, RotationPolicy(daily=2, weekly=0, monthly=0)) == {"evening", "today"}


def test_every_backup_of_the_last_24_hours_stays() -> None:
    backups = [("early", _at("2026-05-05", 1)), ("late", _at("2026-05-05", 23))]
    assert to_keep(backups, RotationPolicy(daily=1, weekly=0, monthly=0)) == {"early", "late"}


def test_the_newest_backup_stays_even_when_everything_is_set_to_zero() -> None:
    backups = _every_day("2026-05-01", 3)
    assert to_keep(backups, RotationPolicy(0, 0, 0)) == {"2026-05-03"}


def test_no_backups_keep_nothing() -> None:
    assert to_keep([], RotationPolicy()) == set()


@pytest.mark.parametrize("bad", [-1, 1000, True])
def test_a_count_out_of_range_is_refused_with_a_clear_message(bad: int) -> None:
    with pytest.raises(ValidationError, match="from 0 to 999"):
        RotationPolicy(daily=bad)
