"""Insights figures: every figure computed by the service, and ``regroup insights --json``.

Measured on the journals with their plans (2,000 debriefs and 10,000 goals): the
service's time in process is what the Insights page waits for before drawing, and
the command as a whole process is what a person waits for in a terminal. The
then-and-now card is timed alone: it is worked out on the window's thread when a
check-in is answered.
"""

from __future__ import annotations

import sys
import time

from regroup.core.insights.types import Period
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile
from tests.benchmarks.search_bench import process_times


def cli_insights_command(paths: ProfilePaths) -> list[str]:
    """``regroup insights --json`` over everything in the benchmark profile."""
    return [sys.executable, "-m", "regroup", "--data-dir", str(paths.root), "insights", "--json"]


def compute_times(profile: Profile, period: Period, runs: int) -> list[float]:
    """Milliseconds for the service to compute every figure of ``period``, ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        found = profile.insights.insights(period)
        times.append((time.perf_counter() - start) * 1000)
    if found.debriefs == 0:
        raise RuntimeError("the benchmark journal has no debriefs to look at")
    return times


def then_and_now_times(profile: Profile, runs: int) -> list[float]:
    """Milliseconds for the look-back card alone, ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        card = profile.insights.then_and_now()
        times.append((time.perf_counter() - start) * 1000)
    if card is None:
        raise RuntimeError("the benchmark journal has no debrief three months old")
    return times


def insights_figures(
    profile: Profile, paths: ProfilePaths, env: dict[str, str], runs: int, cli: bool
) -> dict[str, list[float]]:
    """The service over all the records and over the last 12 months; the command if ``cli``.

    Each figure is the list of its samples, for the caller to summarise.
    """
    today = profile.insights.today()
    figures = {
        "insights_compute_ms": compute_times(profile, Period.everything(), runs),
        "insights_compute_12_months_ms": compute_times(profile, Period.last_12_months(today), runs),
        "then_and_now_ms": then_and_now_times(profile, runs),
    }
    if cli:
        figures["cli_insights_ms"] = process_times(cli_insights_command(paths), env, runs)
    return figures
