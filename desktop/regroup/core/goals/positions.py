"""Where a card goes in its lane: sparse positions, so that a move rewrites one row.

A moved card takes the position halfway between its new neighbours. When two
neighbours get too close for a float to tell apart, the lane is renumbered in the
caller's transaction, keeping its order.
"""

from __future__ import annotations

from peewee import SqliteDatabase, fn

from regroup.core.goals.types import Lane
from regroup.core.storage.models import Goal

POSITION_STEP = 1024.0
# Raw SQL: a card drop is the board's hot path; Peewee's query building made it 4x slower.
_OTHERS_SQL = "FROM goal WHERE deleted_at IS NULL AND lane = ? AND id != ?"
_FIRST_SQL = f"SELECT position {_OTHERS_SQL} ORDER BY position, id LIMIT 1"
_PAIR_SQL = f"SELECT position {_OTHERS_SQL} ORDER BY position, id LIMIT 2 OFFSET ?"
_LAST_SQL = f"SELECT max(position) {_OTHERS_SQL}"


def end_of(db: SqliteDatabase, lane: Lane) -> float:
    """Return the position after the last card of ``lane`` (trashed cards count too)."""
    last = Goal.select(fn.MAX(Goal.position)).where(Goal.lane == lane.value).scalar(db)
    return POSITION_STEP if last is None else float(last) + POSITION_STEP


def _neighbours(
    db: SqliteDatabase, lane: Lane, goal_id: int, index: int
) -> tuple[float | None, float | None]:
    if index <= 0:
        first = db.execute_sql(_FIRST_SQL, (lane.value, goal_id)).fetchone()
        return None, (first[0] if first else None)
    pair = db.execute_sql(_PAIR_SQL, (lane.value, goal_id, index - 1)).fetchall()
    if not pair:
        return db.execute_sql(_LAST_SQL, (lane.value, goal_id)).fetchone()[0], None
    return pair[0][0], (pair[1][0] if len(pair) > 1 else None)


def _renumber(db: SqliteDatabase, lane: Lane) -> None:
    """Space a lane's positions evenly again, in the same order, with one statement."""
    place = fn.ROW_NUMBER().over(order_by=[Goal.position, Goal.id]) * POSITION_STEP
    ranked = Goal.select(Goal.id, place.alias("spaced")).where(Goal.lane == lane.value)
    ranked = ranked.alias("ranked")
    Goal.update(position=ranked.c.spaced).from_(ranked).where(Goal.id == ranked.c.id).execute(db)


def position_at(db: SqliteDatabase, lane: Lane, goal_id: int, index: int) -> float:
    """Return the position that puts a goal at ``index`` of ``lane``, counted without it."""
    for _ in range(2):
        before, after = _neighbours(db, lane, goal_id, index)
        if before is None and after is None:
            return POSITION_STEP
        if before is None:
            assert after is not None
            return after - POSITION_STEP
        if after is None:
            return before + POSITION_STEP
        middle = (before + after) / 2
        if before < middle < after:
            return middle
        _renumber(db, lane)
    raise AssertionError("renumbered positions are always far apart")
