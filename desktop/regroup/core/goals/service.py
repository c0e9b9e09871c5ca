"""The goals board: goals in lanes, kept in the order the person left them.

Each goal has a sparse ``position`` within its lane, so a move rewrites one row:
the new position is halfway between its new neighbours. When two neighbours get
too close for a float to tell apart, the lane is renumbered in the same transaction.
Deleting a goal removes it for good (lanes "archived" and "dropped" keep goals
out of sight without losing them); goals only go to the trash with their debrief.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime

from peewee import SqliteDatabase

from regroup.core.clock import Clock
from regroup.core.errors import ValidationError
from regroup.core.goals.types import (
    BOARD_LANES,
    Board,
    GoalCard,
    GoalCategory,
    GoalContent,
    GoalNotFoundError,
    GoalRecord,
    GoalValidationError,
    Lane,
)
from regroup.core.storage.columns import from_db_date, from_db_time, to_db_date, to_db_time
from regroup.core.storage.transactions import writing
from regroup.core.text import check_text

GOAL_COLUMNS = (
    "id, uuid, title, category, due_on, outcome, lane, position, created_at, updated_at, "
    "done_at, source_debrief_id, source_line, deleted_at"
)
CARD_COLUMNS = "id, title, category, due_on, lane, position, done_at, source_debrief_id"
POSITION_STEP = 1024.0
_LANES = {lane.value: lane for lane in Lane}
_CATEGORIES = {category.value: category for category in GoalCategory}
_STORED_TIME_LENGTH = len("2026-01-01 00:00:00.000000")


def stored_instant(stored: str) -> datetime:
    """Read a stored instant; the common form takes a fast path (boards read thousands)."""
    if len(stored) == _STORED_TIME_LENGTH:
        return datetime.fromisoformat(stored + "+00:00")
    return from_db_time(stored)


def goal_from_row(row: tuple) -> GoalRecord:  # type: ignore[type-arg]
    """Build a record from the columns of :data:`GOAL_COLUMNS`, in order."""
    return GoalRecord(
        id=row[0],
        uuid=row[1],
        title=row[2],
        category=_CATEGORIES[row[3]] if row[3] else None,
        due_on=from_db_date(row[4]) if row[4] else None,
        outcome=row[5],
        lane=_LANES[row[6]],
        position=row[7],
        created_at=stored_instant(row[8]),
        updated_at=stored_instant(row[9]),
        done_at=stored_instant(row[10]) if row[10] else None,
        source_debrief_id=row[11],
        source_line=row[12],
        deleted_at=stored_instant(row[13]) if row[13] else None,
    )


def card_from_row(row: tuple) -> GoalCard:  # type: ignore[type-arg]
    """Build a card from the columns of :data:`CARD_COLUMNS`, in order."""
    return GoalCard(
        row[0],
        row[1],
        _CATEGORIES[row[2]] if row[2] else None,
        date.fromisoformat(row[3]) if row[3] else None,
        _LANES[row[4]],
        row[5],
        stored_instant(row[6]) if row[6] else None,
        row[7],
    )


def check_goal(content: GoalContent) -> None:
    """Refuse a goal without a title, or with text that cannot be stored exactly."""
    try:
        check_text("title", content.title)
        check_text("outcome", content.outcome)
    except ValidationError as exc:
        raise GoalValidationError(str(exc)) from exc
    if not content.title.strip():
        raise GoalValidationError("A goal needs a title: a few words on what you will do.")
    if content.category is not None and not isinstance(content.category, GoalCategory):
        raise GoalValidationError(f"{content.category!r} is not a goal category.")


def _done_at_after_move(old_lane: Lane, new_lane: Lane, old: str | None, now: str) -> str | None:
    """Done goals remember when; archiving keeps that, any other move out forgets it."""
    if new_lane is Lane.DONE:
        return old if old is not None else now
    if new_lane is Lane.ARCHIVED and old_lane in (Lane.DONE, Lane.ARCHIVED):
        return old
    return None


class GoalService:
    """Creates, edits, moves and deletes goals; every change is one transaction."""

    def __init__(self, db: SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _row(self, goal_id: int) -> tuple:  # type: ignore[type-arg]
        row = self._db.execute_sql(
            f"SELECT {GOAL_COLUMNS} FROM goal WHERE id = ?", (goal_id,)
        ).fetchone()
        if row is None:
            raise GoalNotFoundError(f"Goal {goal_id} does not exist.")
        return row  # type: ignore[no-any-return]

    def get(self, goal_id: int) -> GoalRecord:
        """Return one goal."""
        return goal_from_row(self._row(goal_id))

    def _end_of(self, lane: Lane) -> float:
        last = self._db.execute_sql(
            "SELECT max(position) FROM goal WHERE lane = ?", (lane.value,)
        ).fetchone()[0]
        return POSITION_STEP if last is None else float(last) + POSITION_STEP

    def _insert(
        self,
        content: GoalContent,
        lane: Lane,
        source_debrief_id: int | None,
        source_line: str | None,
    ) -> int:
        now = self._clock.now()
        stamp = to_db_time(now)
        cursor = self._db.execute_sql(
            "INSERT INTO goal (uuid, title, category, due_on, outcome, lane, position, "
            "created_at, updated_at, done_at, source_debrief_id, source_line) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                content.title,
                content.category.value if content.category else None,
                to_db_date(content.due_on) if content.due_on else None,
                content.outcome,
                lane.value,
                self._end_of(lane),
                stamp,
                stamp,
                stamp if lane is Lane.DONE else None,
                source_debrief_id,
                source_line,
            ),
        )
        return int(cursor.lastrowid)

    def create(
        self, content: GoalContent, lane: Lane = Lane.NEXT, source_debrief_id: int | None = None
    ) -> GoalRecord:
        """Add a goal at the end of ``lane``, linked to the debrief it came from, if any.

        A check-in's next step becomes a goal this way, linked to the check-in's debrief.
        """
        check_goal(content)
        with writing(self._db):
            if (
                source_debrief_id is not None
                and not self._db.execute_sql(
                    "SELECT 1 FROM debrief WHERE id = ?", (source_debrief_id,)
                ).fetchone()
            ):
                raise GoalNotFoundError(f"Debrief {source_debrief_id} does not exist.")
            goal_id = self._insert(content, Lane(lane), source_debrief_id, None)
        return self.get(goal_id)

    def create_from_debrief(
        self, debrief_id: int, line_index: int, category: GoalCategory | None = None
    ) -> GoalRecord:
        """Turn a debrief's "would do differently" line into a goal linked to the debrief.

        Asking twice for the same line returns the goal made the first time.
        """
        row = self._db.execute_sql(
            "SELECT do_differently FROM debrief WHERE id = ?", (debrief_id,)
        ).fetchone()
        if row is None:
            raise GoalNotFoundError(f"Debrief {debrief_id} does not exist.")
        lines: list[str] = json.loads(row[0])
        if not 0 <= line_index < len(lines):
            raise GoalValidationError(
                f"The debrief has no line {line_index + 1} to turn into a goal."
            )
        line = lines[line_index]
        content = GoalContent(title=" ".join(line.split()), category=category)
        check_goal(content)
        with writing(self._db):
            existing = self._db.execute_sql(
                "SELECT id FROM goal WHERE source_debrief_id = ? AND source_line = ? "
                "AND deleted_at IS NULL",
                (debrief_id, line),
            ).fetchone()
            if existing:
                goal_id = int(existing[0])
            else:
                goal_id = self._insert(content, Lane.NEXT, debrief_id, line)
        return self.get(goal_id)

    def update(self, goal_id: int, content: GoalContent) -> GoalRecord:
        """Save new content for a goal; its lane and place stay as they are."""
        check_goal(content)
        with writing(self._db):
            old = self.get(goal_id)
            if old.content() == content:
                return old
            self._db.execute_sql(
                "UPDATE goal SET title = ?, category = ?, due_on = ?, outcome = ?, updated_at = ? "
                "WHERE id = ?",
                (
                    content.title,
                    content.category.value if content.category else None,
                    to_db_date(content.due_on) if content.due_on else None,
                    content.outcome,
                    to_db_time(self._clock.now()),
                    goal_id,
                ),
            )
        return self.get(goal_id)

    def delete(self, goal_id: int) -> None:
        """Delete a goal for good (to keep it out of sight, move it to archived or dropped)."""
        with writing(self._db):
            self._row(goal_id)
            self._db.execute_sql("DELETE FROM goal WHERE id = ?", (goal_id,))

    def _neighbours(
        self, lane: Lane, goal_id: int, index: int
    ) -> tuple[float | None, float | None]:
        where = "deleted_at IS NULL AND lane = ? AND id != ?"
        if index <= 0:
            row = self._db.execute_sql(
                f"SELECT position FROM goal WHERE {where} ORDER BY position, id LIMIT 1",
                (lane.value, goal_id),
            ).fetchone()
            return None, (row[0] if row else None)
        rows = self._db.execute_sql(
            f"SELECT position FROM goal WHERE {where} ORDER BY position, id LIMIT 2 OFFSET ?",
            (lane.value, goal_id, index - 1),
        ).fetchall()
        if not rows:
            last = self._db.execute_sql(
                f"SELECT max(position) FROM goal WHERE {where}", (lane.value, goal_id)
            ).fetchone()[0]
            return last, None
        return rows[0][0], (rows[1][0] if len(rows) > 1 else None)

    def _renumber(self, lane: Lane) -> None:
        ids = self._db.execute_sql(
            "SELECT id FROM goal WHERE lane = ? ORDER BY position, id", (lane.value,)
        ).fetchall()
        self._db.cursor().executemany(
            "UPDATE goal SET position = ? WHERE id = ?",
            [((number + 1) * POSITION_STEP, row[0]) for number, row in enumerate(ids)],
        )

    def _position_at(self, lane: Lane, goal_id: int, index: int) -> float:
        for _ in range(2):
            before, after = self._neighbours(lane, goal_id, index)
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
            self._renumber(lane)
        raise AssertionError("renumbered positions are always far apart")

    def move(self, goal_id: int, lane: Lane, index: int) -> GoalRecord:
        """Put a goal at ``index`` (0 = top) of ``lane``, counting the lane without it.

        An index past the end puts it last. Moving into "done" records when;
        moving out of it (except to "archived") forgets that again.
        """
        lane = Lane(lane)
        with writing(self._db):
            row = self._db.execute_sql(
                "SELECT lane, done_at FROM goal WHERE id = ?", (goal_id,)
            ).fetchone()
            if row is None:
                raise GoalNotFoundError(f"Goal {goal_id} does not exist.")
            stamp = to_db_time(self._clock.now())
            done_at = _done_at_after_move(Lane(row[0]), lane, row[1], stamp)
            self._db.execute_sql(
                "UPDATE goal SET lane = ?, position = ?, done_at = ?, updated_at = ? WHERE id = ?",
                (lane.value, self._position_at(lane, goal_id, index), done_at, stamp, goal_id),
            )
        return self.get(goal_id)

    def board(self, lanes: tuple[Lane, ...] = BOARD_LANES) -> Board:
        """Return the cards of ``lanes`` (by default next, doing, done), each lane in order."""
        grouped = {}
        for lane in lanes:
            rows = self._db.execute_sql(
                f"SELECT {CARD_COLUMNS} FROM goal INDEXED BY goal_board "
                "WHERE deleted_at IS NULL AND lane = ? ORDER BY position, id",
                (Lane(lane).value,),
            ).fetchall()
            grouped[Lane(lane)] = tuple(map(card_from_row, rows))
        return Board(grouped)

    def records(self, lanes: tuple[Lane, ...] = BOARD_LANES) -> list[GoalRecord]:
        """Return whole goals of ``lanes``, lane by lane in board order (for exports and lists)."""
        result: list[GoalRecord] = []
        for lane in lanes:
            rows = self._db.execute_sql(
                f"SELECT {GOAL_COLUMNS} FROM goal WHERE deleted_at IS NULL AND lane = ? "
                "ORDER BY position, id",
                (Lane(lane).value,),
            ).fetchall()
            result.extend(map(goal_from_row, rows))
        return result

    def for_debrief(self, debrief_id: int) -> list[GoalRecord]:
        """Return the goals a debrief produced (not those in the trash with it), oldest first."""
        rows = self._db.execute_sql(
            f"SELECT {GOAL_COLUMNS} FROM goal WHERE source_debrief_id = ? AND deleted_at IS NULL "
            "ORDER BY id",
            (debrief_id,),
        ).fetchall()
        return [goal_from_row(row) for row in rows]

    def count(self) -> int:
        """Return how many goals there are in every lane (not counting the trash)."""
        return int(
            self._db.execute_sql("SELECT count(*) FROM goal WHERE deleted_at IS NULL").fetchone()[0]
        )
