"""What the report reads beyond the figures: goal titles, application names, diary lines.

The figures carry record ids only; a printed page needs words. Company names are
also read here for the opposite reason: to take them out of any typed text (a
lesson, a goal) when the report is made without names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta, tzinfo

from peewee import SqliteDatabase

from regroup.core.goals.types import Lane
from regroup.core.insights.records import local_day
from regroup.core.insights.types import Period
from regroup.core.record import record
from regroup.core.storage.columns import from_db_time
from regroup.core.storage.models import Debrief, Entry, Goal

EXCERPT_CHARS = 280
"""A diary excerpt stops near this many characters, at a word."""
LEFT_OUT = "the company"
"""What a company name becomes in typed text when names are left out."""


@record
class DoneGoal:
    """A goal finished on ``done_on`` (a local day)."""

    id: int
    title: str
    done_on: date


class NameFilter:
    """Replaces every company the profile has ever named, as a whole word, in any text.

    Names are matched without case and longest first, so "Acme Labs" goes before
    "Acme". Debriefs in the trash count too: their names are still names.
    """

    def __init__(self, names: Iterable[str]) -> None:
        cleaned = {" ".join(name.split()) for name in names}
        words = sorted((n for n in cleaned if len(n) >= 2), key=lambda n: (-len(n), n))
        spaced = [r"\s+".join(re.escape(word) for word in name.split()) for name in words]
        alternatives = "|".join(spaced)
        self._pattern = (
            re.compile(rf"(?<!\w)(the\s+)?(?:{alternatives})(?!\w)", re.IGNORECASE)
            if words
            else None
        )

    def __call__(self, text: str) -> str:
        """Return ``text`` with every company name (and a "the" before it) as "the company"."""
        if self._pattern is None:
            return text
        return self._pattern.sub(_left_out, text)


def _left_out(match: re.Match[str]) -> str:
    the = match.group(1)
    return LEFT_OUT.capitalize() if the and the[0] == "T" else LEFT_OUT


def company_names(db: SqliteDatabase) -> list[str]:
    """Return every company named in a debrief, drafts and the trash included."""
    query = Debrief.select(Debrief.company).where(Debrief.company != "").distinct()
    return [row[0] for row in db.execute(query)]


def debrief_titles(db: SqliteDatabase) -> dict[int, str]:
    """Return "Company — Role" for every debrief, to name applications when asked to."""
    query = Debrief.select(Debrief.id, Debrief.company, Debrief.role)
    titles = {}
    for debrief_id, company, role in db.execute(query):
        title = " — ".join(t.strip() for t in (company, role) if t.strip())
        titles[debrief_id] = title or "A debrief without a name"
    return titles


def goals_done(db: SqliteDatabase, period: Period, tz: tzinfo | None) -> list[DoneGoal]:
    """Return the goals finished in ``period`` (every goal, not only those from debriefs)."""
    query = Goal.select(Goal.id, Goal.title, Goal.done_at).where(
        Goal.lane == Lane.DONE.value, Goal.deleted_at.is_null(), Goal.done_at.is_null(False)
    )
    done = []
    for goal_id, title, done_at in db.execute(query):
        day = local_day(from_db_time(done_at), tz)
        if period.contains(day):
            done.append(DoneGoal(goal_id, title, day))
    done.sort(key=lambda goal: (goal.done_on, goal.id))
    return done


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Return the start of ``text`` on one line, cut at a word near ``limit``."""
    flat = " ".join(text[: limit * 4].split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(",;:") + "…"


def diary_after(db: SqliteDatabase, day: date, days: int = 7) -> str | None:
    """Return the start of the first diary entry with words in the ``days`` from ``day``."""
    last = day + timedelta(days=days - 1)
    query = (
        Entry.select(Entry.title, Entry.body)
        .where(
            Entry.deleted_at.is_null(),
            Entry.entry_date >= day.isoformat(),
            Entry.entry_date <= last.isoformat(),
        )
        .order_by(Entry.entry_date, Entry.id)
    )
    for title, body in db.execute(query):
        words = excerpt(body) or excerpt(title)
        if words:
            return words
    return None
