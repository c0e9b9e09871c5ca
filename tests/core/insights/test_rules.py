"""The period filter's choices and the lesson rule's words, which the page explains."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from regroup.core.insights.lessons import repeated_lessons, words
from regroup.core.insights.records import DebriefRow, local_day
from regroup.core.insights.types import Period, PeriodKind


def test_the_last_three_and_twelve_months_end_today_and_start_the_day_after() -> None:
    today = dt.date(2026, 5, 31)
    assert Period.last_3_months(today) == Period(
        dt.date(2026, 3, 1), today, PeriodKind.LAST_3_MONTHS
    )
    assert Period.last_12_months(today).date_from == dt.date(2025, 6, 1)
    # 31 May minus 3 months is 28 Feb in a common year
    assert Period.last_3_months(dt.date(2025, 5, 31)).date_from == dt.date(2025, 3, 1)
    assert Period.of_kind(PeriodKind.ALL, today) == Period.everything()


def test_a_period_includes_both_ends_and_an_unknown_day_only_when_open() -> None:
    march = Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert march.contains(dt.date(2026, 3, 1)) and march.contains(dt.date(2026, 3, 31))
    assert not march.contains(dt.date(2026, 4, 1)) and not march.contains(None)
    assert Period.everything().contains(None)


def test_lesson_words_leave_out_little_words_and_plural_s_and_keep_any_script() -> None:
    assert words("Practise the behavioural questions out loud!") == (
        "practise",
        "behavioural",
        "question",
        "loud",
    )
    assert words("Ask about salary, salary, SALARY") == ("ask", "salary")
    assert words("Research the company's products") == ("research", "company", "product")
    assert words("Mieux préparer l'entretien 🙂") == ("mieux", "préparer", "entretien")
    assert words("ادرس الشركة") == ("ادرس", "الشركة")
    assert words("") == () and words("a an it") == ()


def _debrief(number: int, *lines: str) -> DebriefRow:
    return DebriefRow(
        number, dt.date(2026, 1, number), f"Debrief {number}", "", None, None,
        None, None, False, None, None, None, (), lines,
    )  # fmt: skip


def _grouped(rows: list[DebriefRow]) -> list[list[tuple[int, str]]]:
    return [[(line.debrief_id, line.text) for line in group.lines] for group in
            repeated_lessons(rows, [])]  # fmt: skip


def test_only_a_lines_first_six_words_count_even_in_a_pasted_page() -> None:
    page = "Prepare stories, salary, portfolio, research, questions, timing " * 20_000
    assert words(page) == ("prepare", "storie", "salary", "portfolio", "research", "question")
    assert words("one two three four five six seven eight nine ten eleven") == (
        "two", "three", "four", "five", "six", "seven",
    )  # fmt: skip


def test_lines_join_across_debriefs_through_shared_pairs_or_a_one_word_line() -> None:
    rows = [
        _debrief(1, "Research the company first", "Practise salary talk"),
        _debrief(2, "Research the company products"),
        _debrief(3, "Salary"),
        _debrief(4, "Practise the talk about salary"),
        _debrief(5, "Ask for feedback kindly", "Ask for feedback sooner"),
    ]
    assert _grouped(rows) == [
        [(1, "Practise salary talk"), (3, "Salary"), (4, "Practise the talk about salary")],
        [(1, "Research the company first"), (2, "Research the company products")],
    ]


def test_a_third_debrief_links_lines_sharing_nothing_and_one_debrief_alone_never_repeats() -> None:
    rows = [
        _debrief(1, "Ask for feedback kindly"),
        _debrief(2, "Feedback kindly, and sooner follow-up"),
        _debrief(3, "Sooner follow-up, calmly"),
    ]
    assert [[number for number, _text in group] for group in _grouped(rows)] == [[1, 2, 3]]
    alone = [_debrief(1, "Ask for feedback kindly", "Ask for feedback sooner")]
    assert _grouped(alone) == []
    joined = [*alone, _debrief(2, "Ask early for feedback")]
    assert [[number for number, _text in group] for group in _grouped(joined)] == [[1, 1, 2]]


@pytest.mark.parametrize("zone", ["America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"])
def test_an_instants_day_in_the_machines_zone_is_the_day_its_clock_showed(
    monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        start = dt.datetime(2026, 3, 7, tzinfo=dt.UTC)
        for minutes in range(0, 60 * 24 * 60, 23):  # two months across a change of clocks
            moment = start + dt.timedelta(minutes=minutes)
            assert local_day(moment, None) == moment.astimezone().date()
    finally:
        monkeypatch.undo()
        time.tzset()
