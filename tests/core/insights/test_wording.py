"""The readings' small helpers: means and medians as statistics gives them, counts in words."""

from __future__ import annotations

import random
import statistics

from regroup.core.insights.wording import join_words, mean_or_none, median_or_none, one_decimal


def test_the_mean_and_the_median_are_those_of_statistics() -> None:
    pick = random.Random(12)
    for size in range(1, 40):
        whole = [pick.randint(0, 400) for _ in range(size)]
        floats = [pick.uniform(1, 5) for _ in range(size)]
        assert median_or_none(whole) == float(statistics.median(whole))
        assert mean_or_none(whole) == statistics.fmean(whole)
        assert mean_or_none(floats) == statistics.fmean(floats)
    assert median_or_none([7, 1]) == 4.0 and median_or_none([3, 1, 2]) == 2.0
    assert median_or_none([]) is None and mean_or_none([]) is None


def test_numbers_and_lists_read_as_people_say_them() -> None:
    assert one_decimal(3.0) == "3" and one_decimal(3.46) == "3.5"
    assert join_words(["a", "b", "c"]) == "a, b and c" and join_words(["a"]) == "a"
