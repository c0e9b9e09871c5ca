"""The waiting list: applications that have not answered yet, until they become debriefs.

Each application counts as quiet once the person's number of quiet days (Settings,
default 21) has passed since anything was heard: the day applied, or the day its
stage last moved. The reminder check (``checkins.reminders``) then offers, once per
application, to treat it as closed. Closing turns it into a debrief draft in one
transaction, so an application is never both waiting and debriefed, nor lost.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from peewee import SqliteDatabase

from regroup.core.clock import Clock
from regroup.core.debriefs.types import DebriefContent, NewsVia, Stage
from regroup.core.settings import SettingsService
from regroup.core.storage.columns import from_db_time
from regroup.core.storage.models import Waiting
from regroup.core.storage.transactions import writing
from regroup.core.waiting.types import (
    WaitingContent,
    WaitingItem,
    WaitingNotFoundError,
    WaitingValidationError,
    check_waiting,
)

if TYPE_CHECKING:  # the reminder check imports this module and never needs debriefs
    from regroup.core.debriefs.service import DebriefService

FIELDS = (
    Waiting.id,
    Waiting.uuid,
    Waiting.company,
    Waiting.role,
    Waiting.applied_on,
    Waiting.stage,
    Waiting.note,
    Waiting.quiet_since,
    Waiting.created_at,
    Waiting.updated_at,
    Waiting.offered_at,
)


def quiet_before(today: date, quiet_days: int) -> date:
    """Return the last ``quiet_since`` day that counts as quiet on ``today``."""
    try:
        return today - timedelta(days=quiet_days)
    except OverflowError:
        return date.min


def due_offers(db: SqliteDatabase, today: date, quiet_days: int) -> list[int]:
    """Return the applications gone quiet by ``today`` that were never offered to close."""
    query = (
        Waiting.select(Waiting.id)
        .where(
            Waiting.offered_at.is_null(),
            Waiting.quiet_since <= quiet_before(today, quiet_days),
        )
        .order_by(Waiting.quiet_since, Waiting.id)
    )
    return [row[0] for row in db.execute(query)]


def mark_offered(db: SqliteDatabase, ids: list[int], now: datetime) -> None:
    """Remember that these applications were offered to close; the caller holds the transaction."""
    if ids:
        Waiting.update({Waiting.offered_at: now}).where(Waiting.id.in_(ids)).execute(db)


class WaitingService:
    """Adds, edits, removes and closes waiting applications for the window and the CLI."""

    def __init__(
        self,
        db: SqliteDatabase,
        clock: Clock,
        settings: SettingsService,
        debriefs: DebriefService,
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._debriefs = debriefs

    def _item(self, row: tuple, today: date, quiet_days: int) -> WaitingItem:  # type: ignore[type-arg]
        quiet_since = date.fromisoformat(row[7])
        days = max(0, (today - quiet_since).days)
        applied = date.fromisoformat(row[4])
        return WaitingItem(
            id=row[0],
            uuid=row[1],
            content=WaitingContent(row[2], row[3], applied, Stage(row[5]), row[6]),
            quiet_since=quiet_since,
            created_at=from_db_time(row[8]),
            updated_at=from_db_time(row[9]),
            offered_at=from_db_time(row[10]) if row[10] else None,
            days_quiet=days,
            quiet=days >= quiet_days,
        )

    def list(self) -> list[WaitingItem]:
        """Return every waiting application, the longest quiet first."""
        query = Waiting.select(*FIELDS).order_by(Waiting.quiet_since, Waiting.id)
        today, quiet_days = self._clock.today(), self._settings.quiet_days()
        return [self._item(row, today, quiet_days) for row in self._db.execute(query)]

    def get(self, item_id: int) -> WaitingItem:
        """Return one waiting application, or raise WaitingNotFoundError."""
        row = self._db.execute(Waiting.select(*FIELDS).where(Waiting.id == item_id)).fetchone()
        if row is None:
            raise WaitingNotFoundError("That application is no longer on the waiting list.")
        return self._item(row, self._clock.today(), self._settings.quiet_days())

    def count(self) -> int:
        """Return how many applications are waiting."""
        return int(Waiting.select().count(self._db))

    def _checked(self, content: WaitingContent) -> WaitingContent:
        content = check_waiting(content)
        if content.applied_on > self._clock.today():
            raise WaitingValidationError(
                f"The day applied ({content.applied_on.isoformat()}) is after today."
            )
        return content

    def add(self, content: WaitingContent) -> WaitingItem:
        """Put an application on the list; it is quiet from the day it was sent."""
        content = self._checked(content)
        now = self._clock.now()
        with writing(self._db):
            item_id = Waiting.insert(
                {
                    Waiting.uuid: str(uuid.uuid4()),
                    Waiting.company: content.company,
                    Waiting.role: content.role,
                    Waiting.applied_on: content.applied_on,
                    Waiting.stage: content.stage.value,
                    Waiting.note: content.note,
                    Waiting.quiet_since: content.applied_on,
                    Waiting.created_at: now,
                    Waiting.updated_at: now,
                }
            ).execute(self._db)
        return self.get(item_id)

    def update(self, item_id: int, content: WaitingContent) -> WaitingItem:
        """Save new details; a stage that moved on means news came today, so the quiet restarts."""
        content = self._checked(content)
        with writing(self._db):
            old = self.get(item_id)
            if content == old.content:
                return old
            quiet_since = old.quiet_since
            if content.stage != old.content.stage:
                quiet_since = self._clock.today()
            elif quiet_since == old.content.applied_on:
                quiet_since = content.applied_on
            offered = old.offered_at if quiet_since == old.quiet_since else None
            Waiting.update(
                {
                    Waiting.company: content.company,
                    Waiting.role: content.role,
                    Waiting.applied_on: content.applied_on,
                    Waiting.stage: content.stage.value,
                    Waiting.note: content.note,
                    Waiting.quiet_since: quiet_since,
                    Waiting.updated_at: self._clock.now(),
                    Waiting.offered_at: offered,
                }
            ).where(Waiting.id == item_id).execute(self._db)
        return self.get(item_id)

    def remove(self, item_id: int) -> None:
        """Take an application off the list for good."""
        with writing(self._db):
            if not Waiting.delete().where(Waiting.id == item_id).execute(self._db):
                raise WaitingNotFoundError("That application is no longer on the waiting list.")

    def close(self, item_id: int, *, no_reply: bool = True) -> int:
        """Turn an application into a debrief draft and take it off the list; return its id.

        ``no_reply`` (it went quiet) fills in that the news came as no reply at all;
        without it ("I heard back") the person says how the news came. Company, role,
        day applied and stage are copied; the news is dated today. One transaction.
        """
        with writing(self._db):
            item = self.get(item_id)
            base = self._debriefs.new_content()
            content = DebriefContent(
                company=item.content.company,
                role=item.content.role,
                applied_on=item.content.applied_on,
                stage=item.content.stage,
                news_on=self._clock.today(),
                news_via=NewsVia.NO_REPLY if no_reply else None,
                notes=item.content.note,
                mourning_days=base.mourning_days,
            )
            debrief = self._debriefs.create(content, draft=True).record
            Waiting.delete().where(Waiting.id == item_id).execute(self._db)
        return debrief.id
