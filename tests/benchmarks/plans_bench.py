"""Debrief and goals-board figures on the 36,500-entry journal with 2,000 debriefs and 10,000 goals.

The debriefs and goals are written through the services into the cached journal
(beside its entries) and kept there; ``PLANS_VERSION`` in the settings table tells
whether they were made by this generator.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator

from regroup.core.debriefs.types import DebriefContent, DebriefQuery, KeepLooking, NewsVia, Stage
from regroup.core.goals.types import GoalCategory, GoalContent, Lane
from regroup.core.profile import Profile
from tests.benchmarks.journal import _sentence

DEBRIEFS = 2_000
GOALS = 10_000
PLANS_VERSION = "1"
_VERSION_KEY = "bench_plans_version"
_LANES = (
    [Lane.NEXT] * 10
    + [Lane.DOING] * 5
    + [Lane.DONE] * 50
    + [Lane.ARCHIVED] * 25
    + [Lane.DROPPED] * 10
)
_COMPANIES = [
    f"{a} {b}"
    for a in (
        "Acme",
        "Bolt",
        "Cedar",
        "Delta",
        "Ember",
        "Fjord",
        "Granite",
        "Harbor",
        "Iris",
        "Juno",
    )
    for b in ("Labs", "Robotics", "Health", "Bank", "Studio", "Foods", "Energy", "Logistics")
]
_ROLES = ["Data analyst", "Backend developer", "Product manager", "UX designer", "Nurse", "Teacher"]
SEARCH_WORD = "interview"


def debriefs(count: int, seed: int = 4) -> Iterator[DebriefContent]:
    """Yield ``count`` debriefs spread over ten years, with a few sentences per answer."""
    rng = random.Random(seed)
    start = dt.date(2026, 11, 25)
    for i in range(count):
        news = start - dt.timedelta(days=i * 3650 // count)
        yield DebriefContent(
            company=rng.choice(_COMPANIES),
            role=rng.choice(_ROLES),
            role_kind=rng.choice(["Engineering", "Design", "Care", "Teaching", "Data"]),
            applied_on=news - dt.timedelta(days=rng.randint(7, 60)),
            stage=rng.choice(list(Stage)),
            interview_rounds=rng.randint(0, 4),
            news_on=news,
            news_via=rng.choice(list(NewsVia)),
            feedback_asked=rng.random() < 0.5,
            feedback_received=_sentence(rng),
            preparedness=rng.randint(1, 5),
            went_well=" ".join(_sentence(rng) for _ in range(3)),
            do_differently=tuple(_sentence(rng) for _ in range(rng.randint(1, 3))),
            resume_targeted=rng.random() < 0.6,
            strengths=_sentence(rng),
            wanted=rng.randint(1, 5),
            keep_looking=rng.choice(list(KeepLooking)),
            traps=("mind_reading",) if rng.random() < 0.3 else (),
            reframe=_sentence(rng),
            lessons=" ".join(_sentence(rng) for _ in range(2)),
            notes=_sentence(rng),
            mourning_days=rng.randint(1, 7),
        )


def ensure_plans(profile: Profile, say: Callable[[str], None]) -> None:
    """Give the journal its debriefs and goals, unless this generator already did."""
    if (
        profile.settings.get(_VERSION_KEY) == PLANS_VERSION
        and profile.debriefs.count() == DEBRIEFS
        and profile.goals.count() == GOALS
    ):
        return
    with profile.db.atomic():
        for table in ("goal", "checkin", "debrief_entry", "debrief"):
            profile.db.execute_sql(f"DELETE FROM {table}")
    start = time.perf_counter()
    ids = [
        profile.debriefs.create(content, draft=False).record.id for content in debriefs(DEBRIEFS)
    ]
    rng = random.Random(10)
    for number in range(GOALS):
        if number % 5 == 0:
            goal = profile.goals.create_from_debrief(ids[number // 5], 0, GoalCategory.SKILLS)
        else:
            content = GoalContent(
                _sentence(rng)[:60], rng.choice(list(GoalCategory)), None, _sentence(rng)
            )
            goal = profile.goals.create(content)
        lane = rng.choice(_LANES)
        if lane is not Lane.NEXT:
            profile.goals.move(goal.id, lane, rng.randint(0, 50))
    profile.settings.set(_VERSION_KEY, PLANS_VERSION)
    seconds = time.perf_counter() - start
    say(f"added {DEBRIEFS:,} debriefs and {GOALS:,} goals in {seconds:.0f} s")


def _times(action: Callable[[], object], samples: int) -> list[float]:
    action()
    result = []
    for _ in range(samples):
        start = time.perf_counter()
        action()
        result.append((time.perf_counter() - start) * 1000)
    return result


def _summary(samples: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(samples), 2),
        "min": round(min(samples), 2),
        "max": round(max(samples), 2),
        "runs": len(samples),
    }


def plans_figures(profile: Profile, runs: int) -> dict[str, object]:
    """Milliseconds for list filters, a goal move (with its commit) and loading the board."""
    samples = max(20, runs)
    browse = profile.debrief_list
    queries = {
        "debrief_filter_company_ms": DebriefQuery(company="Acme Labs"),
        "debrief_filter_stage_ms": DebriefQuery(stage=Stage.FINAL_ROUND),
        "debrief_filter_date_ms": DebriefQuery(
            date_from=dt.date(2020, 1, 1), date_to=dt.date(2021, 12, 31)
        ),
        "debrief_filter_text_ms": DebriefQuery(text=SEARCH_WORD),
        "debrief_filter_all_ms": DebriefQuery(
            text="feel", company="Bolt Labs", stage=Stage.INTERVIEWS, date_from=dt.date(2018, 1, 1)
        ),
    }
    figures: dict[str, object] = {}
    for name, query in queries.items():
        if name != "debrief_filter_all_ms" and not browse.find(query):
            raise RuntimeError(f"the benchmark debriefs match nothing for {name}")
        figures[name] = _summary(_times(lambda q=query: browse.find(q), samples))
    rng = random.Random(7)
    board = profile.goals.board()
    movable = [goal.id for lane in board.lanes.values() for goal in lane]
    moves = []
    for _ in range(samples):
        # Any card of the board to any place of any column (done holds about 5,000).
        goal_id = rng.choice(movable)
        lane = rng.choice(list(board.lanes))
        index = rng.randint(0, 5_500)
        start = time.perf_counter()
        profile.goals.move(goal_id, lane, index)
        moves.append((time.perf_counter() - start) * 1000)
    figures["goal_move_ms"] = _summary(moves)
    figures["board_load_ms"] = _summary(_times(profile.goals.board, samples))
    figures["board_goals"] = sum(len(lane) for lane in profile.goals.board().lanes.values())
    figures["board_load_every_lane_ms"] = _summary(
        _times(lambda: profile.goals.board(tuple(Lane)), max(5, runs))
    )
    figures["debrief_open_ms"] = _summary(
        _times(lambda: profile.debriefs.get(rng.randint(1, DEBRIEFS)), samples)
    )
    return figures


def say(text: str) -> None:
    """Progress for the person running the benchmark (stderr, beside the JSON)."""
    print(text, file=sys.stderr)
