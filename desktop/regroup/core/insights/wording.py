"""Small helpers for the readings: counts in words and numbers without false precision."""

from __future__ import annotations

from math import fsum

FEW = 3
"""Below this many records a figure says what it will show instead of drawing little."""


def plural(count: int, word: str, many: str | None = None) -> str:
    """Return "1 goal", "2 goals" (or the given plural)."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def one_decimal(value: float) -> str:
    """Return a mean as people say it: 3, 3.5 (not 3.50 or 3.4999)."""
    text = f"{value:.1f}"
    return text.removesuffix(".0")


# The mean and the median are written here rather than taken from statistics, whose
# fractions and decimal modules cost every command that shows a figure 2 ms to load.


def mean_or_none(values: list[float] | list[int]) -> float | None:
    """Return the mean (statistics.fmean's), or None for no values."""
    return fsum(values) / len(values) if values else None


def median_or_none(values: list[int]) -> float | None:
    """Return the median (the mean of the middle two for an even count), or None."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def join_words(items: list[str]) -> str:
    """Return "a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
