"""What the cards draw from core's figures, without a window."""

from __future__ import annotations

import datetime as dt

from regroup.core.insights.types import MoveOn, MoveOnFigure
from regroup.gui.insights.figures import MOVE_ON_BARS, move_on_card
from regroup.gui.insights.specs import BarSpec


def test_a_long_search_draws_the_latest_move_ons_and_lists_every_one_in_the_table() -> None:
    start = dt.date(2020, 1, 1)
    per_debrief = tuple(
        MoveOn(i, i, start + dt.timedelta(days=7 * i), start + dt.timedelta(days=7 * i + 9), 9, 0)
        for i in reversed(range(1, MOVE_ON_BARS + 11))  # newest first: the chart sorts by day
    )
    card = move_on_card(MoveOnFigure(per_debrief, 9.0, 0, "It took 9 days."))
    chart, reading = card.charts[0]
    assert isinstance(chart, BarSpec) and reading == "It took 9 days."
    assert len(chart.categories) == MOVE_ON_BARS
    assert chart.title.endswith(f"(the latest {MOVE_ON_BARS})")
    refs = chart.series[0].refs
    assert refs[0] == (("debriefs", 11),) and refs[-1] == (("debriefs", MOVE_ON_BARS + 10),)
    assert len(card.table.rows) == MOVE_ON_BARS + 10
