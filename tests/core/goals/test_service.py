"""The goals board keeps every card exactly where it was left, and knows where goals came from."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from regroup.core.debriefs.types import DebriefContent
from regroup.core.goals.positions import POSITION_STEP
from regroup.core.goals.types import (
    BOARD_LANES,
    GoalCategory,
    GoalContent,
    GoalNotFoundError,
    GoalValidationError,
    Lane,
    smart_hints,
)
from regroup.core.keys.keystore import SystemKeyStore
from regroup.core.paths import ProfilePaths
from regroup.core.profile import Profile, open_profile
from tests.core.conftest import Plans
from tests.support.prompter import ScriptedPrompter


def titles(plans: Plans, lane: Lane) -> list[str]:
    return [goal.title for goal in plans.goals.board(tuple(Lane)).lane(lane)]


def add(plans: Plans, *names: str, lane: Lane = Lane.NEXT) -> list[int]:
    return [plans.goals.create(GoalContent(name), lane).id for name in names]


def test_every_field_of_a_goal_saves_and_loads(plans: Plans) -> None:
    content = GoalContent(
        title="Run 3 mock interviews \U0001f3af",
        category=GoalCategory.INTERVIEW_PRACTICE,
        due_on=dt.date(2026, 4, 30),
        outcome="3 recorded sessions, notes on each",
    )
    goal = plans.goals.create(content)

    assert goal.content() == content
    assert (goal.lane, goal.done_at, goal.source_debrief_id) == (Lane.NEXT, None, None)
    assert plans.goals.get(goal.id) == goal

    plans.clock.advance(dt.timedelta(minutes=5))
    edited = plans.goals.update(goal.id, GoalContent("Run 2 mock interviews"))
    assert edited.content() == GoalContent("Run 2 mock interviews")
    assert edited.updated_at == plans.clock.now()
    assert (edited.lane, edited.position) == (goal.lane, goal.position)


def test_new_goals_go_to_the_end_of_their_column(plans: Plans) -> None:
    add(plans, "a", "b", "c")
    add(plans, "x", lane=Lane.DOING)
    assert titles(plans, Lane.NEXT) == ["a", "b", "c"]
    assert titles(plans, Lane.DOING) == ["x"]


def test_moves_within_and_between_columns_keep_the_order_exactly(plans: Plans) -> None:
    a, b, c, d = add(plans, "a", "b", "c", "d")
    plans.goals.move(d, Lane.NEXT, 0)
    plans.goals.move(a, Lane.NEXT, 2)
    plans.goals.move(b, Lane.DOING, 0)
    plans.goals.move(c, Lane.DOING, 0)
    plans.goals.move(c, Lane.DOING, 99)

    assert titles(plans, Lane.NEXT) == ["d", "a"]
    assert titles(plans, Lane.DOING) == ["b", "c"]


def test_the_order_survives_many_random_moves_and_a_reopen(
    plans: Plans,
    profile: Profile,
    paths: ProfilePaths,
    keystore: SystemKeyStore,
    prompter: ScriptedPrompter,
) -> None:
    rng = random.Random(4)
    ids = add(plans, *(f"goal {n}" for n in range(12)))
    expected: dict[Lane, list[int]] = {lane: [] for lane in Lane}
    expected[Lane.NEXT] = list(ids)
    for _ in range(300):
        goal_id = rng.choice(ids)
        lane = rng.choice(list(Lane))
        for column in expected.values():
            if goal_id in column:
                column.remove(goal_id)
        index = rng.randint(0, len(expected[lane]) + 1)
        expected[lane].insert(index, goal_id)
        plans.goals.move(goal_id, lane, index)
        board = plans.goals.board(tuple(Lane))
        assert [g.id for g in board.lane(lane)] == expected[lane]
    profile.close()
    reopened = open_profile(paths, keystore, prompter)
    try:
        board = reopened.goals.board(tuple(Lane))
        assert {lane: [g.id for g in board.lane(lane)] for lane in Lane} == expected
    finally:
        reopened.close()


def test_a_crowded_spot_is_renumbered_without_changing_the_order(plans: Plans) -> None:
    first, last = add(plans, "first", "last")
    moved = []
    for n in range(80):
        goal_id = add(plans, f"squeezed {n}", lane=Lane.DOING)[0]
        plans.goals.move(goal_id, Lane.NEXT, 1)
        moved.insert(0, f"squeezed {n}")

    assert titles(plans, Lane.NEXT) == ["first", *moved, "last"]
    positions = [g.position for g in plans.goals.board().lane(Lane.NEXT)]
    assert positions == sorted(set(positions))
    assert plans.goals.get(first).position % POSITION_STEP == 0  # renumbered at least once
    assert plans.goals.get(last).lane is Lane.NEXT


def test_done_records_when_and_moving_out_forgets_it(plans: Plans) -> None:
    [goal_id] = add(plans, "Send 5 applications")
    plans.clock.advance(dt.timedelta(days=1))
    done = plans.goals.move(goal_id, Lane.DONE, 0)
    assert done.done_at == plans.clock.now()

    plans.clock.advance(dt.timedelta(days=1))
    assert plans.goals.move(goal_id, Lane.DONE, 5).done_at == done.done_at
    assert plans.goals.move(goal_id, Lane.ARCHIVED, 0).done_at == done.done_at
    assert plans.goals.move(goal_id, Lane.DOING, 0).done_at is None
    assert plans.goals.move(goal_id, Lane.ARCHIVED, 0).done_at is None
    assert plans.goals.create(GoalContent("born done"), Lane.DONE).done_at == plans.clock.now()


def test_a_card_shows_what_the_goal_holds(plans: Plans) -> None:
    content = GoalContent("Tidy my LinkedIn", GoalCategory.NETWORKING, dt.date(2026, 4, 2), "1")
    goal = plans.goals.move(plans.goals.create(content).id, Lane.DONE, 0)
    [card] = plans.goals.board().lane(Lane.DONE)
    assert card == goal.card()
    assert (card.title, card.category, card.due_on, card.done_at) == (
        "Tidy my LinkedIn",
        GoalCategory.NETWORKING,
        dt.date(2026, 4, 2),
        plans.clock.now(),
    )


def test_the_board_holds_next_doing_and_done_unless_asked_for_more(plans: Plans) -> None:
    for lane in Lane:
        add(plans, lane.value, lane=lane)
    board = plans.goals.board()
    assert tuple(board.lanes) == BOARD_LANES
    assert [g.title for lane in BOARD_LANES for g in board.lane(lane)] == ["next", "doing", "done"]
    assert board.lane(Lane.ARCHIVED) == ()
    assert [g.title for g in plans.goals.board((Lane.DROPPED,)).lane(Lane.DROPPED)] == ["dropped"]
    records = plans.goals.records((Lane.DONE, Lane.NEXT))
    assert [g.title for g in records] == ["done", "next"]
    assert records[0] == plans.goals.get(records[0].id)


def test_deleting_a_goal_removes_it_for_good(plans: Plans) -> None:
    a, _ = add(plans, "a", "b")
    plans.goals.delete(a)
    assert titles(plans, Lane.NEXT) == ["b"]
    with pytest.raises(GoalNotFoundError):
        plans.goals.get(a)
    with pytest.raises(GoalNotFoundError):
        plans.goals.move(a, Lane.DONE, 0)
    assert plans.goals.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (GoalContent("   "), "needs a title"),
        (GoalContent("bad \ud800"), "broken character"),
        (GoalContent("ok", outcome="\udc00"), "outcome contains a broken character"),
    ],
)
def test_a_goal_that_cannot_be_stored_is_refused(
    plans: Plans, content: GoalContent, message: str
) -> None:
    [goal_id] = add(plans, "keep me")
    with pytest.raises(GoalValidationError, match=message):
        plans.goals.create(content)
    with pytest.raises(GoalValidationError, match=message):
        plans.goals.update(goal_id, content)
    assert titles(plans, Lane.NEXT) == ["keep me"]


def test_a_line_of_a_debrief_becomes_a_goal_linked_both_ways(plans: Plans) -> None:
    content = DebriefContent(
        company="Acme", do_differently=("Practise  SQL\non a whiteboard", "Ask about on-call")
    )
    record = plans.debriefs.create(content, draft=False).record

    goal = plans.goals.create_from_debrief(record.id, 1, GoalCategory.INTERVIEW_PRACTICE)
    again = plans.goals.create_from_debrief(record.id, 1)
    first = plans.goals.create_from_debrief(record.id, 0)

    assert again == goal
    assert (goal.title, goal.category) == ("Ask about on-call", GoalCategory.INTERVIEW_PRACTICE)
    assert first.title == "Practise SQL on a whiteboard"
    assert goal.source_debrief_id == record.id
    debrief = plans.debriefs.get(record.id)
    assert [g.id for g in debrief.goals] == [goal.id, first.id]
    assert debrief.goal_for_line(0) == first
    plans.goals.move(goal.id, Lane.DONE, 0)
    assert plans.debriefs.get(record.id).goal_for_line(1).lane is Lane.DONE  # type: ignore[union-attr]
    with pytest.raises(GoalValidationError, match="no line 3"):
        plans.goals.create_from_debrief(record.id, 2)
    with pytest.raises(GoalNotFoundError, match="Debrief 99"):
        plans.goals.create_from_debrief(99, 0)


def test_smart_hints_point_at_what_is_missing() -> None:
    vague = smart_hints(GoalContent("Network"))
    assert len(vague) == 3
    clear = smart_hints(
        GoalContent("Message 3 former colleagues", outcome="3 coffees booked", due_on=dt.date.max)
    )
    assert clear == []


def test_the_board_reads_each_lane_from_its_covering_index(profile: Profile) -> None:
    from regroup.core.goals.service import _LANE_CARDS_SQL

    steps = profile.db.execute_sql(f"EXPLAIN QUERY PLAN {_LANE_CARDS_SQL}", ("done",)).fetchall()
    assert any("COVERING INDEX goal_board" in str(step) for step in steps), steps
