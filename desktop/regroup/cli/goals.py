"""``regroup goals list``: the goals board, column by column."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from regroup.cli.arguments import command, group, json_option
from regroup.cli.output import iso, one_line, show
from regroup.cli.profile import opened

if TYPE_CHECKING:
    from regroup.cli.arguments import Commands
    from regroup.core.goals.types import GoalRecord, Lane


def register(commands: Commands) -> None:
    actions = group(
        commands,
        "goals",
        "list the goals board",
        "Work with the goals board (next, doing, done).",
    )
    listing = command(
        actions,
        "list",
        "show the goals, column by column",
        "Show the goals in the columns next, doing and done, each in the order of the board.",
        _run_list,
    )
    listing.add_argument("--all", action="store_true", help="also show archived and dropped goals")
    json_option(listing)


def _goal_json(goal: GoalRecord) -> dict[str, object]:
    return {
        "id": goal.id,
        "title": goal.title,
        "lane": goal.lane,
        "category": goal.category,
        "due_on": iso(goal.due_on),
        "outcome": goal.outcome,
        "done_at": iso(goal.done_at),
        "source_debrief_id": goal.source_debrief_id,
    }


def _board_lines(goals: list[GoalRecord], lanes: tuple[Lane, ...]) -> Iterator[str]:
    from regroup.core.goals.types import LANE_LABELS

    for lane in lanes:
        in_lane = [goal for goal in goals if goal.lane == lane]
        yield f"{LANE_LABELS[lane]} ({len(in_lane)})"
        for goal in in_lane:
            due = f"  (due {goal.due_on.isoformat()})" if goal.due_on else ""
            yield f"  - {one_line(goal.title)}{due}"


def _run_list(args: argparse.Namespace, data_dir: Path) -> int:
    from regroup.core.goals.types import BOARD_LANES, Lane

    lanes = tuple(Lane) if args.all else BOARD_LANES
    with opened(data_dir) as profile:
        goals = profile.goals.records(lanes)
    return show(
        args.json,
        goals,
        _goal_json,
        lambda: _board_lines(goals, lanes),
        "The board has no goals yet.",
    )
