"""The one place every insight is computed, for the Insights page, the report and the CLI.

Figures read the profile through Peewee, follow the profile's clock for "today",
and are filtered by a :class:`Period`. Only saved debriefs count (drafts are still
being written); nothing in the trash counts.
"""

from __future__ import annotations

from datetime import date, tzinfo

from peewee import SqliteDatabase

from regroup.core.clock import Clock
from regroup.core.insights import lessons as lesson_figures
from regroup.core.insights import mood as mood_figures
from regroup.core.insights import outcomes, progress, records
from regroup.core.insights.records import DebriefRow
from regroup.core.insights.types import (
    LATER_DAYS,
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
    """Computes the figures; each call reads the records afresh (nothing is cached).

    ``tz`` is the zone that turns stored instants (goals made and done, check-ins
    answered) into days; None is the machine's.
    """

    def __init__(self, db: SqliteDatabase, clock: Clock, tz: tzinfo | None = None) -> None:
        self._db = db
        self._clock = clock
        self._tz = tz

    def today(self) -> date:
        """Return the profile clock's local day, the "today" of every figure."""
        return self._clock.today()

    def _debriefs(self, period: Period) -> list[DebriefRow]:
        return records.in_period(records.debriefs(self._db, self._tz), period)

    def insights(self, period: Period) -> Insights:
        """Return every figure for ``period``, reading each table once."""
        today = self.today()
        everything = records.debriefs(self._db, self._tz)
        rows = records.in_period(everything, period)
        goal_rows = records.goals(self._db, self._tz)
        return Insights(
            period=period,
            today=today,
            debriefs=len(rows),
            stages=outcomes.stages(rows),
            feedback=outcomes.feedback(rows),
            mood=self._mood(rows, period),
            move_on=progress.move_on(rows, records.checkins(self._db, self._tz)),
            direction=outcomes.direction(rows),
            lessons=lesson_figures.lessons(rows, goal_rows),
            goals=progress.goals(goal_rows, period, today),
            preparation=outcomes.preparation(rows),
            then_and_now=self._then_and_now(everything, goal_rows, today),
        )

    def stages(self, period: Period) -> StagesFigure:
        """1. How far applications got, and whether the later ones got further."""
        return outcomes.stages(self._debriefs(period))

    def feedback(self, period: Period) -> FeedbackFigure:
        """2. Feedback asked for and received, and how the news came."""
        return outcomes.feedback(self._debriefs(period))

    def mood(self, period: Period) -> MoodFigure:
        """3. Diary mood over time and around each piece of news."""
        return self._mood(self._debriefs(period), period)

    def _mood(self, rows: list[DebriefRow], period: Period) -> MoodFigure:
        first, last = records.mood_range(period, LATER_DAYS.stop - 1)
        return mood_figures.mood(records.daily_moods(self._db, first, last), rows, period)

    def move_on(self, period: Period) -> MoveOnFigure:
        """4. Days from the news to "ready to move on", and the "Not yet"s."""
        return progress.move_on(self._debriefs(period), records.checkins(self._db, self._tz))

    def direction(self, period: Period) -> DirectionFigure:
        """5. Each kind of role: how many, how wanted, how far, and keep looking."""
        return outcomes.direction(self._debriefs(period))

    def lessons(self, period: Period) -> LessonsFigure:
        """6. Thinking traps and "do differently" lines that come back."""
        return lesson_figures.lessons(self._debriefs(period), records.goals(self._db, self._tz))

    def goals(self, period: Period) -> GoalsFigure:
        """7. Goals made from debriefs and done per month; those past their date."""
        return progress.goals(records.goals(self._db, self._tz), period, self.today())

    def preparation(self, period: Period) -> PreparationFigure:
        """8. Preparedness against the stage reached."""
        return outcomes.preparation(self._debriefs(period))

    def then_and_now(self, today: date | None = None) -> ThenAndNow | None:
        """Return the look-back card, or None when no debrief is three months old.

        It looks at all the records, whatever period the page shows.
        """
        day = today or self.today()
        everything = records.debriefs(self._db, self._tz)
        return self._then_and_now(everything, records.goals(self._db, self._tz), day)

    def _then_and_now(
        self, rows: list[DebriefRow], goal_rows: list[records.GoalRow], today: date
    ) -> ThenAndNow | None:
        then = progress.pick_then(rows, today)
        if then is None:
            return None
        daily: mood_figures.DailyMoods = {}
        for first, last in progress.mood_days(then, today):
            daily.update(records.daily_moods(self._db, first, last))
        return progress.then_and_now(then, rows, goal_rows, daily, today)
