"""The one place every insight is computed, for the Insights page, the report and the CLI.

Figures read the profile through Peewee, follow the profile's clock for "today",
and are filtered by a :class:`Period`. Only saved debriefs count (drafts are still
being written); nothing in the trash counts.
"""

from __future__ import annotations

from datetime import date, tzinfo

from peewee import SqliteDatabase

from regroup.core.clock import Clock
from regroup.core.insights.types import (
    DirectionFigure,
    FeedbackFigure,
    GoalsFigure,
    Insights,
    LessonsFigure,
    MoodFigure,
    MoveOnFigure,
    Period,
    PreparationFigure,
    StagesFigure,
    ThenAndNow,
)


class InsightsService:
    """Computes the figures; each call reads the records afresh (nothing is cached)."""

    def __init__(self, db: SqliteDatabase, clock: Clock, tz: tzinfo | None = None) -> None:
        self._db = db
        self._clock = clock
        self._tz = tz

    def today(self) -> date:
        """Return the profile clock's local day, the "today" of every figure."""
        return self._clock.today()

    def insights(self, period: Period) -> Insights:
        """Return every figure for ``period``, reading each table once."""
        raise NotImplementedError

    def stages(self, period: Period) -> StagesFigure:
        """1. How far applications got, and whether the later ones got further."""
        raise NotImplementedError

    def feedback(self, period: Period) -> FeedbackFigure:
        """2. Feedback asked for and received, and how the news came."""
        raise NotImplementedError

    def mood(self, period: Period) -> MoodFigure:
        """3. Diary mood over time and around each piece of news."""
        raise NotImplementedError

    def move_on(self, period: Period) -> MoveOnFigure:
        """4. Days from the news to "ready to move on", and the "Not yet"s."""
        raise NotImplementedError

    def direction(self, period: Period) -> DirectionFigure:
        """5. Each kind of role: how many, how wanted, how far, and keep looking."""
        raise NotImplementedError

    def lessons(self, period: Period) -> LessonsFigure:
        """6. Thinking traps and "do differently" lines that come back."""
        raise NotImplementedError

    def goals(self, period: Period) -> GoalsFigure:
        """7. Goals made from debriefs and done per month; those past their date."""
        raise NotImplementedError

    def preparation(self, period: Period) -> PreparationFigure:
        """8. Preparedness against the stage reached."""
        raise NotImplementedError

    def then_and_now(self, today: date | None = None) -> ThenAndNow | None:
        """Return the look-back card, or None when no debrief is three months old."""
        raise NotImplementedError
