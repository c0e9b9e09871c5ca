"""Writing debriefs: drafts and saves, the trash, links to diary entries, and check-ins.

A save never loses what was typed: dates in an odd order give warnings, and a
debrief saved as final without a company or a role is kept as a draft. Every
save is one transaction that also plans or moves the debrief's check-in.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from peewee import ModelSelect, SqliteDatabase, Value

from regroup.core.checkins.service import CheckinService
from regroup.core.clock import Clock
from regroup.core.debriefs.listing import DebriefBrowser
from regroup.core.debriefs.stored import (
    CONTENT_COLUMNS,
    CONTENT_FIELDS,
    RECORD_FIELDS,
    content_fields,
    content_from_row,
    content_values,
)
from regroup.core.debriefs.types import (
    DebriefContent,
    DebriefNotFoundError,
    DebriefRecord,
    DebriefSaveResult,
    DebriefStatus,
    DebriefSummary,
    GoalsOnDelete,
    SaveWarning,
    check_content,
    date_warnings,
    needs_a_name,
)
from regroup.core.diary.listing import DiaryBrowser
from regroup.core.diary.types import EntrySummary
from regroup.core.goals.service import GoalService
from regroup.core.settings import SettingsService
from regroup.core.storage.columns import from_db_time
from regroup.core.storage.models import Debrief, DebriefEntry, Entry
from regroup.core.storage.transactions import writing

__all__ = [  # the stored form is the exchange's too, which moves whole tables
    "CONTENT_COLUMNS",
    "CONTENT_FIELDS",
    "RECORD_FIELDS",
    "SUGGEST_DAYS",
    "DebriefService",
    "content_from_row",
    "content_values",
]
SUGGEST_DAYS = 3


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
        self._entries = DiaryBrowser(db)
        self._list = DebriefBrowser(db)

    def new_content(self) -> DebriefContent:
        """Return an empty debrief with the default days before its check-in."""
        return DebriefContent(mourning_days=self._settings.default_mourning_days())

    def _row(self, debrief_id: int) -> tuple:  # type: ignore[type-arg]
        row = self._db.execute(
            Debrief.select(*RECORD_FIELDS).where(Debrief.id == debrief_id)
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
        created = (
            Debrief.select(Debrief.created_at).where(Debrief.id == debrief_id).scalar(self._db)
        )
        base = content.news_on or self._checkins.local_day(created)
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
        now = self._clock.now()
        with writing(self._db):
            debrief_id = Debrief.insert(
                {
                    Debrief.uuid: str(uuid.uuid4()),
                    Debrief.status: status.value,
                    Debrief.created_at: now,
                    Debrief.updated_at: now,
                    **content_fields(content),
                }
            ).execute(self._db)
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
                Debrief.update(
                    {
                        Debrief.status: status.value,
                        Debrief.updated_at: self._clock.now(),
                        **content_fields(content),
                    }
                ).where(Debrief.id == debrief_id).execute(self._db)
            warnings += self._sync_checkin(debrief_id, status, content)
        return DebriefSaveResult(self.get(debrief_id), tuple(warnings), kept)

    def trash(self, debrief_id: int, *, goals: GoalsOnDelete) -> None:
        """Move a debrief to the trash, keeping its goals on the board or taking them along."""
        choice = GoalsOnDelete(goals)
        now = self._clock.now()
        with writing(self._db):
            if self._row(debrief_id)[5] is not None:
                return
            Debrief.update(deleted_at=now).where(Debrief.id == debrief_id).execute(self._db)
            if choice is GoalsOnDelete.DELETE:
                self._goals.trash_with_debrief(debrief_id, now)

    def restore(self, debrief_id: int) -> DebriefRecord:
        """Take a debrief out of the trash, with the goals that went with it."""
        with writing(self._db):
            if self._row(debrief_id)[5] is not None:
                self._goals.restore_with_debrief(debrief_id)
                Debrief.update(deleted_at=None).where(Debrief.id == debrief_id).execute(self._db)
        return self.get(debrief_id)

    def trashed(self) -> list[DebriefSummary]:
        """Return the debriefs in the trash, most recently trashed first."""
        return self._list.trashed()

    def empty_trash(self) -> int:
        """Delete for good the debriefs in the trash; return how many.

        Goals that went to the trash with them go too; goals that were kept stay
        on the board, no longer linked.
        """
        with writing(self._db):
            self._goals.purge_trashed()
            return int(Debrief.delete().where(Debrief.deleted_at.is_null(False)).execute(self._db))

    def count(self) -> int:
        """Return how many debriefs are not in the trash (drafts included)."""
        return int(Debrief.select().where(Debrief.deleted_at.is_null()).count(self._db))

    def link_entries(self, debrief_id: int, entry_ids: Iterable[int]) -> None:
        """Link diary entries to a debrief (linking twice changes nothing)."""
        with writing(self._db):
            self._row(debrief_id)
            pairs = Entry.select(Value(debrief_id), Entry.id).where(Entry.id.in_(list(entry_ids)))
            DebriefEntry.insert_from(
                pairs, [DebriefEntry.debrief, DebriefEntry.entry]
            ).on_conflict_ignore().execute(self._db)

    def unlink_entries(self, debrief_id: int, entry_ids: Iterable[int]) -> None:
        """Remove links between a debrief and diary entries; the entries stay."""
        with writing(self._db):
            DebriefEntry.delete().where(
                DebriefEntry.debrief == debrief_id, DebriefEntry.entry.in_(list(entry_ids))
            ).execute(self._db)

    def _summaries(self, entries: ModelSelect[Entry]) -> list[EntrySummary]:
        """Return the diary's summaries of the entries ``entries`` selects, in its order."""
        ids = [row[0] for row in self._db.execute(entries)]
        found = self._entries.summaries(ids)
        return [found[entry_id] for entry_id in ids if entry_id in found]

    def linked_entries(self, debrief_id: int) -> list[EntrySummary]:
        """Return the linked entries not in the trash, oldest day first."""
        return self._summaries(
            Entry.select(Entry.id)
            .join(DebriefEntry)
            .where(DebriefEntry.debrief == debrief_id, Entry.deleted_at.is_null())
            .order_by(Entry.entry_date, Entry.id)
        )

    def linked_debriefs(self, entry_id: int) -> list[int]:
        """Return the ids of the debriefs (not in the trash) an entry is linked to."""
        linked = (
            Debrief.select(Debrief.id)
            .join(DebriefEntry)
            .where(DebriefEntry.entry == entry_id, Debrief.deleted_at.is_null())
            .order_by(Debrief.id)
        )
        return [row[0] for row in self._db.execute(linked)]

    def suggest_entries(self, debrief_id: int, days: int = SUGGEST_DAYS) -> list[EntrySummary]:
        """Return entries written within ``days`` of the news date that are not linked yet.

        Without a news date, the application date is used, then the day it was started.
        """
        record = self.get(debrief_id)
        content = record.content
        centre = (
            content.news_on or content.applied_on or self._checkins.local_day(record.created_at)
        )
        linked = DebriefEntry.select(DebriefEntry.entry).where(DebriefEntry.debrief == debrief_id)
        return self._summaries(
            Entry.select(Entry.id)
            .where(
                Entry.deleted_at.is_null(),
                Entry.entry_date.between(_shifted(centre, -days), _shifted(centre, days)),
                Entry.id.not_in(linked),
            )
            .order_by(Entry.entry_date, Entry.id)
        )
