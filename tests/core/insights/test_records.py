"""The figures' reads: what they return, and that SQLite answers them from the small indexes.

Every page of the database is encrypted, so a read that reaches a row's long texts
decrypts them all. The query plans below fail if a change to a query or an index
sends SQLite back to the full rows.
"""

from __future__ import annotations

import datetime as dt

from peewee import SqliteDatabase

from regroup.core.debriefs.types import DebriefStatus, Stage
from regroup.core.insights import records
from regroup.core.profile import Profile
from regroup.core.storage.models import Debrief, Goal
from tests.core.insights.conftest import STORY, TODAY, Story


def _plan(db: SqliteDatabase, sql: str, params: tuple[object, ...] | list[object] = ()) -> str:
    rows = db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    return " | ".join(str(row[-1]) for row in rows)


def test_the_debriefs_are_read_from_their_figures_index_alone(profile: Profile) -> None:
    for answers in (True, False):
        columns = (*records._PLACE, *(records._ANSWERS if answers else ()))
        query = Debrief.select(*columns).where(
            Debrief.status == DebriefStatus.SAVED.value, Debrief.deleted_at.is_null()
        )
        sql, params = query.sql()
        assert "USING COVERING INDEX debrief_figures" in _plan(profile.db, sql, params)


def test_the_goals_made_from_debriefs_and_those_done_are_read_from_their_indexes(
    profile: Profile,
) -> None:
    assert "USING INDEX goal_figures" in _plan(profile.db, records._DEBRIEF_GOALS_SQL)
    done = Goal.select(Goal.id).where(Goal.deleted_at.is_null(), Goal.done_at >= "2026-01-01")
    sql, params = done.order_by(Goal.id).sql()
    assert "USING COVERING INDEX goal_done" in _plan(profile.db, sql, params)


def test_the_debrief_rows_carry_each_answer_as_saved(story: Story, profile: Profile) -> None:
    rows = records.debriefs(profile.db, None)
    assert [row.id for row in rows] == story.ids
    first, fifth = rows[0], rows[4]
    assert (first.stage, first.feedback_received, first.traps) == (Stage.APPLIED, False, ())
    assert fifth.feedback_received is True  # "Strong on SQL, less on stats"
    assert fifth.traps == ("comparing",)
    assert rows[0].do_differently == ("Research the company before the phone screen",)
    received = [row.feedback_received for row in rows]
    assert received == [bool(line[3]) for line in STORY]
    lean = records.debriefs(profile.db, None, answers=False)
    assert [(row.id, row.day, row.title, row.stage) for row in lean] == [
        (row.id, row.day, row.title, row.stage) for row in rows
    ]


def test_the_goals_done_after_a_day_are_those_done_from_the_next_day_on(
    story: Story, profile: Profile
) -> None:
    db = profile.db
    done = records.goals_done_after(db, TODAY - dt.timedelta(days=365), None)
    every = records.debrief_goals(db, None)
    assert set(done) >= {goal.id for goal in every if goal.done_on is not None}
    assert records.goals_done_after(db, TODAY + dt.timedelta(days=1), None) == ()
