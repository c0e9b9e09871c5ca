"""Writing debriefs: drafts and saves, the trash, links to diary entries, and check-ins.

A save never loses what was typed: dates in an odd order give warnings, and a
debrief saved as final without a company or a role is kept as a draft. Every
save is one transaction that also plans or moves the debrief's check-in.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from peewee import SqliteDatabase

from regroup.core.checkins.service import CheckinService
from regroup.core.clock import Clock
from regroup.core.debriefs.types import (
    DebriefContent,
    DebriefNotFoundError,
    DebriefRecord,
    DebriefSaveResult,
    DebriefStatus,
    DebriefSummary,
    GoalsOnDelete,
    KeepLooking,
    NewsVia,
    SaveWarning,
    Stage,
    check_content,
    date_warnings,
    needs_a_name,
)
from regroup.core.diary.listing import SUMMARY_COLUMNS
from regroup.core.diary.service import summary_from_row
from regroup.core.diary.types import EntrySummary
from regroup.core.goals.service import GoalService
from regroup.core.settings import SettingsService
from regroup.core.storage.columns import from_db_date, from_db_time, to_db_date, to_db_time
from regroup.core.storage.transactions import writing

CONTENT_COLUMNS = (
    "company, role, role_kind, applied_on, stage, interview_rounds, news_on, news_via, "
    "feedback_asked, feedback_received, preparedness, went_well, do_differently, "
    "resume_targeted, strengths, wanted, keep_looking, traps, reframe, lessons, notes, "
    "mourning_days"
)
RECORD_COLUMNS = f"id, uuid, status, created_at, updated_at, deleted_at, {CONTENT_COLUMNS}"
SUGGEST_DAYS = 3


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _day(value: date | None) -> str | None:
    return None if value is None else to_db_date(value)


def content_values(content: DebriefContent) -> tuple[object, ...]:
    """Return the stored values of :data:`CONTENT_COLUMNS`, in order."""
    c = content
    return (
        c.company,
        c.role,
        c.role_kind,
        _day(c.applied_on),
        c.stage.value if c.stage else None,
        c.interview_rounds,
        _day(c.news_on),
        c.news_via.value if c.news_via else None,
        _flag(c.feedback_asked),
        c.feedback_received,
        c.preparedness,
        c.went_well,
        json.dumps(list(c.do_differently), ensure_ascii=False),
        _flag(c.resume_targeted),
        c.strengths,
        c.wanted,
        c.keep_looking.value if c.keep_looking else None,
        json.dumps(list(c.traps), ensure_ascii=False),
        c.reframe,
        c.lessons,
        c.notes,
        c.mourning_days,
    )


def content_from_row(row: tuple) -> DebriefContent:  # type: ignore[type-arg]
    """Build content from the stored values of :data:`CONTENT_COLUMNS`, in order."""
    (company, role, role_kind, applied, stage, rounds, news, via, asked, received, prepared,
     well, differently, targeted, strengths, wanted, keep, traps, reframe, lessons, notes,
     days) = row  # fmt: skip
    return DebriefContent(
        company=company,
        role=role,
        role_kind=role_kind,
        applied_on=from_db_date(applied) if applied else None,
        stage=Stage(stage) if stage else None,
        interview_rounds=rounds,
        news_on=from_db_date(news) if news else None,
        news_via=NewsVia(via) if via else None,
        feedback_asked=None if asked is None else bool(asked),
        feedback_received=received,
        preparedness=prepared,
        went_well=well,
        do_differently=tuple(json.loads(differently)),
        resume_targeted=None if targeted is None else bool(targeted),
        strengths=strengths,
        wanted=wanted,
        keep_looking=KeepLooking(keep) if keep else None,
        traps=tuple(json.loads(traps)),
        reframe=reframe,
        lessons=lessons,
        notes=notes,
        mourning_days=days,
    )


def _shifted(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _normalised(content: DebriefContent) -> DebriefContent:
    """Lists as tuples, so that a record compares equal to the content it was saved from."""
    return replace(
        content, do_differently=tuple(content.do_differently), traps=tuple(content.traps)
    )


class DebriefService:
    """Creates, edits, trashes and restores debriefs for the GUI and the command line."""

    def __init__(
        self,
        db: SqliteDatabase,
        clock: Clock,
        settings: SettingsService,
        goals: GoalService,
        checkins: CheckinService,
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._goals = goals
        self._checkins = checkins

    def new_content(self) -> DebriefContent:
        """Return an empty debrief with the default days before its check-in."""
        return DebriefContent(mourning_days=self._settings.default_mourning_days())

    def _row(self, debrief_id: int) -> tuple:  # type: ignore[type-arg]
        row = self._db.execute_sql(
            f"SELECT {RECORD_COLUMNS} FROM debrief WHERE id = ?", (debrief_id,)
        ).fetchone()
        if row is None:
            raise DebriefNotFoundError(f"Debrief {debrief_id} does not exist.")
        return row  # type: ignore[no-any-return]

    def get(self, debrief_id: int) -> DebriefRecord:
        """Return one debrief (also from the trash) with its check-in and goals."""
        row = self._row(debrief_id)
        return DebriefRecord(
            id=row[0],
            uuid=row[1],
            status=DebriefStatus(row[2]),
            created_at=from_db_time(row[3]),
            updated_at=from_db_time(row[4]),
            deleted_at=from_db_time(row[5]) if row[5] else None,
            content=content_from_row(row[6:]),
            checkin=self._checkins.for_debrief(debrief_id),
            goals=tuple(self._goals.for_debrief(debrief_id)),
        )

    def _status_for(
        self, content: DebriefContent, wanted: DebriefStatus
    ) -> tuple[DebriefStatus, list[SaveWarning], bool]:
        warnings = date_warnings(content, self._clock.today())
        if wanted is DebriefStatus.SAVED and needs_a_name(content):
            warnings.insert(
                0,
                SaveWarning(
                    "company",
                    "Add the company or the role to finish this debrief; "
                    "until then it is kept as a draft.",
                ),
            )
            return DebriefStatus.DRAFT, warnings, True
        return wanted, warnings, False

    def _sync_checkin(
        self, debrief_id: int, status: DebriefStatus, content: DebriefContent
    ) -> list[SaveWarning]:
        if status is DebriefStatus.DRAFT or content.mourning_days is None:
            self._checkins.sync(debrief_id, None)
            return []
        created = self._db.execute_sql(
            "SELECT created_at FROM debrief WHERE id = ?", (debrief_id,)
        ).fetchone()[0]
        base = content.news_on or self._checkins.local_day(from_db_time(created))
        due = self._checkins.due_for(base, content.mourning_days)
        self._checkins.sync(debrief_id, due)
        if due is None:
            return [SaveWarning("mourning_days", "No check-in was planned: the date is too far.")]
        return []

    def create(self, content: DebriefContent, *, draft: bool) -> DebriefSaveResult:
        """Save a new debrief, as a draft or as final, in one transaction."""
        content = _normalised(content)
        check_content(content)
        wanted = DebriefStatus.DRAFT if draft else DebriefStatus.SAVED
        status, warnings, kept = self._status_for(content, wanted)
        stamp = to_db_time(self._clock.now())
        with writing(self._db):
            cursor = self._db.execute_sql(
                f"INSERT INTO debrief (uuid, status, created_at, updated_at, {CONTENT_COLUMNS}) "
                f"VALUES (?, ?, ?, ?, {', '.join('?' * 22)})",
                (str(uuid.uuid4()), status.value, stamp, stamp, *content_values(content)),
            )
            debrief_id = int(cursor.lastrowid)
            warnings += self._sync_checkin(debrief_id, status, content)
        return DebriefSaveResult(self.get(debrief_id), tuple(warnings), kept)

    def update(
        self, debrief_id: int, content: DebriefContent, *, draft: bool | None = None
    ) -> DebriefSaveResult:
        """Save new content; ``draft`` None keeps the status, False finishes a draft.

        Saving what is already stored changes nothing, so autosave can call this freely.
        A check-in not delivered yet follows the new news date and days.
        """
        content = _normalised(content)
        check_content(content)
        with writing(self._db):
            old = self.get(debrief_id)
            wanted = old.status
            if draft is not None:
                wanted = DebriefStatus.DRAFT if draft else DebriefStatus.SAVED
            status, warnings, kept = self._status_for(content, wanted)
            if (status, content) != (old.status, old.content):
                assignments = ", ".join(f"{name} = ?" for name in CONTENT_COLUMNS.split(", "))
                self._db.execute_sql(
                    f"UPDATE debrief SET status = ?, updated_at = ?, {assignments} WHERE id = ?",
                    (
                        status.value,
                        to_db_time(self._clock.now()),
                        *content_values(content),
                        debrief_id,
                    ),
                )
            warnings += self._sync_checkin(debrief_id, status, content)
        return DebriefSaveResult(self.get(debrief_id), tuple(warnings), kept)

    def trash(self, debrief_id: int, *, goals: GoalsOnDelete) -> None:
        """Move a debrief to the trash, keeping its goals on the board or taking them along."""
        choice = GoalsOnDelete(goals)
        stamp = to_db_time(self._clock.now())
        with writing(self._db):
            if self._row(debrief_id)[5] is not None:
                return
            self._db.execute_sql(
                "UPDATE debrief SET deleted_at = ? WHERE id = ?", (stamp, debrief_id)
            )
            if choice is GoalsOnDelete.DELETE:
                self._db.execute_sql(
                    "UPDATE goal SET deleted_at = ? WHERE source_debrief_id = ? "
                    "AND deleted_at IS NULL",
                    (stamp, debrief_id),
                )

    def restore(self, debrief_id: int) -> DebriefRecord:
        """Take a debrief out of the trash, with the goals that went with it."""
        with writing(self._db):
            deleted = self._row(debrief_id)[5]
            if deleted is not None:
                self._db.execute_sql(
                    "UPDATE goal SET deleted_at = NULL WHERE source_debrief_id = ? "
                    "AND deleted_at = ?",
                    (debrief_id, deleted),
                )
                self._db.execute_sql(
                    "UPDATE debrief SET deleted_at = NULL WHERE id = ?", (debrief_id,)
                )
        return self.get(debrief_id)

    def trashed(self) -> list[DebriefSummary]:
        """Return the debriefs in the trash, most recently trashed first."""
        from regroup.core.debriefs.listing import SUMMARY_SQL, debrief_summary

        rows = self._db.execute_sql(
            f"{SUMMARY_SQL} WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC, d.id DESC"
        ).fetchall()
        return [debrief_summary(row) for row in rows]

    def empty_trash(self) -> int:
        """Delete for good the debriefs in the trash; return how many.

        Goals that went to the trash with them go too; goals that were kept stay
        on the board, no longer linked.
        """
        with writing(self._db):
            self._db.execute_sql(
                "DELETE FROM goal WHERE deleted_at IS NOT NULL AND source_debrief_id IN "
                "(SELECT id FROM debrief WHERE deleted_at IS NOT NULL)"
            )
            cursor = self._db.execute_sql("DELETE FROM debrief WHERE deleted_at IS NOT NULL")
        return int(cursor.rowcount)

    def count(self) -> int:
        """Return how many debriefs are not in the trash (drafts included)."""
        return int(
            self._db.execute_sql(
                "SELECT count(*) FROM debrief WHERE deleted_at IS NULL"
            ).fetchone()[0]
        )

    def link_entries(self, debrief_id: int, entry_ids: Iterable[int]) -> None:
        """Link diary entries to a debrief (linking twice changes nothing)."""
        with writing(self._db):
            self._row(debrief_id)
            self._db.cursor().executemany(
                "INSERT OR IGNORE INTO debrief_entry (debrief_id, entry_id) "
                "SELECT ?, id FROM entry WHERE id = ?",
                [(debrief_id, entry_id) for entry_id in entry_ids],
            )

    def unlink_entries(self, debrief_id: int, entry_ids: Iterable[int]) -> None:
        """Remove links between a debrief and diary entries; the entries stay."""
        with writing(self._db):
            self._db.cursor().executemany(
                "DELETE FROM debrief_entry WHERE debrief_id = ? AND entry_id = ?",
                [(debrief_id, entry_id) for entry_id in entry_ids],
            )

    def linked_entries(self, debrief_id: int) -> list[EntrySummary]:
        """Return the linked entries not in the trash, oldest day first."""
        rows = self._db.execute_sql(
            "SELECT e.id, e.entry_date, e.title, substr(e.body, 1, 300), e.mood, e.tags_text "
            "FROM entry e JOIN debrief_entry de ON de.entry_id = e.id "
            "WHERE de.debrief_id = ? AND e.deleted_at IS NULL ORDER BY e.entry_date, e.id",
            (debrief_id,),
        ).fetchall()
        return [summary_from_row(row) for row in rows]

    def linked_debriefs(self, entry_id: int) -> list[int]:
        """Return the ids of the debriefs (not in the trash) an entry is linked to."""
        rows = self._db.execute_sql(
            "SELECT d.id FROM debrief d JOIN debrief_entry de ON de.debrief_id = d.id "
            "WHERE de.entry_id = ? AND d.deleted_at IS NULL ORDER BY d.id",
            (entry_id,),
        ).fetchall()
        return [row[0] for row in rows]

    def suggest_entries(self, debrief_id: int, days: int = SUGGEST_DAYS) -> list[EntrySummary]:
        """Return entries written within ``days`` of the news date that are not linked yet.

        Without a news date, the application date is used, then the day it was started.
        """
        record = self.get(debrief_id)
        content = record.content
        centre = (
            content.news_on or content.applied_on or self._checkins.local_day(record.created_at)
        )
        first, last = _shifted(centre, -days), _shifted(centre, days)
        rows = self._db.execute_sql(
            f"SELECT {SUMMARY_COLUMNS} FROM entry WHERE deleted_at IS NULL "
            "AND entry_date BETWEEN ? AND ? AND id NOT IN "
            "(SELECT entry_id FROM debrief_entry WHERE debrief_id = ?) "
            "ORDER BY entry_date, id",
            (to_db_date(first), to_db_date(last), debrief_id),
        ).fetchall()
        return [summary_from_row(row) for row in rows]
