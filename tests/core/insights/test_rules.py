"""The period filter's choices and the lesson rule's words, which the page explains."""

from __future__ import annotations

import datetime as dt

from regroup.core.insights.lessons import words
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
